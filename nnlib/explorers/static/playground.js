/* Playground in the page: nnlib/explorers/playground.py, trained without Python.
 *
 * Part 1 is the trainer, a port of nnlib that reads the same way, function for function:
 *   ACT          nnlib/activations.py   g(z) and g'(z, a)
 *   lcg, shuffled nnlib/trainer.py      the batch order (a 32-bit LCG and Fisher-Yates)
 *   forwardAll   nnlib/network.py       Network._forward_all
 *   backprop     nnlib/network.py       Network._backprop, for the MSE (nnlib/costs.py)
 *   sgdEpoch     nnlib/optim.py         _epoch with shuffle=False
 *   evaluate     nnlib/optim.py         _evaluate (and _record's check)
 *   train        nnlib/trainer.py       Trainer.train
 * Matrices are arrays of rows, samples as rows, as in nnlib; W[l] has nnlib's shape
 * (sizes[l+1], sizes[l]) and is the book's W^(l+1). The data, the features' definitions and
 * the initial weights' normal draws come from Python (the page's JSON).
 * tests/test_explorers_playground.py checks that k epochs here equal nnlib's to 1e-9.
 *
 * Part 2 is the page: controls, the network diagram with a small heatmap per neuron
 * (canvases over nnx.networkDiagram's SVG), the output heatmap with the points (a canvas over
 * an SVG of its axes), the loss curves, and root.playground = {state(), step(k), ...} for tests.
 * Colours follow the theme as in every explorer: text and lines through nnx.paint's classes, the
 * heatmaps blue or orange with opacity |t| over the theme's background (playground_svg.rgba), the
 * points' rings in the background's and the text's colour, redrawn when the theme changes. Text is
 * 12 px (nnx.MIN_FONT) in pictures that shrink only to nnx.MIN_SCALE: >= 11 px on screen. */
