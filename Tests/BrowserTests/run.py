#!/usr/bin/env python3
"""Browser tests of the study site in a real headless Chromium (Debian's chromium and
chromium-driver, driven by selenium), with axe-core (the axe.min.js that PyPI's
axe-playwright-python ships; scripts/test installs it) checking every page type for WCAG 2.1
A and AA violations.

Builds the bundled course (content/) and two courses shaped like real ones (an MkDocs course
with a lesson keyed by its solutions page and mkdocs-quiz blocks, an mdBook with partial credit)
with the lectern binary into a temporary folder, then opens the pages from file:// with no
server, as a learner who downloaded the site would; the classes that keep quiz attempts and the
theme from page to page open the bundled course through `lectern site serve` (see LearnerCase).

Run after `swift build`:  python3 Tests/BrowserTests/run.py
The binary is $LECTERN if set, else .build/debug/lectern. Exits non-zero on any failure.
"""
import importlib.util
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
LECTERN = pathlib.Path(os.environ.get("LECTERN", REPO / ".build" / "debug" / "lectern"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

sys.path.insert(0, str(REPO / "Benchmarks" / "site"))
import course as generated_course  # noqa: E402  (the benchmark's real-sized course)

# Session 4's answer key, in question order.
SESSION_4_ANSWERS = ["D", "D", "A", "A", "C", "C", "D", "B", "A", "C"]


def build_site(output, course=REPO / "content"):
    if not LECTERN.exists():
        sys.exit(f"error: {LECTERN} does not exist; run `swift build` first (or set LECTERN)")
    result = subprocess.run([str(LECTERN), "site", "build", str(course), "--output", str(output)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: lectern site build failed ({result.returncode}):\n{result.stderr}")


def serve_site(course, output):
    """Starts `lectern site serve` for the course on a free loopback port; returns the process
    and the site's origin once the server says it is serving."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen([str(LECTERN), "site", "serve", str(course), "--output", str(output),
                               "--port", str(port), "--no-watch"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said = []
    for line in server.stdout:
        said.append(line)
        if "Serving " in line:
            threading.Thread(target=server.stdout.read, daemon=True).start()  # keeps the pipe drained
            return server, f"http://127.0.0.1:{port}"
    server.wait()
    sys.exit(f"error: lectern site serve ended ({server.returncode}) before serving:\n{''.join(said)}")


def start_chromium(work):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900", f"--user-data-dir={work / 'profile'}"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def axe_source():
    """axe-core's script: $AXE_JS, else the copy in the axe-playwright-python package (found
    without importing it, so playwright itself is not needed)."""
    if os.environ.get("AXE_JS"):
        return pathlib.Path(os.environ["AXE_JS"]).read_text()
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("error: axe-core is missing: pip install --no-deps axe-playwright-python==0.1.8 (scripts/test does)")
    return (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


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
        cls.driver = start_chromium(cls.work)

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

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}


class LearnerCase(ChromiumCase):
    """Helpers for what a learner's browser shows and loads.

    A class that carries browser storage from page to page sets SERVED: its bundled-course
    pages come from `lectern site serve` over http://127.0.0.1, as an author previews them.
    Chromium does not keep file:// localStorage consistent across navigations: a page opened
    right after another wrote saw none of it in 3 of 12 and 2 of 20 trials (once not even after
    a reload), while over http the same steps saw every write in 20 of 20."""

    SERVED = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.driver.set_script_timeout(60)
        cls.server = None
        if cls.SERVED:
            cls.server, cls.origin = serve_site(REPO / "content", cls.work / "served")

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.terminate()
            cls.server.wait(timeout=10)
        super().tearDownClass()

    def open(self, path, site=None):
        if self.server and site is None:
            self.driver.get(f"{self.origin}/{path}")
        else:
            super().open(path, site)

    def setUp(self):
        # Nothing kept from an earlier test: the page that wrote it is left first (about:blank),
        # so none of its writes lands after the clearing.
        self.driver.get("about:blank")
        self.clear_storage()
        self.open("index.html")
        self.driver.execute_script("localStorage.clear()")
        self.wait(lambda d: d.execute_script("return localStorage.length") == 0)
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)

    def clear_storage(self):
        """Clears the pages' localStorage (file://, and the served origin) in the browser process
        itself: a renderer's own clear() reaches the next page's renderer only eventually (seen
        once in a full run)."""
        for origin in ["file://"] + ([self.origin] if self.server else []):
            self.driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage"})

    def tearDown(self):
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})

    def answer_session_4(self, letters=SESSION_4_ANSWERS):
        for number, letter in enumerate(letters, start=1):
            self.choose(number, letter)
        self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]").click()
        return self.wait(EC.visibility_of_element_located((By.ID, "quiz-result")))

    def resources(self):
        """The files the open page has loaded: its stylesheets, scripts (those a script added
        too, such as the search index's) and images, as absolute URLs (file:// pages get no
        resource timing entries)."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('script[src], link[rel=stylesheet][href], img[src]'))"
            ".map(function (e) { return e.src || e.href; })")

    def loaded_bytes(self, only=lambda url: True):
        """What the open page has loaded from the site, in bytes: the page and its resources
        (file:// gives no transfer sizes, so the files' sizes)."""
        page = self.driver.execute_script("return location.href.split('#')[0]")
        total = 0
        for url in [page] + self.resources():
            if url.startswith("file://") and only(url):
                total += pathlib.Path(url[len("file://"):].split("#")[0].split("?")[0]).stat().st_size
        return total


class LearnersQuizInChromium(LearnerCase):
    """The quiz as a learner takes it on the site: marked once, explanations in the letters shown,
    attempts kept in the browser and carried into `lectern progress`."""

    SERVED = True

    def test_submit_is_hidden_once_graded_and_submitting_again_scores_nothing(self):
        self.open("04-production-mcp-deployment/quiz.html")
        self.answer_session_4()
        submit = self.driver.find_element(By.CSS_SELECTOR, "#quiz button[type=submit]")
        self.assertFalse(submit.is_displayed())
        self.driver.execute_script("document.getElementById('quiz').requestSubmit()")
        kept = self.driver.execute_script("return window.lecternProgress.exportAll().attempts.length")
        self.assertEqual(kept, 1)
        self.assertEqual(self.driver.find_element(By.ID, "quiz-score").text, "10/10")

    def test_after_a_shuffle_an_explanation_cites_the_letter_the_option_now_has(self):
        self.open("04-production-mcp-deployment/quiz.html")
        self.answer_session_4()
        # A shuffle that moves question 2's option C ("Automatic scaling capabilities").
        self.driver.execute_script("Math.random = function () { return 0; };")
        self.wait(EC.element_to_be_clickable((By.ID, "quiz-retry"))).click()
        scaling = [o for o in self.driver.find_elements(By.CSS_SELECTOR, "#q2 .option") if "Automatic scaling" in o.text][0]
        letter = scaling.find_element(By.CSS_SELECTOR, ".letter").text.rstrip(")")
        self.assertNotEqual(letter, "C")
        self.answer_session_4()
        # Question 2's explanation says "Scaling (C)", naming that option.
        cited = self.driver.find_element(By.CSS_SELECTOR, "#q2 .feedback .option-ref").text
        self.assertEqual(cited, letter)
        shown = {o.find_element(By.CSS_SELECTOR, ".letter").text for o in self.driver.find_elements(By.CSS_SELECTOR, "#q2 .option")}
        self.assertEqual(shown, {"A)", "B)", "C)", "D)"})

    def test_the_best_attempt_is_shown_on_the_quiz_and_on_the_home_page(self):
        self.open("04-production-mcp-deployment/quiz.html")
        self.answer_session_4(["B"] * 10)
        self.wait(EC.element_to_be_clickable((By.ID, "quiz-retry"))).click()
        self.answer_session_4()
        best = self.driver.find_element(By.ID, "quiz-best")
        self.assertEqual(best.text, "Your best: 10/10, Expert level (2 attempts in this browser)")
        self.open("04-production-mcp-deployment/quiz.html")
        self.assertEqual(self.driver.find_element(By.ID, "quiz-best").text, "Your best: 10/10, Expert level (2 attempts in this browser)")
        self.open("index.html")
        line = self.driver.find_element(By.CSS_SELECTOR, ".session-progress")
        self.assertEqual(line.text, "Your best: 10/10, Expert level (2 attempts in this browser)")
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, ".my-progress").is_displayed())

    def test_the_downloaded_results_import_into_lectern_progress(self):
        self.open("04-production-mcp-deployment/quiz.html")
        self.wait(lambda d: d.execute_script("return window.lecternProgress.exportAll().attempts.length") == 0)
        self.answer_session_4(["D", "D", "A", "A", "C", "C", "D", "B", "A", "A"])  # 9 of 10
        exported = self.driver.execute_script("return JSON.stringify(window.lecternProgress.exportAll())")
        data = self.work / "lectern-progress.json"
        data.write_text(exported)
        store = self.work / "store"
        imported = subprocess.run([str(LECTERN), "progress", "import", str(data), "--data-dir", str(store), "--learner", "ada"],
                                  capture_output=True, text=True)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        self.assertIn("Imported 1 attempt of 1 for ada", imported.stdout)
        again = subprocess.run([str(LECTERN), "progress", "import", str(data), "--data-dir", str(store), "--learner", "ada"],
                               capture_output=True, text=True)
        self.assertIn("Imported 0 attempts of 1 (1 already there)", again.stdout)
        shown = subprocess.run([str(LECTERN), "progress", "--data-dir", str(store), "--learner", "ada"], capture_output=True, text=True)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("9/10", shown.stdout)
        self.assertIn("Proficient", shown.stdout)


