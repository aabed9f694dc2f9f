"""Save a network to a ``.npz`` file and load it back, without pickle.

File names work as in ``numpy.savez``: a name that does not end in ".npz"
gets it added.  :func:`load` looks for the same name, so ``save(net, "x")``
writes ``x.npz`` and ``load("x")`` reads it back.
"""
import os
import zipfile
import zlib

import numpy as np

from .checks import check_network, check_path
from .network import Network

ZIP_MAGIC = b"PK\x03\x04"     # every .npz file is a zip archive and starts with these bytes


def npz_name(path):
    """The file :func:`save` writes for ``path``: ``path`` + ".npz" unless it ends in it."""
    path = check_path("path", path)
    return path if path.endswith(".npz") else path + ".npz"


def save(net, path):
    """Write ``net``'s sizes, activations, W and b to ``path`` (.npz).

    Returns the name of the file written (``path``, with ".npz" added if it
    was missing).
    """
    check_network(net)
    file = npz_name(path)
    folder = os.path.dirname(file) or "."
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"cannot save to {file!r}: there is no folder {folder!r}")
    arrays = {"sizes": np.array(net.sizes),
              "activation": np.array(net.activation),
              "output_activation": np.array(net.output_activation)}
    for l in range(net.L):
        arrays[f"W{l}"], arrays[f"b{l}"] = net.W[l], net.b[l]
    np.savez(file, **arrays)
    return file


def load(path):
    """Read a network written by :func:`save`.

    A missing file raises ``FileNotFoundError``; a file that is not a saved
    network (text, a damaged or truncated archive, Python objects, missing or
    misshapen arrays) raises ``ValueError`` saying which.
    """
    file = _find(path)
    data = _read(file)
    for key in ("sizes", "activation", "output_activation"):
        _require(data, key, file)
    sizes = data["sizes"]
    if sizes.ndim != 1 or sizes.dtype.kind not in "iu":
        raise ValueError(f"{file!r}: array 'sizes' must be a list of integer layer widths, "
                         f"got {sizes!r}")
    try:
        net = Network([int(n) for n in sizes], str(data["activation"]),
                      str(data["output_activation"]))
    except (TypeError, ValueError) as err:
        raise ValueError(f"{file!r} is not a valid saved network: {err}") from None
    for l in range(net.L):
        net.W[l] = _array(data, f"W{l}", net.W[l].shape, file)
        net.b[l] = _array(data, f"b{l}", net.b[l].shape, file)
    return net


def _find(path):
    """The file to read for ``path``: the name save would write, else path itself."""
    path = check_path("path", path)
    for file in dict.fromkeys([npz_name(path), path]):
        if os.path.isfile(file):
            return file
    if os.path.isdir(path):
        raise ValueError(f"{path!r} is a folder, not a saved network")
    also = f" (nor {npz_name(path)!r})" if npz_name(path) != path else ""
    raise FileNotFoundError(f"no saved network at {path!r}{also}")


def _read(file):
    """Every array of the .npz archive ``file``, as {name: array}."""
    with open(file, "rb") as f:
        if f.read(len(ZIP_MAGIC)) != ZIP_MAGIC:
            raise ValueError(f"{file!r} is not a saved network: it is not an .npz archive "
                             f"(the zip of arrays that nnlib.save writes)")
        f.seek(0)
        try:
            with np.load(f, allow_pickle=False) as npz:
                return {k: npz[k] for k in npz.files}
        except ValueError:
            raise ValueError(f"{file!r} is not a saved network: it holds Python objects or "
                             f"unreadable arrays, and load reads only the plain arrays of "
                             f"numbers and names that save writes") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise ValueError(f"{file!r} is damaged or truncated: it cannot be read as an .npz "
                             f"archive") from None


def _require(data, key, file):
    if key not in data:
        raise ValueError(f"{file!r} is not a saved network: array {key!r} is missing")


def _array(data, key, shape, file):
    _require(data, key, file)
    A = data[key]
    if A.dtype.kind not in "iuf":
        raise ValueError(f"{file!r}: array {key!r} must hold real numbers, got dtype {A.dtype}")
    if A.shape != shape:
        raise ValueError(f"{file!r}: array {key!r} has shape {A.shape}, "
                         f"expected {shape} for sizes {list(data['sizes'])}")
    if not np.isfinite(A).all():
        raise ValueError(f"{file!r}: array {key!r} contains non-finite values")
    return A.astype(np.float64)
