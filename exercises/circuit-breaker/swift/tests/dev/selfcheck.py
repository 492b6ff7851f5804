#!/usr/bin/env python3
"""Dev-only self-check of the Swift track (not used by lectern, never enters a sandbox).

Compiles the reference and every mutant with the hidden-test harness the way exercise.yml
says (swiftc, one module, in a fresh work dir), runs the runner with a nonce on stdin and
fd 3 as the observation channel, and judges the records against tests/expectations.json by
the rules of docs/grading-protocol.md. The reference must pass every test; each mutant must
fail at least one. A mutant is a patch, mutants/NN_name.patch, applied to the reference with
GNU patch as `lectern check` does.

    python3 selfcheck.py                  # reference + all mutants
    python3 selfcheck.py FILE.swift ...   # judge these entries (verbose); FILE.patch: that mutant
    python3 selfcheck.py --times 3        # also time compile and run of the reference
"""
import json
import math
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TRACK = Path(__file__).resolve().parents[2]
HARNESS = TRACK / "tests" / "harness"
EXPECTATIONS = json.loads((TRACK / "tests" / "expectations.json").read_text())
COMPILE = ["swiftc", "-swift-version", "6", "-module-name", "Submission", "-o", "runner",
           "submission/CircuitBreaker.swift"]
WALL_SECONDS = 10
REFERENCE = TRACK / "reference" / "CircuitBreaker.swift"
# GNU patch as lectern check runs it: no fuzz, no questions, no backup or reject files.
PATCH = ["patch", "--force", "--fuzz=0", "--no-backup-if-mismatch", "--reject-file=-"]


def apply_patch(patch: Path, folder: Path) -> tuple[Path | None, str]:
    """The mutant `patch` makes of the reference, written into `folder`: (its path, ""), or
    (None, patch's message) when the patch does not apply."""
    output = folder / (patch.stem + ".swift")
    done = subprocess.run(PATCH + [f"--output={output}", str(REFERENCE), str(patch)], capture_output=True, text=True)
    if done.returncode == 0:
        return output, ""
    said = [line.strip().rstrip(".") for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith("patching file ")]
    return None, "; ".join(said) or f"patch exited with {done.returncode}"


def bug(patch: Path) -> str:
    """A mutant's bug: its patch's first line, without the "Bug:"."""
    lines = patch.read_text().splitlines()
    first = lines[0].strip() if lines else ""
    return first.removeprefix("Bug:").strip() or "not described"


def build(entry: Path, work: Path) -> tuple[bool, str, float]:
    (work / "submission").mkdir()
    shutil.copy(entry, work / "submission" / "CircuitBreaker.swift")
    shutil.copytree(HARNESS, work / "harness")
    harness = sorted(str(p.relative_to(work)) for p in (work / "harness").glob("*.swift"))
    started = time.monotonic()
    done = subprocess.run(COMPILE + harness, cwd=work, capture_output=True, text=True)
    return done.returncode == 0, done.stderr, time.monotonic() - started


def run(work: Path, ids: list[str]) -> tuple[str, list[str], float, str]:
    nonce = secrets.token_hex(16)
    read_end, write_end = os.pipe()

    def attach_channel():
        # Runs in the child before it closes the fds not kept; 3 is kept (pass_fds).
        os.dup2(write_end, 3)

    started = time.monotonic()
    child = subprocess.Popen(["./runner", *ids], cwd=work, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             pass_fds=(3,), preexec_fn=attach_channel)
    os.close(write_end)
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(drain(read_end)))
    reader.start()
    status = "graded"
    try:
        child.communicate((nonce + "\n").encode(), timeout=WALL_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        status = "timeout"
    elapsed = time.monotonic() - started
    reader.join()
    lines = b"".join(chunks).decode("utf-8", "replace").splitlines()
    return nonce, lines, elapsed, status


def drain(fd: int) -> bytes:
    data = bytearray()
    while chunk := os.read(fd, 65536):
        data += chunk
    os.close(fd)
    return bytes(data)


def matches(expect, observed) -> bool:
    if isinstance(expect, dict) and len(expect) >= 1 and next(iter(expect)).startswith("$"):
        number = isinstance(observed, (int, float)) and not isinstance(observed, bool)
        if "$oneOf" in expect:
            return any(same(v, observed) for v in expect["$oneOf"])
        if "$approx" in expect:
            return number and math.isfinite(observed) and abs(observed - expect["$approx"]) <= expect["$tol"]
        if "$range" in expect:
            lo, hi = expect["$range"]
            return number and lo <= observed <= hi
        raise ValueError(f"unknown matcher {expect}")
    return same(expect, observed)


def same(expect, observed) -> bool:
    """Exact JSON equality; numbers compared as doubles, booleans never equal numbers."""
    if isinstance(expect, bool) or isinstance(observed, bool):
        return type(expect) is type(observed) and expect == observed
    if isinstance(expect, (int, float)) and isinstance(observed, (int, float)):
        return float(expect) == float(observed)
    if isinstance(expect, list) and isinstance(observed, list):
        return len(expect) == len(observed) and all(map(same, expect, observed))
    if isinstance(expect, dict) and isinstance(observed, dict):
        return expect.keys() == observed.keys() and all(same(expect[k], observed[k]) for k in expect)
    return type(expect) is type(observed) and expect == observed


def judge(nonce: str, lines: list[str], ids: list[str]) -> dict[str, tuple[str, str]]:
    records: dict[str, dict] = {}
    tampered: set[str] = set()
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict) or record.get("nonce") != nonce or record.get("id") not in ids:
            continue
        if record["id"] in records:
            tampered.add(record["id"])
            continue
        records[record["id"]] = record
    verdicts = {}
    for test in EXPECTATIONS["tests"]:
        record = records.get(test["id"])
        if test["id"] in tampered:
            verdicts[test["id"]] = ("error", "duplicate record (tampered run)")
        elif record is None:
            verdicts[test["id"]] = ("error", "no observation")
        elif "error" in record:
            verdicts[test["id"]] = ("error", json.dumps(record["error"]))
        else:
            obs = record.get("obs") if isinstance(record.get("obs"), dict) else {}
            verdicts[test["id"]] = ("pass", "")
            for check in test["checks"]:
                if check["key"] not in obs:
                    verdicts[test["id"]] = ("fail", f"{check['what']}: expected {json.dumps(check['expect'])}, got nothing")
                    break
                if not matches(check["expect"], obs[check["key"]]):
                    verdicts[test["id"]] = ("fail", f"{check['what']}: expected {json.dumps(check['expect'])}, got {json.dumps(obs[check['key']])}")
                    break
    return verdicts


