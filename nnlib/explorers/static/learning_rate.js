/* LearningRateExplorer in the page: nnlib/explorers/learning_rate.py, drawn without Python.
 * Every run (one per eta on the slider's grid) was computed by nnlib when the explorer was
 * built; this file only looks them up and draws them. */
nnx.kinds.learning_rate = {
  REGIME_COLORS: { "converges": nnx.COLORS.good, "converges slowly": nnx.COLORS.ochre, "oscillates": nnx.COLORS.orange,
    "diverges": nnx.COLORS.warn },
  index: function (d, eta) {
    var i = Math.round((Math.log10(eta) - d.eta_lo) / d.eta_step);
    return Math.min(Math.max(i, 0), d.etas.length - 1);
  },
  compute: function (d, v) {
    var i = this.index(d, v.eta), t = Math.round(v.step), one = d.one[i], two = d.two[i];
    var t1 = Math.min(t, one.w.length - 1), t2 = Math.min(t, two.w.length - 1);
    return { eta: d.etas[i], step: t, w: one.w[t1], mse: one.C[t1], regime: one.regime,
      w1: two.w[t2][0], w2: two.w[t2][1], mse_2d: two.C[t2], regime_2d: two.regime };
  },
  contours: function (d, p) {       // contour lines of C(w1, w2): computed and drawn once per page
    p.fixed(d, "contours", function (p) {
      d.levels.forEach(function (lv) { p.segments(nnx.contourLines(d.grid_w1, d.grid_w2, d.Z, lv), nnx.COLORS.faint, 1); });
    });
  },
  trajectory: function (p, xs, ys, color) {
    p.line(xs, ys, color, 1.5).dots(xs, ys, color, 2.5);
    p.dots(xs.slice(-1), ys.slice(-1), color, 5.5).dots(xs.slice(-1), ys.slice(-1), nnx.COLORS.bg, 2.5);
  },
  badge: function (p, name, run, t) {
    var color = this.REGIME_COLORS[run.regime];
    p.text(p.x0, p.y0 - 18, name, 12, "start", nnx.COLORS.text);
    p.text(p.x0 + p.w, p.y0 - 18, run.regime, 12, "end", color);
    if (run.diverged !== null)
      p.text(p.x0 + p.w, p.y0 - 5, (t >= run.diverged ? "diverged at step " : "will diverge at step ") + run.diverged, 12, "end", color);
    if (run.diverged !== null && t >= run.diverged)
      p.parts.push(nnx.haloText(p.x0 + p.w / 2, p.y0 + 22, "diverged: the steps left the picture", 12, color, "middle", "bold"));
  },
  legend: function (p) {            // one weight (circle), two weights (square): not by colour alone
    var x = p.x0 + p.w - 182, y = p.y0 - 9, C = nnx.COLORS, paint = nnx.paint, f1 = function (v) { return v.toFixed(1); };
    [[0, C.model, "one weight", false], [95, C.data, "two weights", true]].forEach(function (e) {
      var cx = x + e[0] + 9, cy = y - 4;
      p.parts.push('<line x1="' + f1(x + e[0]) + '" y1="' + f1(cy) + '" x2="' + f1(x + e[0] + 18) + '" y2="' + f1(cy) + '"' +
        paint(null, e[1]) + ' stroke-width="2"/>' + (e[3] ?
        '<rect x="' + f1(cx - 3.5) + '" y="' + f1(cy - 3.5) + '" width="7" height="7"' + paint(e[1]) + '/>' :
        '<circle cx="' + f1(cx) + '" cy="' + f1(cy) + '" r="3.5"' + paint(e[1]) + '/>'));
      p.text(x + e[0] + 22, y, e[2], 12);
    });
  },
  draw: function (d, v, s) {
    var C = nnx.COLORS, i = this.index(d, v.eta), t = s.step, one = d.one[i], two = d.two[i], self = this;
    var col = function (rows, k) { return rows.map(function (r) { return r[k]; }); };
    // left: the parabola C(w) and the steps on it
    var p1 = new nnx.Plot(320, 250, d.wlim, d.curve_lim, 0, 0, [34, 12, 34, 48]).fixed(d, "axes", function (p) {
      p.axes("w", "C(w)", "").line(d.curve_w, d.curve_C, C.axis, 1.5).dots([d.one_min.w[0]], [d.one_min.C], C.text, 3);
    });
    this.trajectory(p1, one.w.slice(0, t + 1), one.C.slice(0, t + 1), C.model);
    this.badge(p1, "one weight", one, t);
    // right: contour lines of C(w1, w2) and the steps on them
    var p2 = new nnx.Plot(320, 250, d.wlim, d.w2lim, 320, 0, [34, 12, 34, 48]).fixed(d, "axes", function (p) { p.axes("w\u2081", "w\u2082", ""); });
    this.contours(d, p2);
    p2.dots([d.two_min.w[0]], [d.two_min.w[1]], C.text, 3);
    var path = two.w.slice(0, t + 1);
    this.trajectory(p2, col(path, 0), col(path, 1), C.data);
    this.badge(p2, "two weights", two, t);
    // bottom: the cost at every step, log scale
    var p3 = new nnx.LogPlot(640, 200, [0, d.steps], d.cost_lim, 0, 250, [30, 12, 34, 64]).fixed(d, "axes", function (p) { p.axes("step t", "MSE", ""); });
    var steps = nnx.linspace(0, d.steps, d.steps + 1);
    [[one, C.model, "dots"], [two, C.data, "squares"]].forEach(function (rc) {
      var run = rc[0], color = rc[1], n = run.C.length, last = Math.min(t, n - 1);
      p3.line(steps.slice(0, n), run.C, color, 1, "3 3");
      p3.line(steps.slice(0, Math.min(t + 1, n)), run.C.slice(0, t + 1), color, 2);
      p3[rc[2]]([last], [run.C[last]], color, 4);
    });
    p3.vline(t, C.axis);
    p3.text(p3.x0, p3.y0 - 9, "stable while \u03b7 < 2/k_max = " + nnx.fmt(2 / d.k_max) +
      ", k_max = " + nnx.fmt(d.k_max), 12);
    this.legend(p3);
    return nnx.figure(640, 450, [p1, p2, p3]);
  }
};
