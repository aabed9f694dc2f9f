"""Every explorer can be used by everyone: named controls, the keyboard, axe-core, dark mode, phones.

Two kinds of pages: each explorer's own static page (``explorer_page.open_page``),
and the built book, where the theme's stylesheet and dark mode are real.

* Each control is found by its role and its label (the accessible name the
  browser computes), and its ``title`` says in words what it moves.
* A real key press (ArrowRight on a slider, ArrowDown on a menu) moves each
  control one step, and the page's readouts then equal nnlib's.
* axe-core (npm, run in chromium) finds no serious or critical violation in
  any explorer.
* In the theme's dark mode (``html[data-theme="dark"]``) the explorer's
  background is the theme's ``--pst-color-background``, its text the theme's
  ``--pst-color-text-base``, the picture's colours switch to the dark palette,
  and text and weight colours keep their contrast.
* No text in a picture is drawn smaller than 11 px: a picture shrinks with the
  page only down to ``MIN_SCALE`` (12 px text at 11/12), and on a phone's
  390 px it scrolls sideways, in a focusable, labelled box with a hint.

The explorers laid out by the base (``BASE``: one grid of controls, one picture
in ``.nnx-view``) share these tests.  The Playground lays out its own page (it
trains live: run buttons, check boxes, + and − buttons, two pictures with
canvases that reflow on a phone instead of scrolling), so the same promises get
their own tests for it at the end of this file (``test_playground_*``).
"""
import re

import ipywidgets as widgets
import numpy as np
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from nnlib.explorers.base import STYLE
from nnlib.explorers.playground import PAGE_NAMES, Session, Settings
from nnlib.explorers.svg import COLORS, MIN_FONT, MIN_SCALE, PALETTE
from nnlib.features import FEATURES

SCREEN_MIN = 11          # px: the smallest text a reader may see

CLASSES = [getattr(explorers, name) for name in explorers.__all__]
BASE = [cls for cls in CLASSES if cls.static_html is explorers.base.Explorer.static_html]
_MADE = {}


def made(cls):
    """One explorer of each class per test session (the SGD explorer trains 42 runs)."""
    if cls not in _MADE:
        _MADE[cls] = cls()
    return _MADE[cls]


# ---- colour arithmetic (WCAG 2.x) -----------------------------------------------------------
def rgb(text):
    """(r, g, b) in 0..255 from "#rrggbb" or a computed "rgb(r, g, b)" / "rgba(...)"."""
    if text.startswith("#"):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", text)[:3])


def luminance(color):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_arithmetic_against_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)   # the usual AA example
    assert rgb("rgb(20, 24, 30)") == (20, 24, 30) == rgb("#14181e")


@pytest.mark.parametrize("name", ["pos", "neg", "model", "data", "accent", "grad", "warn", "axis"])
def test_palette_keeps_its_contrast_in_both_themes(name):
    """Lines and markers need 3:1 against the background (WCAG 1.4.11), in light and in dark
    (#14181e is pydata-sphinx-theme's dark background; the book theme's #121212 is darker
    still); text colours need 4.5:1 (1.4.3)."""
    light, dark, _ = PALETTE[name]
    need = 4.5 if name in ("warn", "axis", "grad") else 3.0
    assert contrast(light, "#ffffff") >= need, f"{name} on white: {contrast(light, '#ffffff'):.2f}"
    assert contrast(dark, "#14181e") >= need, f"{name} on dark: {contrast(dark, '#14181e'):.2f}"


def test_only_the_playground_lays_out_its_own_page():
    """A new explorer with its own layout must get its own tests, as the Playground has."""
    assert [c for c in CLASSES if c not in BASE] == [explorers.Playground]


# ---- the ipywidget ------------------------------------------------------------------------
@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_jupyter_controls_are_labelled_and_menus_are_dropdowns(cls):
    e = made(cls)
    assert "nnx-theme" in e._dom_classes and f"<style>{STYLE}</style>" in e.children[0].value
    for c in e._spec:
        w = e.controls[c.name]
        assert w.description == c.label and (w.tooltip or "") == c.describe
        assert isinstance(w, widgets.Dropdown) == c.menu
    if cls in BASE:
        shown = [w for box in e.children[1].children
                 for w in (box.children[1:] if isinstance(box, widgets.VBox) else [box])]
        assert shown == [e.controls[c.name] for c in e._spec]       # every control, in order
    else:
        assert cls is explorers.Playground     # its panel: test_playground_jupyter_panel_...


def test_network_groups_each_neurons_parameters_and_nudges_by_menu():
    e = made(explorers.NetworkExplorer)
    boxes = [b for b in e.children[1].children if isinstance(b, widgets.VBox)]
    legends = [b.children[0].value for b in boxes]
    assert legends == ["neuron a⁽¹⁾₀", "neuron a⁽¹⁾₁", "output neuron a⁽²⁾₀",
                       "the sample shown", "the nudge test"]
    assert [w.description for w in boxes[0].children[1:]] == ["w⁽¹⁾₀₀", "w⁽¹⁾₀₁", "b⁽¹⁾₀"]
    nudge = e.controls["nudge"]
    assert isinstance(nudge, widgets.Dropdown) and list(nudge.options) == [p[1] for p in e.params]
    html = e.static_html()
    assert html.count("<fieldset") == 5 and html.count('<select data-control="nudge"') == 1


