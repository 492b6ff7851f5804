"""Seeded random programs for the differential scenarios (docs/grading-protocol.md).

A program is plain JSON: a configuration (every field away from its default) and a list of
operations on one breaker: calls whose function returns, raises an expected or an unexpected
exception, raises its own TimeoutError, waits until released (and so may run past its
deadline or be cancelled) or sleeps on the event loop; releases; cancellations; clock
advances; reads of the state and the stats; configurations tried with edge values. The same
seed gives the same program on every machine (`random.Random` is specified to).

The grader shrinks a diverging program by dropping operations, so the interpreter accepts
any subsequence: an operation on a call that was dropped does nothing, the same way in every
run.
"""

import random as _random

_Random = _random.Random

# Exception classes a function may raise, and which of them are subclasses of which, so that
# the generator can pick an expected or an unexpected one for a configuration.
ERRORS = ("ValueError", "KeyError", "LookupError", "RuntimeError", "ZeroDivisionError",
          "ArithmeticError", "ConnectionError", "OSError", "TimeoutError")
PARENTS = {
    "KeyError": ("LookupError", "Exception", "BaseException"),
    "ZeroDivisionError": ("ArithmeticError", "Exception", "BaseException"),
    "ConnectionError": ("OSError", "Exception", "BaseException"),
    "TimeoutError": ("OSError", "Exception", "BaseException"),
}
PROFILES = (
    ["ValueError"],
    ["LookupError"],
    ["ValueError", "TimeoutError"],
    "ValueError",
    ["BaseException"],
    ["OSError", "ArithmeticError"],
    ["RuntimeError", "KeyError"],
)

# Values a configuration field is tried with (the README's examples and their neighbours).
# Tokens, since JSON has no NaN or classes; programs.value() turns them into Python values.
CONFIG_TRIALS = {
    "failure_threshold": ("0", "-1", "True", "2.5", "1", "4"),
    "success_threshold": ("0", "-1", "True", "2.5", "1", "4"),
    "recovery_timeout": ("-1", "-0.5", "nan", "inf", "-inf", "0", "0.25", "True"),
    "timeout": ("0", "-0.1", "nan", "inf", "0.25", "0.001", "True"),
    "expected_exceptions": ("()", "(int,)", "'x'", "[ValueError]", "ValueError", "(ValueError, KeyError)"),
}


def is_expected(error: str, expected) -> bool:
    names = [expected] if isinstance(expected, str) else expected
    lineage = (error,) + PARENTS.get(error, ("Exception", "BaseException"))
    return any(name in lineage for name in names)


def generate(seed: int) -> dict:
    """The program of `seed`."""
    rng = _Random(seed)
    config = {
        "failure_threshold": rng.choice((1, 2, 2, 3, 4, 6)),
        "recovery_timeout": rng.choice((0.0, 2.5, 5.0, 5.0, 12.5)),
        "success_threshold": rng.choice((1, 2, 2, 4)),
        "timeout": rng.choice((0.75, 2.0, 4.5)),
        "expected": rng.choice(PROFILES),
    }
    expected = [name for name in ERRORS if is_expected(name, config["expected"])]
    unexpected = [name for name in ERRORS if name not in expected]
    return {"config": config, "ops": _operations(rng, config, expected, unexpected)}


