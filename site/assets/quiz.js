/* Lectern quiz page: marks an attempt in the browser, with no server.
   The answer key arrives masked in the form's data-quiz attribute (see QuizPayload.swift);
   nothing of it is shown until the learner submits. */
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  if (!form) return;
  var MASK = "lectern-quiz";
  var data = decode(form.getAttribute("data-quiz"));
  var list = form.querySelector(".questions");
  var status = document.getElementById("quiz-status");
  var result = document.getElementById("quiz-result");
  var retry = document.getElementById("quiz-retry");
  var submit = form.querySelector("button[type=submit]");
  var questions = Array.prototype.slice.call(form.querySelectorAll(".question"));

  function decode(encoded) {
    var binary = atob(encoded || "");
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i) ^ MASK.charCodeAt(i % MASK.length);
    }
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  function chosen(question) {
    var input = question.querySelector("input[type=radio]:checked");
    return input ? Number(input.value) : null;
  }

  function bandFor(score) {
    for (var i = 0; i < data.bands.length; i++) {
      if (data.bands[i].low <= score && score <= data.bands[i].high) return data.bands[i];
    }
    return null;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var missing = questions.filter(function (q) { return chosen(q) === null; });
    questions.forEach(function (q) { q.classList.toggle("is-unanswered", missing.indexOf(q) >= 0); });
    if (missing.length) {
      status.textContent = missing.length === 1
        ? "One question has no answer yet."
        : missing.length + " questions have no answer yet.";
      var first = missing[0].querySelector("input");
      if (first) first.focus();
      return;
    }
    status.textContent = "";
    var score = 0;
    questions.forEach(function (question) {
      var number = questions.indexOf(question);
      var key = data.questions[Number(question.getAttribute("data-position"))] || data.questions[number];
      var answer = chosen(question);
      var right = answer === key.correct;
      if (right) score++;
      question.querySelectorAll(".option").forEach(function (option) {
        var index = Number(option.getAttribute("data-index"));
        var mark = option.querySelector(".mark");
        option.querySelector("input").disabled = true;
        if (index === key.correct) {
          option.classList.add("is-correct");
          mark.textContent = index === answer ? "✓ Your answer, correct" : "✓ Correct answer";
        } else if (index === answer) {
          option.classList.add("is-wrong");
          mark.textContent = "✗ Your answer";
        }
      });
      var feedback = question.querySelector(".feedback");
      var correctOption = question.querySelector('.option[data-index="' + key.correct + '"] .letter');
      feedback.className = "feedback " + (right ? "is-correct" : "is-wrong");
      feedback.innerHTML = '<p class="verdict"></p>' + key.explanation;
      feedback.querySelector(".verdict").textContent = right
        ? "Correct."
        : "Not quite. The answer is " + (correctOption ? correctOption.textContent.replace(")", "") : "?") + ".";
      feedback.hidden = false;
    });
    var total = questions.length;
    var band = bandFor(score);
    document.getElementById("quiz-score").textContent = score + "/" + total;
    document.getElementById("quiz-band").textContent = band ? band.label : "";
    document.getElementById("quiz-advice").textContent = band ? band.advice : "";
    submit.hidden = true;
    result.hidden = false;
    form.parentNode.insertBefore(result, form);
    result.focus();
  });

  retry.addEventListener("click", function () {
    shuffle(questions).forEach(function (question) {
      list.appendChild(question);
      var options = question.querySelector(".options");
      var items = Array.prototype.slice.call(options.querySelectorAll(".option"));
      shuffle(items).forEach(function (option, position) {
        options.appendChild(option);
        option.querySelector(".letter").textContent = String.fromCharCode(65 + position) + ")";
        option.classList.remove("is-correct", "is-wrong");
        option.querySelector(".mark").textContent = "";
        var input = option.querySelector("input");
        input.checked = false;
        input.disabled = false;
      });
      question.classList.remove("is-unanswered");
      var feedback = question.querySelector(".feedback");
      feedback.hidden = true;
      feedback.className = "feedback";
      feedback.innerHTML = "";
    });
    questions = Array.prototype.slice.call(list.querySelectorAll(".question"));
    renumber();
    result.hidden = true;
    submit.hidden = false;
    status.textContent = "The questions and options are in a new order.";
    var first = list.querySelector("input");
    if (first) first.focus();
  });

  // Question numbers follow the order on the page; the key follows the source order.
  function renumber() {
    questions.forEach(function (question, position) {
      var label = question.querySelector(".question-number");
      if (label) label.textContent = "Question " + (position + 1);
    });
  }
  questions.forEach(function (question, position) { question.setAttribute("data-position", String(position)); });

  function shuffle(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i]; copy[i] = copy[j]; copy[j] = t;
    }
    return copy;
  }
})();
