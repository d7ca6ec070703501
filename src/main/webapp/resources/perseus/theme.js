// The theme, applied before the page paints: the one chosen with the header's toggle (remembered in this
// browser), else the browser's own preference (prefers-color-scheme). A file, not inline: the CSP allows no
// inline script.
(function () {
  var KEY = 'perseus-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function chosen() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function apply() {
    var theme = chosen() || (media && media.matches ? 'dark' : 'light');
    root.setAttribute('data-theme', theme);
    var toggle = document.getElementById('theme-toggle');
    if (toggle) toggle.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
  }

  apply();
  if (media && media.addEventListener) media.addEventListener('change', apply);
  document.addEventListener('DOMContentLoaded', function () {
    apply();
    var toggle = document.getElementById('theme-toggle');
    if (!toggle) return;
    toggle.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* private mode: this page only */ }
      root.setAttribute('data-theme', next);
      apply();
    });
  });
})();
