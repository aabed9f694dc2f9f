/* SGDExplorer in the page: nnlib/explorers/sgd.py, drawn without Python.
 * Every (m, eta) run was trained by nnlib.sgd when the explorer was built; this file
 * only looks the runs up and draws them. */
nnx.kinds.sgd = {
  FAINT: nnx.COLORS.faint, TOP: 22, LABELS_W: 56,
  legend: function (s) {
    var P = nnx.COLORS.model, paint = nnx.paint;
    return '<line x1="52" y1="11" x2="72" y2="11"' + paint(null, P) + ' stroke-width="2.5"/><circle cx="62" cy="11" r="3"' + paint(P) + '/>' +
      '<text x="78" y="15" font-size="12">m = ' + s.batch_size + ', \u03b7 = ' + s.eta + '</text>' +
      '<line x1="250" y1="11" x2="270" y2="11"' + paint(null, this.FAINT) + ' stroke-width="2"/>' +
      '<text x="276" y="15" font-size="12"' + paint(nnx.COLORS.muted) + '>the other batch sizes, same \u03b7</text>';
  },
  nearest: function (options, v) {
    var best = 0, bestErr = Infinity;
    options.forEach(function (o, k) {
      var err = v > 0 ? Math.abs(Math.log(o / v)) : Math.abs(o - v);
      if (err < bestErr) { best = k; bestErr = err; }
    });
    return best;
  },
  perEpoch: function (d, m) { return Math.ceil(d.n / m); },
  compute: function (d, v) {
    var i = this.nearest(d.batch_sizes, v.batch_size), j = this.nearest(d.etas, v.eta);
    var run = d.runs[i][j], m = d.batch_sizes[i];
    return { mse: run.final_mse, accuracy: run.final_accuracy, batch_size: m, eta: d.etas[j],
      updates: this.perEpoch(d, m), total_updates: run.total_updates, diverged: run.diverged !== null };
  },
  /* A run's three curves, [[x, y] per plot]: MSE and accuracy by epoch, MSE by update */
  series: function (run, perEpoch) {
    var epochs = nnx.linspace(0, run.mse.length - 1, run.mse.length);
    return [[epochs, run.mse], [epochs, run.accuracy], [epochs.slice(1).map(function (e) { return e * perEpoch; }), run.mse.slice(1)]];
  },
  /* sgd.py's _end_labels(): each run named in a column right of the plot, with a dotted leader;
   * items: [run, updates per epoch, text, line colour, text colour], the chosen run last */
  endLabels: function (p, items) {
    var ends = items.map(function (it) {
      var run = it[0];
      return [p.px(Math.max((run.mse.length - 1) * it[1], 1)), Math.min(Math.max(p.py(run.mse[run.mse.length - 1]), p.y0), p.y0 + p.h)];
    });
    var at = nnx.spread(ends.map(function (e) { return e[1]; }), 13, p.y0 + 4, p.y0 + p.h), xText = p.x0 + p.w + 8, f1 = function (v) { return v.toFixed(1); };
    var leaders = {}, texts = items.map(function (it, k) {
      var x = ends[k][0], y = ends[k][1];
      leaders[it[3]] = (leaders[it[3]] || "") + "M" + f1(x + 4) + " " + f1(y) + "L" + f1(p.x0 + p.w + 3) + " " + f1(at[k]) + "L" + f1(xText - 2) + " " + f1(at[k]);
      return '<text x="' + f1(xText) + '" y="' + f1(at[k] + 4) + '" font-size="12"' + nnx.paint(it[4]) + '>' + nnx.esc(it[2]) + '</text>';
    });
    return Object.keys(leaders).map(function (color) {      // the leaders of one colour: one path
      return '<path d="' + leaders[color] + '" fill="none"' + nnx.paint(null, color) + ' stroke-dasharray="1 2"/>';
    }).concat(texts);
  },
  draw: function (d, v, s) {
    var self = this, i = this.nearest(d.batch_sizes, v.batch_size), j = this.nearest(d.etas, v.eta);
    var picked = d.runs[i][j], E = d.epochs, n = d.n, PICKED = nnx.COLORS.model;
    var xlim = [-0.03 * E, 1.03 * E];            // room for the dots at both ends
    var ticks = nnx.niceTicks(0, E);
    var p1 = new nnx.LogPlot(320, 230, xlim, d.mse_lim, 0, this.TOP, [26, 12, 34, 52], false, true, ticks)
      .fixed(d, "axes", function (p) { p.axes("epoch", "training MSE"); });
    var p2 = new nnx.LogPlot(320, 230, xlim, [-0.02, 1.02], 320, this.TOP, [26, 12, 34, 52], false, false, ticks,
      nnx.niceTicks(0, 1)).fixed(d, "axes", function (p) { p.axes("epoch", "test accuracy"); });
    var total = Math.max.apply(null, d.batch_sizes.map(function (m) { return E * self.perEpoch(d, m); }));
    var p3 = new nnx.LogPlot(640, 210, [1, 1.3 * total], d.mse_lim, 0, this.TOP + 230, [30, this.LABELS_W, 34, 52], true, true)
      .fixed(d, "axes", function (p) { p.axes("number of updates (mini-batch steps)", "training MSE"); });
    var plots = [p1, p2, p3], others = [[], [], []], labels = [];
    d.batch_sizes.forEach(function (m, k) {          // the other batch sizes, faint, under the chosen one
      if (k === i) return;
      var run = d.runs[k][j];
      self.series(run, self.perEpoch(d, m)).forEach(function (xy, n) { others[n].push(xy); });
      labels.push([run, self.perEpoch(d, m), "m=" + m, self.FAINT, nnx.COLORS.axis]);
    });
    this.series(picked, s.updates).forEach(function (xy, n) {
      plots[n].lines(others[n], self.FAINT, 1.2).line(xy[0], xy[1], PICKED, 2.5).dots(xy[0], xy[1], PICKED, 3);
    });
    labels.push([picked, s.updates, "m=" + s.batch_size, PICKED, PICKED]);
    p3.parts.push.apply(p3.parts, this.endLabels(p3, labels));
    p1.text(p1.x0, p1.y0 - 8, "on " + n + " training digits", 12);
    p2.text(p2.x0, p2.y0 - 8, "on " + d.n_test + " test digits", 12);
    p3.text(p3.x0, p3.y0 - 9, "the same runs against the number of updates: \u2308n/m\u2309 = \u2308" + n + "/" + s.batch_size +
      "\u2309 = " + s.updates + " per epoch", 12);
    if (picked.final_accuracy < 1.5 / d.n_classes)
      p2.parts.push(nnx.haloText(p2.x0 + p2.w / 2, p2.y0 + 20, "at chance level (1/" + d.n_classes + "): nothing learned", 12, nnx.COLORS.warn, "middle", "bold"));
    if (picked.diverged !== null)
      p1.parts.push(nnx.haloText(p1.x0 + p1.w / 2, p1.y0 + 20, "diverged at epoch " + picked.diverged.epoch + ", step " +
        picked.diverged.step, 12, nnx.COLORS.warn, "middle", "bold"));
    return nnx.figure(640, this.TOP + 440, [this.legend(s), p1, p2, p3]);
  }
};