# ---- each explorer's own page -------------------------------------------------------------------
def _step(page, c, name):
    """The key that moves control ``c`` one step from where the page has it, and the value
    expected after it (back one step at the end of the range)."""
    grid = c.grid()
    now = ep.parse(page.evaluate(ep.STATE_JS)["values"][name])
    i = min(range(len(grid)), key=lambda k: abs(grid[k] - now) if c.options is None
            else (0 if str(grid[k]) == str(now) or grid[k] == now else 1))
    forward = i + 1 < len(grid)
    if c.menu:
        return ("ArrowDown" if forward else "ArrowUp"), grid[i + 1 if forward else i - 1]
    return ("ArrowRight" if forward else "ArrowLeft"), grid[i + 1 if forward else i - 1]


@pytest.mark.parametrize("cls", BASE, ids=[c.__name__ for c in BASE])
def test_page_controls_are_named_keyboard_operable_and_axe_clean(browser, tmp_path, cls):
    e = made(cls)
    page, errors = ep.open_page(browser, e, tmp_path / f"{e.kind}.html")
    ep.check_names(page, e)
    for c in e._spec:
        key, expected = _step(page, c, c.name)
        ep.check_keyboard(page, e, c.name, key, expected)
    assert ep.axe_violations(page) == []
    assert not errors, errors


@pytest.mark.parametrize("cls", BASE, ids=[c.__name__ for c in BASE])
def test_page_on_a_phone_keeps_text_at_11_px_and_scrolls(browser, tmp_path, cls):
    e = made(cls)
    for width, scrolls in ((390, True), (1280, False)):
        page, errors = ep.open_page(browser, e, tmp_path / f"{e.kind}{width}.html", width=width)
        view = phone_view(page)
        assert view["smallest"] >= SCREEN_MIN - 1e-6, f"{width} px: text drawn at {view['smallest']:.1f} px"
        assert view["scrolls"] == scrolls and view["tabindex"] == ("0" if scrolls else None)
        assert view["hint"] == scrolls and view["label"].endswith(": picture")
        assert view["right"] <= width, f"the explorer runs off a {width} px screen"
        assert not errors, errors
        page.close()


def test_jupyterlab_dark_theme_switches_the_palette(browser, tmp_path):
    """The stylesheet also follows a dark JupyterLab theme (body[data-jp-theme-light=false])."""
    page, errors = ep.open_page(browser, made(explorers.NetworkExplorer), tmp_path / "jl.html")
    light = page.evaluate(_VARS_JS)
    page.evaluate("() => { document.body.dataset.jpThemeLight = 'false';"
                  " document.body.style.setProperty('--jp-layout-color0', '#111111'); }")
    dark = page.evaluate(_VARS_JS)
    for name, (lo, hi, theme) in PALETTE.items():
        assert light[name] == lo, name                # no theme variables: the light fallbacks
        if hi:
            assert dark[name] == hi, name
    assert dark["bg"] == "#111111" and dark["text"] == light["text"]    # no --jp-content-font-color1 set
    assert not errors, errors


def test_palette_names_and_classes():
    """A light value shared by two names (pos and model, neg and data) must mean one colour in
    both themes, since paint() finds the name from the value; theme_css has a rule per class."""
    from nnlib.explorers.svg import paint, theme_css
    for a, b in [(a, b) for a in PALETTE for b in PALETTE if a < b and COLORS[a] == COLORS[b]]:
        assert PALETTE[a] == PALETTE[b], (a, b)
    assert paint(COLORS["pos"], COLORS["bg"]) == ' fill="#d62728" stroke="#ffffff" class="nnx-f-pos nnx-s-bg"'
    assert paint("#f28e2b") == ' fill="#f28e2b"'                    # not in the palette: as given
    css = theme_css()
    for name in ("pos", "neg", "text", "bg", "grad"):
        assert f".nnx-theme .nnx-s-{name}{{stroke:var(--nnx-{name})}}" in css


_VARS_JS = """() => { const s = getComputedStyle(document.querySelector('.nnx-theme'));
  return Object.fromEntries(%s.map(n => [n, s.getPropertyValue('--nnx-' + n).trim()])); }""" % \
    list(PALETTE)


def test_js_colors_equal_python(browser, tmp_path):
    page, errors = ep.open_page(browser, made(explorers.NeuronExplorer), tmp_path / "colors.html")
    assert page.evaluate("() => nnx.COLORS") == COLORS
    assert page.evaluate("() => [nnx.MIN_FONT, nnx.MIN_SCALE]") == [MIN_FONT, MIN_SCALE]
    assert MIN_FONT * MIN_SCALE >= SCREEN_MIN - 1e-9
    assert not errors, errors


# ---- the built book ------------------------------------------------------------------------
PHONE_JS = """(root) => {
  root = root || document.querySelector('[data-explorer]');
  const view = root.querySelector('.nnx-view');
  let smallest = Infinity;
  view.querySelectorAll('svg text').forEach(t => {
    const scale = t.ownerSVGElement.getScreenCTM().a;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  return {smallest, scrolls: view.scrollWidth > view.clientWidth + 1,
          tabindex: view.getAttribute('tabindex'), label: view.getAttribute('aria-label'),
          hint: !root.querySelector('.nnx-hint').hidden, right: root.getBoundingClientRect().right};
}"""


def phone_view(page, root=None):
    return page.evaluate(PHONE_JS, root)


# The colours a reader sees: the root's background and text, the theme's, and the picture's.
THEME_JS = """(root) => {
  const probe = document.createElement('div');
  probe.style.cssText = 'background: var(--pst-color-background); color: var(--pst-color-text-base)';
  document.body.appendChild(probe);
  const theme = getComputedStyle(probe), own = getComputedStyle(root);
  const svg = root.querySelector('.nnx-view svg');
  const painted = [...svg.querySelectorAll('[class]')].map(el => {
    const s = getComputedStyle(el); return s.fill + ' ' + s.stroke; });
  const out = {themeBg: theme.backgroundColor, themeText: theme.color, bg: own.backgroundColor,
    text: own.color, svgText: getComputedStyle(svg).fill, painted,
    vars: Object.fromEntries(%s.map(n => [n, own.getPropertyValue('--nnx-' + n).trim()]))};
  probe.remove();
  return out;
}""" % list(PALETTE)


