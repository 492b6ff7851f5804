# Attack: double-fork a daemon that outlives the run, then behave like an empty submission.
import os
import time

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/usr/bin/python3", ["python3", "-c", "import time; time.sleep(3600)", "lectern-redteam-marker"])
    os._exit(0)
time.sleep(0.1)
