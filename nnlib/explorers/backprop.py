"""BackpropExplorer: the forward and backward pass of a small network, one equation at a time.

A "step" slider walks through the equations of the backpropagation chapter
in the order a computer applies them: z-def and a-def layer by layer, the
cost (eq. ``mse``), then bp-delta-L, and for each layer from the output back
bp-w, bp-b and bp-delta.  Every step shows its equation, the arithmetic with
this sample's numbers, and lights up the neurons and edges it touches.
Finished steps keep their values in the diagram.
"""
from html import escape

import numpy as np

from ..activations import get_activation
from ..checks import check_int, check_net_or_sizes, check_pair, check_together
from ..costs import get_cost
from ..datasets import xor
from ..network import Network
from .base import Explorer
from .controls import Control
from .svg import COLORS, TEXT_GRAD, TEXT_MUTED, figure, fmt, network_diagram, node_xy
from .symbols import b_symbol, factor, layer, num, sub, sup, w_symbol

MAX_WIDTH, MAX_LAYERS, MAX_SAMPLES = 5, 3, 16   # keeps the diagram legible, the page < 1 MB
MAX_LINES = 5                                   # arithmetic lines shown per step
WIDTH = 660
NODE_GAP = 80                                   # room per neuron when a layer has 3 or more

TITLES = {"z-def": "forward pass: weighted inputs z of layer {l}",
          "a-def": "forward pass: activations a of layer {l}",
          "mse": "forward pass ends: the cost C of this sample",
          "bp-delta-L": "backward pass: the error δ of the output layer {l}",
          "bp-w": "backward pass: gradient of the weights of layer {l}",
          "bp-b": "backward pass: gradient of the biases of layer {l}",
          "bp-delta": "backward pass: the error δ of layer {m}, from layer {l}"}