def check_painted_follow_dark_mode(light, dark, kind):
    """At least 80% of the elements painted with the palette's classes change colour in dark mode."""
    changed = sum(a != b for a, b in zip(light["painted"], dark["painted"]))
    assert len(light["painted"]) == len(dark["painted"]) > 0
    assert changed >= 0.8 * len(light["painted"]), \
        f"{kind}: only {changed} of {len(light['painted'])} painted elements follow dark mode"


def set_theme(page, mode):
    page.evaluate("(m) => { document.documentElement.dataset.theme = m;"
                  " document.documentElement.dataset.mode = m; }", mode)


def explorer_pages(kinds):
    """The built book's pages that hold an explorer of one of ``kinds``."""
    import browser_support as bs
    pages = []
    for doc in bs.toc_pages():
        html = bs.HTML / f"{doc}.html"
        found = set(re.findall(r'data-explorer="(\w+)"', html.read_text(encoding="utf-8"))) \
            if html.exists() else set()
        if found & set(kinds):
            pages.append(doc)
    return pages


KINDS = {cls.kind: cls for cls in BASE}
BOOK_PAGES = explorer_pages(KINDS)                  # the Playground's: PLAYGROUND_PAGES, below


@pytest.mark.skipif(not BOOK_PAGES, reason="no built book with explorers in _build/html")
@pytest.mark.parametrize("docname", BOOK_PAGES, ids=[p.split("/")[-1] for p in BOOK_PAGES])
def test_book_explorers_are_named_keyboard_operable_and_axe_clean(open_page, docname):
    page, log = open_page(docname)
    roots = page.locator("[data-explorer]")
    assert roots.count() > 0
    for i in range(roots.count()):
        if roots.nth(i).get_attribute("data-explorer") not in KINDS:
            continue                                  # the Playground: its own tests below
        e = made(KINDS[roots.nth(i).get_attribute("data-explorer")])
        ep.check_names(page, e, root=f":nth-match([data-explorer], {i + 1})")
        first = e._spec[0]
        handle = roots.nth(i).locator(f'[data-control="{first.name}"]')
        before = handle.get_attribute("data-value")
        handle.focus()
        page.keyboard.press("ArrowDown" if first.menu else "ArrowRight")
        assert handle.get_attribute("data-value") != before, f"{docname} {e.kind}: the key moved nothing"
        roots.nth(i).locator(".nnx-reset").click()
    violations = ep.axe_violations(page)
    assert violations == [], "\n".join(map(str, violations))
    assert not log.problems(), "\n".join(log.problems())


@pytest.mark.skipif(not BOOK_PAGES, reason="no built book with explorers in _build/html")
@pytest.mark.parametrize("docname", BOOK_PAGES, ids=[p.split("/")[-1] for p in BOOK_PAGES])
def test_book_explorers_follow_dark_mode(open_page, docname):
    page, log = open_page(docname)
    roots = page.locator("[data-explorer]")
    for i in range(roots.count()):
        if roots.nth(i).get_attribute("data-explorer") not in KINDS:
            continue
        root = roots.nth(i).element_handle()
        set_theme(page, "light")
        light = page.evaluate(THEME_JS, root)
        set_theme(page, "dark")
        dark = page.evaluate(THEME_JS, root)
        kind = roots.nth(i).get_attribute("data-explorer")
        for mode, seen in (("light", light), ("dark", dark)):
            assert seen["bg"] == seen["themeBg"], f"{kind} {mode}: background {seen['bg']}, theme {seen['themeBg']}"
            assert seen["text"] == seen["themeText"] == seen["svgText"], f"{kind} {mode}: text colours {seen}"
            assert contrast(seen["text"], seen["bg"]) >= 4.5, f"{kind} {mode}: text contrast"
        assert rgb(light["bg"]) == (255, 255, 255) and luminance(dark["bg"]) < 0.02
        for name, (lo, hi, theme) in PALETTE.items():
            if theme is None:
                assert (light["vars"][name], dark["vars"][name]) == (lo, hi), f"{kind}: --nnx-{name}"
        for name in ("pos", "neg", "axis", "grad"):          # the weights and the muted text
            for seen in (light, dark):
                assert contrast(seen["vars"][name], seen["bg"]) >= 3.0, f"{kind}: {name} on {seen['bg']}"
        check_painted_follow_dark_mode(light, dark, kind)
    set_theme(page, "light")
    assert not log.problems(), "\n".join(log.problems())


@pytest.mark.skipif(not BOOK_PAGES, reason="no built book with explorers in _build/html")
@pytest.mark.parametrize("docname", BOOK_PAGES, ids=[p.split("/")[-1] for p in BOOK_PAGES])
def test_book_explorers_on_a_phone(open_page, docname):
    page, log = open_page(docname, width=390, height=844)
    roots = page.locator("[data-explorer]")
    for i in range(roots.count()):
        if roots.nth(i).get_attribute("data-explorer") not in KINDS:
            continue
        roots.nth(i).scroll_into_view_if_needed()
        view = phone_view(page, roots.nth(i).element_handle())
        kind = roots.nth(i).get_attribute("data-explorer")
        assert view["smallest"] >= SCREEN_MIN - 1e-6, f"{kind}: text drawn at {view['smallest']:.1f} px at 390 px"
        assert view["scrolls"] and view["tabindex"] == "0" and view["hint"], f"{kind}: {view}"
        assert view["right"] <= 390, f"{kind} runs off the screen: right edge at {view['right']:.0f} px"
    assert not log.problems(), "\n".join(log.problems())