class AccessibilityInChromium(LearnerCase):
    """axe-core finds no WCAG 2.1 A or AA violation on any page type, light and dark, at desktop
    and phone widths, nor on a marked quiz or open search results."""

    AXE = None

    def axe(self):
        if AccessibilityInChromium.AXE is None:
            AccessibilityInChromium.AXE = axe_source()
        self.driver.execute_script(AccessibilityInChromium.AXE)
        found = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])); });",
            WCAG_TAGS)
        return [f"{v['id']}: {v['help']} at " + "; ".join(", ".join(n["target"]) + " (" + (n.get("failureSummary") or "").replace("\n", " ") + ")"
                                                          for n in v["nodes"][:3]) for v in json.loads(found)]

    def pages(self):
        return [(self.site, "index.html"), (self.site, "04-production-mcp-deployment/lesson.html"),
                (self.site, "04-production-mcp-deployment/quiz.html"), (self.site, "exercises/circuit-breaker/index.html"),
                (self.site, "404.html"), (self.mkdocs, "01_frameworks/Session4_Production_MCP_Deployment.html"),
                (self.mkdocs, "01_frameworks/Session4_Test_Solutions.html"), (self.mkdocs, "quizzes/practice.html"),
                (self.mdbook, "checks/quiz.html")]

    def check_every_page(self, metrics, theme):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        if theme == "system dark":
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        else:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        problems = []
        for site, path in self.pages():
            self.open(path, site)
            if theme == "chosen dark":  # as the reader chooses it, with the header's theme menu
                Select(self.driver.find_element(By.ID, "theme-select")).select_by_value("dark")
                self.assertEqual(self.driver.execute_script("return document.documentElement.getAttribute('data-theme')"), "dark", path)
            problems += [f"{site.name}/{path}: {v}" for v in self.axe()]
        self.assertEqual(problems, [], "\n".join(problems))

    def test_every_page_type_light_at_desktop_width(self):
        self.check_every_page(DESKTOP, "light")

    def test_every_page_type_light_at_phone_width(self):
        self.check_every_page(PHONE, "light")

    def test_every_page_type_dark_from_the_system_at_desktop_width(self):
        self.check_every_page(DESKTOP, "system dark")

    def test_every_page_type_dark_from_the_system_at_phone_width(self):
        self.check_every_page(PHONE, "system dark")

    def test_every_page_type_dark_chosen_by_the_reader_at_desktop_width(self):
        self.check_every_page(DESKTOP, "chosen dark")

    def test_a_marked_quiz_and_open_search_results_light_and_dark(self):
        for scheme in ["light", "dark"]:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            self.open("04-production-mcp-deployment/quiz.html")
            self.answer_session_4(["B"] * 10)
            box = self.driver.find_element(By.ID, "search-input")
            box.click()
            box.send_keys("circuit")
            self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results li a mark")))
            self.assertEqual(self.axe(), [], scheme)

    def test_code_that_scrolls_sideways_takes_keyboard_focus(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        self.open("04-production-mcp-deployment/lesson.html")
        scrolling = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('main pre')).filter(function (p) { return p.scrollWidth > p.clientWidth; })"
            ".map(function (p) { return p.tabIndex; })")
        self.assertTrue(scrolling, "no code block scrolls at 360 px")
        self.assertEqual(set(scrolling), {0})


