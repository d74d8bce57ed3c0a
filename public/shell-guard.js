// The prerendered first view shows the Chinese overview with nothing selected. A link asking for
// something else (English, a site, the tour, filters) must not flash it: hide it before it paints.
(() => {
  var shown = ['view', 'layers', 'testing'];
  var params = new URLSearchParams(location.search);
  var other = false;
  params.forEach((_v, k) => {
    if (shown.indexOf(k) < 0) other = true;
  });
  if (other) document.documentElement.classList.add('no-shell');
})();
