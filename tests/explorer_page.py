"""Helpers to check one explorer's static page in headless chromium against Python.

The page is ``'<html><body>' + explorer.static_html() + '</body></html>'`` written
to a temporary file; controls move by setting ``input.value`` and dispatching an
``input`` event (what a reader's drag does).  Uses the ``browser`` fixture of
conftest.py (skips without /usr/bin/chromium).
"""
import math

import numpy as np

MOVE_JS = """([name, position]) => {
  const input = document.querySelector(`input[data-control="${name}"]`);
  input.value = position;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}"""
STATE_JS = """() => {
  const root = document.querySelector('[data-explorer]');
  const inputs = [...root.querySelectorAll('input[data-control]')];
  return {
    values: Object.fromEntries(inputs.map(i => [i.dataset.control, i.dataset.value])),
    readouts: Object.fromEntries([...root.querySelectorAll('[data-readout]')]
                .map(e => [e.dataset.readout, e.dataset.value])),
    ranges: Object.fromEntries(inputs.map(i => [i.dataset.control, [Number(i.min), Number(i.max), Number(i.step)]])),
    svg: root.querySelector('.nnx-view').innerHTML};
}"""
# The page's full state (not just the shown readouts), from its own compute.
JS_STATE_JS = """(values) => {
  const root = document.querySelector('[data-explorer]');
  return nnx.kinds[root.dataset.explorer].compute(root.nnxData, values);
}"""


def open_page(browser, explorer, path):
    """Write the explorer's static page to ``path``, open it, return (page, errors)."""
    path.write_text("<html><body>" + explorer.static_html() + "</body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 820, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(path.as_uri())
    return page, errors


def parse(text):
    """A DOM data-value as Python: a number where it reads as one, else the string."""
    try:
        return float(text)
    except ValueError:
        return text


def dom_matches(text, expected):
    """Does a page's data-value string equal Python's readout (bools as "true"/"false")?"""
    if isinstance(expected, bool):
        return text == str(expected).lower()
    if isinstance(expected, str):
        return text == expected
    return math.isclose(float(text), float(expected), rel_tol=1e-9, abs_tol=1e-12)


def values_of(state):
    return {k: parse(v) for k, v in state["values"].items()}


def check_move(page, explorer, name, position, parse_values=values_of):
    """Move control ``name`` to ``position``; the page's readouts, its full JS state
    and its SVG must agree with Python's ``explorer.compute`` for the DOM's values."""
    import xml.etree.ElementTree as ET

    page.evaluate(MOVE_JS, [name, position])
    state = page.evaluate(STATE_JS)
    values = parse_values(state)
    python = explorer.compute(values)
    for key, text in state["readouts"].items():
        assert dom_matches(text, python[key]), \
            f"{name}={position}: {key} page {text} != {python[key]}"
    assert_close(page.evaluate(JS_STATE_JS, values), python, f"{name}={position}")
    assert ET.fromstring(state["svg"]).tag.endswith("svg")


def three_positions(lo, hi, step):
    return [lo, round(lo + round((hi - lo) / 2 / step) * step, 10), hi]


def assert_close(page_value, python_value, where):
    """Recursively compare JSON-like page values with Python's (floats to 1e-9)."""
    if isinstance(python_value, dict):
        assert set(page_value) == set(python_value), f"{where}: keys {set(page_value) ^ set(python_value)}"
        for k in python_value:
            assert_close(page_value[k], python_value[k], f"{where}.{k}")
    elif isinstance(python_value, (list, tuple, np.ndarray)):
        assert len(page_value) == len(python_value), where
        for i, (p, q) in enumerate(zip(page_value, python_value)):
            assert_close(p, q, f"{where}[{i}]")
    elif isinstance(python_value, (float, int, np.floating)) and not isinstance(python_value, bool):
        assert math.isclose(float(page_value), float(python_value), rel_tol=1e-9, abs_tol=1e-12), \
            f"{where}: page {page_value} != nnlib {python_value}"
    else:
        assert page_value == python_value, f"{where}: page {page_value!r} != nnlib {python_value!r}"


def check_all_controls(page, explorer, compare_full_state=True, require_change=True):
    """Move every control to min, middle and max; the page must match Python each time,
    each control must change some readout (unless ``require_change`` is False: moves
    accumulate, so a network can end up saturated), and reset must restore the start.

    Returns the number of positions checked.
    """
    start = page.evaluate(STATE_JS)
    checked = 0
    for name, (lo, hi, step) in start["ranges"].items():
        seen = set()
        for position in three_positions(lo, hi, step):
            page.evaluate(MOVE_JS, [name, position])
            state = page.evaluate(STATE_JS)
            values = values_of(state)
            python = explorer.compute(values)
            assert state["readouts"], "no readouts"
            for key, text in state["readouts"].items():
                expected = python[key]
                where = f"{name}={values[name]}: {key}"
                if isinstance(expected, str):
                    assert text == expected, f"{where}: page {text!r} != nnlib {expected!r}"
                else:
                    assert_close(float(text), expected, where)
            if compare_full_state:
                assert_close(page.evaluate(JS_STATE_JS, values), python, f"{name}={values[name]}")
            seen.add(tuple(sorted(state["readouts"].items())))
            checked += 1
        assert len(seen) > 1 or not require_change, f"the readouts ignore control {name!r}"
    page.click(".nnx-reset")
    assert page.evaluate(STATE_JS)["readouts"] == start["readouts"], "reset failed"
    return checked
