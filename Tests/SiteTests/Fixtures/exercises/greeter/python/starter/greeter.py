def greet(name):
    """Return a greeting for name."""
    raise NotImplementedError
