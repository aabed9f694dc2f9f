"""Save/load round trip and bad files, and the command line with good and bad flags."""
import pickle
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

from nnlib import History, Network, load, save
from nnlib.cli import failure, main
from clear_errors import NUMPY_WORDING, raises_clearly


def test_save_load_round_trip(tmp_path):
    net = Network([3, 5, 2], activation="tanh", output_activation="identity", seed=3)
    net.b[0][:] = [1, 2, 3, 4, 5]
    save(net, tmp_path / "net.npz")
    back = load(tmp_path / "net.npz")
    assert back.sizes == net.sizes and back.activation == "tanh" and back.output_activation == "identity"
    X = np.random.default_rng(0).normal(size=(4, 3))
    np.testing.assert_array_equal(back.forward(X), net.forward(X))
    with np.load(tmp_path / "net.npz", allow_pickle=False) as f:   # readable without pickle
        assert sorted(f.files) == ["W0", "W1", "activation", "b0", "b1", "output_activation", "sizes"]


@pytest.mark.parametrize("saved, written, loaded", [
    ("x", "x.npz", "x"),                  # save adds .npz, load finds it
    ("x", "x.npz", "x.npz"),
    ("x.npz", "x.npz", "x"),
    ("x.npz", "x.npz", "x.npz"),          # never x.npz.npz
    ("net.v2", "net.v2.npz", "net.v2"),
])
@pytest.mark.parametrize("as_path", [False, True])
def test_save_and_load_agree_on_the_file_name(tmp_path, saved, written, loaded, as_path):
    net = Network([2, 3, 1], seed=5)
    name = (tmp_path / saved) if as_path else str(tmp_path / saved)
    assert save(net, name) == str(tmp_path / written)
    assert [p.name for p in tmp_path.iterdir()] == [written]
    back = load((tmp_path / loaded) if as_path else str(tmp_path / loaded))
    np.testing.assert_array_equal(back.W[0], net.W[0])


def test_load_reads_a_file_without_npz_suffix_too(tmp_path):
    save(Network([2, 1]), tmp_path / "net")
    (tmp_path / "net.npz").rename(tmp_path / "renamed.bin")
    assert load(tmp_path / "renamed.bin").sizes == (2, 1)


# ---- bad files: each writer makes a file at `path`, then load(path) must say what is wrong ----
def good_arrays():
    net = Network([3, 4, 2])
    arrays = {"sizes": np.array(net.sizes), "activation": np.array(net.activation),
              "output_activation": np.array(net.output_activation)}
    for l in range(net.L):
        arrays[f"W{l}"], arrays[f"b{l}"] = net.W[l], net.b[l]
    return arrays


