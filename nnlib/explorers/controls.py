"""One description per control, used twice: as an ipywidget and as an HTML input.

A :class:`Control` says what a slider moves (its name, its label with the
book's symbol, its range and its default).  :func:`make_widget` turns it into
the live ipywidget shown in Jupyter; :func:`html_input` into the
``<input type="range">`` of the built book's static version.
"""
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets
import numpy as np

from ..rounding import portable


@dataclass
class Control:
    """A slider over numbers, over powers of ten (``log``), or over ``options``.

    For a log slider ``min``, ``max`` and ``step`` are exponents of 10 and
    ``value`` is the actual value (e.g. eta).  For an options slider the
    position is an index into ``options`` and ``value`` is one option.
    """
    name: str
    label: str
    value: object
    min: float = 0.0
    max: float = 1.0
    step: float = 0.1
    log: bool = False
    options: tuple = None

    def grid(self):
        """Every value the slider can take, in order (a list)."""
        if self.options is not None:
            return list(self.options)
        n = int(round((self.max - self.min) / self.step)) + 1
        positions = [round(self.min + i * self.step, 10) for i in range(n)]
        return [float(10.0 ** p) for p in positions] if self.log else positions

    def position(self, value):
        """The slider position (index, exponent or number) of ``value``."""
        if self.options is not None:
            return self.options.index(value)
        return float(np.log10(value)) if self.log else float(value)


def make_widget(c):
    """The ipywidget for control ``c``."""
    style = {"description_width": "5em"}
    layout = widgets.Layout(width="100%", max_width="30em")
    common = dict(description=c.label, continuous_update=True, style=style, layout=layout)
    if c.options is not None:
        return widgets.SelectionSlider(options=list(c.options), value=c.value, **common)
    if c.log:
        return widgets.FloatLogSlider(value=c.value, base=10, min=c.min, max=c.max,
                                      step=c.step, readout_format=".3g", **common)
    if float(c.step).is_integer() and float(c.min).is_integer():
        return widgets.IntSlider(value=int(c.value), min=int(c.min), max=int(c.max),
                                 step=int(c.step), **common)
    return widgets.FloatSlider(value=c.value, min=c.min, max=c.max, step=c.step,
                               readout_format=".2f", **common)


def html_input(c):
    """The static page's labelled ``<input type="range">`` for control ``c``."""
    if c.options is not None:
        lo, hi, step = 0, len(c.options) - 1, 1
    else:
        lo, hi, step = c.min, c.max, c.step
    kind = "options" if c.options is not None else ("log" if c.log else "linear")
    options = escape(_json(list(c.options))) if c.options is not None else ""
    return (f'<label class="nnx-control"><span class="nnx-label">{escape(c.label)}</span>'
            f'<input type="range" data-control="{escape(c.name)}" data-kind="{kind}" '
            f'data-options="{options}" min="{_text(lo)}" max="{_text(hi)}" step="{_text(step)}" '
            f'value="{_text(c.position(c.value))}" data-value="{escape(_text(c.value))}">'
            f'<output class="nnx-value"></output></label>')


def _text(value):
    """A number as page text, rounded to 10 significant digits (nnlib.rounding)."""
    if isinstance(value, (float, np.floating)) and not isinstance(value, bool):
        return repr(portable(value))
    return str(value)


def _json(obj):
    import json
    return json.dumps(obj, separators=(",", ":"))
