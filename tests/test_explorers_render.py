"""A move redraws only what changed (core.js's nnx.render), and the picture is still exactly what draw() says.

nnx.render parses the new markup in a template and changes the live SVG in
place (attributes, text, children), so that the browser restyles and lays out
only what a move changed.  Checked here: on made-up markup (attributes
removed, children added, dropped and of another tag, text changed), and for
every explorer after moves of every control, the live picture must serialize
exactly as the markup draw() returns for the page's values would on its own;
and an explorer's clip ids stay the same from one redraw to the next.
"""
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from test_explorers_access import CLASSES, made

# Markup with each element's attributes in name order (a node changed in place keeps the
# order its attributes were first set in, which is no difference to the picture).
CANON_JS = """const canon = (n) => n.nodeType === 3 ? n.nodeValue : n.nodeType !== 1 ? '' :
  '<' + n.nodeName + [...n.attributes].map(a => ' ' + a.name + '="' + a.value + '"').sort().join('') + '>' +
  [...n.childNodes].map(canon).join('') + '</' + n.nodeName + '>';
const markupOf = (el) => [...el.childNodes].map(canon).join('');"""

# The markup the page's picture must equal: draw() for its current values, parsed alone.
FRESH_JS = """() => {
  %s
  const root = document.querySelector('[data-explorer]');
  const values = Object.fromEntries(root.nnxControls.map(i => [i.dataset.control, JSON.parse(JSON.stringify(
    i.dataset.kind === 'options' ? JSON.parse(i.dataset.options)[Math.round(Number(i.value))]
    : i.dataset.kind === 'log' ? Math.pow(10, Number(i.value)) : Number(i.value)))]));
  const kind = nnx.kinds[root.dataset.explorer];
  const t = document.createElement('template');
  t.innerHTML = nnx.markup(root, values, kind.compute(root.nnxData, values));
  const view = root.querySelector('.nnx-view');
  return {fresh: markupOf(t.content), live: markupOf(view),
          clips: [...view.querySelectorAll('clipPath')].map(c => c.id)};
}""" % CANON_JS

RENDER_JS = """([before, after]) => {
  %s
  const view = document.createElement('div');
  document.body.appendChild(view);
  nnx.render(view, before);
  const kept = view.querySelector('[data-keep]');
  nnx.render(view, after);
  const t = document.createElement('template');
  t.innerHTML = after;
  const out = {live: markupOf(view), fresh: markupOf(t.content), kept: view.querySelector('[data-keep]') === kept};
  view.remove();
  return out;
}""" % CANON_JS
CASES = [
    ('<svg width="10"><circle data-keep="1" cx="1" r="2" fill="red"/><text x="1">a</text></svg>',
     '<svg width="20"><circle data-keep="1" cx="3" r="2"/><text x="1">b</text><line x1="0"/></svg>'),
    ('<svg><circle data-keep="1"/><rect/><rect/><text>a<tspan>b</tspan></text></svg>',
     '<svg><circle data-keep="1" class="nnx-f-pos"/><line/></svg>'),
    ('<svg><circle data-keep="1"/></svg>', '<svg><circle data-keep="1"/><text>new</text></svg>'),
    ('<svg><circle data-keep="1"/></svg>', '<div><b>other</b></div>'),
]


def test_render_changes_the_live_picture_into_the_new_markup(browser, tmp_path):
    page, errors = ep.open_page(browser, made(explorers.NeuronExplorer), tmp_path / "render.html")
    for before, after in CASES:
        out = page.evaluate(RENDER_JS, [before, after])
        assert out["live"] == out["fresh"], (before, after)
        assert out["kept"] == after.startswith("<svg"), (before, after)   # same node, changed in place
    assert not errors, errors


# A Figure drawn over another: parts kept, changed, gone and new, in the middle and at the
# ends, duplicates and empty parts among them, as random sequences of part lists (seeded);
# parts with character references, and parts core.js leaves to the browser's parser.
FIGURES_JS = """([seed, rounds]) => {
  %s
  let state = seed;
  const rand = (n) => { state = (1664525 * state + 1013904223) %% 4294967296; return state %% n; };
  const pool = ['', '<circle cx="1" r="2"/>', '<circle cx="2" r="2"/>', '<text x="1">a</text>', '<text x="1">b</text>',
    '<rect width="3"/><line x1="1"/>', '<path d="M0 0h1"/>', '<g><text>c</text></g>',
    '<text x="2">w &gt; 0 &amp; &#8722;1 &#x2082;</text>', '<text aria-label="a &quot;b&quot;">x<tspan dy="2">2</tspan></text>',
    '<text>&nbsp;x</text>', '<!-- a comment --><circle r="1"/>', '<circle r="1">'];   // the last three: read by the browser
  const view = document.createElement('div');
  document.body.appendChild(view);
  let parts = [], bad = [];
  for (let r = 0; r < rounds; r++) {
    const next = parts.slice();
    for (let e = rand(4); e >= 0; e--) {         // a few edits: change, insert or drop a part
      const at = rand(next.length + 1), what = rand(3);
      if (what === 0 && at < next.length) next[at] = pool[rand(pool.length)];
      else if (what === 1) next.splice(at, 0, pool[rand(pool.length)]);
      else next.splice(at, 1);
    }
    const figure = new nnx.Figure('<svg width="9">', next);
    nnx.render(view, figure);
    const t = document.createElement('template');
    t.innerHTML = String(figure);
    if (markupOf(view) !== markupOf(t.content)) bad.push(r);
    parts = next;
  }
  view.remove();
  return bad;
}""" % CANON_JS


def test_a_figure_over_a_figure_patches_only_its_parts(browser, tmp_path):
    page, errors = ep.open_page(browser, made(explorers.NeuronExplorer), tmp_path / "figures.html")
    for seed in range(5):
        assert page.evaluate(FIGURES_JS, [seed, 200]) == [], seed
    # an unchanged part keeps its node even when a part is inserted before it
    same = page.evaluate("""() => {
      const view = document.createElement('div'); document.body.appendChild(view);
      nnx.render(view, new nnx.Figure('<svg>', ['<circle r="1"/>', '<text>t</text>']));
      const text = view.querySelector('text');
      nnx.render(view, new nnx.Figure('<svg>', ['<circle r="1"/>', '<rect/>', '<text>t</text>']));
      const out = [view.querySelector('text') === text, view.firstChild.childNodes.length];
      view.remove(); return out; }""")
    assert same == [True, 3]
    assert not errors, errors


@pytest.mark.parametrize("cls", [c for c in CLASSES if c.kind != "playground"], ids=lambda c: c.kind)
def test_every_redraw_equals_a_fresh_drawing(browser, tmp_path, cls):
    e = made(cls)
    page, errors = ep.open_page(browser, e, tmp_path / f"{cls.kind}.html")
    first = page.evaluate(FRESH_JS)
    assert first["live"] == first["fresh"]
    ranges = page.evaluate(ep.STATE_JS)["ranges"]
    for name, (lo, hi, step) in ranges.items():
        for position in ep.three_positions(lo, hi, step)[::-1]:
            page.evaluate(ep.MOVE_JS, [name, position])
            now = page.evaluate(FRESH_JS)
            assert now["live"] == now["fresh"], f"{cls.kind}: {name}={position}"
            assert now["clips"] == first["clips"] or not first["clips"], f"{cls.kind}: clip ids changed"
    page.click(".nnx-reset")
    assert page.evaluate(FRESH_JS)["live"] == first["live"], "reset did not restore the picture"
    assert not errors, errors
