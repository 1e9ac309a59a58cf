"""Python arguments → the core's options. Conversion only: which words and
years are valid is the core's to say (it raises ``ArgumentError``)."""

from __future__ import annotations

import datetime
import operator
from typing import Any, Iterable, List, Optional, Union

from ._errors import ArgumentError

__all__ = ["year", "words", "date_text", "is_midnight"]


def year(name: str, value: object) -> int:
    """A year from any integer type (``int``, ``numpy.int64``, …:
    whatever ``operator.index`` takes); ``TypeError`` for others."""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        raise TypeError(f"{name} must be an integer year, not a bool")
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(
            f"{name} must be an integer year (int or a numpy integer), "
            f"not {type(value).__name__}"
        ) from None


def words(name: str, value: Union[str, Iterable[str]]) -> List[str]:
    """A word or a list of words (``by="subject"`` is ``by=["subject"]``)."""
    items = [value] if isinstance(value, str) else list(value)
    for v in items:
        if not isinstance(v, str):
            raise TypeError(f"{name} must hold str, not {type(v).__name__}")
    return items


def is_midnight(value: datetime.datetime) -> bool:
    """Whether a ``datetime`` (or ``pandas.Timestamp``) is a whole day."""
    return value.time() == datetime.time(0) and getattr(value, "nanosecond", 0) == 0


def date_text(name: str, value: Optional[Any]) -> Optional[str]:
    """``YYYY-MM-DD`` of a date option: a ``datetime.date``, a midnight
    ``datetime`` or ``pandas.Timestamp``, or text (checked by the core)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        try:
            midnight = is_midnight(value)
        except ValueError:  # pandas.NaT
            raise TypeError(f"{name} is a missing date ({value!r}): give a date or None") from None
        if not midnight:
            raise ArgumentError._one("PY_TIME_OF_DAY", f"options.{name}", name=name, value=str(value))
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(
        f"{name} must be a datetime.date, a datetime at midnight or 'YYYY-MM-DD', "
        f"not {type(value).__name__}"
    )
