# Attack: raise SystemExit(0) at import, so the interpreter exits cleanly before any test runs.
raise SystemExit(0)
