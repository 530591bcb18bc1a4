/*! cohort-dashboard: runs in <head> before the first paint. The HTML carries the default view
 *  prerendered (light theme, all schools). It is shown only where it is the view asked for:
 *  an address naming a cohort, tab, theme, mode or chart, or a system dark theme, hides it
 *  until the app draws the right one, so a link never flashes the wrong view. */
(function () {
  var root = document.documentElement;
  var asked = location.search.replace(/^\?/, '').split('&').filter(function (p) {
    return p && p !== 'nosw';
  });
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  root.classList.add(asked.length || dark ? 'prerender-off' : 'prerendered');
})();
