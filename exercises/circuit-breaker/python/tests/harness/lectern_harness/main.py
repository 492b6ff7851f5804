"""The harness's entry: nonce from stdin, channel on fd 3, then the submission."""

import json as _json
import os as _os
import sys as _sys

from .channel import Channel, ChannelError
from .driver import Driver
from .scenarios import SCENARIOS
from .submission import Submission

_HEX = frozenset("0123456789abcdefABCDEF")
_exit = _os._exit
_json_loads = _json.loads


def _read_nonce() -> str:
    line = _sys.stdin.buffer.readline(256).strip().decode("ascii", "replace")
    if not 8 <= len(line) <= 128 or not set(line) <= _HEX:
        raise ChannelError("stdin must start with the run's nonce: one line of 8 to 128 hex digits")
    return line


def _read_request() -> dict:
    """stdin's optional second line: the differential scenarios' programs or seeds (JSON)."""
    line = _sys.stdin.buffer.readline(1 << 22).strip()
    if not line:
        return {}
    request = _json_loads(line.decode("utf-8", "replace"))
    if type(request) is not dict:
        raise ChannelError("stdin's second line must be a JSON object")
    return request


def main(argv: list) -> None:
    """Run the scenarios named in argv (all of them when none) against ./submission."""
    try:
        nonce = _read_nonce()
        channel = Channel(nonce)
        request = _read_request()
    except (ChannelError, ValueError) as error:
        _sys.stderr.write(f"lectern harness: {error}\n")
        _exit(2)
    # One record per scenario: a repeated id is run once (a second record would read as tampering).
    ids = list(dict.fromkeys(argv)) if argv else list(SCENARIOS)
    Driver(channel, Submission(_os.getcwd()), SCENARIOS, request=request).run(ids)
    # The learner's output is theirs, but flush it so it can be shown; then leave without
    # running their atexit hooks or waiting for their threads.
    for stream in (_sys.stdout, _sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    _exit(0)
