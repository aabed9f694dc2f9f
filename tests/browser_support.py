"""Helpers for browser tests of the built book in _build/html.

Serve the site on 127.0.0.1, drive Debian's chromium with Playwright, record
what went wrong on a page, and wait until its maths and widgets have rendered.
The fixtures that use these live in conftest.py. Nothing here imports pytest.
"""
import functools
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
# BOOK_HTML=path points the tests at another build of the book.
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Keep chromium from reaching for the network on its own.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync"]
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


def toc_pages(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """Every document in the table of contents, root first: ['book/intro', ...]."""
    data = yaml.safe_load(toc.read_text())
    pages = [data["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            for key in ("parts", "chapters", "sections"):
                walk(entry.get(key))

    walk(data.get("parts") or data.get("chapters"))
    return [str(Path(p).with_suffix("")) for p in pages]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path = HTML):
    """Serve `directory` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageLog:
    """What went wrong while a page loaded and ran. Empty lists mean all is well."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"failed request: {m}" for m in self.failed_requests]
                + [f"external request: {m}" for m in self.external_requests])


def track(page, base_url: str) -> PageLog:
    """Record console errors, uncaught exceptions, failed requests and 4xx/5xx
    responses; block (and record) every request that leaves 127.0.0.1."""
    log = PageLog()
    host = urlparse(base_url).hostname

    def route(r):
        url = urlparse(r.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != host:
            log.external_requests.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(
        f"{m.text} ({m.location.get('url', '')})"))
    page.on("pageerror", lambda e: log.console_errors.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: urlparse(r.url).hostname == host
            and log.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400
            and log.failed_requests.append(f"{r.url} (HTTP {r.status})"))
    return log


def wait_until_rendered(page, timeout_ms: int = 20_000) -> None:
    """Wait for MathJax to finish typesetting and every widget view to render."""
    page.wait_for_function(
        "!window.MathJax || (window.MathJax.startup && window.MathJax.startup.promise)",
        timeout=timeout_ms)
    page.evaluate("async () => { if (window.MathJax && MathJax.startup) "
                  "await MathJax.startup.promise; }")
    page.wait_for_function(
        f"document.querySelectorAll('{WIDGET_VIEW}').length <= "
        "document.querySelectorAll('.widget-subarea > .jupyter-widgets').length",
        timeout=timeout_ms)


# Text outside code that still holds TeX delimiters, i.e. maths MathJax missed.
_RAW_MATH_JS = r"""() => {
  const skip = 'script, style, pre, code, textarea, mjx-container, .highlight';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent;
    if (/\\\(|\\\[|\$\$/.test(t) && !n.parentElement.closest(skip)) found.push(t.trim().slice(0, 80));
  }
  return found;
}"""

# Elements that should show but have no size (ignoring closed toggles).
_INVISIBLE_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => !el.closest('details:not([open]), .toggle-hidden'))
  .filter(el => { const r = el.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); })
  .map(el => el.outerHTML.slice(0, 120))"""


def raw_math(page) -> list[str]:
    """Snippets of visible text that still contain \\( \\[ or $$."""
    return page.evaluate(_RAW_MATH_JS)


def math_counts(page) -> dict:
    """How many maths elements Sphinx wrote, MathJax rendered, and MathJax failed."""
    return page.evaluate("""() => ({
      math: document.querySelectorAll('.math').length,
      rendered: document.querySelectorAll('mjx-container').length,
      errors: document.querySelectorAll('mjx-merror').length})""")


def invisible(page, selector: str) -> list[str]:
    """Elements matching `selector` that have zero size (outside closed toggles)."""
    return page.evaluate(_INVISIBLE_JS, selector)


def screenshot_path(docname: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{Path(docname).name}.png"
