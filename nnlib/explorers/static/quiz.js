/* nnlib quizzes: judge a reader's answer in the page, with no kernel.
 * Written for this project (no third-party code). nnlib/quiz.py writes each quiz's form and
 * its data (answer, tolerance, typical wrong answers with their hints); this script mirrors
 * Quiz.judge and quiz.parse there, and tests/test_quiz_browser.py checks every quiz of the book. */
(function () {
  if (window.nnq) return;
  var nnq = window.nnq = {};

  /* The number typed: "0.25", "-1.5e-3", "1/4", "0,25", a Unicode minus; null if none. */
  nnq.parse = function (text) {
    var t = String(text).replace(/\s+/g, "").replace(/\u2212/g, "-"), x;
    if ((t.match(/,/g) || []).length === 1 && t.indexOf(".") < 0) t = t.replace(",", ".");
    var parts = t.split("/");
    if (parts.length === 2) {
      var top = Number(parts[0]), bottom = Number(parts[1]);
      x = parts[0] === "" || parts[1] === "" || bottom === 0 ? NaN : top / bottom;
    } else {
      x = t === "" ? NaN : Number(t);
    }
    return isFinite(x) ? x : null;
  };

  /* {correct, text} for a response: the text typed, or the chosen option's index (or null). */
  nnq.judge = function (kind, d, response) {
    if (kind === "choice") {
      if (response === null) return { correct: false, text: "Choose one of the answers first." };
      if (response === d.correct) return { correct: true, text: "Correct. " + d.explain };
      return { correct: false, text: "Not quite. " + (d.hints[String(response)] || d.hint || "Try again.") };
    }
    var x = nnq.parse(response);
    if (x === null) return { correct: false, text: "Please enter a number, such as 0.25 or 1/4." };
    if (Math.abs(x - d.answer) <= d.tol) return { correct: true, text: "Correct: " + d.shown + ". " + d.explain };
    for (var i = 0; i < d.mistakes.length; i++) {
      var m = d.mistakes[i];
      if (Math.abs(x - m.value) <= m.tol) return { correct: false, text: "Not quite. " + m.hint };
    }
    return { correct: false, text: "Not quite. " + (d.hint || "Try again.") };
  };

  function response(root, kind) {
    if (kind === "number") return root.querySelector("input[type=text]").value;
    var picked = root.querySelector("input[type=radio]:checked");
    return picked ? Number(picked.value) : null;
  }

  nnq.mount = function (root) {
    if (root.nnqData) return;
    var kind = root.dataset.quiz, feedback = root.querySelector("[data-feedback]");
    root.nnqData = JSON.parse(root.querySelector("script.nnq-data").textContent);
    function check() {
      var r = nnq.judge(kind, root.nnqData, response(root, kind));
      feedback.dataset.correct = String(r.correct);
      feedback.textContent = (r.correct ? "\u2713 " : "\u2717 ") + r.text.trim();
    }
    root.querySelector('[data-action="check"]').addEventListener("click", check);
    root.querySelectorAll("input").forEach(function (input) {
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); check(); }
      });
    });
  };
  nnq.mountAll = function () {
    document.querySelectorAll("[data-quiz]").forEach(nnq.mount);
  };
})();