class _Builder:
    """Appends operations, keeping the time line: no sleeping function wakes at an instant
    when a deadline passes or another one wakes (the event loop would pick the order)."""

    def __init__(self, rng, config, expected, unexpected) -> None:
        self.rng = rng
        self.config = config
        self.expected = expected
        self.unexpected = unexpected
        self.ops = []
        self.now = 0.0
        self.calls = 0
        self.waiting = []      # calls whose function waits to be released
        self.deadlines = set()
        self.sleep_ends = set()

    def error(self, kind: str) -> str:
        pool = self.expected if kind == "expected" and self.expected else self.unexpected or self.expected
        return self.rng.choice(pool)

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.ops.append({"op": "advance", "by": seconds})

    def call(self, does: str, error: str = None) -> int:
        rng = self.rng
        timeout = self.config["timeout"]
        if self.now + timeout in self.sleep_ends:
            # This call's deadline would race a sleeping function's wake-up: let time pass first.
            self.advance(0.25)
        self.calls += 1
        op = {"op": "call", "id": self.calls, "form": rng.choice(("async",) * 6 + ("plain", "future"))}
        if does == "sleep":
            for length in rng.sample((0.25, 0.5, 1.25, 2.75, 3.5, 5.25), 6):
                end = self.now + length
                if end not in self.deadlines and end not in self.sleep_ends and length != timeout:
                    op.update(does="sleep", seconds=length)
                    self.sleep_ends.add(end)
                    break
            else:
                op["does"] = "return"
        elif does == "raise":
            op.update(does="raise", error=error)
        else:
            op["does"] = does
        if op["does"] == "wait":
            self.waiting.append(self.calls)
        self.deadlines.add(self.now + timeout)
        self.ops.append(op)
        return self.calls

    def finish(self, call: int, outcome: str) -> None:
        if call in self.waiting:
            self.waiting.remove(call)
        op = {"op": "finish", "id": call, "does": "return" if outcome == "return" else "raise"}
        if outcome != "return":
            op["error"] = self.error(outcome)
        self.ops.append(op)

    def some_call(self) -> None:
        does = self.rng.choices(("return", "expected", "unexpected", "own_timeout", "wait", "sleep"),
                                (30, 30, 9, 4, 19, 8))[0]
        if does in ("expected", "unexpected"):
            self.call("raise", self.error(does))
        elif does == "own_timeout":
            self.call("raise", "TimeoutError")
        else:
            self.call(does)

    def some_advance(self) -> None:
        rng = self.rng
        timeout = self.config["timeout"]
        recovery = self.config["recovery_timeout"]
        # Odd binary fractions too, so that a rounded or converted timestamp shows.
        choices = [0.25, 0.5, 1.0, 2.5, timeout, timeout, 0.0078125, 0.1015625]
        if recovery > 0:
            choices += [recovery, recovery, recovery - 0.0078125]
        self.advance(rng.choice(choices))

    def read(self) -> None:
        kind = self.rng.choices(("state", "stats", "stats_copy"), (35, 55, 10))[0]
        self.ops.append({"op": kind})

    def single(self) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            self.some_call()
        elif roll < 0.62 and self.waiting:
            outcome = rng.choices(("return", "expected", "unexpected"), (50, 35, 15))[0]
            self.finish(rng.choice(self.waiting), outcome)
        elif roll < 0.66 and self.calls:
            self.ops.append({"op": "cancel", "id": rng.randint(max(1, self.calls - 3), self.calls)})
        elif roll < 0.84:
            self.some_advance()
        else:
            self.read()

    def failures(self) -> None:
        """About failure_threshold failures in a row: the circuit opens."""
        count = max(1, self.config["failure_threshold"] + self.rng.choice((-1, 0, 0, 0, 1)))
        for _ in range(count):
            if self.rng.random() < 0.2:
                self.advance(self.rng.choice((0.0078125, 0.25, 1.0)))
            self.call("raise", self.error("expected"))
        if self.rng.random() < 0.6:
            self.read()

    def recovery(self) -> None:
        """Waiting out the recovery timeout, at its boundary or just before it."""
        recovery = self.config["recovery_timeout"]
        if recovery > 0 and self.rng.random() < 0.3:
            self.advance(recovery - 0.0078125)
            self.read()
            self.advance(0.0078125)
        elif recovery > 0:
            self.advance(recovery)
        if self.rng.random() < 0.6:
            self.read()

    def probes(self) -> None:
        """A wave of probes: concurrent calls, then each ends one way or another."""
        rng = self.rng
        started = [self.call("wait") for _ in range(self.config["success_threshold"] + rng.choice((0, 1, 1, 2)))]
        if rng.random() < 0.5:
            self.read()
        rng.shuffle(started)
        for call in started:
            roll = rng.random()
            if roll < 0.65:
                self.finish(call, "return")
            elif roll < 0.8:
                self.finish(call, "expected")
            elif roll < 0.9:
                self.finish(call, "unexpected")
            else:
                self.ops.append({"op": "cancel", "id": call})
        if rng.random() < 0.6:
            self.read()

    def reopening_wave(self) -> None:
        """Probes running together, one of which fails: the circuit reopens while the others
        still run (their outcomes come late), then waits out the recovery for a new wave."""
        rng = self.rng
        started = [self.call("wait") for _ in range(self.config["success_threshold"] + 1)]
        self.finish(started.pop(rng.randrange(len(started))), "expected")
        self.read()
        for call in started:
            if rng.random() < 0.5:
                self.finish(call, rng.choice(("return", "expected")))
        self.recovery()
        self.probes()

    def overlap(self) -> None:
        """Calls running at once, some left to run past their deadline."""
        rng = self.rng
        started = [self.call(rng.choice(("wait", "wait", "sleep"))) for _ in range(rng.randint(2, 3))]
        for call in started:
            if call in self.waiting and rng.random() < 0.5:
                self.finish(call, rng.choice(("return", "expected", "unexpected")))
        self.advance(self.config["timeout"])
        if rng.random() < 0.6:
            self.read()

    def config_trial(self) -> None:
        field = self.rng.choice(sorted(CONFIG_TRIALS))
        self.ops.append({"op": "config", "field": field, "value": self.rng.choice(CONFIG_TRIALS[field])})


def _operations(rng, config, expected, unexpected) -> list:
    builder = _Builder(rng, config, expected, unexpected)
    length = rng.randint(16, 44)
    chunks = (builder.single, builder.failures, builder.recovery, builder.probes, builder.overlap,
              builder.read, builder.config_trial, builder.reopening_wave)
    while len(builder.ops) < length:
        rng.choices(chunks, (40, 15, 14, 12, 8, 6, 2, 5))[0]()
    # Configurations tried with edge values, at random places: a handful in every program, so
    # that the fixed seeds together try each of them.
    for _ in range(6):
        field = rng.choice(sorted(CONFIG_TRIALS))
        trial = {"op": "config", "field": field, "value": rng.choice(CONFIG_TRIALS[field])}
        builder.ops.insert(rng.randint(0, len(builder.ops)), trial)
    return builder.ops


def value(token: str, errors: dict):
    """The Python value a CONFIG_TRIALS token stands for."""
    if token in ("nan", "inf", "-inf"):
        return float(token)
    if token == "True":
        return True
    if token == "()":
        return ()
    if token == "(int,)":
        return (int,)
    if token == "'x'":
        return "x"
    if token == "[ValueError]":
        return [errors["ValueError"]]
    if token == "ValueError":
        return errors["ValueError"]
    if token == "(ValueError, KeyError)":
        return (errors["ValueError"], errors["KeyError"])
    return float(token) if "." in token else int(token)
