# Attack: ignore SIGTERM, SIGINT and SIGHUP, leave a detached child that does the same, and sleep forever.
import os
import signal
import subprocess
import time

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, signal.SIG_IGN)
subprocess.Popen(
    ["python3", "-c",
     "import signal, time\nfor s in (15, 2, 1): signal.signal(s, signal.SIG_IGN)\ntime.sleep(3600)",
     "lectern-redteam-marker"],
    start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
while True:
    time.sleep(1)