# ---- colour is never the only cue; labels keep clear of each other -----------------------------
def _lines(svg):
    import xml.etree.ElementTree as ET
    ns = "{http://www.w3.org/2000/svg}"
    return [(el.get("stroke"), el.get("stroke-dasharray")) for el in ET.fromstring(svg).iter(f"{ns}line")]


WEIGHTS = [[[2.0, -1.5]], [[0.0]]]           # sizes [2, 1, 1]: w > 0, w < 0 and w = 0


def test_negative_weights_are_dashed_in_python_and_in_the_page(browser, tmp_path):
    from nnlib.explorers.svg import figure, network_diagram
    python = _lines(figure(300, 200, network_diagram([2, 1, 1], (0, 0, 300, 200), W=WEIGHTS)))
    page, errors = ep.open_page(browser, made(explorers.NeuronExplorer), tmp_path / "dash.html")
    js = _lines(page.evaluate("(W) => String(nnx.figure(300, 200, [nnx.networkDiagram([2, 1, 1], [0, 0, 300, 200], {W: W})]))",
                              WEIGHTS))
    for lines in (python, js):
        by_color = {style: dash for style, dash in lines}
        assert by_color[COLORS["pos"]] is None                          # solid
        assert by_color[COLORS["neg"]] not in (None, "", "1.5 2.5")     # dashed
        assert by_color[COLORS["axis"]] == "1.5 2.5"                     # w = 0: dotted
    assert python == js
    assert not errors, errors


def test_book_diagrams_dash_negative_weights_too():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from nnlib import Network
    from nnlib.plotting.diagrams import draw_network, draw_neuron
    net = Network([2, 1])
    net.W[0][...] = [[1.0, -1.0]]
    ax = draw_network(net)
    styles = ax.collections[0].get_linestyles()            # [(offset, dashes or None)] per edge
    assert styles[0][1] is None and styles[1][1] is not None
    legend = [h.get_linestyle() for h in ax.get_legend().get_lines()]
    assert legend[0] == "-" and legend[1] != "-"
    ax2 = draw_neuron([1.0, 1.0], [0.5, -0.5], 0.0)
    assert [line.get_linestyle() for line in ax2.lines[:2]] == ["-", "--"] or \
        ax2.lines[1].get_linestyle() != ax2.lines[0].get_linestyle()
    plt.close("all")


SHAPES = [[2, 2, 1], [2, 3, 2, 1], [1, 3, 1], [3, 3, 1], [2, 4, 1], [2, 3, 3, 1], [2, 5, 4, 1]]


def _label_boxes(sizes):
    from nnlib.explorers import backprop
    from nnlib.explorers.svg import (LABEL_H, LABEL_W, NODE_LABEL_W, edge_spots, node_radius,
                                     node_xy)
    box = (0, 58, 560, max(190, backprop.NODE_GAP * max(sizes)))
    r, spots = node_radius(sizes, box), edge_spots(sizes, box)
    plates = [(x - LABEL_W / 2, y - LABEL_H / 2, x + LABEL_W / 2, y + LABEL_H / 2)
              for x, y in filter(None, spots.values())]
    fixed = []
    for l, n in enumerate(sizes):
        for j in range(n):
            x, y = node_xy(sizes, box, l, j)
            fixed += [(x - r, y - r, x + r, y + r),                                   # the neuron
                      (x - NODE_LABEL_W / 2, y - r - 16, x + NODE_LABEL_W / 2, y - r - 2),   # z
                      (x - NODE_LABEL_W / 2, y + r + 3, x + NODE_LABEL_W / 2, y + r + 18)]   # δ
    return box, spots, plates, fixed


@pytest.mark.parametrize("sizes", SHAPES, ids=map(str, SHAPES))
def test_edge_labels_keep_clear_of_neurons_their_labels_and_each_other(sizes):
    from itertools import combinations
    from nnlib.explorers.svg import _overlap
    box, spots, plates, fixed = _label_boxes(sizes)
    for a, b in combinations(plates, 2):
        assert _overlap(a, b) == 0, f"{sizes}: two edge labels overlap"
    for a in plates:
        for b in fixed:
            assert _overlap(a, b) == 0, f"{sizes}: an edge label covers a neuron or its label"
    for (l, j, k), spot in spots.items():        # each layer is labelled whole, or not at all
        assert (spot is None) == (spots[(l, 0, 0)] is None)
    labelled = {l for (l, _, _), spot in spots.items() if spot}
    assert labelled, f"{sizes}: no layer has room for its labels"
    if len(sizes) == 3 and max(sizes) <= 3:
        assert labelled == {1, 2}            # the book's 2-2-1 and other small nets: every edge


def test_js_places_edge_labels_like_python(browser, tmp_path):
    page, errors = ep.open_page(browser, made(explorers.NeuronExplorer), tmp_path / "spots.html")
    for sizes in SHAPES:
        box, spots, _, _ = _label_boxes(sizes)
        js = page.evaluate("([s, b]) => nnx.edgeSpots(s, b)", [sizes, list(box)])
        assert set(js) == {",".join(map(str, e)) for e in spots}
        for e, spot in spots.items():
            got = js[",".join(map(str, e))]
            assert (got is None) == (spot is None), f"{sizes} {e}"
            if spot:
                assert got == pytest.approx(list(spot), abs=1e-9)
    assert not errors, errors


