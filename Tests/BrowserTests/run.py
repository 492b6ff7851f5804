#!/usr/bin/env python3
"""Browser tests of the study site in a real headless Chromium (Debian's chromium and
chromium-driver, driven by selenium).

Builds the bundled course (content/) and two courses shaped like real ones (an MkDocs course
with a lesson keyed by its solutions page and mkdocs-quiz blocks, an mdBook with partial credit)
with the lectern binary into a temporary folder, then opens the pages from file:// with no
server, as a learner who downloaded the site would.

Run after `swift build`:  python3 Tests/BrowserTests/run.py
The binary is $LECTERN if set, else .build/debug/lectern. Exits non-zero on any failure.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
LECTERN = pathlib.Path(os.environ.get("LECTERN", REPO / ".build" / "debug" / "lectern"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Session 4's answer key, in question order.
SESSION_4_ANSWERS = ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"]


def build_site(output, course=REPO / "content"):
    if not LECTERN.exists():
        sys.exit(f"error: {LECTERN} does not exist; run `swift build` first (or set LECTERN)")
    result = subprocess.run([str(LECTERN), "site", "build", str(course), "--output", str(output)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: lectern site build failed ({result.returncode}):\n{result.stderr}")


class ChromiumCase(unittest.TestCase):
    """Builds the sites and starts headless Chromium once per test class."""

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="lectern-browser-"))
        cls.site = cls.work / "site"
        build_site(cls.site)
        cls.mkdocs = cls.work / "mkdocs"
        build_site(cls.mkdocs, REPO / "Tests" / "SiteTests" / "Fixtures" / "mkdocs")
        cls.mdbook = cls.work / "mdbook"
        build_site(cls.mdbook, REPO / "Tests" / "SiteTests" / "Fixtures" / "mdbook")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1200,900", f"--user-data-dir={cls.work / 'profile'}"]:
            options.add_argument(argument)
        cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def open(self, path, site=None):
        self.driver.get(((site or self.site) / path).as_uri())

    def wait(self, condition, seconds=5):
        return WebDriverWait(self.driver, seconds).until(condition)

    def choose(self, question, letter):
        self.driver.find_element(By.CSS_SELECTOR, f"label[for='q{question}-{letter.lower()}']").click()


class StudySiteInChromium(ChromiumCase):
    """The bundled course's site."""

    def test_session_4_quiz_all_correct_shows_full_score_and_top_band(self):
        self.open("04-production-mcp-deployment/quiz.html")
        for number, letter in enumerate(SESSION_4_ANSWERS, start=1):
            self.choose(number, letter)
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        result = self.wait(EC.visibility_of_element_located((By.ID, "quiz-result")))
        self.assertEqual(result.find_element(By.ID, "quiz-score").text, "10/10")
        self.assertEqual(result.find_element(By.ID, "quiz-band").text, "Expert level")
        self.assertEqual(result.find_element(By.ID, "quiz-advice").text, "Ready for enterprise production deployments")

    def test_quiz_hides_answers_and_explanations_until_submitted(self):
        self.open("04-production-mcp-deployment/quiz.html")
        feedback = self.driver.find_elements(By.CSS_SELECTOR, ".feedback")
        self.assertEqual(len(feedback), 10)
        self.assertTrue(all(not f.is_displayed() and f.get_attribute("innerHTML") == "" for f in feedback))
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, ".is-correct, .is-wrong"), [])
        self.assertNotIn("Explanation", self.driver.find_element(By.TAG_NAME, "body").text)
        self.assertNotIn("✅", self.driver.page_source)

    def test_quiz_marks_wrong_answers_and_explains_every_question(self):
        self.open("04-production-mcp-deployment/quiz.html")
        for number in range(1, 11):
            self.choose(number, "B")  # only question 8 is B
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        self.wait(EC.visibility_of_element_located((By.ID, "quiz-result")))
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "1/10")
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, ".option.is-wrong")), 9)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, ".option.is-correct")), 10)
        shown = [f for f in self.driver.find_elements(By.CSS_SELECTOR, ".feedback") if f.is_displayed()]
        self.assertEqual(len(shown), 10)
        self.assertTrue(all(len(f.text) > 40 for f in shown))

    def test_submitting_with_unanswered_questions_grades_nothing(self):
        self.open("04-production-mcp-deployment/quiz.html")
        self.choose(1, "D")
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        self.assertEqual(self.driver.find_element(By.ID, "quiz-status").text, "9 questions have no answer yet.")
        self.assertFalse(self.driver.find_element(By.ID, "quiz-result").is_displayed())

    def test_try_again_clears_the_attempt_and_keeps_every_question(self):
        self.open("04-production-mcp-deployment/quiz.html")
        for number, letter in enumerate(SESSION_4_ANSWERS, start=1):
            self.choose(number, letter)
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        self.wait(EC.element_to_be_clickable((By.ID, "quiz-retry"))).click()
        self.assertFalse(self.driver.find_element(By.ID, "quiz-result").is_displayed())
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "input:checked, input:disabled, .is-correct"), [])
        ids = sorted(q.get_attribute("id") for q in self.driver.find_elements(By.CSS_SELECTOR, ".question"))
        self.assertEqual(ids, sorted(f"q{n}" for n in range(1, 11)))
        # Answering the shuffled quiz by option identity still scores 10/10.
        for number, letter in enumerate(SESSION_4_ANSWERS, start=1):
            self.choose(number, letter)
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        self.wait(EC.visibility_of_element_located((By.ID, "quiz-result")))
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "10/10")

    def test_search_for_circuit_breaker_follows_the_first_result(self):
        self.open("index.html")
        box = self.driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys("circuit breaker")
        first = self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, "#search-results li a")))
        self.assertIn("circuit breaker", first.text.lower())
        first.click()
        self.wait(lambda d: "#" in d.current_url and not d.current_url.endswith("index.html"))
        fragment = self.driver.current_url.split("#", 1)[1]
        target = self.driver.find_element(By.ID, fragment)
        self.assertIn("circuit breaker", target.text.lower())

    def test_pages_fit_a_360_pixel_wide_screen(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
        try:
            for path in ["index.html", "04-production-mcp-deployment/lesson.html", "04-production-mcp-deployment/quiz.html",
                         "exercises/circuit-breaker/index.html"]:
                self.open(path)
                width = self.driver.execute_script("return document.documentElement.scrollWidth")
                self.assertLessEqual(width, 360, path)
                menu = self.driver.find_element(By.CSS_SELECTOR, ".nav-toggle")
                self.assertTrue(menu.is_displayed(), path)
                self.assertFalse(self.driver.find_element(By.ID, "sidebar").is_displayed(), path)
                menu.click()
                self.assertTrue(self.driver.find_element(By.ID, "sidebar").is_displayed(), path)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def test_lesson_and_exercise_tables_are_tables_with_no_markdown_left(self):
        for path, tables in [("04-production-mcp-deployment/lesson.html", 2), ("exercises/circuit-breaker/index.html", 3)]:
            self.open(path)
            found = self.driver.find_elements(By.CSS_SELECTOR, "main table")
            self.assertGreaterEqual(len(found), tables, path)
            for table in found:
                self.assertTrue(table.find_elements(By.CSS_SELECTOR, "thead th"), path)
                self.assertTrue(table.find_elements(By.CSS_SELECTOR, "tbody td"), path)
            text = self.driver.find_element(By.TAG_NAME, "main").text
            self.assertNotIn("| ---", text, path)
            self.assertNotIn("| —", text, path)

    def test_pages_load_without_console_errors(self):
        for path in ["index.html", "04-production-mcp-deployment/lesson.html", "04-production-mcp-deployment/quiz.html",
                     "exercises/circuit-breaker/index.html", "404.html"]:
            self.open(path)
            errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
            self.assertEqual(errors, [], path)


class RealCourseQuizzesInChromium(ChromiumCase):
    """Quizzes as real courses write them: checkboxes, partial credit, self-check items, a
    lesson quiz keyed by its solutions page, in place on the lesson."""

    def submit(self, form="quiz"):
        self.driver.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()
        return self.wait(EC.visibility_of_element_located((By.ID, f"{form}-result")))

    def test_checkboxes_take_every_right_answer_and_score_all_or_nothing(self):
        self.open("quizzes/practice.html", self.mkdocs)
        inputs = self.driver.find_elements(By.CSS_SELECTOR, "#q1 input")
        self.assertEqual({i.get_attribute("type") for i in inputs}, {"checkbox"})
        for letter in "acd":
            self.choose(1, letter)
        self.submit()
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "1/1")
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "#q1 .option.is-correct")), 3)
        # The second form, after the prose between them: one right option of two missed.
        self.choose(2, "a")
        self.submit("quiz-2")
        self.assertEqual(self.driver.find_element(By.ID, "quiz-2-score").text, "0/1")
        verdict = self.driver.find_element(By.CSS_SELECTOR, "#q2 .feedback .verdict").text
        self.assertEqual(verdict, "Not quite. The answer is B.")
        self.assertIn("A counter only goes up.", self.driver.find_element(By.CSS_SELECTOR, "#q2 .feedback").text)

    def test_a_missing_right_option_earns_nothing_all_or_nothing(self):
        self.open("quizzes/practice.html", self.mkdocs)
        for letter in "ac":
            self.choose(1, letter)
        self.submit()
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "0/1")
        self.assertIn("The answers are A, C, D.", self.driver.find_element(By.CSS_SELECTOR, "#q1 .feedback .verdict").text)

    def test_partial_credit_counts_each_right_option(self):
        self.open("checks/quiz.html", self.mdbook)
        self.choose(1, "a")  # one of two right options, no wrong one: half the question
        self.choose(2, "b")
        self.submit()
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "1.5/2")
        self.assertIn("Partly right (50% of the question)", self.driver.find_element(By.CSS_SELECTOR, "#q1 .feedback .verdict").text)
        self.assertEqual(self.driver.find_element(By.ID, "quiz-band").text, "Learning")

    def test_a_self_check_item_reveals_its_answer_on_request_and_is_not_scored(self):
        self.open("quizzes/practice.html", self.mkdocs)
        answer = self.driver.find_element(By.CSS_SELECTOR, "#q3 details.reveal p")
        self.assertFalse(answer.is_displayed())
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#q3 input"), [])
        self.driver.find_element(By.CSS_SELECTOR, "#q3 details.reveal summary").click()
        self.assertTrue(answer.is_displayed())
        self.assertIn("database is down", answer.text)
        self.choose(2, "b")
        self.submit("quiz-2")
        self.assertEqual(self.driver.find_element(By.ID, "quiz-2-score").text, "1/1")

    def test_a_lesson_quiz_keyed_by_its_solutions_page_scores_in_the_lessons_letters(self):
        self.open("01_frameworks/Session4_Production_MCP_Deployment.html", self.mkdocs)
        body = self.driver.find_element(By.TAG_NAME, "body").text
        self.assertEqual(body.count("An image bundles the server with its runtime."), 1)
        for number, letter in enumerate(["A", "A", "D", "D", "B", "B", "A", "C", "D", "B"], start=1):
            self.choose(number, letter)
        self.submit()
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "10/10")
        self.assertEqual(self.driver.find_element(By.ID, "quiz-band").text, "Expert level")

    def test_real_course_pages_load_without_console_errors(self):
        for site, path in [(self.mkdocs, "quizzes/practice.html"), (self.mkdocs, "01_frameworks/Session4_Production_MCP_Deployment.html"),
                           (self.mdbook, "checks/quiz.html")]:
            self.open(path, site)
            errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
            self.assertEqual(errors, [], path)