class LayoutInChromium(LearnerCase):
    """The layout of the best docs sites."""

    SERVED = True  # the theme choice is kept from page to page

    def test_the_sidebar_stays_in_view_marks_this_page_and_folds_other_groups(self):
        self.open("01_frameworks/Session4_Production_MCP_Deployment.html", self.mkdocs)
        sidebar = self.driver.find_element(By.ID, "sidebar")
        self.assertEqual(sidebar.value_of_css_property("position"), "sticky")
        self.driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        top = self.driver.execute_script("return document.getElementById('sidebar').getBoundingClientRect().top")
        self.assertGreaterEqual(top, 0)
        current = sidebar.find_element(By.CSS_SELECTOR, "a[aria-current='page']")
        self.assertEqual(current.text, "Session 4: Production Deployment")
        groups = sidebar.find_elements(By.CSS_SELECTOR, "details")
        opened = [g.find_element(By.TAG_NAME, "summary").text for g in groups if g.get_attribute("open") is not None]
        self.assertEqual(opened, ["Agent Frameworks"])
        closed = [g for g in groups if g.get_attribute("open") is None][0]
        closed.find_element(By.TAG_NAME, "summary").click()
        self.assertIsNotNone(closed.get_attribute("open"))
        self.assertTrue(closed.find_element(By.CSS_SELECTOR, "ul a").is_displayed())

    def test_the_table_of_contents_stands_right_of_the_page_and_marks_the_section_read(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(DESKTOP, width=1440))
        self.open("04-production-mcp-deployment/lesson.html")
        toc = self.driver.find_element(By.CSS_SELECTOR, ".toc")
        article = self.driver.find_element(By.CSS_SELECTOR, "article.content")
        self.assertGreaterEqual(toc.rect["x"], article.rect["x"] + article.rect["width"])
        links = toc.find_elements(By.CSS_SELECTOR, "a")
        target = links[len(links) // 2]
        heading_id = target.get_attribute("href").split("#", 1)[1]
        self.driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", heading_id)
        self.wait(lambda d: target.get_attribute("aria-current") == "true")
        self.assertEqual([l for l in links if l.get_attribute("aria-current") == "true"], [target])
        self.assertTrue(toc.is_displayed())

    def test_breadcrumbs_and_previous_next_links(self):
        self.open("04-production-mcp-deployment/quiz.html")
        crumbs = [li.text for li in self.driver.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs li")]
        self.assertEqual(crumbs[0], "Home")
        self.assertEqual(crumbs[-1], "Session 4: Production MCP Deployment — Test")
        self.assertIn("Previous", self.driver.find_element(By.CSS_SELECTOR, ".pager-prev").text)
        self.assertIn("Next", self.driver.find_element(By.CSS_SELECTOR, ".pager-next").text)

    def test_a_code_block_has_a_copy_button_that_copies_its_code(self):
        self.open("04-production-mcp-deployment/lesson.html")
        block = self.driver.find_element(By.CSS_SELECTOR, "main .code-block")
        button = block.find_element(By.CSS_SELECTOR, "button.copy-code")
        self.assertEqual(button.get_attribute("aria-label"), "Copy code")
        code = block.find_element(By.CSS_SELECTOR, "pre").get_attribute("textContent")
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        button.click()
        self.wait(lambda d: button.text == "Copied")
        copied = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, function () { done(getSelection().toString()); });")
        self.assertEqual(copied, code)

    def test_the_theme_choice_is_remembered_from_page_to_page(self):
        self.open("index.html")
        light = self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        Select(self.driver.find_element(By.ID, "theme-select")).select_by_value("dark")
        self.assertEqual(self.driver.execute_script("return document.documentElement.getAttribute('data-theme')"), "dark")
        self.open("04-production-mcp-deployment/lesson.html")
        self.assertEqual(self.driver.execute_script("return document.documentElement.getAttribute('data-theme')"), "dark")
        self.assertEqual(self.driver.find_element(By.ID, "theme-select").get_attribute("value"), "dark")
        dark = self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        self.assertNotEqual(dark, light)
        Select(self.driver.find_element(By.ID, "theme-select")).select_by_value("system")
        self.open("index.html")
        self.assertIsNone(self.driver.execute_script("return document.documentElement.getAttribute('data-theme')"))

    def test_printing_shows_the_page_alone(self):
        self.open("04-production-mcp-deployment/lesson.html")
        Select(self.driver.find_element(By.ID, "theme-select")).select_by_value("dark")
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for selector in ["#sidebar", ".site-header", ".pager", ".breadcrumbs", ".copy-code"]:
            self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector)
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "article.content h1").is_displayed())
        # The dark theme is chosen, yet code prints dark on white.
        colours = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('main pre code span')).map(function (s) { return getComputedStyle(s).color; })")
        self.assertTrue(colours)
        self.assertEqual(set(colours), {"rgb(0, 0, 0)"})


