"""The built pages (_build/html), read from their HTML files, as a screen reader gets them.

- Every plot sits in a <figure> whose <figcaption> is numbered ("Fig. 5.3"),
  with alt text that says what the plot shows (not a file name), and the text
  of its page links to it.
- The landing page and every chapter cite the article the book follows; its
  entry is in the bibliography; every "The article says" note links to the
  landing page's section about the article.
- Every link, script and image is relative, so the site also works when it is
  served under a sub-path (https://user.github.io/repo-name/).
"""
import functools
import json
import re

import pytest
from bs4 import BeautifulSoup

import browser_support as bs

PAGES = bs.toc_pages()
CHAPTERS = [p for p in PAGES if p != PAGES[0]]
BIBLIOGRAPHY = "book/09_further_reading"
TITLE = "Neural Networks: Feedforward and Backpropagation Explained"


@functools.lru_cache(maxsize=None)
def page(docname):
    path = bs.HTML / f"{docname}.html"
    if not path.exists():
        pytest.fail(f"{path} missing: run `make book` first")
    return BeautifulSoup(path.read_text(), "html.parser")


def content(soup):
    return soup.select_one("article.bd-article")


@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_figures_are_numbered_captioned_described_and_referenced(docname):
    article = content(page(docname))
    for img in article.select(".cell_output img"):
        figure = img.find_parent("figure")
        assert figure is not None, f"an output image outside a <figure>: {img.get('src')}"
        number = figure.select_one("figcaption .caption-number")
        assert number and re.fullmatch(r"Fig\. \d+\.\d+\s*", number.get_text()), "no figure number"
        assert len(figure.select_one("figcaption .caption-text").get_text(strip=True)) > 20
        alt = img.get("alt", "")
        assert len(alt.split()) >= 10 and not re.search(r"\.(png|jpe?g|svg)\b|_images", alt), \
            f"alt text {alt!r}"
        assert article.select_one(f'a[href="#{figure["id"]}"]'), f"no text refers to {figure['id']}"


def test_every_plot_of_the_notebooks_is_a_figure():
    pngs = sum(1 for path in sorted((bs.ROOT / "book").glob("*.ipynb"))
               for cell in json.loads(path.read_text())["cells"]
               for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))
    figures = sum(len(content(page(p)).select("figure img")) for p in PAGES)
    assert figures == pngs >= 36


def article_entry_id():
    for entry in content(page(BIBLIOGRAPHY)).select(".citation"):
        if TITLE in entry.get_text():
            return entry["id"]
    pytest.fail(f"the bibliography has no entry for {TITLE!r}")


@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_source_article_cited(docname):
    target = f"{BIBLIOGRAPHY.split('/')[-1]}.html#{article_entry_id()}"
    links = [a for a in content(page(docname)).select("a[href]")
             if a["href"] in (target, "#" + target.split("#")[1])]
    assert links, f"{docname} does not cite the source article"
    assert TITLE in links[0].get_text()


@pytest.mark.parametrize("docname", CHAPTERS, ids=[p.split("/")[-1] for p in CHAPTERS])
def test_article_notes_link_to_the_source(docname):
    notes = [n for n in content(page(docname)).select(".admonition")
             if n.select_one(".admonition-title").get_text().startswith("The article")]
    for note in notes:
        assert note.select_one('a[href$="intro.html#source-article"]'), \
            f"note {note.select_one('.admonition-title').get_text()!r} does not link to the source"
    assert page(PAGES[0]).find(id="source-article"), "the landing page lost its section on the source"


def test_links_are_relative():
    absolute = []
    for path in sorted(bs.HTML.rglob("*.html")):
        for tag in BeautifulSoup(path.read_text(), "html.parser").find_all(["a", "link", "script", "img"]):
            for attr in ("href", "src"):
                value = tag.get(attr, "")
                if value.startswith("/") and not value.startswith("//"):
                    absolute.append(f"{path.relative_to(bs.HTML)}: {attr}={value}")
    assert not absolute, "root-relative links break a site served under a sub-path:\n" + "\n".join(absolute[:20])
