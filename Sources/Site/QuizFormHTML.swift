/// The default theme's `quiz-form` template (site/templates/quiz-form.mustache) written out
/// (``DirectTemplates``): a course's quizzes are most of its template tags (a 270-page course
/// has 3,000 options of ten tags each).
enum QuizFormHTML {
    static func render(_ form: QuizForm) -> String {
        let formID = escape(form.formID)
        let scored = form.scoredCount > 0
        let selfChecks = form.selfCheckCount > 0
        var html = "<section class=\"quiz-section\" aria-labelledby=\"\(formID)-title\">\n"
        html += "<h2 id=\"\(formID)-title\" class=\"visually-hidden\">Quiz</h2>\n"
        html += "<p class=\"lead\">"
        if scored {
            html += "\(form.scoredCount) question\(form.scoredCount == 1 ? "" : "s") to answer"
            if selfChecks {
                html += ", and \(form.selfCheckCount) self-check item\(form.selfCheckCount == 1 ? "" : "s") to think about (not scored)"
            }
            html += ". Pick your answers, then submit to see your score and an explanation of every answer."
        } else {
            html += "Self-check: think of your answer to each question, then open it to compare."
        }
        html += "</p>\n"
        if scored { html += "<noscript><p class=\"notice\">This quiz needs JavaScript to mark your answers.</p></noscript>" }
        html += "\n"
        if scored { html += "<p id=\"\(formID)-best\" class=\"quiz-best\" hidden></p>" }
        html += "\n"
        html += "<form id=\"\(formID)\" class=\"quiz\" data-quiz=\"\(form.data)\" data-hash=\"\(escape(form.quizHash))\" data-session=\"\(escape(form.sessionID))\"\n"
        html += "      data-session-title=\"\(escape(form.sessionTitle))\" data-quiz-title=\"\(escape(form.quizTitle))\"\(form.whole ? " data-whole" : "") novalidate>\n"
        html += "<ol class=\"questions\">\n"
        for question in form.questions { html += render(question) }
        html += "</ol>\n"
        if scored {
            html += "<p id=\"\(formID)-status\" class=\"quiz-status\" role=\"status\" aria-live=\"polite\"></p>\n"
            html += "<button type=\"submit\" class=\"button primary\">Submit answers</button>\n"
        }
        html += "</form>\n"
        if scored {
            html += """
                <section id="\(formID)-result" class="quiz-result" aria-labelledby="\(formID)-result-title" tabindex="-1" hidden>
                  <h2 id="\(formID)-result-title">Your result</h2>
                  <p class="score">Score: <strong id="\(formID)-score" class="quiz-score"></strong></p>
                  <p class="band"><strong id="\(formID)-band" class="quiz-band"></strong></p>
                  <p id="\(formID)-advice" class="advice quiz-advice"></p>
                  <p>Each question now shows the right answer and why.\(selfChecks ? " Self-check items are not counted." : "")</p>
                  <p class="quiz-kept">Your results are kept in this browser only.
                    <button type="button" class="button link-button export-progress">Download them</button> to keep them, or import them into
                    <code>lectern</code> with <code>lectern progress import FILE</code>.</p>
                  <button type="button" id="\(formID)-retry" class="button quiz-retry">Try again</button>
                </section>

                """
        }
        if let downloads = form.downloads {
            html += "<section class=\"quiz-downloads\" aria-labelledby=\"\(formID)-downloads-title\">\n"
            html += "  <h3 id=\"\(formID)-downloads-title\">Use this quiz in your LMS</h3>\n"
            html += "  <ul>\n"
            for download in downloads {
                html += "    <li><a href=\"\(escape(download.href))\" download>\(escape(download.label))</a></li>\n"
            }
            html += "  </ul>\n"
            html += "</section>\n"
        }
        html += "</section>\n"
        return html
    }

    private static func render(_ question: QuizForm.Question) -> String {
        let id = escape(question.id)
        var html = "  <li class=\"question\(question.selfCheck ? " self-check" : "")\" id=\"\(id)\">\n"
        html += "    <fieldset>\n"
        html += "      <legend><span class=\"question-number\">Question \(question.number)</span>"
        if !question.title.isEmpty { html += ": " + escape(question.title) }
        if question.selfCheck { html += " <span class=\"tag\">self-check</span>" }
        html += "</legend>\n"
        html += "      <div class=\"prompt\">\(question.prompt)</div>\n"
        if !question.options.isEmpty {
            if question.multiple { html += "      <p class=\"hint\">Choose every right answer.</p>\n" }
            html += "      <div class=\"options\">\n"
            for option in question.options {
                let letter = escape(option.letter)
                html += "        <div class=\"option\" data-index=\"\(option.index)\">\n"
                if question.selfCheck {
                    html += "          <span class=\"letter\">\(letter))</span> <span class=\"option-text\">\(option.content)</span>\n"
                } else {
                    let optionID = escape(option.id)
                    html += "          <input type=\"\(question.inputType)\" name=\"\(id)\" id=\"\(optionID)\" value=\"\(option.index)\">\n"
                    html += "          <label for=\"\(optionID)\"><span class=\"letter\">\(letter))</span> <span class=\"option-text\">\(option.content)</span><span class=\"mark\"></span></label>\n"
                }
                html += "        </div>\n"
            }
            html += "      </div>\n"
        }
        if question.selfCheck {
            html += "      <details class=\"reveal\">\n"
            html += "        <summary>Show the answer</summary>\n"
            html += "        \(question.answer ?? "")\n"
            html += "      </details>\n"
        }
        html += "      <div class=\"feedback\" hidden></div>\n"
        html += "    </fieldset>\n"
        html += "  </li>\n"
        return html
    }

    private static func escape(_ text: String) -> String {
        TemplateEscaping.escape(text)
    }
}
