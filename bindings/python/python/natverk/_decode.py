"""The core's JSON text → Python values: money and other decimals as
``decimal.Decimal``, dates as ``datetime.date``.

The inventory's shape comes from the core's declaration of the format
(``_format.py``, generated); no rule is known here: every figure comes from
the core. Reports need no decoding: their values are built in Rust.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict

from natverk._format import FIELDS

__all__ = ["inventory", "equality"]

def equality(text: str) -> Dict[str, Any]:
    """Equality statistics JSON → dict with Decimal hours and time cost."""
    d: Dict[str, Any] = json.loads(text)
    for k in ("hours", "time_cost"):
        d[k] = {g: Decimal(v) for g, v in d[k].items()}
    return d


def _convert(obj: Any, name: str) -> None:
    """Converts, in place, the values of one object of the format by the
    kinds the core declares for its keys (``_format.FIELDS``)."""
    if not isinstance(obj, dict):
        return
    for key, kind in FIELDS[name]:
        v = obj.get(key)
        if v is None:
            continue
        if kind == "decimal" and isinstance(v, str):
            obj[key] = Decimal(v)
        elif kind == "date" and isinstance(v, str):
            obj[key] = datetime.date.fromisoformat(v)
        elif isinstance(kind, tuple):
            shape, inner = kind
            if shape == "object":
                _convert(v, inner)
            else:
                for item in v:
                    _convert(item, inner)


def inventory(text: str) -> Dict[str, Any]:
    """``natverk/1`` JSON as the core writes it → dict with Decimals and dates."""
    d: Dict[str, Any] = json.loads(text)
    _convert(d, "inventory")
    return d
