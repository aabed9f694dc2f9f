"""Quizzes in the page: a number to enter or a choice to make, judged by the page itself.

For readers of the built book who do not run Python.  A quiz displays as a
small HTML form with its data as JSON and the script ``explorers/static/quiz.js``
(our own), so the built book judges the answer with no kernel; JupyterLab shows
the same form.  Numeric answers are computed by nnlib when the notebook runs
and accepted within a tolerance.  A wrong answer that matches a typical
mistake gets that mistake's hint: :func:`from_exercise` takes the right answer
and the typical wrong ones from :func:`nnlib.exercises.answers`.

The page contract (``tests/test_quiz_browser.py``): the quiz root carries
``data-quiz``; the answer is an ``input`` (or radio inputs); the button carries
``data-action="check"``; after a check, ``[data-feedback]`` (an aria-live
region) carries ``data-correct="true"`` or ``"false"``.  Enter in the input checks.

Floor 4 of nnlib (what a reader touches), beside the explorers.
"""
import hashlib
import json
import math
from html import escape
from importlib import resources

import numpy as np

from . import exercises
from .rounding import portable

REL_TOL = 5e-3            # default tolerance of a numeric answer: 0.5 % of it

_STYLE = """
.nnq{font:15px/1.5 system-ui,sans-serif;border:1px solid var(--pst-color-border,#d0d7de);border-radius:8px;
 padding:10px 12px;margin:10px 0;max-width:760px;background:transparent;color:inherit}
.nnq-question{display:block;margin:0 0 6px;font-weight:600}
.nnq fieldset{border:0;margin:0;padding:0;min-width:0}
.nnq legend{padding:0;margin:0 0 6px;font-weight:600}
.nnq-option{display:flex;gap:8px;align-items:baseline;margin:2px 0;cursor:pointer}
.nnq-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.nnq input[type=text]{font:inherit;width:12em;max-width:100%;padding:3px 6px;border-radius:4px;
 border:1px solid var(--pst-color-border,#8c959f);background:transparent;color:inherit}
.nnq button{font:inherit;padding:3px 14px;border-radius:4px;cursor:pointer;color:inherit;
 background:transparent;border:1px solid var(--pst-color-primary,#0969da)}
.nnq input:focus-visible,.nnq button:focus-visible{outline:2px solid var(--pst-color-primary,#0969da);outline-offset:1px}
.nnq-feedback{margin:6px 0 0;min-height:1.5em}
.nnq-feedback[data-correct=true]{border-left:4px solid var(--pst-color-success,#1a7f37);padding-left:8px}
.nnq-feedback[data-correct=false]{border-left:4px solid var(--pst-color-danger,#cf222e);padding-left:8px}
"""


def _stored(x, tol):
    """``x`` as a page stores it: to a thousandth of the tolerance ``tol``, in at most
    10 significant digits, and ``tol`` itself to 3.

    Stored outputs must not depend on the CPU, and the last digits of a
    computed answer do.  A reader's number is judged within ``tol``, so digits
    below a thousandth of it change no verdict.
    """
    if tol > 0:
        x = round(x, math.ceil(-math.log10(tol / 1000)))
    return portable(x)


def _script():
    return resources.files("nnlib").joinpath("explorers", "static", "quiz.js").read_text()


def _number(value, name):
    """``value`` as a finite float (a 0-d or one-entry array is accepted)."""
    x = np.asarray(value, dtype=np.float64)
    if x.size != 1 or not np.isfinite(x).all():
        raise ValueError(f"{name} must be one finite number, got {value!r}")
    return float(x.reshape(()))


