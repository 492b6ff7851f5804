"""Lectern harness entry point: `python3 -I -S harness/run.py [scenario ids...]`.

Run from the work directory that holds `submission/` and `harness/`; stdin's first line is
the run's nonce and file descriptor 3 the observation pipe (docs/grading-protocol.md).
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lectern_harness.main import main  # noqa: E402  (the path is set just above)

main(sys.argv[1:])
