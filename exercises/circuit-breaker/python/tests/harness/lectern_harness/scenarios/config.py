"""CircuitState, CircuitBreakerConfig defaults and validation."""

from ..plain import class_names
from .registry import scenario

FIELDS = ("failure_threshold", "recovery_timeout", "success_threshold", "timeout")


def _verdict(run, **fields) -> str:
    """How creating a config with these fields ended: "accepted" or the error's class."""
    try:
        run.m.CircuitBreakerConfig(**fields)
    except ValueError:
        return "ValueError"
    except TypeError:
        return "TypeError"
    except Exception as error:
        return run.kind(error)
    return "accepted"


@scenario
async def config_defaults(run):
    config = run.m.CircuitBreakerConfig()
    for field in FIELDS:
        run.note(field, getattr(config, field))
    run.obs["expected_exceptions"] = class_names(config.expected_exceptions)
    used = run.m.CircuitBreaker().config
    for field in FIELDS:
        run.note("breaker." + field, getattr(used, field))
    run.obs["breaker.expected_exceptions"] = class_names(used.expected_exceptions)


@scenario
async def state_enum_strings(run):
    states = run.m.CircuitState
    run.note("members", sorted(member.name for member in states))
    for name in ("CLOSED", "OPEN", "HALF_OPEN"):
        run.note_state(name, getattr(states, name))


@scenario
async def invalid_thresholds(run):
    for field in ("failure_threshold", "success_threshold"):
        for value in (0, -1, True, 2.5):
            run.note(f"{field}={value!r}", _verdict(run, **{field: value}))


@scenario
async def invalid_times(run):
    for field, value in (
        ("recovery_timeout", -1),
        ("recovery_timeout", float("nan")),
        ("recovery_timeout", float("inf")),
        ("timeout", 0),
        ("timeout", -0.1),
        ("recovery_timeout", 0),
    ):
        run.note(f"{field}={value!r}", _verdict(run, **{field: value}))


@scenario
async def invalid_expected(run):
    for label, value in (("()", ()), ("(int,)", (int,)), ("'x'", "x")):
        run.note(f"expected_exceptions={label}", _verdict(run, expected_exceptions=value))
    try:
        config = run.m.CircuitBreakerConfig(expected_exceptions=ValueError)
    except Exception as error:
        run.note("expected_exceptions=ValueError", run.kind(error))
    else:
        run.obs["expected_exceptions=ValueError"] = class_names(config.expected_exceptions)
