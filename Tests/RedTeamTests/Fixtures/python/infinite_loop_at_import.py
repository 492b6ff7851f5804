# Attack: spin forever at import so the grader hangs.
while True:
    pass
