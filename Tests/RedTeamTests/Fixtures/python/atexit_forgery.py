# Attack: register atexit hooks that write forged "passing" records to every descriptor, after the tests ran.
import atexit
import json
import os


def forge():
    for fd in range(0, 64):
        for scenario in ("trip_at_threshold", "closed_success_resets", "timeout_default_config"):
            line = json.dumps({"nonce": "0" * 32, "id": scenario, "obs": {"state": "open"}}) + "\n"
            try:
                os.write(fd, line.encode())
            except OSError:
                pass


atexit.register(forge)