class BackpropExplorer(Explorer):
    """Step through the forward and backward pass of a small network on one sample.

    Parameters
    ----------
    X, Y : arrays of shape (n, n_inputs) and (n, n_outputs), optional
        The samples to choose from; default the four XOR points.
    net : Network or list of int, optional
        Default ``Network([2, 2, 1], seed=0)``; at most 5 neurons per layer and
        3 weight layers (so the diagram stays legible).
    sample : int, optional
        The sample shown first; default the last XOR point, x = (1, 1), y = 0,
        whose inputs are both non-zero (so every gradient is non-zero).

    Notes
    -----
    z and a come from ``Network.forward_all``; the deltas and gradients are
    computed here with nnlib's activations and costs, by the same equations
    and in the same order as ``Network.backprop`` (the tests check that the
    last step's gradients equal ``net.backprop(x, y)`` exactly).
    """

    kind = "backprop"
    title = "Backpropagation, one equation at a time"
    script = "backprop.js"

    def __init__(self, X=None, Y=None, net=None, sample=None):
        check_together(X=X, Y=Y)
        if X is None:
            X, Y = xor()
        net = check_net_or_sizes([2, 2, 1] if net is None else net)
        if not isinstance(net, Network):
            net = Network(net, seed=0)
        self.X, self.Y = check_pair(net.sizes, X, Y)
        if max(net.sizes) > MAX_WIDTH or net.L > MAX_LAYERS:
            raise ValueError(f"net must have at most {MAX_WIDTH} neurons per layer and "
                             f"{MAX_LAYERS} weight layers, got sizes {list(net.sizes)}")
        if len(self.X) > MAX_SAMPLES:
            raise ValueError(f"X must have at most {MAX_SAMPLES} rows (samples), got {len(self.X)}")
        n = len(self.X)
        self.sample0 = n - 1 if sample is None else check_int("sample", sample)
        if not 0 <= self.sample0 < n:
            raise ValueError(f"sample must be a row index of X between 0 and {n - 1}, got {sample}")
        self.net = net.copy()
        self.steps = plan(net.L)
        self._states = [self._trace(i) for i in range(n)]
        self.n_lines = min(max(len(s["lines"]) for states in self._states for s in states),
                           MAX_LINES + 1)
        self.box = (0, 58, 560, max(190, NODE_GAP * max(net.sizes)))    # the diagram's area
        self.panel_top = self.box[1] + self.box[3] + 40                   # the equation panel's
        self.height = self.panel_top + 34 + 17 * self.n_lines
        super().__init__()

    def controls_spec(self):
        n = len(self.X)
        return [Control("step", "step", 0, 0, len(self.steps) - 1, 1),
                Control("sample", "sample", self.sample0, 0, n - 1, 1)]

    def compute(self, values):
        i, s = int(round(float(values["sample"]))), int(round(float(values["step"])))
        return dict(self._states[i][s])

    def readout_labels(self):
        return {"step": "equation", "result": "result", "mse": "C (this sample)"}

    def readout_line(self):
        """One line: the step, its equation label, its result and the sample's cost."""
        v, r = self.values(), self.readout()
        return (f"{self.title}: step {int(v['step'])} ({r['step']}): {r['result']}; "
                f"C (this sample) = {r['mse']:.4f}")

    # ---- the whole trace of one sample, then what each step reveals ---------------------
    def _trace(self, i):
        net, L = self.net, self.net.L
        x, y = self.X[i:i + 1], self.Y[i:i + 1]
        zs, activations = net.forward_all(x)                      # eqs. z-def, a-def
        g = [None] + [get_activation(net.activation)] * (L - 1) + [get_activation(net.output_activation)]
        cost = get_cost("mse")
        C = cost.C(activations[-1], y)                            # eq. mse, n = 1
        deltas, grad_W, grad_b = [None] * L, [None] * L, [None] * L   # code index l-1 = layer l
        dC_da = cost.dC_dA(activations[-1], y)
        deltas[L - 1] = dC_da * g[L].g_prime(zs[-1])              # eq. bp-delta-L
        for l in range(L, 0, -1):
            grad_W[l - 1] = deltas[l - 1].T @ activations[l - 1]  # eq. bp-w
            grad_b[l - 1] = deltas[l - 1].sum(axis=0)             # eq. bp-b
            if l > 1:                                             # eq. bp-delta
                deltas[l - 2] = (deltas[l - 1] @ net.W[l - 1]) * g[l - 1].g_prime(zs[l - 2])
        full = {"zs": [z[0] for z in zs], "activations": [a[0] for a in activations],
                "deltas": [d[0] for d in deltas], "grad_W": grad_W, "grad_b": grad_b,
                "cost": C, "dC_da": dC_da[0], "g": g, "x": x[0], "y": y[0]}
        return [self._state(full, s) for s in range(len(self.steps))]

    def _state(self, full, s):
        label, l = self.steps[s]
        known = {"zs": [None] * self.net.L, "activations": [full["activations"][0].tolist()]
                 + [None] * self.net.L, "deltas": [None] * self.net.L,
                 "grad_W": [None] * self.net.L, "grad_b": [None] * self.net.L, "cost": None}
        for done, m in self.steps[:s + 1]:
            _reveal(known, full, done, m)
        sym, values, equation, lines = _describe(self.net, full, label, l)
        nodes_on, edges_on = _touches(self.net.sizes, label, l)
        return {"mse": full["cost"], "step": label, "result": f"{sym} = {_show(values)}",
                "values": np.ravel(values).tolist(), "equation": equation, "lines": lines,
                "title": TITLES[label].format(l=l, m=l - 1), **known,
                "nodes_on": nodes_on, "edges_on": edges_on}

    # ---- picture ------------------------------------------------------------------
    def draw(self, values, state):
        i, s = int(round(float(values["sample"]))), int(round(float(values["step"])))
        parts = [_header(s, len(self.steps), state["title"], self.X[i], self.Y[i]),
                 _timeline(self.steps, s),
                 _diagram(self.net, state, self.Y[i], self.box, self.panel_top),
                 _panel(state, self.panel_top, self.height)]
        return figure(WIDTH, self.height, *parts)

    def static_data(self):
        return {"sizes": list(self.net.sizes), "W": self.net.W, "X": self.X, "Y": self.Y,
                "steps": self.steps, "box": self.box, "panel_top": self.panel_top,
                "height": self.height, "states": self._states}


