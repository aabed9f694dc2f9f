"""A tiny SVG plotter for the live explorers (static/core.js mirrors it).

Drawing a few hundred points into an SVG string takes well under a
millisecond, which is what lets a slider answer at once; a new matplotlib
figure per move takes over 100 ms (see ``benchmarks/explorer_latency.py``).
"""
import math
from html import escape

# The explorers' colours: name -> (light, dark, theme variables).  The first five
# follow the page's theme: the book's (pydata-sphinx-theme) variables, else
# JupyterLab's, else the light value.  The others get their dark value under
# ``html[data-theme="dark"]`` (the book) or a dark JupyterLab theme.  Draw with
# ``COLORS[name]`` (the light value) through :func:`paint`: the element gets
# that colour as its attribute and a class whose CSS rule (``theme_css``)
# replaces it with the theme's.  Any other colour is drawn as given in both
# themes (a neuron's white-to-orange fill, say).  Classes cost no more to draw
# than plain attributes; inline ``style`` would cost a fifth more.
PALETTE = {
    "text": ("#1f2328", None, ("--pst-color-text-base", "--jp-content-font-color1")),
    "muted": ("#57606a", None, ("--pst-color-text-muted", "--jp-content-font-color2")),
    "bg": ("#ffffff", None, ("--pst-color-background", "--jp-layout-color0")),
    "panel": ("#f6f8fa", None, ("--pst-color-surface", "--jp-layout-color2")),
    "border": ("#d0d7de", None, ("--pst-color-border", "--jp-border-color1")),
    "axis": ("#6b7280", "#8b949e", None), "grid": ("#e5e7eb", "#30363d", None),
    "pos": ("#d62728", "#ff7b72", None), "neg": ("#1f77b4", "#58a6ff", None),
    "data": ("#1f77b4", "#58a6ff", None), "model": ("#d62728", "#ff7b72", None),
    "accent": ("#2ca02c", "#3fb950", None), "grad": ("#8250df", "#bc8cff", None),
    "forward": ("#d9730d", "#f0883e", None), "warn": ("#b42318", "#ff7b72", None),
    "faint": ("#c4c9d0", "#484f58", None), "hl": ("#dafbe1", "#12361f", None),
    "good": ("#1a7f37", "#3fb950", None), "ochre": ("#9a6700", "#d29922", None),
    "orange": ("#bc4c00", "#f0883e", None),
}
COLORS = {name: light for name, (light, _, _) in PALETTE.items()}
_NAMES = {}                                   # light value -> palette name (model is pos, data is neg)
for _name, _light in COLORS.items():
    _NAMES.setdefault(_light, _name)
NODE_TEXT, NODE_RING = "#24292f", "#5c6670"   # on a neuron's light fill: the same in both themes
MIN_FONT = 12          # no text in a picture is smaller (px in its own units)...
MIN_SCALE = 11 / 12    # ...and no picture is drawn below this scale: text stays >= 11 px on screen


def paint(fill=None, stroke=None):
    """`` fill="..." stroke="..." class="..."``: the colours, and for a colour of
    ``COLORS`` the classes that make the theme's value win (see ``PALETTE``)."""
    attrs, classes = "", []
    for prop, color in (("fill", fill), ("stroke", stroke)):
        if color:
            attrs += f' {prop}="{color}"'
            if color in _NAMES:
                classes.append(f"nnx-{prop[0]}-{_NAMES[color]}")
    return attrs + (f' class="{" ".join(classes)}"' if classes else "")


