// Loaded between require.js and the ipywidgets HTML manager (_config.yml,
// nb_ipywidgets_js); tools/assets.py copies it to vendor/.
(function () {
  // The manager loads its icon fonts (and any widget module it lacks, from
  // data-jupyter-widgets-cdn="./") relative to require.js's baseUrl. Point
  // that at vendor/, where this file is, whatever the page's folder.
  require.config({ baseUrl: document.currentScript.src.replace(/[^/]*$/, "") });

  // Widget labels typeset with MathJax 2's MathJax.Hub.Queue; the book runs
  // MathJax 3, which has no Hub. Forward those calls once MathJax has loaded
  // (it is deferred, so it has by DOMContentLoaded; widgets render on load).
  document.addEventListener("DOMContentLoaded", function () {
    var mj = window.MathJax;
    if (!mj || mj.Hub || !mj.startup) return;
    mj.Hub = { Queue: function (job) {
      mj.startup.promise.then(function () { return mj.typesetPromise([job[2]]); });
    } };
  });
})();