# ---- the plan: which equation at which step -------------------------------------------
def plan(L):
    """The steps [(equation label, layer l), ...] of one forward and backward pass.

    ("bp-delta", l) computes delta^(l-1) from delta^(l).
    """
    steps = [(label, l) for l in range(1, L + 1) for label in ("z-def", "a-def")]
    steps += [("mse", L), ("bp-delta-L", L)]
    for l in range(L, 0, -1):
        steps += [("bp-w", l), ("bp-b", l)] + ([("bp-delta", l)] if l > 1 else [])
    return steps


def _reveal(known, full, label, l):
    """Copy into ``known`` the quantity that step (label, l) computes."""
    if label == "z-def":
        known["zs"][l - 1] = full["zs"][l - 1].tolist()
    elif label == "a-def":
        known["activations"][l] = full["activations"][l].tolist()
    elif label == "mse":
        known["cost"] = full["cost"]
    elif label == "bp-delta-L":
        known["deltas"][l - 1] = full["deltas"][l - 1].tolist()
    elif label == "bp-w":
        known["grad_W"][l - 1] = full["grad_W"][l - 1].tolist()
    elif label == "bp-b":
        known["grad_b"][l - 1] = full["grad_b"][l - 1].tolist()
    elif label == "bp-delta":
        known["deltas"][l - 2] = full["deltas"][l - 2].tolist()


def _touches(sizes, label, l):
    """Neurons (l, j) and edges (l, j, k) that step (label, l) reads or writes."""
    layer_nodes = lambda m: [[m, j] for j in range(sizes[m])]
    edges = [[l, j, k] for j in range(sizes[l]) for k in range(sizes[l - 1])]
    if label == "z-def":
        return layer_nodes(l), edges
    if label == "bp-w":
        return [], edges
    if label == "bp-delta":
        return layer_nodes(l - 1), edges
    return layer_nodes(l), []


# ---- the equation and its arithmetic, as Unicode text ------------------------------------
def _symbol(letter, l, j=None):
    return f"{letter}{layer(l)}" + ("" if j is None else sub(j))