def test_spread_keeps_order_gaps_and_bounds():
    from nnlib.explorers.svg import spread
    assert spread([10, 11, 12], 12, 0, 100) == [10, 22, 34]
    assert spread([99, 98], 12, 0, 100) == [100, 88]           # pushed up off the bottom
    got = spread([50, 20, 51, 52], 12, 0, 200)
    assert sorted(range(4), key=got.__getitem__) == [1, 0, 2, 3]
    assert all(b - a >= 12 for a, b in zip(sorted(got), sorted(got)[1:]))


def test_sgd_names_each_run_in_a_column_right_of_its_plot():
    import xml.etree.ElementTree as ET
    from nnlib.explorers.sgd import LABELS_W
    e = made(explorers.SGDExplorer)
    for values in ({"batch_size": 10, "eta": 3.0}, {"batch_size": 1, "eta": 0.03},
                   {"batch_size": 400, "eta": 10.0}):
        svg = ET.fromstring(e.draw(values, e.compute(values)))
        names = [(float(t.get("x")), float(t.get("y")), t.text) for t in svg.iter("{http://www.w3.org/2000/svg}text")
                 if (t.text or "").startswith("m=")]
        assert sorted(n for _, _, n in names) == sorted(f"m={m}" for m in e.batch_sizes)
        assert {x for x, _, _ in names} == {640 - LABELS_W + 8}         # one column, right of the plot
        ys = sorted(y for _, y, _ in names)
        assert all(b - a >= 13 - 1e-9 for a, b in zip(ys, ys[1:])), ys     # 12 px text, 1 px apart


def test_neurons_keep_their_activation_colour_in_dark_mode(browser, tmp_path):
    """White means a = 0 in both themes: a neuron's fill must not follow the background."""
    from nnlib.explorers.svg import heat
    e = made(explorers.NetworkExplorer)
    page, errors = ep.open_page(browser, e, tmp_path / "heat.html")
    page.evaluate("""() => { const html = document.documentElement; html.dataset.theme = 'dark';
      html.style.setProperty('--pst-color-background', '#14181e'); }""")     # as the book's theme
    acts = e.readout()["activations"]
    wanted = sorted(rgb(heat(a)) for layer in acts for a in layer)
    fills_js = """() => [...document.querySelectorAll('.nnx-view circle')]
      .filter(c => Number(c.getAttribute('r')) > 10).map(c => getComputedStyle(c).fill)"""
    for drawn_by in ("js", "python"):        # the page's picture, then Jupyter's (Python's SVG)
        if drawn_by == "python":
            page.evaluate("(svg) => document.querySelector('.nnx-view').innerHTML = svg",
                          e.draw(e.values(), e.readout()))
        fills = page.evaluate(fills_js)
        assert sorted(map(rgb, fills)) == wanted, drawn_by
    assert (255, 255, 255) in wanted                                    # the input at 0: white
    assert not errors, errors


# ---- the Playground: the same promises, for its own layout -------------------------------------
# Its page: run buttons, menus and sliders (its Controls; eta is "learning_rate" in the page), a
# text box for the hidden layers, a check box per feature, + and − buttons per layer, and two
# pictures (the network, the output square) whose heatmaps are canvases over SVGs.
PG = '[data-explorer="playground"]'
PG_STATE_JS = "(root) => JSON.stringify((root || document.querySelector('%s')).playground.state())" % PG


def pg_state(page, root=None):
    import json
    return json.loads(page.evaluate(PG_STATE_JS, root))


def pg_names(settings):
    """Every control of the Playground's page: (role, accessible name, selector)."""
    pg = made(explorers.Playground)
    named = [("combobox" if c.menu else "slider", c.label,
              f'[data-control="{PAGE_NAMES.get(c.name, c.name)}"]') for c in pg._spec]
    named += [("checkbox", label, f'[data-control="feature_{k}"]') for k, (label, _) in FEATURES.items()]
    named += [("textbox", "hidden", '[data-control="hidden_layers"]')]
    named += [("button", name, f'[data-action="{name}"]') for name in ("reset", "play", "step")]
    named += [("button", "remove a hidden layer", '[data-layers="-1"]'),
              ("button", "add a hidden layer", '[data-layers="1"]')]
    for l in range(len(settings.hidden)):
        named += [("button", f"one neuron less in hidden layer {l + 1}", f'[data-layer="{l}"][data-by="-1"]'),
                  ("button", f"one neuron more in hidden layer {l + 1}", f'[data-layer="{l}"][data-by="1"]')]
    return named


def check_pg_names(page, root=PG):
    """Each control is found by its role and its name, and is a tab stop (no tabindex=-1)."""
    state = pg_state(page, page.locator(root).element_handle())
    named = pg_names(Settings(hidden=tuple(state["hidden"])))
    for role, name, selector in named:
        found = page.locator(root).get_by_role(role, name=name, exact=True)
        assert found.count() == 1, f"no single {role} named {name!r}"
        assert found.evaluate("(el, s) => el.matches(s) && el.tabIndex >= 0", selector), (role, name)
    n = page.locator(root).locator("input, select, button").count()
    assert n == len(named), f"{n} controls in the page, {len(named)} named here"


def check_pg_readouts(page, where, root=None):
    """The page's readouts equal nnlib's for the page's settings (a run at epoch 0)."""
    state = pg_state(page, root)
    settings = Settings(**{k: state[k] for k in ("dataset", "activation", "eta", "batch_size", "l2",
                                                  "noise", "train_percent", "seed")},
                        features=tuple(state["features"]), hidden=tuple(state["hidden"]))
    python = Session(settings).readout()
    shown = page.evaluate("""(root) => Object.fromEntries([...(root || document.querySelector('%s'))
      .querySelectorAll('[data-readout]')].map(e => [e.dataset.readout, e.dataset.value]))""" % PG, root)
    assert shown and state["epoch"] == 0, where
    for key, text in shown.items():
        expected = python[key]
        assert (text == "" and expected is None) or ep.dom_matches(text, expected), \
            f"{where}: {key} page {text!r} != nnlib {expected!r}"


