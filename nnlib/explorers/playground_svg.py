"""The Playground's picture in Jupyter, as one SVG string (static/playground.js mirrors it).

Heatmaps are one small PNG image inside the SVG, a strip of tiles: every
neuron's output over a GRID x GRID grid of the plane, the output neuron's
last (shown large behind the points, too).  Values are
mapped to [-1, 1] (:func:`unit`) and coloured from blue (-1: class 0, low)
through the background (0, the decision boundary of a sigmoid output) to
orange (+1: class 1, high): a cell is blue or orange with opacity |t|
(:func:`rgba`), over a disc or square of the theme's background colour, so
the middle is white in a light theme and dark in a dark one, with no second
image.  One PNG a frame, not one per neuron, keeps a frame well
under the 66 ms that 15 frames a second allow (``benchmarks/playground_speed.py``).

Every other colour is the explorers' palette through :func:`~.svg.paint`
(the theme's text, background and axis colours), and no text is smaller
than ``MIN_FONT`` (12 px): on a narrow page the picture shrinks only to
``MIN_SCALE`` of its size (:func:`~.svg.figure`).
"""
import base64
import io
import math
from html import escape

import numpy as np

from .. import planar
from ..features import FEATURES, transform
from .svg import COLORS, MIN_FONT, LogPlot, figure, network_diagram, node_xy, paint

GRID = 40                                   # heatmap cells per side (as in the page)
LOW, MID, HIGH = (31, 119, 180), (255, 255, 255), (242, 142, 43)
BACKDROP = 0.6                              # the big heatmap's colours go 60% of the way, so
                                            # that the points, in full colour, stand out
NET_BOX = (28, 28, 340, 250)                # x0, y0, width, height of the network diagram
OUT = (420, 28, 240)                        # x0, y0, side of the output heatmap
LOSS = (380, 296, 330, 136)                 # x0, y0, width, height of the loss curves
WIDTH, HEIGHT = 720, 436


def grid_points():
    """Centres of the GRID x GRID cells, row by row from the top (x2 = +EXTENT), (GRID^2, 2)."""
    e = planar.EXTENT
    c = -e + (np.arange(GRID) + 0.5) * (2 * e / GRID)
    x1, x2 = np.meshgrid(c, c[::-1])
    return np.column_stack([x1.ravel(), x2.ravel()])


def unit(A, name):
    """Activations A of shape (cells, neurons) mapped to [-1, 1] for colouring:
    sigmoid 2a - 1, tanh a, anything else a / max |a| over the cells (per neuron)."""
    if name == "sigmoid":
        return 2 * A - 1
    if name == "tanh":
        return A
    top = np.max(np.abs(A), axis=0)
    return A / np.where(top > 0, top, 1.0)


def _palette():
    """RGB of 513 steps of t from -1 to 1 (uint8, shape (513, 3)): LOW, then MID, then HIGH."""
    t = np.linspace(-1.0, 1.0, 513)[:, None]
    lo, mid, hi = (np.array(c, dtype=float) for c in (LOW, MID, HIGH))
    return (np.where(t >= 0, mid + (hi - mid) * t, mid + (lo - mid) * -t) + 0.5).astype(np.uint8)


PALETTE = _palette()


