"""Round numbers before they are stored, so stored outputs are portable.

The last digits of floating-point results depend on the CPU: BLAS kernels
sum in different orders, so a value can read ``...913731`` on one machine and
``...913736`` on another.  Anything the book stores (a printed line, a glued
value, an explorer's page data) is rounded first, to at most
``SIGNIFICANT`` = 10 significant digits; ``tests/test_portable_outputs.py``
checks every stored output of every chapter.
"""
SIGNIFICANT = 10


def portable(x, digits=SIGNIFICANT):
    """``x`` as a float rounded to ``digits`` significant digits (default 10)."""
    return float(f"{x:.{digits}g}")