def theme_css():
    """CSS: the palette's variables on ``.nnx-theme``, light and dark, and the classes
    (``nnx-f-<name>``, ``nnx-s-<name>``) that :func:`paint` gives to fills and strokes."""
    light, dark, rules = [], [], []
    for name, (value, dark_value, theme) in PALETTE.items():
        if theme:
            value = f"var({theme[0]},var({theme[1]},{value}))"
        light.append(f"--nnx-{name}:{value}")
        if dark_value:
            dark.append(f"--nnx-{name}:{dark_value}")
        if _NAMES[COLORS[name]] == name:
            rules.append(f".nnx-theme .nnx-f-{name}{{fill:var(--nnx-{name})}}"
                         f".nnx-theme .nnx-s-{name}{{stroke:var(--nnx-{name})}}")
    return (".nnx-theme{" + ";".join(light) + "}\n"
            'html[data-theme="dark"] .nnx-theme,body[data-jp-theme-light="false"] .nnx-theme{'
            + ";".join(dark) + ";color-scheme:dark}\n" + "".join(rules))


def fmt(v):
    """A number as short SVG text (3 significant digits)."""
    return f"{v:.3g}"


def nice_ticks(lo, hi, n=5):
    """About n round tick values covering [lo, hi]."""
    span = hi - lo
    raw = span / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = min((s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw), default=raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks, t = [], first
    while t <= hi + 1e-9 * span:
        ticks.append(round(t, 10))
        t += step
    return ticks


class Plot:
    """Axes of ``width`` x ``height`` pixels mapping xlim x ylim to the box."""

    def __init__(self, width, height, xlim, ylim, x0=0, y0=0, margin=(10, 10, 30, 44)):
        top, right, bottom, left = margin
        self.x0, self.y0 = x0 + left, y0 + top
        self.w, self.h = width - left - right, height - top - bottom
        self.xlim, self.ylim = xlim, ylim
        self.parts = []
        self.clip = f"clip{x0}_{y0}_{width}_{height}"

    def px(self, x):
        lo, hi = self.xlim
        return self.x0 + (x - lo) / (hi - lo) * self.w

    def py(self, y):
        lo, hi = self.ylim
        y = min(max(y, lo - 10 * (hi - lo)), hi + 10 * (hi - lo))   # keep SVG coordinates sane
        return self.y0 + (hi - y) / (hi - lo) * self.h

    def ticks(self, axis):
        """Tick positions and labels of ``axis`` ("x" or "y"): [(value, text), ...]."""
        return [(t, fmt(t)) for t in nice_ticks(*(self.xlim if axis == "x" else self.ylim))]

    def axes(self, xlabel="", ylabel="", title=""):
        xt, yt = self.ticks("x"), self.ticks("y")
        p = [f'<clipPath id="{self.clip}"><rect x="{self.x0:.1f}" y="{self.y0:.1f}" '
             f'width="{self.w:.1f}" height="{self.h:.1f}"/></clipPath>']
        for t, label in xt:
            X = self.px(t)
            p.append(f'<line x1="{X:.1f}" y1="{self.y0:.1f}" x2="{X:.1f}" y2="{self.y0 + self.h:.1f}"{paint(stroke=COLORS["grid"])}/>'
                     f'<text x="{X:.1f}" y="{self.y0 + self.h + 13:.1f}" font-size="12" text-anchor="middle"{paint(COLORS["axis"])}>{label}</text>')
        for t, label in yt:
            Y = self.py(t)
            p.append(f'<line x1="{self.x0:.1f}" y1="{Y:.1f}" x2="{self.x0 + self.w:.1f}" y2="{Y:.1f}"{paint(stroke=COLORS["grid"])}/>'
                     f'<text x="{self.x0 - 4:.1f}" y="{Y + 4:.1f}" font-size="12" text-anchor="end"{paint(COLORS["axis"])}>{label}</text>')
        p.append(f'<rect x="{self.x0:.1f}" y="{self.y0:.1f}" width="{self.w:.1f}" height="{self.h:.1f}" fill="none"{paint(stroke=COLORS["axis"])}/>')
        if xlabel:
            p.append(f'<text x="{self.x0 + self.w / 2:.1f}" y="{self.y0 + self.h + 26:.1f}" font-size="12" text-anchor="middle" font-style="italic">{escape(xlabel)}</text>')
        if ylabel:
            p.append(f'<text x="{self.x0 - 34:.1f}" y="{self.y0 + self.h / 2:.1f}" font-size="12" text-anchor="middle" font-style="italic" transform="rotate(-90 {self.x0 - 34:.1f} {self.y0 + self.h / 2:.1f})">{escape(ylabel)}</text>')
        if title:
            p.append(f'<text x="{self.x0 + self.w / 2:.1f}" y="{self.y0 - 3:.1f}" font-size="12" text-anchor="middle">{escape(title)}</text>')
        self.parts.extend(p)
        return self

    def line(self, xs, ys, color=COLORS["model"], width=2, dash=""):
        pts = " ".join(f"{self.px(x):.1f},{self.py(y):.1f}" for x, y in zip(xs, ys)
                       if math.isfinite(x) and math.isfinite(y))
        dash = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<polyline points="{pts}" fill="none"{paint(stroke=color)} '
                          f'stroke-width="{width}"{dash} clip-path="url(#{self.clip})"/>')
        return self

    def _marks(self, xs, ys, mark):
        """``mark(X, Y, clip)`` (X, Y in pixels) at every finite point, clipped to the axes."""
        clip = f' clip-path="url(#{self.clip})"'
        self.parts.append("".join(mark(self.px(x), self.py(y), clip) for x, y in zip(xs, ys)
                                  if math.isfinite(x) and math.isfinite(y)))
        return self

    def dots(self, xs, ys, color=COLORS["data"], r=3.5):
        return self._marks(xs, ys, lambda X, Y, clip: f'<circle cx="{X:.1f}" cy="{Y:.1f}" r="{r}"'
                                                      f'{paint(color)}{clip}/>')

    def squares(self, xs, ys, color=COLORS["data"], r=3.5):
        """Like :meth:`dots`, with squares of half-side r (a second marker shape)."""
        return self._marks(xs, ys, lambda X, Y, clip: f'<rect x="{X - r:.1f}" y="{Y - r:.1f}" '
                                                      f'width="{2 * r}" height="{2 * r}"{paint(color)}{clip}/>')

    def vline(self, x, color=COLORS["accent"], dash="4 3"):
        X = self.px(x)
        self.parts.append(f'<line x1="{X:.1f}" y1="{self.y0:.1f}" x2="{X:.1f}" '
                          f'y2="{self.y0 + self.h:.1f}"{paint(stroke=color)} stroke-dasharray="{dash}"/>')
        return self

    def text(self, x, y, s, size=MIN_FONT, anchor="start", color=COLORS["text"]):
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" '
                          f'text-anchor="{anchor}"{paint(color)}>{escape(s)}</text>')
        return self

    def svg(self):
        return "".join(self.parts)


