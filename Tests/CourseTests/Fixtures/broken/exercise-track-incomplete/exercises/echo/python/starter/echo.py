def echo(x):
    raise NotImplementedError
