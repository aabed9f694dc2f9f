"""Helpers to check one explorer's static page in headless chromium against Python.

The page is the explorer's ``static_html()`` in a bare HTML page written to a
temporary file.  Controls are ``<input type="range">`` or ``<select>`` elements
with ``data-control``; a menu's position is the index of its option.  They move
by setting ``value`` and dispatching ``input`` (a slider dragged) or ``input``
and ``change`` (a menu choice), or by real key presses (:func:`check_keyboard`).
Uses the ``browser`` fixture of conftest.py (skips without /usr/bin/chromium).
"""
import math
from pathlib import Path

import numpy as np

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

# In the page, a control's (min, max, step): a menu's positions are its option indices.
_RANGE_JS = """const range = i => i.tagName === 'SELECT' ? [0, i.options.length - 1, 1]
  : [Number(i.min), Number(i.max), Number(i.step)];"""
MOVE_JS = """([name, position]) => {
  const input = document.querySelector(`[data-control="${name}"]`);
  input.value = position;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  if (input.tagName === 'SELECT') input.dispatchEvent(new Event('change', {bubbles: true}));
}"""
STATE_JS = """() => {
  %s
  const root = document.querySelector('[data-explorer]');
  const inputs = [...root.querySelectorAll('[data-control]')];
  return {
    values: Object.fromEntries(inputs.map(i => [i.dataset.control, i.dataset.value])),
    readouts: Object.fromEntries([...root.querySelectorAll('[data-readout]')]
                .map(e => [e.dataset.readout, e.dataset.value])),
    ranges: Object.fromEntries(inputs.map(i => [i.dataset.control, range(i)])),
    svg: root.querySelector('.nnx-view').innerHTML};
}""" % _RANGE_JS
# The page's full state (not just the shown readouts), from its own compute.
JS_STATE_JS = """(values) => {
  const root = document.querySelector('[data-explorer]');
  return nnx.kinds[root.dataset.explorer].compute(root.nnxData, values);
}"""


def open_page(browser, explorer, path, width=820):
    """Write the explorer's static page to ``path``, open it, return (page, errors)."""
    path.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{explorer.kind}'
                    f'</title></head><body><main>{explorer.static_html()}</main></body></html>',
                    encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
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


def check_keyboard(page, explorer, name, key, expected, root="[data-explorer]"):
    """Focus control ``name`` and press ``key`` (a real key event): its value must become
    ``expected`` and the readouts must follow, equal to Python's for the new values."""
    control = page.locator(f'{root} [data-control="{name}"]')
    before = page.evaluate(STATE_JS)["readouts"]
    control.focus()
    page.keyboard.press(key)
    state = page.evaluate(STATE_JS)
    values = values_of(state)
    assert dom_matches(state["values"][name], expected), \
        f"{name}: {key} gave {state['values'][name]}, expected {expected}"
    assert state["readouts"] != before, f"{name}: {key} changed no readout"
    python = explorer.compute(values)
    for key_, text in state["readouts"].items():
        assert dom_matches(text, python[key_]), f"{name} after {key}: {key_} page {text} != {python[key_]}"


# Every control's role and accessible name, as the browser's accessibility tree has them.
NAMES_JS = """(root) => [...root.querySelectorAll('[data-control]')].map(i => ({
  name: i.dataset.control, tag: i.tagName, labels: [...i.labels].map(l => l.textContent.trim()),
  title: i.title}))"""


def check_names(page, explorer, root="[data-explorer]"):
    """Each control is reachable by its role and its label as accessible name (the book's symbol)."""
    for c in explorer._spec:
        role = "combobox" if c.menu else "slider"
        found = page.locator(root).get_by_role(role, name=c.label, exact=True)
        assert found.count() >= 1, f"no {role} named {c.label!r} for control {c.name!r}"
        assert found.first.get_attribute("data-control") == c.name
        if c.describe:
            assert found.first.get_attribute("title") == c.describe


def axe_violations(page, selector="[data-explorer]", impacts=("serious", "critical")):
    """axe-core's violations of the given impacts inside ``selector``: [(rule, target, summary)]."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (selector) => {
      const out = [];
      for (const el of document.querySelectorAll(selector)) {
        const r = await axe.run(el, {resultTypes: ['violations']});
        for (const v of r.violations) for (const n of v.nodes)
          out.push([v.id, v.impact, n.target.join(' '), n.failureSummary]);
      }
      return out;
    }""", selector)
    return [(rule, target, summary) for rule, impact, target, summary in found if impact in impacts]
