"""tools/book_speed.py: pybtex finds the registered plugins without scanning entry points."""
import sys
from pathlib import Path

import pybtex.plugin
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import book_speed  # noqa: E402


def test_registered_plugins_are_found_without_an_entry_point_scan(monkeypatch):
    def no_scan(**kwargs):
        raise AssertionError(f"pybtex scanned the entry points for {kwargs}")
    expected = {key: pybtex.plugin.find_plugin(*key) for key in book_speed.LOOKED_UP}
    book_speed.register_pybtex_plugins()
    monkeypatch.setattr(pybtex.plugin, "entry_points", no_scan)
    for key, plugin in expected.items():
        assert pybtex.plugin.find_plugin(*key) is plugin      # the very class, from the registry
    with pytest.raises(AssertionError, match="scanned"):      # the guard works: others still scan
        pybtex.plugin.find_plugin("pybtex.backends", "latex")
