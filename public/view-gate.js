/*! cohort-dashboard: runs in <head> before the first paint. The HTML carries the default view
 *  prerendered (all schools, in the system's light or dark theme). It is shown only where
 *  it is the view asked for: an address naming a cohort, tab, theme, mode or chart hides it
 *  until the app draws the right one, so a link never flashes the wrong view. The one
 *  exception is an embed of one chart of the default view, shown as that chart alone. */
(function () {
  var root = document.documentElement;
  // The app's wasm and glue, and the dataset: the build (scripts/post-build.mjs) writes
  // trunk's preload hints for them here.
  var hints = /*HINTS*/[];
  var asked = location.search.replace(/^\?/, '').split('&').filter(function (p) {
    return p && p !== 'nosw';
  });
  // A file the page will fetch (as=fetch) is fetched here and its response kept for the
  // code that wants it (`cohortFetched[href]`, taken once: src/enhance/mod.rs, fetched; the
  // start-up script; the app's dataset): WebKit does not match a preload hint to the fetch
  // that wants it, and fetched every such file twice.
  var hinted = {};
  function hint(attrs) {
    // Each file once, whoever hints it first (a menu reached, or the start-up script).
    if (hinted[attrs.href]) return;
    hinted[attrs.href] = true;
    if (attrs.as === 'fetch' && window.fetch) {
      var got = fetch(attrs.href, { credentials: 'same-origin', integrity: attrs.integrity || '' });
      // A failure is reported by the code that takes the response.
      got.catch(function () {});
      (window.cohortFetched = window.cohortFetched || {})[attrs.href] = got;
      return;
    }
    var link = document.createElement('link');
    for (var k in attrs) link.setAttribute(k, attrs[k]);
    document.head.appendChild(link);
  }
  // The start-up script hints the app's files by this too, when a reader asks for the app.
  window.cohortHint = hint;
  // Over the static view its small enhancer (src/enhance/) is fetched while the page is
  // read; the start-up script runs it once the view has painted.
  function enhancer() {
    hint({ rel: 'modulepreload', href: './enhance.js' });
    hint({ rel: 'preload', href: './enhance_bg.wasm', as: 'fetch' });
  }
  // Paper, on every print path (the Print button, the browser's menu, Ctrl+P, a phone's share
  // sheet; before or after the app): the line that says when the brief was printed and from
  // which view, the address its last line gives for the notes, and the static drawings paper shows (`.pre-print`, one a chart), fetched once
  // the page is idle so that the browser's own print has every chart (the enhancer asks again
  // for a view it swaps in: enhance/views.rs, for_paper).
  function forPaper() {
    var stamp = document.querySelector('.print-stamp');
    if (stamp) {
      var a = document.createElement('a');
      a.href = location.href;
      a.textContent = location.href;
      stamp.textContent = 'Printed on ' + new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) + ' from this view: ';
      stamp.appendChild(a);
    }
    // The brief's last line: the notes are on the page at this view's address.
    var at = document.querySelectorAll('.print-address');
    for (var k = 0; k < at.length; k++) {
      at[k].href = location.href;
      at[k].textContent = location.href;
    }
    var drawings = document.querySelectorAll('#prerender img.pre-print[loading="lazy"]');
    for (var i = 0; i < drawings.length; i++) drawings[i].loading = 'eager';
  }
  // When the browser is next idle, unless the reader saves data (at load, and by the enhancer
  // once it has swapped a view in).
  function paperSoon() {
    if (navigator.connection && navigator.connection.saveData) return;
    if (window.requestIdleCallback) requestIdleCallback(forPaper, { timeout: 2000 });
    else setTimeout(forPaper, 500);
  }
  window.cohortPaperSoon = paperSoon;
  addEventListener('beforeprint', forPaper);
  addEventListener('load', paperSoon);
  // What a menu will show is fetched when it is focused or pointed at, before it is chosen
  // (a phone's picker, a mouse on its way): the choice then waits only for the swap. With
  // every other menu at its first option, that is the views it would show (as
  // src/enhance/views.rs `wanted` has it); with another menu away, a choice is two menus
  // away and the app's to show, so the app's files are fetched (not started: the start-up
  // script takes them when a control asks for the app). Each file once; nothing for a
  // reader saving data.
  function soon(e) {
    var menu = e.target;
    if (!menu || !menu.matches || !menu.matches('#prerender .controls select[data-twin]')) return;
    if (navigator.connection && navigator.connection.saveData) return;
    var menus = document.querySelectorAll('#prerender .controls select[data-twin]');
    for (var m = 0; m < menus.length; m++) {
      if (menus[m] === menu || menus[m].selectedIndex === 0) continue;
      for (var h = 0; h < hints.length; h++) hint(hints[h]);
      ahead([]);
      return;
    }
    var hrefs = [];
    for (var i = 0; i < menu.options.length; i++) {
      var file = i === 0 ? 'default' : menu.options[i].getAttribute('data-view');
      if (i === menu.selectedIndex || !file) continue;
      hrefs.push('prerender/views/' + file + '.html');
      // The default view's rules are the page's own.
      if (i > 0) rules('prerender/views/' + file + '.css');
    }
    ahead(hrefs);
  }
  // A view fetched before it is chosen is read, and parsed while the reader decides
  // (`cohortViews[href]`: its text, then its parsed parts), so that choosing it only puts it
  // in (src/enhance/views.rs, `Coming::Early`). Parsed when the browser is idle: a view is about
  // 150 KB of HTML, some 12 ms to parse and 7,700 nodes, so only the views of the menu
  // reached last are kept parsed (a keyboard passing every menu held 92,000); the others
  // keep their text.
  function ahead(hrefs) {
    var all = window.cohortViews = window.cohortViews || {};
    for (var k in all) {
      all[k].wanted = hrefs.indexOf(k) >= 0;
      if (!all[k].wanted) delete all[k].parsed;
    }
    hrefs.forEach(function (href) {
      var got = all[href];
      if (!got) {
        if (hinted[href] || !window.fetch) return;
        hinted[href] = true;
        got = all[href] = {
          wanted: true,
          text: fetch(href, { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.text() : null; })
            .catch(function () { return null; }),
        };
      }
      if (got.parsed || got.parsing) return;
      got.parsing = true;
      got.text.then(function (text) {
        var parse = function () {
          got.parsing = false;
          // Taken by the enhancer meanwhile, or another menu reached.
          if (!text || all[href] !== got || !got.wanted) return;
          // Into the page's own document (src/enhance/mod.rs, `parsed`: nothing to adopt
          // when it goes in); its drawings are lazy, so none loads before it is in.
          got.parsed = document.createRange().createContextualFragment(text);
        };
        if (window.requestIdleCallback) requestIdleCallback(parse, { timeout: 1000 });
        else setTimeout(parse, 0);
      });
    });
  }
  // A view's rules go in the page before the view does: they choose only that view's
  // drawings (by classes of its own), so they change nothing until it is in, and the swap
  // then need not wait for a stylesheet to load (src/enhance/views.rs, stylesheet). Marked
  // when loaded; taken out if they fail, and the enhancer asks again.
  function rules(href) {
    if (hinted[href]) return;
    hinted[href] = true;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = function () { link.setAttribute('data-loaded', ''); };
    link.onerror = function () { link.remove(); };
    document.head.appendChild(link);
  }
  document.addEventListener('focusin', soon);
  document.addEventListener('pointerover', soon);
  // An embed of one chart of the default view (`?chart=<id>&embed`, as the page's snippet
  // writes it) is prerendered too: that chart's card alone, as the embed shows it.
  var chart = asked.length === 2 && asked.indexOf('embed') >= 0 && asked.filter(function (p) {
    return /^chart=[a-z0-9-]+$/.test(p);
  })[0];
  // Only a chart the static view has (the build writes their names here); any other embed
  // waits for the app, which says what it can show.
  var embeddable = /*CHARTS*/[];
  if (chart && embeddable.indexOf(chart.slice(6)) >= 0) {
    root.setAttribute('data-mode', 'embed');
    root.setAttribute('data-embed-chart', chart.slice(6));
    root.classList.add('prerendered', 'prerender-embed');
    enhancer();
    return;
  }
  // A menu chosen before the enhancer has started (its wasm still coming) is not lost: the
  // page says at once what is changing, in the enhancer's words (src/enhance/controls.rs,
  // say_changing), and the enhancer takes the choice up when it starts
  // (take_up_early_choices).
  var MENUS = '#prerender .controls select[data-twin]';
  function changing() {
    if (root.hasAttribute('data-enhanced')) return;
    var menus = document.querySelectorAll(MENUS);
    var chosen = [], shown = [];
    for (var i = 0; i < menus.length; i++) {
      var m = menus[i];
      var was = m.querySelector('option[selected]') || m.options[0];
      var now = m.options[m.selectedIndex];
      if (now && was && now !== was) { chosen.push(now.textContent); shown.push(was.textContent); }
    }
    var words = function (l) { return l.length < 2 ? l.join('') : l.slice(0, -1).join(', ') + ' and ' + l[l.length - 1]; };
    var note = document.querySelector('.prerender__changing');
    var stale = document.querySelectorAll('#prerender .answer, #prerender .charts');
    if (!chosen.length) {
      if (note) note.remove();
      for (var k = 0; k < stale.length; k++) { stale[k].removeAttribute('aria-busy'); stale[k].classList.remove('prerender--changing'); }
      return;
    }
    if (!note) {
      note = document.createElement('p');
      note.className = 'prerender__changing';
      note.setAttribute('role', 'status');
      var controls = document.querySelector('#prerender .controls');
      if (controls) controls.after(note);
    }
    note.textContent = 'Changing the view to ' + words(chosen) + '. Until it is ready, the answer and the charts still show ' + words(shown) + '.';
    for (var j = 0; j < stale.length; j++) { stale[j].setAttribute('aria-busy', 'true'); stale[j].classList.add('prerender--changing'); }
  }
  document.addEventListener('change', function (e) {
    if (e.target && e.target.matches && e.target.matches(MENUS)) changing();
  }, true);
  // A tab or legend button used before the enhancer has started is marked, in order, and
  // used again when it starts (take_up_early_clicks); its card says it is busy meanwhile. Of
  // one card's tabs only the last counts.
  var early = 0;
  document.addEventListener('click', function (e) {
    if (root.hasAttribute('data-enhanced') || !e.target || !e.target.closest) return;
    var button = e.target.closest('#prerender .chart-card__bar button');
    if (!button) return;
    e.preventDefault();
    if (button.getAttribute('role') === 'tab') {
      var others = button.parentNode.querySelectorAll('[data-early]');
      for (var i = 0; i < others.length; i++) others[i].removeAttribute('data-early');
    }
    button.setAttribute('data-early', String(++early));
    var card = button.closest('section.chart-card');
    if (card) card.setAttribute('aria-busy', 'true');
  }, true);
  // A menu the browser restored (a reload, back): said as soon as the page is parsed.
  document.addEventListener('DOMContentLoaded', changing);
  addEventListener('pageshow', changing);
  // A link to a view one menu away from the default (`?cohort=<id>`, as the page writes it)
  // is prerendered too (src/prerender/views.rs; the build writes their addresses here): the
  // static page is painted without the default view's answer, menus and cards, and the
  // enhancer puts the view asked for in their place; its file and rules are fetched now,
  // beside the enhancer.
  var views = /*VIEWS*/{};
  var view = Object.prototype.hasOwnProperty.call(views, asked.join('&')) && views[asked.join('&')];
  if (view) {
    root.classList.add('prerendered', 'prerender-view');
    enhancer();
    hint({ rel: 'preload', href: 'prerender/views/' + view + '.html', as: 'fetch', crossorigin: 'anonymous' });
    hint({ rel: 'preload', href: 'prerender/views/' + view + '.css', as: 'style' });
    return;
  }
  var off = asked.length > 0;
  root.classList.add(off ? 'prerender-off' : 'prerendered');
  // With no static view to paint, the app is all there is: fetch it at once, with the
  // dataset. (Over the prerendered view it comes when a reader first uses a control.)
  for (var i = 0; off && i < hints.length; i++) hint(hints[i]);
  if (!off) enhancer();
})();
