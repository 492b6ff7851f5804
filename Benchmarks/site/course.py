"""Generates the site benchmark's course, shaped like a real MkDocs course.

About 270 pages and 5 MB of markdown in three modules: 70 lessons that each end in a
multiple-choice test without marks and a link to a separate solutions page that keys it
(the pairing `lectern` does for such courses), 8 optional module pages that end the same
way (78 solutions pages in all), and optional deep-dive pages. Most pages hold code blocks,
GFM tables, MkDocs admonitions (`!!! note`) and content tabs (`=== "Python"`), as real
courses written for MkDocs Material do. The navigation in mkdocs.yml lists every page in
nested sections.

The same markdown files can be laid out as a Hugo site (`hugo_site`), with a bare template,
so both tools build the same text. Deterministic: one seed.
"""
import random

WORDS = ("server request latency cache retry breaker circuit metric histogram counter gauge deploy "
         "container image health probe readiness liveness scale replica queue timeout budget error "
         "trace span log alert dashboard rollout canary release pipeline terraform state module "
         "resource client protocol message tool model agent session token limit window backoff").split()

MODULES = [("01_frameworks", "Agent Frameworks", 28), ("02_rag", "Retrieval-Augmented Generation", 24),
           ("03_mcp-acp-a2a", "MCP, ACP and A2A", 18)]  # 70 lessons
OPTIONAL_WITH_TEST = 8       # optional module pages ending in a test: 78 solutions pages in all
DEEP_DIVES = 111             # further optional pages: 70 + 8 + 78 + 111 + 3 module indexes = 270
SIZES = {"lesson": 30_000, "module": 14_000, "deep": 14_000}


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = f"`{rng.choice(WORDS)}_{rng.choice(WORDS)}()`"
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def code(rng, language, indent=""):
    lines = []
    for _ in range(rng.randint(8, 20)):
        a, b = rng.choice(WORDS), rng.choice(WORDS)
        lines.append({"python": f"    {a}_{b} = await client.{a}({b}=\"{rng.choice(WORDS)}\", timeout={rng.randint(1, 30)})",
                      "swift": f"    let {a}{b.capitalize()} = try await client.{a}({b}: \"{rng.choice(WORDS)}\")",
                      "yaml": f"  {a}_{b}: {rng.randint(1, 500)}",
                      "bash": f"lectern {a} --{b} {rng.randint(1, 9)} | grep {rng.choice(WORDS)}"}[language])
    body = "\n".join(indent + line for line in [f"```{language}"] + lines + ["```"])
    return body + "\n"


def table(rng):
    columns = rng.randint(3, 5)
    header = "| " + " | ".join(rng.choice(WORDS).capitalize() for _ in range(columns)) + " |"
    rule = "|" + "|".join(" --- " for _ in range(columns)) + "|"
    rows = ["| " + " | ".join(f"`{rng.choice(WORDS)}`" if c == 0 else " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
                              for c in range(columns)) + " |" for _ in range(rng.randint(3, 8))]
    return "\n".join([header, rule] + rows) + "\n"


def admonition(rng):
    kind = rng.choice(["note", "tip", "warning", "info"])
    return f'!!! {kind} "{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}"\n    {paragraph(rng)}\n'


def tabs(rng):
    out = []
    for language in ["python", "swift"]:
        out.append(f'=== "{language.capitalize()}"\n\n' + code(rng, language, indent="    "))
    return "\n".join(out)


def body(rng, title, links, size, code_share=0.7):
    parts = [f"# {title}\n"]
    section = 0
    while sum(map(len, parts)) < size:
        section += 1
        parts.append(f"\n## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {section}\n")
        for _ in range(rng.randint(2, 3)):
            parts.append("\n" + paragraph(rng) + "\n")
        roll = rng.random()
        if roll < code_share * 0.6:
            parts.append("\n" + code(rng, rng.choice(["python", "swift", "yaml", "bash"])))
        elif roll < code_share:
            parts.append("\n" + tabs(rng))
        if rng.random() < 0.35:
            parts.append("\n" + table(rng))
        if rng.random() < 0.3:
            parts.append("\n" + admonition(rng))
        if rng.random() < 0.4:
            parts.append("\n" + "".join(f"- {sentence(rng)}\n" for _ in range(rng.randint(3, 6))))
        if links and rng.random() < 0.4:
            target = rng.choice(links)
            parts.append(f"\nSee [{target[1]}]({target[0]}) for more.\n")
    return "".join(parts)


