"""axe-core on every page of the built book, in the light and in the dark theme.

axe-core (npm package, node_modules/axe-core/axe.min.js; the book never serves
it) is loaded into each page once the page has rendered, and runs its default
rules; in the dark theme only the rule that depends on it, color-contrast,
runs again. A violation counts as the book's own when its element lies inside the
page's <article class="bd-article">, the chapter itself: text, maths, cell
outputs, figures and explorers. The book's own content must have no serious
or critical violation. The rest of the page (navigation bar, sidebars, search)
is the theme's: its violations are reported, not failed on.

Every count, by page, theme, owner and impact, goes to _build/axe-report.json;
the last test prints the table.
"""
import json

import pytest

import browser_support as bs

PAGES = bs.toc_pages()
THEMES = ["light", "dark"]
AXE = bs.ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORT = bs.ROOT / "_build" / "axe-report.json"
IMPACTS = ["critical", "serious", "moderate", "minor"]

RUN_AXE = """async (rules) => {
  const options = {resultTypes: ['violations']};
  if (rules) options.runOnly = rules;
  const result = await axe.run(document, options);
  return result.violations.flatMap(v => v.nodes.map(n => {
    const el = document.querySelector(n.target[0]);
    return {rule: v.id, impact: v.impact, help: v.help, target: n.target.join(' '),
            html: n.html.slice(0, 200),
            ours: !!(el && el.closest('article.bd-article'))};
  }));
}"""

results = {}


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    if results:
        REPORT.write_text(json.dumps(results, indent=1))


def counts(nodes):
    table = {}
    for owner in ("ours", "theme"):
        mine = [n for n in nodes if n["ours"] == (owner == "ours")]
        table[owner] = {impact: sum(n["impact"] == impact for n in mine) for impact in IMPACTS}
        table[owner]["rules"] = sorted({n["rule"] for n in mine})
    return table


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_no_serious_violations_in_the_book(open_page, docname, theme):
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `make book` (npm ci installs axe-core)")
    page, _ = open_page(docname, theme=theme)
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    page.add_script_tag(path=str(AXE))
    nodes = page.evaluate(RUN_AXE, ["color-contrast"] if theme == "dark" else None)
    results[f"{docname.split('/')[-1]} {theme}"] = {"counts": counts(nodes), "nodes": nodes}
    bad = [n for n in nodes if n["ours"] and n["impact"] in ("serious", "critical")]
    assert not bad, "axe-core, in the book's content:\n" + "\n".join(
        f"{n['impact']} {n['rule']} ({n['help']}): {n['target']}\n    {n['html']}" for n in bad)


def test_report(capsys):
    """Print the table of every violation found above (it fails only if nothing ran)."""
    assert results, "the axe tests did not run"
    with capsys.disabled():
        print(f"\naxe-core {len(results)} page views, nodes by impact (critical/serious/moderate/minor)")
        for view, data in results.items():
            c = data["counts"]
            cell = lambda o: "/".join(str(c[o][i]) for i in IMPACTS) + " " + ",".join(c[o]["rules"])
            print(f"  {view:28} ours {cell('ours'):30} theme {cell('theme')}")