def _describe(net, full, label, l):
    """(symbol, values, equation, arithmetic lines) of step (label, l)."""
    L, W, b = net.L, net.W, net.b
    a, z, d = full["activations"], full["zs"], full["deltas"]
    g = full["g"]
    sig = "σ" if g[l].name == "sigmoid" else f"σ (here {g[l].name})"
    if label == "z-def":
        lines = []
        for j in range(net.sizes[l]):
            if net.sizes[l - 1] <= 3:
                terms = " + ".join(f"{factor(W[l - 1][j, k])}·{factor(a[l - 1][k])}"
                                   for k in range(net.sizes[l - 1]))
                lines.append(f"{_symbol('z', l, j)} = {terms} + {factor(b[l - 1][j])} = {num(z[l - 1][j])}")
            else:
                lines.append(f"{_symbol('z', l, j)} = Σₖ w{layer(l)}{sub(j)}ₖ a{layer(l - 1)}ₖ + "
                             f"{b_symbol(l, j)} = {num(z[l - 1][j])}")
        eq = f"z{layer(l)} = W{layer(l)} a{layer(l - 1)} + b{layer(l)}"
        return _symbol("z", l), z[l - 1], eq, lines
    if label == "a-def":
        lines = [f"{_symbol('a', l, j)} = σ({num(z[l - 1][j])}) = {num(a[l][j])}"
                 for j in range(net.sizes[l])]
        eq = f"a{layer(l)} = σ(z{layer(l)})" + ("" if sig == "σ" else f",   {sig}")
        return _symbol("a", l), a[l], eq, lines
    if label == "mse":
        y = full["y"]
        terms = " + ".join(f"({num(a[L][j])} − {num(y[j])})²" for j in range(net.sizes[L]))
        eq = f"C = Σⱼ (a{layer(L)}ⱼ − yⱼ)²"
        return "C", full["cost"], eq, [f"C = {terms} = {num(full['cost'])}"]
    if label == "bp-delta-L":
        y = full["y"]
        lines = [f"{_symbol('δ', L, j)} = 2({num(a[L][j])} − {num(y[j])}) · σ′({num(z[L - 1][j])}) = "
                 f"{num(full['dC_da'][j])} · {factor(g[L].g_prime(z[L - 1][j]))} = {num(d[L - 1][j])}"
                 for j in range(net.sizes[L])]
        eq = f"δ{layer(L)} = ∂C/∂a{layer(L)} ⊙ σ′(z{layer(L)}),   ∂C/∂a{layer(L)}ⱼ = 2(a{layer(L)}ⱼ − yⱼ)"
        return _symbol("δ", L), d[L - 1], eq, lines
    if label == "bp-w":
        G = full["grad_W"][l - 1]
        lines = [f"∂C/∂{w_symbol(l, j, k)} = {factor(a[l - 1][k])} · {factor(d[l - 1][j])} = {num(G[j, k])}"
                 for j in range(net.sizes[l]) for k in range(net.sizes[l - 1])]
        eq = f"∂C/∂w{layer(l)}ⱼₖ = a{layer(l - 1)}ₖ δ{layer(l)}ⱼ"
        return f"∂C/∂W{layer(l)}", G, eq, lines
    if label == "bp-b":
        G = full["grad_b"][l - 1]
        lines = [f"∂C/∂{b_symbol(l, j)} = {_symbol('δ', l, j)} = {num(G[j])}" for j in range(net.sizes[l])]
        return f"∂C/∂b{layer(l)}", G, f"∂C/∂b{layer(l)}ⱼ = δ{layer(l)}ⱼ", lines
    # bp-delta: delta^(l-1) = (W^(l))^T delta^(l) * g'(z^(l-1))
    m = l - 1
    lines = []
    for k in range(net.sizes[m]):
        s = float(W[l - 1][:, k] @ d[l - 1])
        terms = " + ".join(f"{factor(W[l - 1][j, k])}·{factor(d[l - 1][j])}" for j in range(net.sizes[l]))
        lines.append(f"{_symbol('δ', m, k)} = ({terms}) · σ′({num(z[m - 1][k])}) = "
                     f"{num(s)} · {factor(g[m].g_prime(z[m - 1][k]))} = {num(d[m - 1][k])}")
    eq = f"δ{layer(m)} = (W{layer(l)}){sup('T')} δ{layer(l)} ⊙ σ′(z{layer(m)})"
    return _symbol("δ", m), d[m - 1], eq, lines


def _show(values):
    """Values as text: a number, a vector (…) or a matrix [row; row]."""
    v = np.asarray(values, dtype=float)
    if v.ndim == 0:
        return num(float(v))
    if v.ndim == 1:
        return "(" + ", ".join(num(x) for x in v) + ")"
    return "[" + "; ".join(", ".join(num(x) for x in row) for row in v) + "]"


# ---- drawing --------------------------------------------------------------------------
def _short_vec(v):
    return "(" + ", ".join(fmt(float(x)) for x in v) + ")" if len(v) > 1 else fmt(float(v[0]))


def _header(s, N, title, x, y):
    return (f'<text x="8" y="16" font-size="12" font-weight="600">Step {s} of {N - 1}: '
            f'{escape(title)}</text>'
            f'<text x="652" y="16" font-size="11" text-anchor="end" fill="{COLORS["axis"]}">'
            f'x = {escape(_short_vec(x))}, y = {escape(_short_vec(y))}</text>')


def _step_symbol(label, l):
    return {"z-def": f"z{layer(l)}", "a-def": f"a{layer(l)}", "mse": "C",
            "bp-delta-L": f"δ{layer(l)}", "bp-w": f"∂W{layer(l)}", "bp-b": f"∂b{layer(l)}",
            "bp-delta": f"δ{layer(l - 1)}"}[label]