(function () {
  /* ================================ part 1: the trainer ================================ */
  var ACT = {
    sigmoid: { g: nnx.act.sigmoid[0], gPrime: function (z, a) { return a * (1 - a); } },
    tanh: { g: Math.tanh, gPrime: function (z, a) { return 1 - a * a; } },
    relu: { g: function (z) { return Math.max(z, 0); }, gPrime: function (z) { return z > 0 ? 1 : 0; } },
    identity: { g: function (z) { return z; }, gPrime: function () { return 1; } }
  };
  function actOf(net, l) { return ACT[l === net.W.length - 1 ? net.output : net.hidden]; }   // Network._g

  function lcg(state) { return (1664525 * state + 1013904223) % 4294967296; }   // exact: < 2^53
  function shuffled(n, state) {
    var order = [], i;
    for (i = 0; i < n; i++) order.push(i);
    for (i = n - 1; i > 0; i--) {
      state = lcg(state);
      var j = Math.floor(state * (i + 1) / 4294967296), t = order[i];
      order[i] = order[j]; order[j] = t;
    }
    return { order: order, state: state };
  }

  function forwardAll(net, X) {
    var zs = [], activations = [X];
    for (var l = 0; l < net.W.length; l++) {
      var W = net.W[l], b = net.b[l], g = actOf(net, l).g, A = activations[l], Z = [], An = [];
      for (var i = 0; i < A.length; i++) {
        var a = A[i], z = new Float64Array(W.length), next = new Float64Array(W.length);
        for (var j = 0; j < W.length; j++) {
          var Wj = W[j], s = 0;
          for (var k = 0; k < a.length; k++) s += a[k] * Wj[k];
          z[j] = s + b[j];                             // z = W a + b  (eq. z-def)
          next[j] = g(z[j]);                           // a = g(z)     (eq. a-def)
        }
        Z.push(z); An.push(next);
      }
      zs.push(Z); activations.push(An);
    }
    return { zs: zs, activations: activations };
  }

  function backprop(net, X, Y, l2, gradW, gradB) {
    var f = forwardAll(net, X), zs = f.zs, A = f.activations, L = net.W.length, n = X.length, i, j, k;
    // output layer: delta^(L) = dC/da^(L) * g'(z^(L)), dC/dA = (2/n)(A - Y) for the MSE  (eq. bp-delta-L)
    var out = actOf(net, L - 1), c = 2 / n, delta = [];
    for (i = 0; i < n; i++) {
      var d = new Float64Array(A[L][i].length);
      for (j = 0; j < d.length; j++) d[j] = c * (A[L][i][j] - Y[i][j]) * out.gPrime(zs[L - 1][i][j], A[L][i][j]);
      delta.push(d);
    }
    for (var l = L - 1; l >= 0; l--) {
      var W = net.W[l], gW = gradW[l], gb = gradB[l], Al = A[l];
      // dC/dw_jk = a_k delta_j and dC/db_j = delta_j, summed over the batch's rows  (eq. bp-three-delta)
      for (j = 0; j < W.length; j++) { gb[j] = 0; gW[j].fill(0); }
      for (i = 0; i < n; i++) for (j = 0; j < W.length; j++) {
        gb[j] += delta[i][j];
        for (k = 0; k < Al[i].length; k++) gW[j][k] += delta[i][j] * Al[i][k];
      }
      if (l2) for (j = 0; j < W.length; j++) for (k = 0; k < W[j].length; k++) gW[j][k] += l2 * W[j][k];   // d/dW of (l2/2) ||W||^2
      if (l > 0) {
        // delta^(l-1) = (W^T delta^(l)) * g'(z^(l-1))   (eq. bp-delta)
        var g = ACT[net.hidden], prev = [];
        for (i = 0; i < n; i++) {
          var p = new Float64Array(W[0].length);
          for (k = 0; k < p.length; k++) {
            var s = 0;
            for (j = 0; j < W.length; j++) s += delta[i][j] * W[j][k];
            p[k] = s * g.gPrime(zs[l - 1][i][k], A[l][i][k]);
          }
          prev.push(p);
        }
        delta = prev;
      }
    }
  }

  function zerosLike(net) {
    return { W: net.W.map(function (W) { return W.map(function (row) { return new Float64Array(row.length); }); }),
             b: net.b.map(function (b) { return new Float64Array(b.length); }) };
  }
  function total(grad) {                               // grad.sum() over every entry
    var s = 0;
    grad.W.forEach(function (W, l) {
      W.forEach(function (row) { for (var k = 0; k < row.length; k++) s += row[k]; });
      for (var j = 0; j < grad.b[l].length; j++) s += grad.b[l][j];
    });
    return s;
  }

  /* One pass over the mini-batches of X in the given order. Returns the failing step or null. */
  function sgdEpoch(net, X, Y, m, eta, l2) {
    var grad = zerosLike(net);
    for (var step = 1, start = 0; start < X.length; step++, start += m) {
      backprop(net, X.slice(start, start + m), Y.slice(start, start + m), l2, grad.W, grad.b);
      if (!isFinite(total(grad))) return step;         // inf or nan anywhere
      for (var l = 0; l < net.W.length; l++) {         // w <- w - eta dC/dw, b <- b - eta dC/db  (eq. update-rule)
        var W = net.W[l], b = net.b[l], gW = grad.W[l], gb = grad.b[l];
        for (var j = 0; j < W.length; j++) {
          for (var k = 0; k < W[j].length; k++) W[j][k] -= eta * gW[j][k];
          b[j] -= eta * gb[j];
        }
      }
    }
    return null;
  }

  function labels(A) { return A.map(function (a) { return a[0] > 0.5 ? 1 : 0; }); }   // network.labels_from, one output
  /* Cost (the MSE, eq. mse) and accuracy of net on X, Y. */
  function evaluate(net, X, Y) {
    var A = forwardAll(net, X).activations[net.W.length], total = 0, right = 0, i;
    for (i = 0; i < A.length; i++) for (var j = 0; j < A[i].length; j++) { var d = A[i][j] - Y[i][j]; total += d * d; }
    var p = labels(A), y = labels(Y);
    for (i = 0; i < p.length; i++) if (p[i] === y[i]) right++;
    return { cost: total / A.length, accuracy: right / A.length };
  }
  function measure(t, train, test) {
    t.train_loss.push(train.cost); t.test_loss.push(test.cost);
    t.train_accuracy.push(train.accuracy); t.test_accuracy.push(test.accuracy);
  }

  function train(t, epochs) {
    for (var e = 0; e < epochs; e++) {
      if (t.diverged) break;
      var s = shuffled(t.X.length, t.state);
      t.state = s.state;
      var X = s.order.map(function (i) { return t.X[i]; }), Y = s.order.map(function (i) { return t.Y[i]; });
      var m = Math.min(t.batch_size, X.length), step = sgdEpoch(t.net, X, Y, m, t.eta, t.l2), train = null, test = null;
      if (step === null) {
        train = evaluate(t.net, X, Y);                 // optim._record: stop if the cost is not finite
        test = evaluate(t.net, t.X_test, t.Y_test);
        if (!isFinite(train.cost) || !isFinite(test.cost)) step = Math.ceil(X.length / m);
      }
      if (step !== null) { t.diverged = { epoch: t.epoch + 1, step: step }; break; }
      t.epoch += 1;
      measure(t, train, test);
    }
    return t;
  }

  /* ========================= the numbers Python gave (playground.py) ========================= */
  var FEATURE_FN = {
    x1: function (p) { return p[0]; }, x2: function (p) { return p[1]; },
    x1_sq: function (p) { return p[0] * p[0]; }, x2_sq: function (p) { return p[1] * p[1]; },
    x1x2: function (p) { return p[0] * p[1]; },
    sin_x1: function (p) { return Math.sin(p[0]); }, sin_x2: function (p) { return Math.sin(p[1]); }
  };
  function transform(P, features) {                    // nnlib/features.py transform
    var fns = features.map(function (f) { return FEATURE_FN[f]; });
    return P.map(function (p) {
      var row = new Float64Array(fns.length);
      for (var k = 0; k < fns.length; k++) row[k] = fns[k](p);
      return row;
    });
  }
  function nTrainOf(n, fraction) { return Math.min(Math.max(Math.round(fraction * n), 1), n - 1); }   // planar.n_train_of

  /* playground.initial_network: W^(l) = z / sqrt(n_(l-1)) from the seed's normal draws, b = 0. */
  function initialNetwork(d, sizes, hidden, output, seed) {
    var z = d.draws[seed], start = 0, net = { sizes: sizes, hidden: hidden, output: output, W: [], b: [] };
    for (var l = 0; l + 1 < sizes.length; l++) {
      var nIn = sizes[l], nOut = sizes[l + 1], scale = 1 / Math.sqrt(nIn), W = [];
      for (var j = 0; j < nOut; j++) {
        var row = new Float64Array(nIn);
        for (var k = 0; k < nIn; k++) row[k] = z[start + j * nIn + k] * scale;
        W.push(row);
      }
      start += nOut * nIn;
      net.W.push(W); net.b.push(new Float64Array(nOut));
    }
    return net;
  }

  /* playground.Session: the points at this noise, split, their features, a fresh trainer. */
  function session(d, s) {
    var set = d.sets[s.dataset], n = d.n, nTrain = nTrainOf(n, s.train_percent / 100);
    var P = set.clean.map(function (c, i) { return [c[0] + s.noise * set.jitter[i][0], c[1] + s.noise * set.jitter[i][1]]; });
    var Y = set.target.map(function (t, i) { return [set.regression ? t + s.noise * set.target_jitter[i] : t]; });
    var F = transform(P, s.features), sizes = [s.features.length].concat(s.hidden, [1]);
    var t = { net: initialNetwork(d, sizes, s.activation, set.regression ? "identity" : "sigmoid", s.seed),
      X: F.slice(0, nTrain), Y: Y.slice(0, nTrain), X_test: F.slice(nTrain), Y_test: Y.slice(nTrain),
      eta: s.eta, batch_size: s.batch_size, l2: s.l2, state: s.seed, epoch: 0, diverged: null,
      train_loss: [], test_loss: [], train_accuracy: [], test_accuracy: [] };
    measure(t, evaluate(t.net, t.X, t.Y), evaluate(t.net, t.X_test, t.Y_test));
    return { settings: s, regression: set.regression, points: P.slice(0, nTrain), points_test: P.slice(nTrain), trainer: t };
  }
  function readout(S) {                                // Session.readout
    var t = S.trainer, done = t.diverged !== null;
    function last(h, wanted) { return done || wanted === false ? null : h[h.length - 1]; }
    return { epoch: t.epoch, train_loss: last(t.train_loss), test_loss: last(t.test_loss),
      train_accuracy: last(t.train_accuracy, !S.regression), test_accuracy: last(t.test_accuracy, !S.regression),
      diverged: done };
  }

  /* ================================ part 2: the page ================================ */
  var GRID = 40, NET = [24, 22, 310, 250], NW = 340, NH = 282, BUDGET = 12;   // ms of training per frame
  var LOW = [31, 119, 180], HIGH = [242, 142, 43], SIDE = 240, PLANE = [34, 8], PW = 282, PH = 284;
  var BACKDROP = 0.6;                                  // the big heatmap is paler, so the points stand out

  /* Centres of the GRID x GRID heatmap cells, row by row from the top (playground_svg.grid_points). */
  function gridPoints(extent) {
    var P = [];
    for (var r = 0; r < GRID; r++) for (var c = 0; c < GRID; c++)
      P.push([-extent + (c + 0.5) * (2 * extent / GRID), -extent + (GRID - 1 - r + 0.5) * (2 * extent / GRID)]);
    return P;
  }
  /* Every layer's activations over the grid, for drawing only: flat arrays (cell-major), one per
   * layer, no per-row allocation (the trainer's forwardAll computes the same, row by row). */
  function gridLayers(net, F) {
    var out = [F], n = F.length / net.sizes[0];
    for (var l = 0; l < net.W.length; l++) {
      var W = net.W[l], b = net.b[l], g = actOf(net, l).g, A = out[l], nIn = net.sizes[l], nOut = net.sizes[l + 1];
      var Z = new Float64Array(n * nOut);
      for (var i = 0; i < n; i++) for (var j = 0; j < nOut; j++) {
        var s = 0, Wj = W[j], o = i * nIn;
        for (var k = 0; k < nIn; k++) s += A[o + k] * Wj[k];
        Z[i * nOut + j] = g(s + b[j]);
      }
      out.push(Z);
    }
    return out;
  }
  /* Column j of a flat (cells x width) array mapped to [-1, 1] (playground_svg.unit and node_maps):
   * "sigmoid" 2a - 1, "tanh" a, "clip" a clipped, anything else a / max |a| over the grid. */
  function unit(A, width, j, how) {
    var n = A.length / width, out = new Float64Array(n), i, top = 0;
    if (how === "sigmoid") for (i = 0; i < n; i++) out[i] = 2 * A[i * width + j] - 1;
    else if (how === "tanh" || how === "clip") for (i = 0; i < n; i++) out[i] = A[i * width + j];
    else {
      for (i = 0; i < n; i++) top = Math.max(top, Math.abs(A[i * width + j]));
      for (i = 0; i < n; i++) out[i] = A[i * width + j] / (top > 0 ? top : 1);
    }
    return out;
  }
  function rgbOf(css) {                                // "rgb(r, g, b)" -> [r, g, b]; transparent -> null
    var m = /rgba?\(([^)]+)\)/.exec(css || ""), v = m ? m[1].split(",").map(Number) : [255, 255, 255];
    return v.length > 3 && v[3] === 0 ? null : v.slice(0, 3);
  }
  /* playground_svg.colours: t in [-1, 1] (clipped; NaN -> 0) from LOW through mid to HIGH, as "rgb(...)". */
  function colour(t, mid) {
    t = t > 1 ? 1 : t < -1 ? -1 : t === t ? t : 0;
    var end = t >= 0 ? HIGH : LOW, a = Math.abs(t), c = [0, 1, 2].map(function (k) { return Math.floor(mid[k] + (end[k] - mid[k]) * a + 0.5); });
    return "rgb(" + c.join(",") + ")";
  }
  /* The heatmaps' colours for 513 steps of t from -1 to 1, as little-endian RGBA words: HIGH or LOW
   * with opacity |t| (playground_svg.rgba), so that the theme's background shows through as the middle. */
  function palette() {
    var words = new Uint32Array(513);
    for (var i = 0; i <= 512; i++) {
      var t = i / 256 - 1, c = t >= 0 ? HIGH : LOW, alpha = Math.round(Math.abs(t) * 255);
      words[i] = (alpha << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0;
    }
    return words;
  }
  var WORDS = palette();
  function paint(canvas, values, words) {
    if (canvas.width !== GRID) { canvas.width = GRID; canvas.height = GRID; canvas.nnxImage = null; }
    var ctx = canvas.getContext("2d"), img = canvas.nnxImage || (canvas.nnxImage = ctx.createImageData(GRID, GRID));
    var px = new Uint32Array(img.data.buffer);
    for (var i = 0; i < values.length; i++) {
      var t = values[i];
      px[i] = words[t > 1 ? 512 : t < -1 ? 0 : t === t ? Math.round((t + 1) * 256) : 256];
    }
    ctx.putImageData(img, 0, 0);
  }

  function Playground(root, d) {
    this.root = root; this.d = d; this.playing = false; this.frames = 0; this.discs = {};   // P.disc
    this.grid = gridPoints(d.extent);
    var q = function (sel) { return root.querySelector(sel); };
    this.el = { net: q(".nnx-pg-net"), plane: q(".nnx-pg-plane"), loss: q(".nnx-pg-loss"), legend: q(".nnx-pg-legend"),
      status: q(".nnx-pg-status"), play: q('[data-action="play"]'), hidden: q('[data-control="hidden_layers"]') };
    this.el.plane.innerHTML = this.planeAxes();
    this.el.plane.style.minWidth = minWidth(PW) + "px";
    this.el.heat = q(".nnx-pg-heat");
    this.settings = JSON.parse(JSON.stringify(d.settings));
    this.bind();
    this.watchTheme();
    this.rebuild();
  }
  var P = Playground.prototype;

  P.control = function (name) { return this.root.querySelector('[data-control="' + name + '"]'); };
  P.sliderValue = function (input) {                   // core.js controlValue for linear and options sliders
    var pos = Number(input.value);
    return input.dataset.kind === "options" ? JSON.parse(input.dataset.options)[Math.round(pos)] : pos;
  };
  P.showSlider = function (input) {
    var v = this.sliderValue(input), out = input.closest(".nnx-control").querySelector(".nnx-value");
    nnx.setData(input, "value", String(v));
    nnx.setAttr(input, "aria-valuetext", String(v));   // an options slider's position is an index
    if (out) nnx.setText(out, String(v));
    return v;
  };
  /* The settings the controls show now (the seed is not a control: reset moves it). */
  P.read = function () {
    var s = this.settings, self = this;
    s.dataset = this.control("dataset").value;
    s.activation = this.control("activation").value;
    s.l2 = Number(this.control("l2").value);
    s.noise = this.showSlider(this.control("noise"));
    s.train_percent = this.showSlider(this.control("train_percent"));
    s.eta = this.showSlider(this.control("learning_rate"));
    s.features = this.d.features.map(function (f) { return f[0]; })
      .filter(function (f) { return self.control("feature_" + f).checked; });
    var batch = this.control("batch_size"), nTrain = nTrainOf(this.d.n, s.train_percent / 100);
    batch.max = String(nTrain);
    if (Number(batch.value) > nTrain) batch.value = String(nTrain);
    s.batch_size = this.showSlider(batch);
    return s;
  };
  P.bind = function () {
    var self = this, root = this.root;
    var structural = ["dataset", "activation", "noise", "train_percent"];
    structural.forEach(function (name) {
      var el = self.control(name);
      el.addEventListener(el.tagName === "SELECT" ? "change" : "input", function () { self.rebuild(); });
    });
    ["learning_rate", "batch_size", "l2"].forEach(function (name) {
      var el = self.control(name);
      el.addEventListener(el.tagName === "SELECT" ? "change" : "input", function () { self.tune(); });
    });
    this.d.features.forEach(function (f) {
      var box = self.control("feature_" + f[0]);
      box.addEventListener("change", function () {
        if (!root.querySelector('[data-control^="feature_"]:checked')) {
          box.checked = true;
          return self.say("Keep at least one input feature: the network needs an input.");
        }
        self.rebuild();
      });
    });
    var hidden = this.el.hidden;
    hidden.addEventListener("input", function () { self.typeHidden(false); });
    hidden.addEventListener("change", function () { self.typeHidden(true); });
    root.querySelector('[data-action="play"]').addEventListener("click", function () { self.playing ? self.pause() : self.play(); });
    root.querySelector('[data-action="step"]').addEventListener("click", function () { self.pause(); self.step(1); });
    root.querySelector('[data-action="reset"]').addEventListener("click", function () { self.reset(); });
  };
  P.say = function (text) { nnx.setText(this.el.status, text); };
  /* A new theme (the book's light/dark switch, or JupyterLab's): new colours for the points' rings. */
  P.watchTheme = function () {
    var self = this;
    if (!window.MutationObserver) return;
    var observer = new MutationObserver(function () {
      self.theme = null;
      if (self.pending) { cancelAnimationFrame(self.pending); self.pending = null; }
      self.draw();                                     // at once: a theme change is rare
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "data-mode", "class", "style"] });
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light", "class", "style"] });
  };

  /* The hidden-layers text box: "8, 8" is two layers of 8; empty is none. */
  P.typeHidden = function (final) {
    var text = this.el.hidden.value.trim(), parts = text ? text.split(/[\s,;]+/).filter(Boolean) : [];
    var d = this.d, ok = parts.length <= d.max_layers && parts.every(function (p) {
      return /^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= d.max_neurons;
    });
    if (ok) {
      var hidden = parts.map(Number);
      if (hidden.join() !== this.settings.hidden.join()) { this.settings.hidden = hidden; this.rebuild(); }
      else this.say("");
    } else this.say("Hidden layers: up to " + d.max_layers + " numbers from 1 to " + d.max_neurons + ", such as 4, 2.");
    if (final) this.el.hidden.value = this.settings.hidden.join(", ");
  };
  P.setHidden = function (hidden) {
    this.settings.hidden = hidden;
    this.el.hidden.value = hidden.join(", ");
    this.rebuild();
  };

  /* A new run from the controls (Session): epoch 0, the current seed's weights. */
  P.rebuild = function () {
    this.session = session(this.d, JSON.parse(JSON.stringify(this.read())));
    this.say("");
    var shape = this.session.trainer.net.sizes.join();
    if (this.shape !== shape) { this.shape = shape; this.layout(); }   // the panel changes only with the architecture
    this.redraw();
  };
  /* Draw at the next frame (several control events in a row draw once); readouts at once. */
  P.redraw = function () {
    var self = this;
    this.showReadouts();
    if (this.pending || this.playing) return;
    this.pending = requestAnimationFrame(function () { self.pending = null; self.draw(); });
  };
  /* New eta, batch size or L2 rate: the run goes on (Session.tune). */
  P.tune = function () {
    var s = this.read(), t = this.session.trainer;
    t.eta = s.eta; t.batch_size = s.batch_size; t.l2 = s.l2;
    this.session.settings = JSON.parse(JSON.stringify(s));
    this.redraw();
  };
  P.reset = function () {
    this.pause();
    this.settings.seed = (this.settings.seed + 1) % this.d.n_seeds;
    this.rebuild();
  };
  P.step = function (k) {
    train(this.session.trainer, k);
    if (this.pending) { cancelAnimationFrame(this.pending); this.pending = null; }
    this.draw();
  };
  P.play = function () {
    if (this.playing || this.session.trainer.diverged) return;
    var self = this;
    this.playing = true;
    this.el.play.textContent = "pause"; this.el.play.setAttribute("aria-pressed", "true");
    function frame() {
      if (!self.playing) return;
      var t = self.session.trainer, start = performance.now();
      do train(t, 1); while (performance.now() - start < BUDGET && !t.diverged);
      self.draw();
      if (t.diverged) self.pause(); else self.raf = requestAnimationFrame(frame);
    }
    this.raf = requestAnimationFrame(frame);
  };
  P.pause = function () {
    this.playing = false;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.el.play.textContent = "play"; this.el.play.setAttribute("aria-pressed", "false");
  };

  /* ---- drawing ---- */
  function radius(sizes) { var gap = Math.min(NET[3] / Math.max.apply(null, sizes), 90); return Math.max(Math.min(22, 0.42 * gap), 4); }
  function pct(v, of) { return (100 * v / of).toFixed(3) + "%"; }
  function minWidth(width) { return Math.ceil(width * nnx.MIN_SCALE) + 1; }   // as nnx.figure: text >= 11 px

  /* The network panel's parts that change only with the architecture: the layer buttons,
   * the SVG, one canvas per neuron. */
  P.layout = function () {
    var self = this, sizes = this.session.trainer.net.sizes, d = this.d, hidden = this.settings.hidden, box = this.el.net;
    var r = radius(sizes) - 0.6, n = hidden.length;
    // the buttons' names say what they do (a "\u2212" alone names nothing): playground.py's LAYER_LESS ...
    function button(attrs, name, enabled, text) {
      return '<button type="button" ' + attrs + ' aria-label="' + name + '" title="' + name + '"' + (enabled ? "" : " disabled") + '>' + text + '</button>';
    }
    var html = ['<div class="nnx-pg-depth">hidden layers ' +
      button('data-layers="-1"', "remove a hidden layer", n > 0, "\u2212") +
      button('data-layers="1"', "add a hidden layer", n < d.max_layers, "+") + ' <b>' + n + '</b></div><div class="nnx-pg-layers">'];
    hidden.forEach(function (width, l) {
      html.push('<div style="left:' + pct(NET[0] + NET[2] * (l + 1.5) / sizes.length, NW) + '">' +
        button('data-layer="' + l + '" data-by="-1"', "one neuron less in hidden layer " + (l + 1), width > 1, "\u2212") +
        button('data-layer="' + l + '" data-by="1"', "one neuron more in hidden layer " + (l + 1), width < d.max_neurons, "+") +
        '<br>' + width + ' neuron' + (width === 1 ? "" : "s") + '</div>');
    });
    html.push('</div><div class="nnx-pg-fig" style="min-width:' + minWidth(NW) + 'px"><svg viewBox="0 0 ' + NW + ' ' + NH + '" role="img" ' +
      'aria-label="the network: edges red and solid for positive weights, blue and dashed for negative, wider for larger; ' +
      'each neuron shows its output over the plane" font-family="system-ui,sans-serif"' + nnx.paint(nnx.COLORS.text) + '></svg>');
    sizes.forEach(function (size, l) {
      for (var j = 0; j < size; j++) {
        var p = nnx.nodeXY(sizes, NET, l, j);
        html.push('<canvas aria-hidden="true" data-node="' + l + ',' + j + '" style="left:' + pct(p[0] - r, NW) + ';top:' + pct(p[1] - r, NH) +
          ';width:' + pct(2 * r, NW) + ';height:' + pct(2 * r, NH) + '"></canvas>');
      }
    });
    var active = document.activeElement, had = active && box.contains(active) && active.getAttribute("aria-label");
    box.innerHTML = html.join("") + '</div>';
    if (had) {                                         // the new button that does the same keeps the focus
      var same = box.querySelector('button[aria-label="' + had + '"]:not([disabled])') || box.querySelector("button:not([disabled])");
      if (same) same.focus();
    }
    this.nodes = Array.prototype.slice.call(box.querySelectorAll("canvas[data-node]"));
    box.querySelectorAll("button[data-layers]").forEach(function (b) {
      b.addEventListener("click", function () {
        var h = self.settings.hidden.slice();
        if (Number(b.dataset.layers) > 0) h.push(2); else h.pop();
        self.setHidden(h);
      });
    });
    box.querySelectorAll("button[data-layer]").forEach(function (b) {
      b.addEventListener("click", function () {
        var h = self.settings.hidden.slice();
        h[Number(b.dataset.layer)] += Number(b.dataset.by);
        self.setHidden(h);
      });
    });
  };

  /* The explorer's own (themed) background and text colours, looked up again when the theme changes
   * (watchTheme). */
  P.colours = function () {
    if (!this.theme) {
      var style = getComputedStyle(this.root);
      this.theme = { mid: rgbOf(style.backgroundColor) || [255, 255, 255], text: style.color, words: WORDS };
    }
    return this.theme;
  };

  P.draw = function () {
    var t0 = performance.now(), S = this.session, net = S.trainer.net, sizes = net.sizes, colours = this.colours(), L = net.W.length;
    var features = S.settings.features.join();
    if (this.gridFor !== features) {                   // the grid's features change only with the features
      var F = this.gridF = new Float64Array(this.grid.length * S.settings.features.length), k = 0;
      this.gridFor = features;
      transform(this.grid, S.settings.features).forEach(function (row) { F.set(row, k); k += row.length; });
    }
    var A = gridLayers(net, this.gridF);
    // edges and rings (svg.py's network_diagram), then each neuron's map on its canvas
    nnx.patch(this.el.net.querySelector("svg"), nnx.networkParts(sizes, NET, { W: net.W.map(function (W) {
      return W.map(function (row) { return Array.from(row); }); }) }).concat(this.featureLabels(sizes)));
    this.nodes.forEach(function (canvas) {
      var lj = canvas.dataset.node.split(","), l = Number(lj[0]), j = Number(lj[1]);
      var how = l === 0 ? "scale" : l === L ? (S.regression ? "clip" : "sigmoid") : net.hidden;
      paint(canvas, unit(A[l], sizes[l], j, how), colours.words);
    });
    this.drawOutput(unit(A[L], 1, 0, S.regression ? "clip" : "sigmoid").map(function (t) { return BACKDROP * t; }), colours);
    this.drawLosses();
    this.showReadouts();
    this.frames++;
    this.root.nnxDrawMs = performance.now() - t0;            // the last draw, read by benchmarks/browser_latency.py
  };
  P.featureLabels = function (sizes) {
    var r = radius(sizes), labels = {};
    this.d.features.forEach(function (f) { labels[f[0]] = f[1]; });
    return this.session.settings.features.map(function (f, j) {
      var p = nnx.nodeXY(sizes, NET, 0, j);
      return '<text x="' + (p[0] - r - 4).toFixed(1) + '" y="' + (p[1] + 4).toFixed(1) + '" font-size="' + nnx.MIN_FONT + '" text-anchor="end">' + nnx.esc(labels[f]) + '</text>';
    });
  };

  /* The output square's axes (an SVG under its canvas): the frame, ticks at -extent, 0, extent, x1 and x2. */
  P.planeAxes = function () {
    var e = this.d.extent, x0 = PLANE[0], y0 = PLANE[1], A = nnx.paint(nnx.COLORS.axis), F = ' font-size="' + nnx.MIN_FONT + '"', parts = [];
    function px(v) { return (x0 + (v + e) / (2 * e) * SIDE).toFixed(1); }
    function py(v) { return (y0 + (e - v) / (2 * e) * SIDE + 4).toFixed(1); }
    [-e, 0, e].forEach(function (v) {
      parts.push('<text x="' + px(v) + '" y="' + (y0 + SIDE + 15) + '"' + F + ' text-anchor="middle"' + A + '>' + v + '</text>' +
        '<text x="' + (x0 - 5) + '" y="' + py(v) + '"' + F + ' text-anchor="end"' + A + '>' + v + '</text>');
    });
    parts.push('<text x="' + (x0 + SIDE / 2) + '" y="' + (y0 + SIDE + 30) + '"' + F + ' text-anchor="middle" font-style="italic">x\u2081</text>' +
      '<text x="8" y="' + (y0 + SIDE / 2 + 4) + '"' + F + ' text-anchor="middle" font-style="italic">x\u2082</text>' +
      '<rect x="' + (x0 - 0.5) + '" y="' + (y0 - 0.5) + '" width="' + (SIDE + 1) + '" height="' + (SIDE + 1) + '" fill="none"' + nnx.paint(null, nnx.COLORS.axis) + '/>');
    return '<svg viewBox="0 0 ' + PW + ' ' + PH + '" role="img" aria-label="the network\'s output over the plane (x\u2081 across, x\u2082 up), ' +
      'with the training points (filled) and the test points (ringed)" font-family="system-ui,sans-serif"' + nnx.paint(nnx.COLORS.text) + '>' + parts.join("") + '</svg>' +
      '<canvas class="nnx-pg-heat" aria-hidden="true" style="left:' + pct(x0, PW) + ';top:' + pct(y0, PH) + ';width:' + pct(SIDE, PW) +
      ';height:' + pct(SIDE, PH) + '"></canvas>';
  };

  /* The training points (a thin ring of the background's colour) and the test points (a ring of the
   * text's), drawn once per run and theme. Each point is its disc's pixels (a disc is drawn once per
   * colour, ring and theme), laid over the others in the page's own pixel buffer: far quicker than
   * drawing every disc as a path. */
  P.pointsLayer = function (colours, dpr) {
    var S = this.session, key = [colours.text, colours.mid.join(), dpr].join("|");
    if (this.pointsFor === S && this.pointsKey === key) return this.pointsCanvas;
    if (this.pointsKey !== key || Object.keys(this.discs).length > 1000) this.discs = {};   // regression: colours without end
    this.pointsFor = S; this.pointsKey = key;
    var c = this.pointsCanvas || (this.pointsCanvas = document.createElement("canvas")), e = this.d.extent, self = this;
    var n = Math.round(SIDE * dpr);
    if (c.width !== n) c.width = c.height = n;
    var ctx = c.getContext("2d"), img = ctx.createImageData(n, n);
    [[S.points, S.trainer.Y, false], [S.points_test, S.trainer.Y_test, true]].forEach(function (set) {
      var P = set[0], Y = set[1], ring = set[2];
      for (var i = 0; i < P.length; i++) {
        if (Math.abs(P[i][0]) > e || Math.abs(P[i][1]) > e) continue;
        var disc = self.disc(colour(S.regression ? Y[i][0] : (Y[i][0] > 0.5 ? 1 : -1), [255, 255, 255]), ring, colours, dpr);
        over(img, disc, Math.round((P[i][0] + e) / (2 * e) * n - disc.width / 2), Math.round((e - P[i][1]) / (2 * e) * n - disc.height / 2));
      }
    });
    ctx.putImageData(img, 0, 0);
    return c;
  };
  /* One point's disc, in device pixels (its visible pixels, listed for over()): filled with fill, ringed as a training or a test point. */
  P.disc = function (fill, ring, colours, dpr) {
    var name = fill + (ring ? " ring" : "");
    if (this.discs[name]) return this.discs[name];
    var r = ring ? 2.7 : 3, c = document.createElement("canvas"), ctx = c.getContext("2d", { willReadFrequently: true });
    c.width = c.height = 2 * Math.ceil((r + 1.5) * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, c.width / 2, c.height / 2);
    ctx.beginPath(); ctx.arc(0, 0, r, 0, 2 * Math.PI);
    ctx.fillStyle = fill; ctx.fill();
    ctx.lineWidth = ring ? 1.1 : 0.8;
    ctx.strokeStyle = ring ? colours.text : "rgb(" + colours.mid.join(",") + ")";
    ctx.stroke();
    var img = ctx.getImageData(0, 0, c.width, c.height), words = new Uint32Array(img.data.buffer), pixels = [];
    for (var k = 0; k < words.length; k++)
      if (img.data[4 * k + 3]) pixels.push(k % c.width, Math.floor(k / c.width), words[k], img.data[4 * k + 3]);
    return (this.discs[name] = { width: c.width, height: c.height, pixels: pixels });
  };
  /* Lay the disc's pixels over the image's, its top left corner at (x, y) ("source-over", colours
   * not premultiplied, as ImageData holds them). */
  function over(img, disc, x, y) {
    var D = img.data, W = img.width, H = img.height, D32 = img.words || (img.words = new Uint32Array(D.buffer));
    var px = disc.pixels, inside = x >= 0 && y >= 0 && x + disc.width <= W && y + disc.height <= H;
    for (var i = 0; i < px.length; i += 4) {       // [dx, dy, rgba as a word, alpha]
      var X = x + px[i], Y = y + px[i + 1];
      if (!inside && (X < 0 || Y < 0 || X >= W || Y >= H)) continue;
      var d = Y * W + X, da = D[4 * d + 3], sa = px[i + 3];
      if (sa === 255 || da === 0) { D32[d] = px[i + 2]; continue; }    // nothing under it, or it covers all
      var fs = sa / 255, fd = da / 255 * (1 - fs), a = fs + fd, word = px[i + 2];
      for (var k = 0; k < 3; k++) D[4 * d + k] = (((word >>> (8 * k)) & 255) * fs + D[4 * d + k] * fd) / a;
      D[4 * d + 3] = 255 * a;
    }
  }



  /* The output heatmap (transparent where the output is in the middle: the background shows) and
   * the points, on the canvas over the axes of planeAxes. */
  P.drawOutput = function (values, colours) {
    var S = this.session, canvas = this.el.heat, dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(SIDE * dpr)) { canvas.width = canvas.height = Math.round(SIDE * dpr); }
    var ctx = canvas.getContext("2d");
    if (!this.heatCanvas) this.heatCanvas = document.createElement("canvas");
    paint(this.heatCanvas, values, colours.words);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, SIDE, SIDE);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.heatCanvas, 0, 0, SIDE, SIDE);
    ctx.drawImage(this.pointsLayer(colours, dpr), 0, 0, SIDE, SIDE);
    if (this.legendFor !== S.regression) {
      this.legendFor = S.regression;
      var dot = function (c, ring) { return '<span style="display:inline-block;width:9px;height:9px;border-radius:50%;background:rgb(' + c.join(",") + ');' +
        (ring ? "box-shadow:0 0 0 1.5px currentColor" : "") + '"></span>'; };
      this.el.legend.innerHTML = (S.regression ? dot(LOW) + ' low ' + dot(HIGH) + ' high target' : dot(LOW) + ' class 0 ' + dot(HIGH) + ' class 1') +
        '; filled: training points, ' + dot([200, 200, 200], true) + ' ringed: test points';
    }
  };

  P.drawLosses = function () {
    var t = this.session.trainer, all = t.train_loss.concat(t.test_loss).filter(function (v) { return isFinite(v) && v > 0; });
    var lo = all.length ? Math.floor(Math.log10(Math.min.apply(null, all))) : -3;
    var hi = all.length ? Math.ceil(Math.log10(Math.max.apply(null, all))) : 0;
    var plot = new nnx.LogPlot(300, 130, [0, Math.max(t.epoch, 10)], [Math.pow(10, lo), Math.pow(10, Math.max(hi, lo + 1))], 0, 0, [16, 10, 28, 44]);
    plot.axes("epoch", "loss");
    [[t.train_loss, nnx.COLORS.model, ""], [t.test_loss, nnx.COLORS.data, "5 3"]].forEach(function (c) {
      var h = c[0], n = h.length, most = 200, xs = [], ys = [], last = -1;
      for (var i = 0; i < Math.min(n, most); i++) {
        var k = n <= most ? i : Math.round(i * (n - 1) / (most - 1));
        if (k !== last) { xs.push(k); ys.push(h[k]); last = k; }
      }
      plot.line(xs, ys, c[1], 1.8, c[2]);
    });
    var F = ' font-size="' + nnx.MIN_FONT + '"';            // playground_svg.loss_legend
    var legend = '<line x1="60" y1="7" x2="80" y2="7"' + nnx.paint(null, nnx.COLORS.model) + ' stroke-width="1.8"/>' +
      '<text x="84" y="11"' + F + '>train</text>' +
      '<line x1="126" y1="7" x2="146" y2="7"' + nnx.paint(null, nnx.COLORS.data) + ' stroke-width="1.8" stroke-dasharray="5 3"/>' +
      '<text x="150" y="11"' + F + '>test</text>';
    var figure = nnx.figure(300, 130, [plot, legend]);
    figure.head = figure.head.replace("<svg ", '<svg role="img" aria-label="training and test loss after every epoch" ');
    nnx.render(this.el.loss, figure);
  };

  function short(v) { return v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toFixed(4); }   // base.py's _short
  P.showReadouts = function () {
    var r = readout(this.session), S = this.session;
    this.root.querySelectorAll("[data-readout]").forEach(function (el) {
      var v = r[el.dataset.readout];
      nnx.setData(el, "value", v === null || v === undefined ? "" : String(v));
      nnx.setText(el, el.dataset.readout === "epoch" ? String(v) : r.diverged ? "diverged" : v === null ? "\u2014" : short(v));
    });
    this.root.querySelectorAll("[data-for]").forEach(function (el) {
      var display = S.regression && /accuracy/.test(el.dataset.for) ? "none" : "";
      if (el.style.display !== display) el.style.display = display;
    });
    if (r.diverged) this.say("Training diverged in epoch " + S.trainer.diverged.epoch + ": the weights overflowed. " +
      "Lower the learning rate \u03b7 and press reset.");
  };

  /* What tests and benchmarks read (the contract of issue 8). */
  P.state = function () {
    var S = this.session, t = S.trainer, net = t.net, r = readout(S), rows = function (M) { return M.map(function (row) { return Array.from(row); }); };
    return { sizes: net.sizes.slice(), activation: net.hidden, output_activation: net.output,
      W: net.W.map(rows), b: net.b.map(function (b) { return Array.from(b); }),
      X: rows(t.X), Y: rows(t.Y), X_test: rows(t.X_test), Y_test: rows(t.Y_test),
      eta: t.eta, batch_size: t.batch_size, l2: t.l2, epoch: t.epoch,
      train_loss: r.train_loss, test_loss: r.test_loss, train_accuracy: r.train_accuracy, test_accuracy: r.test_accuracy,
      diverged: r.diverged, diverged_at: t.diverged, seed: S.settings.seed, shuffle_state: t.state,
      dataset: S.settings.dataset, features: S.settings.features.slice(), hidden: S.settings.hidden.slice(),
      noise: S.settings.noise, train_percent: S.settings.train_percent, playing: this.playing, frames: this.frames,
      history: { train_loss: t.train_loss.slice(), test_loss: t.test_loss.slice() } };
  };

  nnx.playground = { lcg: lcg, shuffled: shuffled, forwardAll: forwardAll, backprop: backprop,
    sgdEpoch: sgdEpoch, evaluate: evaluate, train: train, session: session, readout: readout };   // for tests

  nnx.kinds.playground = {
    mount: function (root, d) {
      var pg = new Playground(root, d);
      root.playground = {
        state: function () { return pg.state(); },
        step: function (k) { pg.step(k === undefined ? 1 : k); return pg.state(); },
        play: function () { pg.play(); }, pause: function () { pg.pause(); }, reset: function () { pg.reset(); },
        shuffled: shuffled
      };
    }
  };
})();