def rgba(t):
    """RGBA uint8 of shape t.shape + (4,) for values t in [-1, 1] (clipped; NaN -> 0): HIGH
    for t >= 0, LOW below, with opacity |t| in steps of 1/255 (as playground.js's heatmaps).
    Over the background colour this is :func:`colours` with the background as the middle."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float), nan=0.0, posinf=1.0, neginf=-1.0),
                -1.0, 1.0)
    out = np.empty(t.shape + (4,), dtype=np.uint8)
    out[..., :3] = np.where(t[..., None] >= 0, np.array(HIGH, np.uint8), np.array(LOW, np.uint8))
    out[..., 3] = np.rint(np.abs(t) * 255).astype(np.uint8)
    return out


def colours(t):
    """RGB uint8 of shape t.shape + (3,) for values t in [-1, 1] (clipped; NaN -> 0),
    in steps of 1/256 (as playground.js's palette)."""
    t = np.nan_to_num(np.asarray(t, dtype=float), nan=0.0, posinf=1.0, neginf=-1.0)
    return PALETTE[np.rint((np.clip(t, -1.0, 1.0) + 1.0) * 256).astype(np.intp)]


def sprite(tiles):
    """One RGBA PNG (a data: URI) of the tiles side by side: each tile GRID^2 values in
    [-1, 1], coloured by :func:`rgba` (transparent at 0).

    Encoding one image a frame instead of one per neuron keeps a frame cheap; the
    picture shows tile k of it through a clip path (:func:`tile`)."""
    from PIL import Image
    rows = np.reshape(np.asarray(tiles), (len(tiles), GRID, GRID)).transpose(1, 0, 2)
    buf = io.BytesIO()
    Image.fromarray(rgba(rows.reshape(GRID, -1)), "RGBA").save(buf, "PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def tile(key, k, x, y, size, clip):
    """Tile k of the sprite ``key`` placed on the square (x, y, size), seen through ``clip``
    (the id of a clipPath around that square: the rest of the strip stays hidden).  One
    <svg> in all: the JupyterLab test counts them."""
    return (f'<g clip-path="url(#{clip})"><use href="#{key}" transform="translate('
            f'{x - k * size:.2f} {y:.2f}) scale({size / GRID:.5f})"/></g>')


def node_maps(session):
    """Every neuron's output over the grid, in [-1, 1]: a list over layers of (GRID^2, n)
    arrays; layer 0 holds the features (each over its own max |value|)."""
    net, s = session.trainer.net, session.settings
    if "grid" not in session.cache:                  # the grid's features never change in a run
        session.cache["grid"] = transform(grid_points(), s.features)
    with np.errstate(all="ignore"):
        _, activations = net.forward_all(session.cache["grid"])
        maps = [unit(activations[0], "identity")]
        maps += [unit(A, net.activation) for A in activations[1:-1]]
        out = activations[-1]
        maps.append(np.clip(out, -1, 1) if session.regression else 2 * out - 1)
    return maps


def node_radius(sizes):
    """The radius of a neuron's circle in :func:`nnlib.explorers.svg.network_diagram`."""
    gap = min(NET_BOX[3] / max(sizes), 90.0)
    return max(min(22.0, 0.42 * gap), 4.0)


def draw_network(session, key):
    """The diagram: edges by weight (red w > 0, blue w < 0, wider for larger |w|), each
    neuron a disc showing its own output over the plane (tile k of sprite ``key`` for the
    k-th neuron, counted layer by layer)."""
    net = session.trainer.net
    sizes = list(net.sizes)
    parts = [network_diagram(sizes, NET_BOX, W=[W.tolist() for W in net.W])]
    r = node_radius(sizes) - 0.6
    k = 0
    for l in range(len(sizes)):
        for j in range(sizes[l]):
            x, y = node_xy(sizes, NET_BOX, l, j)
            clip = f"{key}c{k}"
            parts.append(f'<clipPath id="{clip}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
                         f'</clipPath><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"'
                         f'{paint(COLORS["bg"])}/>' + tile(key, k, x - r, y - r, 2 * r, clip))
            k += 1
            if l == 0:
                label = FEATURES[session.settings.features[j]][0]
                parts.append(f'<text x="{x - r - 4:.1f}" y="{y + 4:.1f}" font-size="{MIN_FONT}" '
                             f'text-anchor="end">{escape(label)}</text>')
    names = (["features"] + [f"{n} neuron{'s' * (n > 1)}" for n in sizes[1:-1]] + ["output"])
    for l, text in enumerate(names):
        x = NET_BOX[0] + NET_BOX[2] * (l + 0.5) / len(sizes)
        parts.append(f'<text x="{x:.1f}" y="{NET_BOX[1] - 10:.1f}" font-size="{MIN_FONT}" '
                     f'text-anchor="middle"{paint(COLORS["axis"])}>{escape(text)}</text>')
    return "".join(parts)


def draw_points(session):
    """SVG circles of the points, in their class's colour: training points with a thin ring
    of the background's colour, test points with a thicker ring of the text's (both follow
    the theme; cached: the points never move during a run)."""
    cached = session.cache.get("points")
    if cached is None:
        x0, y0, side = OUT
        e = planar.EXTENT
        t, parts = session.trainer, []
        for P, Y, stroke in ((session.points, t.Y, paint(stroke=COLORS["bg"]) + ' stroke-width="0.8"'),
                             (session.points_test, t.Y_test,
                              paint(stroke=COLORS["text"]) + ' stroke-width="1.5"')):
            value = np.clip(Y[:, 0], -1, 1) if session.regression else np.where(Y[:, 0] > 0.5, 1.0, -1.0)
            rgb = colours(value)
            for (x1, x2), c in zip(P, rgb):
                if abs(x1) <= e and abs(x2) <= e:
                    parts.append(f'<circle cx="{x0 + (x1 + e) / (2 * e) * side:.1f}" '
                                 f'cy="{y0 + (e - x2) / (2 * e) * side:.1f}" r="3" '
                                 f'fill="#{c[0]:02x}{c[1]:02x}{c[2]:02x}" {stroke}/>')
        cached = session.cache["points"] = "".join(parts)
    return cached


def draw_output(session, key, k):
    """The output heatmap over the plane (tile k of sprite ``key``), behind the points."""
    x0, y0, side = OUT
    e = planar.EXTENT
    px = lambda v: x0 + (v + e) / (2 * e) * side
    py = lambda v: y0 + (e - v) / (2 * e) * side
    square = f'x="{x0}" y="{y0}" width="{side}" height="{side}"'
    A = paint(COLORS["axis"])
    parts = [f'<clipPath id="{key}out"><rect {square}/></clipPath><rect {square}{paint(COLORS["bg"])}/>',
             tile(key, k, x0, y0, side, f"{key}out"), draw_points(session),
             f'<rect {square} fill="none"{paint(stroke=COLORS["axis"])}/>']
    for v in (-e, 0.0, e):
        parts.append(f'<text x="{px(v):.1f}" y="{y0 + side + 14:.1f}" font-size="{MIN_FONT}" '
                     f'text-anchor="middle"{A}>{v:g}</text>'
                     f'<text x="{x0 - 4:.1f}" y="{py(v) + 4:.1f}" font-size="{MIN_FONT}" '
                     f'text-anchor="end"{A}>{v:g}</text>')
    parts.append(f'<text x="{x0 + side / 2:.1f}" y="{y0 + side + 14:.1f}" font-size="{MIN_FONT}" '
                 f'text-anchor="middle" font-style="italic" dx="24">x₁</text>'
                 f'<text x="{x0 - 16:.1f}" y="{y0 + side / 2 - 14:.1f}" font-size="{MIN_FONT}" '
                 f'text-anchor="middle" font-style="italic">x₂</text>'
                 f'<text x="{x0 + side / 2:.1f}" y="{y0 - 10:.1f}" font-size="{MIN_FONT}" '
                 f'text-anchor="middle"{A}>output over the plane; test points ringed</text>')
    return "".join(parts)


def loss_limits(values):
    """y limits (decades) of a log plot holding the positive finite ``values``."""
    good = [v for v in values if v is not None and math.isfinite(v) and v > 0]
    if not good:
        return 1e-3, 1.0
    lo, hi = math.floor(math.log10(min(good))), math.ceil(math.log10(max(good)))
    return 10.0 ** lo, 10.0 ** max(hi, lo + 1)


def thin(values, most=200):
    """(epochs, values) with at most ``most`` points, evenly spaced, the last one kept."""
    n = len(values)
    idx = sorted(set(np.linspace(0, n - 1, min(n, most)).round().astype(int).tolist()))
    return idx, [values[i] for i in idx]


def draw_losses(session):
    """Training (solid) and test (dashed) loss after every epoch, log scale."""
    t = session.trainer
    x0, y0, w, h = LOSS
    ylim = loss_limits(t.train_loss + t.test_loss)
    plot = LogPlot(w, h, (0, max(t.epoch, 10)), ylim, x0=x0, y0=y0, margin=(16, 10, 28, 44))
    plot.axes("epoch", "loss")
    for history, dash in ((t.train_loss, ""), (t.test_loss, "5 3")):
        xs, ys = thin(history)
        plot.line(xs, ys, COLORS["model"] if not dash else COLORS["data"], 1.8, dash)
    return plot.svg() + loss_legend(x0, y0)


def loss_legend(x0, y0):
    """The key to the loss curves: train solid, test dashed (text baseline at y0 + 11)."""
    return (f'<line x1="{x0 + 60}" y1="{y0 + 7}" x2="{x0 + 80}" y2="{y0 + 7}"'
            f'{paint(stroke=COLORS["model"])} stroke-width="1.8"/>'
            f'<text x="{x0 + 84}" y="{y0 + 11}" font-size="{MIN_FONT}">train</text>'
            f'<line x1="{x0 + 126}" y1="{y0 + 7}" x2="{x0 + 146}" y2="{y0 + 7}"'
            f'{paint(stroke=COLORS["data"])} stroke-width="1.8" stroke-dasharray="5 3"/>'
            f'<text x="{x0 + 150}" y="{y0 + 11}" font-size="{MIN_FONT}">test</text>')


def draw(session):
    """The whole picture of a Playground session: network, output, losses."""
    maps = node_maps(session)
    tiles = [layer[:, j] for layer in maps for j in range(layer.shape[1])]
    tiles.append(BACKDROP * tiles[-1])                     # the output again, paler, behind the points
    key = f"pg{session.key}_{session.trainer.epoch}"       # ids unique on a notebook's page
    defs = (f'<defs><image id="{key}" width="{GRID * len(tiles)}" height="{GRID}" '
            f'preserveAspectRatio="none" href="{sprite(tiles)}"/></defs>')
    return figure(WIDTH, HEIGHT, defs, draw_network(session, key),
                  draw_output(session, key, len(tiles) - 1), draw_losses(session))
