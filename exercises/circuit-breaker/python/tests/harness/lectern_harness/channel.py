"""The observation channel: JSON Lines on a private duplicate of file descriptor 3.

Every function this module needs is bound when it is imported, before any learner code
runs, so a submission that patches `os` or `json` does not change what is written.
"""

import json.encoder as _json_encoder
import os as _os

_write = _os.write
_dup = _os.dup
_close = _os.close
_encode_str = _json_encoder.encode_basestring_ascii
_int_repr = int.__repr__
_float_repr = float.__repr__
_str_join = str.join
_type = type
_len = len
_memoryview = memoryview
_bytes = bytes


class ChannelError(Exception):
    """File descriptor 3 is not open for writing."""


def _encode(value) -> str:
    """JSON text of a value already made plain (see plain.py): exact built-in types only."""
    kind = _type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return _int_repr(value)
    if kind is float:
        return _float_repr(value)
    if kind is str:
        return _encode_str(value)
    if kind is list:
        return "[" + _str_join(",", [_encode(item) for item in value]) + "]"
    if kind is dict:
        return "{" + _str_join(
            ",", [_encode_str(key) + ":" + _encode(item) for key, item in value.items()]
        ) + "}"
    raise ChannelError(f"internal: {kind.__name__} reached the encoder")


class Channel:
    """Writes one record per line; each record carries the run's nonce."""

    __slots__ = ("_fd", "_nonce")

    def __init__(self, nonce: str, fd: int = 3) -> None:
        try:
            self._fd = _dup(fd)
        except OSError as error:
            raise ChannelError(
                f"file descriptor {fd} is not open: the grader passes the observation pipe there"
            ) from error
        # The learner's code does not get the descriptor number the grader documented.
        _close(fd)
        self._nonce = nonce

    def observation(self, scenario: str, obs: dict) -> None:
        """A scenario finished; `obs` maps keys to plain values."""
        self._emit({"nonce": self._nonce, "id": scenario, "obs": obs})

    def error(self, scenario: str, error: dict) -> None:
        """A scenario (or the import of the submission) blew up on learner code."""
        self._emit({"nonce": self._nonce, "id": scenario, "error": error})

    def _emit(self, record: dict) -> None:
        data = _memoryview(_bytes(_encode(record) + "\n", "ascii"))
        while _len(data):
            written = _write(self._fd, data)
            data = data[written:]
