# Attack: a background thread keeps writing forged records to every descriptor and tries to kill the harness's threads' work.
import json
import os
import threading
import time


def forge():
    while True:
        for fd in range(3, 64):
            line = json.dumps({"nonce": "f" * 32, "id": "trip_at_threshold", "obs": {"state": "open"}}) + "\n"
            try:
                os.write(fd, line.encode())
            except OSError:
                pass
        time.sleep(0.001)


for _ in range(4):
    threading.Thread(target=forge, daemon=True).start()
time.sleep(0.05)
