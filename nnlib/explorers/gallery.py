"""ActivationGallery: every activation g(z) and its slope g'(z), side by side.

One z slider moves a marker across all six panels at once, and a target y
turns the highlighted activation into a one-neuron cost C = (g(z) - y)^2 with
gradient dC/dz = 2 (g(z) - y) g'(z) (eqs. ``bp-delta-L`` with one output).
Moving z into a flat region shows saturation: sigmoid at z = 5 with y = 0 has
a large cost but almost no gradient to fix it.
"""
from html import escape

import numpy as np

from ..activations import ACTIVATIONS
from ..checks import check_choice, check_number
from ..costs import get_cost
from ..rounding import portable
from .base import Explorer
from .controls import Control
from .svg import COLORS, TEXT_GRAD, Plot, figure, paint

Z_LIM = (-6.0, 6.0)
N_CURVE = 241                          # points per drawn curve (step 0.05)
CURVE_DIGITS = 6                       # the page's curves are only drawn: far below a pixel, and the same on every CPU
COLS, PANEL_W, PANEL_H, TOP = 3, 220, 150, 26
WIDTH, HEIGHT = COLS * PANEL_W, TOP + 2 * PANEL_H + 62
FLAT_NOTE = "Flat region: the cost is large, but g′(z) ≈ 0 makes the gradient tiny, so learning stalls."
CHAIN_NOTE = "∂C/∂z = ∂C/∂a · g′(z): wherever g is flat, g′(z) ≈ 0 and the gradient vanishes."


