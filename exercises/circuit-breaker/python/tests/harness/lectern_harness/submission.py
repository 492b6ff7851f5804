"""Loading the learner's file, and finding the learner's line in a traceback."""

import importlib.util as _importlib_util
import os as _os
import sys as _sys

ENTRY = "circuit_breaker.py"
MODULE = "circuit_breaker"
MESSAGE_LIMIT = 500

_realpath = _os.path.realpath
_str = str
_type = type


class Submission:
    """The learner's module, loaded from `<work dir>/submission/circuit_breaker.py`."""

    def __init__(self, work_dir: str) -> None:
        self.folder = _os.path.join(work_dir, "submission")
        self.path = _os.path.join(self.folder, ENTRY)
        self._real = _realpath(self.path)
        self._seen: dict[str, bool] = {}

    def load(self):
        """Import the learner's module (its folder first on sys.path, for its own helpers)."""
        if not _os.path.isfile(self.path):
            raise FileNotFoundError(f"the submission has no {ENTRY}")
        _sys.path.insert(0, self.folder)
        spec = _importlib_util.spec_from_file_location(MODULE, self.path)
        module = _importlib_util.module_from_spec(spec)
        _sys.modules[MODULE] = module
        spec.loader.exec_module(module)
        return module

    def describe(self, error: BaseException) -> dict:
        """An `error` record's body: type, message and, when known, the learner's line."""
        body = {"type": _type_name(error), "message": _message(error)}
        line, column = self._location(error)
        if line is not None:
            body["line"] = line
        if column is not None:
            body["col"] = column
        return body

    def _is_learner(self, filename) -> bool:
        if _type(filename) is not str:
            return False
        known = self._seen.get(filename)
        if known is None:
            known = self._seen[filename] = _realpath(filename) == self._real
        return known

    def _location(self, error: BaseException):
        if isinstance(error, SyntaxError) and self._is_learner(error.filename):
            line = error.lineno if _type(error.lineno) is int else None
            column = error.offset if _type(error.offset) is int and error.offset > 0 else None
            return line, column
        line = None
        trace = error.__traceback__
        while trace is not None:
            if self._is_learner(trace.tb_frame.f_code.co_filename):
                line = trace.tb_lineno
            trace = trace.tb_next
        return line, None


def _type_name(error: BaseException) -> str:
    try:
        name = _type.__dict__["__name__"].__get__(_type(error))
        return name if _type(name) is str else "?"
    except Exception:
        return "?"


def _message(error: BaseException) -> str:
    if isinstance(error, SyntaxError) and _type(error.msg) is str:
        return error.msg[:MESSAGE_LIMIT]
    try:
        text = _str(error)
        if _type(text) is not str:
            return "<str() did not return a str>"
    except BaseException:
        return "<str() raised>"
    return text[:MESSAGE_LIMIT]
