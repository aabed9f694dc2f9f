"""Every explorer in the built book is live: its numbers follow the sliders and equal nnlib's.

For each ``[data-explorer]`` element on each page, every control (slider or
menu) is moved to both ends and the middle of its range.  After each move the page's readouts
(``data-readout`` elements, full-precision ``data-value``) must equal what
nnlib computes in Python for the control values read back from the DOM
(controls' ``data-value``), the readouts must change across the positions, the
page must log no console error.  (How fast the page answers is measured by
``benchmarks/browser_latency.py``, not here.)  Screenshots before and after go to
``_build/screenshots/explorers/``.
"""
import math

import numpy as np
import pytest

import browser_support as bs
import nnlib.explorers as explorers

PAGES = bs.toc_pages()
CLASSES = {getattr(explorers, name).kind: getattr(explorers, name) for name in explorers.__all__}

_MOVE_JS = """([root, name, position]) => {
  const input = root.querySelector(`[data-control="${name}"]`);
  input.value = position;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  if (input.tagName === 'SELECT') input.dispatchEvent(new Event('change', {bubbles: true}));
}"""
_STATE_JS = """(root) => {
  const controls = [...root.querySelectorAll('[data-control]')];
  const range = i => i.tagName === 'SELECT' ? [0, i.options.length - 1, 1]
    : [Number(i.min), Number(i.max), Number(i.step)];
  return {
    values: Object.fromEntries(controls.map(i => [i.dataset.control, i.dataset.value])),
    readouts: Object.fromEntries([...root.querySelectorAll('[data-readout]')]
              .map(e => [e.dataset.readout, e.dataset.value])),
    ranges: Object.fromEntries(controls.map(i => [i.dataset.control, range(i)]))};
}"""


def parse(text):
    """A DOM data-value as Python: a number where it reads as one, else the string."""
    try:
        return float(text)
    except ValueError:
        return {"true": True, "false": False}.get(text, text)


def three_positions(lo, hi, step):
    middle = lo + round((hi - lo) / 2 / step) * step
    return [lo, round(middle, 10), hi]


def assert_readouts_match(dom, python, where):
    for key, text in dom.items():
        expected = python[key]
        if isinstance(expected, (bool, np.bool_)) or isinstance(expected, str):
            assert parse(text) == expected or text == str(expected), f"{where}: {key} {text!r} != {expected!r}"
        elif expected is None or (isinstance(expected, float) and not math.isfinite(expected)):
            assert text == "", f"{where}: {key} shows {text!r}, Python has {expected!r}"
        else:
            assert math.isclose(float(text), float(expected), rel_tol=1e-9, abs_tol=1e-12), \
                f"{where}: {key} page {text} != nnlib {expected}"


@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_explorers_follow_their_controls(open_page, docname):
    page, log = open_page(docname)
    roots = page.locator("[data-explorer]")
    shots = bs.SCREENSHOTS / "explorers"
    shots.mkdir(parents=True, exist_ok=True)
    for i in range(roots.count()):
        root = roots.nth(i)
        kind = root.get_attribute("data-explorer")
        assert kind in CLASSES, f"{docname}: unknown explorer kind {kind!r}"
        if kind == "playground":          # it trains rather than looks up: test_explorers_playground.py
            continue
        explorer = CLASSES[kind]()
        handle = root.element_handle()
        root.scroll_into_view_if_needed()
        stem = f"{docname.split('/')[-1]}-{i}-{kind}"
        root.screenshot(path=shots / f"{stem}-before.png")
        start = page.evaluate(_STATE_JS, handle)
        assert start["readouts"], f"{docname}: {kind} shows no readouts"
        for name, (lo, hi, step) in start["ranges"].items():
            seen = []
            for position in three_positions(lo, hi, step):
                page.evaluate(_MOVE_JS, [handle, name, position])
                state = page.evaluate(_STATE_JS, handle)
                values = {k: parse(v) for k, v in state["values"].items()}
                python = explorer.compute(values)
                assert_readouts_match(state["readouts"], python,
                                      f"{docname} {kind} {name}={values[name]}")
                seen.append(tuple(sorted(state["readouts"].items())))
            assert len(set(seen)) > 1, f"{docname}: {kind} readouts ignore control {name!r}"
        root.screenshot(path=shots / f"{stem}-after.png")
        root.locator(".nnx-reset").click()
        assert page.evaluate(_STATE_JS, handle)["readouts"] == start["readouts"], "reset failed"
    assert not log.problems(), "\n".join(log.problems())
