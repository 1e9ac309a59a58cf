"""Python data → ``natverk/1`` JSON text, for ``Inventory.from_dict``.

Only conversion happens here: every rule of the format is checked by the
core when it loads the text. The walk is iterative, so a deeply nested
value reaches the core (which rejects it with a finding) instead of
exhausting Python's stack.
"""

from __future__ import annotations

import datetime
import json
import operator
import sys
from decimal import Decimal
from typing import Any, Callable, Iterator, List, Mapping, Optional, Tuple, Union

__all__ = ["encode", "encode_value"]

_CHUNK = 10**1000
# beyond this many digits from the point, a decimal is written in exponent
# notation (the core holds 28 digits)
_DIGITS = 1000

# the C string encoder of the json module (ensure_ascii=False flavour)
_str: Callable[[str], str] = (
    getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
)


def _int_text(i: int) -> str:
    """Decimal digits of any int, beyond Python's str() digit limit."""
    if -_CHUNK < i < _CHUNK:
        return str(i)
    sign = "-" if i < 0 else ""
    i = abs(i)
    parts: List[str] = []
    while i:
        i, rest = divmod(i, _CHUNK)
        parts.append(str(rest))
    # every chunk but the most significant is zero-padded to 1000 digits
    head, tail = parts[-1], parts[-2::-1]
    return sign + head + "".join(p.rjust(1000, "0") for p in tail)


class _Frame:
    """An open dict or list; its path is built only for an error message
    (building it eagerly would cost quadratic time on deep nesting)."""

    __slots__ = ("items", "is_map", "parent", "key", "count")

    def __init__(
        self,
        items: Iterator[Tuple[Any, Any]],
        is_map: bool,
        parent: Optional["_Frame"],
        key: Union[str, int, None],
    ) -> None:
        self.items = items
        self.is_map = is_map
        self.parent = parent
        self.key = key
        self.count = 0


def _path(frame: Optional[_Frame], key: Union[str, int, None]) -> str:
    """``networks[0].costs[1].amount`` for ``key`` inside ``frame``."""
    steps: List[Union[str, int]] = []
    if key is not None:
        steps.append(key)
    while frame is not None and frame.key is not None:
        steps.append(frame.key)
        frame = frame.parent
    out = ""
    for step in reversed(steps):
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out or "the top level"


def _scalar_or_frame(
    value: Any, parent: Optional[_Frame], key: Union[str, int, None], out: List[str]
) -> Optional[_Frame]:
    # fast paths for the exact common types; subclasses take the long way
    t = type(value)
    if t is str:
        out.append(_str(value))
        return None
    if t is dict:
        out.append("{")
        return _Frame(iter(value.items()), True, parent, key)
    if t is list:
        out.append("[")
        return _Frame(enumerate(value), False, parent, key)
    if t is int:
        out.append(_int_text(value))
        return None
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_str(value))
    elif isinstance(value, float):
        hint = (
            "an empty spreadsheet cell? leave the key out or give None"
            if value != value
            else f"give money and other decimals as decimal.Decimal, str or int, "
            f"e.g. Decimal({str(value)!r})"
        )
        raise TypeError(
            f"float {value!r} at {_path(parent, key)}: a float is inexact, so natverk "
            f"does not accept one; {hint}"
        )
    elif isinstance(value, int):
        out.append(_int_text(int(value)))  # an IntEnum's str() is its name
    elif isinstance(value, Decimal):
        if value.is_finite() and -_DIGITS < value.adjusted() < _DIGITS:
            out.append(format(value, "f"))
        elif value.is_finite():
            # Decimal("1e999999999") in positional notation is a gigabyte of
            # zeros: in exponent notation (still a JSON number), which the
            # core refuses at its path as more digits than it holds
            out.append(str(value))
        else:
            # as a string, so the core reports it at its path
            out.append(json.dumps(str(value)))
    elif isinstance(value, datetime.datetime) and _is_missing_time(value):
        raise TypeError(
            f"{value!r} at {_path(parent, key)}: a missing date (an empty spreadsheet "
            f"cell?); leave the key out or give None"
        )
    elif isinstance(value, datetime.datetime):
        # a midnight datetime or pandas.Timestamp (what read_excel gives) is
        # a date; any other time reaches the core as text, which reports it
        # at its path with every other problem
        if _is_midnight(value):
            out.append(f'"{value.date().isoformat()}"')
        else:
            out.append(_str(str(value)))
    elif isinstance(value, datetime.date):
        out.append(f'"{value.isoformat()}"')
    elif _is_numpy_bool(value):
        out.append("true" if value else "false")
    elif (index := _index(value)) is not None:
        out.append(_int_text(index))  # numpy integers
    elif isinstance(value, Mapping):
        out.append("{")
        return _Frame(iter(value.items()), True, parent, key)
    elif isinstance(value, (list, tuple)):
        out.append("[")
        return _Frame(enumerate(value), False, parent, key)
    else:
        raise TypeError(
            f"{type(value).__name__} at {_path(parent, key)}: expected dict, list, "
            f"str, int, bool, None, decimal.Decimal or datetime.date (numpy integers "
            f"and midnight pandas.Timestamps are taken too)"
        )
    return None


def _is_midnight(value: datetime.datetime) -> bool:
    return value.time() == datetime.time(0) and getattr(value, "nanosecond", 0) == 0


def _is_missing_time(value: datetime.datetime) -> bool:
    """``pandas.NaT`` (an empty date cell) is a datetime without a time."""
    try:
        value.time()
    except ValueError:
        return True
    return False


def _is_numpy_bool(value: Any) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.bool_)


def _index(value: Any) -> Optional[int]:
    """The int of an integer-like value (numpy integers), else None."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        return None
    try:
        return operator.index(value)
    except TypeError:  # e.g. a numpy array
        return None


def _key_text(key: Any, frame: _Frame) -> str:
    """An integer key (a population year: ``{2023: 604616}``) as its digits."""
    i = _index(key)
    if i is not None:
        return str(i)
    raise TypeError(
        f"key {key!r} at {_path(frame, None)}: keys must be str (or an integer "
        f"year), not {type(key).__name__}"
    )


def encode_value(data: Mapping[str, Any], name: str) -> str:
    """The JSON text of one object of the format (a network), paths in
    errors starting at ``name``."""
    text = encode({name: data})
    # {"name":...}: the value is what follows the key and its colon
    return text[len(_str(name)) + 2 : -1]


def encode(data: Any) -> str:
    """The JSON text of ``data``; ``TypeError`` naming the key path for a
    ``float`` or any other value JSON cannot carry exactly. numpy integers
    and booleans are their values, a midnight ``datetime`` (a
    ``pandas.Timestamp`` from ``read_excel``) is its date, and integer keys
    (population years) are their digits."""
    if not isinstance(data, Mapping):
        raise TypeError(f"an inventory is a dict, not {type(data).__name__}")
    out: List[str] = []
    stack: List[_Frame] = []
    first = _scalar_or_frame(data, None, None, out)
    if first is not None:
        stack.append(first)
    while stack:
        top = stack[-1]
        item = next(top.items, None)
        if item is None:
            out.append("}" if top.is_map else "]")
            stack.pop()
            continue
        if top.count:
            out.append(",")
        top.count += 1
        if top.is_map:
            key, value = item
            if not isinstance(key, str):
                key = _key_text(key, top)
            out.append(_str(key))
            out.append(":")
        else:
            key, value = item
        child = _scalar_or_frame(value, top, key, out)
        if child is not None:
            stack.append(child)
    return "".join(out)
