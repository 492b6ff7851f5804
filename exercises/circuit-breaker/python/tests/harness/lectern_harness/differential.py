"""Differential scenarios: one program (programs.py) run against one breaker, step by step.

Each step's observations go into the trace as plain values: how each call ended (its own
result or exception object, or which other one), how often its function was called, whether
the function's cancellation handling had run, the state, the stats. The grader runs the same
program against the reference in a sandbox of its own and compares the traces outside; the
harness never judges anything here.

Time is one virtual line: the event loop's clock (virtual_loop.py) and the breaker's injected
clock, which reads T0 + the loop's time. A step that advances the clock sleeps on the loop, so
deadlines and sleeps due in between fire at their exact instants.

With `annotate` (the grader asks it of the reference's runs only), each step also names the
hidden test whose rule the step exercises, read from the breaker's stats around the step.
Those extra reads cannot change what a correct breaker does, and the submission's run never
makes them.
"""

import asyncio as _asyncio
import builtins as _builtins

from . import programs as _programs
from .plain import class_names, opaque, plain, state_value
from .virtual_loop import Stalled, VirtualTimeLoop

T0 = -5000.0
STATS_KEYS = ("state", "failure_count", "success_count", "last_failure_time", "next_attempt_time")
SETTLE_LIMIT = 10_000

_CancelledError = _asyncio.CancelledError
_Future = _asyncio.Future
_sleep = _asyncio.sleep
_wait = _asyncio.wait
_ensure_future = _asyncio.ensure_future
_set_event_loop = _asyncio.set_event_loop
_type = type
_dict_get = dict.get
_ERRORS = {name: getattr(_builtins, name) for name in _programs.ERRORS + ("Exception", "BaseException")}


class Busy(Exception):
    """The submission kept the event loop busy without ever waiting."""


class _Call:
    """One call of the program: its function, what it gave, and the task awaiting call()."""

    def __init__(self, number: int, op: dict) -> None:
        self.number = number
        self.op = op
        self.invocations = 0
        self.arguments_ok = True
        self.cancelled = False     # the function's cancellation handling ran
        self.cancelled_at_end = False
        self.gate = None           # a Future the function waits on (does = wait)
        self.entered = False
        self.result = object()
        self.error = None
        self.task = None
        self.state_at_start = None
        self.period_at_start = 0
        self.reported = False


def _make_error(name: str, number: int):
    return _ERRORS[name](f"e{number}")


