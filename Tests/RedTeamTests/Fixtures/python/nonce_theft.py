# Attack: find the harness's channel object in memory (gc), steal its nonce and descriptor, write a plausible
# "passing" observation for every scenario, then end the process so the real results never arrive.
import gc
import json
import os
import sys


def forged_observation():
    return {"state": "open", "raised": "CircuitBreakerError", "result": "ok", "failure_count": 0,
            "success_count": 0, "next_attempt_time": 0.0, "calls": 1, "valid": True}


stolen = None
for thing in gc.get_objects():
    if type(thing).__name__ == "Channel" and hasattr(thing, "_nonce"):
        stolen = thing
        break

if stolen is not None:
    scenarios = sys.modules.get("lectern_harness.scenarios")
    ids = list(getattr(scenarios, "SCENARIOS", {})) if scenarios else []
    for scenario in ids:
        record = {"nonce": stolen._nonce, "id": scenario, "obs": forged_observation()}
        os.write(stolen._fd, (json.dumps(record) + "\n").encode())
os._exit(0)
