"""Every bad input gets a clear error naming the argument, the value and what was expected."""
import numpy as np
import pytest

from nnlib import Network, load, save, sgd

net = Network([3, 4, 2])
X, Y = np.zeros((5, 3)), np.zeros((5, 2))


@pytest.mark.parametrize("call, error, message", [
    (lambda: net.backprop(X, Y[:4]), ValueError, "same number of rows.*X with 5 and Y with 4"),
    (lambda: net.forward(np.zeros((5, 4))), ValueError, r"X must have 3 features.*\(5, 4\)"),
    (lambda: net.cost(X, np.zeros((5, 3))), ValueError, r"Y must have 2 columns.*\(5, 3\)"),
    (lambda: net.cost(np.where(X == 0, np.nan, X), Y), ValueError, "X must contain only finite.*nan at row 0"),
    (lambda: net.cost(X, np.full((5, 2), np.inf)), ValueError, "Y must contain only finite.*inf"),
    (lambda: net.forward(np.zeros(3)), ValueError, r"X must be 2-D.*shape \(3,\).*reshape\(1, -1\)"),
    (lambda: net.forward([["a", "b", "c"]]), TypeError, "X must be an array of numbers"),
    (lambda: Network([3]), ValueError, r"at least 2 layers.*\[3\]"),
    (lambda: Network([3, 0, 2]), ValueError, r"sizes\[1\] must be a positive integer, got 0"),
    (lambda: Network([3, -1, 2]), ValueError, r"sizes\[1\].*got -1"),
    (lambda: Network([3, 2.5, 2]), TypeError, r"sizes\[1\] must be a positive integer, got 2.5"),
    (lambda: Network(5), TypeError, "sizes must be a list of layer widths.*got 5"),
    (lambda: sgd(net, X, Y, 1, 2, eta=0), ValueError, "eta must be a finite number > 0, got 0"),
    (lambda: sgd(net, X, Y, 1, 2, eta=-0.1), ValueError, r"eta must be.*got -0.1"),
    (lambda: sgd(net, X, Y, 1, 2, eta=float("nan")), ValueError, "eta must be.*got nan"),
    (lambda: sgd(net, X, Y, 1, 2, eta=float("inf")), ValueError, "eta must be.*got inf"),
    (lambda: sgd(net, X, Y, 1, 0, eta=1.0), ValueError, "batch_size must be a finite integer > 0, got 0"),
    (lambda: sgd(net, X, Y, 1, 2.5, eta=1.0), TypeError, "batch_size must be an integer"),
    (lambda: sgd(net, X, Y, -1, 2, eta=1.0), ValueError, "epochs must be a finite integer >= 0, got -1"),
    (lambda: sgd(net, X, Y, 1, 2, eta=1.0, X_val=X[:, :2], Y_val=Y), ValueError, "X must have 3 features"),
    (lambda: Network([2, 2], activation="sigmod"), ValueError, "unknown activation 'sigmod'; expected one of 'sigmoid'"),
    (lambda: Network([2, 2], output_activation="soft"), ValueError, "unknown activation 'soft'"),
    (lambda: net.cost(X, Y, cost="cross"), ValueError, "unknown cost 'cross'; expected one of 'mse', 'sse'"),
    (lambda: sgd(net, X, Y, 1, 2, 1.0, cost="l1"), ValueError, "unknown cost 'l1'"),
    (lambda: Network([2, 2], init="he"), ValueError, "unknown init 'he'; expected one of 'random', 'glorot', 'constant'"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_corrupt_and_mismatched_save_files(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(ValueError, match="cannot read a saved network"):
        load(bad)
    with pytest.raises(ValueError, match="cannot read a saved network"):
        load(tmp_path / "missing.npz")
    good = tmp_path / "good.npz"
    save(Network([3, 4, 2]), good)
    with np.load(good) as f:
        arrays = {k: f[k] for k in f.files}
    np.savez(tmp_path / "no_b1.npz", **{k: v for k, v in arrays.items() if k != "b1"})
    with pytest.raises(ValueError, match="array 'b1' is missing"):
        load(tmp_path / "no_b1.npz")
    np.savez(tmp_path / "shape.npz", **{**arrays, "W0": np.zeros((4, 4))})
    with pytest.raises(ValueError, match=r"'W0' has shape \(4, 4\), expected \(4, 3\)"):
        load(tmp_path / "shape.npz")
    np.savez(tmp_path / "nan.npz", **{**arrays, "W1": np.full((2, 4), np.nan)})
    with pytest.raises(ValueError, match="'W1' contains non-finite"):
        load(tmp_path / "nan.npz")
    np.savez(tmp_path / "other.npz", weights=np.zeros(3))
    with pytest.raises(ValueError, match="not a saved network: array 'sizes' is missing"):
        load(tmp_path / "other.npz")
