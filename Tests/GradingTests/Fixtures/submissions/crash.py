def add(a, b):
    if isinstance(a, float):
        raise RuntimeError("no floats here")
    return a + b
