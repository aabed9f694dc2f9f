"""The base every explorer shares: live ipywidget in Jupyter, live HTML in the book.

An explorer subclass supplies four things:

* ``controls_spec()`` -- a list of :class:`~nnlib.explorers.controls.Control`;
* ``compute(values)`` -- the numbers shown, from nnlib, as a dict
  (``readout()`` returns it for the current control values);
* ``draw(values, state)`` -- the picture, an SVG string;
* ``static_data()`` -- what the page's JavaScript needs (precomputed states,
  or the data and network a tiny forward pass runs on).

In Jupyter the explorer is an ``ipywidgets.VBox``: moving a control calls
``compute`` and ``draw`` at once and swaps the SVG in an ``HTML`` widget.
Its display bundle also carries a ``text/html`` version (``static_html``):
the same controls as labelled ``<input type="range">`` and ``<select>``
elements (grouped in ``<fieldset>``s where a Control names a ``group``), the
data as JSON, and the small script in ``static/`` that redraws without
Python.  The built book shows that version, so the controls stay live with no
kernel.

Both versions carry ``STYLE``: the palette's CSS variables (``svg.PALETTE``),
which follow the book's light and dark themes and JupyterLab's, and the
static page's layout.  A picture shrinks with the page down to
``svg.MIN_SCALE`` (no text below 11 px on screen), then scrolls sideways.  A new explorer needs
none of this: it draws with ``svg.COLORS`` and ``svg.paint`` and gets it.
"""
import json
import math
import textwrap
from html import escape
from importlib import resources

import ipywidgets as widgets
import numpy as np

from ..rounding import portable
from .controls import groups, html_input, make_widget
from .svg import theme_css

_LAYOUT = """
.nnx-root{font:14px/1.4 system-ui,sans-serif;border:1px solid var(--nnx-border);border-radius:8px;
 padding:10px 12px;margin:8px 0;max-width:760px;background:var(--nnx-bg);color:var(--nnx-text);contain:content}
.nnx-title{font-weight:600;margin-bottom:6px}
.nnx-controls{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:2px 16px;align-items:start}
.nnx-group{border:1px solid var(--nnx-border);border-radius:6px;margin:0 0 6px;padding:2px 8px 4px;min-width:0}
.nnx-group legend{font-size:13px;color:var(--nnx-muted);padding:0 4px}
.nnx-control{display:flex;align-items:center;gap:6px}
.nnx-control label{display:flex;align-items:center;gap:6px;flex:1;min-width:0}
.nnx-label{min-width:4.5em;text-align:right;font-family:"STIX Two Text","Cambria",serif}
.nnx-control input,.nnx-control select{flex:1;min-width:80px;accent-color:var(--nnx-accent)}
.nnx-control select{background:var(--nnx-bg);color:var(--nnx-text);border:1px solid var(--nnx-border);
 border-radius:4px;padding:2px 4px;font:inherit}
.nnx-value{min-width:3.5em;font-variant-numeric:tabular-nums}
.nnx-view{overflow-x:auto;overflow-y:hidden;contain:content}
.nnx-hint{font-size:13px;color:var(--nnx-muted);margin:2px 0}
.nnx-view:focus-visible{outline:2px solid var(--nnx-accent);outline-offset:2px}
.nnx-view svg{max-width:100%;height:auto;display:block}
.nnx-readouts{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:4px}
.nnx-readouts b{font-weight:600;font-variant-numeric:tabular-nums}
.nnx-warn{color:var(--nnx-warn);font-weight:600}
.nnx-reset{margin-top:6px;font:inherit;color:var(--nnx-text);background:var(--nnx-panel);
 border:1px solid var(--nnx-border);border-radius:6px;padding:2px 12px;cursor:pointer}
"""
# The explorers' stylesheet: the theme's colour variables (svg.py's PALETTE) and the
# static page's layout.  Jupyter gets it too (in the title widget), for the colours.
STYLE = theme_css() + _LAYOUT


def _script(name):
    return resources.files("nnlib.explorers").joinpath("static", name).read_text()


