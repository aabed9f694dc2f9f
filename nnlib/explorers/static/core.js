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
  /* svg.py's PALETTE (light values): paint() gives a colour of COLORS the classes that let the
   * theme's value win; any other colour is drawn as given */
  var COLORS = nnx.COLORS = { text: "#1f2328", muted: "#57606a", bg: "#ffffff", panel: "#f6f8fa", border: "#d0d7de",
    axis: "#6b7280", grid: "#e5e7eb", pos: "#d62728", neg: "#1f77b4", data: "#1f77b4", model: "#d62728",
    accent: "#2ca02c", grad: "#8250df", forward: "#d9730d", warn: "#b42318", faint: "#c4c9d0", hl: "#dafbe1",
    good: "#1a7f37", ochre: "#9a6700", orange: "#bc4c00" };
  var NAMES = {};
  Object.keys(COLORS).forEach(function (k) { if (!NAMES[COLORS[k]]) NAMES[COLORS[k]] = k; });
  var NODE_TEXT = "#24292f", NODE_RING = "#5c6670", MIN_FONT = nnx.MIN_FONT = 12, MIN_SCALE = nnx.MIN_SCALE = 11 / 12;
  /* svg.py's paint(): fill and stroke attributes, and the theme's classes for a colour of COLORS */
  var paint = nnx.paint = function (fill, stroke) {
    var attrs = "", classes = [];
    if (fill) { attrs += ' fill="' + fill + '"'; if (NAMES[fill]) classes.push("nnx-f-" + NAMES[fill]); }
    if (stroke) { attrs += ' stroke="' + stroke + '"'; if (NAMES[stroke]) classes.push("nnx-s-" + NAMES[stroke]); }
    return attrs + (classes.length ? ' class="' + classes.join(" ") + '"' : "");
  };
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
    this.clip = "clip" + x0 + "_" + y0 + "_" + width + "_" + height + "_" + Plot.scope + (++Plot.count);
  }
  /* Clip ids are unique in the document; an explorer's are the same at every redraw
   * (update() numbers its plots afresh in its own scope), so that a redraw changes no
   * attribute that only names a clip path. */
  Plot.count = 0; Plot.scope = "g";
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
      p.push('<line x1="' + f1(X) + '" y1="' + f1(Y0) + '" x2="' + f1(X) + '" y2="' + f1(Y0 + H) + '"' + paint(null, COLORS.grid) + '/>' +
        '<text x="' + f1(X) + '" y="' + f1(Y0 + H + 13) + '" font-size="12" text-anchor="middle"' + paint(COLORS.axis) + '>' + tick[1] + '</text>');
    });
    this.ticks("y").forEach(function (tick) {
      var t = tick[0], Y = self.py(t);
      p.push('<line x1="' + f1(X0) + '" y1="' + f1(Y) + '" x2="' + f1(X0 + W) + '" y2="' + f1(Y) + '"' + paint(null, COLORS.grid) + '/>' +
        '<text x="' + f1(X0 - 4) + '" y="' + f1(Y + 4) + '" font-size="12" text-anchor="end"' + paint(COLORS.axis) + '>' + tick[1] + '</text>');
    });
    p.push('<rect x="' + f1(X0) + '" y="' + f1(Y0) + '" width="' + f1(W) + '" height="' + f1(H) + '" fill="none"' + paint(null, COLORS.axis) + '/>');
    if (xlabel) p.push('<text x="' + f1(X0 + W / 2) + '" y="' + f1(Y0 + H + 26) + '" font-size="12" text-anchor="middle" font-style="italic">' + esc(xlabel) + '</text>');
    if (ylabel) p.push('<text x="' + f1(X0 - 34) + '" y="' + f1(Y0 + H / 2) + '" font-size="12" text-anchor="middle" font-style="italic" transform="rotate(-90 ' + f1(X0 - 34) + ' ' + f1(Y0 + H / 2) + ')">' + esc(ylabel) + '</text>');
    if (title) p.push('<text x="' + f1(X0 + W / 2) + '" y="' + f1(Y0 - 3) + '" font-size="12" text-anchor="middle">' + esc(title) + '</text>');
    return this;
  };
  Plot.prototype.line = function (xs, ys, color, width, dash) {
    var pts = [];
    for (var i = 0; i < xs.length; i++) if (isFinite(xs[i]) && isFinite(ys[i])) pts.push(f1(this.px(xs[i])) + "," + f1(this.py(ys[i])));
    this.parts.push('<polyline points="' + pts.join(" ") + '"' + this.stroke(color || COLORS.model, width || 2, dash) + '/>');
    return this;
  };
  /* The attributes of an unfilled, clipped stroke: line, lines and segments share them. */
  Plot.prototype.stroke = function (color, width, dash) {
    return ' fill="none"' + paint(null, color) + ' stroke-width="' + width + '"' +
      (dash ? ' stroke-dasharray="' + dash + '"' : "") + ' clip-path="url(#' + this.clip + ')"';
  };
  /* Several lines of one style as one <path>: series is [[xs, ys], ...]. The same picture as a
   * polyline per series, in one element (fewer elements redraw faster). */
  Plot.prototype.lines = function (series, color, width, dash) {
    var d = "", self = this;
    series.forEach(function (xy) {
      var xs = xy[0], ys = xy[1], cmd = "M";
      for (var i = 0; i < xs.length; i++) if (isFinite(xs[i]) && isFinite(ys[i])) { d += cmd + f1(self.px(xs[i])) + " " + f1(self.py(ys[i])); cmd = "L"; }
    });
    this.parts.push(d ? '<path d="' + d + '"' + this.stroke(color || COLORS.model, width || 2, dash) + '/>' : "");
    return this;
  };
  /* The marks at every finite point, clipped to the axes: all of them one <path>, shape(X, Y)
   * (pixels) giving one mark's outline. (svg.py's Plot._marks draws an element per point: the
   * same picture. One element redraws faster than dozens.) */
  Plot.prototype.marks = function (xs, ys, color, shape) {
    var d = "";
    for (var i = 0; i < xs.length; i++) if (isFinite(xs[i]) && isFinite(ys[i])) d += shape(this.px(xs[i]), this.py(ys[i]));
    this.parts.push(d ? '<path d="' + d + '"' + paint(color || COLORS.data) + ' clip-path="url(#' + this.clip + ')"/>' : "");
    return this;
  };
  Plot.prototype.dots = function (xs, ys, color, r) {       // discs of radius r: two half circles each
    r = r || 3.5;
    var arcs = "a" + r + " " + r + " 0 1 0 " + 2 * r + " 0a" + r + " " + r + " 0 1 0 " + -2 * r + " 0Z";
    return this.marks(xs, ys, color, function (X, Y) { return "M" + f1(X - r) + " " + f1(Y) + arcs; });
  };
  Plot.prototype.squares = function (xs, ys, color, r) {    // squares of half side r
    var h = r || 3.5, sides = "h" + 2 * h + "v" + 2 * h + "h" + -2 * h + "Z";
    return this.marks(xs, ys, color, function (X, Y) { return "M" + f1(X - h) + " " + f1(Y - h) + sides; });
  };
  Plot.prototype.vline = function (x, color, dash) {
    var X = f1(this.px(x));
    this.parts.push('<line x1="' + X + '" y1="' + f1(this.y0) + '" x2="' + X + '" y2="' + f1(this.y0 + this.h) + '"' + paint(null, color || COLORS.accent) + ' stroke-dasharray="' + (dash || "4 3") + '"/>');
    return this;
  };
  Plot.prototype.text = function (x, y, s, size, anchor, color) {
    this.parts.push('<text x="' + f1(x) + '" y="' + f1(y) + '" font-size="' + (size || MIN_FONT) + '" text-anchor="' + (anchor || "start") + '"' + paint(color || COLORS.text) + '>' + esc(s) + '</text>');
    return this;
  };
  Plot.prototype.svg = function () { return this.parts.join(""); };
  /* Parts that are the same at every redraw of this explorer (axes, fixed curves): fn(plot) draws
   * them the first time, and later redraws reuse the very same strings, so that nnx.render sees
   * at once that they did not change. store is the explorer's data (one per explorer, like its
   * clip ids); name tells this plot's fixed parts apart. */
  Plot.prototype.fixed = function (store, name, fn) {
    var cache = store.nnxFixed || (store.nnxFixed = {}), key = this.clip + " " + name, parts = cache[key];
    if (!parts) { var start = this.parts.length; fn(this); parts = cache[key] = this.parts.splice(start); }
    Array.prototype.push.apply(this.parts, parts);
    return this;
  };
  nnx.Plot = Plot;
  /* A picture: the <svg> element's opening tag and its parts, each part in a <g> of its own, so
   * that a redraw (nnx.render) parses and patches only the parts that changed. String(figure)
   * is its markup. */
  function Figure(head, parts) { this.head = head; this.parts = parts; }
  function group(part) { return "<g>" + part + "</g>"; }
  Figure.prototype.toString = function () { return this.head + this.parts.map(group).join("") + "</svg>"; };
  nnx.Figure = Figure;
  /* parts: markup strings, Plots (each of a plot's parts becomes a part) and arrays of these. */
  nnx.figure = function (width, height, parts) {
    var flat = [];
    (function add(list) {
      list.forEach(function (p) {
        if (Array.isArray(p)) add(p); else if (typeof p === "string") flat.push(p); else Array.prototype.push.apply(flat, p.parts);
      });
    })(parts);
    return new Figure('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + width + ' ' + height + '" width="' + width + '" height="' + height +
      '" style="min-width:' + (Math.ceil(width * MIN_SCALE) + 1) + 'px" font-family="system-ui,sans-serif"' + paint(COLORS.text) + '>', flat);
  };
  nnx.linspace = function (lo, hi, n) { var out = []; for (var i = 0; i < n; i++) out.push(lo + (hi - lo) * i / (n - 1)); return out; };

  /* ---- network diagrams (nnlib/explorers/svg.py: heat, edge_width, node_xy, network_diagram) ---- */
  var HEAT = [[255, 255, 255], [242, 142, 43]], TEXT_MUTED = COLORS.muted, TEXT_GRAD = COLORS.grad;
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
      '" font-weight="' + (weight || "normal") + '"' + paint(color, COLORS.bg) + ' stroke-width="3" paint-order="stroke">' + esc(s) + '</text>';
  }
  /* svg.py's edge_dash(): solid for w > 0, dashed for w < 0, dotted for w = 0 */
  nnx.edgeDash = function (w, width) {
    if (w > 0) return "";
    if (w < 0) return ' stroke-dasharray="' + f1(2 * width + 2) + ' ' + f1(width + 2) + '"';
    return ' stroke-dasharray="1.5 2.5"';
  };
  nnx.haloText = haloText;
  /* svg.py's spread(): label positions wanted at ys, in order, >= gap apart, inside [lo, hi] */
  nnx.spread = function (ys, gap, lo, hi) {
    var order = ys.map(function (v, i) { return i; }).sort(function (a, b) { return ys[a] - ys[b]; });
    var out = ys.slice(), y = lo - gap, k;
    for (k = 0; k < order.length; k++) { y = Math.max(ys[order[k]], y + gap); out[order[k]] = y; }
    y = hi + gap;
    for (k = order.length - 1; k >= 0; k--) { y = Math.min(out[order[k]], y - gap); out[order[k]] = y; }
    return out;
  };
  /* svg.py's text_width() and edge_label(): text on a plate of the background colour on an edge */
  nnx.textWidth = function (s, size) { return 0.56 * (size || MIN_FONT) * String(s).length; };
  var EDGE_T = [], LABEL_W = nnx.textWidth("\u22120.000") + 6, LABEL_H = 15;
  for (var iT = 0; iT < 15; iT++) EDGE_T.push(Math.round((0.22 + 0.04 * iT) * 100) / 100);
  var NODE_LABEL_W = nnx.textWidth("z = \u22120.000"), SPOTS = {};
  function overlap(a, b) {
    return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  }
  function crosses(b, s) {
    var lo = Math.max(b[0], s[0]), hi = Math.min(b[2], s[2]);
    if (lo > hi) return false;
    var ya = s[1] + (lo - s[0]) / (s[2] - s[0]) * (s[3] - s[1]), yb = s[1] + (hi - s[0]) / (s[2] - s[0]) * (s[3] - s[1]);
    return Math.min(ya, yb) <= b[3] && Math.max(ya, yb) >= b[1];
  }
  nnx.nodeRadius = function (sizes, box) {      /* svg.py's node_radius() */
    var gap = Math.min(box[3] / Math.max.apply(null, sizes), 90);
    return Math.max(Math.min(22, 0.42 * gap), 4);
  };
  /* svg.py's edge_spots(): where each edge's label goes, {"l,j,k": [x, y] or null}, once per shape;
   * a layer with an edge that finds no free spot gets no labels */
  nnx.edgeSpots = function (sizes, box) {
    var key = JSON.stringify([sizes, box]);
    if (SPOTS[key]) return SPOTS[key];
    var r = nnx.nodeRadius(sizes, box), taken = [], segs = [], spots = {}, full = {}, l, j, k, w2 = NODE_LABEL_W / 2;
    for (l = 0; l < sizes.length; l++) for (j = 0; j < sizes[l]; j++) {
      var p = nnx.nodeXY(sizes, box, l, j), x = p[0], y = p[1];
      taken.push([x - r, y - r, x + r, y + r], [x - w2, y - r - 16, x + w2, y - r - 2], [x - w2, y + r + 3, x + w2, y + r + 18]);
      if (l) for (k = 0; k < sizes[l - 1]; k++) { var q = nnx.nodeXY(sizes, box, l - 1, k); segs.push([[l, j, k], [q[0], q[1], x, y]]); }
    }
    segs.forEach(function (e) {
      var s = e[1], name = e[0].join(","), best = null;
      EDGE_T.forEach(function (t) {
        var x = s[0] + t * (s[2] - s[0]), y = s[1] + t * (s[3] - s[1]);
        var b = [x - LABEL_W / 2, y - LABEL_H / 2, x + LABEL_W / 2, y + LABEL_H / 2], area = 0, cross = 0;
        taken.forEach(function (o) { area += overlap(b, o); });
        segs.forEach(function (other) { if (other[0].join(",") !== name && crosses(b, other[1])) cross += 1; });
        if (best === null || area < best[0] || (area === best[0] && cross < best[1])) best = [area, cross, [x, y], b];
      });
      spots[name] = best[2];
      taken.push(best[3]);
      if (best[0] > 0) full[e[0][0]] = true;
    });
    Object.keys(spots).forEach(function (name) { if (full[name.split(",")[0]]) spots[name] = null; });
    return (SPOTS[key] = spots);
  };
  nnx.edgeLabel = function (x, y, text) {
    var w = Math.max(LABEL_W, nnx.textWidth(text) + 6);
    return '<rect x="' + f1(x - w / 2) + '" y="' + f1(y - 8) + '" width="' + f1(w) + '" height="' + LABEL_H + '" rx="4"' + paint(COLORS.bg) +
      '/><text x="' + f1(x) + '" y="' + f1(y + 4) + '" font-size="' + MIN_FONT + '" text-anchor="middle"' + paint(TEXT_GRAD) + '>' + esc(text) + '</text>';
  };
  /* svg.py's weight_legend(): the key to the edges, text baseline at (x, y) */
  nnx.weightLegend = function (x, y) {
    var A = paint(COLORS.axis);
    return '<line x1="' + x + '" y1="' + (y - 4) + '" x2="' + (x + 20) + '" y2="' + (y - 4) + '"' + paint(null, COLORS.pos) +
      ' stroke-width="2.5"/><text x="' + (x + 24) + '" y="' + y + '" font-size="12"' + A + '>w &gt; 0</text>' +
      '<line x1="' + (x + 64) + '" y1="' + (y - 4) + '" x2="' + (x + 84) + '" y2="' + (y - 4) + '"' + paint(null, COLORS.neg) +
      ' stroke-width="2.5"' + nnx.edgeDash(-1, 2.5) + '/><text x="' + (x + 88) + '" y="' + y + '" font-size="12"' + A + '>w &lt; 0' +
      '</text><text x="' + (x + 136) + '" y="' + y + '" font-size="12"' + A + '>wider: larger |w|</text>';
  };
  function at(rows, l, j) { return rows && rows[l] ? rows[l][j] : null; }   /* svg.py's _at */
  /* o: {W, fills, texts, above, below, edgeTexts, nodesOn, edgesOn, layerLabels}: see network_diagram.
   * The diagram's elements as a list of markup strings (nnx.networkDiagram joins them). */
  nnx.networkParts = function (sizes, box, o) {
    o = o || {};
    var r = nnx.nodeRadius(sizes, box), key = function (a) { return a.join(","); };
    var onNodes = {}, onEdges = {}, halos = [], edges = [], labels = [], nodes = [], l, j, k;
    (o.nodesOn || []).forEach(function (n) { onNodes[key(n)] = true; });
    (o.edgesOn || []).forEach(function (e) { onEdges[key(e)] = true; });
    for (l = 1; l < sizes.length; l++) for (j = 0; j < sizes[l]; j++) {
      var p2 = nnx.nodeXY(sizes, box, l, j);
      for (k = 0; k < sizes[l - 1]; k++) {
        var p1 = nnx.nodeXY(sizes, box, l - 1, k), w = o.W ? o.W[l - 1][j][k] : null;
        var line = 'x1="' + f1(p1[0]) + '" y1="' + f1(p1[1]) + '" x2="' + f1(p2[0]) + '" y2="' + f1(p2[1]) + '"';
        if (onEdges[key([l, j, k])]) halos.push('<line ' + line + paint(null, COLORS.accent) + ' stroke-opacity="0.45" stroke-width="' +
          f1((w !== null && w !== undefined ? nnx.edgeWidth(w) : 1) + 9) + '" stroke-linecap="round"/>');
        if (w === null || w === undefined || !isFinite(w)) edges.push('<line ' + line + paint(null, COLORS.axis) + ' stroke-width="1.2"/>');
        else {
          var width = nnx.edgeWidth(w);
          edges.push('<line ' + line + paint(null, w > 0 ? COLORS.pos : w < 0 ? COLORS.neg : COLORS.axis) + ' stroke-opacity="0.75" stroke-width="' +
            f1(width) + '"' + nnx.edgeDash(w, width) + '/>');
        }
        var text = at(o.edgeTexts, l - 1, j) ? o.edgeTexts[l - 1][j][k] : null;
        var spot = text ? nnx.edgeSpots(sizes, box)[[l, j, k].join(",")] : null;
        if (spot) labels.push(nnx.edgeLabel(spot[0], spot[1], text));
      }
    }
    for (l = 0; l < sizes.length; l++) for (j = 0; j < sizes[l]; j++) {
      var p = nnx.nodeXY(sizes, box, l, j), x = p[0], y = p[1];
      var a = at(o.fills, l, j), fill = a !== null && a !== undefined ? nnx.heat(a) : "#ffffff";
      var ring = onNodes[key([l, j])] ? paint(null, COLORS.accent) + ' stroke-width="3.5"' : paint(null, NODE_RING) + ' stroke-width="1.2"';
      // the fill is the activation's colour in both themes (white = 0): not paint()ed
      nodes.push('<circle cx="' + f1(x) + '" cy="' + f1(y) + '" r="' + f1(r) + '" fill="' + fill + '"' + ring + '/>');
      if (at(o.texts, l, j) && r >= 11) nodes.push('<text x="' + f1(x) + '" y="' + f1(y + 4) + '" font-size="12" text-anchor="middle"' + paint(NODE_TEXT) + '>' + esc(o.texts[l][j]) + '</text>');
      if (at(o.above, l, j)) nodes.push(haloText(x, y - r - 5, o.above[l][j], MIN_FONT, TEXT_MUTED));
      if (at(o.below, l, j)) nodes.push(haloText(x, y + r + 14, o.below[l][j], MIN_FONT, TEXT_GRAD));
    }
    (o.layerLabels || []).forEach(function (s, l) {
      nodes.push('<text x="' + f1(box[0] + box[2] * (l + 0.5) / sizes.length) + '" y="' + f1(box[1] + box[3] + 14) +
        '" font-size="12" text-anchor="middle"' + paint(COLORS.axis) + '>' + esc(s) + '</text>');
    });
    return halos.concat(edges, labels, nodes);
  };
  nnx.networkDiagram = function (sizes, box, o) { return nnx.networkParts(sizes, box, o).join(""); };

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
    this.parts.push('<path d="' + d + '"' + this.stroke(color || COLORS.axis, width || 1, dash) + '/>');
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
  /* Controls are <input type="range"> or <select> elements with data-control (controls.py's
   * html_input): a menu's value is the index of its option, like an options slider's. */
  var CONTROLS = "input[data-control], select[data-control]";
  function controlValue(input) {
    var kind = input.dataset.kind, pos = Number(input.value);
    if (kind === "options") return JSON.parse(input.dataset.options)[Math.round(pos)];
    if (kind === "log") return Math.pow(10, pos);
    return pos;
  }
  function shown(input, v) {          /* the value as the control shows it (and says it) */
    return typeof v === "number" ? (input.dataset.kind === "log" ? v.toPrecision(3) : fmt(v)) : String(v);
  }
  function show(v) {
    if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);   // counts: steps, batch sizes
    if (typeof v === "number") return isFinite(v) ? (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : v.toFixed(4)) : "diverged";
    return v === null || v === undefined ? "\u2014" : String(v);
  }
  /* ---- redrawing: change only what changed ---- */
  /* A picture's nodes as plain data: an element is {ns, name, attrs: [[name, value], ...], kids},
   * a text node its string. tree() reads the markup the draw functions write (elements,
   * double-quoted attributes, text with &amp; &lt; &gt; &quot; and numeric references) without
   * making any node; for anything else it returns null, and the browser's parser reads it. */
  var SVG_NS = "http://www.w3.org/2000/svg";
  var TOKEN = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"]*")*)\s*(\/?)>|[^<]+/g, ATTR = /([\w-]+)="([^"]*)"/g;
  var ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  function decode(s) {
    if (s.indexOf("&") < 0) return s;
    if (s.replace(ENTITY, "").indexOf("&") >= 0) return null;        // a reference we do not read
    return s.replace(ENTITY, function (m, name, dec, hex) { return name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)); });
  }
  function tree(markup) {
    var top = { kids: [] }, stack = [top], at = 0, m, a, text;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(markup))) {
      if (m.index !== at) return null;
      at = TOKEN.lastIndex; top = stack[stack.length - 1];
      if (m[2] === undefined) {                                   // text
        if ((text = decode(m[0])) === null) return null;
        top.kids.push(text);
      } else if (m[1]) {                                          // </name>
        if (top.name !== m[2] || stack.length === 1) return null;
        stack.pop();
      } else {                                                    // <name ...> or <name .../>
        if (m[2] === "foreignObject") return null;
        var el = { ns: SVG_NS, name: m[2], attrs: [], kids: [] };
        ATTR.lastIndex = 0;
        while ((a = ATTR.exec(m[3]))) {
          if ((text = decode(a[2])) === null) return null;
          el.attrs.push([a[1], text]);
        }
        top.kids.push(el);
        if (!m[4]) stack.push(el);
      }
    }
    return at === markup.length && stack.length === 1 ? stack[0].kids : null;
  }
  function fromDom(n) {
    return n.nodeType === 3 ? n.nodeValue : { ns: n.namespaceURI, name: n.localName,
      attrs: Array.prototype.map.call(n.attributes, function (a) { return [a.name, a.value]; }),
      kids: Array.prototype.filter.call(n.childNodes, isNode).map(fromDom) };
  }
  function build(k) {
    if (typeof k === "string") return document.createTextNode(k);
    var el = document.createElementNS(k.ns, k.name);
    k.attrs.forEach(function (p) { el.setAttribute(p[0], p[1]); });
    k.kids.forEach(function (c) { el.appendChild(build(c)); });
    return el;
  }
  /* Make the live element a equal to the element k (same name): attributes, then children,
   * pairwise; a child of another name is replaced. Unchanged nodes are not touched, so that
   * the browser restyles and lays out only what a move changed. */
  function morph(a, k) {
    var i, as = a.attributes, wanted = {};
    k.attrs.forEach(function (p) { wanted[p[0]] = true; });
    for (i = as.length - 1; i >= 0; i--) if (!wanted[as[i].name]) a.removeAttribute(as[i].name);
    k.attrs.forEach(function (p) { if (a.getAttribute(p[0]) !== p[1]) a.setAttribute(p[0], p[1]); });
    morphKids(a, k.kids);
  }
  function morphKids(a, kids) {
    var ac = a.firstChild;
    kids.forEach(function (k) {
      if (!ac) { a.appendChild(build(k)); return; }
      var next = ac.nextSibling;
      if (typeof k === "string" && ac.nodeType === 3) { if (ac.nodeValue !== k) ac.nodeValue = k; }
      else if (typeof k !== "string" && ac.nodeType === 1 && ac.localName === k.name && ac.namespaceURI === k.ns) morph(ac, k);
      else a.replaceChild(build(k), ac);
      ac = next;
    });
    while (ac) { var an = ac.nextSibling; a.removeChild(ac); ac = an; }
  }
  var parser = document.createElement("template");
  function isNode(n) { return n.nodeType === 1 || n.nodeType === 3; }   // elements and text, not comments
  function parsed(markup) {           // the browser's reading of markup, as data
    parser.innerHTML = markup;        // in the template's inert document: no style, no layout
    var kids = Array.prototype.filter.call(parser.content.childNodes, isNode).map(fromDom);
    parser.innerHTML = "";
    return kids;
  }
  /* Show picture (a Figure, or any markup) in the element view, changing only what differs from
   * what it shows. A Figure drawn over the Figure shown before is patched part by part: only the
   * parts whose markup changed are read, and morphed into their <g>. */
  nnx.render = function (view, picture) {
    var shown = view.nnxShown, svg = view.firstChild;
    var intact = svg && svg === view.nnxNode && !svg.nextSibling;
    if (picture instanceof Figure && shown instanceof Figure && intact && shown.head === picture.head) nnx.patch(svg, picture.parts);
    else if (!(intact && typeof shown === "string" && shown === picture)) {
      var kids = parsed(String(picture)), old = view.firstElementChild;
      if (old && kids.length === 1 && typeof kids[0] !== "string" && kids[0].name === old.localName && view.childNodes.length === 1) morph(old, kids[0]);
      else morphKids(view, kids);
    }
    view.nnxShown = picture; view.nnxNode = view.firstChild;
    if (picture instanceof Figure) view.firstChild.nnxParts = picture.parts;
  };
  /* Show parts (markup strings) as the children of the element svg, each in a <g> of its own,
   * changing only what differs from the parts it showed before. */
  nnx.patch = function (svg, parts) {
    var before = svg.nnxParts || [];
    if (svg.childNodes.length !== before.length) { svg.replaceChildren(); before = []; }   // changed by someone else
    patch(svg, before, parts);
    svg.nnxParts = parts;
  };
  /* The live <svg>'s groups show the parts before; make them show the parts after. A part that
   * is still there keeps its group untouched, even when parts before it came or went (a badge
   * that appears, a conditional label); a changed part's group is morphed; a new one is built. */
  function patch(svg, before, after) {
    var groups = Array.prototype.slice.call(svg.childNodes), plan = [], i = 0, j, k;
    for (k = 0; k < after.length; k++) {
      if (i < before.length && before[i] === after[k]) { plan.push([groups[i++], false]); continue; }
      j = ahead(before, i, after[k]);                 // shown a little further on: the parts before it went
      if (j >= 0) { while (i < j) svg.removeChild(groups[i++]); plan.push([groups[i++], false]); }
      else if (i < before.length && ahead(after, k + 1, before[i]) < 0) plan.push([groups[i++], true]);   // changed
      else plan.push([null, true]);                   // new
    }
    while (i < before.length) svg.removeChild(groups[i++]);
    var at = svg.firstChild;
    plan.forEach(function (step, k) {
      var node = step[0];
      if (step[1]) {
        var g = { ns: SVG_NS, name: "g", attrs: [], kids: tree(after[k]) || parsed("<svg>" + after[k] + "</svg>")[0].kids };
        if (!node) { svg.insertBefore(build(g), at); return; }
        morph(node, g);
      }
      at = node.nextSibling;
    });
  }
  function ahead(parts, from, part) {               // where part is among the next few parts, or -1
    for (var j = from; j < Math.min(parts.length, from + 8); j++) if (parts[j] === part) return j;
    return -1;
  }
  /* The explorer's picture for these values and state, its clip ids in the explorer's scope. */
  nnx.markup = function (root, values, state) {
    var count = Plot.count;
    Plot.count = 0; Plot.scope = root.nnxScope;
    try { return nnx.kinds[root.dataset.explorer].draw(root.nnxData, values, state); }
    finally { Plot.count = count; Plot.scope = "g"; }
  };
  /* Text and attributes set only when they change: an unchanged text is not laid out again. */
  var setText = nnx.setText = function (el, text) { if (el.textContent !== text) el.textContent = text; };
  var setData = nnx.setData = function (el, key, text) { if (el.dataset[key] !== text) el.dataset[key] = text; };
  var setAttr = nnx.setAttr = function (el, name, text) { if (el.getAttribute(name) !== text) el.setAttribute(name, text); };
  /* Read every control (and show its value), then recompute and redraw the explorer. */
  function update(root) {
    var kind = nnx.kinds[root.dataset.explorer], values = {};
    root.nnxControls.forEach(function (input, i) {
      var v = controlValue(input), text = shown(input, v);
      values[input.dataset.control] = v;
      setData(input, "value", String(v));
      setData(input, "position", input.value);
      if (input.tagName === "INPUT") setAttr(input, "aria-valuetext", text);
      if (root.nnxOutputs[i]) setText(root.nnxOutputs[i], text);
    });
    var state = kind.compute(root.nnxData, values);
    nnx.render(root.nnxView, nnx.markup(root, values, state));
    root.nnxReadouts.forEach(function (el) {
      var v = state[el.dataset.readout];
      setText(el, show(v));
      setData(el, "value", typeof v === "number" ? String(v) : (v === null || v === undefined ? "" : String(v)));
    });
  }
  /* The picture scrolls sideways when it is wider than the page (phones): only then is it a
   * tab stop, so that keyboard users can scroll it too, and a hint says so. */
  function tabStop(view, hint) {
    var scrolls = view.scrollWidth > view.clientWidth + 1;
    if (scrolls) view.setAttribute("tabindex", "0"); else view.removeAttribute("tabindex");
    if (hint) hint.hidden = !scrolls;
  }
  nnx.mount = function (root) {
    if (root.nnxData) return;
    root.nnxData = JSON.parse(root.querySelector("script.nnx-data").textContent);
    var kind = nnx.kinds[root.dataset.explorer];
    if (kind.mount) return kind.mount(root, root.nnxData);   // an explorer that runs itself (playground.js)
    var inputs = root.nnxControls = Array.prototype.slice.call(root.querySelectorAll(CONTROLS));
    root.nnxOutputs = inputs.map(function (input) { return input.closest(".nnx-control").querySelector(".nnx-value"); });
    root.nnxReadouts = Array.prototype.slice.call(root.querySelectorAll("[data-readout]"));
    root.nnxView = root.querySelector(".nnx-view");
    root.nnxScope = "e" + (nnx.mounted = (nnx.mounted || 0) + 1) + "_";
    var initial = inputs.map(function (i) { return i.value; });
    function moved(e) { if (e.target.value !== e.target.dataset.position) update(root); }
    inputs.forEach(function (input) {
      input.addEventListener("input", moved);
      if (input.tagName === "SELECT") input.addEventListener("change", moved);
    });
    root.querySelector(".nnx-reset").addEventListener("click", function () {
      inputs.forEach(function (input, i) { input.value = initial[i]; });
      update(root);
    });
    update(root);
    var view = root.querySelector(".nnx-view"), hint = root.querySelector(".nnx-hint");
    tabStop(view, hint);
    if (window.ResizeObserver) new ResizeObserver(function () { tabStop(view, hint); }).observe(view);
  };
  nnx.mountAll = function () {
    document.querySelectorAll("[data-explorer]").forEach(function (root) {
      if (nnx.kinds[root.dataset.explorer]) nnx.mount(root);
    });
  };
})();
