"""The book's execution cache never serves stale outputs, and nbval reuses the build's run.

A miniature of this repository is made in a temporary folder: a _config.yml
with the same execution cache, a _toc.yml, two notebooks that count how often
they execute (``index`` prints a value of a small package ``fakelib``,
standing in for nnlib; ``other`` is a second chapter), and copies of
``tools/build_book.py`` and ``conftest.py``.  It
is built with ``tools/build_book.py --keyed fakelib``, as `make book` builds
the book with ``--keyed nnlib ...``.  (Each build runs Jupyter Book, so this
module takes a little while; it times nothing.)
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import build_book  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CODE = ('import fakelib\n'
        'with open("runs-index.txt", "a") as f:\n'
        '    f.write("run\\n")\n'
        'print("fakelib says", fakelib.VALUE)')
OTHER = ('with open("runs-other.txt", "a") as f:\n'
         '    f.write("run\\n")\n'
         'print("chapter", {})')


class Mini:
    """The miniature book in ``path``."""

    def __init__(self, path):
        self.path = path
        (path / "tools").mkdir()
        shutil.copy(ROOT / "tools" / "build_book.py", path / "tools")
        shutil.copy(ROOT / "conftest.py", path)
        (path / "_config.yml").write_text("title: Mini\nonly_build_toc_files: true\n"
                                          "execute:\n  execute_notebooks: cache\n")
        (path / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n- file: other\n")
        (path / "fakelib").mkdir()
        self.set_value(1)
        self.set_stored("fakelib says 1")
        self.set_chapter(1)

    def set_value(self, value):
        (self.path / "fakelib" / "__init__.py").write_text(f"VALUE = {value}\n")

    def set_stored(self, text):
        """Write index.ipynb with ``text`` as its code cell's stored output."""
        self._write("index", "# Mini", CODE, text)

    def set_chapter(self, number):
        """Write other.ipynb, whose code prints ``number``."""
        self._write("other", "# Other", OTHER.format(number), f"chapter {number}")

    def _write(self, name, title, code, output):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        cell = nbformat.v4.new_code_cell(code, execution_count=1)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output + "\n")]
        nb.cells = [nbformat.v4.new_markdown_cell(title), cell]
        nbformat.write(nb, self.path / f"{name}.ipynb")

    def build(self):
        done = subprocess.run([sys.executable, "tools/build_book.py", "--keyed", "fakelib"],
                              cwd=self.path, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        return done.stdout

    def runs(self, name="index"):
        """How often notebook ``name`` has executed so far."""
        path = self.path / f"runs-{name}.txt"
        return len(path.read_text().splitlines()) if path.exists() else 0

    def page(self, name="index"):
        return (self.path / "_build" / "html" / f"{name}.html").read_text()

    def nbval(self):
        return subprocess.run([sys.executable, "-m", "pytest", "index.ipynb", "--nbval",
                               "--nbval-current-env", "--nbval-from-build",
                               "-p", "no:cacheprovider"],
                              cwd=self.path, capture_output=True, text=True)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return Mini(tmp_path_factory.mktemp("mini"))


def test_rebuild_executes_again_only_when_the_code_or_the_library_changed(mini):
    mini.set_value(1)
    mini.set_chapter(1)
    mini.build()
    runs, other = mini.runs(), mini.runs("other")
    assert runs >= 1 and other >= 1 and "fakelib says 1" in mini.page()
    mini.set_chapter(2)                            # one chapter's code changed
    mini.build()
    assert mini.runs() == runs, "an unchanged notebook must come from the cache"
    assert mini.runs("other") == other + 1 and "chapter 2" in mini.page("other")
    assert "fakelib says 1" in mini.page()         # ...and its page is still there
    mini.set_value(2)                              # the library changed, the notebooks did not
    assert "every notebook will execute" in mini.build()
    assert mini.runs() == runs + 1, "a library change must execute every notebook again"
    assert mini.runs("other") == other + 2
    assert "fakelib says 2" in mini.page() and "fakelib says 1" not in mini.page()


def test_cache_key_covers_every_file_of_the_library(tmp_path):
    (tmp_path / "lib" / "static").mkdir(parents=True)
    (tmp_path / "lib" / "a.py").write_text("x = 1\n")
    (tmp_path / "lib" / "static" / "page.js").write_text("var x = 1;\n")
    key = build_book.fingerprint(tmp_path, ["lib"])
    assert build_book.fingerprint(tmp_path, ["lib"]) == key
    (tmp_path / "lib" / "static" / "page.js").write_text("var x = 2;\n")   # not only .py
    assert build_book.fingerprint(tmp_path, ["lib"]) != key
    cache = tmp_path / "_build" / ".jupyter_cache"
    assert build_book.prepare(cache, "k1", ["lib"])            # no cache yet: emptied
    (cache / "entry").parent.mkdir(parents=True)
    (cache / "entry").write_text("executed")
    assert not build_book.prepare(cache, "k1", ["lib"]) and (cache / "entry").exists()
    assert build_book.prepare(cache, "k2", ["lib"]) and not cache.exists()
    assert json.loads(build_book.key_file(cache).read_text())["key"] == "k2"


def test_nbval_from_build_compares_stored_outputs_with_the_builds_run(mini):
    mini.set_value(2)
    mini.set_stored("fakelib says 2")              # the stored output is current
    if build_book.execution_of(mini.path / "index.ipynb") is None:
        mini.build()                               # (the first test has built it already)
    runs = mini.runs()
    done = mini.nbval()
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 notebooks compared with the build's execution, 0 executed live" in done.stdout
    assert mini.runs() == runs, "nbval must not execute the notebook again"

    mini.set_stored("fakelib says 3")              # a stale stored output: nbval must see it
    done = mini.nbval()
    assert done.returncode != 0 and "fakelib says 2" in done.stdout

    mini.set_value(3)                              # the build is stale now: nbval runs it live
    done = mini.nbval()
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 notebooks compared with the build's execution, 1 executed live" in done.stdout
    assert mini.runs() == runs + 1