def test_playground_jupyter_panel_names_every_control_in_order():
    """The panel: the Controls' widgets in their order, then a labelled check box per feature,
    then the + and − buttons, whose tooltips say what they do; the run buttons too."""
    pg = explorers.Playground(hidden=(3,))
    grid, features, arch = pg._panel.children
    assert list(grid.children) == [pg.controls[c.name] for c in pg._spec]
    assert [c.name for c in pg._spec] == ["dataset", "noise", "train_percent", "activation", "eta",
                                          "batch_size", "l2"]
    assert all(c.describe for c in pg._spec)
    boxes = [w for w in features.children if isinstance(w, widgets.Checkbox)]
    assert boxes == [pg.controls[f] for f in FEATURES]
    assert [(b.description, b.tooltip) for b in boxes] == [(label, f"input feature {label}")
                                                           for label, _ in FEATURES.values()]
    buttons = [w for w in arch.children if isinstance(w, widgets.Button)]
    assert [(b.description, b.tooltip) for b in buttons] == [
        ("−", "remove a hidden layer"), ("+", "add a hidden layer"),
        ("−", "one neuron less in hidden layer 1"), ("+", "one neuron more in hidden layer 1")]
    assert all(b.description and b.tooltip for b in pg._buttons.children)
    assert pg.controls["l2"].tooltip == pg._spec[-1].describe       # the menu labelled "0 (off)"


