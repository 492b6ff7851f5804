"""Developer tool, not part of grading: run the harness on the reference and the mutants and
judge the observations against expectations.json by the rules of docs/grading-protocol.md.

    python3 exercises/circuit-breaker/python/tests/dev/selfcheck.py [--runs 5] [files...]

With no files it checks the reference (must pass every test) and every mutant (each must
fail at least one), then times full harness runs on the reference. A mutant is a patch,
mutants/NN_name.patch, applied to the reference with GNU patch as `lectern check` does; a
file given on the command line may be a patch too. `lectern check` is the real gate; this
script exists so the Python track can be developed without the grader.
"""

import argparse
import json
import math
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TRACK = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HARNESS = os.path.join(TRACK, "tests", "harness")
EXPECTATIONS = os.path.join(TRACK, "tests", "expectations.json")
ENTRY = "circuit_breaker.py"
REFERENCE = os.path.join(TRACK, "reference", ENTRY)
# GNU patch as lectern check runs it: no fuzz, no questions, no backup or reject files.
PATCH = ["patch", "--force", "--fuzz=0", "--no-backup-if-mismatch", "--reject-file=-"]


def apply_patch(patch: str, folder: str):
    """The mutant `patch` makes of the reference, written into `folder`: (its path, None),
    or (None, patch's message) when the patch does not apply."""
    name = os.path.splitext(os.path.basename(patch))[0] + ".py"
    output = os.path.join(folder, name)
    done = subprocess.run(PATCH + ["--output=" + output, REFERENCE, patch], capture_output=True, text=True)
    if done.returncode == 0:
        return output, None
    said = [line.strip().rstrip(".") for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith("patching file ")]
    return None, "; ".join(said) or f"patch exited with {done.returncode}"


def bug(patch: str) -> str:
    """A mutant's bug: its patch's first line, without the "Bug:"."""
    with open(patch, encoding="utf-8") as handle:
        first = handle.readline().strip()
    return first.removeprefix("Bug:").strip() or "not described"


