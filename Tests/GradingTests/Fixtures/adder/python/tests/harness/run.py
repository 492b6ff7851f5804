"""Fixture harness: reads the nonce, loads submission/adder.py, reports observations on fd 3."""
import importlib.util
import json
import os
import sys

nonce = sys.stdin.readline().strip()
channel = os.fdopen(3, "w", buffering=1)
ids = sys.argv[1:]
ENTRY = os.path.realpath("submission/adder.py")


def send(record):
    record["nonce"] = nonce
    channel.write(json.dumps(record) + "\n")
    channel.flush()


def plain(value):
    if value is None or type(value) in (int, float, str, bool):
        return value
    return {"$repr": repr(value)[:200], "$type": type(value).__name__}


def describe(error):
    body = {"type": type(error).__name__}
    if isinstance(error, SyntaxError):
        body["message"] = str(error.msg)
        if os.path.realpath(error.filename or "") == ENTRY:
            body["line"] = error.lineno
            body["col"] = error.offset
        return body
    body["message"] = str(error)
    trace = error.__traceback__
    while trace is not None:
        if os.path.realpath(trace.tb_frame.f_code.co_filename) == ENTRY:
            body["line"] = trace.tb_lineno
        trace = trace.tb_next
    return body


try:
    spec = importlib.util.spec_from_file_location("adder", "submission/adder.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
except BaseException as error:
    body = describe(error)
    body["phase"] = "import"
    for scenario in ids:
        send({"id": scenario, "error": body})
    sys.exit(0)

SCENARIOS = {
    "small": lambda: {"sum": plain(module.add(2, 3))},
    "negative": lambda: {"sum": plain(module.add(-2, -3)), "mixed": plain(module.add(5, -3))},
    "floats": lambda: {"sum": plain(module.add(0.1, 0.2))},
    "large": lambda: {"sum": plain(module.add(10**6, 1))},
    "result_type": lambda: {"type": type(module.add(1, 2)).__name__},
}

for scenario in ids:
    try:
        send({"id": scenario, "obs": SCENARIOS[scenario]()})
    except BaseException as error:
        send({"id": scenario, "error": describe(error)})
