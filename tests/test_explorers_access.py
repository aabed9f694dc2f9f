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
"""
import re

import ipywidgets as widgets
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from nnlib.explorers.base import STYLE
from nnlib.explorers.svg import COLORS, MIN_FONT, MIN_SCALE, PALETTE

SCREEN_MIN = 11          # px: the smallest text a reader may see

CLASSES = [getattr(explorers, name) for name in explorers.__all__]
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


# ---- the ipywidget ------------------------------------------------------------------------
@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_jupyter_controls_are_labelled_and_menus_are_dropdowns(cls):
    e = made(cls)
    assert "nnx-theme" in e._dom_classes and f"<style>{STYLE}</style>" in e.children[0].value
    for c in e._spec:
        w = e.controls[c.name]
        assert w.description == c.label and (w.tooltip or "") == c.describe
        assert isinstance(w, widgets.Dropdown) == c.menu
    shown = [w for box in e.children[1].children
             for w in (box.children[1:] if isinstance(box, widgets.VBox) else [box])]
    assert shown == [e.controls[c.name] for c in e._spec]       # every control, in order


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


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_page_controls_are_named_keyboard_operable_and_axe_clean(browser, tmp_path, cls):
    e = made(cls)
    page, errors = ep.open_page(browser, e, tmp_path / f"{e.kind}.html")
    ep.check_names(page, e)
    for c in e._spec:
        key, expected = _step(page, c, c.name)
        ep.check_keyboard(page, e, c.name, key, expected)
    assert ep.axe_violations(page) == []
    assert not errors, errors


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
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


def set_theme(page, mode):
    page.evaluate("(m) => { document.documentElement.dataset.theme = m;"
                  " document.documentElement.dataset.mode = m; }", mode)


def explorer_pages():
    import browser_support as bs
    pages = []
    for doc in bs.toc_pages():
        html = bs.HTML / f"{doc}.html"
        if html.exists() and "data-explorer=" in html.read_text(encoding="utf-8"):
            pages.append(doc)
    return pages


BOOK_PAGES = explorer_pages()
KINDS = {cls.kind: cls for cls in CLASSES}


@pytest.mark.skipif(not BOOK_PAGES, reason="no built book with explorers in _build/html")
@pytest.mark.parametrize("docname", BOOK_PAGES, ids=[p.split("/")[-1] for p in BOOK_PAGES])
def test_book_explorers_are_named_keyboard_operable_and_axe_clean(open_page, docname):
    page, log = open_page(docname)
    roots = page.locator("[data-explorer]")
    assert roots.count() > 0
    for i in range(roots.count()):
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
        changed = sum(a != b for a, b in zip(light["painted"], dark["painted"]))
        assert len(light["painted"]) == len(dark["painted"]) > 0
        assert changed >= 0.8 * len(light["painted"]), \
            f"{kind}: only {changed} of {len(light['painted'])} painted elements follow dark mode"
    set_theme(page, "light")
    assert not log.problems(), "\n".join(log.problems())


@pytest.mark.skipif(not BOOK_PAGES, reason="no built book with explorers in _build/html")
@pytest.mark.parametrize("docname", BOOK_PAGES, ids=[p.split("/")[-1] for p in BOOK_PAGES])
def test_book_explorers_on_a_phone(open_page, docname):
    page, log = open_page(docname, width=390, height=844)
    roots = page.locator("[data-explorer]")
    for i in range(roots.count()):
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
    js = _lines(page.evaluate("(W) => nnx.figure(300, 200, [nnx.networkDiagram([2, 1, 1], [0, 0, 300, 200], {W: W})])",
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