class _Runner:
    def __init__(self, module, program: dict, annotate: bool) -> None:
        self.m = module
        self.program = program
        self.annotate = annotate
        self.loop = None
        self.calls: dict = {}
        self.trace: list = []
        self.breaker = None
        self.period = 0
        self.last_stats = None
        self.before = None
        self.last_test = None

    # -- the clock

    def clock(self) -> float:
        return T0 + self.loop._now

    # -- running

    def run(self) -> dict:
        loop = self.loop = VirtualTimeLoop()
        _set_event_loop(loop)
        try:
            loop.run_until_complete(self._main())
        except Stalled as error:
            self.trace.append({"see": [["error", f"the program stalled: {error}"]]})
        finally:
            self._close()
        return {"trace": self.trace}

    def _close(self) -> None:
        loop = self.loop
        try:
            pending = [call.task for call in self.calls.values() if call.task is not None and not call.task.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(_wait(pending, timeout=1.0))
        except BaseException:
            pass
        try:
            loop.close()
        except BaseException:
            pass
        _set_event_loop(None)

    async def _settle(self) -> None:
        loop = self.loop
        for _ in range(SETTLE_LIMIT):
            await _sleep(0)
            if not loop.busy():
                return
        raise Busy("the code kept the event loop busy and never waited")

    async def _main(self) -> None:
        config = self.program.get("config", {})
        self.breaker = self.m.CircuitBreaker(self._config(config), clock=self.clock)
        self.last_stats = self._peek() if self.annotate else None
        for op in self.program.get("ops", []):
            if self.annotate:
                self.before = self._peek()
                if self.before["state"] != self.last_stats["state"]:
                    self.period += 1
            see: dict = {}
            text = self._describe(op)
            try:
                await self._do(op, see)
                await self._settle()
            except Busy as error:
                self.trace.append({"see": [["error", str(error)]], "do": text})
                return
            except BaseException as error:
                if isinstance(error, _CancelledError):
                    raise
                see["error"] = self._raised(error)
            self._collect(see)
            step = {"see": [[key, value] for key, value in see.items()]}
            if self.annotate:
                after = self._peek()
                step["do"] = text
                test = self._test_for(op, self.before, after, see)
                if test:
                    step["test"] = test
                if self.before["state"] != after["state"] or (
                        after["state"] == "half_open" and after["last_failure_time"] != self.before["last_failure_time"]):
                    self.period += 1
                self.last_stats = after
            self.trace.append(step)

    def _config(self, fields: dict):
        expected = fields.get("expected", ["Exception"])
        if isinstance(expected, str):
            classes = _ERRORS[expected]
        else:
            classes = tuple(_ERRORS[name] for name in expected)
        return self.m.CircuitBreakerConfig(
            failure_threshold=fields.get("failure_threshold", 5),
            recovery_timeout=fields.get("recovery_timeout", 60),
            success_threshold=fields.get("success_threshold", 3),
            timeout=fields.get("timeout", 30.0),
            expected_exceptions=classes,
        )

    # -- one operation

    async def _do(self, op: dict, see: dict) -> None:
        kind = op.get("op")
        if kind == "call":
            number = op["id"]
            if number in self.calls:
                return
            call = self.calls[number] = _Call(number, op)
            call.state_at_start = self.before["state"] if self.annotate else None
            call.period_at_start = self.period
            call.task = _ensure_future(self._attempt(call))
            await self._settle()
            if not call.task.done():
                see[f"call #{number}"] = "running"
                see[f"f{number} calls"] = call.invocations
        elif kind == "finish":
            call = self.calls.get(op.get("id"))
            if call is None:
                return
            key = f"f{call.number}"
            if call.gate is None or call.gate.done() or not call.entered:
                see[key] = "was not waiting"
                return
            if op.get("does") == "raise":
                call.error = _make_error(op.get("error", "ValueError"), call.number)
                call.gate.set_exception(call.error)
            else:
                call.gate.set_result(None)
            see[key] = "released"
        elif kind == "cancel":
            call = self.calls.get(op.get("id"))
            if call is None:
                return
            if call.task.done():
                see[f"call #{call.number}"] = "had ended"
            else:
                call.task.cancel()
        elif kind == "advance":
            await _sleep(float(op.get("by", 0)))
        elif kind == "state":
            see["state"] = state_value(self.breaker.state)
        elif kind == "stats":
            self._stats(see, "get_stats()")
        elif kind == "stats_copy":
            first = self.breaker.get_stats()
            try:
                first["failure_count"] = 99
                first["state"] = "open"
                first["next_attempt_time"] = 0.0
            except TypeError:
                pass
            self._stats(see, "get_stats() after changing an earlier one's dict")
        elif kind == "config":
            see[f"CircuitBreakerConfig({op.get('field')}={op.get('value')})"] = self._try_config(op)

    def _stats(self, see: dict, label: str) -> None:
        stats = self.breaker.get_stats()
        if _type(stats) is not dict:
            see[label] = opaque(stats)
            return
        keys = list(stats)
        if sorted(str(key) for key in keys) != sorted(STATS_KEYS):
            see[f"{label} keys"] = plain(sorted(str(key) for key in keys))
        for key in STATS_KEYS:
            value = _dict_get(stats, key)
            see[f"{label}['{key}']"] = state_value(value) if key == "state" else plain(value)

    def _try_config(self, op: dict):
        field = op.get("field")
        try:
            config = self.m.CircuitBreakerConfig(**{field: _programs.value(op.get("value"), _ERRORS)})
        except (ValueError, TypeError):
            return "rejected"
        except Exception as error:
            return f"raised {_type_name(error)}"
        if field == "expected_exceptions":
            return {"accepted": class_names(getattr(config, field, None))}
        return {"accepted": plain(getattr(config, field, None))}

    # -- calls

    def _function(self, call: _Call):
        op = call.op
        does = op.get("does")
        loop = self.loop

        async def body(counted):
            if counted:
                call.invocations += 1
            call.entered = True
            try:
                if does == "raise":
                    call.error = _make_error(op.get("error", "ValueError"), call.number)
                    raise call.error
                if does == "wait":
                    call.gate = loop.create_future()
                    await call.gate
                elif does == "sleep":
                    await _sleep(float(op.get("seconds", 0)))
            except _CancelledError:
                call.cancelled = True
                raise
            return call.result

        form = op.get("form", "async")
        expected_arguments = ((call.number, "x"), {"n": call.number})

        def check(args, kwargs):
            if (args, kwargs) != expected_arguments:
                call.arguments_ok = False

        if form == "plain":
            def plain_function(*args, **kwargs):
                call.invocations += 1
                check(args, kwargs)
                return body(False)
            return plain_function
        if form == "future":
            def future_function(*args, **kwargs):
                call.invocations += 1
                check(args, kwargs)
                future = loop.create_future()
                task = _ensure_future(body(False))

                def copy(done):
                    if future.done():
                        return
                    if done.cancelled():
                        future.cancel()
                    elif done.exception() is not None:
                        future.set_exception(done.exception())
                    else:
                        future.set_result(done.result())

                def forward(outer):
                    if outer.cancelled() and not task.done():
                        task.cancel()

                task.add_done_callback(copy)
                future.add_done_callback(forward)
                return future
            return future_function

        async def async_function(*args, **kwargs):
            check(args, kwargs)
            return await body(True)
        return async_function

    async def _attempt(self, call: _Call):
        func = self._function(call)
        try:
            return await self.breaker.call(func, call.number, "x", n=call.number)
        finally:
            call.cancelled_at_end = call.cancelled

    def _collect(self, see: dict) -> None:
        """Adds how each call that has ended since the last step ended."""
        for call in self.calls.values():
            if call.reported or call.task is None or not call.task.done():
                continue
            call.reported = True
            see[f"call #{call.number}"] = self._ending(call)
            see[f"f{call.number} calls"] = call.invocations
            if call.invocations and not call.arguments_ok:
                see[f"f{call.number} arguments"] = "not the ones given to call()"
            if call.op.get("does") in ("wait", "sleep") and call.op.get("form") != "future":
                see[f"f{call.number} cancelled before the call ended"] = call.cancelled_at_end

    def _ending(self, call: _Call) -> str:
        task = call.task
        if task.cancelled():
            return "cancelled"
        error = task.exception()
        if error is None:
            value = task.result()
            if value is call.result:
                return f"returned r{call.number}"
            return f"returned {_describe_value(value)}"
        return self._raised(error, call)

    def _raised(self, error: BaseException, call: _Call = None) -> str:
        if call is not None and call.error is not None and error is call.error:
            return f"raised f{call.number}'s {_type_name(error)}"
        breaker_error = getattr(self.m, "CircuitBreakerError", None)
        if isinstance(breaker_error, type) and isinstance(error, breaker_error):
            cause = getattr(error, "__cause__", None)
            if cause is None:
                return "raised CircuitBreakerError"
            return f"raised CircuitBreakerError from {_type_name(cause)}"
        if isinstance(error, _CancelledError):
            return "raised CancelledError"
        return f"raised another {_type_name(error)}"

    # -- annotation (reference runs only)

    def _peek(self):
        stats = self.breaker.get_stats()
        return {key: (state_value(stats[key]) if key == "state" else stats[key]) for key in STATS_KEYS}

    def _test_for(self, op: dict, before: dict, after: dict, see: dict):
        """The hidden test whose rule this step exercises, or None (a read: the last one's)."""
        previous = self.last_stats
        test = None
        for opened, probing in ((previous, before), (before, after)):
            if opened["state"] == "open" and probing["state"] == "half_open":
                due = opened["next_attempt_time"]
                test = "recovery_boundary" if due is not None and self.clock() == due else "half_open_stats"
        kind = op.get("op")
        if kind == "config":
            field = op.get("field")
            test = ("invalid_thresholds" if field.endswith("threshold") else
                    "invalid_expected" if field == "expected_exceptions" else "invalid_times")
        elif kind == "stats_copy":
            test = "stats_snapshot"
        elif kind == "call":
            call = self.calls.get(op.get("id"))
            running = [c for c in self.calls.values() if c is not call and c.task is not None and not c.task.done()]
            if before["state"] == "open":
                test = "open_no_invoke"
            elif before["state"] == "half_open" and call is not None and call.invocations == 0:
                test = "single_probe" if self.program["config"].get("success_threshold") == 1 else "half_open_probe_limit"
            elif before["state"] == "closed" and running and call is not None and not call.task.done():
                test = "closed_calls_overlap"
        for call in self.calls.values():
            key = f"call #{call.number}"
            if key in see and see[key] not in ("running", "had ended"):
                ending = self._ending_test(call, before, after)
                if ending:
                    test = ending
        if test:
            self.last_test = test
        return self.last_test

    def _ending_test(self, call: _Call, before: dict, after: dict):
        op = call.op
        started = call.state_at_start
        stale = call.period_at_start != self.period and started != "open"
        if call.invocations == 0:
            return None
        if call.task.cancelled():
            return "cancelled_probe_frees_slot" if started == "half_open" else "cancel_never_counted"
        error = call.task.exception()
        if error is None:
            if stale:
                return "stale_success_ignored"
            if started == "half_open":
                return "success_threshold_closes"
            return "success_resets" if before["failure_count"] else "passthrough"
        if error is call.error and call.error is not None:
            name = _type_name(error)
            expected = _programs.is_expected(name, self.program["config"].get("expected", ["Exception"]))
            if stale:
                return "stale_failure_ignored"
            if name == "TimeoutError":
                return "own_timeouterror_raw"
            if not expected:
                if started == "half_open":
                    return "half_open_neutral"
                return "unexpected_no_reset" if before["failure_count"] else "unexpected_not_counted"
            if started == "half_open":
                if self.program["config"].get("failure_threshold", 5) > 1:
                    return "half_open_ignores_failure_threshold"
                return "reopen_restarts_timer"
            if name not in self.program["config"].get("expected", []):
                return "subclass_counted"
            if after["state"] == "open":
                return "threshold_one" if self.program["config"].get("failure_threshold") == 1 else "trip_at_threshold"
            return "below_threshold"
        # A timeout.
        if stale:
            return "stale_failure_ignored"
        if started == "half_open":
            return "timeout_in_half_open"
        if not _programs.is_expected("TimeoutError", self.program["config"].get("expected", ["Exception"])):
            return "timeout_not_expected"
        return "timeout_fake_stamps" if after["last_failure_time"] != before["last_failure_time"] else "timeout_default_config"

    # -- describing steps (reference runs only)

    def _describe(self, op: dict) -> str:
        if not self.annotate:
            return ""
        kind = op.get("op")
        if kind == "call":
            number = op.get("id")
            does = op.get("does")
            what = {
                "return": f"returns r{number}",
                "raise": f"raises {op.get('error')}",
                "wait": "waits until released",
                "sleep": f"sleeps {op.get('seconds')} s (asyncio.sleep), then returns r{number}",
            }.get(does, str(does))
            form = {"plain": " (a plain function returning a coroutine)",
                    "future": " (a plain function returning a Future)"}.get(op.get("form"), "")
            return f"call #{number}: breaker.call(f{number}, {number}, 'x', n={number}) in a task of its own; f{number}{form} {what}"
        if kind == "finish":
            number = op.get("id")
            if op.get("does") == "raise":
                return f"f{number} raises {op.get('error')}"
            return f"f{number} returns r{number}"
        if kind == "cancel":
            return f"the task awaiting call #{op.get('id')} is cancelled"
        if kind == "advance":
            return f"time passes: {op.get('by')} s (clock() is now {self.clock() + float(op.get('by', 0))})"
        if kind == "state":
            return "breaker.state"
        if kind == "stats":
            return "breaker.get_stats()"
        if kind == "stats_copy":
            return "changing the dict get_stats() returned, then get_stats() again"
        if kind == "config":
            return f"CircuitBreakerConfig({op.get('field')}={op.get('value')})"
        return str(kind)


def _type_name(value) -> str:
    try:
        name = _type.__dict__["__name__"].__get__(_type(value))
    except Exception:
        return "?"
    return name if _type(name) is str else "?"


def _describe_value(value) -> str:
    converted = plain(value)
    if _type(converted) is dict and "$repr" in converted:
        return f"another object ({_type_name(value)})"
    return f"the value {converted!r}"


def describe_config(program: dict) -> str:
    """The breaker a program builds, as Python."""
    fields = program.get("config", {})
    expected = fields.get("expected", ["Exception"])
    classes = expected if isinstance(expected, str) else "(" + ", ".join(expected) + ("," if len(expected) == 1 else "") + ")"
    return (f"breaker = CircuitBreaker(CircuitBreakerConfig(failure_threshold={fields.get('failure_threshold')}, "
            f"recovery_timeout={fields.get('recovery_timeout')}, success_threshold={fields.get('success_threshold')}, "
            f"timeout={fields.get('timeout')}, expected_exceptions={classes}), clock=clock); "
            f"clock() starts at {T0} and moves with the event loop's time")


def ambiguous(program: dict) -> bool:
    """Whether two timers of the program could fall due at one instant: a sleeping function
    waking at a deadline or at another one's wake-up, whose order is the event loop's choice.
    The grader does not use such programs (shrinking can make them)."""
    timeout = float(program.get("config", {}).get("timeout", 30.0))
    now = 0.0
    deadlines, wakes = set(), []
    for op in program.get("ops", []):
        kind = op.get("op")
        if kind == "advance":
            now += float(op.get("by", 0))
        elif kind == "call":
            deadlines.add(now + timeout)
            if op.get("does") == "sleep":
                wakes.append(now + float(op.get("seconds", 0)))
    return len(set(wakes)) != len(wakes) or any(wake in deadlines for wake in wakes)


def renumbered(program: dict) -> dict:
    """The program with its calls numbered 1, 2, … in order (a shrunk program keeps a few of
    the original calls); an operation on a call the program never makes gets id 0."""
    numbers = {}
    ops = []
    for op in program.get("ops", []):
        op = dict(op)
        if op.get("op") == "call" and op.get("id") not in numbers:
            numbers[op.get("id")] = len(numbers) + 1
        if "id" in op:
            op["id"] = numbers.get(op["id"], 0)
        ops.append(op)
    return dict(program, ops=ops)


def run(module, request: dict, annotate: bool) -> dict:
    """The observations of one differential scenario: the program (given, or generated from
    the request's seed), whether it is ambiguous, and its trace."""
    program = request.get("program")
    if program is None:
        program = _programs.generate(int(request.get("seed", 0)))
    program = renumbered(program)
    obs = _Runner(module, program, annotate).run()
    if annotate:
        obs["program"] = program
        obs["breaker"] = describe_config(program)
        obs["ambiguous"] = ambiguous(program)
    return obs
