/*! cohort-dashboard responsive embed: sizes every <iframe data-cohort-dashboard> to the
 *  height its page reports, like Datawrapper's. Add once per page:
 *  <script src=".../embed.js" async></script>. No dependencies; about 1 KB. */
(function () {
  if (window.__cohortDashboardEmbed) return;
  window.__cohortDashboardEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'cohort-dashboard:height' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-cohort-dashboard]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.border = '0';
        frames[i].style.height = Math.max(100, Math.min(20000, data.height)) + 'px';
      }
    }
  });
})();