class ActivationGallery(Explorer):
    """All activations of ``nnlib.ACTIVATIONS`` as small multiples, with a shared z.

    Each panel draws g(z) (solid) and g'(z) (dashed) over z in [-6, 6], the
    target y (dotted), and marks the chosen z.  The readout is for the
    highlighted activation: a = g(z), da_dz = g'(z), the cost
    mse = (g(z) - y)^2 of that single output on that single target (nnlib's
    ``mse``), and dC_dz = 2 (g(z) - y) g'(z); "activations" holds g(z) for all six.

    Parameters
    ----------
    z, y : float
        Starting input z (in [-6, 6]) and target y (in [-1, 2]).
    highlight : str
        The activation the readout describes (a name in ``nnlib.ACTIVATIONS``).
    """

    kind = "gallery"
    title = "Activation functions g(z) and their slopes g′(z)"
    script = "gallery.js"

    def __init__(self, z=2.0, y=1.0, highlight="sigmoid"):
        self.z0, self.y0 = _in_range("z", z, *Z_LIM), _in_range("y", y, -1.0, 2.0)
        self.highlight0 = check_choice("highlight", highlight, list(ACTIVATIONS))
        self.zs = np.linspace(*Z_LIM, N_CURVE)
        self.curves = {name: (act.g(self.zs), act.g_prime(self.zs)) for name, act in ACTIVATIONS.items()}
        self.ylims = {name: _ylim(*gs) for name, gs in self.curves.items()}
        self._curve_svg = {name: self._panel(n, name).line(self.zs.tolist(), gp.tolist(), TEXT_GRAD, 1.6, "5 3")
                           .line(self.zs.tolist(), g.tolist(), COLORS["model"], 2).svg()
                           for n, (name, (g, gp)) in enumerate(self.curves.items())}
        super().__init__()

    def _panel(self, n, name):
        """The empty Plot of panel n (row-major, 3 per row) for activation ``name``."""
        x0, y0 = (n % COLS) * PANEL_W, TOP + (n // COLS) * PANEL_H
        return Plot(PANEL_W, PANEL_H, Z_LIM, self.ylims[name], x0=x0, y0=y0, margin=(20, 8, 22, 34))

    def controls_spec(self):
        return [Control("z", "z", self.z0, *Z_LIM, 0.1),
                Control("y", "target y", self.y0, -1.0, 2.0, 0.1),
                Control("highlight", "highlight", self.highlight0, options=tuple(ACTIVATIONS), menu=True,
                        describe="the activation whose cost and gradient are shown")]

    def compute(self, values):
        z, y, name = float(values["z"]), float(values["y"]), values["highlight"]
        act, cost = ACTIVATIONS[name], get_cost("mse")
        Z = np.array([[z]])
        A, Y = act.g(Z), np.array([[y]])
        dC_dz = cost.dC_dA(A, Y) * act.g_prime(Z)      # delta = dC/da * g'(z)  (eq. bp-delta-L)
        return {"a": float(A[0, 0]), "da_dz": float(act.g_prime(Z)[0, 0]),
                "mse": cost.C(A, Y), "dC_dz": float(dC_dz[0, 0]),
                "activations": {n: float(g.g(Z)[0, 0]) for n, g in ACTIVATIONS.items()},
                "slopes": {n: float(g.g_prime(Z)[0, 0]) for n, g in ACTIVATIONS.items()}}

    def readout_labels(self):
        return {"a": "a = g(z)", "da_dz": "g′(z)", "mse": "C = (a − y)²", "dC_dz": "∂C/∂z"}

    def draw(self, values, state):
        z, y, name = float(values["z"]), float(values["y"]), values["highlight"]
        parts = [_legend()]
        for n, act in enumerate(ACTIVATIONS):
            x0, y0 = (n % COLS) * PANEL_W, TOP + (n // COLS) * PANEL_H
            on = act == name
            p = self._panel(n, act)
            if on:
                p.parts.append(f'<rect x="{x0 + 2}" y="{y0 + 1}" width="{PANEL_W - 4}" height="{PANEL_H - 2}" '
                               f'rx="6"{paint(COLORS["hl"], COLORS["accent"])} stroke-width="2"/>')
            p.axes()
            p.line(Z_LIM, (y, y), COLORS["data"], 1.2, "2 3")
            p.parts.append(self._curve_svg[act])         # g' and g never change: drawn once
            p.vline(z)
            p.dots([z], [state["slopes"][act]], TEXT_GRAD, 3.5).dots([z], [state["activations"][act]], COLORS["model"], 4)
            p.parts.append(f'<text x="{x0 + 36}" y="{y0 + 14}" font-size="12" font-weight="'
                           f'{600 if on else 400}">{act}</text>')
            p.text(x0 + PANEL_W - 8, y0 + 14, f"g′(z) = {state['slopes'][act]:.3f}", 12, "end", TEXT_GRAD)
            parts.append(p)
        parts.append(_summary(name, z, y, state))
        return figure(WIDTH, HEIGHT, *parts)

    def static_data(self):
        def drawn(values):
            return [portable(v, CURVE_DIGITS) for v in values]
        return {"zs": self.zs, "names": list(ACTIVATIONS), "ylims": self.ylims,
                "g": {n: drawn(c[0]) for n, c in self.curves.items()},
                "g_prime": {n: drawn(c[1]) for n, c in self.curves.items()}}


def _in_range(name, v, lo, hi):
    return check_number(name, v, lo, hi, " (the slider's range)")


def _ylim(g, g_prime):
    """y-range of a panel: g, g' and the targets' usual range [0, 1], padded by 8%."""
    lo = min(float(g.min()), float(g_prime.min()), 0.0)
    hi = max(float(g.max()), float(g_prime.max()), 1.0)
    pad = 0.08 * (hi - lo)
    return (round(lo - pad, 6), round(hi + pad, 6))


def _legend():
    y = 15
    return (f'<line x1="10" y1="{y - 4}" x2="34" y2="{y - 4}"{paint(stroke=COLORS["model"])} stroke-width="2"/>'
            f'<text x="38" y="{y}" font-size="12">g(z)</text>'
            f'<line x1="80" y1="{y - 4}" x2="104" y2="{y - 4}"{paint(stroke=TEXT_GRAD)} stroke-width="1.6" stroke-dasharray="5 3"/>'
            f'<text x="108" y="{y}" font-size="12">g′(z)</text>'
            f'<line x1="152" y1="{y - 4}" x2="176" y2="{y - 4}"{paint(stroke=COLORS["data"])} stroke-width="1.2" stroke-dasharray="2 3"/>'
            f'<text x="180" y="{y}" font-size="12">target y</text>'
            f'<line x1="244" y1="{y - 10}" x2="244" y2="{y + 2}"{paint(stroke=COLORS["accent"])} stroke-dasharray="4 3"/>'
            f'<text x="250" y="{y}" font-size="12">the chosen z</text>')


def _summary(name, z, y, s):
    """The highlighted activation's one-output cost and its gradient, in words and numbers."""
    top = TOP + 2 * PANEL_H + 6
    flat = s["mse"] > 0.01 and abs(s["da_dz"]) < 0.05       # g is flat here, but a is off target
    note, color = ((FLAT_NOTE, COLORS["warn"]) if flat else (CHAIN_NOTE, COLORS["axis"]))
    return (f'<rect x="4" y="{top}" width="{WIDTH - 8}" height="52" rx="6"{paint(COLORS["panel"], COLORS["border"])}/>'
            f'<text x="14" y="{top + 20}" font-size="12"><tspan font-weight="600">{escape(name)}</tspan> at '
            f'z = {z:.1f}, y = {y:.1f}:   C = (g(z) − y)² = {s["mse"]:.4f},   '
            f'∂C/∂z = 2(g(z) − y)·g′(z) = {s["dC_dz"]:.4f}</text>'
            f'<text x="14" y="{top + 40}" font-size="12"{paint(color)}>{escape(note)}</text>')
