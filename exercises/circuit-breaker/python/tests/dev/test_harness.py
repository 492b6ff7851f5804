"""Developer tests of the harness itself (stdlib unittest), not part of grading:

    python3 -m unittest discover -s exercises/circuit-breaker/python/tests/dev -v

They pin the protocol's promises: only exact built-in types become JSON values, one record
per requested scenario, import failures reported for every scenario with the learner's line,
a hang costs only its own scenario, and tampering from inside gains nothing.
"""

import enum
import json
import os
import sys
import unittest

DEV = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, DEV)
sys.path.insert(0, os.path.join(os.path.dirname(DEV), "harness"))

import selfcheck  # noqa: E402
from lectern_harness.channel import Channel  # noqa: E402
from lectern_harness.plain import class_names, plain, state_value  # noqa: E402

FIXTURES = os.path.join(DEV, "fixtures")
TRACK = selfcheck.TRACK
REFERENCE = os.path.join(TRACK, "reference", selfcheck.ENTRY)
STARTER = os.path.join(TRACK, "starter", selfcheck.ENTRY)
WITH_REFERENCE = {"reference_copy.py": REFERENCE}


def fixture(name: str) -> str:
    return os.path.join(FIXTURES, name)


def line_of(path: str, text: str) -> int:
    with open(path) as handle:
        for number, line in enumerate(handle, 1):
            if text in line:
                return number
    raise AssertionError(f"{text!r} not in {path}")


def expectations() -> dict:
    with open(selfcheck.EXPECTATIONS) as handle:
        return json.load(handle)


def records_by_id(records: list, nonce: str) -> dict:
    return {record["id"]: record for record in records if record.get("nonce") == nonce}