def _timeline(steps, s):
    """One pill per step: forward steps in orange, backward in purple; done ones filled."""
    width = (WIDTH - 16) / len(steps)
    out = []
    for t, (label, l) in enumerate(steps):
        x = 8 + t * width
        backward = label.startswith("bp-")
        color = TEXT_GRAD if backward else "#d9730d"
        fill = color if t < s else "#ffffff"
        stroke = COLORS["accent"] if t == s else color
        text = "#ffffff" if t < s else color
        out.append(f'<rect x="{x + 2:.1f}" y="26" width="{width - 4:.1f}" height="20" rx="10" '
                   f'fill="{fill}" stroke="{stroke}" stroke-width="{3 if t == s else 1.2}"/>'
                   f'<text x="{x + width / 2:.1f}" y="40" font-size="11" text-anchor="middle" '
                   f'fill="{text}">{escape(_step_symbol(label, l))}</text>')
    return "".join(out)


def _diagram(net, state, y, box, panel_top):
    """The network with every value computed so far: z above, a inside, δ below, ∂C/∂w on edges."""
    sizes, L = list(net.sizes), net.L
    fmt_layer = lambda rows, f: [None if r is None else [f(v) for v in r] for r in rows]
    out = [network_diagram(
        sizes, box, W=[W.tolist() for W in net.W], fills=state["activations"],
        texts=fmt_layer(state["activations"], lambda v: f"{v:.3f}"),
        above=[None] + fmt_layer(state["zs"], lambda v: f"z = {num(v)}"),
        below=[None] + fmt_layer(state["deltas"], lambda v: f"δ = {num(v)}"),
        edge_texts=[None if G is None else [[num(v) for v in row] for row in G]
                    for G in state["grad_W"]],
        nodes_on=state["nodes_on"], edges_on=state["edges_on"],
        layer_labels=["input (layer 0)"] + [f"layer {l}" for l in range(1, L)] + [f"output (layer {L})"])]
    for j in range(sizes[L]):
        x, yy = node_xy(sizes, box, L, j)
        out.append(f'<text x="{x + 30:.1f}" y="{yy - 2:.1f}" font-size="11" fill="{COLORS["data"]}">'
                   f'target y = {fmt(float(y[j]))}</text>')
    if state["cost"] is not None:
        x, yy = node_xy(sizes, box, L, sizes[L] - 1)
        out.append(f'<text x="{x + 30:.1f}" y="{yy + 14:.1f}" font-size="11" font-weight="600">'
                   f'C = {num(state["cost"])}</text>')
    out.append(f'<text x="8" y="{panel_top - 10}" font-size="10" fill="{COLORS["axis"]}">inside: a '
               f'(white 0 → orange 1) · grey above: z · <tspan fill="{TEXT_GRAD}">purple: δ below, '
               f'∂C/∂w on edges</tspan> · green: this step</text>')
    return "".join(out)


def _panel(state, top, height):
    """The equation of this step (with its label) and its arithmetic, line by line."""
    tag = f"({state['step']})"
    out = [f'<rect x="4" y="{top}" width="{WIDTH - 8}" height="{height - top - 4}" rx="6" '
           f'fill="#f6f8fa" stroke="#d0d7de"/>',
           f'<text x="14" y="{top + 22}" font-size="14" font-weight="600">{escape(state["equation"])}</text>',
           f'<text x="{WIDTH - 14}" y="{top + 22}" font-size="12" text-anchor="end" '
           f'fill="{TEXT_MUTED}">eq. {escape(tag)}</text>']
    lines = state["lines"]
    shown = lines[:MAX_LINES] + ([f"… and {len(lines) - MAX_LINES} more"] if len(lines) > MAX_LINES else [])
    for r, line in enumerate(shown):
        out.append(f'<text x="22" y="{top + 44 + 17 * r}" font-size="12">{escape(line)}</text>')
    return "".join(out)