class RealSizedCourseInChromium(LearnerCase):
    """The benchmark's course, shaped like a real one (about 270 pages, 5 MB, 440 sidebar
    entries): weight and search as a learner meets them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big = cls.work / "big-site"
        generated_course.generate(cls.work / "big-course")
        build_site(cls.big, cls.work / "big-course")

    def test_the_home_page_loads_under_250_kb_in_all(self):
        for site in [self.site, self.big]:
            self.open("index.html", site)
            self.driver.find_element(By.TAG_NAME, "body")
            total = self.loaded_bytes()
            print(f"\n  home page of {site.name}: {total / 1000:.1f} KB loaded", file=sys.stderr)
            self.assertLess(total, 250_000, site.name)

    def test_a_page_without_code_loads_no_highlighter_and_a_page_with_code_is_highlighted(self):
        for path in ["index.html", "404.html"]:
            self.open(path)
            self.assertFalse([r for r in self.resources() if r.endswith("highlight.js")], path)
        self.open("04-production-mcp-deployment/lesson.html")
        self.assertTrue([r for r in self.resources() if r.endswith("highlight.js")])
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "pre code.hljs span[class^='hljs-']"))

    def test_every_code_block_of_a_long_lesson_is_highlighted_in_the_browser(self):
        lesson = max((self.big / "01_frameworks").glob("Session*.html"), key=lambda page: page.stat().st_size)
        self.open(str(lesson.relative_to(self.big)), self.big)
        blocks = self.driver.find_elements(By.CSS_SELECTOR, "main pre code[class*='language-']")
        self.assertGreaterEqual(len(blocks), 3)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main pre code.hljs")), len(blocks))
        # What highlighting costs the reader: the page's blocks highlighted again from plain text.
        took = self.driver.execute_script(
            "var blocks = Array.from(document.querySelectorAll('main pre code.hljs'));"
            "blocks.forEach(function (b) { b.textContent = b.textContent; b.classList.remove('hljs'); delete b.dataset.highlighted; });"
            "var one = (hljs.highlightElement || hljs.highlightBlock).bind(hljs);"
            "var start = performance.now(); blocks.forEach(function (b) { one(b); });"
            "return [performance.now() - start, blocks.reduce(function (n, b) { return n + b.textContent.length; }, 0)];")
        print(f"\n  highlight.js on {lesson.name}: {len(blocks)} blocks, {took[1] / 1000:.1f} KB of code in {took[0]:.1f} ms",
              file=sys.stderr)

    def test_a_search_shows_more_than_12_results_with_the_terms_marked(self):
        self.open("index.html", self.big)
        box = self.driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys("histogram")
        self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results li")))
        summary = self.driver.find_element(By.CSS_SELECTOR, "#search-results .search-summary").text
        count = int(summary.split()[0])
        self.assertGreater(count, 12)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "#search-results li")), 10)
        marks = self.driver.find_elements(By.CSS_SELECTOR, "#search-results li mark")
        self.assertTrue(marks)
        self.assertTrue(all(m.text.lower().startswith("histogram") for m in marks))
        self.driver.find_element(By.CSS_SELECTOR, "#search-results .search-more").click()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) == 20)

    def test_slash_focuses_the_search_box(self):
        self.open("04-production-mcp-deployment/lesson.html")
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys("/")
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "search-input")
        self.assertEqual(self.driver.find_element(By.ID, "search-input").get_attribute("value"), "")

    def test_the_first_query_loads_at_most_1_mb_of_index(self):
        self.open("index.html", self.big)
        box = self.driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys("circuit breaker")
        self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results li")))
        cost = self.loaded_bytes(lambda url: "/search/" in url)
        print(f"\n  first query on {self.big.name}: {cost / 1000:.1f} KB of index", file=sys.stderr)
        self.assertLessEqual(cost, 1_000_000)



# Page names that are URL syntax: each must still be linked as its own file.
HOSTILE_NAMES = ["javascript:alert(1)", 'say "hi"', "a<b>c", "hash#tag", "what?", "100%", "with space", "ünïcødé"]


class HostileNamesInChromium(unittest.TestCase):
    """A folder course whose pages are named like script URLs or with URL syntax, opened
    from file://: every sidebar link opens its page, and none runs a script."""

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="lectern-browser-hostile-"))
        course = cls.work / "course"
        course.mkdir()
        (course / "index.md").write_text("# Home\n\nWelcome.\n")
        for number, name in enumerate(HOSTILE_NAMES):
            (course / f"{name}.md").write_text(f"# Page {number}\n\nText of page {number}, findable as zebra{number}.\n")
        cls.site = cls.work / "site"
        build_site(cls.site, course)
        cls.driver = start_chromium(cls.work)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def assert_no_alert(self):
        try:
            alert = self.driver.switch_to.alert
        except NoAlertPresentException:
            return
        text = alert.text
        alert.dismiss()
        self.fail(f"a script ran: alert({text!r})")

    def test_every_sidebar_link_opens_its_page_and_runs_nothing(self):
        for number in range(len(HOSTILE_NAMES)):
            self.driver.get((self.site / "index.html").as_uri())
            # The sidebar's groups fold: a reader opens the group first.
            self.driver.execute_script("document.querySelectorAll('nav details').forEach(function (d) { d.open = true; })")
            link = self.driver.find_element(By.XPATH, f"//nav//a[normalize-space()='Page {number}']")
            href = link.get_attribute("href")
            link.click()
            self.assert_no_alert()
            self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, f"Page {number}", href)

    def test_search_results_open_their_pages(self):
        for number in [0, 3, 4, 5]:
            self.driver.get((self.site / "index.html").as_uri())
            box = self.driver.find_element(By.ID, "search-input")
            box.click()
            box.send_keys(f"zebra{number}")
            self.wait_for_result().click()
            self.assert_no_alert()
            self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, f"Page {number}")

    def wait_for_result(self):
        return WebDriverWait(self.driver, 5).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#search-results li a")))


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
