"""What every test of bad input asserts: the exact error, a phrase of its message, no warning.

    raises_clearly(lambda: one_hot([-1], 3), ValueError, "is not a class label")

The message must not leak numpy's (or zipfile's, or pickle's) wording: a reader
should never have to decode "gufunc" or "could not broadcast".
"""
import warnings

import pytest

NUMPY_WORDING = ("gufunc", "pickled", "SeedSequence", "could not broadcast", "ComplexWarning",
                 "operands", "ufunc", "inhomogeneous", "setting an array element", "BadZipFile",
                 "truth value of an array", "zero-size array", "not subscriptable")


def raises_clearly(call, error, message):
    """``call()`` raises exactly ``error`` matching the regex ``message``, with no warning.

    Returns the message.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")              # any warning fails the test
        with pytest.raises(error, match=message) as info:
            call()
    assert type(info.value) is error, f"{type(info.value).__name__}: {info.value}"
    text = str(info.value)
    assert not any(w in text for w in NUMPY_WORDING), text
    return text
