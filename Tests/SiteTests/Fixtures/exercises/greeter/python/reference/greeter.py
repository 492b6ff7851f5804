def greet(name):
    """Return a greeting for name."""
    if not name:
        raise ValueError("reference-secret: a name is required")
    return f"Hello, {name}!"  # reference-secret-line
