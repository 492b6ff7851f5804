# Floats are truncated to ints, which the float sum test catches.
def add(a, b):
    return int(a) + int(b)
