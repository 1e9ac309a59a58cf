"""``Inventory``: load, save, check, report, equality (SPEC §3, §5–§7)."""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _decode, _encode, _html
from . import _natverk
from ._errors import Findings
from ._report import Equality, Report

__all__ = ["Inventory", "load", "check_file", "check_json", "PathLike", "DateLike"]

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[datetime.date, str]


def _today(today: Optional[DateLike]) -> Optional[str]:
    if today is None:
        return None
    if isinstance(today, datetime.datetime):
        raise TypeError("today must be a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(today, datetime.date):
        return today.isoformat()
    if isinstance(today, str):
        return today
    raise TypeError(f"today must be a datetime.date or 'YYYY-MM-DD', not {type(today).__name__}")


def _year(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int year, not {type(value).__name__}")
    return value


def _words(name: str, value: Union[str, Iterable[str]]) -> List[str]:
    items = [value] if isinstance(value, str) else list(value)
    for v in items:
        if not isinstance(v, str):
            raise TypeError(f"{name} must hold str, not {type(v).__name__}")
    return items


def _bytes(text: Union[str, bytes]) -> bytes:
    if isinstance(text, str):
        # lone surrogates reach the core as invalid UTF-8: a finding, not a crash
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected JSON text as str or bytes, not {type(text).__name__}")


class Inventory:
    """A validated inventory (format ``natverk/1``); immutable.

    Make one with :func:`natverk.load`, :meth:`from_json` or
    :meth:`from_dict`; a file with problems raises
    :class:`natverk.InventoryError` listing every one.

    ``organisation``, ``units``, ``people``, ``fee_schedules``,
    ``exchange_rates`` and ``networks`` give the data as plain dicts and
    lists (decimals as :class:`decimal.Decimal`, dates as
    :class:`datetime.date`, defaults filled in); each access builds a new
    copy, so keep it in a variable when exploring.
    """

    __slots__ = ("_native",)

    def __init__(self, native: _natverk.Inventory) -> None:
        if not isinstance(native, _natverk.Inventory):
            raise TypeError("use natverk.load, Inventory.from_json or Inventory.from_dict")
        self._native = native

    # ---- making one -----------------------------------------------------

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Inventory":
        """Loads ``natverk/1`` JSON text (str, or UTF-8 bytes)."""
        return cls(_natverk.Inventory.from_bytes(_bytes(text)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Inventory":
        """Loads an inventory given as Python data, shaped as the JSON file.

        Decimals (money, hours, rates, shares) may be :class:`decimal.Decimal`,
        ``str`` or ``int``; a ``float`` raises ``TypeError`` naming its key
        path, because a binary float is inexact. Dates may be
        :class:`datetime.date` or ``'YYYY-MM-DD'``.
        """
        return cls.from_json(_encode.encode(data))

    @classmethod
    def load(cls, path: PathLike) -> "Inventory":
        """Loads a ``natverk/1`` JSON file."""
        with open(path, "rb") as f:
            data = f.read()
        return cls(_natverk.Inventory.from_bytes(data))

    # ---- saving and exploring ------------------------------------------

    def to_json(self) -> str:
        """The inventory as pretty ``natverk/1`` JSON (decimals as strings)."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The inventory as a new dict (Decimals and dates); ``from_dict``
        of it gives the same inventory."""
        return _decode.inventory(self._native.to_json())

    @property
    def organisation(self) -> Dict[str, Any]:
        """``name``, ``code``, ``population``, ``currency``."""
        result: Dict[str, Any] = self.to_dict()["organisation"]
        return result

    @property
    def units(self) -> List[Dict[str, Any]]:
        """Units: ``id``, ``name``, ``central``."""
        result: List[Dict[str, Any]] = self.to_dict()["units"]
        return result

    @property
    def people(self) -> List[Dict[str, Any]]:
        """People (personal data: ``name`` included when the file has it)."""
        result: List[Dict[str, Any]] = self.to_dict()["people"]
        return result

    @property
    def fee_schedules(self) -> List[Dict[str, Any]]:
        """Fee schedules."""
        result: List[Dict[str, Any]] = self.to_dict()["fee_schedules"]
        return result

    @property
    def exchange_rates(self) -> List[Dict[str, Any]]:
        """Exchange rates."""
        result: List[Dict[str, Any]] = self.to_dict()["exchange_rates"]
        return result

    @property
    def networks(self) -> List[Dict[str, Any]]:
        """Networks, with their participants, costs and financing."""
        result: List[Dict[str, Any]] = self.to_dict()["networks"]
        return result

    # ---- computing -------------------------------------------------------

    def check(self, today: Optional[DateLike] = None) -> Findings:
        """Every warning, judged against ``today`` (default: the current
        date). A loaded inventory has no errors, so these are warnings only;
        :func:`natverk.check_file` checks a file that may not load."""
        return Findings._from_json(self._native.warnings(_today(today)))

    def report(
        self,
        from_year: int,
        to_year: int,
        scope: str = "all",
        by: Union[str, Iterable[str]] = ("network",),
        statuses: Optional[Union[str, Iterable[str]]] = None,
        leave: Optional[Union[str, Iterable[str]]] = None,
        leave_from: Optional[int] = None,
    ) -> Report:
        """A cost report over ``from_year..to_year`` (SPEC §5).

        ``scope`` is ``"all"`` or ``"central"``; ``by`` group keys
        (``network``, ``subject``, ``organiser``, ``unit``, ``kind``,
        ``status``, ``year``); ``statuses`` defaults to every status but
        ``declined``; ``leave`` is ``"recommended"`` or network ids, with
        ``leave_from`` the year notice is given (default ``from_year``).
        Bad values raise :class:`natverk.InventoryError`.
        """
        opts: Dict[str, Any] = {
            "from": _year("from_year", from_year),
            "to": _year("to_year", to_year),
            "scope": scope,
            "by": _words("by", by),
        }
        if statuses is not None:
            opts["statuses"] = _words("statuses", statuses)
        if leave is not None:
            opts["leave"] = leave if isinstance(leave, str) else _words("leave", leave)
        if leave_from is not None:
            opts["leave_from"] = _year("leave_from", leave_from)
        return self._report(opts)

    def equality(
        self,
        from_year: int,
        to_year: int,
        scope: str = "all",
        statuses: Optional[Union[str, Iterable[str]]] = None,
    ) -> Equality:
        """Gender-equality statistics over ``from_year..to_year`` (SPEC §7)."""
        opts: Dict[str, Any] = {
            "from": _year("from_year", from_year),
            "to": _year("to_year", to_year),
            "scope": scope,
        }
        if statuses is not None:
            opts["statuses"] = _words("statuses", statuses)
        return self._equality(opts)

    def _report(self, options: Mapping[str, Any]) -> Report:
        """A report from options in the core's JSON shape (as the shared
        conformance corpus writes them)."""
        return Report(self._native.report(json.dumps(options, ensure_ascii=False)))

    def _equality(self, options: Mapping[str, Any]) -> Equality:
        return Equality(self._native.equality(json.dumps(options, ensure_ascii=False)))

    # ---- display --------------------------------------------------------

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        org = self.organisation
        return f"<Inventory {org['name']!r}: {len(self)} networks>"

    def _repr_html_(self) -> str:
        d = self.to_dict()
        org = d["organisation"]
        rows = [
            {
                "network": n["id"],
                "name": n["name"],
                "organiser": n.get("organiser"),
                "kind": n["kind"],
                "status": n["status"],
                "start": n["start"],
                "end": n.get("end"),
                "participants": len(n["participants"]),
            }
            for n in d["networks"]
        ]
        caption = (
            f"{org['name']} ({org['currency']}): {len(rows)} networks, "
            f"{len(d['people'])} people, {len(d['units'])} units"
        )
        cols = ["network", "name", "organiser", "kind", "status", "start", "end", "participants"]
        return _html.table(caption, cols, rows)


def load(path: PathLike) -> Inventory:
    """Loads a ``natverk/1`` JSON file; raises :class:`natverk.InventoryError`
    with every problem if it has any (and ``OSError`` if it cannot be read)."""
    return Inventory.load(path)


def check_file(path: PathLike, today: Optional[DateLike] = None) -> Findings:
    """Checks a file: every error, or (when it loads) every warning. Never
    raises for problems of the inventory; they are the result."""
    with open(path, "rb") as f:
        data = f.read()
    return Findings._from_json(_natverk.check(data, _today(today)))


def check_json(text: Union[str, bytes], today: Optional[DateLike] = None) -> Findings:
    """Checks JSON text like :func:`check_file`."""
    return Findings._from_json(_natverk.check(_bytes(text), _today(today)))