def run_harness(submission: str, ids=(), extra=None):
    """Run the harness on one submission file (plus `extra` files: name → path, beside it);
    its fd-3 records, nonce and wall seconds."""
    with tempfile.TemporaryDirectory(prefix="cb-selfcheck-") as work:
        os.mkdir(os.path.join(work, "submission"))
        shutil.copy(submission, os.path.join(work, "submission", ENTRY))
        for name, path in (extra or {}).items():
            shutil.copy(path, os.path.join(work, "submission", name))
        shutil.copytree(HARNESS, os.path.join(work, "harness"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        nonce = secrets.token_hex(16)
        # Both ends are close-on-exec; the child gets the write end as fd 3 only.
        read_end, write_end = os.pipe()
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-I", "-S", "harness/run.py", *ids], cwd=work,
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=lambda: os.dup2(write_end, 3),
        )
        os.close(write_end)
        process.stdin.write(nonce.encode() + b"\n")
        process.stdin.close()
        chunks = []
        with os.fdopen(read_end, "rb") as channel:
            for chunk in iter(lambda: channel.read(65536), b""):
                chunks.append(chunk)
        process.wait(timeout=30)
        elapsed = time.perf_counter() - started
    records = []
    for line in b"".join(chunks).splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            pass
    return records, nonce, elapsed


def same(expected, observed) -> bool:
    """JSON equality: numbers as doubles, booleans apart from numbers, opaque never equal."""
    if isinstance(observed, dict) and "$repr" in observed:
        return False
    if isinstance(expected, bool) or isinstance(observed, bool):
        return isinstance(expected, bool) and isinstance(observed, bool) and expected == observed
    if isinstance(expected, (int, float)) or isinstance(observed, (int, float)):
        return (isinstance(expected, (int, float)) and isinstance(observed, (int, float))
                and float(expected) == float(observed))
    if isinstance(expected, list):
        return (isinstance(observed, list) and len(expected) == len(observed)
                and all(same(e, o) for e, o in zip(expected, observed)))
    if isinstance(expected, dict):
        return (isinstance(observed, dict) and expected.keys() == observed.keys()
                and all(same(expected[k], observed[k]) for k in expected))
    return type(expected) is type(observed) and expected == observed


def number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def matches(expect, observed) -> bool:
    if isinstance(expect, dict) and len(expect) >= 1 and all(k.startswith("$") for k in expect):
        if "$oneOf" in expect:
            return any(same(option, observed) for option in expect["$oneOf"])
        if "$approx" in expect:
            return number(observed) and abs(observed - expect["$approx"]) <= expect["$tol"]
        if "$range" in expect:
            low, high = expect["$range"]
            return number(observed) and low <= observed <= high
        raise ValueError(f"unknown matcher {expect}")
    return same(expect, observed)


def judge(expectations: dict, records: list, nonce: str) -> list:
    """[(test id, verdict, message)] for every test, by the protocol's rules."""
    wanted = {test["id"] for test in expectations["tests"]}
    first, tampered = {}, set()
    for record in records:
        if record.get("nonce") != nonce or record.get("id") not in wanted:
            continue
        if record["id"] in first:
            tampered.add(record["id"])
        else:
            first[record["id"]] = record
    verdicts = []
    for test in expectations["tests"]:
        record = first.get(test["id"])
        if test["id"] in tampered:
            verdicts.append((test["id"], "error", "more than one record (tampered)"))
        elif record is None:
            verdicts.append((test["id"], "error", "no observation"))
        elif "error" in record:
            error = record["error"]
            verdicts.append((test["id"], "error", f"{error.get('type')}: {error.get('message')} (line {error.get('line')})"))
        else:
            obs = record.get("obs", {})
            message = None
            for check in test["checks"]:
                if check["key"] not in obs:
                    message = f"{check['what']}: expected {json.dumps(check['expect'])}, got nothing"
                    break
                if not matches(check["expect"], obs[check["key"]]):
                    message = f"{check['what']}: expected {json.dumps(check['expect'])}, got {json.dumps(obs[check['key']])}"
                    break
            verdicts.append((test["id"], "fail" if message else "pass", message or ""))
    return verdicts


def check(path: str, expectations: dict, verbose: bool):
    if path.endswith(".patch"):
        with tempfile.TemporaryDirectory(prefix="cb-mutant-") as folder:
            mutant, problem = apply_patch(path, folder)
            if mutant is None:
                return [("-", "error", f"the patch does not apply: {problem}")], 0.0
            return check(mutant, expectations, verbose)
    records, nonce, elapsed = run_harness(path)
    verdicts = judge(expectations, records, nonce)
    failing = [(tid, verdict, message) for tid, verdict, message in verdicts if verdict != "pass"]
    if verbose:
        for tid, verdict, message in failing:
            print(f"    {verdict:5} {tid}: {message}")
    return failing, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="submission files to judge (default: reference and mutants)")
    parser.add_argument("--runs", type=int, default=5, help="timed full runs on the reference")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each failing test's message")
    args = parser.parse_args()
    with open(EXPECTATIONS) as handle:
        expectations = json.load(handle)
    total = len(expectations["tests"])
    if args.files:
        for path in args.files:
            failing, elapsed = check(path, expectations, True)
            print(f"{path}: {total - len(failing)}/{total} pass ({elapsed * 1000:.0f} ms)")
        return 0
    ok = True
    reference = REFERENCE
    failing, _ = check(reference, expectations, True)
    print(f"reference: {total - len(failing)}/{total} pass")
    ok &= not failing
    mutants_dir = os.path.join(TRACK, "mutants")
    for name in sorted(os.listdir(mutants_dir)):
        if not name.endswith(".patch"):
            continue
        patch = os.path.join(mutants_dir, name)
        with tempfile.TemporaryDirectory(prefix="cb-mutant-") as folder:
            mutant, problem = apply_patch(patch, folder)
            if mutant is None:
                print(f"mutant {name}: DOES NOT APPLY to the reference: {problem}")
                ok = False
                continue
            failing, _ = check(mutant, expectations, args.verbose)
        caught = ", ".join(f"{tid}" + ("" if verdict == "fail" else f" ({verdict})") for tid, verdict, _ in failing)
        print(f"mutant {name}: {'killed by ' + caught if failing else 'SURVIVES [' + bug(patch) + ']'}")
        ok &= bool(failing)
    times = [run_harness(reference)[2] for _ in range(args.runs)]
    print(f"reference full run: median {statistics.median(times) * 1000:.0f} ms over {args.runs} runs "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