def grade(entry: Path) -> tuple[str, dict[str, tuple[str, str]], float, float]:
    ids = [t["id"] for t in EXPECTATIONS["tests"]]
    with tempfile.TemporaryDirectory(prefix="cb-swift-") as tmp:
        work = Path(tmp)
        if entry.suffix == ".patch":
            (work / "mutant").mkdir()
            mutant, problem = apply_patch(entry, work / "mutant")
            if mutant is None:
                return "does not apply: " + problem, {}, 0.0, 0.0
            entry = mutant
        ok, stderr, compile_seconds = build(entry, work)
        if not ok:
            return "compile error:\n" + stderr, {}, compile_seconds, 0.0
        nonce, lines, run_seconds, status = run(work, ids)
        return status, judge(nonce, lines, ids), compile_seconds, run_seconds


def main(argv: list[str]) -> int:
    times = 0
    if argv[:1] == ["--times"]:
        times, argv = int(argv[1]), argv[2:]
    problems = 0
    if argv:
        for name in argv:
            status, verdicts, c, r = grade(Path(name))
            print(f"{name}: {status}, compile {c:.2f} s, run {r:.3f} s")
            for test_id, (verdict, message) in verdicts.items():
                print(f"  {verdict:5} {test_id}" + (f": {message}" if message else ""))
        return 0
    reference = REFERENCE
    status, verdicts, c, r = grade(reference)
    failing = {k: v for k, v in verdicts.items() if v[0] != "pass"}
    passed = len(verdicts) - len(failing)
    print(f"reference: {status}; {passed}/{len(EXPECTATIONS['tests'])} pass; compile {c:.2f} s, run {r:.3f} s")
    for test_id, (verdict, message) in failing.items():
        print(f"  {verdict} {test_id}: {message}")
    if status != "graded" or failing or not verdicts:
        problems += 1
    if times:
        compiles, runs = [], []
        for _ in range(times):
            _, _, c, r = grade(reference)
            compiles.append(c)
            runs.append(r)
        print(f"reference timing over {times}: compile median {statistics.median(compiles):.2f} s "
              f"(min {min(compiles):.2f}, max {max(compiles):.2f}); run median {statistics.median(runs)*1000:.0f} ms")
    mutants = sorted((TRACK / "mutants").glob("*.patch"))
    killed = 0
    for mutant in mutants:
        status, verdicts, c, r = grade(mutant)
        caught = [k for k, v in verdicts.items() if v[0] != "pass"]
        if status.startswith("does not apply"):
            print(f"{mutant.name}: DOES NOT APPLY to the reference: {status.removeprefix('does not apply: ')}")
            problems += 1
        elif status.startswith("compile error"):
            print(f"{mutant.name}: DOES NOT COMPILE\n{status}")
            problems += 1
        elif caught:
            killed += 1
            print(f"{mutant.name}: killed by {len(caught)} ({', '.join(caught)}) [{bug(mutant)}]")
        else:
            print(f"{mutant.name}: SURVIVES [{bug(mutant)}]")
            problems += 1
    if mutants:
        print(f"mutation score: {killed}/{len(mutants)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
