#!/usr/bin/python3
"""Drive a program through a real pseudo-terminal, as a learner at a keyboard would.

usage: pty_drive.py COLUMNS PROGRAM [ARG...]   (steps as JSON on stdin)

Steps: {"expect": "text"} waits (5 s at most) until the screen shows text that was not
there at the previous expect; {"send": "D\\n"} types bytes ("\\u0003" is Ctrl-C, "\\u0004"
Ctrl-D); {"resize": 50} sets the window's width; {"mark": "name"} notes the screen
length at that point; {"modes": "name"} notes the terminal's settings at that point (is it
canonical, does it echo, does it make signals); {"signal": 15} sends the child a signal
as another process would (kill); {"hangup": true} closes the terminal as closing its window
does (the master side goes away; nothing more can be read or typed). The pty is the child's
controlling terminal, so Ctrl-C becomes SIGINT through the line discipline as for a person.

Prints JSON: screen (everything shown, decoded as UTF-8), exit, signal, marks, modes,
failedExpect (the first text that never appeared), termiosRestored (the terminal's
settings after the child exited equal those before it started; null when the terminal
was hung up and can no longer be asked).
"""
import fcntl
import json
import os
import select
import signal
import struct
import sys
import termios
import time

TIMEOUT = 5.0


def main():
    columns = int(sys.argv[1])
    argv = sys.argv[2:]
    steps = json.load(sys.stdin)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    before = termios.tcgetattr(slave)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        # Start as from a login shell: default signal handling, nothing blocked (the test
        # runner that started us may block or ignore SIGINT, and both survive exec).
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        os.execv(argv[0], argv)

    screen = bytearray()
    consumed = 0
    marks = {}
    modes = {}
    hung_up = False
    failed = None
    status = None

    def pump(timeout):
        nonlocal status
        if hung_up:
            time.sleep(timeout)
            ready = []
        else:
            ready, _, _ = select.select([master], [], [], timeout)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            screen.extend(data)
        if status is None:
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code

    for step in steps:
        if "send" in step:
            os.write(master, step["send"].encode())
        elif "resize" in step:
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, step["resize"], 0, 0))
        elif "mark" in step:
            pump(0.05)
            marks[step["mark"]] = len(screen.decode("utf-8", "replace"))
        elif "modes" in step:
            pump(0.05)
            lflag = termios.tcgetattr(slave)[3]
            modes[step["modes"]] = {
                "canonical": bool(lflag & termios.ICANON),
                "echo": bool(lflag & termios.ECHO),
                "signals": bool(lflag & termios.ISIG),
            }
        elif "signal" in step:
            os.kill(pid, step["signal"])
        elif "hangup" in step:
            pump(0.05)
            os.close(master)
            hung_up = True
        elif "expect" in step:
            if hung_up:
                failed = step["expect"]
                break
            wanted = step["expect"].encode()
            deadline = time.monotonic() + TIMEOUT
            while True:
                at = screen.find(wanted, consumed)
                if at >= 0:
                    consumed = at + len(wanted)
                    break
                if time.monotonic() > deadline or (status is not None and not select.select([master], [], [], 0)[0]):
                    failed = step["expect"]
                    break
                pump(0.05)
            if failed:
                break

    deadline = time.monotonic() + TIMEOUT
    while status is None and time.monotonic() < deadline:
        pump(0.05)
    if status is None:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
    while not hung_up and select.select([master], [], [], 0.05)[0]:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        screen.extend(data)
    try:
        after = termios.tcgetattr(slave)
    except termios.error:
        after = None
    print(json.dumps({
        "screen": screen.decode("utf-8", "replace"),
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "marks": marks,
        "modes": modes,
        "failedExpect": failed,
        "termiosRestored": None if after is None else before == after,
    }))


if __name__ == "__main__":
    main()
