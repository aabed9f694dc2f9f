/* NeuronExplorer in the page: nnlib/explorers/neuron.py, drawn without Python. */
nnx.kinds.neuron = {
  net: function (v) { return { W: [[[v.w]]], b: [[v.b]], acts: [v.activation] }; },
  compute: function (d, v) {
    var n = this.net(v), f = nnx.forward(n.W, n.b, n.acts, [v.x]);
    return { mse: nnx.mse(n.W, n.b, n.acts, d.X, d.Y), z: f.zs[0][0], a: f.as[1][0], activations: [f.as[1][0]] };
  },
  draw: function (d, v, s) {
    var n = this.net(v), xs = nnx.linspace(d.xlim[0], d.xlim[1], d.n_curve);
    var ys = xs.map(function (x) { return nnx.forward(n.W, n.b, n.acts, [x]).as[1][0]; });
    var p = new nnx.Plot(560, 260, d.xlim, d.ylim).fixed(d, "axes and data", function (p) {
      p.axes("x", "a").dots(d.X.map(function (r) { return r[0]; }), d.Y.map(function (r) { return r[0]; }));
    });
    p.line(xs, ys).vline(v.x).dots([v.x], [s.a], nnx.COLORS.accent, 5);
    return nnx.figure(560, 260, [p]);
  }
};
