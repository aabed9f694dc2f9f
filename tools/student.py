"""Write the student edition: every chapter notebook with its solutions taken out.

Usage: python tools/student.py [OUT]      (default: _build/student; `make student`)

A solution is marked one way throughout the book: it is a cell tagged
``solution`` (in the chapters, a markdown cell holding one ``{admonition}``
dropdown whose class includes ``solution``).  This script copies every
``book/*.ipynb`` to OUT without those cells; the exercises, the code stubs
with their ``check(...)`` calls and the quizzes stay.  It refuses to write
anything (exit status 1) when a solution block is found outside a tagged
cell, so an unmarked solution can never slip into the hand-out.
"""
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TAG = "solution"
# A MyST block whose class list includes "solution", or a titled "Solution" admonition.
BLOCK = re.compile(r"^(:::+|```+)\{[\w-]+\}.*\n(:[\w-]+:.*\n)*?:class:.*\bsolution\b"
                   r"|^(:::+|```+)\{admonition\}\s*Solution", re.MULTILINE)


def is_solution(cell):
    return TAG in cell.get("metadata", {}).get("tags", [])


def stray_solutions(nb):
    """Indices of cells that hold a solution block but are not tagged ``solution``."""
    return [i for i, cell in enumerate(nb.cells)
            if not is_solution(cell) and cell.cell_type == "markdown" and BLOCK.search(cell.source)]


def student_notebook(nb):
    """A copy of notebook ``nb`` without its solution cells (ValueError if one is unmarked)."""
    stray = stray_solutions(nb)
    if stray:
        raise ValueError(f"solution blocks in cells not tagged {TAG!r}: cells {stray}")
    copy = nbformat.from_dict(nb)
    copy.cells = [cell for cell in nb.cells if not is_solution(cell)]
    return copy


def write_edition(out, book=ROOT / "book"):
    """Write the student edition of every notebook in ``book`` to ``out``; return the paths."""
    notebooks = sorted(Path(book).glob("*.ipynb"))
    editions = {path: student_notebook(nbformat.read(path, as_version=4)) for path in notebooks}
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path, nb in editions.items():
        nbformat.write(nb, out / path.name)
        written.append(out / path.name)
    return written


def main(argv):
    out = Path(argv[0]) if argv else ROOT / "_build" / "student"
    try:
        written = write_edition(out)
    except ValueError as e:
        print(f"student edition not written: {e}", file=sys.stderr)
        return 1
    print(f"student edition: {len(written)} notebooks without solutions in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