class Everything(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class PlainValues(unittest.TestCase):
    def test_exact_builtin_types_pass_through(self):
        value = {"n": 1, "x": -4940.0, "s": "open", "b": True, "none": None, "list": [1, "a"]}
        self.assertEqual(plain(value), value)

    def test_tuples_become_lists(self):
        self.assertEqual(plain((1, "two")), [1, "two"])

    def test_a_subclass_that_equals_everything_is_opaque(self):
        self.assertEqual(plain(Everything(3)), {"$repr": "3", "$type": "Everything"})

    def test_a_str_subclass_is_opaque(self):
        class Sneaky(str):
            pass

        self.assertEqual(plain(Sneaky("open"))["$type"], "Sneaky")

    def test_non_finite_floats_and_unsafe_ints_are_opaque(self):
        self.assertEqual(plain(float("nan"))["$repr"], "nan")
        self.assertEqual(plain(2**60)["$type"], "int")

    def test_a_dict_with_a_non_string_key_is_opaque(self):
        self.assertIn("$repr", plain({1: "x"}))

    def test_a_repr_that_raises_still_gives_an_opaque_value(self):
        class Hostile:
            def __repr__(self):
                raise RuntimeError("no")

        self.assertEqual(plain(Hostile()), {"$repr": "<repr raised>", "$type": "Hostile"})

    def test_reprs_are_cut_at_200_characters(self):
        self.assertEqual(len(plain(object.__new__(type("Long", (), {"__repr__": lambda s: "x" * 999}))).get("$repr")), 200)


class StateValues(unittest.TestCase):
    def test_a_str_enum_member_gives_its_value(self):
        class State(str, enum.Enum):
            OPEN = "open"

        self.assertEqual(state_value(State.OPEN), "open")

    def test_a_plain_enum_member_gives_its_value(self):
        class State(enum.Enum):
            OPEN = "open"

        self.assertEqual(state_value(State.OPEN), "open")

    def test_a_plain_string_stays_as_it_is(self):
        self.assertEqual(state_value("half_open"), "half_open")

    def test_class_names_of_an_exception_tuple(self):
        self.assertEqual(class_names((Exception, enum.Enum)), ["Exception", "enum.Enum"])
        self.assertIn("$repr", class_names([Exception]))


class ChannelRecords(unittest.TestCase):
    def test_records_are_json_lines_with_the_nonce(self):
        read_end, write_end = os.pipe()
        saved = os.dup(3) if _fd_open(3) else None
        try:
            os.dup2(write_end, 3)
            channel = Channel("abcdef0123")
            channel.observation("s1", {"state": "open", "t": -4940.0, "ü": [None, True]})
            channel.error("s2", {"type": "ValueError", "message": "bad \"quote\"", "line": 3})
            os.close(write_end)
            del channel
        finally:
            if saved is not None:
                os.dup2(saved, 3)
                os.close(saved)
        data = b""
        while not data.endswith(b"\n") or data.count(b"\n") < 2:
            data += os.read(read_end, 4096)
        os.close(read_end)
        first, second = [json.loads(line) for line in data.splitlines()]
        self.assertEqual(first, {"nonce": "abcdef0123", "id": "s1", "obs": {"state": "open", "t": -4940.0, "ü": [None, True]}})
        self.assertEqual(second["error"]["message"], 'bad "quote"')
        self.assertTrue(data.isascii())


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


class HarnessRuns(unittest.TestCase):
    def test_the_reference_passes_every_test(self):
        records, nonce, _ = selfcheck.run_harness(REFERENCE)
        verdicts = selfcheck.judge(expectations(), records, nonce)
        self.assertEqual([v for v in verdicts if v[1] != "pass"], [])
        self.assertEqual(len(verdicts), 40)

    def test_only_the_requested_scenarios_are_run(self):
        records, nonce, _ = selfcheck.run_harness(REFERENCE, ["passthrough", "initial_stats"])
        self.assertEqual([r["id"] for r in records], ["passthrough", "initial_stats"])
        self.assertTrue(all(r["nonce"] == nonce for r in records))

    def test_the_starter_errors_with_the_line_of_its_not_implemented(self):
        records, nonce, _ = selfcheck.run_harness(STARTER, ["initial_stats"])
        error = records_by_id(records, nonce)["initial_stats"]["error"]
        self.assertEqual(error["type"], "NotImplementedError")
        self.assertEqual(error["line"], line_of(STARTER, 'raise NotImplementedError("validate the configuration")'))

    def test_a_syntax_error_is_an_import_error_for_every_scenario(self):
        records, nonce, _ = selfcheck.run_harness(fixture("syntax_error.py"), ["passthrough", "clock_only"])
        found = records_by_id(records, nonce)
        self.assertEqual(set(found), {"passthrough", "clock_only"})
        for record in found.values():
            self.assertEqual(record["error"]["type"], "SyntaxError")
            self.assertEqual(record["error"]["phase"], "import")
            self.assertEqual(record["error"]["line"], 4)
            self.assertEqual(record["error"]["col"], 17)

    def test_an_exception_at_import_names_its_line(self):
        records, nonce, _ = selfcheck.run_harness(fixture("raises_at_import.py"), ["passthrough"])
        error = records_by_id(records, nonce)["passthrough"]["error"]
        self.assertEqual((error["type"], error["message"], error["line"], error["phase"]),
                         ("RuntimeError", "cannot start", 4, "import"))

    def test_blocking_the_event_loop_costs_only_that_scenario(self):
        path = fixture("blocks_event_loop.py")
        records, nonce, _ = selfcheck.run_harness(
            path, ["timeout_default_config", "passthrough"], WITH_REFERENCE)
        found = records_by_id(records, nonce)
        self.assertEqual(found["timeout_default_config"]["error"]["type"], "Timeout")
        spin = line_of(path, "while True:")
        self.assertIn(found["timeout_default_config"]["error"]["line"], (spin, spin + 1))
        self.assertEqual(found["passthrough"]["obs"]["outcome"], "returned")

    def test_patching_json_and_os_does_not_change_the_records(self):
        records, nonce, _ = selfcheck.run_harness(fixture("patches_json_and_os.py"), (), WITH_REFERENCE)
        verdicts = selfcheck.judge(expectations(), records, nonce)
        self.assertEqual([v for v in verdicts if v[1] != "pass"], [])

    def test_forged_records_are_duplicates_and_judged_errors(self):
        records, nonce, _ = selfcheck.run_harness(fixture("forges_records.py"), ["passthrough"], WITH_REFERENCE)
        self.assertEqual([r["id"] for r in records if r["nonce"] == nonce].count("passthrough"), 2)
        verdicts = dict((tid, verdict) for tid, verdict, _ in selfcheck.judge(expectations(), records, nonce))
        self.assertEqual(verdicts["passthrough"], "error")


def load(path: str, name: str):
    """A submission loaded in this process, as the harness loads it."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class DifferentialPrograms(unittest.TestCase):
    """The random programs the grader compares against the reference (differential.py)."""

    @classmethod
    def setUpClass(cls):
        from lectern_harness import differential, programs
        cls.differential = differential
        cls.programs = programs
        cls.reference = load(REFERENCE, "circuit_breaker_reference")
        cls.correct = load(os.path.join(TRACK, "..", "..", "..", "Tests", "GradingTests", "Fixtures", "independent-bugs",
                                        "python", "correct.py"), "circuit_breaker_correct")

    def test_a_seed_gives_the_same_program_and_the_same_trace_every_time(self):
        self.assertEqual(self.programs.generate(1234), self.programs.generate(1234))
        first = self.differential.run(self.reference, {"seed": 1234}, False)
        again = self.differential.run(self.reference, {"seed": 1234}, False)
        self.assertEqual(first, again)
        self.assertGreater(len(first["trace"]), 10)

    def test_every_configuration_field_is_away_from_its_default(self):
        defaults = {"failure_threshold": 5, "recovery_timeout": 60, "success_threshold": 3, "timeout": 30.0,
                    "expected": ["Exception"]}
        for seed in range(50):
            config = self.programs.generate(seed)["config"]
            for field, default in defaults.items():
                self.assertNotEqual(config[field], default, (seed, field))

    def test_a_solution_written_from_the_readme_has_the_references_traces(self):
        for seed in range(60):
            with self.subTest(seed=seed):
                expected = self.differential.run(self.reference, {"seed": seed}, False)["trace"]
                self.assertEqual(self.differential.run(self.correct, {"seed": seed}, False)["trace"], expected)

    def test_annotated_runs_describe_every_step_and_name_the_tests(self):
        obs = self.differential.run(self.reference, {"seed": 7}, True)
        self.assertIn("program", obs)
        self.assertTrue(obs["breaker"].startswith("breaker = CircuitBreaker(CircuitBreakerConfig("))
        self.assertTrue(all(step.get("do") for step in obs["trace"]))
        known = {test["id"] for test in expectations()["tests"]}
        named = {step["test"] for step in obs["trace"] if "test" in step}
        self.assertTrue(named and named <= known, named - known)

    def test_a_program_with_dropped_operations_still_runs_and_renumbers_its_calls(self):
        program = self.programs.generate(99)
        program["ops"] = [op for op in program["ops"] if op["op"] != "call" or op["id"] % 2 == 0]
        obs = self.differential.run(self.reference, {"program": program}, True)
        calls = [op["id"] for op in obs["program"]["ops"] if op["op"] == "call"]
        self.assertEqual(calls, list(range(1, len(calls) + 1)))
        self.assertEqual(len(obs["trace"]), len(program["ops"]))

    def test_a_sleep_waking_at_a_deadline_makes_a_program_ambiguous(self):
        program = {"config": {"timeout": 2.0}, "ops": [{"op": "call", "id": 1, "does": "sleep", "seconds": 2.0}]}
        self.assertTrue(self.differential.ambiguous(program))
        program["ops"][0]["seconds"] = 1.25
        self.assertFalse(self.differential.ambiguous(program))

    def test_time_is_virtual_a_long_program_takes_no_wall_time(self):
        import time
        start = time.perf_counter()
        for seed in range(20):
            self.differential.run(self.reference, {"seed": seed}, False)
        self.assertLess(time.perf_counter() - start, 2.0)


if __name__ == "__main__":
    unittest.main()