class Quiz:
    """A question judged in the page.  Build one with :func:`number` or :func:`choice`."""

    def __init__(self, kind, question, data):
        self.kind, self.question, self.data = kind, question, data
        digest = hashlib.md5(json.dumps([kind, question, data], sort_keys=True).encode()).hexdigest()
        self.id = f"nnq-{digest[:10]}"           # stable: the same quiz gets the same id every run

    def judge(self, response):
        """``(correct, feedback)`` for a response, as the page's script judges it.

        ``response`` is the text typed (number quiz) or the chosen index (choice quiz).
        """
        correct, text = self._judge(response)
        return correct, text.strip()

    def _judge(self, response):
        d = self.data
        if self.kind == "choice":
            if response is None:
                return False, "Choose one of the answers first."
            if int(response) == d["correct"]:
                return True, "Correct. " + d["explain"]
            return False, "Not quite. " + (d["hints"].get(str(int(response))) or d["hint"] or "Try again.")
        x = parse(response)
        if x is None:
            return False, "Please enter a number, such as 0.25 or 1/4."
        if abs(x - d["answer"]) <= d["tol"]:
            return True, f"Correct: {d['shown']}. " + d["explain"]
        for m in d["mistakes"]:
            if abs(x - m["value"]) <= m["tol"]:
                return False, "Not quite. " + m["hint"]
        return False, "Not quite. " + (d["hint"] or "Try again.")

    def __repr__(self):
        if self.kind == "choice":
            return f"Quiz: {self.question}\n" + "\n".join(f"  ( ) {o}" for o in self.data["options"])
        return f"Quiz: {self.question} [answer in the built book's page]"

    def _repr_html_(self):
        data = json.dumps(self.data, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
        return (f'<div class="nnq" data-quiz="{self.kind}" id="{self.id}"><style>{_STYLE}</style>'
                f'{self._form()}'
                f'<p class="nnq-feedback" data-feedback role="status" aria-live="polite"></p>'
                f'<script type="application/json" class="nnq-data">{data}</script></div>'
                f'<script>{_script()}\nnnq.mountAll();</script>')

    def _form(self):
        q, i = escape(self.question), self.id
        if self.kind == "number":
            return (f'<label class="nnq-question" for="{i}-in">{q}</label><div class="nnq-row">'
                    f'<input type="text" id="{i}-in" inputmode="decimal" autocomplete="off" spellcheck="false">'
                    f'<button type="button" data-action="check">Check</button></div>')
        options = "".join(f'<label class="nnq-option"><input type="radio" name="{i}" value="{k}">'
                          f'<span>{escape(o)}</span></label>' for k, o in enumerate(self.data["options"]))
        return (f'<fieldset><legend>{q}</legend>{options}</fieldset>'
                f'<div class="nnq-row"><button type="button" data-action="check">Check</button></div>')


def parse(text):
    """The number a reader typed, or None: '0.25', '-1.5e-3', '1/4', '0,25', with a Unicode minus."""
    t = "".join(str(text).split()).replace("\u2212", "-")
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    try:
        if t.count("/") == 1:
            top, bottom = (float(s) for s in t.split("/"))
            x = top / bottom if bottom else math.nan
        else:
            x = float(t)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def number(question, answer, *, tol=None, mistakes=(), hint="", explain="", shown=None):
    """A quiz whose answer is a number.

    Parameters
    ----------
    question : str
        Plain text (Unicode, no TeX), e.g. "What is σ′(0)?".
    answer : float
        The right answer, computed by nnlib.
    tol : float, optional
        Accepted distance from ``answer``; default 0.5 % of |answer| (1e-9 for 0).
    mistakes : sequence of (value, hint)
        Typical wrong answers and what to tell a reader who gives one.  Values
        within ``tol`` of the answer, or of an earlier mistake, are dropped.
    hint : str
        Feedback for any other wrong answer.
    explain : str
        Said after a right answer.
    shown : str, optional
        How the right answer is written in the feedback (default: 4 significant digits).
    """
    answer = _number(answer, "answer")
    tol = max(REL_TOL * abs(answer), 1e-9) if tol is None else _number(tol, "tol")
    if tol < 0:
        raise ValueError(f"tol must be >= 0, got {tol}")
    kept = []
    for value, text in mistakes:
        value = _number(value, "a mistake's value")
        if abs(value - answer) > 2 * tol and all(abs(value - m["value"]) > 2 * tol for m in kept):
            kept.append({"value": _stored(value, tol), "tol": portable(tol, 3), "hint": str(text)})
    data = {"answer": _stored(answer, tol), "tol": portable(tol, 3), "mistakes": kept, "hint": hint,
            "explain": explain, "shown": shown or f"{answer:.4g}"}
    return Quiz("number", question, data)


def choice(question, options, correct, *, hints=None, hint="", explain=""):
    """A quiz with one right option among ``options`` (a list of str).

    ``hints`` maps the index of a wrong option to what a reader who picks it is told.
    """
    options = [str(o) for o in options]
    if len(options) < 2:
        raise ValueError(f"options must hold at least 2 answers, got {options!r}")
    if isinstance(correct, bool) or not isinstance(correct, int) or not 0 <= correct < len(options):
        raise ValueError(f"correct must be the index of the right option, 0 to {len(options) - 1}, "
                         f"got {correct!r}")
    hints = {str(int(k)): str(v) for k, v in (hints or {}).items()}
    return Quiz("choice", question, {"options": options, "correct": correct, "hints": hints,
                                     "hint": hint, "explain": explain})


def from_exercise(question, name, *args, select=None, **kw):
    """A number quiz whose answer is exercise ``name``'s on ``args``, computed by nnlib.

    Every catalogued mistake that changes the answer becomes a recognised wrong
    answer with its hint (:func:`nnlib.exercises.answers`).  ``select`` picks the
    number out of a result that is not one (e.g. ``lambda xs: xs[-1]``).
    """
    pick = select or (lambda v: v)
    right, wrong = exercises.answers(name, *args)
    return number(question, pick(right), mistakes=[(pick(v), h) for _, v, h in wrong], **kw)
