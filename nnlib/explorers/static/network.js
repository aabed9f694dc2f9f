/* NetworkExplorer in the page: nnlib/explorers/network.py, computed and drawn without Python.
 * The numbers come from core.js's nnx.forward, nnx.mse and nnx.backprop (tested against nnlib). */
(function () {
  var WIDTH = 660, HEIGHT = 290, C = nnx.COLORS, esc = nnx.esc, fmt = nnx.fmt, paint = nnx.paint, BAR = "#f28e2b";

  function short(v) {        /* network.py's short() */
    if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) return v.toExponential(2).replace("e+", "e");
    return v.toFixed(4);
  }
  function vec(v) {
    var items = v.slice(0, 3).map(fmt).concat(v.length > 3 ? ["\u2026"] : []);
    return v.length === 1 ? items[0] : "(" + items.join(", ") + ")";
  }
  function paramOf(d, label) { for (var i = 0; i < d.params.length; i++) if (d.params[i][1] === label) return d.params[i]; }

  /* W, b (nnlib's indexing: W[l-1] is the book's W^(l)) from the slider values. */
  function net(d, v) {
    var W = [], b = [];
    for (var l = 1; l < d.sizes.length; l++) {
      W.push([]); b.push([]);
      for (var j = 0; j < d.sizes[l]; j++) { W[l - 1].push(new Array(d.sizes[l - 1]).fill(0)); b[l - 1].push(0); }
    }
    d.params.forEach(function (p) {   // p = [name, label, l, j, k or null]
      if (p[4] === null) b[p[2] - 1][p[3]] = v[p[0]]; else W[p[2] - 1][p[3]][p[4]] = v[p[0]];
    });
    return { W: W, b: b };
  }
  function get(n, p) { return p[4] === null ? n.b[p[2] - 1][p[3]] : n.W[p[2] - 1][p[3]][p[4]]; }
  function set(n, p, x) { if (p[4] === null) n.b[p[2] - 1][p[3]] = x; else n.W[p[2] - 1][p[3]][p[4]] = x; }

  function outputKeys(yhat, y) {
    if (y.length === 1) return { "": [yhat[0], y[0]] };
    var out = {}; y.forEach(function (t, j) { out["_" + j] = [yhat[j], t]; }); return out;
  }

  function compute(d, v) {
    var n = net(d, v), i = Math.round(v.sample), L = d.sizes.length - 1;
    var f = nnx.forward(n.W, n.b, d.acts, d.X[i]);
    var mse = nnx.mse(n.W, n.b, d.acts, d.X, d.Y), g = nnx.backprop(n.W, n.b, d.acts, d.X, d.Y);
    var p = paramOf(d, v.nudge), grad = p[4] === null ? g.gb[p[2] - 1][p[3]] : g.gW[p[2] - 1][p[3]][p[4]];
    var nudged = net(d, v);
    set(nudged, p, get(n, p) + v.eps);
    var nudgedMse = nnx.mse(nudged.W, nudged.b, d.acts, d.X, d.Y);
    var state = { mse: mse, grad: grad, predicted: grad * v.eps, actual: nudgedMse - mse, nudged_mse: nudgedMse,
      activations: f.as, outputs: d.X.map(function (x) { return nnx.forward(n.W, n.b, d.acts, x).as[L]; }) };
    var keys = outputKeys(f.as[L], d.Y[i]);
    Object.keys(keys).forEach(function (k) { state["yhat" + k] = keys[k][0]; state["y" + k] = keys[k][1]; });
    return state;
  }

  function title(x, y, i) {
    return '<text x="8" y="16" font-size="12" font-weight="600">Sample ' + i + ': x = ' + esc(vec(x)) + ', y = ' + esc(vec(y)) + '</text>' +
      '<text x="8" y="' + (HEIGHT - 22) + '" font-size="12"' + paint(C.axis) + '>circles: activation a (white = 0, orange = 1)</text>' +
      nnx.weightLegend(8, HEIGHT - 8);
  }
  function layerLabels(L) {
    var out = ["input (layer 0)"];
    for (var l = 1; l < L; l++) out.push("layer " + l);
    return out.concat(["output (layer " + L + ")"]);
  }

  function table(d, outputs, i) {
    var lo = d.ylim[0], hi = d.ylim[1], x0 = 520, x1 = 645, A = paint(C.axis);
    function px(v) { return x0 + (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo) * (x1 - x0); }
    var p = ['<text x="356" y="38" font-size="12"' + A + '>x</text>' +
      '<text x="450" y="38" font-size="12"' + A + ' text-anchor="end">y</text>' +
      '<text x="505" y="38" font-size="12"' + A + ' text-anchor="end">\u0177</text>' +
      '<text x="' + x0 + '" y="38" font-size="12"' + A + '>' + fmt(lo) + '</text>' +
      '<text x="' + x1 + '" y="38" font-size="12"' + A + ' text-anchor="end">' + fmt(hi) + '</text>'];
    d.X.forEach(function (x, r) {
      var top = 44 + 20 * r, yc = top + 14, y = d.Y[r][0], out = outputs[r][0];
      if (r === i) p.push('<rect x="350" y="' + top + '" width="300" height="20"' + paint(C.hl) + ' rx="3"/>');
      p.push('<text x="356" y="' + yc + '" font-size="12">' + esc(vec(x)) + '</text>' +
        '<text x="450" y="' + yc + '" font-size="12" text-anchor="end">' + fmt(y) + '</text>' +
        '<text x="505" y="' + yc + '" font-size="12" text-anchor="end" font-weight="600">' + out.toFixed(3) + '</text>' +
        '<rect x="' + x0 + '" y="' + (top + 5) + '" width="' + (x1 - x0) + '" height="10"' + paint(C.panel, C.border) + '/>' +
        '<rect x="' + Math.min(px(0), px(out)).toFixed(1) + '" y="' + (top + 5) + '" width="' + Math.abs(px(out) - px(0)).toFixed(1) +
        '" height="10" fill="' + BAR + '"/>' +
        '<line x1="' + px(y).toFixed(1) + '" y1="' + (top + 2) + '" x2="' + px(y).toFixed(1) + '" y2="' + (top + 18) +
        '"' + paint(null, C.data) + ' stroke-width="2.5"/>');
    });
    var bottom = 44 + 20 * d.X.length + 12;
    p.push('<rect x="' + x0 + '" y="' + (bottom - 8) + '" width="10" height="8" fill="' + BAR + '"/>' +
      '<text x="' + (x0 + 13) + '" y="' + bottom + '" font-size="12"' + A + '>\u0177</text>' +
      '<line x1="' + (x0 + 32) + '" y1="' + (bottom - 9) + '" x2="' + (x0 + 32) + '" y2="' + (bottom + 1) + '"' + paint(null, C.data) + ' stroke-width="2.5"/>' +
      '<text x="' + (x0 + 37) + '" y="' + bottom + '" font-size="12"' + A + '>target y</text>');
    return p;
  }

  function plot(d, outputs, i) {
    var n = d.Y.length, m = d.Y[0].length, lo = d.ylim[0], hi = d.ylim[1], pad = 0.1 * (hi - lo);
    var xs = d.X[0].length === 1 ? d.X.map(function (x) { return x[0]; }) : d.X.map(function (x, r) { return r; });
    var xlo = Math.min.apply(null, xs), xhi = Math.max.apply(null, xs), xpad = 0.05 * (xhi - xlo) || 0.5;
    var p = new nnx.Plot(310, 136, [xlo - xpad, xhi + xpad], [lo - pad, hi + pad], 345, 22, [4, 6, 28, 38]);
    p.fixed(d, "axes", function (p) { p.axes(d.X[0].length === 1 ? "x" : "sample", ""); });
    var order = xs.map(function (x, r) { return r; }).sort(function (a, b) { return xs[a] - xs[b]; });
    var shades = [C.model, C.ochre, C.grad, C.good];
    for (var j = 0; j < m; j++) {
      var color = shades[j % shades.length];
      p.dots(xs, d.Y.map(function (y) { return y[j]; }), C.data, 3);
      p.line(order.map(function (r) { return xs[r]; }), order.map(function (r) { return outputs[r][j]; }), color, 1.5);
      p.dots(xs, outputs.map(function (o) { return o[j]; }), color, 2.2);
    }
    p.vline(xs[i]);
    var A = paint(C.axis);
    return [p, '<circle cx="566" cy="153" r="3"' + paint(C.data) + '/>' +
      '<text x="572" y="157" font-size="12"' + A + '>target y</text>' +
      '<circle cx="625" cy="153" r="3"' + paint(C.model) + '/>' +
      '<text x="631" y="157" font-size="12"' + A + '>\u0177</text>'];
  }

  function nudgeBox(label, eps, s) {
    var pred = s.predicted, act = s.actual, scale = Math.max(Math.abs(pred), Math.abs(act)) || 1, zero = 500, half = 140, top = 186;
    function bar(v, y, color) {
      var len = half * v / scale;
      return '<rect x="' + Math.min(zero, zero + len).toFixed(1) + '" y="' + y + '" width="' + Math.abs(len).toFixed(1) + '" height="9"' + paint(color) + '/>';
    }
    return '<rect x="350" y="' + (top - 16) + '" width="300" height="' + (HEIGHT - top + 12) + '" rx="6"' + paint(C.panel, C.border) + '/>' +
      '<text x="358" y="' + top + '" font-size="12" font-weight="600">Nudge ' + esc(label) + ' by \u03b5 = ' + eps.toFixed(2) + '</text>' +
      '<text x="358" y="' + (top + 18) + '" font-size="12">predicted  \u2202C/\u2202p \u00b7 \u03b5</text>' +
      '<text x="644" y="' + (top + 18) + '" font-size="12" text-anchor="end" font-weight="600">' + short(pred) + '</text>' +
      bar(pred, top + 23, C.grad) +
      '<text x="358" y="' + (top + 48) + '" font-size="12">actual  C(p + \u03b5) \u2212 C(p)</text>' +
      '<text x="644" y="' + (top + 48) + '" font-size="12" text-anchor="end" font-weight="600">' + short(act) + '</text>' +
      bar(act, top + 53, C.accent) +
      '<line x1="' + zero + '" y1="' + (top + 21) + '" x2="' + zero + '" y2="' + (top + 64) + '"' + paint(null, C.axis) + '/>' +
      '<text x="358" y="' + (top + 82) + '" font-size="12"' + paint(C.axis) + '>p = ' + esc(label) + ', \u2202C/\u2202p = ' + short(s.grad) + ' (backprop)</text>';
  }

  function draw(d, v, s) {
    var n = net(d, v), i = Math.round(v.sample), p = paramOf(d, v.nudge), L = d.sizes.length - 1, acts = s.activations;
    var parts = [title(d.X[i], d.Y[i], i), nnx.networkParts(d.sizes, [0, 24, 340, 206], {
      W: n.W, fills: acts,
      texts: acts.map(function (layer) { return layer.map(function (a) { return a.toFixed(2); }); }),
      above: [d.X[0].map(function () { return ""; })].concat(n.b.map(function (bl) { return bl.map(function (b) { return "b = " + b.toFixed(1); }); })),
      nodesOn: p[4] === null ? [[p[2], p[3]]] : [], edgesOn: p[4] === null ? [] : [[p[2], p[3], p[4]]],
      layerLabels: layerLabels(L) })];
    var head = '<text x="352" y="16" font-size="12" font-weight="600">Outputs \u0177 vs targets y</text>' +
      '<text x="650" y="16" font-size="12" text-anchor="end">MSE = ' + s.mse.toFixed(4) + '</text>';
    parts.push(head, d.table ? table(d, s.outputs, i) : plot(d, s.outputs, i));
    parts.push(nudgeBox(p[1], v.eps, s));
    return nnx.figure(WIDTH, HEIGHT, parts);
  }

  nnx.kinds.network = { compute: compute, draw: draw };
})();
