"""Sphinx extension: two accessibility fixes to the HTML the book's toolchain writes.

_config.yml loads it (sphinx.local_extensions). It edits each page's body
before the theme wraps it; tests/test_accessibility.py runs axe-core on the
result.

- docutils writes the bibliography as a <div role="list"> whose entries have
  role="doc-biblioentry". A list must hold list items (axe-core rule
  aria-required-children, critical), and doc-biblioentry is deprecated
  (aria-deprecated-role). The entries become role="listitem".
- myst-nb gives the toggle of a hidden code cell aria-label="Toggle hidden
  content" while it shows "Show code cell source". A spoken name that differs
  from the visible one defeats speech input (label-content-name-mismatch,
  serious). The aria-label goes, so the visible text names the toggle.
"""

FIXES = (
    ('role="doc-biblioentry"', 'role="listitem"'),
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
)


def fix_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        for old, new in FIXES:
            body = body.replace(old, new)
        context["body"] = body


def setup(app):
    app.connect("html-page-context", fix_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
