"""Lectern's harness for the circuit-breaker exercise (Python track).

It runs inside the sandbox, in one process with the learner's code, so it never decides
pass or fail: it drives scenarios against the submission and writes what it observes, as
plain JSON, to its own channel (file descriptor 3). The grader judges those observations
outside the sandbox against expectations that never come in here. See
docs/grading-protocol.md in the Lectern repository.
"""