def questions(rng, count=10):
    """Each question: title, prompt, four option texts, the right one's index."""
    out = []
    for number in range(1, count + 1):
        options = []
        while len(options) < 4:
            text = sentence(rng)[:-1].replace("`", "").replace("**", "")
            if text not in options:
                options.append(text)
        out.append((f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}", sentence(rng)[:-1] + "?", options, rng.randrange(4)))
    return out


def lesson_test(number, qs, solutions):
    out = [f"\n---\n\n## 📝 Multiple Choice Test - Session {number}\n\nTest your understanding of this session.\n"]
    for index, (_, prompt, options, _) in enumerate(qs, start=1):
        out.append(f"\n**Question {index}:** {prompt}\n")
        out.append("".join(f"{'ABCD'[i]}) {text}  \n" for i, text in enumerate(options)))
    out.append(f"\n---\n\n[**🗂️ View Test Solutions →**]({solutions})\n")
    return "".join(out)


def solutions_page(rng, title, lesson, qs):
    out = [f"# {title} - Test Solutions\n\n## 📝 Multiple Choice Test\n"]
    for index, (name, prompt, options, right) in enumerate(qs, start=1):
        order = list(range(4))
        rng.shuffle(order)  # the solutions page lists the options in its own order
        out.append(f"\n### Question {index}: {name}\n\n**{prompt}**\n\n")
        out.append("".join(f"{'ABCD'[at]}) {options[i]}{' ✅' if i == right else ''}  \n" for at, i in enumerate(order)))
        letter = "ABCD"[order.index(right)]
        out.append(f"\n**Correct Answer: {letter}) {options[right]}**\n\n**Explanation:** {sentence(rng)} ({letter}) "
                   f"{sentence(rng)}\n\n---\n")
    out.append("\n## Scoring Guide\n\n- 10 correct: Expert level - Ready for production\n"
               "- 8-9 correct: Proficient - Strong understanding\n- 6-7 correct: Competent - Review the gaps\n"
               "- 4-5 correct: Developing - Study the lesson again\n- Below 4: Beginner - Start over\n")
    out.append(f"\n[← Back to the lesson]({lesson})\n")
    return "".join(out)


def generate(root):
    """Writes the course under `root` (mkdocs.yml and docs/); returns its markdown files."""
    rng = random.Random(20261129)
    docs = root / "docs"
    docs.mkdir(parents=True)
    files = []

    def write(relative, text):
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        files.append(path)

    nav = ["  - Home: index.md\n"]
    write("index.md", "# Agentic AI Course\n\n" + paragraph(rng) + "\n\n" + table(rng))
    lessons_done, optional_tests, deep_left = 0, OPTIONAL_WITH_TEST, DEEP_DIVES
    for module_index, (folder, module_title, lesson_count) in enumerate(MODULES):
        module_nav = [f"    - {folder}/index.md\n"] + [f'    - "{name}": https://example.org/course/{folder}/{name.lower()}/\n'
                                                          for name in ["Curriculum", "Slides", "Discussion"]]
        write(f"{folder}/index.md", f"# {module_title}\n\n" + paragraph(rng) + "\n\n" + table(rng) + "\n" + admonition(rng))
        modules_left = len(MODULES) - module_index
        deep_here = deep_left // modules_left
        deep_left -= deep_here
        tests_here = optional_tests // modules_left
        optional_tests -= tests_here
        for lesson in range(lesson_count):
            number = lesson + 1
            stem = f"Session{number}_{rng.choice(WORDS).capitalize()}_{rng.choice(WORDS).capitalize()}"
            qs = questions(rng)
            solutions = f"Session{number}_Test_Solutions.md"
            title = f"Session {number}: {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}"
            siblings = [(f"{stem}.md", "this lesson")]
            write(f"{folder}/{stem}.md", body(rng, title, siblings, SIZES["lesson"]) + lesson_test(number, qs, solutions))
            write(f"{folder}/{solutions}", solutions_page(rng, title, f"{stem}.md", qs))
            session_nav = [f'        - "{title}": {folder}/{stem}.md\n']
            extras = deep_here // lesson_count + (1 if lesson < deep_here % lesson_count else 0)
            for extra in range(extras):
                name = f"Session{number}_Module{'ABCDEFG'[extra]}_{rng.choice(WORDS).capitalize()}"
                extra_title = f"Session {number} Module {'ABCDEFG'[extra]}: {rng.choice(WORDS).capitalize()}"
                write(f"{folder}/{name}.md", body(rng, extra_title, [(f"{stem}.md", "the lesson")], SIZES["deep"]))
                session_nav.append(f'        - "Module {"ABCDEFG"[extra]}": {folder}/{name}.md\n')
            if lesson < tests_here:
                name = f"Session{number}_ModuleT_Practice"
                test_title = f"Session {number} practice module"
                test_qs = questions(rng)
                test_solutions = f"Session{number}_ModuleT_Test_Solutions.md"
                write(f"{folder}/{name}.md", body(rng, test_title, [(f"{stem}.md", "the lesson")], SIZES["module"])
                      + lesson_test(number, test_qs, test_solutions))
                write(f"{folder}/{test_solutions}", solutions_page(rng, test_title, f"{name}.md", test_qs))
                session_nav.append(f'        - "Practice module": {folder}/{name}.md\n')
                session_nav.append(f'        - "Practice solutions": {folder}/{test_solutions}\n')
                session_nav.append(f'        - "Practice code": https://example.org/course/{folder}/src/practice{number}/\n')
            session_nav.append(f'        - "Solutions": {folder}/{solutions}\n')
            session_nav.append(f'        - "Code samples": https://example.org/course/{folder}/src/session{number}/\n')
            module_nav.append(f'    - "Session {number}":\n' + "".join(session_nav))
            lessons_done += 1
        nav.append(f'  - "{module_title}":\n' + "".join(module_nav))
    (root / "mkdocs.yml").write_text("site_name: Agentic AI Course\nsite_description: Generated for the benchmark.\n"
                                     "docs_dir: docs\ntheme:\n  name: material\n  language: en\n"
                                     "markdown_extensions:\n  - admonition\n  - tables\n  - pymdownx.superfences\n"
                                     "  - pymdownx.tabbed:\n      alternate_style: true\nnav:\n" + "".join(nav))
    return files


def navigation_entries(root):
    """How many entries mkdocs.yml's nav holds (pages and sections)."""
    text = (root / "mkdocs.yml").read_text().split("nav:\n", 1)[1]
    return sum(1 for line in text.splitlines() if line.strip().startswith("- "))


def hugo_site(root, course_docs, highlight=True):
    """Lays the same markdown out as a Hugo site with a bare template; returns the site folder.
    `highlight=False` turns off Chroma's highlighting of fenced code (`codeFences = false`)."""
    site = root
    (site / "layouts" / "_default").mkdir(parents=True)
    bare = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
            "<body><main>{{ .Content }}</main></body></html>\n")
    for name in ["single.html", "list.html"]:
        (site / "layouts" / "_default" / name).write_text(bare)
    (site / "config.toml").write_text('baseURL = "http://example.org/"\ntitle = "Agentic AI Course"\n'
                                      'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                                      '[markup.goldmark.renderer]\nunsafe = false\n'
                                      + ('' if highlight else '[markup.highlight]\ncodeFences = false\n'))
    content = site / "content"
    for source in sorted(course_docs.rglob("*.md")):
        relative = source.relative_to(course_docs)
        # Hugo takes a folder's page from _index.md.
        target = content / (relative.parent / "_index.md" if relative.name == "index.md" else relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    return site


def code_blocks(files):
    """Every fenced code block of the files: (language, code)."""
    import re
    fence = re.compile(r"^([ \t]*)```(\w+)\n(.*?)^\1```$", re.S | re.M)
    return [(m.group(2), m.group(3)) for f in files for m in fence.finditer(f.read_text())]