def figure(width, height, *plots_or_strings):
    """Wrap drawn plots (or raw SVG strings) in one <svg> element.

    Its natural size is width x height; a narrower page shrinks it, but never
    below ``MIN_SCALE`` (its ``min-width``, 1 px more for the browser's layout
    rounding), so that text of ``MIN_FONT`` stays 11 px or more: below that
    the picture scrolls sideways instead.
    """
    body = "".join(p if isinstance(p, str) else p.svg() for p in plots_or_strings)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" style="min-width:{math.ceil(width * MIN_SCALE) + 1}px" '
            f'font-family="system-ui,sans-serif"{paint(COLORS["text"])}>{body}</svg>')


# ---- network diagrams (mirrored by nnx.heat / nnx.nodeXY / nnx.networkDiagram) ----
HEAT = ((255, 255, 255), (242, 142, 43))    # activation 0 -> white, 1 -> orange (both themes)
TEXT_MUTED, TEXT_GRAD = COLORS["muted"], COLORS["grad"]


def heat(v):
    """Fill colour of a neuron with activation v: white at 0 to orange at 1 (clipped)."""
    t = min(max(v, 0.0), 1.0) if v is not None and math.isfinite(v) else 0.0
    return "#" + "".join(f"{int(lo + (hi - lo) * t + 0.5):02x}" for lo, hi in zip(*HEAT))


