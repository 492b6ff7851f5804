"""Defensive conversion of observed values into plain JSON values.

Only exact built-in types (`type(x) is int`, never `isinstance`) become JSON values.
Anything else becomes {"$repr": ..., "$type": ...}, which equals no expected value, so an
object that claims to equal everything never passes a check.
"""

import enum as _enum
import math as _math

_type = type
_isinstance = isinstance
_isfinite = _math.isfinite
_repr = repr
_len = len
_Enum = _enum.Enum

REPR_LIMIT = 200
STRING_LIMIT = 1000
ITEMS_LIMIT = 100
DEPTH_LIMIT = 4
SAFE_INT = 2**53


def _type_name(value) -> str:
    try:
        name = _type.__dict__["__name__"].__get__(_type(value))
    except Exception:
        return "?"
    return name if _type(name) is str else "?"


def opaque(value) -> dict:
    """The stand-in for a value that is not plain: its repr (bounded) and its class name."""
    try:
        text = _repr(value)
        if _type(text) is not str:
            text = "<repr did not return a str>"
    except BaseException:
        text = "<repr raised>"
    return {"$repr": text[:REPR_LIMIT], "$type": _type_name(value)}


def plain(value, depth: int = 0):
    """`value` as a JSON value if it is made of exact built-in types, else opaque()."""
    kind = _type(value)
    if value is None or kind is bool:
        return value
    if kind is int:
        return value if -SAFE_INT <= value <= SAFE_INT else opaque(value)
    if kind is float:
        return value if _isfinite(value) else opaque(value)
    if kind is str:
        return value if _len(value) <= STRING_LIMIT else opaque(value)
    if (kind is list or kind is tuple) and depth < DEPTH_LIMIT and _len(value) <= ITEMS_LIMIT:
        return [plain(item, depth + 1) for item in value]
    if kind is dict and depth < DEPTH_LIMIT and _len(value) <= ITEMS_LIMIT:
        items = list(dict.items(value))
        if all(_type(key) is str for key, _ in items):
            return {key: plain(item, depth + 1) for key, item in items}
    return opaque(value)


def state_value(value):
    """A state as its plain string: an Enum member gives its value (so both a plain Enum
    and a str-Enum are accepted); anything else is converted as it is."""
    if _isinstance(value, _Enum):
        try:
            value = value._value_
        except BaseException:
            return opaque(value)
    return plain(value)


def class_names(value):
    """A tuple of classes as a list of their names (`builtins` classes by bare name)."""
    if _type(value) is not tuple or _len(value) > ITEMS_LIMIT:
        return opaque(value)
    names = []
    for item in value:
        if not _isinstance(item, _type):
            return opaque(value)
        module = _type.__dict__["__module__"].__get__(item)
        name = _type.__dict__["__qualname__"].__get__(item)
        names.append(name if module == "builtins" else f"{module}.{name}")
    return names
