"""Stored notebook outputs are portable: no float in them carries 13 or more significant digits.

The last digits of a floating-point result depend on the CPU (BLAS kernels sum
in different orders), so a stored full-precision float makes nbval fail on
another machine.  Every chapter rounds what it prints, displays or glues
(``nnlib.rounding``); this test reads every stored text output of every
``book/*.ipynb`` -- streams, ``text/plain``, ``text/html``, ``image/svg+xml``,
JSON and glue records -- and fails on any longer float.
"""
import json
import re
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"
NOTEBOOKS = sorted(BOOK.glob("*.ipynb"))
LIMIT = 13          # significant digits that count as "full precision"

# A decimal number with a fractional part, optionally signed and with an exponent.
# It must not be part of a longer token (a version "1.0.4", an address "127.0.0.1").
_NUMBER = re.compile(r"(?<![\w.])[-+]?(\d+)\.(\d+)(?:[eE][-+]?\d+)?(?![\w.])")


def significant_digits(integer_part, fraction):
    """Digits of the mantissa, leading zeros dropped: 0.00123 has 3."""
    return len((integer_part + fraction).lstrip("0"))


def long_floats(text, limit=LIMIT):
    """Every number in ``text`` with ``limit`` or more significant digits."""
    return [m.group(0) for m in _NUMBER.finditer(text)
            if significant_digits(m.group(1), m.group(2)) >= limit]


def stored_texts(notebook):
    """(cell index, kind, text) for every stored text output of a notebook."""
    for i, cell in enumerate(notebook.get("cells", [])):
        for output in cell.get("outputs", []):
            if "text" in output:
                yield i, "stream", "".join(output["text"])
            for kind, value in output.get("data", {}).items():
                if kind.startswith("image/") and not kind.endswith("+xml"):
                    continue                                  # base64 pictures
                if isinstance(value, list):
                    value = "".join(value)
                yield i, kind, value if isinstance(value, str) else json.dumps(value)


@pytest.mark.parametrize("text, expected", [
    ("0.2645139558658621", ["0.2645139558658621"]),             # a glued cost, full precision
    ("slope 1.0012416246913731 fitted", ["1.0012416246913731"]),
    ("1437.0000000000002", ["1437.0000000000002"]),
    ("err = 4.543475627516447e-05", ["4.543475627516447e-05"]),
    ('{"w":[-0.09341224466100137,0.5]}', ["-0.09341224466100137"]),
    ("0.000001234567890123", ["0.000001234567890123"]),         # 13 digits after the zeros
    ("0.316227766 and 0.1234567891", []),                       # 9 and 10 digits: portable
    ("0.000000000001", []),                                     # 1 significant digit
    ("version 1.0.4.post1, host 127.0.0.1, ratio 3.5x", []),
    ("1.234567890123", ["1.234567890123"]),                      # exactly 13
    ("1.23456789012", []),                                       # 12
])
def test_the_scanner_finds_full_precision_floats(text, expected):
    assert long_floats(text) == expected


def test_the_scanner_reads_every_kind_of_output():
    long = "0.2645139558658621"
    nb = {"cells": [{"outputs": [
        {"output_type": "stream", "text": [f"cost {long}\n"]},
        {"output_type": "display_data", "data": {"text/plain": long, "text/html": [f"<b>{long}</b>"],
                                                 "image/svg+xml": f'<svg x="{long}"/>',
                                                 "image/png": "iVBORw0KGgo1.2345678901234567",
                                                 "application/papermill.record/text/plain": long}}]}]}
    kinds = [kind for _, kind, text in stored_texts(nb) if long_floats(text)]
    assert kinds == ["stream", "text/plain", "text/html", "image/svg+xml",
                     "application/papermill.record/text/plain"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_stored_output_has_a_full_precision_float(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    found = [f"cell {i} ({kind}): {', '.join(floats[:3])}"
             for i, kind, text in stored_texts(notebook) if (floats := long_floats(text))]
    assert not found, (f"{path.name} stores floats with {LIMIT}+ significant digits; round them "
                       f"at the source (nnlib.rounding.portable, round()):\n" + "\n".join(found))
