"""Small data sets that ship with scikit-learn or are made on the spot.

Nothing is downloaded.  Inputs are scaled to [0, 1] (the feedforward chapter
explains why), and class targets are one-hot rows.
"""
from dataclasses import dataclass

import numpy as np

from .checks import check_labels, check_number, check_positive, check_seed


@dataclass
class Split:
    """A train/test split.

    Attributes
    ----------
    X_train, X_test : ndarray of shape (n, n_features), scaled to [0, 1]
    Y_train, Y_test : ndarray of shape (n, n_outputs), e.g. one-hot rows
    y_train, y_test : ndarray of shape (n,), the integer class labels
    """
    X_train: np.ndarray
    X_test: np.ndarray
    Y_train: np.ndarray
    Y_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray


def one_hot(y, n_classes):
    """Rows of 0s with a 1 in column y[i]; shape (len(y), n_classes).

    ``y`` holds integer labels from 0 to n_classes - 1 (anything else is an
    error, never wrapped around or clipped).
    """
    y = check_labels(y, check_positive("n_classes", n_classes, integer=True))
    Y = np.zeros((len(y), n_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y


TEST_SIZE_RANGE = (0.006, 0.994)   # keeps >= 10 rows (one per class) in each set


def load_digits(test_size=0.2, seed=0):
    """scikit-learn's 8x8 handwritten digits, ready for a [64, ..., 10] network.

    The 1797 images are split (stratified, seeded) into train and test sets,
    then every pixel is scaled to [0, 1] by a ``MinMaxScaler`` fitted on the
    training set only (``clip=True`` keeps test pixels inside [0, 1]).
    With the defaults: 1437 training rows and 360 test rows.  ``test_size``
    must leave at least one image per digit in both sets (0.006 to 0.994).
    """
    from sklearn.datasets import load_digits as sk_digits
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import MinMaxScaler

    check_number("test_size", test_size, *TEST_SIZE_RANGE,
                 " (a fraction that leaves each set at least one image per digit)")
    check_seed(seed)
    data = sk_digits()
    X_tr, X_te, y_tr, y_te = train_test_split(
        data.data, data.target, test_size=test_size, random_state=seed,
        stratify=data.target)
    scaler = MinMaxScaler(clip=True).fit(X_tr)
    return Split(scaler.transform(X_tr), scaler.transform(X_te),
                 one_hot(y_tr, 10), one_hot(y_te, 10), y_tr, y_te)


def xor():
    """The four XOR points: X of shape (4, 2), Y of shape (4, 1)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, Y


def curve(n=20, noise=0.03, seed=0):
    """A 1-D regression set: y = 0.5 + 0.35 sin(2 pi x) plus noise, x in [0, 1].

    Targets stay inside (0, 1), so a sigmoid output can fit them.
    Returns X of shape (n, 1) and Y of shape (n, 1), sorted by x.
    """
    _check_sample(n, noise, seed)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 1.0, n))
    y = 0.5 + 0.35 * np.sin(2 * np.pi * x) + noise * rng.normal(size=n)
    return x.reshape(-1, 1), y.reshape(-1, 1)


def moons(n=200, noise=0.2, seed=0):
    """scikit-learn's two interleaving half-moons, scaled to [0, 1].

    Returns X of shape (n, 2) and Y of shape (n, 1) with 0/1 targets.
    """
    from sklearn.datasets import make_moons
    from sklearn.preprocessing import MinMaxScaler

    _check_sample(n, noise, seed)
    X, y = make_moons(n_samples=n, noise=noise, random_state=seed)
    return MinMaxScaler().fit_transform(X), y.reshape(-1, 1).astype(float)


def _check_sample(n, noise, seed):
    """The arguments every made-up data set shares."""
    check_positive("n", n, integer=True)
    check_positive("noise", noise, allow_zero=True)
    check_seed(seed)
