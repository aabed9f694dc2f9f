"""Save/load round trip, and the command line."""
import subprocess
import sys

import numpy as np

from nnlib import Network, load, save
from nnlib.cli import main


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


def test_cli_trains_and_saves(tmp_path, capsys):
    code = main(["train", "--sizes", "64", "10", "10", "--epochs", "3", "--no-progress",
                 "--save", str(tmp_path / "digits.npz")])
    out = capsys.readouterr().out
    assert code == 0
    accuracy = float(out.split("test accuracy:")[1].split()[0])
    assert 0.8 < accuracy <= 1.0
    assert load(tmp_path / "digits.npz").sizes == (64, 10, 10)


def test_cli_reports_bad_flags_clearly(capsys):
    assert main(["train", "--sizes", "64", "10", "--eta", "-1", "--no-progress"]) == 2
    assert "eta must be a finite number > 0, got -1.0" in capsys.readouterr().out
    assert main(["train", "--sizes", "60", "10", "--no-progress"]) == 2
    assert "X must have 60 features" in capsys.readouterr().out


def test_help_explains_every_flag():
    out = subprocess.run([sys.executable, "-m", "nnlib", "train", "--help"],
                         capture_output=True, text=True, check=True).stdout
    for flag in ["--sizes", "--epochs", "--batch-size", "--eta", "--seed", "--save"]:
        assert flag in out
