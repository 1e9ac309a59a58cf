"""The core's JSON text → Python values: money and other decimals as
``decimal.Decimal``, dates as ``datetime.date``.

Only the shapes of the inventory (as the core writes it) and of the
equality statistics are known here, never a rule: every figure comes from
the core. Reports need no decoding: their values are built in Rust.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict, List, Optional

__all__ = ["inventory", "equality"]

def equality(text: str) -> Dict[str, Any]:
    """Equality statistics JSON → dict with Decimal hours and time cost."""
    d: Dict[str, Any] = json.loads(text)
    for k in ("hours", "time_cost"):
        d[k] = {g: Decimal(v) for g, v in d[k].items()}
    return d


def _decimals(obj: Optional[Dict[str, Any]], *keys: str) -> None:
    if obj is None:
        return
    for k in keys:
        v = obj.get(k)
        if isinstance(v, str):
            obj[k] = Decimal(v)


def _dates(obj: Optional[Dict[str, Any]], *keys: str) -> None:
    if obj is None:
        return
    for k in keys:
        v = obj.get(k)
        if isinstance(v, str):
            obj[k] = datetime.date.fromisoformat(v)


def inventory(text: str) -> Dict[str, Any]:
    """``natverk/1`` JSON as the core writes it → dict with Decimals and dates."""
    d: Dict[str, Any] = json.loads(text)
    for p in d.get("people", []):
        _decimals(p, "hourly_cost")
    for s in d.get("fee_schedules", []):
        for t in s.get("tiers", []):
            _decimals(t, "amount")
        _decimals(s.get("per_capita"), "base", "rate", "min", "max")
    for r in d.get("exchange_rates", []):
        _decimals(r, "rate")
    networks: List[Dict[str, Any]] = d.get("networks", [])
    for n in networks:
        _dates(n, "start", "end", "deadline")
        _dates(n.get("decision"), "date")
        for p in n.get("participants", []):
            _decimals(p, "hours_per_year")
        for c in n.get("costs", []):
            _decimals(c, "amount")
            _dates(c, "date")
        for f in n.get("financing", []):
            _decimals(f, "share", "max_per_year", "probability")
    return d
