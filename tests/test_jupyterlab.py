"""The explorers are live in JupyterLab: a slider moved by the keyboard redraws the picture.

Starts a JupyterLab server on 127.0.0.1 with a notebook that displays all six
explorers, runs it in headless chromium, then moves the first slider of each
explorer with the arrow keys (a real front-end event, through the kernel) and
checks that the explorer's SVG and readouts change.  Screenshots go to
``_build/screenshots/jupyterlab/``.
"""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

import browser_support as bs
import nnlib.explorers as explorers

OUTPUT = ".jp-OutputArea-output"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server with explorers.ipynb in its root; yields the notebook URL."""
    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"from nnlib.explorers import {name}\n{name}()")
                for name in explorers.__all__]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "explorers.ipynb")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
         "--LabApp.news_url=None",
         f"--ServerApp.root_dir={root}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        start_new_session=True)                         # its kernels share its group
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield f"{base}/lab/tree/explorers.ipynb"
    finally:
        os.killpg(server.pid, signal.SIGKILL)           # the server and its kernels
        server.wait(timeout=20)


def test_every_explorer_is_live_in_jupyterlab(browser, lab):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(lab)
    page.wait_for_selector(".jp-Notebook", timeout=90_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    n = len(explorers.__all__)
    shots = bs.SCREENSHOTS / "jupyterlab"
    shots.mkdir(parents=True, exist_ok=True)
    ready = f"document.querySelectorAll('{OUTPUT} .widget-html svg').length >= {n}"
    for attempt in range(3):        # a busy machine can swallow the first click while the kernel starts
        page.click(".jp-Notebook")                      # make the notebook the current widget
        page.click(".lm-MenuBar-itemLabel:text-is('Run')")        # the menu, as a reader would
        page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
        try:
            page.wait_for_function(ready, timeout=60_000)
            break
        except Exception:
            page.screenshot(path=shots / f"not-ready-{attempt}.png")
    else:
        pytest.fail("the explorers never appeared in JupyterLab (see not-ready-*.png)")
    outputs = page.locator(OUTPUT)
    assert outputs.count() == n
    for i, name in enumerate(explorers.__all__):
        out = outputs.nth(i)
        out.scroll_into_view_if_needed()
        picture = out.locator(".widget-html").nth(1)            # [title, picture, readouts]
        before = (picture.inner_html(), out.locator(".widget-html").nth(2).inner_text())
        handle = out.locator(".noUi-handle").first
        handle.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([el, old]) => el.innerHTML !== old",
            arg=[picture.element_handle(), before[0]], timeout=10_000)
        after = (picture.inner_html(), out.locator(".widget-html").nth(2).inner_text())
        assert after[0] != before[0] and after[1] != before[1], f"{name} did not redraw"
        out.screenshot(path=shots / f"{i}-{name}.png")
    assert not errors, errors
    page.close()
