"""Open every page of the built book in chromium and check what a reader sees.

Each page must load with no console error, no failed request and no request
leaving 127.0.0.1; its maths must be typeset by MathJax; its widget views and
explorers must show. A full-page screenshot goes to _build/screenshots/.
"""
import pytest

import browser_support as bs

PAGES = bs.toc_pages()


@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_page_renders_offline(open_page, docname):
    page, log = open_page(docname)
    page.screenshot(path=bs.screenshot_path(docname), full_page=True)

    assert not log.problems(), "\n".join(log.problems())

    counts = bs.math_counts(page)
    assert counts["rendered"] >= counts["math"], f"maths left untypeset: {counts}"
    assert counts["errors"] == 0, f"MathJax errors: {counts}"
    assert not bs.raw_math(page), f"raw TeX in text: {bs.raw_math(page)}"

    assert not bs.invisible(page, ".widget-subarea > .jupyter-widgets"), \
        f"widget views with no size: {bs.invisible(page, '.widget-subarea > .jupyter-widgets')}"
    assert not bs.invisible(page, ".widget-subarea"), "empty widget areas"
    assert not bs.invisible(page, "[data-explorer]"), \
        f"explorers with no size: {bs.invisible(page, '[data-explorer]')}"


def test_toc_pages_exist():
    missing = [p for p in PAGES if not (bs.HTML / f"{p}.html").exists()]
    assert not missing, f"in _toc.yml but not built: {missing}"
