"""The built site on a phone, in the dark theme, and under a sub-path.

- At 390 px (a phone) no page scrolls sideways, and nothing in a chapter
  sticks out of the screen unless it sits in a box that scrolls (wide maths,
  code and tables do).
- In the dark theme the chapters' text turns light, and every figure keeps an
  opaque, light background of its own, so its dark lines and labels stay
  readable whichever theme is on.
- Served under a sub-path, as GitHub Pages serves a project
  (https://user.github.io/repo-name/), every page still loads all it needs.

Screenshots of every page go to _build/screenshots/: NAME-dark.png at 1280 px
and NAME-phone.png at 390 px (test_browser.py takes NAME.png, light, 1280 px).
"""
import os
import tempfile
from pathlib import Path

import pytest
from PIL import Image

import browser_support as bs

PAGES = bs.toc_pages()
IDS = [p.split("/")[-1] for p in PAGES]

# Elements of the article that reach past the right edge of the screen without
# a scrolling (or clipping) box around them that itself fits on the screen.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const fits = el => el.getBoundingClientRect().right <= width + 1;
  const boxed = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX) && fits(p)) return true;
    return false;
  };
  return [...document.querySelectorAll('article.bd-article *')]
    .filter(el => el.getBoundingClientRect().width > 0 && !fits(el) && !boxed(el))
    .map(el => `${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
}"""


def shot(docname, kind):
    path = bs.screenshot_path(docname)
    return path.with_name(f"{path.stem}-{kind}.png")


@pytest.mark.parametrize("docname", PAGES, ids=IDS)
def test_phone_width(open_page, docname):
    page, log = open_page(docname, width=390, height=844)
    page.screenshot(path=shot(docname, "phone"), full_page=True)
    assert not log.problems(), "\n".join(log.problems())
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px wide"
    assert not page.evaluate(STICKING_OUT)


def luminance(rgb):
    return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255


@pytest.mark.parametrize("docname", PAGES, ids=IDS)
def test_dark_theme(open_page, docname):
    page, log = open_page(docname, theme="dark")
    page.screenshot(path=shot(docname, "dark"), full_page=True)
    assert not log.problems(), "\n".join(log.problems())
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    colour = page.evaluate("getComputedStyle(document.querySelector('article.bd-article p')).color")
    rgb = [int(v) for v in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
    assert luminance(rgb) > 0.6, f"text in the dark theme is {colour}"
    for src in page.evaluate("[...document.querySelectorAll('article.bd-article figure img')]"
                             ".map(img => img.getAttribute('src'))"):
        image = Image.open((bs.HTML / Path(docname).parent / src).resolve()).convert("RGBA")
        w, h = image.size
        for corner in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)]:
            r, g, b, alpha = image.getpixel(corner)
            assert alpha == 255, f"{src} is transparent: unreadable on a dark page"
            assert luminance((r, g, b)) > 0.85, f"{src} has a dark background"


def test_served_under_a_sub_path(browser):
    with tempfile.TemporaryDirectory() as root:
        os.symlink(bs.HTML, Path(root) / "repo-name")
        with bs.serve(Path(root)) as url:
            for docname in ["index", PAGES[0], "book/05_sgd"]:
                context = browser.new_context()
                page = context.new_page()
                log = bs.track(page, url)
                page.goto(f"{url}repo-name/{docname}.html", wait_until="load")
                if docname == "index":      # a redirect (meta refresh) to the landing page
                    page.wait_for_url(f"{url}repo-name/{PAGES[0]}.html", wait_until="load")
                page.locator("article.bd-article").wait_for(state="attached")
                assert "/repo-name/" in page.url
                bs.wait_until_rendered(page)
                assert not log.problems(), f"{docname}: " + "\n".join(log.problems())
                counts = bs.math_counts(page)
                assert counts["rendered"] >= counts["math"]
                context.close()
