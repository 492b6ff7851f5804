# mutant-secret: forgets to reject an empty name
def greet(name):
    return f"Hello, {name}!!"  # mutant-secret-line