def edge_width(w):
    """Stroke width of an edge of weight w: grows like sqrt|w|, capped at |w| = 25."""
    return 0.6 + 1.5 * math.sqrt(min(abs(w), 25.0))


def node_xy(sizes, box, l, j):
    """Centre of neuron j of layer l (layer 0 = input) inside box (x0, y0, width, height)."""
    x0, y0, width, height = box
    gap = min(height / max(sizes), 90.0)
    x = x0 + width * (l + 0.5) / len(sizes)
    return x, y0 + height / 2 + (j - (sizes[l] - 1) / 2) * gap


def _halo_text(x, y, s, size, color, anchor="middle", weight="normal"):
    """Text with a halo of the background colour, readable over lines."""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}"{paint(color, COLORS["bg"])} stroke-width="3" '
            f'paint-order="stroke">{escape(s)}</text>')


def edge_dash(w, width):
    """The dash pattern of an edge of weight w: solid for w > 0, dashed for w < 0,
    dotted for w = 0 (the second cue besides red / blue)."""
    if w > 0:
        return ""
    if w < 0:
        return f' stroke-dasharray="{2 * width + 2:.1f} {width + 2:.1f}"'
    return ' stroke-dasharray="1.5 2.5"'


def spread(ys, gap, lo, hi):
    """Positions for labels wanted at ``ys``: in the same order, at least ``gap``
    apart, inside [lo, hi] where there is room (returns a list like ys)."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = [0.0] * len(ys)
    y = lo - gap
    for i in order:                                   # push down
        y = max(ys[i], y + gap)
        out[i] = y
    y = hi + gap
    for i in reversed(order):                         # then up, off the bottom
        y = min(out[i], y - gap)
        out[i] = y
    return out


def text_width(s, size=MIN_FONT):
    """About how wide ``s`` is drawn at font ``size`` (digits and signs: 0.56 em each)."""
    return 0.56 * size * len(s)


EDGE_T = tuple(round(0.22 + 0.04 * i, 2) for i in range(15))   # where along an edge a label may go
LABEL_W, LABEL_H = text_width("−0.000") + 6, 15  # an edge label's plate
NODE_LABEL_W = text_width("z = −0.000")         # the labels above and below a neuron
_SPOTS = {}                                     # edge_spots() by (sizes, box)


def _overlap(a, b):
    """Area shared by boxes a and b, each (x0, y0, x1, y1)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _crosses(b, seg):
    """Does the segment (x1, y1, x2, y2), x1 < x2, pass through box b?"""
    x1, y1, x2, y2 = seg
    lo, hi = max(b[0], x1), min(b[2], x2)
    if lo > hi:
        return False
    ya = y1 + (lo - x1) / (x2 - x1) * (y2 - y1)
    yb = y1 + (hi - x1) / (x2 - x1) * (y2 - y1)
    return min(ya, yb) <= b[3] and max(ya, yb) >= b[1]


def node_radius(sizes, box):
    """The radius of the neurons' circles in a diagram of ``sizes`` in ``box``."""
    gap = min(box[3] / max(sizes), 90.0)
    return max(min(22.0, 0.42 * gap), 4.0)


