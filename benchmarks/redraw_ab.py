"""Explorer redraw latency in the built book, this code's page JS and CSS against a base commit's.

Run with ``make bench`` (or ``python benchmarks/redraw_ab.py [--base REV]`` after
`make book`).  The built book is copied to a temporary directory and every
chapter page with explorers is written twice: with this tree's inlined explorer
scripts (nnlib/explorers/static/*.js) and stylesheet (base.py's ``_LAYOUT``)
("head"), and with those of ``--base`` ("base").  Both pages are opened side
by side in one headless chromium and swept exactly like
benchmarks/browser_latency.py does (every slider across its range, one frame
between moves, input event through style and layout), head and base
alternating in each of the interleaved repeats, so that the machine's load
falls on both alike.

Prints per explorer the median over the repeats of each repeat's p50 and p95
for base and head, and their ratio head / base.  Exits with status 1 if head's
p95 is above browser_latency.TARGET_MS for any explorer.
"""
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_latency as bl  # noqa: E402
import browser_support as bs  # noqa: E402
from _bench import parse_args, verdict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "nnlib" / "explorers" / "static"
SCRIPTS = ["core.js", "neuron.js", "network.js", "backprop.js", "sgd.js", "learning_rate.js", "gallery.js"]
BASE = "1864027"          # main before issue 13's redraw work


def at(rev, path):
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def layout_at(rev):
    """base.py's _LAYOUT at ``rev`` (None: this tree's)."""
    if rev is None:
        from nnlib.explorers.base import _LAYOUT
        return _LAYOUT
    tree = ast.parse(at(rev, "nnlib/explorers/base.py"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_LAYOUT":
            return ast.literal_eval(node.value)
    raise SystemExit(f"no _LAYOUT in nnlib/explorers/base.py at {rev}")


def script_at(rev, name):
    return (STATIC / name).read_text() if rev is None else at(rev, f"nnlib/explorers/static/{name}")


def variant(html, rev):
    """The page with every slider explorer's inlined JS and CSS taken from ``rev`` (None: this tree).

    An explorer's page carries ``<style>`` theme CSS + _LAYOUT ``</style>`` and
    ``<script>`` core.js, its kind's script, ``nnx.mountAll();</script>``; the
    kind is told by its script's first line.  The Playground is left as built.
    """
    from nnlib.explorers.svg import theme_css
    style = f"<style>{theme_css()}{layout_at(rev)}</style>"
    html, n_styles = re.subn(re.escape(f"<style>{theme_css()}") + r".*?</style>", lambda m: style, html, flags=re.S)
    core = script_at(rev, "core.js")
    heads = {name: (STATIC / name).read_text().splitlines()[0] for name in SCRIPTS[1:]}

    def swap(match):
        kind = [name for name, head in heads.items() if head in match.group(0)]
        if not kind:
            return match.group(0)
        return f"<script>{core}\n{script_at(rev, kind[0])}\nnnx.mountAll();</script>"
    html, n_scripts = re.subn(r"<script>/\* nnlib explorers: the runtime.*?nnx\.mountAll\(\);</script>", swap,
                              html, flags=re.S)
    if not (n_styles and n_scripts):
        raise SystemExit("no explorer stylesheet or script found in a page with explorers")
    return html


def measure(site, docs, repeats):
    """{(chapter: kind, "base"/"head"): [[ms, ...] per repeat]}."""
    from playwright.sync_api import sync_playwright
    times = {}
    with bs.serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=bs.CHROMIUM, args=bs.LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pages = []
        for doc in docs:
            for version in ("base", "head"):
                page = context.new_page()
                suffix = ".base" if version == "base" else ""
                page.goto(f"{url}{doc}{suffix}.html", wait_until="load")
                bs.wait_until_rendered(page)
                found = [f for f in bl.explorers_on(page) if f[1] != "playground"]   # its scripts are not swapped
                pages.append((page, doc.split("/")[-1], version, found))
        for _ in range(repeats):
            for page, name, version, found in pages:
                page.bring_to_front()
                page.evaluate(bl._SETTLE_JS)
                for i, kind, controls in found:
                    moves = []
                    for control, positions in controls:
                        moves += page.evaluate(bl._SWEEP_JS, [i, control, positions])
                    times.setdefault((f"{name}: {kind}", version), []).append(moves)
        browser.close()
    return times


def main():
    args = parse_args(__doc__, more=lambda p: p.add_argument(
        "--base", default=BASE, help=f"the revision to compare with (default {BASE})"))
    if not (bs.HTML / "index.html").exists():
        sys.exit("no built book in _build/html: run `make book` first")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "html"
        shutil.copytree(bs.HTML, site)
        docs = []
        for doc in bs.toc_pages():
            page = site / f"{doc}.html"
            html = page.read_text(encoding="utf-8") if page.exists() else ""
            if "data-explorer=" not in html:
                continue
            page.with_name(page.stem + ".base.html").write_text(variant(html, args.base), encoding="utf-8")
            page.write_text(variant(html, None), encoding="utf-8")
            docs.append(doc)
        times = measure(site, docs, args.repeats)
    print(f"input event -> style and layout, ms; median over {args.repeats} interleaved repeats; "
          f"base = {args.base}, head = this tree")
    print(f"{'explorer':<26} {'moves':>5} {'p50 base':>9} {'head':>6} {'ratio':>6}"
          f" {'p95 base':>9} {'head':>6} {'ratio':>6}")
    missed = []
    for name in dict.fromkeys(n for n, _ in times):
        row = {}
        for version in ("base", "head"):
            runs = times[(name, version)]
            row[version] = [float(np.median([np.percentile(r, q) for r in runs])) for q in (50, 95)]
        (b50, b95), (h50, h95) = row["base"], row["head"]
        missed += [name] if h95 > bl.TARGET_MS else []
        print(f"{name:<26} {len(times[(name, 'head')][0]):>5} {b50:>9.2f} {h50:>6.2f} {h50 / b50:>6.2f}"
              f" {b95:>9.2f} {h95:>6.2f} {h95 / b95:>6.2f}")
    return verdict(missed, f"head's p95 above {bl.TARGET_MS:g} ms")


if __name__ == "__main__":
    sys.exit(main())
