"""nnlib.quiz: answers judged with a tolerance, typical mistakes get their hints, the page contract."""
import json
import re

import numpy as np
import pytest

from nnlib import quiz
from nnlib.exercises import MISTAKES, answers

HINT = {m.key: m.hint for m in MISTAKES}


def test_number_quiz_judges_with_tolerance_and_mistakes():
    q = quiz.number("What is sigma'(0)?", 0.25, mistakes=[(0.5, "That is sigma(0)."), (0.2501, "too close")])
    assert q.judge("0.25") == (True, "Correct: 0.25.")
    assert q.judge("1/4")[0] and q.judge("0,2501")[0]          # within 0.5 %
    assert q.judge("0.2") == (False, "Not quite. Try again.")
    assert q.judge("0.5") == (False, "Not quite. That is sigma(0).")
    assert [m["hint"] for m in q.data["mistakes"]] == ["That is sigma(0)."]   # too close to the answer: dropped
    assert q.judge("zero point five")[1].startswith("Please enter a number")


def test_from_exercise_takes_the_catalogued_wrong_answers():
    A, Y = np.array([[0.8, 0.4, 0.1], [0.3, 0.9, 0.2]]), np.array([[1.0, 0, 0], [0, 1.0, 0]])
    q = quiz.from_exercise("MSE?", "mse", A, Y)
    assert q.data["answer"] == pytest.approx(0.175)            # worked by hand in test_exercises.py
    assert q.judge("0.0875") == (False, "Not quite. " + HINT["half"])
    assert q.judge("0.35") == (False, "Not quite. " + HINT["no_mean"])
    right, wrong = answers("mse", A, Y)
    assert len(q.data["mistakes"]) == len({round(v, 9) for _, v, _ in wrong})


def test_choice_quiz():
    q = quiz.choice("Shape of W(2) in [4, 5, 3, 2]?", ["(3, 5)", "(5, 3)"], 0, hints={1: "Rows are 'to'."})
    assert q.judge(0)[0] and q.judge(1) == (False, "Not quite. Rows are 'to'.")
    assert q.judge(None) == (False, "Choose one of the answers first.")


def test_html_contract():
    for q in [quiz.number("How many?", 51, tol=0.5), quiz.choice("Which?", ["a", "b"], 1)]:
        html = q._repr_html_()
        assert f'data-quiz="{q.kind}"' in html and 'data-action="check"' in html
        assert 'data-feedback role="status" aria-live="polite"' in html
        assert "#fff" not in html.replace("#fff;", "") and "white" not in html
        data = json.loads(re.search(r'class="nnq-data">(.*?)</script>', html).group(1))
        assert data == json.loads(json.dumps(q.data))
        assert "nnq.mountAll();" in html
    number = quiz.number("How many?", 51, tol=0.5)._repr_html_()
    assert re.search(r'<label class="nnq-question" for="(nnq-\w+)-in">How many\?</label>.*id="\1-in"', number)
    assert "<fieldset><legend>Which?</legend>" in quiz.choice("Which?", ["a", "b"], 1)._repr_html_()


def test_stable_ids_and_rounded_numbers():
    a, b = quiz.number("x?", 1 / 3), quiz.number("x?", 1 / 3)
    assert a.id == b.id and a._repr_html_() == b._repr_html_()
    # to a thousandth of the tolerance (0.5 % of 1/3 = 0.00167): 6 decimals, tol to 3 digits
    assert a.data["answer"] == 0.333333 and a.data["tol"] == 0.00167
    assert "0.3333333" not in a._repr_html_()
    assert a.judge(str(1 / 3))[0] and not a.judge("0.3315")[0]      # verdicts as before
    fine = quiz.number("x?", 1234.56789, tol=0.001)                   # a small tolerance keeps digits
    assert fine.data["answer"] == 1234.56789 and fine.judge("1234.5679")[0]


def test_parse():
    assert [quiz.parse(t) for t in ["0.25", "1/4", " 0,5 ", "\u22122", "1e-3", "x", "1/0", ""]] == \
        [0.25, 0.25, 0.5, -2.0, 0.001, None, None, None]


@pytest.mark.parametrize("call, message", [
    (lambda: quiz.number("q", float("nan")), "answer must be one finite number"),
    (lambda: quiz.number("q", np.zeros(2)), "answer must be one finite number"),
    (lambda: quiz.number("q", 1.0, tol=-1), "tol must be >= 0"),
    (lambda: quiz.choice("q", ["only"], 0), "at least 2 answers"),
    (lambda: quiz.choice("q", ["a", "b"], 2), "correct must be the index.*got 2"),
    (lambda: quiz.from_exercise("q", "msee", 1), "unknown exercise 'msee'"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()