def edge_spots(sizes, box):
    """Where the label of every edge goes: {(l, j, k): (x, y)}, the plate's centre, or None.

    Edge by edge, the fraction of ``EDGE_T`` along it whose plate covers no
    neuron, no label above or below a neuron and no plate placed before, and
    crosses the fewest other edges.  Where one edge of a layer finds no free
    spot (too many edges), no edge of that layer gets one: the labels show
    where they fit.  Placed once per network shape (texts do not move them).
    """
    key = (tuple(sizes), tuple(box))
    if key in _SPOTS:
        return _SPOTS[key]
    r, taken, segs = node_radius(sizes, box), [], []
    for l, n in enumerate(sizes):
        for j in range(n):
            x, y = node_xy(sizes, box, l, j)
            taken += [(x - r, y - r, x + r, y + r),
                      (x - NODE_LABEL_W / 2, y - r - 16, x + NODE_LABEL_W / 2, y - r - 2),
                      (x - NODE_LABEL_W / 2, y + r + 3, x + NODE_LABEL_W / 2, y + r + 18)]
            if l:
                segs += [((l, j, k), (*node_xy(sizes, box, l - 1, k), x, y)) for k in range(sizes[l - 1])]
    spots, full = {}, set()
    for edge, (x1, y1, x2, y2) in segs:
        best = None
        for t in EDGE_T:
            x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
            b = (x - LABEL_W / 2, y - LABEL_H / 2, x + LABEL_W / 2, y + LABEL_H / 2)
            score = (sum(_overlap(b, o) for o in taken),
                     sum(_crosses(b, seg) for other, seg in segs if other != edge))
            if best is None or score < best[0]:
                best = (score, (x, y), b)
        spots[edge] = best[1]
        taken.append(best[2])
        if best[0][0] > 0:
            full.add(edge[0])
    _SPOTS[key] = {e: None if e[0] in full else xy for e, xy in spots.items()}
    return _SPOTS[key]


def edge_label(x, y, text):
    """``text`` on a plate of the background colour centred at (x, y) on an edge:
    the plate cuts the edge, so no line runs through the text."""
    w = max(LABEL_W, text_width(text) + 6)
    return (f'<rect x="{x - w / 2:.1f}" y="{y - 8:.1f}" width="{w:.1f}" height="{LABEL_H}" rx="4"'
            f'{paint(COLORS["bg"])}/><text x="{x:.1f}" y="{y + 4:.1f}" font-size="{MIN_FONT}" '
            f'text-anchor="middle"{paint(TEXT_GRAD)}>{escape(text)}</text>')


def weight_legend(x, y):
    """The key to the edges at (x, y), the text's baseline: red solid w > 0,
    blue dashed w < 0, wider for larger |w| (about 240 px wide)."""
    A = paint(COLORS["axis"])
    return (f'<line x1="{x}" y1="{y - 4}" x2="{x + 20}" y2="{y - 4}"{paint(stroke=COLORS["pos"])} '
            f'stroke-width="2.5"/><text x="{x + 24}" y="{y}" font-size="12"{A}>w &gt; 0</text>'
            f'<line x1="{x + 64}" y1="{y - 4}" x2="{x + 84}" y2="{y - 4}"{paint(stroke=COLORS["neg"])} '
            f'stroke-width="2.5"{edge_dash(-1, 2.5)}/><text x="{x + 88}" y="{y}" font-size="12"{A}>w &lt; 0'
            f'</text><text x="{x + 136}" y="{y}" font-size="12"{A}>wider: larger |w|</text>')


def _at(rows, l, j):
    """rows[l][j], or None when rows or rows[l] is None."""
    return None if rows is None or rows[l] is None else rows[l][j]


