/* nnlib explorers: the runtime that keeps explorers live in the built book.
 * Written for this project (no third-party code). It mirrors nnlib/explorers/svg.py
 * (the SVG plotter) and the few formulas a page must evaluate itself: the
 * activations, a forward pass, the MSE of a small network and its gradient
 * (nnx.backprop), and the network diagram. Every number it
 * shows either comes precomputed from nnlib or is checked against nnlib by
 * tests/test_explorers_browser.py. */
(function () {
  if (window.nnx) return;
  var nnx = window.nnx = { kinds: {} };

  /* ---- maths (nnlib/activations.py, nnlib/costs.py) ---- */
  function sigmoid(z) { var e = Math.exp(-Math.abs(z)); return (z >= 0 ? 1 : e) / (1 + e); }
  nnx.act = {
    sigmoid: [sigmoid, function (z) { var s = sigmoid(z); return s * (1 - s); }],
    tanh: [Math.tanh, function (z) { var t = Math.tanh(z); return 1 - t * t; }],
    relu: [function (z) { return Math.max(z, 0); }, function (z) { return z > 0 ? 1 : 0; }],
    leaky_relu: [function (z) { return z > 0 ? z : 0.01 * z; }, function (z) { return z > 0 ? 1 : 0.01; }],
    softplus: [function (z) { return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))); }, sigmoid],
    identity: [function (z) { return z; }, function () { return 1; }]
  };
  /* Forward pass of one sample x through layers W[l] (rows = "to"), b[l]; acts[l] names
   * layer l+1's activation. Returns {zs, as} like Network.forward_all for one row. */
  nnx.forward = function (W, b, acts, x) {
    var a = x.slice(), zs = [], as = [a];
    for (var l = 0; l < W.length; l++) {
      var g = nnx.act[acts[l]][0], z = [], next = [];
      for (var j = 0; j < W[l].length; j++) {
        var s = b[l][j];
        for (var k = 0; k < a.length; k++) s += W[l][j][k] * a[k];
        z.push(s); next.push(g(s));
      }
      zs.push(z); as.push(next); a = next;
    }
    return { zs: zs, as: as };
  };
  /* MSE over samples X with targets Y: (1/n) sum_x sum_j (a_j - y_j)^2 (eq. mse). */
  nnx.mse = function (W, b, acts, X, Y) {
    var total = 0;
    for (var i = 0; i < X.length; i++) {
      var out = nnx.forward(W, b, acts, X[i]).as[W.length];
      for (var j = 0; j < out.length; j++) { var d = out[j] - Y[i][j]; total += d * d; }
    }
    return total / X.length;
  };

  /* Gradient of nnx.mse (the cost over all samples X, Y) with respect to every W and b,
   * by backpropagation, one sample at a time (nnlib's Network.backprop does the rows at once).
   * Returns {gW, gb} shaped like W and b. For small networks in the page; tested against nnlib. */
  nnx.backprop = function (W, b, acts, X, Y) {
    var L = W.length, n = X.length;
    var gW = W.map(function (Wl) { return Wl.map(function (row) { return row.map(function () { return 0; }); }); });
    var gb = b.map(function (bl) { return bl.map(function () { return 0; }); });
    for (var i = 0; i < n; i++) {
      var f = nnx.forward(W, b, acts, X[i]), out = f.as[L], delta = [], j, k;
      // delta^(L) = dC/da^(L) * g'(z^(L)), with dC/da^(L) = 2 (a - y) / n for the MSE   (eq. bp-delta-L)
      for (j = 0; j < out.length; j++) delta.push(2 / n * (out[j] - Y[i][j]) * nnx.act[acts[L - 1]][1](f.zs[L - 1][j]));
      for (var l = L - 1; l >= 0; l--) {            // code index l is the book's layer l + 1
        var aPrev = f.as[l];
        for (j = 0; j < delta.length; j++) {
          gb[l][j] += delta[j];                                          // dC/db_j = delta_j        (eq. bp-b)
          for (k = 0; k < aPrev.length; k++) gW[l][j][k] += delta[j] * aPrev[k];   // dC/dw_jk = a_k delta_j (eq. bp-w)
        }
        if (l === 0) break;
        var g1 = nnx.act[acts[l - 1]][1], prev = [];
        for (k = 0; k < aPrev.length; k++) {          // delta^(l-1) = (W^(l))^T delta^(l) * g'(z^(l-1))  (eq. bp-delta)
          var s = 0;
          for (j = 0; j < delta.length; j++) s += W[l][j][k] * delta[j];
          prev.push(s * g1(f.zs[l - 1][k]));
        }
        delta = prev;
      }
    }
    return { gW: gW, gb: gb };
  };

  /* ---- SVG plotter (nnlib/explorers/svg.py) ---- */
  var COLORS = nnx.COLORS = { data: "#1f77b4", model: "#d62728", accent: "#2ca02c", grid: "#e5e7eb",
    axis: "#6b7280", pos: "#d62728", neg: "#1f77b4" };
  var fmt = nnx.fmt = function (v) { return Number(v.toPrecision(3)).toString(); };
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  nnx.esc = esc;
  function f1(v) { return v.toFixed(1); }
  nnx.niceTicks = function (lo, hi, n) {
    n = n || 5; var span = hi - lo, raw = span / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = raw, cands = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < cands.length; i++) if (cands[i] * mag >= raw) { step = cands[i] * mag; break; }
    var t = Math.ceil(lo / step - 1e-9) * step, out = [];
    while (t <= hi + 1e-9 * span) { out.push(Math.round(t * 1e10) / 1e10); t += step; }
    return out;
  };
  function Plot(width, height, xlim, ylim, x0, y0, margin) {
    margin = margin || [10, 10, 30, 44]; x0 = x0 || 0; y0 = y0 || 0;
    this.x0 = x0 + margin[3]; this.y0 = y0 + margin[0];
    this.w = width - margin[3] - margin[1]; this.h = height - margin[0] - margin[2];
    this.xlim = xlim; this.ylim = ylim; this.parts = [];
    this.clip = "clip" + x0 + "_" + y0 + "_" + width + "_" + height + "_" + (++Plot.count);
  }
  Plot.count = 0;
  Plot.prototype.px = function (x) { return this.x0 + (x - this.xlim[0]) / (this.xlim[1] - this.xlim[0]) * this.w; };
  Plot.prototype.py = function (y) {
    var lo = this.ylim[0], hi = this.ylim[1], r = hi - lo;
    y = Math.min(Math.max(y, lo - 10 * r), hi + 10 * r);
    return this.y0 + (hi - y) / r * this.h;
  };
  /* Tick positions and labels of axis "x" or "y": [[value, text], ...]. */
  Plot.prototype.ticks = function (axis) {
    var lim = axis === "x" ? this.xlim : this.ylim;
    return nnx.niceTicks(lim[0], lim[1]).map(function (t) { return [t, fmt(t)]; });
  };
  Plot.prototype.axes = function (xlabel, ylabel, title) {
    var p = this.parts, self = this, X0 = this.x0, Y0 = this.y0, W = this.w, H = this.h;
    p.push('<clipPath id="' + this.clip + '"><rect x="' + f1(X0) + '" y="' + f1(Y0) + '" width="' + f1(W) + '" height="' + f1(H) + '"/></clipPath>');
    this.ticks("x").forEach(function (tick) {
      var t = tick[0], X = self.px(t);
      p.push('<line x1="' + f1(X) + '" y1="' + f1(Y0) + '" x2="' + f1(X) + '" y2="' + f1(Y0 + H) + '" stroke="' + COLORS.grid + '"/>' +
        '<text x="' + f1(X) + '" y="' + f1(Y0 + H + 13) + '" font-size="10" text-anchor="middle" fill="' + COLORS.axis + '">' + tick[1] + '</text>');
    });
    this.ticks("y").forEach(function (tick) {
      var t = tick[0], Y = self.py(t);
      p.push('<line x1="' + f1(X0) + '" y1="' + f1(Y) + '" x2="' + f1(X0 + W) + '" y2="' + f1(Y) + '" stroke="' + COLORS.grid + '"/>' +
        '<text x="' + f1(X0 - 4) + '" y="' + f1(Y + 3) + '" font-size="10" text-anchor="end" fill="' + COLORS.axis + '">' + tick[1] + '</text>');
    });
    p.push('<rect x="' + f1(X0) + '" y="' + f1(Y0) + '" width="' + f1(W) + '" height="' + f1(H) + '" fill="none" stroke="' + COLORS.axis + '"/>');
    if (xlabel) p.push('<text x="' + f1(X0 + W / 2) + '" y="' + f1(Y0 + H + 26) + '" font-size="12" text-anchor="middle" font-style="italic">' + esc(xlabel) + '</text>');
    if (ylabel) p.push('<text x="' + f1(X0 - 34) + '" y="' + f1(Y0 + H / 2) + '" font-size="12" text-anchor="middle" font-style="italic" transform="rotate(-90 ' + f1(X0 - 34) + ' ' + f1(Y0 + H / 2) + ')">' + esc(ylabel) + '</text>');
    if (title) p.push('<text x="' + f1(X0 + W / 2) + '" y="' + f1(Y0 - 3) + '" font-size="12" text-anchor="middle">' + esc(title) + '</text>');
    return this;
  };
  Plot.prototype.line = function (xs, ys, color, width, dash) {
    var pts = [];
    for (var i = 0; i < xs.length; i++) if (isFinite(xs[i]) && isFinite(ys[i])) pts.push(f1(this.px(xs[i])) + "," + f1(this.py(ys[i])));
    this.parts.push('<polyline points="' + pts.join(" ") + '" fill="none" stroke="' + (color || COLORS.model) + '" stroke-width="' + (width || 2) + '"' +
      (dash ? ' stroke-dasharray="' + dash + '"' : "") + ' clip-path="url(#' + this.clip + ')"/>');
    return this;
  };
  Plot.prototype.dots = function (xs, ys, color, r) {
    var s = "";
    for (var i = 0; i < xs.length; i++) if (isFinite(xs[i]) && isFinite(ys[i]))
      s += '<circle cx="' + f1(this.px(xs[i])) + '" cy="' + f1(this.py(ys[i])) + '" r="' + (r || 3.5) + '" fill="' + (color || COLORS.data) + '" clip-path="url(#' + this.clip + ')"/>';
    this.parts.push(s); return this;
  };
  Plot.prototype.vline = function (x, color, dash) {
    var X = f1(this.px(x));
    this.parts.push('<line x1="' + X + '" y1="' + f1(this.y0) + '" x2="' + X + '" y2="' + f1(this.y0 + this.h) + '" stroke="' + (color || COLORS.accent) + '" stroke-dasharray="' + (dash || "4 3") + '"/>');
    return this;
  };
  Plot.prototype.text = function (x, y, s, size, anchor, color) {
    this.parts.push('<text x="' + f1(x) + '" y="' + f1(y) + '" font-size="' + (size || 11) + '" text-anchor="' + (anchor || "start") + '" fill="' + (color || "#1f2328") + '">' + esc(s) + '</text>');
    return this;
  };
  Plot.prototype.svg = function () { return this.parts.join(""); };
  nnx.Plot = Plot;
  nnx.figure = function (width, height, parts) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + width + ' ' + height + '" width="' + width + '" height="' + height +
      '" font-family="system-ui,sans-serif">' + parts.map(function (p) { return typeof p === "string" ? p : p.svg(); }).join("") + '</svg>';
  };
  nnx.linspace = function (lo, hi, n) { var out = []; for (var i = 0; i < n; i++) out.push(lo + (hi - lo) * i / (n - 1)); return out; };

  /* ---- network diagrams (nnlib/explorers/svg.py: heat, edge_width, node_xy, network_diagram) ---- */
  var HEAT = [[255, 255, 255], [242, 142, 43]], TEXT_MUTED = "#57606a", TEXT_GRAD = "#8250df";
  nnx.heat = function (v) {
    var t = v === null || v === undefined || !isFinite(v) ? 0 : Math.min(Math.max(v, 0), 1);
    return "#" + [0, 1, 2].map(function (c) {
      var x = Math.floor(HEAT[0][c] + (HEAT[1][c] - HEAT[0][c]) * t + 0.5).toString(16);
      return x.length < 2 ? "0" + x : x;
    }).join("");
  };
  nnx.edgeWidth = function (w) { return 0.6 + 1.5 * Math.sqrt(Math.min(Math.abs(w), 25)); };
  nnx.nodeXY = function (sizes, box, l, j) {
    var gap = Math.min(box[3] / Math.max.apply(null, sizes), 90);
    return [box[0] + box[2] * (l + 0.5) / sizes.length, box[1] + box[3] / 2 + (j - (sizes[l] - 1) / 2) * gap];
  };
  function haloText(x, y, s, size, color, anchor, weight) {
    return '<text x="' + f1(x) + '" y="' + f1(y) + '" font-size="' + size + '" text-anchor="' + (anchor || "middle") +
      '" font-weight="' + (weight || "normal") + '" fill="' + color + '" stroke="#fff" stroke-width="3" paint-order="stroke">' + esc(s) + '</text>';
  }
  nnx.haloText = haloText;
  function at(rows, l, j) { return rows && rows[l] ? rows[l][j] : null; }   /* svg.py's _at */
  /* o: {W, fills, texts, above, below, edgeTexts, nodesOn, edgesOn, layerLabels, edgeT}: see network_diagram. */
  nnx.networkDiagram = function (sizes, box, o) {
    o = o || {};
    var gap = Math.min(box[3] / Math.max.apply(null, sizes), 90), r = Math.max(Math.min(22, 0.42 * gap), 4);
    var t = o.edgeT === undefined ? 0.3 : o.edgeT, key = function (a) { return a.join(","); };
    var onNodes = {}, onEdges = {}, halos = [], edges = [], labels = [], nodes = [], l, j, k;
    (o.nodesOn || []).forEach(function (n) { onNodes[key(n)] = true; });
    (o.edgesOn || []).forEach(function (e) { onEdges[key(e)] = true; });
    for (l = 1; l < sizes.length; l++) for (j = 0; j < sizes[l]; j++) {
      var p2 = nnx.nodeXY(sizes, box, l, j);
      for (k = 0; k < sizes[l - 1]; k++) {
        var p1 = nnx.nodeXY(sizes, box, l - 1, k), w = o.W ? o.W[l - 1][j][k] : null;
        var line = 'x1="' + f1(p1[0]) + '" y1="' + f1(p1[1]) + '" x2="' + f1(p2[0]) + '" y2="' + f1(p2[1]) + '"';
        if (onEdges[key([l, j, k])]) halos.push('<line ' + line + ' stroke="' + COLORS.accent + '" stroke-opacity="0.45" stroke-width="' +
          f1((w !== null && w !== undefined ? nnx.edgeWidth(w) : 1) + 9) + '" stroke-linecap="round"/>');
        if (w === null || w === undefined || !isFinite(w)) edges.push('<line ' + line + ' stroke="' + COLORS.axis + '" stroke-width="1.2"/>');
        else edges.push('<line ' + line + ' stroke="' + (w > 0 ? COLORS.pos : w < 0 ? COLORS.neg : COLORS.axis) + '" stroke-opacity="0.75" stroke-width="' +
          f1(nnx.edgeWidth(w)) + '"' + (w === 0 ? ' stroke-dasharray="3 3"' : "") + '/>');
        var text = at(o.edgeTexts, l - 1, j) ? o.edgeTexts[l - 1][j][k] : null;
        if (text) labels.push(haloText(p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1]) + 4, text, 10, TEXT_GRAD));
      }
    }
    for (l = 0; l < sizes.length; l++) for (j = 0; j < sizes[l]; j++) {
      var p = nnx.nodeXY(sizes, box, l, j), x = p[0], y = p[1];
      var a = at(o.fills, l, j), fill = a !== null && a !== undefined ? nnx.heat(a) : "#ffffff";
      var ring = onNodes[key([l, j])] ? 'stroke="' + COLORS.accent + '" stroke-width="3.5"' : 'stroke="#57606a" stroke-width="1.2"';
      nodes.push('<circle cx="' + f1(x) + '" cy="' + f1(y) + '" r="' + f1(r) + '" fill="' + fill + '" ' + ring + '/>');
      if (at(o.texts, l, j) && r >= 11) nodes.push('<text x="' + f1(x) + '" y="' + f1(y + 4) + '" font-size="11" text-anchor="middle" fill="#1f2328">' + esc(o.texts[l][j]) + '</text>');
      if (at(o.above, l, j)) nodes.push(haloText(x, y - r - 5, o.above[l][j], 10, TEXT_MUTED));
      if (at(o.below, l, j)) nodes.push(haloText(x, y + r + 13, o.below[l][j], 10, TEXT_GRAD));
    }
    (o.layerLabels || []).forEach(function (s, l) {
      nodes.push('<text x="' + f1(box[0] + box[2] * (l + 0.5) / sizes.length) + '" y="' + f1(box[1] + box[3] + 14) +
        '" font-size="11" text-anchor="middle" fill="' + COLORS.axis + '">' + esc(s) + '</text>');
    });
    return halos.concat(edges, labels, nodes).join("");
  };

  /* ---- contour lines, segments, log axes (svg.py: contour_lines, segments, decade_label,
   *      decade_ticks, LogPlot) ---- */
  /* Segments [x1, y1, x2, y2] where the grid Z[j][i] (at xs[i], ys[j]) crosses level (marching squares). */
  nnx.contourLines = function (xs, ys, Z, level) {
    var segs = [];
    for (var j = 0; j < ys.length - 1; j++) for (var i = 0; i < xs.length - 1; i++) {
      var c = [[xs[i], ys[j], Z[j][i]], [xs[i + 1], ys[j], Z[j][i + 1]],
               [xs[i + 1], ys[j + 1], Z[j + 1][i + 1]], [xs[i], ys[j + 1], Z[j + 1][i]]], pts = [];
      for (var a = 0; a < 4; a++) {               // edges: bottom, right, top, left
        var A = c[a], B = c[(a + 1) % 4];
        if ((A[2] >= level) !== (B[2] >= level)) {
          var t = (level - A[2]) / (B[2] - A[2]);
          pts.push([A[0] + t * (B[0] - A[0]), A[1] + t * (B[1] - A[1])]);
        }
      }
      for (var k = 0; k + 1 < pts.length; k += 2) segs.push([pts[k][0], pts[k][1], pts[k + 1][0], pts[k + 1][1]]);
    }
    return segs;
  };
  Plot.prototype.segments = function (segs, color, width, dash) {
    var self = this, d = segs.map(function (s) {
      return "M" + f1(self.px(s[0])) + " " + f1(self.py(s[1])) + "L" + f1(self.px(s[2])) + " " + f1(self.py(s[3]));
    }).join("");
    this.parts.push('<path d="' + d + '" fill="none" stroke="' + (color || COLORS.axis) + '" stroke-width="' + (width || 1) + '"' +
      (dash ? ' stroke-dasharray="' + dash + '"' : "") + ' clip-path="url(#' + this.clip + ')"/>');
    return this;
  };
  nnx.decadeLabel = function (k) {
    if (k >= 0 && k <= 3) return "1" + "000".slice(0, k);
    if (k >= -3 && k < 0) return "0." + "00".slice(0, -k - 1) + "1";
    var sup = { "-": "\u207b", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074", 5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079" };
    return "10" + String(k).split("").map(function (ch) { return sup[ch]; }).join("");
  };
  nnx.decadeTicks = function (lo, hi, n) {
    n = n || 6;
    var k0 = Math.ceil(Math.log10(lo) - 1e-9), k1 = Math.floor(Math.log10(hi) + 1e-9), out = [];
    var every = Math.max(1, Math.ceil((k1 - k0 + 1) / n));
    for (var k = k0; k <= k1; k++) if (k % every === 0) out.push(k);
    return out;
  };
  /* A Plot with a logarithmic y (logy, default true) and/or x (logx) axis; limits in data units.
   * xticks / yticks (arrays) replace the automatic ticks of a linear axis. */
  function LogPlot(width, height, xlim, ylim, x0, y0, margin, logx, logy, xticks, yticks) {
    this.logx = !!logx; this.logy = logy === undefined ? true : !!logy;
    this.xticks = xticks || null; this.yticks = yticks || null;
    this.dataXlim = xlim; this.dataYlim = ylim;
    var lims = function (l, log) { return log ? [Math.log10(l[0]), Math.log10(l[1])] : l; };
    Plot.call(this, width, height, lims(xlim, this.logx), lims(ylim, this.logy), x0, y0, margin);
  }
  LogPlot.prototype = Object.create(Plot.prototype);
  LogPlot.prototype.constructor = LogPlot;
  function log10(v) { return v > 0 ? Math.log10(v) : -400; }
  LogPlot.prototype.px = function (x) { return Plot.prototype.px.call(this, this.logx ? log10(x) : x); };
  LogPlot.prototype.py = function (y) { return Plot.prototype.py.call(this, this.logy ? log10(y) : y); };
  LogPlot.prototype.ticks = function (axis) {
    var x = axis === "x", log = x ? this.logx : this.logy, lim = x ? this.dataXlim : this.dataYlim,
        given = x ? this.xticks : this.yticks;
    if (log) return nnx.decadeTicks(lim[0], lim[1]).map(function (k) { return [Math.pow(10, k), nnx.decadeLabel(k)]; });
    return (given || nnx.niceTicks(lim[0], lim[1])).map(function (t) { return [t, fmt(t)]; });
  };
  nnx.LogPlot = LogPlot;

  /* ---- controls and mounting ---- */
  function controlValue(input) {
    var kind = input.dataset.kind, pos = Number(input.value);
    if (kind === "options") return JSON.parse(input.dataset.options)[Math.round(pos)];
    if (kind === "log") return Math.pow(10, pos);
    return pos;
  }
  function show(v) {
    if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);   // counts: steps, batch sizes
    if (typeof v === "number") return isFinite(v) ? (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : v.toFixed(4)) : "diverged";
    return v === null || v === undefined ? "\u2014" : String(v);
  }
  function update(root) {
    var t0 = performance.now(), kind = nnx.kinds[root.dataset.explorer], values = {};
    root.querySelectorAll("input[data-control]").forEach(function (input) {
      var v = controlValue(input);
      values[input.dataset.control] = v;
      input.dataset.value = String(v);
      var out = input.parentNode.querySelector(".nnx-value");
      if (out) out.textContent = typeof v === "number" ? (input.dataset.kind === "log" ? v.toPrecision(3) : fmt(v)) : String(v);
    });
    var state = kind.compute(root.nnxData, values);
    root.querySelector(".nnx-view").innerHTML = kind.draw(root.nnxData, values, state);
    root.querySelectorAll("[data-readout]").forEach(function (el) {
      var v = state[el.dataset.readout];
      el.textContent = show(v);
      el.dataset.value = typeof v === "number" ? String(v) : (v === null || v === undefined ? "" : String(v));
    });
    root.nnxLatency.push(performance.now() - t0);
  }
  nnx.mount = function (root) {
    if (root.nnxData) return;
    root.nnxData = JSON.parse(root.querySelector("script.nnx-data").textContent);
    root.nnxLatency = [];
    var kind = nnx.kinds[root.dataset.explorer];
    if (kind.mount) return kind.mount(root, root.nnxData);   // an explorer that runs itself (playground.js)
    var inputs = root.querySelectorAll("input[data-control]");
    var initial = Array.prototype.map.call(inputs, function (i) { return i.value; });
    inputs.forEach(function (input) { input.addEventListener("input", function () { update(root); }); });
    root.querySelector(".nnx-reset").addEventListener("click", function () {
      inputs.forEach(function (input, i) { input.value = initial[i]; });
      update(root);
    });
    update(root);
  };
  nnx.mountAll = function () {
    document.querySelectorAll("[data-explorer]").forEach(function (root) {
      if (nnx.kinds[root.dataset.explorer]) nnx.mount(root);
    });
  };
})();