def _clean(x):
    """JSON-safe copy of x: arrays to lists, floats rounded to 10 significant
    digits by :func:`~nnlib.rounding.portable` (an explorer whose page
    recomputes from this data starts nnlib from the same rounded numbers, so
    that page and Python agree to rounding error), non-finite floats to None."""
    if isinstance(x, dict):
        return {str(k): _clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return _clean(x.tolist())
    if isinstance(x, (float, np.floating)):
        return portable(x) if math.isfinite(x) else None
    if isinstance(x, np.integer):
        return int(x)
    return x


def _short(x):
    """4 decimals, or 3 significant digits in e-notation for tiny numbers."""
    return f"{x:.3e}" if x != 0 and abs(x) < 1e-3 else f"{x:.4f}"


class Explorer(widgets.VBox):
    """Base class: see the module docstring for what a subclass provides."""

    kind = "explorer"        # data-explorer name of the static version
    title = "Explorer"
    script = None            # file in static/ that draws this kind in the page

    def __init__(self):
        self._spec = self.controls_spec()
        self.controls = {c.name: make_widget(c) for c in self._spec}
        self._view = widgets.HTML()
        self._readouts = widgets.HTML()
        reset = widgets.Button(description="reset", icon="undo",
                               layout=widgets.Layout(width="8em"))
        reset.on_click(lambda _: self.reset())
        self._muted = False
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        # [title (with the stylesheet), controls, picture, readouts, reset]: the
        # JupyterLab test finds the picture and the readouts as HTML widgets 1 and 2
        title = widgets.HTML(f"<style>{STYLE}</style><b>{escape(self.title)}</b>")
        super().__init__([title, self._control_box(), self._view, self._readouts, reset])
        self.add_class("nnx-theme")
        self._refresh()

    def _control_box(self):
        """The widgets in a grid; a named group of controls is a bordered box with its name."""
        columns = "repeat(auto-fill, minmax(260px, 1fr))"
        cells = []
        for group, spec in groups(self._spec):
            members = [self.controls[c.name] for c in spec]
            if group is None:
                cells.extend(members)
            else:
                cells.append(widgets.VBox([widgets.Label(group)] + members, layout=widgets.Layout(
                    border="1px solid var(--nnx-border, #d0d7de)", padding="2px 6px", margin="2px")))
        return widgets.GridBox(cells, layout=widgets.Layout(grid_template_columns=columns))

    # ---- what subclasses provide ---------------------------------------------
    def controls_spec(self):
        raise NotImplementedError

    def compute(self, values):
        raise NotImplementedError

    def draw(self, values, state):
        raise NotImplementedError

    def static_data(self):
        raise NotImplementedError

    def readout_labels(self):
        """Which readouts to show, as {key: label}; default: every scalar."""
        return None

    # ---- the live widget ---------------------------------------------------
    def values(self):
        """Current control values, {name: value}."""
        return {name: w.value for name, w in self.controls.items()}

    def readout(self):
        """The numbers currently shown, computed by nnlib ({name: value})."""
        return self.compute(self.values())

    def readout_line(self):
        """The readout as one rounded line: ``title: key = value, ...``."""
        parts = []
        for key, value in self.readout().items():
            if isinstance(value, (float, np.floating)):
                parts.append(f"{key} = {_short(value)}")
            elif isinstance(value, (int, str, np.integer)) or value is None:
                parts.append(f"{key} = {value}")
        return f"{self.title}: " + ", ".join(parts)

    def readout_text(self, width=72):
        """:meth:`readout_line` wrapped to ``width`` columns (for notebooks)."""
        return textwrap.fill(self.readout_line(), width, subsequent_indent="  ",
                             break_on_hyphens=False)

    def reset(self):
        """Put every control back to its seeded default value."""
        self._muted = True
        try:
            for c in self._spec:
                self.controls[c.name].value = c.value
        finally:
            self._muted = False
        self._refresh()

    def _on_change(self, change):
        if not self._muted:
            self._refresh()

    def _refresh(self):
        values = self.values()
        state = self.compute(values)
        self._view.value = self.draw(values, state)
        self._readouts.value = self._readout_html(state)

    def _readout_html(self, state):
        labels = self.readout_labels() or {k: k for k, v in state.items()
                                           if isinstance(v, (float, int, str))}
        cells = []
        for key, label in labels.items():
            value = state.get(key)
            shown = _short(value) if isinstance(value, float) else escape(str(value))
            cells.append(f"<span>{escape(label)} = <b>{shown}</b></span>")
        # spaces, not CSS: JupyterLab's sanitizer drops the layout styles
        return '<div class="nnx-readouts">' + "&emsp; ".join(cells) + "</div>"

    # ---- the static version for the built book -----------------------------------
    def static_html(self):
        """Self-contained HTML: inputs, data as JSON, and the drawing script."""
        data = json.dumps(_clean(self.static_data()), separators=(",", ":"))
        data = data.replace("</", "<\\/")
        labels = self.readout_labels() or {}
        readouts = "".join(f'<span>{escape(label)} = <b data-readout="{escape(key)}"></b></span>'
                           for key, label in labels.items())
        title = escape(self.title)
        return (f'<div class="nnx-root nnx-theme" data-explorer="{self.kind}" role="group" '
                f'aria-label="{title}">'
                f'<style>{STYLE}</style>'
                f'<div class="nnx-title" aria-hidden="true">{title}</div>'
                f'<div class="nnx-controls">{self._control_html()}</div>'
                f'<div class="nnx-hint" hidden>↔ The picture is wider than the screen: '
                f'scroll it sideways.</div>'
                f'<div class="nnx-view" role="group" aria-label="{title}: picture"></div>'
                f'<div class="nnx-readouts" aria-live="polite">{readouts}</div>'
                f'<button class="nnx-reset" type="button">reset</button>'
                f'<script type="application/json" class="nnx-data">{data}</script>'
                f'</div>'
                f'<script>{_script("core.js")}\n{_script(self.script)}\nnnx.mountAll();</script>')

    def _control_html(self):
        """The page's controls; a named group is a ``<fieldset>`` with its name as legend."""
        html = []
        for group, spec in groups(self._spec):
            inputs = "".join(html_input(c) for c in spec)
            html.append(inputs if group is None else
                        f'<fieldset class="nnx-group"><legend>{escape(group)}</legend>{inputs}</fieldset>')
        return "".join(html)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/html"] = self.static_html()
        data["text/plain"] = self.readout_line()
        return bundle