def test_playground_page_controls_are_named_keyboard_operable_and_axe_clean(browser, tmp_path):
    pg = made(explorers.Playground)
    page, errors = ep.open_page(browser, pg, tmp_path / "pg.html")
    page.wait_for_function(f"document.querySelector('{PG}').playground")
    check_pg_names(page)
    check_pg_readouts(page, "at the start")
    root = page.locator(PG)
    # each menu and slider moves one step with its key, and the run follows, equal to nnlib
    for c in pg._spec:
        control = root.locator(f'[data-control="{PAGE_NAMES.get(c.name, c.name)}"]')
        before = pg_state(page)[c.name]
        grid = c.grid()
        control.focus()
        page.keyboard.press("ArrowDown" if c.menu else "ArrowRight")
        after = pg_state(page)[c.name]
        assert after == grid[grid.index(before) + 1], f"{c.name}: {before} -> {after}"
        check_pg_readouts(page, f"{c.name} = {after}")
    # a feature's check box with the space bar; the hidden layers typed
    root.locator('[data-control="feature_x1x2"]').focus()
    page.keyboard.press("Space")
    assert pg_state(page)["features"] == ["x1", "x2", "x1x2"]
    root.locator('[data-control="hidden_layers"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("3, 1")
    page.keyboard.press("Enter")
    assert pg_state(page)["sizes"] == [3, 3, 1, 1]
    check_pg_readouts(page, "features x1 x2 x1x2, hidden 3, 1")
    # the + and − buttons, step, play and reset, from the keyboard
    root.locator('[data-layers="1"]').focus()
    page.keyboard.press("Enter")
    focused = "() => document.activeElement.getAttribute('aria-label')"
    assert page.evaluate(focused) == "add a hidden layer"        # the focus stays on the button
    root.locator('[data-layer="1"][data-by="1"]').focus()
    page.keyboard.press("Space")
    assert pg_state(page)["hidden"] == [3, 2, 2]
    assert page.evaluate(focused) == "one neuron more in hidden layer 2"
    check_pg_names(page)                                          # the new layer's buttons too
    root.locator('[data-action="step"]').focus()
    page.keyboard.press("Enter")
    assert pg_state(page)["epoch"] == 1
    root.locator('[data-action="play"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"document.querySelector('{PG}').playground.state().epoch >= 4")
    page.keyboard.press("Space")
    assert not pg_state(page)["playing"]
    assert root.locator('[data-action="play"]').get_attribute("aria-pressed") == "false"
    root.locator('[data-action="reset"]').focus()
    page.keyboard.press("Enter")
    state = pg_state(page)
    assert (state["epoch"], state["seed"]) == (0, 1)
    check_pg_readouts(page, "after reset")
    assert ep.axe_violations(page) == []
    assert not errors, errors


# Every piece of text in the Playground as drawn: SVG text (font size times the SVG's scale
# on screen) and HTML text (its computed size); and the right edge of everything in it.
PG_TEXT_JS = """(root) => {
  root = root || document.querySelector('%s');
  const sizes = [];
  root.querySelectorAll('svg text').forEach(t => sizes.push(
    [parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a, t.textContent]));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('svg, style, script') || !el.getClientRects().length) continue;
    sizes.push([parseFloat(getComputedStyle(el).fontSize), n.textContent.trim().slice(0, 30)]);
  }
  const right = Math.max(...[root, ...root.querySelectorAll('*')].filter(el => el.getClientRects().length)
    .map(el => el.getBoundingClientRect().right));
  const pictures = [...root.querySelectorAll('.nnx-pg-fig, .nnx-pg-plane, .nnx-pg-loss svg')]
    .map(el => el.getBoundingClientRect().width);
  return {smallest: sizes.reduce((a, b) => a[0] <= b[0] ? a : b), count: sizes.length, right,
          pictures, scrolls: [...root.querySelectorAll('*')].some(el => el.scrollWidth > el.clientWidth + 1
            && getComputedStyle(el).overflowX !== 'visible')};
}""" % PG


def check_pg_fits(page, width, where, root=None):
    seen = page.evaluate(PG_TEXT_JS, root)
    size, text = seen["smallest"]
    assert seen["count"] > 40, where
    assert size >= SCREEN_MIN - 1e-6, f"{where}: {text!r} drawn at {size:.1f} px"
    assert seen["right"] <= width, f"{where}: the Playground runs off the screen at {seen['right']:.0f} px"
    assert not seen["scrolls"], f"{where}: something in the Playground scrolls sideways"
    return seen


def test_playground_page_on_a_phone_keeps_text_at_11_px_and_reflows(browser, tmp_path):
    pg = made(explorers.Playground)
    widths = {}
    for width in (390, 1280):
        page, errors = ep.open_page(browser, pg, tmp_path / f"pg{width}.html", width=width)
        page.wait_for_function(f"document.querySelector('{PG}').playground")
        for hidden in ("4, 2", "8, 8, 8, 8"):             # the widest network, too
            page.fill(f'{PG} [data-control="hidden_layers"]', hidden)
            widths[width] = check_pg_fits(page, width, f"{width} px, hidden {hidden}")["pictures"]
        assert not errors, errors
        page.close()
    assert widths[390] < widths[1280]                    # the pictures shrank (down to MIN_SCALE)
    # squeezed below any phone, every picture stops at its min-width: its text stays >= 11 px
    page, errors = ep.open_page(browser, pg, tmp_path / "pg-squeezed.html", width=390)
    page.wait_for_function(f"document.querySelector('{PG}').playground")
    page.evaluate(f"() => document.querySelector('{PG}').style.maxWidth = '160px'")
    size, text = page.evaluate(PG_TEXT_JS)["smallest"]
    assert size >= SCREEN_MIN - 1e-6, f"squeezed: {text!r} drawn at {size:.1f} px"
    assert not errors, errors


def test_playground_jupyter_picture_follows_the_theme(browser, tmp_path):
    """Jupyter's picture (Python's SVG) in the page's stylesheet, light and dark: its text keeps
    4.5:1, test points are ringed in the text's colour, training points in the background's,
    and the heatmaps lie on the background (transparent PNGs), as in the page."""
    pg = explorers.Playground()
    pg.train(3)
    page, errors = ep.open_page(browser, pg, tmp_path / "pgsvg.html")
    page.evaluate("(svg) => { const v = document.createElement('div'); v.innerHTML = svg;"
                  " v.firstChild.id = 'python'; document.querySelector('[data-explorer]').append(v); }",
                  pg.draw())                   # in the explorer's root: its stylesheet applies
    for mode, bg in (("light", "#ffffff"), ("dark", "#121212")):
        page.evaluate("""([m, bg]) => { const html = document.documentElement; html.dataset.theme = m;
          html.style.setProperty('--pst-color-background', bg);
          html.style.setProperty('--pst-color-text-base', m === 'dark' ? '#ced6dd' : '#1f2328'); }""", [mode, bg])
        seen = page.evaluate("""() => { const svg = document.getElementById('python'), st = el => getComputedStyle(el);
          const root = st(document.querySelector('[data-explorer]'));
          const strokes = k => [...new Set([...svg.querySelectorAll('circle[r="3"]')].filter(c =>
            c.getAttribute('stroke-width') === k).map(c => st(c).stroke))];
          return {bg: root.backgroundColor, text: root.color,
            texts: [...svg.querySelectorAll('text')].map(t => [st(t).fill, t.textContent]),
            train: strokes('0.8'), test: strokes('1.5'),
            under: [...new Set([...svg.querySelectorAll('rect[class], circle[class]')].filter(el =>
              el.getAttribute('fill') === '#ffffff' && !el.getAttribute('stroke')).map(el => st(el).fill))],
            discs: svg.querySelectorAll('.nnx-f-bg').length}; }""")
        assert rgb(seen["bg"]) == rgb(bg), mode
        for fill, text in seen["texts"]:
            assert contrast(fill, seen["bg"]) >= 4.5, f"{mode}: {text!r} in {fill} on {seen['bg']}"
        assert seen["test"] == [seen["text"]] and seen["train"] == [seen["bg"]], (mode, seen)
        assert seen["under"] == [seen["bg"]], (mode, seen["under"])
        assert seen["discs"] == sum(pg.net.sizes) + 1          # under every neuron, and the square
    assert not errors, errors


def test_playground_heatmaps_are_transparent_in_the_middle():
    """rgba(t) over a background is the opaque palette with that background as its middle:
    over white it is colours(t) (the light theme's picture), over black t times the end colour."""
    from nnlib.explorers.playground_svg import HIGH, LOW, colours, rgba
    t = np.linspace(-1, 1, 401)
    got = rgba(t).astype(float)
    alpha = got[:, 3:] / 255
    over_white = got[:, :3] * alpha + 255 * (1 - alpha)
    np.testing.assert_allclose(over_white, colours(t), atol=1.5)
    end = np.where(t[:, None] >= 0, HIGH, LOW)
    np.testing.assert_allclose(got[:, :3] * alpha, end * np.abs(t)[:, None], atol=1.0)
    assert rgba(np.array([0.0, np.nan]))[:, 3].tolist() == [0, 0]

PLAYGROUND_PAGES = explorer_pages(["playground"])

# The Playground's colours as a reader sees them: the root's, the theme's, every SVG text's,
# the painted elements', and the output canvas's pixels over the root's background.
PG_THEME_JS = """(root) => {
  const probe = document.createElement('div');
  probe.style.cssText = 'background: var(--pst-color-background); color: var(--pst-color-text-base)';
  document.body.appendChild(probe);
  const theme = getComputedStyle(probe), own = getComputedStyle(root);
  const canvas = root.querySelector('.nnx-pg-heat');
  const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const pixels = [];
  for (let i = 0; i < px.length; i += 4) pixels.push([px[i], px[i + 1], px[i + 2], px[i + 3]]);
  const out = {themeBg: theme.backgroundColor, themeText: theme.color, bg: own.backgroundColor,
    text: own.color, texts: [...root.querySelectorAll('svg text')].map(t => [getComputedStyle(t).fill, t.textContent]),
    html: [...root.querySelectorAll('*')].filter(el => !el.closest('svg') && !el.disabled
      && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(el => getComputedStyle(el).color),
    painted: [...root.querySelectorAll('svg [class]')].map(el => { const s = getComputedStyle(el); return s.fill + ' ' + s.stroke; }),
    discs: [...root.querySelectorAll('.nnx-pg-fig canvas')].map(c => getComputedStyle(c).backgroundColor),
    pixels};
  probe.remove();
  return out;
}"""


def composite(pixels, bg):
    """RGBA pixels (0..255, not premultiplied) over the opaque colour bg: RGB floats (n, 3)."""
    p = np.asarray(pixels, dtype=float)
    a = p[:, 3:] / 255
    return p[:, :3] * a + np.asarray(rgb(bg), dtype=float) * (1 - a)


@pytest.mark.skipif(not PLAYGROUND_PAGES, reason="no built book with the Playground in _build/html")
@pytest.mark.parametrize("docname", PLAYGROUND_PAGES, ids=[p.split("/")[-1] for p in PLAYGROUND_PAGES])
def test_book_playground_is_named_keyboard_operable_and_axe_clean(open_page, docname):
    page, log = open_page(docname)
    roots = page.locator(PG)
    assert roots.count() > 0
    for i in range(roots.count()):
        root = f":nth-match({PG}, {i + 1})"
        check_pg_names(page, root)
        handle = page.locator(root)
        handle.locator('[data-control="dataset"]').focus()
        page.keyboard.press("ArrowDown")
        assert pg_state(page, handle.element_handle())["dataset"] == "xor"
        check_pg_readouts(page, f"{docname}: data set xor", handle.element_handle())
        handle.locator('[data-action="step"]').focus()
        page.keyboard.press("Enter")
        assert pg_state(page, handle.element_handle())["epoch"] == 1
    violations = ep.axe_violations(page, PG)
    assert violations == [], "\n".join(map(str, violations))
    assert not log.problems(), "\n".join(log.problems())


@pytest.mark.skipif(not PLAYGROUND_PAGES, reason="no built book with the Playground in _build/html")
@pytest.mark.parametrize("docname", PLAYGROUND_PAGES, ids=[p.split("/")[-1] for p in PLAYGROUND_PAGES])
def test_book_playground_follows_dark_mode(open_page, docname):
    page, log = open_page(docname)
    root = page.locator(PG).first
    root.scroll_into_view_if_needed()
    handle = root.element_handle()
    page.evaluate("(r) => r.playground.step(5)", handle)
    seen = {}
    for mode in ("light", "dark"):
        set_theme(page, mode)                 # the Playground redraws on the change (no waiting)
        seen[mode] = s = page.evaluate(PG_THEME_JS, handle)
        assert s["bg"] == s["themeBg"] and s["text"] == s["themeText"], f"{mode}: {s['bg']} {s['text']}"
        assert s["discs"] and set(s["discs"]) == {s["bg"]}, f"{mode}: the neurons' heatmaps lie on {s['discs']}"
        for fill, text in s["texts"]:
            assert contrast(fill, s["bg"]) >= 4.5, f"{mode}: picture text {text!r} in {fill} on {s['bg']}"
        for color in set(s["html"]):
            assert contrast(color, s["bg"]) >= 4.5, f"{mode}: text in {color} on {s['bg']}"
        # what the output square shows: the heatmap lies on the background (at most 60% opaque:
        # light over white, dark over the dark background), the points on top of it (opaque),
        # and the test points' rings are in the text's colour
        pixels = np.asarray(s["pixels"])
        heat = pixels[pixels[:, 3] <= 160]
        assert len(heat) > 0.5 * len(pixels), f"{mode}: the heatmap is opaque"
        lum = [luminance("rgb(%d, %d, %d)" % tuple(c)) for c in composite(heat, s["bg"]).round()]
        if mode == "light":               # percentiles: the points' anti-aliased edges aside
            assert np.percentile(lum, 1) > 0.25, f"{mode}: the heatmap is dark on a light page"
        else:
            assert np.percentile(lum, 99) < 0.2, f"{mode}: the heatmap is light on a dark page"
        rings = np.sum(np.abs(pixels[:, :3] - rgb(s["text"])).max(axis=1) < 24)
        assert rings > 500, f"{mode}: only {rings} pixels of the rings in the text's colour {s['text']}"
    light, dark = seen["light"], seen["dark"]
    assert rgb(light["bg"]) == (255, 255, 255) and luminance(dark["bg"]) < 0.02
    check_painted_follow_dark_mode(light, dark, "playground")
    set_theme(page, "light")
    assert not log.problems(), "\n".join(log.problems())


@pytest.mark.skipif(not PLAYGROUND_PAGES, reason="no built book with the Playground in _build/html")
@pytest.mark.parametrize("docname", PLAYGROUND_PAGES, ids=[p.split("/")[-1] for p in PLAYGROUND_PAGES])
def test_book_playground_on_a_phone(open_page, docname):
    page, log = open_page(docname, width=390, height=844)
    roots = page.locator(PG)
    for i in range(roots.count()):
        roots.nth(i).scroll_into_view_if_needed()
        check_pg_fits(page, 390, f"{docname} at 390 px", roots.nth(i).element_handle())
    assert not log.problems(), "\n".join(log.problems())
