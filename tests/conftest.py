"""Fixtures for browser tests of the built book (helpers: browser_support.py).

    def test_something(open_page):
        page, log = open_page("book/05_sgd")   # served, loaded, maths and widgets rendered
        page, log = open_page("book/05_sgd", width=390, theme="dark")   # a phone, dark theme
        page.locator("[data-explorer]").first.scroll_into_view_if_needed()
        assert not log.problems()              # console errors, failed or external requests

`browser` (one chromium per session) and `book_url` (the served _build/html)
are there for tests that need their own pages.

Without /usr/bin/chromium these tests skip, or fail when CI=true.
"""
import os
from pathlib import Path

import pytest

import browser_support as bs


@pytest.fixture(scope="session")
def book_url():
    """Base URL of _build/html, served on 127.0.0.1 for the whole session."""
    if not (bs.HTML / "index.html").exists():
        pytest.fail("no built book in _build/html: run `make book` first")
    with bs.serve(bs.HTML) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session."""
    missing = None
    if not Path(bs.CHROMIUM).exists():
        missing = f"{bs.CHROMIUM} not found (apt-get install -y chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            missing = "playwright is not installed (make venv)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=bs.CHROMIUM, args=bs.LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, book_url):
    """Factory: open_page("book/01_overview") -> (page, PageLog), fully rendered."""
    contexts = []

    def _open(docname: str, width: int = 1280, height: int = 900, theme: str = ""):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        if theme:  # the theme's own switch keeps the choice in localStorage
            context.add_init_script(f"localStorage.setItem('mode', '{theme}');"
                                    f"localStorage.setItem('theme', '{theme}');")
        page = context.new_page()
        log = bs.track(page, book_url)
        page.goto(f"{book_url}{docname}.html", wait_until="load")
        bs.wait_until_rendered(page)
        return page, log

    yield _open
    for context in contexts:
        context.close()
