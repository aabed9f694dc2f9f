"""The explorers are live in JupyterLab: a slider moved by the keyboard redraws the picture.

Starts a JupyterLab server on 127.0.0.1 with a notebook that displays all six
explorers, runs it in headless chromium, then moves the first slider of each
explorer with the arrow keys (a real front-end event, through the kernel) and
checks that the explorer's SVG and readouts change.  Screenshots go to
``_build/screenshots/jupyterlab/``.

Every wait is on a condition, never a fixed delay or a retry: the server
answers its status API; the notebook's kernel is connected and idle (read
from the app itself, which ``--expose-app-in-browser`` makes visible as
``window.jupyterapp``); the "Run All Cells" menu item is enabled; every cell
has run; a picture has changed.
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


def answers(url):
    """Does ``url`` answer with HTTP 200?"""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for(condition, seconds, poll=0.2):
    """Poll ``condition()`` until it is true (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(poll)
    return condition()


# The notebook panel's kernel, read from the app: connected, and idle.
KERNEL_READY = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell && app.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
                 && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""
RUN_ALL = ".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel:text-is('Run All Cells')"


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
         "--expose-app-in-browser",
         "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
         "--LabApp.news_url=None",
         f"--ServerApp.root_dir={root}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        start_new_session=True)                         # its kernels share its group
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_for(lambda: answers(f"{base}/api/status"), seconds=120):
            pytest.fail("JupyterLab did not answer /api/status within 120 s")
        yield f"{base}/lab/tree/explorers.ipynb"
    finally:
        os.killpg(server.pid, signal.SIGKILL)           # the server and its kernels
        server.wait(timeout=20)


def test_every_explorer_is_live_in_jupyterlab(browser, lab):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(lab)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    page.wait_for_function(KERNEL_READY, timeout=120_000)
    n = len(explorers.__all__)
    shots = bs.SCREENSHOTS / "jupyterlab"
    shots.mkdir(parents=True, exist_ok=True)
    page.click(".jp-Notebook")                                # the notebook is the current widget
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")        # the menu, as a reader would
    page.click(RUN_ALL, timeout=30_000)                       # waits until the item is enabled
    ready = f"document.querySelectorAll('{OUTPUT} .widget-html svg').length >= {n}"
    try:
        page.wait_for_function(ready, timeout=180_000)
    except Exception:
        page.screenshot(path=shots / "not-ready.png")
        raise
    outputs = page.locator(OUTPUT)
    assert outputs.count() == n
    for i, name in enumerate(explorers.__all__):
        out = outputs.nth(i)
        out.scroll_into_view_if_needed()
        picture = out.locator(".widget-html").nth(1)            # [title, picture, readouts]
        readouts = out.locator(".widget-html").nth(2)
        before = [picture.inner_html(), readouts.inner_html()]
        handle = out.locator(".noUi-handle").first
        handle.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        try:                                                    # both redraw, through the kernel
            page.wait_for_function(
                "([els, old]) => els.every((el, i) => el.innerHTML !== old[i])",
                arg=[[picture.element_handle(), readouts.element_handle()], before],
                timeout=60_000)
        except Exception:
            out.screenshot(path=shots / f"{i}-{name}-no-redraw.png")
            pytest.fail(f"{name}: the picture and readouts did not both redraw after 3 key presses")
        out.screenshot(path=shots / f"{i}-{name}.png")
    assert not errors, errors
    page.close()
