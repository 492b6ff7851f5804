# Attack: steal the nonce and the channel descriptor, rewrite the harness files on disk so every scenario
# "passes", and re-execute the rewritten harness with the stolen nonce on stdin and the channel on fd 3.
import gc
import os
import sys

channel = next((t for t in gc.get_objects() if type(t).__name__ == "Channel" and hasattr(t, "_nonce")), None)
if channel is not None:
    driver = os.path.join("harness", "lectern_harness", "driver.py")
    with open(driver, "w") as f:
        f.write(
            "class Driver:\n"
            "    def __init__(self, channel, submission, scenarios):\n"
            "        self.channel, self.scenarios = channel, scenarios\n"
            "    def run(self, ids):\n"
            "        for i in ids:\n"
            "            self.channel.observation(i, {'state': 'open', 'raised': 'CircuitBreakerError', 'result': 'ok'})\n"
        )
    read_end, write_end = os.pipe()
    os.write(write_end, (channel._nonce + "\n").encode())
    os.close(write_end)
    os.dup2(read_end, 0)
    os.dup2(channel._fd, 3)
    os.execv(sys.executable, [sys.executable, "-I", "-S", "harness/run.py"] + sys.argv[1:])
