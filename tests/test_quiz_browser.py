"""Every quiz on every page of the built book works in chromium, with the keyboard too.

For each ``[data-quiz]`` element: the right answer (typed and confirmed with
Enter, or an option chosen and confirmed with Enter) makes ``[data-feedback]``
say ``data-correct="true"``; each catalogued wrong answer (clicking Check) says
``"false"`` and shows that mistake's hint; the page's judgement equals
``nnlib.quiz.Quiz.judge`` for the same data; the input is labelled, the feedback
is an aria-live region, and nothing has a white background of its own (the
dark theme shows through).  The page logs no console error.  Screenshots of
one quiz before and after a check, light, dark and 390 px wide, go to
_build/screenshots/quizzes/.
"""
import pytest

import browser_support as bs
from nnlib.quiz import Quiz, parse

PAGES = [p for p in bs.toc_pages() if (bs.HTML / f"{p}.html").exists()
         and "data-quiz" in (bs.HTML / f"{p}.html").read_text(encoding="utf-8")]
SHOTS = bs.SCREENSHOTS / "quizzes"

_QUIZZES_JS = """() => [...document.querySelectorAll('[data-quiz]')].map(root => ({
  id: root.id, kind: root.dataset.quiz,
  data: JSON.parse(root.querySelector('script.nnq-data').textContent),
  question: (root.querySelector('label.nnq-question, legend') || {}).textContent}))"""
_FEEDBACK_JS = """(id) => { const f = document.getElementById(id).querySelector('[data-feedback]');
  return {correct: f.dataset.correct || null, text: f.textContent, live: f.getAttribute('aria-live')}; }"""
_BACKGROUNDS_JS = """(id) => { const root = document.getElementById(id);
  return [root, ...root.querySelectorAll('input, button, label, fieldset, p')]
    .map(e => getComputedStyle(e).backgroundColor); }"""
_LABELLED_JS = """(id) => { const root = document.getElementById(id);
  return [...root.querySelectorAll('input')].every(i =>
    (i.labels && i.labels.length > 0 && i.labels[0].textContent.trim().length > 0)); }"""


def _feedback_changed(page, qid, before):
    page.wait_for_function(
        "([id, before]) => { const f = document.getElementById(id).querySelector('[data-feedback]');"
        " return f.dataset.correct && f.textContent !== before; }", arg=[qid, before])
    return page.evaluate(_FEEDBACK_JS, qid)


def answer_number(page, qid, text, key=False):
    before = page.evaluate(_FEEDBACK_JS, qid)["text"]
    box = page.locator(f"#{qid} input[type=text]")
    box.fill("")
    page.evaluate(f"() => {{ document.querySelector('#{qid} [data-feedback]').textContent = ''; }}")
    box.fill(text)
    if key:
        box.press("Enter")
    else:
        page.locator(f'#{qid} [data-action="check"]').click()
    return _feedback_changed(page, qid, "")


def answer_choice(page, qid, index, key=False):
    page.evaluate(f"() => {{ document.querySelector('#{qid} [data-feedback]').textContent = ''; }}")
    radio = page.locator(f'#{qid} input[type=radio][value="{index}"]')
    radio.check()
    if key:
        radio.press("Enter")
    else:
        page.locator(f'#{qid} [data-action="check"]').click()
    return _feedback_changed(page, qid, "")


@pytest.mark.parametrize("docname", PAGES, ids=[p.split("/")[-1] for p in PAGES])
def test_every_quiz_judges_right_and_wrong(open_page, docname):
    page, log = open_page(docname)
    quizzes = page.evaluate(_QUIZZES_JS)
    assert len(quizzes) >= 2
    for q in quizzes:
        qid, data = q["id"], q["data"]
        python = Quiz(q["kind"], q["question"], data)
        page.locator(f"#{qid}").scroll_into_view_if_needed()
        assert page.evaluate(_LABELLED_JS, qid) or q["kind"] == "choice", f"{qid}: unlabelled input"
        assert page.evaluate(_FEEDBACK_JS, qid)["live"] == "polite"
        assert "rgb(255, 255, 255)" not in page.evaluate(_BACKGROUNDS_JS, qid)
        if q["kind"] == "number":
            right = answer_number(page, qid, repr(data["answer"]), key=True)       # Enter checks
            assert right["correct"] == "true", (qid, right)
            assert right["text"].endswith(python.judge(repr(data["answer"]))[1])
            for m in data["mistakes"]:
                wrong = answer_number(page, qid, repr(m["value"]))
                assert wrong["correct"] == "false" and m["hint"] in wrong["text"], (qid, m, wrong)
                assert wrong["text"].endswith(python.judge(repr(m["value"]))[1])
            junk = answer_number(page, qid, "a number")
            assert junk["correct"] == "false" and "enter a number" in junk["text"]
        else:
            right = answer_choice(page, qid, data["correct"], key=True)
            assert right["correct"] == "true", (qid, right)
            for index, hint in data["hints"].items():
                wrong = answer_choice(page, qid, int(index))
                assert wrong["correct"] == "false" and hint in wrong["text"], (qid, index, wrong)
                assert wrong["text"].endswith(python.judge(int(index))[1])
    assert not log.problems(), "\n".join(log.problems())


def test_page_parses_numbers_like_python(open_page):
    page, log = open_page(PAGES[0])
    texts = ["0.25", "1/4", "0,25", "\u22120.5", " 2 ", "abc", "1/0", "", "1e-3", "-3/4", "1,000.5", "/4"]
    in_page = page.evaluate("(texts) => texts.map(t => nnq.parse(t))", texts)
    assert in_page == [parse(t) for t in texts]
    assert not log.problems()


@pytest.mark.parametrize("theme, width", [("light", 1280), ("dark", 1280), ("light", 390)])
def test_quiz_screenshots(open_page, theme, width):
    page, log = open_page(PAGES[0], width=width)
    page.evaluate(f"() => document.documentElement.dataset.theme = '{theme}'")
    q = page.evaluate(_QUIZZES_JS)[0]
    root = page.locator(f"#{q['id']}")
    root.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"{PAGES[0].split('/')[-1]}-{theme}-{width}"
    page.screenshot(path=SHOTS / f"{name}-before.png")
    wrong = q["data"]["mistakes"][0]["value"]
    assert answer_number(page, q["id"], repr(wrong))["correct"] == "false"
    page.screenshot(path=SHOTS / f"{name}-after.png")
    box = root.bounding_box()
    assert box["width"] <= width, "the quiz is wider than the page"
    assert not log.problems()
