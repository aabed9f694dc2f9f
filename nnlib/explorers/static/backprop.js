/* BackpropExplorer in the page: nnlib/explorers/backprop.py. Every step of every sample is
 * precomputed by nnlib (d.states[sample][step]); the page only looks it up and draws it. */
(function () {
  var WIDTH = 660, MAX_LINES = 5, C = nnx.COLORS, esc = nnx.esc, fmt = nnx.fmt, paint = nnx.paint;
  var GRAD = C.grad, MUTED = C.muted;

  function sup(s) { return String(s).replace(/[0-9()]/g, function (c) { return "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207d\u207e"["0123456789()".indexOf(c)]; }); }
  function layer(l) { return sup("(" + l + ")"); }
  /* symbols.py's num(): 3 decimals, a true minus sign, 3 significant digits when tiny. */
  function num(v) {
    var t = v.toFixed(3);
    if (Number(t) === 0 && v !== 0) { var e = v.toExponential(2).split("e"); t = e[0] + "e" + parseInt(e[1], 10); }
    else if (Number(t) === 0) t = t.replace(/^-/, "");
    return t.replace(/-/g, "\u2212");
  }
  function shortVec(v) { return v.length > 1 ? "(" + v.map(fmt).join(", ") + ")" : fmt(v[0]); }
  function stepSymbol(label, l) {
    return { "z-def": "z" + layer(l), "a-def": "a" + layer(l), "mse": "C", "bp-delta-L": "\u03b4" + layer(l),
      "bp-w": "\u2202W" + layer(l), "bp-b": "\u2202b" + layer(l), "bp-delta": "\u03b4" + layer(l - 1) }[label];
  }

  function header(s, N, title, x, y) {
    return '<text x="8" y="16" font-size="12" font-weight="600">Step ' + s + ' of ' + (N - 1) + ': ' + esc(title) + '</text>' +
      '<text x="652" y="16" font-size="12" text-anchor="end"' + paint(C.axis) + '>x = ' + esc(shortVec(x)) + ', y = ' + esc(shortVec(y)) + '</text>';
  }
  function timeline(steps, s) {
    var width = (WIDTH - 16) / steps.length, out = [];
    steps.forEach(function (st, t) {
      var x = 8 + t * width, color = st[0].indexOf("bp-") === 0 ? GRAD : C.forward;
      out.push('<rect x="' + (x + 2).toFixed(1) + '" y="26" width="' + (width - 4).toFixed(1) + '" height="20" rx="10"' +
        paint(t < s ? color : C.bg, t === s ? C.accent : color) + ' stroke-width="' + (t === s ? 3 : 1.2) + '"/>' +
        '<text x="' + (x + width / 2).toFixed(1) + '" y="40" font-size="12" text-anchor="middle"' + paint(t < s ? C.bg : color) + '>' +
        esc(stepSymbol(st[0], st[1])) + '</text>');
    });
    return out;
  }
  function fmtLayer(rows, f) { return rows.map(function (r) { return r === null ? null : r.map(f); }); }

  function diagram(d, st, y) {
    var sizes = d.sizes, L = sizes.length - 1, box = d.box, labels = ["input (layer 0)"];
    var spots = nnx.edgeSpots(sizes, box), fits = Object.keys(spots).every(function (e) { return spots[e] !== null; });
    for (var l = 1; l < L; l++) labels.push("layer " + l);
    labels.push("output (layer " + L + ")");
    var out = nnx.networkParts(sizes, box, {
      W: d.W, fills: st.activations,
      texts: fmtLayer(st.activations, function (v) { return v.toFixed(3); }),
      above: [null].concat(fmtLayer(st.zs, function (v) { return "z = " + num(v); })),
      below: [null].concat(fmtLayer(st.deltas, function (v) { return "\u03b4 = " + num(v); })),
      edgeTexts: st.grad_W.map(function (G) { return G === null ? null : G.map(function (row) { return row.map(num); }); }),
      nodesOn: st.nodes_on, edgesOn: st.edges_on, layerLabels: labels });
    for (var j = 0; j < sizes[L]; j++) {
      var p = nnx.nodeXY(sizes, box, L, j);
      out.push('<text x="' + (p[0] + 30).toFixed(1) + '" y="' + (p[1] - 2).toFixed(1) + '" font-size="12"' + paint(C.data) + '>target y = ' + fmt(y[j]) + '</text>');
    }
    if (st.cost !== null) {
      var q = nnx.nodeXY(sizes, box, L, sizes[L] - 1);
      out.push('<text x="' + (q[0] + 30).toFixed(1) + '" y="' + (q[1] + 14).toFixed(1) + '" font-size="12" font-weight="600">C = ' + num(st.cost) + '</text>');
    }
    out.push('<text x="8" y="' + (d.panel_top - 10) + '" font-size="12"' + paint(C.axis) + '>inside: a (white 0 \u2192 orange 1) \u00b7 grey above: z \u00b7 ' +
      '<tspan' + paint(GRAD) + '>purple: \u03b4 below, \u2202C/\u2202w on edges' + (fits ? "" : " that fit") + '</tspan> \u00b7 green: this step</text>');
    return out;
  }

  function panel(st, top, height) {
    var out = ['<rect x="4" y="' + top + '" width="' + (WIDTH - 8) + '" height="' + (height - top - 4) + '" rx="6"' + paint(C.panel, C.border) + '/>',
      '<text x="14" y="' + (top + 22) + '" font-size="14" font-weight="600">' + esc(st.equation) + '</text>',
      '<text x="' + (WIDTH - 14) + '" y="' + (top + 22) + '" font-size="12" text-anchor="end"' + paint(MUTED) + '>eq. (' + esc(st.step) + ')</text>'];
    var lines = st.lines.slice(0, MAX_LINES);
    if (st.lines.length > MAX_LINES) lines.push("\u2026 and " + (st.lines.length - MAX_LINES) + " more");
    lines.forEach(function (line, r) { out.push('<text x="22" y="' + (top + 44 + 17 * r) + '" font-size="12">' + esc(line) + '</text>'); });
    return out;
  }

  nnx.kinds.backprop = {
    compute: function (d, v) { return d.states[Math.round(v.sample)][Math.round(v.step)]; },
    draw: function (d, v, st) {
      var i = Math.round(v.sample), s = Math.round(v.step);
      return nnx.figure(WIDTH, d.height, [header(s, d.steps.length, st.title, d.X[i], d.Y[i]), timeline(d.steps, s),
        diagram(d, st, d.Y[i]), panel(st, d.panel_top, d.height)]);
    }
  };
})();
