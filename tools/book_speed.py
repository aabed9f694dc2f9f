"""Sphinx extension: the book's build, faster, with the same pages.

_config.yml loads it (sphinx.local_extensions).

- sphinxcontrib-bibtex asks pybtex for its "plaintext" backend once per
  citation, and pybtex looks the name up among the installed packages' entry
  points every time: some 20 ms a lookup, over a second for the book's 53
  citations. Registering the class that lookup finds, once, with pybtex's
  own ``register_plugin`` (``force=True``: the name is installed already, so
  pybtex would otherwise decline), makes later lookups a dictionary read,
  since pybtex consults its registry before the entry points. ``tests/test_book_speed.py`` checks it.
"""
from pybtex.plugin import find_plugin, register_plugin

LOOKED_UP = (("pybtex.backends", "plaintext"),)


def register_pybtex_plugins():
    for group, name in LOOKED_UP:
        register_plugin(group, name, find_plugin(group, name), force=True)


def setup(app):
    register_pybtex_plugins()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