class DialectInChromium(ChromiumCase):
    """One page mixing GFM, the MkDocs Material dialect and raw HTML
    (Tests/MarkdownTests/Fixtures/dialect.md), and a page of the OWASP XSS filter evasion
    vectors (Tests/MarkdownTests/Fixtures/owasp), built as a folder of markdown."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        course = cls.work / "dialect-course"
        course.mkdir()
        fixtures = REPO / "Tests" / "MarkdownTests" / "Fixtures"
        shutil.copy(fixtures / "dialect.md", course / "dialect.md")
        vectors = []
        for line in (fixtures / "owasp" / "xss-filter-evasion.txt").read_text().splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            vector = line.split("\t", 1)[1]
            for escape, character in [("\\t", "\t"), ("\\n", "\n"), ("\\r", "\r"), ("\\0", "\0")]:
                vector = vector.replace(escape, character)
            vectors.append(vector)
        cls.vector_count = len(vectors)
        (course / "xss.md").write_text("# Vectors\n\n" + "\n\n".join(vectors) + "\n")
        cls.dialect = cls.work / "dialect-site"
        build_site(cls.dialect, course)

    def test_no_dialect_syntax_is_left_as_text(self):
        self.open("dialect.html", self.dialect)
        text = self.driver.find_element(By.TAG_NAME, "main").get_attribute("textContent")
        code = "".join(e.get_attribute("textContent") for e in self.driver.find_elements(By.CSS_SELECTOR, "main pre"))
        for literal in ["===", "!!!", "???", "{.", "{ .", "{:", "++", ":material", "| --", "[^", "<details", "alert("]:
            self.assertNotIn(literal, text.replace(code, ""), literal)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main .admonition")), 1)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main details")), 4)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main kbd")), 4)

    def test_tabs_switch_by_keyboard_and_by_click(self):
        self.open("dialect.html", self.dialect)
        blocks = self.driver.find_elements(By.CSS_SELECTOR, "main .tabbed-set[data-tabs='1:2'] > .tabbed-content > .tabbed-block")
        self.assertTrue(blocks[0].is_displayed())
        self.assertFalse(blocks[1].is_displayed())
        first = self.driver.find_element(By.ID, "__tabbed_1_1")
        self.driver.execute_script("arguments[0].focus()", first)
        ActionChains(self.driver).send_keys(Keys.ARROW_RIGHT).perform()
        self.wait(lambda _: blocks[1].is_displayed())
        self.assertFalse(blocks[0].is_displayed())
        self.assertTrue(self.driver.find_element(By.ID, "__tabbed_1_2").is_selected())
        self.assertIn("Nested tab content.", blocks[1].text)
        self.driver.find_element(By.CSS_SELECTOR, "label[for='__tabbed_1_1']").click()
        self.wait(lambda _: blocks[0].is_displayed())
        self.assertIn("breaker.py", blocks[0].text)

    def test_owasp_vectors_run_nothing(self):
        self.open("xss.html", self.dialect)
        self.driver.execute_script("return 1")
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main script, main iframe, main svg, main object, main embed"), [])
        handlers = self.driver.execute_script(
            "return [...document.querySelectorAll('main *')].flatMap(e => [...e.attributes].map(a => a.name))"
            ".filter(n => n.startsWith('on') || n === 'style')")
        self.assertEqual(handlers, [])
        self.assertGreaterEqual(self.vector_count, 75)


if __name__ == "__main__":
    unittest.main(verbosity=2)
