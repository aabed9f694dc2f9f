"""The book's symbols as plain Unicode text, for slider labels and SVG captions.

The explorers draw no MathJax, so w^(l)_jk is written with Unicode super- and
subscripts: ``w_symbol(1, 0, 1)`` is "w⁽¹⁾₀₁", the weight *to* neuron 0 of
layer 1 *from* neuron 1 of layer 0 (the notation chapter's convention; layer 0
is the input).  Index note: nnlib's ``net.W[l-1]`` holds the book's W^(l).
"""

_SUP = str.maketrans("0123456789()+-LT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻ᴸᵀ")
_SUB = str.maketrans("0123456789jk", "₀₁₂₃₄₅₆₇₈₉ⱼₖ")


def sup(text):
    """``text`` in superscript characters (digits, parentheses, +, -, L, T)."""
    return str(text).translate(_SUP)


def sub(text):
    """``text`` (digits, j, k) in subscript characters."""
    return str(text).translate(_SUB)


def layer(l):
    """The layer superscript "⁽ˡ⁾" for layer number ``l``."""
    return sup(f"({l})")


def w_symbol(l, j, k):
    """w^(l)_jk: the weight to neuron j of layer l from neuron k of layer l-1."""
    sep = "," if j > 9 or k > 9 else ""          # w⁽¹⁾₁₂,₃ when an index has two digits
    return f"w{layer(l)}{sub(j)}{sep}{sub(k)}"


def b_symbol(l, j):
    """b^(l)_j: the bias of neuron j of layer l."""
    return f"b{layer(l)}{sub(j)}"


def num(v, digits=3):
    """A number for an equation line: fixed decimals, a true minus sign, no "-0".

    Numbers too small for ``digits`` decimals (but not 0) get 3 significant
    digits instead, e.g. "2.41e−5", so a tiny gradient never reads as 0.
    """
    text = f"{v:.{digits}f}"
    if float(text) == 0 and v != 0:
        mantissa, exponent = f"{v:.2e}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    elif float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def factor(v, digits=3):
    """``num(v)``, in parentheses when negative (for products such as 0.5·(−0.2))."""
    text = num(v, digits)
    return f"({text})" if text.startswith("−") else text
