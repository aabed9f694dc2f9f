"""Save a network to a ``.npz`` file and load it back, without pickle."""
import numpy as np

from .network import Network


def save(net, path):
    """Write ``net``'s sizes, activations, W and b to ``path`` (.npz)."""
    arrays = {"sizes": np.array(net.sizes),
              "activation": np.array(net.activation),
              "output_activation": np.array(net.output_activation)}
    for l in range(net.L):
        arrays[f"W{l}"], arrays[f"b{l}"] = net.W[l], net.b[l]
    np.savez(path, **arrays)


def load(path):
    """Read a network written by :func:`save`; a bad file raises ValueError."""
    try:
        with np.load(path, allow_pickle=False) as f:
            data = {k: f[k] for k in f.files}
    except (OSError, ValueError, EOFError) as err:
        raise ValueError(f"cannot read a saved network from {str(path)!r}: {err}") from None
    for key in ("sizes", "activation", "output_activation"):
        _require(data, key, path)
    sizes = [int(n) for n in data["sizes"]]
    net = Network(sizes, str(data["activation"]), str(data["output_activation"]))
    for l in range(net.L):
        net.W[l] = _array(data, f"W{l}", net.W[l].shape, path)
        net.b[l] = _array(data, f"b{l}", net.b[l].shape, path)
    return net


def _require(data, key, path):
    if key not in data:
        raise ValueError(f"{str(path)!r} is not a saved network: array {key!r} is missing")


def _array(data, key, shape, path):
    _require(data, key, path)
    A = np.asarray(data[key], dtype=np.float64)
    if A.shape != shape:
        raise ValueError(f"{str(path)!r}: array {key!r} has shape {A.shape}, "
                         f"expected {shape} for sizes {list(data['sizes'])}")
    if not np.isfinite(A).all():
        raise ValueError(f"{str(path)!r}: array {key!r} contains non-finite values")
    return A.copy()
