for _ in range(50):
    print("x" * 1000)


def add(a, b):
    return a + b
