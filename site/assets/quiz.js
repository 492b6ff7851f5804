/* Lectern quiz forms: mark an attempt in the browser, with no server.
   A page may hold several forms (a quiz where its author wrote it, in parts). Each form's
   answer key arrives masked in its data-quiz attribute (see QuizPayload.swift); nothing of it
   is shown until the learner submits. A question with several right answers has checkboxes,
   scored all-or-nothing or, when the quiz says so, with partial credit; a self-check item is
   revealed on request (a <details> element) and never scored. The page holds its own key, so
   this is for self-study; graded tests belong to `lectern quiz` and `lectern grade`.

   Each marked attempt is kept in this browser (localStorage, under the quiz's content hash,
   through window.lecternProgress in site.js); the form shows the best so far, and the home
   page each quiz's best. Explanations cite options through <span class="option-ref"
   data-option="N"> (OptionReferences.swift), given the letter the option has on the page. */
(function () {
  "use strict";
  var MASK = "lectern-quiz";

  function decode(encoded) {
    var binary = atob(encoded || "");
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i) ^ MASK.charCodeAt(i % MASK.length);
    }
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  function shuffle(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i]; copy[i] = copy[j]; copy[j] = t;
    }
    return copy;
  }

  // The credit an answer earns: all or nothing, or Moodle's partial credit (each right
  // option 1/k, each wrong one -1/w, floored at 0).
  function credit(chosen, key, optionCount, scoring) {
    var right = key.correct;
    if (scoring !== "partial") {
      if (chosen.length !== right.length) return 0;
      for (var i = 0; i < chosen.length; i++) if (right.indexOf(chosen[i]) < 0) return 0;
      return 1;
    }
    var wrongCount = optionCount - right.length;
    var sum = 0;
    chosen.forEach(function (index) {
      if (right.indexOf(index) >= 0) sum += 1 / right.length;
      else if (wrongCount > 0) sum -= 1 / wrongCount;
    });
    return Math.max(0, Math.round(sum * 1e6) / 1e6);
  }

  function format(number) {
    return String(Math.round(number * 100) / 100);
  }

  function letterOf(option) {
    return option.querySelector(".letter").textContent.replace(")", "");
  }

  // Each citation of an option shows the letter the option has now.
  function relabel(question) {
    question.querySelectorAll(".option-ref[data-option]").forEach(function (ref) {
      var option = question.querySelector(".option[data-index='" + ref.getAttribute("data-option") + "']");
      if (option) ref.textContent = letterOf(option);
    });
  }

  function newID() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return (hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20)).toUpperCase();
  }

  function setUp(form) {
    var data = decode(form.getAttribute("data-quiz"));
    var id = form.id;
    var progress = window.lecternProgress;
    var hash = form.getAttribute("data-hash");
    var bestLine = document.getElementById(id + "-best");
    var graded = false;
    var started = null;
    var list = form.querySelector(".questions");
    var status = document.getElementById(id + "-status");
    var result = document.getElementById(id + "-result");
    var retry = document.getElementById(id + "-retry");
    var submit = form.querySelector("button[type=submit]");
    var questions = Array.prototype.slice.call(list.children);
    // The key follows the source order; questions remember their place before any shuffle.
    questions.forEach(function (question, position) { question.setAttribute("data-position", String(position)); });
    if (!submit) return;  // only self-check items: nothing to mark

    form.addEventListener("change", function () { if (!started) started = new Date(); });

    function showBest() {
      if (!progress || !bestLine) return;
      var record = progress.load(hash);
      var mine = (record ? record.attempts : []).filter(function (attempt) { return attempt.form === id; });
      var best = null;
      mine.forEach(function (attempt) {
        if (!best || attempt.points > best.points || (attempt.points === best.points && attempt.finishedAt > best.finishedAt)) best = attempt;
      });
      if (!best) return;
      bestLine.textContent = progress.describe(best, mine.length);
      bestLine.hidden = false;
    }
    showBest();

    // Keeps a marked attempt in this browser, in the quiz's own order and letters.
    function keep(points, score, band) {
      if (!progress || !hash) return;
      var answers = [];
      questions.slice().sort(function (a, b) {
        return Number(a.getAttribute("data-position")) - Number(b.getAttribute("data-position"));
      }).forEach(function (question) {
        var number = Number(question.id.replace(/^q/, ""));
        var key = keyOf(question);
        if (key === null) {
          var reveal = question.querySelector("details.reveal");
          answers.push({ question: number, selfCheck: true, revealed: !!(reveal && reveal.open) });
          return;
        }
        var letters = function (indices) {
          return indices.slice().sort(function (a, b) { return a - b; }).map(function (i) { return String.fromCharCode(65 + i); }).join("+");
        };
        var answer = chosen(question);
        var earned = credit(answer, key, question.querySelectorAll(".option").length, data.scoring);
        answers.push({ question: number, chosen: letters(answer), correct: letters(key.correct), isCorrect: earned >= 1,
                       credit: earned });
      });
      var record = progress.load(hash) || {
        sessionID: form.getAttribute("data-session"), sessionTitle: form.getAttribute("data-session-title"),
        quizTitle: form.getAttribute("data-quiz-title"), contentHash: hash, attempts: []
      };
      var finished = new Date();
      record.attempts.push({
        attemptID: newID(), form: id, whole: form.hasAttribute("data-whole"),
        startedAt: (started || finished).toISOString(), finishedAt: finished.toISOString(),
        score: score, points: Math.round(points * 1e6) / 1e6, total: scored().length, band: band ? band.label : null, answers: answers
      });
      if (record.attempts.length > 200) record.attempts = record.attempts.slice(-200);
      progress.save(hash, record);
      showBest();
    }

    function keyOf(question) { return data.questions[Number(question.getAttribute("data-position"))]; }
    function scored() { return questions.filter(function (q) { return keyOf(q) !== null; }); }
    function chosen(question) {
      return Array.prototype.slice.call(question.querySelectorAll("input:checked")).map(function (input) { return Number(input.value); });
    }
    function bandFor(score) {
      for (var i = 0; i < data.bands.length; i++) {
        if (data.bands[i].low <= score && score <= data.bands[i].high) return data.bands[i];
      }
      return null;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (graded) return;  // marked already: "Try again" starts a new attempt
      var marked = scored();
      var missing = marked.filter(function (q) { return chosen(q).length === 0; });
      marked.forEach(function (q) { q.classList.toggle("is-unanswered", missing.indexOf(q) >= 0); });
      if (missing.length) {
        status.textContent = missing.length === 1
          ? "One question has no answer yet."
          : missing.length + " questions have no answer yet.";
        var first = missing[0].querySelector("input");
        if (first) first.focus();
        return;
      }
      status.textContent = "";
      graded = true;
      var points = 0;
      var whole = 0;
      marked.forEach(function (question) {
        var key = keyOf(question);
        var answer = chosen(question);
        var options = question.querySelectorAll(".option");
        var earned = credit(answer, key, options.length, data.scoring);
        points += earned;
        if (earned >= 1) whole += 1;
        var letters = [];
        var feedbackHTML = "";
        options.forEach(function (option) {
          var index = Number(option.getAttribute("data-index"));
          var mark = option.querySelector(".mark");
          var picked = answer.indexOf(index) >= 0;
          option.querySelector("input").disabled = true;
          if (key.correct.indexOf(index) >= 0) {
            option.classList.add("is-correct");
            mark.textContent = picked ? "✓ Your answer, correct" : "✓ Correct answer";
            letters.push(option.querySelector(".letter").textContent.replace(")", ""));
          } else if (picked) {
            option.classList.add("is-wrong");
            mark.textContent = "✗ Your answer";
          }
          if (picked && key.feedback && key.feedback[index]) feedbackHTML += key.feedback[index];
        });
        var feedback = question.querySelector(".feedback");
        feedback.className = "feedback " + (earned >= 1 ? "is-correct" : "is-wrong");
        feedback.innerHTML = '<p class="verdict"></p>' + feedbackHTML + key.explanation;
        var verdict;
        if (earned >= 1) verdict = "Correct.";
        else if (earned > 0) verdict = "Partly right (" + format(earned * 100) + "% of the question). The answers are " + letters.join(", ") + ".";
        else verdict = "Not quite. The answer" + (letters.length > 1 ? "s are " : " is ") + (letters.join(", ") || "?") + ".";
        feedback.querySelector(".verdict").textContent = verdict;
        feedback.hidden = false;
        relabel(question);
        if (window.lecternHighlightBlock) {
          feedback.querySelectorAll("pre code[class*='language-']").forEach(window.lecternHighlightBlock);
        }
      });
      var total = marked.length;
      var band = bandFor(Math.floor(points + 1e-9));
      document.getElementById(id + "-score").textContent = format(points) + "/" + total;
      document.getElementById(id + "-band").textContent = band ? band.label : "";
      document.getElementById(id + "-advice").textContent = band ? band.advice : "";
      submit.hidden = true;
      result.hidden = false;
      form.parentNode.insertBefore(result, form);
      result.focus();
      keep(points, whole, band);
    });

    retry.addEventListener("click", function () {
      shuffle(questions).forEach(function (question) {
        list.appendChild(question);
        var options = question.querySelector(".options");
        if (!options) return;
        var items = Array.prototype.slice.call(options.querySelectorAll(".option"));
        shuffle(items).forEach(function (option, position) {
          options.appendChild(option);
          option.querySelector(".letter").textContent = String.fromCharCode(65 + position) + ")";
          option.classList.remove("is-correct", "is-wrong");
          var mark = option.querySelector(".mark");
          if (mark) mark.textContent = "";
          var input = option.querySelector("input");
          if (input) { input.checked = false; input.disabled = false; }
        });
        question.classList.remove("is-unanswered");
        var feedback = question.querySelector(".feedback");
        feedback.hidden = true;
        feedback.className = "feedback";
        feedback.innerHTML = "";
        var reveal = question.querySelector("details.reveal");
        if (reveal) reveal.open = false;
        relabel(question);
      });
      questions = Array.prototype.slice.call(list.children);
      // Question numbers follow the order on the page.
      questions.forEach(function (question, position) {
        var label = question.querySelector(".question-number");
        if (label) label.textContent = "Question " + (position + 1);
      });
      result.hidden = true;
      submit.hidden = false;
      graded = false;
      started = null;
      status.textContent = "The questions and options are in a new order.";
      var first = list.querySelector("input");
      if (first) first.focus();
    });
  }

  Array.prototype.slice.call(document.querySelectorAll("form.quiz")).forEach(setUp);
})();