def network_diagram(sizes, box, W=None, fills=None, texts=None, above=None, below=None,
                    edge_texts=None, nodes_on=(), edges_on=(), layer_labels=None):
    """SVG of a feedforward network: neurons as circles, weights as edges.

    Parameters
    ----------
    sizes : list of int, the layer widths (layer 0 = input).
    box : (x0, y0, width, height) of the drawing area.
    W : list of L matrices (``W[l-1][j][k]`` = w^(l)_jk, nnlib's indexing) or None.
        Edges are red and solid for w > 0, blue and dashed for w < 0, grey and
        dotted for w = 0, wider for larger |w| (:func:`edge_dash`).
    fills : list of L+1 lists of activations (colour white -> orange); a None layer
        or entry is white.
    texts, above, below : list of L+1 lists of strings drawn inside, above and below
        each neuron (a None list, layer or entry draws nothing).
    edge_texts : list of L lists of lists of strings (or None layers), each on a
        plate on its edge, where :func:`edge_spots` finds room (else not drawn).
    nodes_on : (l, j) pairs to highlight; edges_on : (l, j, k) triples, the edge
        to neuron j of layer l from neuron k of layer l-1.
    layer_labels : list of L+1 strings written under the layers.
    """
    r = node_radius(sizes, box)
    on_nodes = {tuple(n) for n in nodes_on}
    on_edges = {tuple(e) for e in edges_on}
    halos, edges, labels, nodes = [], [], [], []
    for l in range(1, len(sizes)):
        for j in range(sizes[l]):
            x2, y2 = node_xy(sizes, box, l, j)
            for k in range(sizes[l - 1]):
                x1, y1 = node_xy(sizes, box, l - 1, k)
                w = None if W is None else W[l - 1][j][k]
                line = f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
                if (l, j, k) in on_edges:
                    halos.append(f'<line {line}{paint(stroke=COLORS["accent"])} stroke-opacity="0.45" '
                                 f'stroke-width="{(edge_width(w) if w is not None else 1) + 9:.1f}" '
                                 f'stroke-linecap="round"/>')
                if w is None or not math.isfinite(w):
                    edges.append(f'<line {line}{paint(stroke=COLORS["axis"])} stroke-width="1.2"/>')
                else:
                    color = COLORS["pos"] if w > 0 else COLORS["neg"] if w < 0 else COLORS["axis"]
                    width = edge_width(w)
                    edges.append(f'<line {line}{paint(stroke=color)} stroke-opacity="0.75" '
                                 f'stroke-width="{width:.1f}"{edge_dash(w, width)}/>')
                text = _at(edge_texts, l - 1, j)[k] if _at(edge_texts, l - 1, j) else None
                spot = edge_spots(sizes, box)[(l, j, k)] if text else None
                if spot:
                    labels.append(edge_label(*spot, text))
    for l, n in enumerate(sizes):
        for j in range(n):
            x, y = node_xy(sizes, box, l, j)
            fill = heat(_at(fills, l, j)) if _at(fills, l, j) is not None else "#ffffff"
            ring = (f'{paint(stroke=COLORS["accent"])} stroke-width="3.5"' if (l, j) in on_nodes
                    else f'{paint(stroke=NODE_RING)} stroke-width="1.2"')
            # the fill is the activation's colour in both themes (white = 0): not paint()ed
            nodes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"{ring}/>')
            if _at(texts, l, j) and r >= 11:
                nodes.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="12" text-anchor="middle"'
                             f'{paint(NODE_TEXT)}>{escape(texts[l][j])}</text>')
            if _at(above, l, j):
                nodes.append(_halo_text(x, y - r - 5, above[l][j], MIN_FONT, TEXT_MUTED))
            if _at(below, l, j):
                nodes.append(_halo_text(x, y + r + 14, below[l][j], MIN_FONT, TEXT_GRAD))
    if layer_labels:
        for l, s in enumerate(layer_labels):
            x = box[0] + box[2] * (l + 0.5) / len(sizes)
            nodes.append(f'<text x="{x:.1f}" y="{box[1] + box[3] + 14:.1f}" font-size="12" '
                         f'text-anchor="middle"{paint(COLORS["axis"])}>{escape(s)}</text>')
    return "".join(halos + edges + labels + nodes)


# ---- contour lines, line segments and log axes (mirrored by nnx.contourLines, ----
# ---- Plot.prototype.segments, nnx.decadeLabel and nnx.LogPlot in core.js)     ----

