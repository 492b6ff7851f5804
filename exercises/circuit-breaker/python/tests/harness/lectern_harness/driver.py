"""Runs scenarios one by one, each in a fresh event loop with its own time budget."""

import asyncio as _asyncio
import signal as _signal

from .context import Hang, Run
from .differential import run as _differential_run

DIFFERENTIAL_PREFIX = "diff:"
"""Scenario ids of differential programs; their programs (or seeds) come on stdin."""

SCENARIO_BUDGET = 2.0
"""Seconds of wall time one scenario may take before it is given up as an error."""

BACKSTOP_GRACE = 0.5
"""Extra seconds before SIGALRM interrupts code that blocks the event loop itself."""

IMPORT_BUDGET = 5.0

_new_event_loop = _asyncio.new_event_loop
_set_event_loop = _asyncio.set_event_loop
_all_tasks = _asyncio.all_tasks
_wait = _asyncio.wait
_timeout = _asyncio.timeout
_setitimer = _signal.setitimer
_ITIMER_REAL = _signal.ITIMER_REAL


class BudgetExceeded(Exception):
    """The scenario's asyncio budget ran out."""


def _alarm(signum, frame):
    raise Hang()


def install_backstop() -> None:
    _signal.signal(_signal.SIGALRM, _alarm)


def _arm(seconds: float) -> None:
    _setitimer(_ITIMER_REAL, seconds)


def _disarm() -> None:
    _setitimer(_ITIMER_REAL, 0)


async def _within(scenario, run: Run, budget: float) -> None:
    scope = _timeout(budget)
    try:
        async with scope:
            await scenario(run)
    except TimeoutError as error:
        if scope.expired():
            raise BudgetExceeded() from error.__context__
        raise


def _close(loop) -> None:
    try:
        _arm(1.0)
        pending = [task for task in _all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(_wait(pending, timeout=0.1))
        loop.run_until_complete(loop.shutdown_asyncgens())
    except BaseException:
        pass
    finally:
        _disarm()
        try:
            loop.close()
        except BaseException:
            pass
        _set_event_loop(None)


class Driver:
    """Runs the requested scenarios and writes exactly one record for each."""

    def __init__(self, channel, submission, scenarios: dict, budget: float = SCENARIO_BUDGET, request: dict = None):
        self.channel = channel
        self.submission = submission
        self.scenarios = scenarios
        self.budget = budget
        request = request or {}
        programs = request.get("differential")
        self.programs = programs if type(programs) is dict else {}
        self.annotate = request.get("annotate") is True

    def run(self, ids: list) -> None:
        install_backstop()
        try:
            _arm(IMPORT_BUDGET)
            try:
                module = self.submission.load()
            finally:
                _disarm()
        except BaseException as error:
            if isinstance(error, Hang):
                body = {"type": "Timeout", "message": f"importing the submission took longer than {IMPORT_BUDGET:g} s"}
                body.update(_line_only(self.submission.describe(error)))
            else:
                body = self.submission.describe(error)
            body["phase"] = "import"
            for scenario_id in ids:
                self.channel.error(scenario_id, body)
            return
        for scenario_id in ids:
            self._run_one(scenario_id, module)

    def _run_one(self, scenario_id: str, module) -> None:
        if scenario_id.startswith(DIFFERENTIAL_PREFIX):
            self._run_program(scenario_id, module)
            return
        scenario = self.scenarios.get(scenario_id)
        if scenario is None:
            self.channel.error(scenario_id, {"type": "UnknownScenario", "message": f"no scenario {scenario_id!r} in this harness"})
            return
        run = Run(module)
        loop = _new_event_loop()
        _set_event_loop(loop)
        try:
            _arm(self.budget + BACKSTOP_GRACE)
            try:
                loop.run_until_complete(_within(scenario, run, self.budget))
            finally:
                _disarm()
        except BudgetExceeded as error:
            body = {"type": "Timeout", "message": f"the scenario did not finish within {self.budget:g} s: a call never returned"}
            if error.__cause__ is not None:
                body.update(_line_only(self.submission.describe(error.__cause__)))
            self.channel.error(scenario_id, body)
        except Hang as error:
            body = {"type": "Timeout", "message": f"the scenario did not finish within {self.budget + BACKSTOP_GRACE:g} s: the code blocked the event loop"}
            body.update(_line_only(self.submission.describe(error)))
            self.channel.error(scenario_id, body)
        except BaseException as error:
            self.channel.error(scenario_id, self.submission.describe(error))
        else:
            self.channel.observation(scenario_id, run.obs)
        finally:
            _close(loop)

    def _run_program(self, scenario_id: str, module) -> None:
        """A differential scenario: a program (or a seed) from stdin's request, run on virtual
        time; the wall-clock backstop alone bounds it."""
        spec = self.programs.get(scenario_id)
        if type(spec) is not dict:
            self.channel.error(scenario_id, {"type": "UnknownScenario", "message": f"no program for {scenario_id!r} in the request"})
            return
        try:
            _arm(self.budget)
            try:
                obs = _differential_run(module, spec, self.annotate)
            finally:
                _disarm()
        except Hang as error:
            body = {"type": "Timeout", "message": f"the sequence did not finish within {self.budget:g} s: the code blocked the event loop"}
            body.update(_line_only(self.submission.describe(error)))
            self.channel.error(scenario_id, body)
        except BaseException as error:
            self.channel.error(scenario_id, self.submission.describe(error))
        else:
            self.channel.observation(scenario_id, obs)
        finally:
            _set_event_loop(None)


def _line_only(body: dict) -> dict:
    return {"line": body["line"]} if "line" in body else {}
