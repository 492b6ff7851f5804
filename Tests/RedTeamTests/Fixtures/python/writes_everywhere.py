# Attack: try to create a file in every directory it can see, and report where it succeeded.
import os

written = []
for root, dirs, files in os.walk("/", onerror=lambda e: None):
    if root.startswith(("/proc", "/sys", "/usr/", "/opt/swift/")):
        dirs[:] = []
    try:
        with open(os.path.join(root, "lectern-redteam-pwned"), "w") as f:
            f.write("pwned")
        written.append(root)
    except OSError:
        pass
for guess in ("/tmp", "/root", "/work", "/work/main", "/home", "/var/tmp"):
    try:
        os.makedirs(guess, exist_ok=True)
        with open(os.path.join(guess, "lectern-redteam-pwned"), "w") as f:
            f.write("pwned")
        written.append(guess)
    except OSError:
        pass
raise ImportError(f"wrote: {sorted(set(written))}")