def contour_lines(xs, ys, Z, level):
    """Line segments where a gridded function crosses ``level`` (marching squares).

    Parameters
    ----------
    xs : sequence of length nx;  ys : sequence of length ny
        The grid's coordinates, increasing.
    Z : nested sequence of shape (ny, nx)
        ``Z[j][i]`` is the function at (xs[i], ys[j]).
    level : float

    Returns
    -------
    list of (x1, y1, x2, y2)
        One or two segments per grid cell the level crosses, the crossing
        points interpolated linearly along the cell's edges.
    """
    segs = []
    for j in range(len(ys) - 1):
        for i in range(len(xs) - 1):
            corners = ((xs[i], ys[j], Z[j][i]), (xs[i + 1], ys[j], Z[j][i + 1]),
                       (xs[i + 1], ys[j + 1], Z[j + 1][i + 1]), (xs[i], ys[j + 1], Z[j + 1][i]))
            pts = []
            for a in range(4):                  # edges: bottom, right, top, left
                (xa, ya, za), (xb, yb, zb) = corners[a], corners[(a + 1) % 4]
                if (za >= level) != (zb >= level):
                    t = (level - za) / (zb - za)
                    pts.append((xa + t * (xb - xa), ya + t * (yb - ya)))
            for k in range(0, len(pts) - 1, 2):
                segs.append((pts[k][0], pts[k][1], pts[k + 1][0], pts[k + 1][1]))
    return segs


def segments(plot, segs, color=COLORS["axis"], width=1, dash=""):
    """Draw line segments (x1, y1, x2, y2) in data units on ``plot`` as one path."""
    d = "".join(f"M{plot.px(x1):.1f} {plot.py(y1):.1f}L{plot.px(x2):.1f} {plot.py(y2):.1f}"
                for x1, y1, x2, y2 in segs)
    dash = f' stroke-dasharray="{dash}"' if dash else ""
    plot.parts.append(f'<path d="{d}" fill="none"{paint(stroke=color)} stroke-width="{width}"'
                      f'{dash} clip-path="url(#{plot.clip})"/>')
    return plot


def decade_label(k):
    """Tick label of 10^k: "0.01", "1", "100" for |k| <= 3, else "10⁴", "10⁻⁵"."""
    if 0 <= k <= 3:
        return "1" + "0" * k
    if -3 <= k < 0:
        return "0." + "0" * (-k - 1) + "1"
    return "10" + str(k).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def decade_ticks(lo, hi, n=6):
    """Powers of ten inside [lo, hi] (lo, hi > 0), every d-th decade so at most ~n."""
    k0, k1 = math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9)
    every = max(1, math.ceil((k1 - k0 + 1) / n))
    return [k for k in range(k0, k1 + 1) if k % every == 0]


class LogPlot(Plot):
    """A :class:`Plot` with a logarithmic y axis (``logy``) and/or x axis (``logx``).

    ``xlim`` and ``ylim`` are in data units (positive on a log axis); ticks
    sit at powers of ten.  Values <= 0 on a log axis fall below the box (and
    are clipped), so a cost that reaches exactly 0 never breaks the picture.
    ``xticks`` / ``yticks`` (lists of values) replace the automatic ticks of
    a linear axis, e.g. to keep round ticks on a slightly padded range.
    """

    def __init__(self, width, height, xlim, ylim, x0=0, y0=0, margin=(10, 10, 30, 44),
                 logx=False, logy=True, xticks=None, yticks=None):
        self.logx, self.logy = logx, logy
        self.xticks, self.yticks = xticks, yticks
        self.data_xlim, self.data_ylim = tuple(xlim), tuple(ylim)
        super().__init__(width, height, self._lims(xlim, logx), self._lims(ylim, logy),
                         x0, y0, margin)

    @staticmethod
    def _lims(lim, log):
        return (math.log10(lim[0]), math.log10(lim[1])) if log else tuple(lim)

    @staticmethod
    def _log(v):
        return math.log10(v) if v > 0 else -400.0       # below any axis: clipped

    def px(self, x):
        return super().px(self._log(x) if self.logx else x)

    def py(self, y):
        return super().py(self._log(y) if self.logy else y)

    def ticks(self, axis):
        log, data_lim, given = ((self.logx, self.data_xlim, self.xticks) if axis == "x"
                                else (self.logy, self.data_ylim, self.yticks))
        if log:
            return [(10.0 ** k, decade_label(k)) for k in decade_ticks(*data_lim)]
        return [(t, fmt(t)) for t in (given or nice_ticks(*data_lim))]


Plot.segments = segments     # also a method: plot.segments(segs, color, width, dash)
