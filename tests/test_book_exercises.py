"""The chapters' Exercises sections: numbering, solutions, checked code, quizzes, student edition.

Reads the notebooks in book/ (no execution): every chapter 1-6 has at least two
coding exercises that call ``check`` and at least two quizzes; exercises are
numbered "Exercise N.k" with a label ``(ex-<chapter>-k)=``; every exercise has
its solution in a cell tagged ``solution``; every coding exercise's solution
passes ``check``; ``tools/student.py`` keeps every exercise and drops every
solution.
"""
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

import nnlib
from nnlib.exercises import EXERCISES, catalog, check

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import student  # noqa: E402

CHAPTERS = {int(p.name[:2]): p for p in sorted((ROOT / "book").glob("0[1-6]_*.ipynb"))}
SLUGS = {n: p.stem.split("_", 1)[1] for n, p in CHAPTERS.items()}
LABEL = re.compile(r"^\((ex-[\w-]+)\)=\n\*\*Exercise (\d+)\.(\d+)[ .(]", re.MULTILINE)
CHECK = re.compile(r'^check\("(\w+)", my_(\w+)\)$', re.MULTILINE)


def notebook(n):
    return nbformat.read(CHAPTERS[n], as_version=4)


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def exercises_of(nb):
    """[(label, chapter, k, index of the cell)] in order."""
    return [(m.group(1), int(m.group(2)), int(m.group(3)), i)
            for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
            for m in LABEL.finditer(cell.source)]


def test_six_chapters():
    assert sorted(CHAPTERS) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("n", range(1, 7))
def test_exercises_numbered_by_label(n):
    found = exercises_of(notebook(n))
    assert len(found) >= 5
    assert [(label, ch, k) for label, ch, k, _ in found] == \
        [(f"ex-{SLUGS[n]}-{k}", n, k) for k in range(1, len(found) + 1)]
    # no exercise in the old styles ("**1.**", "**Exercise 1.**", "1. **Title.**")
    old = re.compile(r"^(\*\*\d+\.|\*\*Exercise \d+(\.\*\*| \()|\d+\. \*\*)", re.MULTILINE)
    cells = notebook(n).cells
    start = next(i for i, c in enumerate(cells) if c.source.startswith("## Exercises"))
    assert not [c.source[:60] for c in cells[start:] if c.cell_type == "markdown" and old.search(c.source)]


@pytest.mark.parametrize("n", range(1, 7))
def test_every_exercise_has_a_marked_solution(n):
    nb = notebook(n)
    found = exercises_of(nb)
    ends = [i for *_, i in found[1:]] + [len(nb.cells)]
    for (label, ch, k, start), end in zip(found, ends):
        solutions = [c for c in nb.cells[start + 1:end] if "solution" in tags(c)]
        assert solutions, f"{label}: no cell tagged solution after it"
        assert any(f"Solution to Exercise {ch}.{k}" in c.source and ":class: dropdown solution" in c.source
                   for c in solutions), label
    assert not student.stray_solutions(nb)


@pytest.mark.parametrize("n", range(1, 7))
def test_coding_exercises_call_check(n):
    nb = notebook(n)
    stubs = [c for c in nb.cells if "exercise" in tags(c)]
    names = [CHECK.search(c.source).group(1) for c in stubs]
    assert len(names) >= 2
    for cell, name in zip(stubs, names):
        assert CHECK.search(cell.source).group(2) == name
        assert "raise NotImplementedError" in cell.source
        assert EXERCISES[name].chapter == n, name
        shown = "".join(o.get("data", {}).get("text/plain", "") for o in cell.get("outputs", []))
        assert f"{name}: not done yet" in shown, f"{name}: stored output {shown!r}"
    assert {e.name for e in catalog() if e.chapter == n} <= set(names)


@pytest.mark.parametrize("n", range(1, 7))
def test_coding_solutions_pass(n):
    nb = notebook(n)
    blocks = re.compile(r"```python\n(.*?)```", re.DOTALL)
    names = [CHECK.search(c.source).group(1) for c in nb.cells if "exercise" in tags(c)]
    for name in names:
        solution = next(c for c in nb.cells if "solution" in tags(c) and f"def my_{name}(" in c.source)
        namespace = {"np": np, "nnlib": nnlib}
        for block in blocks.findall(solution.source):
            exec(block, namespace)
        result = check(name, namespace[f"my_{name}"])
        assert result.passed, f"{name}: {result.message}"


@pytest.mark.parametrize("n", range(1, 7))
def test_at_least_two_quizzes(n):
    quizzes = [c for c in notebook(n).cells if c.cell_type == "code" and "quiz." in c.source]
    assert len(quizzes) >= 2
    for cell in quizzes:
        html = "".join(o.get("data", {}).get("text/html", "") for o in cell.get("outputs", []))
        assert "data-quiz=" in html and 'data-action="check"' in html and "data-feedback" in html


def test_student_edition(tmp_path):
    written = student.write_edition(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
    for n, path in CHAPTERS.items():
        book, edition = notebook(n), nbformat.read(tmp_path / path.name, as_version=4)
        assert not [c for c in edition.cells if "solution" in tags(c)]
        text = "\n".join(c.source for c in edition.cells)
        assert "Solution to Exercise" not in text and ":class: dropdown solution" not in text
        assert "{admonition} Solution" not in text
        assert [e[:3] for e in exercises_of(edition)] == [e[:3] for e in exercises_of(book)]
        kept = [c.source for c in book.cells if "solution" not in tags(c)]
        assert [c.source for c in edition.cells] == kept        # everything else, in order
        assert sum("exercise" in tags(c) for c in edition.cells) >= 2
        assert sum("quiz." in c.source for c in edition.cells if c.cell_type == "code") >= 2


def test_student_edition_refuses_an_unmarked_solution(tmp_path):
    nb = notebook(1)
    cell = next(c for c in nb.cells if "solution" in tags(c))
    cell.metadata["tags"] = []
    book = tmp_path / "book"
    book.mkdir()
    nbformat.write(nb, book / "01_overview.ipynb")
    with pytest.raises(ValueError, match="not tagged 'solution'"):
        student.write_edition(tmp_path / "out", book)
    assert not (tmp_path / "out").exists()
