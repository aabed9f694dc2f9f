"""Build the book, executing only the notebooks whose outputs may have changed.

Usage: python tools/build_book.py [--config FILE] [--root DIR] [--keyed PATH ...]

`make book` runs this.  Jupyter Book executes the notebooks through its
execution cache (``execute_notebooks: cache`` in _config.yml; jupyter-cache,
in ``_build/.jupyter_cache``).  jupyter-cache keys each executed notebook on
its code cells and kernel only, but the outputs also depend on nnlib and on
the installed packages.  So this script keys the whole cache on those too:

1. it hashes the KEYED paths (nnlib/, requirements.txt, pyproject.toml) and
   the Python version; if the hash differs from the one the cache was filled
   under (``_build/.jupyter_cache.key``), it empties the cache, and every
   notebook runs again;
2. it builds with ``jupyter-book build --all -W -n --keep-going``: every page
   is read and written again (so a warning anywhere fails every build, and no
   cross-reference can go stale), while the cache answers for every notebook
   whose code did not change, and only the others execute;
3. it drops cache entries that no notebook of the book matches any more, and
   checks that the keyed files did not change during the build (if they did,
   it empties the cache and fails).

``tests/test_build_cache.py`` checks all three on a small book of its own.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

os.environ.setdefault("PYTHONHASHSEED", "0")     # as `make` and tools/execute.py run notebooks

KEYED = ("nnlib", "requirements.txt", "pyproject.toml")
CACHE = Path("_build") / ".jupyter_cache"
IGNORED = ("__pycache__", ".pyc", ".ipynb_checkpoints")


def fingerprint(root, keyed=KEYED):
    """A hash of every file under the keyed paths (names and bytes), and of Python's version."""
    root = Path(root)
    h = hashlib.sha256(sys.version.encode())
    for name in keyed:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            rel = f.relative_to(root).as_posix()
            if f.exists() and not any(part in rel for part in IGNORED):
                h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def toc_notebooks(root):
    """The notebooks of the book's table of contents (ROOT/_toc.yml)."""
    from sphinx_external_toc.parsing import parse_toc_yaml
    pages = (Path(root) / f"{doc}.ipynb" for doc in parse_toc_yaml(Path(root) / "_toc.yml"))
    return [p for p in pages if p.exists()]


def key_file(cache):
    """Where the hash the cache was filled under is kept (beside the cache)."""
    return Path(str(cache) + ".key")


def prepare(cache, key, keyed=KEYED):
    """Empty ``cache`` unless it was filled under ``key``; return True if it was emptied."""
    kept = _recorded(cache) == {"key": key, "keyed": list(keyed)}
    if not kept:
        shutil.rmtree(cache, ignore_errors=True)
        key_file(cache).parent.mkdir(parents=True, exist_ok=True)
        key_file(cache).write_text(json.dumps({"key": key, "keyed": list(keyed)}) + "\n")
    return not kept


def _recorded(cache):
    try:
        return json.loads(key_file(cache).read_text())
    except (OSError, ValueError):
        return None


def execution_of(notebook):
    """The build's executed copy of ``notebook`` (a path), or None if there is no current one.

    Current means: the book's cache (in the nearest folder above with a
    _config.yml) was filled under the present hash of its keyed paths, and
    holds an execution of exactly this notebook's code cells.
    """
    from jupyter_cache import get_cache
    notebook = Path(notebook).resolve()
    root = next((d for d in notebook.parents if (d / "_config.yml").exists()), None)
    if root is None:
        return None
    cache, recorded = root / CACHE, _recorded(root / CACHE)
    if not recorded or recorded["key"] != fingerprint(root, recorded["keyed"]) or not cache.exists():
        return None
    jc = get_cache(str(cache))
    try:
        record = jc.match_cache_notebook(nbformat.read(str(notebook), as_version=4))
    except KeyError:
        return None
    return jc.get_cache_bundle(record.pk).nb


def invalidate(cache):
    """Forget ``cache`` (the next build executes every notebook)."""
    shutil.rmtree(cache, ignore_errors=True)
    key_file(cache).unlink(missing_ok=True)


def prune(cache, notebooks):
    """Remove cached executions that none of ``notebooks`` (paths) matches now."""
    from jupyter_cache import get_cache
    if not Path(cache).exists():
        return 0
    jc = get_cache(str(cache))
    current = {jc.create_hashed_notebook(nbformat.read(str(p), as_version=4))[1] for p in notebooks}
    old = [r.pk for r in jc.list_cache_records() if r.hashkey not in current]
    for pk in old:
        jc.remove_cache(pk)
    return len(old)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="the book's folder (holds _config.yml)")
    parser.add_argument("--config", default=None, help="config file (default ROOT/_config.yml)")
    parser.add_argument("--keyed", nargs="+", default=list(KEYED),
                        help="paths under ROOT the outputs depend on (default: %(default)s)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    cache = root / CACHE
    key = fingerprint(root, args.keyed)
    if prepare(cache, key, args.keyed):
        print(f"build_book: {', '.join(args.keyed)} changed (or no cache yet): "
              f"every notebook will execute")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root),
               "--all", "-W", "-n", "--keep-going"]
    if args.config:
        command += ["--config", str(Path(args.config).resolve())]
    status = subprocess.call(command)
    if fingerprint(root, args.keyed) != key:
        invalidate(cache)
        print(f"build_book: {', '.join(args.keyed)} changed during the build: "
              f"cache emptied, build again", file=sys.stderr)
        return 1
    prune(cache, toc_notebooks(root))
    return status


if __name__ == "__main__":
    sys.exit(main())
