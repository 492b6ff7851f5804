# Attack: flood stdout and stderr.
import sys

line = "x" * 8192 + "\n"
while True:
    sys.stdout.write(line)
    sys.stderr.write(line)
