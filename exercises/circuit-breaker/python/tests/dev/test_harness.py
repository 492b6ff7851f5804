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


if __name__ == "__main__":
    unittest.main()
