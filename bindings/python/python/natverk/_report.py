"""Cost reports (SPEC §5) and equality statistics (SPEC §7) as Python
objects. The figures are the core's; this module only presents them."""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

from . import _decode, _html, _natverk

__all__ = ["Report", "Equality"]

MONEY_FIELDS: Tuple[str, ...] = _decode.MONEY_FIELDS
GENDERS: Tuple[str, ...] = ("woman", "man", "other", "unknown")


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_pandas() needs pandas: pip install 'natverk[pandas]'"
        ) from e


def _years(from_year: int, to_year: int) -> str:
    return str(from_year) if from_year == to_year else f"{from_year}–{to_year}"


class Report:
    """A cost report (SPEC §5.1).

    ``lines`` is a list of dicts: the group keys (``network`` also brings
    ``name``) and the nine money fields as :class:`decimal.Decimal`;
    ``total`` and ``savings`` (only with ``leave``, else ``None``) are dicts
    of the nine money fields. ``to_json()`` is the core's exact text.
    """

    __slots__ = (
        "_native",
        "_json",
        "_data",
        "organisation",
        "currency",
        "from_year",
        "to_year",
        "scope",
        "by",
    )

    def __init__(self, native: _natverk.Report) -> None:
        # The core's report; its JSON is written and parsed only when the
        # lines or totals are first used, so ``Inventory.report`` costs what
        # the core's report does.
        self._native = native
        self._json: Optional[str] = None
        self._data: Optional[Dict[str, Any]] = None
        organisation, currency, from_year, to_year, scope, by = native.header()
        self.organisation: str = organisation
        self.currency: str = currency
        self.from_year: int = from_year
        self.to_year: int = to_year
        self.scope: str = scope
        self.by: Tuple[str, ...] = tuple(by)

    def _decoded(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = _decode.report(self._native.to_json_compact())
        return self._data

    @property
    def lines(self) -> List[Dict[str, Any]]:
        """The lines: group keys (``name`` after ``network``) and the nine
        money fields as :class:`decimal.Decimal`."""
        lines: List[Dict[str, Any]] = self._decoded()["lines"]
        return lines

    @property
    def total(self) -> Dict[str, Decimal]:
        """The sum of the lines: the nine money fields."""
        total: Dict[str, Decimal] = self._decoded()["total"]
        return total

    @property
    def savings(self) -> Optional[Dict[str, Decimal]]:
        """Without leave minus with leave (only with ``leave``, else ``None``)."""
        savings: Optional[Dict[str, Decimal]] = self._decoded().get("savings")
        return savings

    @property
    def columns(self) -> List[str]:
        """The columns of a line: group keys (``name`` after ``network``), then money."""
        cols: List[str] = []
        for k in self.by:
            cols.append(k)
            if k == "network":
                cols.append("name")
        cols.extend(MONEY_FIELDS)
        return cols

    def to_dict(self) -> Dict[str, Any]:
        """SPEC §5.1 as a new dict, money as Decimal."""
        return _decode.report(self._native.to_json_compact())

    def to_json(self) -> str:
        """SPEC §5.1 JSON: the core's own text (money as two-decimal strings)."""
        if self._json is None:
            self._json = self._native.to_json()
        return self._json

    def to_pandas(self) -> Any:
        """The lines as a ``pandas.DataFrame`` (typed ``Any``: pandas is
        optional): one column per group key (``name`` after ``network``;
        ``year`` as integers; no value as ``None``) and the nine money columns holding exact :class:`decimal.Decimal` objects (dtype
        ``object``; ``df["gross"].sum()`` stays exact, ``.astype(float)`` for
        plotting). ``df.attrs`` carries ``total`` and ``savings``."""
        pd = _pandas()
        cols = self.columns
        data = {c: [line[c] for line in self.lines] for c in cols}
        df = pd.DataFrame(
            {c: pd.Series(v, dtype=object) if c in MONEY_FIELDS else v for c, v in data.items()},
            columns=cols,
        )
        df.attrs["total"] = dict(self.total)
        df.attrs["savings"] = None if self.savings is None else dict(self.savings)
        df.attrs["currency"] = self.currency
        return df

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return (
            f"<Report {self.organisation!r} {_years(self.from_year, self.to_year)} "
            f"by {','.join(self.by)}: {len(self.lines)} lines, "
            f"gross {self.total['gross']} {self.currency}>"
        )

    def _repr_html_(self) -> str:
        cols = self.columns
        label = cols[0] if len(cols) > len(MONEY_FIELDS) else None
        footer: List[Dict[str, Any]] = []
        if label is not None:
            footer.append({label: "Total", **self.total})
            if self.savings is not None:
                footer.append({label: "Savings", **self.savings})
        caption = (
            f"{self.organisation}: cost {_years(self.from_year, self.to_year)}, "
            f"{self.currency}, scope {self.scope}"
        )
        return _html.table(caption, cols, self.lines, footer, label)


class Equality:
    """Gender-equality statistics (SPEC §7.1).

    Counts are ints; ``hours`` and ``time_cost`` are dicts of
    :class:`decimal.Decimal` by gender; ``networks`` lists each network's
    counts and ``balanced`` (``None`` with fewer than two women and men).
    """

    __slots__ = (
        "_json",
        "organisation",
        "currency",
        "from_year",
        "to_year",
        "scope",
        "seats",
        "persons",
        "seats_by_role",
        "persons_by_role",
        "seats_by_side",
        "persons_by_side",
        "hours",
        "time_cost",
        "networks",
    )

    def __init__(self, text: str) -> None:
        d = _decode.equality(text)
        self._json = text
        self.organisation: str = d["organisation"]
        self.currency: str = d["currency"]
        self.from_year: int = d["from"]
        self.to_year: int = d["to"]
        self.scope: str = d["scope"]
        self.seats: Dict[str, int] = d["seats"]
        self.persons: Dict[str, int] = d["persons"]
        self.seats_by_role: Dict[str, Dict[str, int]] = d["seats_by_role"]
        self.persons_by_role: Dict[str, Dict[str, int]] = d["persons_by_role"]
        self.seats_by_side: Dict[str, Dict[str, int]] = d["seats_by_side"]
        self.persons_by_side: Dict[str, Dict[str, int]] = d["persons_by_side"]
        self.hours: Dict[str, Decimal] = d["hours"]
        self.time_cost: Dict[str, Decimal] = d["time_cost"]
        self.networks: List[Dict[str, Any]] = d["networks"]

    def to_dict(self) -> Dict[str, Any]:
        """SPEC §7.1 as a new dict, hours and time cost as Decimal."""
        return _decode.equality(self._json)

    def to_json(self) -> str:
        """SPEC §7.1 JSON: the core's own text."""
        return self._json

    def to_pandas(self) -> Any:
        """Per-network counts: columns ``network``, ``name``, ``woman``,
        ``man``, ``other``, ``unknown`` (ints) and ``balanced`` (``True``,
        ``False`` or ``None``, dtype ``object``)."""
        pd = _pandas()
        cols = ["network", "name", *GENDERS, "balanced"]
        data: Dict[str, Any] = {c: [n[c] for n in self.networks] for c in cols}
        for g in GENDERS:
            data[g] = pd.Series(data[g], dtype="int64")
        data["balanced"] = pd.Series(data["balanced"], dtype=object)
        return pd.DataFrame(data, columns=cols)

    def summary(self) -> List[Dict[str, Any]]:
        """Seats and persons by gender, in total, by role and by side, as rows."""
        rows: List[Dict[str, Any]] = []
        groups = [
            ("all", "seats", self.seats, self.persons),
            ("politician", "seats", self.seats_by_role["politician"], self.persons_by_role["politician"]),
            ("official", "seats", self.seats_by_role["official"], self.persons_by_role["official"]),
            ("majority", "seats", self.seats_by_side["majority"], self.persons_by_side["majority"]),
            ("opposition", "seats", self.seats_by_side["opposition"], self.persons_by_side["opposition"]),
        ]
        for group, _, seats, persons in groups:
            rows.append({"group": group, "count": "seats", **seats})
            rows.append({"group": group, "count": "persons", **persons})
        rows.append({"group": "all", "count": "hours", **self.hours})
        rows.append({"group": "all", "count": f"time cost ({self.currency})", **self.time_cost})
        return rows

    def __repr__(self) -> str:
        s = self.seats
        return (
            f"<Equality {self.organisation!r} {_years(self.from_year, self.to_year)}: "
            f"seats woman {s['woman']}, man {s['man']}, other {s['other']}, "
            f"unknown {s['unknown']}; {len(self.networks)} networks>"
        )

    def _repr_html_(self) -> str:
        years = _years(self.from_year, self.to_year)
        head = _html.table(
            f"{self.organisation}: who represents the organisation, {years}, scope {self.scope}",
            ["group", "count", *GENDERS],
            self.summary(),
        )
        per_network = _html.table(
            "By network",
            ["network", "name", *GENDERS, "balanced"],
            self.networks,
        )
        return head + per_network
