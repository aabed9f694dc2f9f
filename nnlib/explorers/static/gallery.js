/* ActivationGallery in the page: nnlib/explorers/gallery.py. The curves are nnlib's (precomputed);
 * the readout at the chosen z uses core.js's nnx.act (tested against nnlib). */
(function () {
  var COLS = 3, PANEL_W = 220, PANEL_H = 150, TOP = 26, WIDTH = COLS * PANEL_W, HEIGHT = TOP + 2 * PANEL_H + 62;
  var FLAT_NOTE = "Flat region: the cost is large, but g\u2032(z) \u2248 0 makes the gradient tiny, so learning stalls.";
  var CHAIN_NOTE = "\u2202C/\u2202z = \u2202C/\u2202a \u00b7 g\u2032(z): wherever g is flat, g\u2032(z) \u2248 0 and the gradient vanishes.";
  var ZLIM = [-6, 6], C = nnx.COLORS, GRAD = C.grad, esc = nnx.esc, paint = nnx.paint;

  function compute(d, v) {
    var act = nnx.act[v.highlight], a = act[0](v.z), g1 = act[1](v.z), activations = {}, slopes = {};
    d.names.forEach(function (n) { activations[n] = nnx.act[n][0](v.z); slopes[n] = nnx.act[n][1](v.z); });
    var diff = a - v.y;
    // C = (a - y)^2 for one output (eq. mse, n = 1); dC/dz = dC/da * g'(z) = 2 (a - y) g'(z)  (eq. bp-delta-L)
    return { a: a, da_dz: g1, mse: diff * diff, dC_dz: 2 * diff * g1, activations: activations, slopes: slopes };
  }

  function legend() {
    var y = 15;
    return '<line x1="10" y1="' + (y - 4) + '" x2="34" y2="' + (y - 4) + '"' + paint(null, C.model) + ' stroke-width="2"/>' +
      '<text x="38" y="' + y + '" font-size="12">g(z)</text>' +
      '<line x1="80" y1="' + (y - 4) + '" x2="104" y2="' + (y - 4) + '"' + paint(null, GRAD) + ' stroke-width="1.6" stroke-dasharray="5 3"/>' +
      '<text x="108" y="' + y + '" font-size="12">g\u2032(z)</text>' +
      '<line x1="152" y1="' + (y - 4) + '" x2="176" y2="' + (y - 4) + '"' + paint(null, C.data) + ' stroke-width="1.2" stroke-dasharray="2 3"/>' +
      '<text x="180" y="' + y + '" font-size="12">target y</text>' +
      '<line x1="244" y1="' + (y - 10) + '" x2="244" y2="' + (y + 2) + '"' + paint(null, C.accent) + ' stroke-dasharray="4 3"/>' +
      '<text x="250" y="' + y + '" font-size="12">the chosen z</text>';
  }

  function summary(name, z, y, s) {
    var top = TOP + 2 * PANEL_H + 6, flat = s.mse > 0.01 && Math.abs(s.da_dz) < 0.05;
    return '<rect x="4" y="' + top + '" width="' + (WIDTH - 8) + '" height="52" rx="6"' + paint(C.panel, C.border) + '/>' +
      '<text x="14" y="' + (top + 20) + '" font-size="12"><tspan font-weight="600">' + esc(name) + '</tspan> at z = ' + z.toFixed(1) +
      ', y = ' + y.toFixed(1) + ':   C = (g(z) \u2212 y)\u00b2 = ' + s.mse.toFixed(4) + ',   \u2202C/\u2202z = 2(g(z) \u2212 y)\u00b7g\u2032(z) = ' +
      s.dC_dz.toFixed(4) + '</text>' +
      '<text x="14" y="' + (top + 40) + '" font-size="12"' + paint(flat ? C.warn : C.axis) + '>' + esc(flat ? FLAT_NOTE : CHAIN_NOTE) + '</text>';
  }

  function draw(d, v, s) {
    var parts = [legend()];
    d.names.forEach(function (act, n) {
      var x0 = (n % COLS) * PANEL_W, y0 = TOP + Math.floor(n / COLS) * PANEL_H, on = act === v.highlight;
      var p = new nnx.Plot(PANEL_W, PANEL_H, ZLIM, d.ylims[act], x0, y0, [20, 8, 22, 34]);
      if (on) p.parts.push('<rect x="' + (x0 + 2) + '" y="' + (y0 + 1) + '" width="' + (PANEL_W - 4) + '" height="' + (PANEL_H - 2) +
        '" rx="6"' + paint(C.hl, C.accent) + ' stroke-width="2"/>');
      p.fixed(d, "axes", function (p) { p.axes(); });
      p.line(ZLIM, [v.y, v.y], C.data, 1.2, "2 3");
      p.fixed(d, "curves", function (p) { p.line(d.zs, d.g_prime[act], GRAD, 1.6, "5 3").line(d.zs, d.g[act], C.model, 2); });
      p.vline(v.z);
      p.dots([v.z], [s.slopes[act]], GRAD, 3.5).dots([v.z], [s.activations[act]], C.model, 4);
      p.parts.push('<text x="' + (x0 + 36) + '" y="' + (y0 + 14) + '" font-size="12" font-weight="' + (on ? 600 : 400) + '">' + act + '</text>');
      p.text(x0 + PANEL_W - 8, y0 + 14, "g\u2032(z) = " + s.slopes[act].toFixed(3), 12, "end", GRAD);
      parts.push(p);
    });
    parts.push(summary(v.highlight, v.z, v.y, s));
    return nnx.figure(WIDTH, HEIGHT, parts);
  }

  nnx.kinds.gallery = { compute: compute, draw: draw };
})();
