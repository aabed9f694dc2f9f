"""NetworkExplorer: a slider for every weight and bias of a small network.

The reader moves any w^(l)_jk or b^(l)_j and sees at once the network's
activations on one sample, its outputs on every sample, and the MSE.  A
"nudge" control then compares the change in cost that the gradient predicts,
(dC/dp) eps, with the change that really happens, C(p + eps) - C(p).
"""
from html import escape

import numpy as np

from ..activations import get_activation
from ..checks import (check_matrix, check_net_or_sizes, check_number, check_pair, check_seed,
                      check_together)
from ..datasets import xor
from ..network import Network
from .base import Explorer
from .controls import Control
from .svg import COLORS, Plot, figure, fmt, network_diagram
from .symbols import b_symbol, sub, w_symbol

STEP = 0.1            # step of every weight and bias slider
MAX_PARAMS = 40       # one slider per parameter: more would not fit a page
MAX_SAMPLES = 500     # the page's JS forward pass runs over every sample
EPS0 = 0.05          # starting nudge
MAX_TABLE = 8         # up to this many samples the outputs are a table, else a plot
WIDTH, HEIGHT = 660, 290


class NetworkExplorer(Explorer):
    """Sliders for every weight and bias of a small network, and a nudge test.

    Shows the network's diagram for one chosen sample (neurons coloured by
    their activation a^(l)_j, eq. ``a-def``; edges red for w > 0, blue for
    w < 0, wider for larger |w|), its outputs against the targets on every
    sample, and the MSE over all samples (eq. ``mse``).  The nudge control
    picks one parameter p and a step eps, and shows the change predicted by
    the gradient from backprop, (dC/dp) eps, next to the actual change
    C(p + eps) - C(p).

    Parameters
    ----------
    X, Y : arrays of shape (n, n_inputs) and (n, n_outputs), optional
        The data; default the four XOR points (:func:`nnlib.xor`).
    net : Network or list of int, optional
        The network, or its layer sizes (drawn with ``Network(sizes,
        activation, seed=seed)``); default ``[n_inputs, 2, n_outputs]``.
        At most 40 weights and biases (one slider each).
    activation : str
        Activation of a network built from sizes (ignored for a Network).
    seed : int
        Seed of a network built from sizes.
    weight_range : float
        The sliders run from -weight_range to +weight_range (default 10) in
        steps of 0.1.  Starting weights are rounded to the step and clipped to
        the range; a value set beyond the range is clamped by the slider.

    Notes
    -----
    Slider ``w1_01`` is the book's w^(1)_01, the weight *to* neuron 0 of
    layer 1 *from* neuron 1 of layer 0; it lives in nnlib's ``net.W[0][0, 1]``
    (``net.W[l-1]`` is W^(l)).
    """

    kind = "network"
    title = "A small network: move any weight or bias"
    script = "network.js"

    def __init__(self, X=None, Y=None, net=None, activation="sigmoid", seed=0,
                 weight_range=10.0):
        check_together(X=X, Y=Y)
        if X is None:
            X, Y = xor()
        X, Y = check_matrix("X", X), check_matrix("Y", Y)
        get_activation(activation)         # checked even when a Network is given
        check_seed(seed)
        net = check_net_or_sizes([X.shape[1], 2, Y.shape[1]] if net is None else net)
        if not isinstance(net, Network):
            net = Network(net, activation=activation, seed=seed)
        self.X, self.Y = check_pair(net.sizes, X, Y)
        check_number("weight_range", weight_range, STEP, 100,
                     " (the sliders run from -weight_range to +weight_range)")
        if net.n_params > MAX_PARAMS:
            raise ValueError(f"net must have at most {MAX_PARAMS} weights and biases (one slider "
                             f"each), got {net.n_params} for sizes {list(net.sizes)}")
        if len(self.X) > MAX_SAMPLES:
            raise ValueError(f"X must have at most {MAX_SAMPLES} rows (samples), got {len(self.X)}")
        self.range = float(weight_range)
        self.net0 = _snap(net, self.range)
        self.params = _params(self.net0)
        self.by_label = {p[1]: p for p in self.params}
        self.nudge0 = self._first_nudge()
        super().__init__()

    # ---- controls ----------------------------------------------------------------
    def controls_spec(self):
        R, net = self.range, self.net0
        spec = [Control(name, label, _get(net, l, j, k), -R, R, STEP)
                for name, label, l, j, k in self.params]
        labels = tuple(p[1] for p in self.params)
        return spec + [
            Control("sample", "sample", len(self.X) // 2, 0, len(self.X) - 1, 1),
            Control("nudge", "nudge", self.nudge0, options=labels),
            Control("eps", "ε", EPS0, -0.5, 0.5, 0.01)]

    def _first_nudge(self):
        """The parameter the nudge starts on: the steepest one that the gradient predicts well.

        Among the parameters whose actual change at eps = EPS0 is within 10% of the
        predicted one, take the one with the largest |dC/dp| (else the first).
        """
        grad_W, grad_b = self.net0.backprop(self.X, self.Y)
        C0, best, first = self.net0.cost(self.X, self.Y), 0.0, self.params[0][1]
        for _, label, l, j, k in self.params:
            grad, nudged = _get_grad(grad_W, grad_b, l, j, k), self.net0.copy()
            _set(nudged, l, j, k, _get(self.net0, l, j, k) + EPS0)
            close = abs(nudged.cost(self.X, self.Y) - C0 - grad * EPS0) <= 0.1 * abs(grad * EPS0)
            if close and abs(grad) > best:
                best, first = abs(grad), label
        return first

    def network(self, values):
        """The nnlib Network whose weights and biases are the sliders' values."""
        net = self.net0.copy()
        for name, _, l, j, k in self.params:
            _set(net, l, j, k, float(values[name]))
        return net

    # ---- numbers (all from nnlib) ------------------------------------------------
    def compute(self, values):
        net, X, Y = self.network(values), self.X, self.Y
        i = int(round(float(values["sample"])))
        _, activations = net.forward_all(X[i:i + 1])
        mse = net.cost(X, Y)
        grad_W, grad_b = net.backprop(X, Y)
        _, _, l, j, k = self.by_label[values["nudge"]]
        grad = _get_grad(grad_W, grad_b, l, j, k)
        eps = float(values["eps"])
        nudged = net.copy()
        _set(nudged, l, j, k, _get(net, l, j, k) + eps)
        nudged_mse = nudged.cost(X, Y)
        state = {"mse": mse, "grad": grad, "predicted": grad * eps,
                 "actual": nudged_mse - mse, "nudged_mse": nudged_mse,
                 "activations": [a[0].tolist() for a in activations],
                 "outputs": net.forward(X).tolist()}
        for key, (yhat, y) in _output_keys(activations[-1][0], Y[i]).items():
            state["yhat" + key], state["y" + key] = yhat, y
        return state

    def readout_line(self):
        """One rounded line: the MSE, the shown output, and the nudge test."""
        v, r = self.values(), self.readout()
        out = ", ".join(f"{label} = {r[key]:.4f}" for key, label in self.readout_labels().items()
                        if key.startswith(("yhat", "y")))
        return (f"{self.title}: MSE = {r['mse']:.4f}, sample {int(v['sample'])}: {out}; nudge "
                f"{v['nudge']} by ε = {v['eps']:.2f}: predicted ΔC = {short(r['predicted'])}, "
                f"actual ΔC = {short(r['actual'])}")

    def readout_labels(self):
        m = self.Y.shape[1]
        out = {}
        for key in _output_keys(np.zeros(m), np.zeros(m)):
            idx = key.replace("_", "")
            out["yhat" + key], out["y" + key] = "ŷ" + sub(idx), "y" + sub(idx)
        return {"mse": "MSE (all samples)", **out, "grad": "∂C/∂p",
                "predicted": "predicted ΔC = ∂C/∂p·ε", "actual": "actual ΔC"}

    # ---- picture -----------------------------------------------------------------
    def draw(self, values, state):
        net = self.network(values)
        i = int(round(float(values["sample"])))
        p = self.by_label[values["nudge"]]
        sizes = list(net.sizes)
        acts = state["activations"]
        L = len(sizes) - 1
        parts = [_title(self.X[i], self.Y[i], i),
                 network_diagram(
                     sizes, (0, 24, 340, 206), W=[W.tolist() for W in net.W], fills=acts,
                     texts=[[f"{a:.2f}" for a in layer] for layer in acts],
                     above=[[""] * sizes[0]] + [[f"b = {b + 0.0:.1f}" for b in bl] for bl in net.b],
                     nodes_on=[(p[2], p[3])] if p[4] is None else [],
                     edges_on=[(p[2], p[3], p[4])] if p[4] is not None else [],
                     layer_labels=_layer_labels(L))]
        parts.append(self._outputs(state, i))
        parts.append(_nudge_box(p[1], float(values["eps"]), state))
        return figure(WIDTH, HEIGHT, *parts)

    def _outputs(self, state, i):
        outputs, X, Y = state["outputs"], self.X, self.Y
        head = (f'<text x="352" y="16" font-size="12" font-weight="600">Outputs ŷ vs targets y'
                f'</text><text x="650" y="16" font-size="12" text-anchor="end">MSE = '
                f'{state["mse"]:.4f}</text>')
        lo, hi = _ylim(Y)
        if len(X) <= MAX_TABLE and Y.shape[1] == 1:
            return head + _table(X, Y, outputs, i, lo, hi)
        return head + _plot(X, Y, outputs, i, lo, hi)

    def static_data(self):
        return {"X": self.X, "Y": self.Y, "sizes": list(self.net0.sizes),
                "acts": [self.net0.activation] * (self.net0.L - 1) + [self.net0.output_activation],
                "params": self.params, "table": len(self.X) <= MAX_TABLE and self.Y.shape[1] == 1,
                "ylim": _ylim(self.Y)}


# ---- parameters -----------------------------------------------------------------------
def _params(net):
    """One (name, label, l, j, k) per parameter, neuron by neuron: its weights, then its bias.

    l is the book's layer (1..L); k is None for a bias.
    """
    out = []
    for l in range(1, net.L + 1):
        for j in range(net.sizes[l]):
            for k in range(net.sizes[l - 1]):
                idx = f"{j}{k}" if j < 10 and k < 10 else f"{j}_{k}"
                out.append((f"w{l}_{idx}", w_symbol(l, j, k), l, j, k))
            out.append((f"b{l}_{j}", b_symbol(l, j), l, j, None))
    return out


def _get(net, l, j, k):
    return float(net.b[l - 1][j] if k is None else net.W[l - 1][j, k])


def _get_grad(grad_W, grad_b, l, j, k):
    return float(grad_b[l - 1][j] if k is None else grad_W[l - 1][j, k])


def _set(net, l, j, k, v):
    if k is None:
        net.b[l - 1][j] = v
    else:
        net.W[l - 1][j, k] = v


def _snap(net, R):
    """A copy of net with every weight and bias rounded to the slider step, within ±R."""
    net = net.copy()
    for P in net.W + net.b:
        P[...] = np.clip(np.round(P / STEP) * STEP, -R, R).round(10)
    return net


def _output_keys(yhat, y):
    """Readout keys of the outputs: "" for one output, else "_0", "_1", ..."""
    if len(y) == 1:
        return {"": (float(yhat[0]), float(y[0]))}
    return {f"_{j}": (float(a), float(t)) for j, (a, t) in enumerate(zip(yhat, y))}


def _layer_labels(L):
    return ["input (layer 0)"] + [f"layer {l}" for l in range(1, L)] + [f"output (layer {L})"]


def _vec(v, limit=3):
    items = [fmt(float(x)) for x in v[:limit]] + (["…"] if len(v) > limit else [])
    return items[0] if len(v) == 1 else "(" + ", ".join(items) + ")"


def _title(x, y, i):
    return (f'<text x="8" y="16" font-size="12" font-weight="600">Sample {i}: '
            f'x = {escape(_vec(x))}, y = {escape(_vec(y))}</text>'
            f'<text x="8" y="{HEIGHT - 22}" font-size="10" fill="{COLORS["axis"]}">circles: activation a '
            f'(white = 0, orange = 1)</text>'
            f'<text x="8" y="{HEIGHT - 8}" font-size="10" fill="{COLORS["axis"]}">edges: red w &gt; 0, '
            f'blue w &lt; 0, wider = larger |w|</text>')


def _ylim(Y):
    lo, hi = min(0.0, float(Y.min())), max(1.0, float(Y.max()))
    return (lo, hi)


def short(v):
    """A signed number with 4 decimals, or 3 significant digits if tiny or huge."""
    if v != 0 and (abs(v) < 1e-3 or abs(v) >= 1e4):
        mantissa, exponent = f"{v:.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{v:.4f}"


def _table(X, Y, outputs, i, lo, hi):
    """Rows x | y | ŷ | bar of ŷ with a tick at y (one output neuron, few samples)."""
    x0, x1 = 520.0, 645.0
    px = lambda v: x0 + (min(max(v, lo), hi) - lo) / (hi - lo) * (x1 - x0)
    p = [f'<text x="356" y="38" font-size="11" fill="{COLORS["axis"]}">x</text>'
         f'<text x="450" y="38" font-size="11" fill="{COLORS["axis"]}" text-anchor="end">y</text>'
         f'<text x="505" y="38" font-size="11" fill="{COLORS["axis"]}" text-anchor="end">ŷ</text>'
         f'<text x="{x0}" y="38" font-size="10" fill="{COLORS["axis"]}">{fmt(lo)}</text>'
         f'<text x="{x1}" y="38" font-size="10" fill="{COLORS["axis"]}" text-anchor="end">{fmt(hi)}</text>']
    for r, (x, y, out) in enumerate(zip(X, Y, outputs)):
        top = 44 + 20 * r
        if r == i:
            p.append(f'<rect x="350" y="{top}" width="300" height="20" fill="#dafbe1" rx="3"/>')
        yc = top + 14
        p.append(f'<text x="356" y="{yc}" font-size="11">{escape(_vec(x))}</text>'
                 f'<text x="450" y="{yc}" font-size="11" text-anchor="end">{fmt(float(y[0]))}</text>'
                 f'<text x="505" y="{yc}" font-size="11" text-anchor="end" font-weight="600">{out[0]:.3f}</text>'
                 f'<rect x="{x0}" y="{top + 5}" width="{x1 - x0}" height="10" fill="#f6f8fa" stroke="#d0d7de"/>'
                 f'<rect x="{min(px(0), px(out[0])):.1f}" y="{top + 5}" width="{abs(px(out[0]) - px(0)):.1f}" '
                 f'height="10" fill="#f28e2b"/>'
                 f'<line x1="{px(float(y[0])):.1f}" y1="{top + 2}" x2="{px(float(y[0])):.1f}" y2="{top + 18}" '
                 f'stroke="{COLORS["data"]}" stroke-width="2.5"/>')
    bottom = 44 + 20 * len(X) + 12
    p.append(f'<rect x="{x0}" y="{bottom - 8}" width="10" height="8" fill="#f28e2b"/>'
             f'<text x="{x0 + 13}" y="{bottom}" font-size="10" fill="{COLORS["axis"]}">ŷ</text>'
             f'<line x1="{x0 + 32}" y1="{bottom - 9}" x2="{x0 + 32}" y2="{bottom + 1}" stroke="{COLORS["data"]}" stroke-width="2.5"/>'
             f'<text x="{x0 + 37}" y="{bottom}" font-size="10" fill="{COLORS["axis"]}">target y</text>')
    return "".join(p)


def _plot(X, Y, outputs, i, lo, hi):
    """Outputs (lines) and targets (dots) over x (one input) or over the sample index."""
    n, m = Y.shape
    xs = X[:, 0].tolist() if X.shape[1] == 1 else list(range(n))
    pad = 0.1 * (hi - lo)
    xlo, xhi = min(xs), max(xs)
    xpad = 0.05 * (xhi - xlo) or 0.5
    plot = Plot(310, 136, (xlo - xpad, xhi + xpad), (lo - pad, hi + pad), x0=345, y0=22,
                margin=(4, 6, 28, 38))
    plot.axes("x" if X.shape[1] == 1 else "sample", "")
    order = sorted(range(n), key=lambda r: xs[r])
    shades = [COLORS["model"], "#9a6700", "#8250df", "#1a7f37"]
    for j in range(m):
        color = shades[j % len(shades)]
        plot.dots(xs, Y[:, j].tolist(), COLORS["data"], 3)
        plot.line([xs[r] for r in order], [outputs[r][j] for r in order], color, 1.5)
        plot.dots(xs, [o[j] for o in outputs], color, 2.2)
    plot.vline(xs[i])
    legend = (f'<circle cx="572" cy="153" r="3" fill="{COLORS["data"]}"/>'
              f'<text x="578" y="157" font-size="10" fill="{COLORS["axis"]}">target y</text>'
              f'<circle cx="625" cy="153" r="3" fill="{COLORS["model"]}"/>'
              f'<text x="631" y="157" font-size="10" fill="{COLORS["axis"]}">ŷ</text>')
    return plot.svg() + legend


def _nudge_box(label, eps, state):
    """The nudge test: predicted (dC/dp) eps next to actual C(p + eps) - C(p), as bars."""
    pred, act = state["predicted"], state["actual"]
    scale = max(abs(pred), abs(act)) or 1.0
    zero, half = 500.0, 140.0
    def bar(v, y, color):
        length = half * v / scale
        return (f'<rect x="{min(zero, zero + length):.1f}" y="{y}" width="{abs(length):.1f}" '
                f'height="9" fill="{color}"/>')
    top = 186
    return (f'<rect x="350" y="{top - 16}" width="300" height="{HEIGHT - top + 12}" rx="6" '
            f'fill="#f6f8fa" stroke="#d0d7de"/>'
            f'<text x="358" y="{top}" font-size="12" font-weight="600">Nudge {escape(label)} by '
            f'ε = {eps:.2f}</text>'
            f'<text x="358" y="{top + 18}" font-size="11">predicted  ∂C/∂p · ε</text>'
            f'<text x="644" y="{top + 18}" font-size="11" text-anchor="end" font-weight="600">{short(pred)}</text>'
            + bar(pred, top + 23, "#8250df") +
            f'<text x="358" y="{top + 48}" font-size="11">actual  C(p + ε) − C(p)</text>'
            f'<text x="644" y="{top + 48}" font-size="11" text-anchor="end" font-weight="600">{short(act)}</text>'
            + bar(act, top + 53, COLORS["accent"]) +
            f'<line x1="{zero}" y1="{top + 21}" x2="{zero}" y2="{top + 64}" stroke="{COLORS["axis"]}"/>'
            f'<text x="358" y="{top + 82}" font-size="10" fill="{COLORS["axis"]}">p = {escape(label)}, '
            f'∂C/∂p = {short(state["grad"])} (backprop)</text>')
