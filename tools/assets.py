"""Install the book's front-end files with npm and copy only what pages load.

Usage: python tools/assets.py        (what `make assets` runs)

With npm: `npm ci` (package-lock.json), then copy MathJax's tex-chtml
component and fonts, require.js and the ipywidgets HTML manager into
_build/assets/vendor/. _config.yml lists _build/assets in html_extra_path, so
the built site serves them under vendor/ and makes no request to a CDN.

Without npm: print a warning and write _build/_config.cdn.yml, a copy of
_config.yml without the local-asset keys, so the book loads these three from
their CDNs. `make book` builds with that file when _build/.assets-stamp is
missing.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
OUT = ROOT / "_build" / "assets" / "vendor"
STAMP = ROOT / "_build" / ".assets-stamp"
CDN_CONFIG = ROOT / "_build" / "_config.cdn.yml"
LOCAL_KEYS = ("html_extra_path", "mathjax_path", "nb_ipywidgets_js")
HTML_MANAGER = "@jupyter-widgets/html-manager/dist"

# (source under node_modules, destination under vendor/); globs allowed; a
# destination ending in / keeps the path below the pattern's fixed part.
FILES = [
    ("mathjax/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
    ("mathjax/es5/output/chtml/fonts/woff-v2/*.woff", "mathjax/output/chtml/fonts/woff-v2/"),
    ("mathjax/es5/input/tex/extensions/**/*.js", "mathjax/input/tex/extensions/"),
    ("mathjax/LICENSE", "mathjax/LICENSE"),
    ("requirejs/require.js", "require.js"),
    (f"{HTML_MANAGER}/embed-amd.js", f"{HTML_MANAGER}/embed-amd.js"),
    (f"{HTML_MANAGER}/embed.js.LICENSE.txt", f"{HTML_MANAGER}/LICENSE.txt"),
    # Font Awesome (solid, regular, brands) that embed-amd.js's CSS asks for;
    # browsers take the woff2 and need no other format.
    (f"{HTML_MANAGER}/*.woff2", f"{HTML_MANAGER}/"),
]


def copy(pattern: str, dest: str) -> int:
    sources = sorted(NODE.glob(pattern))
    if not sources:
        sys.exit(f"assets: nothing matches node_modules/{pattern}")
    for src in sources:
        if dest.endswith("/"):
            base = NODE / pattern.split("*")[0]
            target = OUT / dest / src.relative_to(base)
        else:
            target = OUT / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    return len(sources)


def write_cdn_config() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    for key in LOCAL_KEYS:
        config["sphinx"]["config"].pop(key, None)
    # local extension paths are relative to the config file, which moves to _build/
    for name, path in config["sphinx"].get("local_extensions", {}).items():
        config["sphinx"]["local_extensions"][name] = str(ROOT / path)
    CDN_CONFIG.parent.mkdir(parents=True, exist_ok=True)
    CDN_CONFIG.write_text(yaml.safe_dump(config, sort_keys=False))


def main() -> int:
    STAMP.unlink(missing_ok=True)
    if shutil.which("npm") is None:
        write_cdn_config()
        print("WARNING: npm not found. The book will load MathJax, require.js and the\n"
              "ipywidgets HTML manager from CDNs (config: _build/_config.cdn.yml),\n"
              "so it will not render offline and the browser test will fail.\n"
              "Install node/npm and run `make assets` again.", file=sys.stderr)
        return 0
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                   cwd=ROOT, check=True)
    shutil.rmtree(OUT, ignore_errors=True)
    count = sum(copy(pattern, dest) for pattern, dest in FILES)
    shutil.copy2(ROOT / "tools" / "widgets-setup.js", OUT)  # ours, not npm's
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    CDN_CONFIG.unlink(missing_ok=True)
    STAMP.touch()
    print(f"assets: copied {count} files ({size / 1e6:.1f} MB) to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