def truncated(path):
    save(Network([3, 4, 2]), path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def changed(path, **arrays):
    np.savez(path, **{**good_arrays(), **arrays})


def without(path, key):
    np.savez(path, **{k: v for k, v in good_arrays().items() if k != key})


BAD_FILES = [
    (lambda p: None, FileNotFoundError, r"no saved network at '.*missing.npz'"),
    (lambda p: p.write_text("hello, this is text\n"), ValueError, "not a saved network: it is not an .npz archive"),
    (lambda p: p.write_bytes(b""), ValueError, "it is not an .npz archive"),
    (lambda p: p.write_bytes(pickle.dumps({"W0": [1, 2]})), ValueError, "it is not an .npz archive"),
    (lambda p: np.save(str(p.with_suffix(".npy")), np.zeros(3)) or p.with_suffix(".npy").rename(p),
     ValueError, "it is not an .npz archive"),
    (truncated, ValueError, "is damaged or truncated: it cannot be read as an .npz archive"),
    (lambda p: p.write_bytes(b"PK\x03\x04 and then nothing sensible"), ValueError, "damaged or truncated"),
    (lambda p: np.savez(p, W0=np.array([{"a": 1}], dtype=object)), ValueError,
     "holds Python objects or unreadable arrays"),
    (lambda p: np.savez(p, weights=np.zeros(3)), ValueError, "not a saved network: array 'sizes' is missing"),
    (lambda p: without(p, "b1"), ValueError, "array 'b1' is missing"),
    (lambda p: without(p, "activation"), ValueError, "array 'activation' is missing"),
    (lambda p: changed(p, W0=np.zeros((4, 4))), ValueError, r"'W0' has shape \(4, 4\), expected \(4, 3\)"),
    (lambda p: changed(p, b1=np.zeros((2, 1))), ValueError, r"'b1' has shape \(2, 1\), expected \(2,\)"),
    (lambda p: changed(p, W1=np.full((2, 4), np.nan)), ValueError, "'W1' contains non-finite"),
    (lambda p: changed(p, W0=np.zeros((4, 3), dtype=complex)), ValueError, "'W0' must hold real numbers, got dtype complex128"),
    (lambda p: changed(p, W0=np.full((4, 3), "a")), ValueError, "'W0' must hold real numbers, got dtype <U1"),
    (lambda p: changed(p, sizes=np.array([3.0, 4.0, 2.0])), ValueError, "'sizes' must be a list of integer layer widths"),
    (lambda p: changed(p, sizes=np.array([3, 0, 2])), ValueError,
     r"not a valid saved network: sizes\[1\] must be a positive integer"),
    (lambda p: changed(p, activation=np.array("swish")), ValueError,
     "not a valid saved network: unknown activation 'swish'"),
    (lambda p: p.mkdir(), ValueError, "is a folder, not a saved network"),
]


@pytest.mark.parametrize("write, error, message", BAD_FILES, ids=[m[:40] for _, _, m in BAD_FILES])
def test_bad_files_get_a_clear_message(tmp_path, write, error, message):
    path = tmp_path / ("missing.npz" if error is FileNotFoundError else "bad.npz")
    write(path)
    raises_clearly(lambda: load(path), error, message)


@pytest.mark.parametrize("call, error, message", [
    (lambda d: load(5), TypeError, "path must be a file name.*got 5"),
    (lambda d: load(""), ValueError, "path must be a non-empty file name"),
    (lambda d: load(d / "nothing"), FileNotFoundError, r"no saved network at '.*nothing' \(nor '.*nothing.npz'\)"),
    (lambda d: save(Network([2, 1]), None), TypeError, "path must be a file name.*got None"),
    (lambda d: save(Network([2, 1]), d / "no" / "such" / "x"), FileNotFoundError, "cannot save to .*there is no folder"),
    (lambda d: save("net", d / "x"), TypeError, "net must be an nnlib Network.*'net'"),
    (lambda d: save([2, 1], d / "x"), TypeError, "net must be an nnlib Network"),
])
def test_bad_save_and_load_arguments(tmp_path, call, error, message):
    raises_clearly(lambda: call(tmp_path), error, message)


# ---- the command line ---------------------------------------------------------------------
def test_cli_trains_and_saves(tmp_path, capsys):
    code = main(["train", "--sizes", "64", "10", "10", "--epochs", "3", "--no-progress",
                 "--save", str(tmp_path / "digits")])
    out = capsys.readouterr().out
    assert code == 0
    accuracy = float(out.split("test accuracy:")[1].split()[0])
    assert 0.8 < accuracy <= 1.0
    assert f"saved to {tmp_path / 'digits.npz'}" in out
    assert load(tmp_path / "digits").sizes == (64, 10, 10)


@pytest.mark.parametrize("flags, message", [
    (["--epochs", "0"], "argument --epochs: must be an integer >= 1, got 0"),
    (["--epochs", "-3"], "argument --epochs: must be an integer >= 1, got -3"),
    (["--epochs", "2.5"], "argument --epochs: must be an integer, got '2.5'"),
    (["--batch-size", "0"], "argument --batch-size: must be an integer >= 1, got 0"),
    (["--batch-size", "ten"], "argument --batch-size: must be an integer, got 'ten'"),
    (["--eta", "0"], "argument --eta: must be a finite number > 0, got 0"),
    (["--eta", "-1"], "argument --eta: must be a finite number > 0, got -1"),
    (["--eta", "nan"], "argument --eta: must be a finite number > 0, got nan"),
    (["--eta", "inf"], "argument --eta: must be a finite number > 0, got inf"),
    (["--eta", "fast"], "argument --eta: must be a number > 0, got 'fast'"),
    (["--seed", "-1"], "argument --seed: must be an integer from 0 to 4294967295, got -1"),
    (["--seed", "x"], "argument --seed: must be an integer, got 'x'"),
    (["--sizes", "60", "10"], "argument --sizes: must start with 64 .* and end with 10 .*got 60 10"),
    (["--sizes", "64", "30", "5"], "argument --sizes: must start with 64.*got 64 30 5"),
    (["--sizes", "64"], "argument --sizes: must start with 64.*got 64"),
    (["--sizes", "64", "0", "10"], "argument --sizes: must be an integer >= 1, got 0"),
    (["--sizes", "64", "-30", "10"], "argument --sizes: must be an integer >= 1, got -30"),
    (["--save", "/no/such/folder/net.npz"], "argument --save: there is no folder '/no/such/folder'"),
    (["--epochs"], "argument --epochs: expected one argument"),
    (["--learning-rate", "3"], "unrecognized arguments: --learning-rate 3"),
])
def test_cli_rejects_nonsense_before_training(capsys, flags, message):
    with pytest.raises(SystemExit) as exit_:
        main(["train", "--no-progress", *flags])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""                                          # no training, no accuracy
    assert "usage: python -m nnlib" in err
    assert re.search(f"python -m nnlib( train)?: error: {message}", err), err


def test_cli_says_plainly_when_eta_is_too_large(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code = main(["train", "--eta", "300", "--epochs", "2", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "accuracy:" not in out and "trained" not in out
    assert err.startswith("training failed: eta = 300 is too large.")
    assert "saturation" in err and "does not diverge" in err and "--eta 3" in err
    assert not any(w in err for w in NUMPY_WORDING)


def test_cli_failure_messages():
    """failure() reads a History: a non-finite cost is a divergence; a healthy run is fine."""
    net = Network([64, 30, 10], seed=0)
    X = np.random.default_rng(0).uniform(size=(20, 64))
    diverged = History(cost=[1.0], accuracy=[0.1], diverged={"epoch": 2, "step": 7})
    assert failure(diverged, net, X, 50.0).startswith(
        "training diverged at epoch 2, step 7: the cost became\ninfinite or NaN, because eta = 50")
    assert "--eta 0.1" in failure(diverged, net, X, 1.0)       # never advises the same eta
    assert failure(History(cost=[0.5], accuracy=[0.15]), net, X, 3.0) is None   # not saturated


def test_help_explains_every_flag():
    out = subprocess.run([sys.executable, "-m", "nnlib", "train", "--help"],
                         capture_output=True, text=True, check=True).stdout
    for flag in ["--sizes", "--epochs", "--batch-size", "--eta", "--seed", "--save"]:
        assert flag in out
