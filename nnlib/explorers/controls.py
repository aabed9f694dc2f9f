"""One description per control, used twice: as an ipywidget and as an HTML input.

A :class:`Control` says what a control moves (its name, its label with the
book's symbol, its range and its default).  :func:`make_widget` turns it into
the live ipywidget shown in Jupyter; :func:`html_input` into the labelled
``<input type="range">`` (or ``<select>``, for a menu) of the built book's
static version.  :func:`groups` splits a list of controls into the labelled
groups (``<fieldset>`` in the page) that the ``group`` field names.
"""
import json
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
    position is an index into ``options`` and ``value`` is one option; with
    ``menu=True`` the options are a drop-down menu instead of a slider.
    ``group`` names the group of controls this one is shown in (None: the
    ungrouped controls at the top); ``describe`` says in words what the
    control moves (the tooltip, and the accessible description).
    """
    name: str
    label: str
    value: object
    min: float = 0.0
    max: float = 1.0
    step: float = 0.1
    log: bool = False
    options: tuple = None
    menu: bool = False
    group: str = None
    describe: str = ""

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


def groups(spec):
    """The controls of ``spec`` by group, in order of first appearance: [(group, [Control])]."""
    out = {}
    for c in spec:
        out.setdefault(c.group, []).append(c)
    return list(out.items())


def make_widget(c):
    """The ipywidget for control ``c`` (its description is the label, its tooltip ``describe``)."""
    style = {"description_width": "5em"}
    layout = widgets.Layout(width="100%", max_width="30em")
    common = dict(description=c.label, style=style, layout=layout)
    if c.describe:
        common["tooltip"] = c.describe
    if c.options is not None and c.menu:
        return widgets.Dropdown(options=list(c.options), value=c.value, **common)
    common["continuous_update"] = True
    if c.options is not None:
        return widgets.SelectionSlider(options=list(c.options), value=c.value, **common)
    if c.log:
        return widgets.FloatLogSlider(value=c.value, base=10, min=c.min, max=c.max,
                                      step=c.step, readout_format=".3g", **common)
    if float(c.step).is_integer() and float(c.min).is_integer():
        return widgets.IntSlider(value=int(c.value), min=int(c.min), max=int(c.max),
                                 step=int(c.step), **common)
    return widgets.FloatSlider(value=c.value, min=c.min, max=c.max, step=c.step,
                               readout_format=_readout_format(c.step), **common)


def _readout_format(step):
    """Enough decimals to show every multiple of ``step`` exactly (e.g. ".2f" for 0.05)."""
    decimals = max(0, -int(np.floor(np.log10(step) + 1e-9)))
    while decimals < 10 and abs(round(step, decimals) - step) > 1e-12:
        decimals += 1
    return f".{max(decimals, 1)}f"


def html_input(c):
    """The static page's control for ``c``: its label, its input (or menu), its value.

    The ``<label>`` wraps the label text and the input only, so the input's
    accessible name is the label (the book's symbol); ``describe`` becomes its
    ``title`` (tooltip and accessible description).  A slider's value is shown
    in an ``<output>`` next to it, which the page's script fills in (a menu
    shows its own).
    """
    kind = "options" if c.options is not None else ("log" if c.log else "linear")
    options = escape(_json(list(c.options))) if c.options is not None else ""
    common = (f'data-control="{escape(c.name)}" data-kind="{kind}" data-options="{options}" '
              f'data-value="{escape(_text(c.value))}"'
              + (f' title="{escape(c.describe)}"' if c.describe else ""))
    if c.options is not None and c.menu:
        chosen = c.position(c.value)
        items = "".join(f'<option value="{i}"{" selected" if i == chosen else ""}>'
                        f'{escape(str(o))}</option>' for i, o in enumerate(c.options))
        field = f'<select {common}>{items}</select>'
    else:
        lo, hi, step = (0, len(c.options) - 1, 1) if c.options is not None else (c.min, c.max, c.step)
        field = (f'<input type="range" {common} min="{_text(lo)}" max="{_text(hi)}" step="{_text(step)}" '
                 f'value="{_text(c.position(c.value))}">')
    shown = "" if c.menu else '<output class="nnx-value" aria-hidden="true"></output>'
    return (f'<div class="nnx-control"><label><span class="nnx-label">{escape(c.label)}</span>'
            f'{field}</label>{shown}</div>')


def _text(value):
    """A number as page text, rounded to 10 significant digits (nnlib.rounding)."""
    if isinstance(value, (float, np.floating)) and not isinstance(value, bool):
        return repr(portable(value))
    return str(value)


def _json(obj):
    return json.dumps(obj, separators=(",", ":"))
