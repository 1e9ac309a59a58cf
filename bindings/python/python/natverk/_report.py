"""Cost reports and equality statistics as Python objects. The figures are
the core's; this module only presents them."""

from __future__ import annotations

import importlib
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple, cast

from . import _decode, _natverk, _present
from ._errors import ArgumentError, _plural
from ._present import Lang, Table
from ._types import MONEY_FIELDS, Money, MoneyMode, ReportLine

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import polars  # type: ignore[import-not-found,unused-ignore]
    import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from ._inventory import Inventory

__all__ = ["Report", "LeaveReport", "Equality", "NA_REP"]

GENDERS: Tuple[str, ...] = ("woman", "man", "other", "unknown")

#: What ``Report.to_pandas`` writes for a group with no value (no subject,
#: organiser or unit), so that pandas' ``groupby`` keeps its money.
NA_REP = "(none)"


def _import(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(f"this needs {module}: pip install 'natverk[{extra}]'") from e


def _years(from_year: int, to_year: int) -> str:
    return str(from_year) if from_year == to_year else f"{from_year}–{to_year}"


def _rebuild(inventory: "Inventory", options: str) -> "Report":
    """Unpickles a report: the same inventory and options give the same report."""
    return inventory._report(json.loads(options))


class Report:
    """A cost report: the money of each group of network-years.

    Attributes
    ----------
    lines : list of dict
        One dict per line (see :class:`natverk.ReportLine`): the group keys
        of ``by`` (``name`` after ``network``; ``year`` an ``int``;
        ``None`` where a network has no subject, organiser or unit) and the
        nine money fields. Lines are sorted by their keys, no value last.
    total : dict
        The sum of the lines: the nine money fields.
    savings : dict or None
        With ``leave`` (a :class:`LeaveReport`): the money without leaving
        minus the money with it; else ``None``.
    organisation, currency : str
    from_year, to_year : int
    scope : str
    by : tuple of str

    Notes
    -----
    The nine money fields, each a :class:`decimal.Decimal` with two
    decimals in the organisation's currency:

    - ``fees``: participation and membership fees;
    - ``time``: staff time (hours a year × hourly cost);
    - ``travel``; ``other``;
    - ``gross`` = fees + time + travel + other;
    - ``granted``: financing granted, at most gross;
    - ``expected``: financing expected or applied for, weighted by its
      probability, at most gross − granted;
    - ``net`` = gross − granted;
    - ``expected_net`` = net − expected.

    A report is a table in a notebook; ``to_pandas()``, ``to_polars()``
    and ``to_arrow()`` give its lines as a data frame, and
    ``pyarrow.table(report)`` or ``polars.DataFrame(report)`` read it
    through the Arrow PyCapsule interface. Reports compare by content
    (``==``) and pickle (as their inventory and options).

    Examples
    --------
    >>> r = inv.report(2024, 2025, by="subject")                 # doctest: +SKIP
    >>> r.total["gross"]                                         # doctest: +SKIP
    Decimal('5040082.55')
    >>> [line["subject"] for line in r.lines][:2]                # doctest: +SKIP
    ['digitalisering', 'folkhälsa']
    """

    __slots__ = (
        "_native",
        "_inventory",
        "_options",
        "_lines",
        "_total",
        "_savings",
        "_json",
        "organisation",
        "currency",
        "from_year",
        "to_year",
        "scope",
        "by",
    )

    def __init__(self, native: _natverk.Report, inventory: "Inventory", options: str) -> None:
        # The core's report; lines and totals become Python values (in
        # Rust) when they are first used, so ``Inventory.report`` costs what
        # the core's report does.
        self._native = native
        self._inventory = inventory
        self._options = options
        self._lines: Optional[List[ReportLine]] = None
        self._total: Optional[Money] = None
        self._savings: Optional[Money] = None
        self._json: Optional[str] = None
        organisation, currency, from_year, to_year, scope, by = native.header()
        self.organisation: str = organisation
        self.currency: str = currency
        self.from_year: int = from_year
        self.to_year: int = to_year
        self.scope: str = scope
        self.by: Tuple[str, ...] = tuple(by)

    @property
    def lines(self) -> List[ReportLine]:
        """The lines: group keys (``name`` after ``network``) and the nine
        money fields as :class:`decimal.Decimal` (see the class docs)."""
        if self._lines is None:
            self._lines = cast(List[ReportLine], self._native.lines())
        return self._lines

    @property
    def total(self) -> Money:
        """The sum of the lines: the nine money fields."""
        if self._total is None:
            self._total = cast(Money, self._native.total())
        return self._total

    @property
    def savings(self) -> Optional[Money]:
        """Without leave minus with leave (only with ``leave``, else ``None``)."""
        if self._savings is None:
            self._savings = cast(Optional[Money], self._native.savings())
        return self._savings

    @property
    def options(self) -> Dict[str, Any]:
        """The options the report was made with, defaults filled in (a new
        dict): ``from``, ``to``, ``scope``, ``by``, ``statuses`` (those
        included), ``leave`` (``None``, ``"recommended"`` or network ids),
        ``leave_from`` and ``left`` (the ids of the networks computed as
        left; ``None`` without ``leave``)."""
        return dict(self._native.options())

    @property
    def columns(self) -> List[str]:
        """The columns of a line: group keys (``name`` after ``network``),
        then the nine money fields."""
        return list(self._native.columns())

    def to_dict(self, *, options: bool = False) -> Dict[str, Any]:
        """The report as a new dict, shaped as its JSON, money as
        :class:`decimal.Decimal`: ``organisation``, ``currency``, ``from``,
        ``to``, ``scope``, ``by``, ``lines``, ``total`` and (with ``leave``)
        ``savings``: exactly the JSON's keys (SPEC 5.1).

        With ``options=True`` it also has ``options``: how the report was
        made (:attr:`options`: ``statuses``, ``leave``, ``leave_from``,
        ``left``, …), to keep beside the figures."""
        d: Dict[str, Any] = {
            "organisation": self.organisation,
            "currency": self.currency,
            "from": self.from_year,
            "to": self.to_year,
            "scope": self.scope,
            "by": list(self.by),
            "lines": self._native.lines(),
            "total": self._native.total(),
        }
        savings = self._native.savings()
        if savings is not None:
            d["savings"] = savings
        if options:
            d["options"] = self.options
        return d

    def to_json(self) -> str:
        """The report as JSON: the core's own text, the same as the command
        line's ``--format json`` (money as two-decimal strings)."""
        if self._json is None:
            self._json = self._native.to_json()
        return self._json

    def to_pandas(self, money: MoneyMode = "decimal", *, na_rep: Optional[str] = NA_REP) -> "pandas.DataFrame":
        """The lines as a ``pandas.DataFrame``, one row per line.

        Parameters
        ----------
        money : {"decimal", "float"}
            ``"decimal"`` (the default): money columns hold exact
            :class:`decimal.Decimal` objects (dtype ``object``), so sums are
            exact to the öre. ``"float"``: ``float64`` columns, for plots
            and the numeric tools of pandas (``plot``, ``describe``,
            ``nlargest``, ``select_dtypes("number")``, arithmetic with
            floats); a sum of floats may be off in the last digits, so keep
            ``"decimal"`` for figures that are reported.
        na_rep : str or None, keyword-only
            What a group with no value (no subject, organiser or unit)
            shows, default ``"(none)"``. pandas' ``groupby`` drops missing
            keys, so a ``None`` there would make ``df.groupby("organiser")``
            lose that money silently; with a text it keeps it. If the text
            is also a real value of the column, :class:`ArgumentError`.
            ``None`` keeps ``None`` (then use ``groupby(..., dropna=False)``).

        Returns
        -------
        pandas.DataFrame
            One column per group key (``name`` after ``network``,
            ``unit_name`` after ``unit``; ``year`` as integers), then the
            nine money columns. ``df.attrs`` holds only JSON values (so
            ``to_parquet`` keeps them): ``organisation``, ``currency``,
            ``from``, ``to``, ``scope``, ``by``, ``money``, ``total`` (and
            ``savings`` with ``leave``) as dicts of two-decimal strings, and
            ``options`` (see :attr:`options`).

        Raises
        ------
        natverk.ArgumentError
            ``money`` is not ``"decimal"`` or ``"float"``, or ``na_rep`` is a
            value of a key column that also has lines with no value.
        ImportError
            pandas is not installed (``pip install 'natverk[pandas]'``).

        Examples
        --------
        >>> df = inv.report(2024, 2025, by="organiser").to_pandas()   # doctest: +SKIP
        >>> df.groupby("organiser")["gross"].sum().sum() == report.total["gross"]  # doctest: +SKIP
        True
        >>> inv.report(2024, 2025, by="subject").to_pandas(money="float").plot.barh(
        ...     x="subject", y="gross")                                 # doctest: +SKIP
        """
        pd = _import("pandas", "pandas")
        if money not in ("decimal", "float"):
            raise ArgumentError._one("PY_MONEY", "options.money", value=str(money))
        if na_rep is not None and not isinstance(na_rep, str):
            raise TypeError(f"na_rep must be a str or None, not {type(na_rep).__name__}")
        data: Dict[str, Any] = {}
        for name, values in self._native.frame_columns(money, na_rep):
            if name in MONEY_FIELDS:
                if money == "float":
                    np = importlib.import_module("numpy")
                    data[name] = np.frombuffer(values, dtype=np.float64)
                else:
                    data[name] = pd.Series(values, dtype=object)
            elif name == "year":
                data[name] = pd.Series(values, dtype="int64")
            elif na_rep is None and None in values:
                data[name] = pd.Series(values, dtype=object)  # keeps None, not NaN
            else:
                data[name] = values
        df: pandas.DataFrame = pd.DataFrame(data, columns=list(data))
        df.attrs.update(self._attrs(money))
        return df

    def _attrs(self, money: str) -> Dict[str, Any]:
        """The report's header and totals, as JSON values only."""
        attrs: Dict[str, Any] = {
            "organisation": self.organisation,
            "currency": self.currency,
            "from": self.from_year,
            "to": self.to_year,
            "scope": self.scope,
            "by": list(self.by),
            "money": money,
            "total": {k: str(v) for k, v in self.total.items()},
            "options": self.options,
        }
        if self.savings is not None:
            attrs["savings"] = {k: str(v) for k, v in self.savings.items()}
        return attrs

    def to_arrow(self) -> "pyarrow.Table":
        """The lines as a ``pyarrow.Table``, with one fixed schema.

        Returns
        -------
        pyarrow.Table
            Group keys as nullable ``string`` columns (``year``: ``int32``;
            ``name`` after ``network``), no value as null; the nine money
            fields as ``decimal128(38, 2)``. The schema depends on ``by``
            only, never on the figures, so tables of two reports concatenate.

        Raises
        ------
        ImportError
            pyarrow is not installed (``pip install 'natverk[arrow]'``).
            ``pyarrow.table(report)`` and ``polars.DataFrame(report)`` read
            the report without this method (the Arrow PyCapsule interface).
        """
        pa = _import("pyarrow", "arrow")
        table: pyarrow.Table = pa.RecordBatchReader.from_stream(self).read_all()
        return table

    def to_polars(self) -> "polars.DataFrame":
        """The lines as a ``polars.DataFrame``, with the schema of
        :meth:`to_arrow` (money as ``Decimal(38, 2)``); needs polars only.

        Polars' ``group_by`` keeps groups with no value (null), so
        ``df.group_by("organiser").agg(pl.col("gross").sum())`` sums to the
        total, and ``pl.concat`` of two reports keeps every value.

        Raises
        ------
        ImportError
            polars is not installed (``pip install 'natverk[polars]'``).
        """
        pl = _import("polars", "polars")
        df: polars.DataFrame = pl.DataFrame(self)
        return df

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream of the lines (see :meth:`to_arrow`):
        ``pyarrow.table(report)``, ``polars.DataFrame(report)``."""
        return self._native.__arrow_c_stream__(requested_schema)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self._native.same_as(other._native)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (_rebuild, (self._inventory, self._options))

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[ReportLine]:
        """The lines, in order (as :attr:`lines`)."""
        return iter(self.lines)

    def __repr__(self) -> str:
        by = f" by {','.join(self.by)}" if self.by else ""
        return (
            f"<{type(self).__name__} {self.organisation!r} {_years(self.from_year, self.to_year)}"
            f"{by}: {_plural(len(self), 'line', 'lines')}, "
            f"gross {self.total['gross']} {self.currency}>"
        )

    def table(self, lang: Optional[Lang] = None, *, max_rows: Optional[int] = None) -> Table:
        """The report as people see it, laid out by the core: a column per
        group key (``name`` after ``network``) and the nine money columns,
        labelled in ``lang``; kinds and statuses as words of ``lang``; the
        total (and savings) as footer rows.

        Parameters
        ----------
        lang : {"sv", "en"}, optional
            Default :func:`natverk.get_lang` (the locale, or
            :func:`natverk.set_lang`).
        max_rows : int, optional, keyword-only
            Convert only the first ``max_rows`` lines to Python values
            (``Table.n_rows`` still counts them all); default all.

        Returns
        -------
        natverk.Table

        Raises
        ------
        natverk.ArgumentError
            ``lang`` is neither ``"sv"`` nor ``"en"``.

        Examples
        --------
        >>> t = inv.report(2024, 2025, by="kind").table("sv")     # doctest: +SKIP
        >>> [c.label for c in t.columns][:2]                       # doctest: +SKIP
        ['Typ', 'Avgifter']
        """
        lang = _present._resolve(lang)
        return Table(self._native.table(lang, _max_rows(max_rows)), lang)

    def _repr_html_(self) -> str:
        return self.table(max_rows=_present.MAX_ROWS).to_html()


def _max_rows(max_rows: Optional[int]) -> Optional[int]:
    if max_rows is None:
        return None
    if isinstance(max_rows, bool) or not isinstance(max_rows, int):
        raise TypeError(f"max_rows must be an int or None, not {type(max_rows).__name__}")
    return max(max_rows, 0)


class LeaveReport(Report):
    """A report computed with ``leave``: some networks left, notice given
    on 1 January of ``leave_from``. As :class:`Report`, and ``savings`` is
    always there: the money of the report without leaving minus the money
    with it (the nine money fields)."""

    __slots__ = ()

    @property
    def savings(self) -> Money:
        """Without leave minus with leave: the nine money fields."""
        savings = super().savings
        assert savings is not None, "a report with leave has savings"
        return savings


def _rebuild_equality(inventory: "Inventory", options: str) -> "Equality":
    """Unpickles statistics: the same inventory and options give the same
    statistics."""
    return inventory._equality(json.loads(options))


class Equality:
    """Gender-equality statistics: who represents the organisation.

    Attributes
    ----------
    seats, persons : dict of str to int
        Seats (participant entries) and distinct persons by gender
        (``woman``, ``man``, ``other``, ``unknown``).
    seats_by_role, persons_by_role : dict of str to dict
        The same, for ``politician`` and ``official``.
    seats_by_side, persons_by_side : dict of str to dict
        The same for politicians, by ``majority`` and ``opposition``.
    hours, time_cost : dict of str to Decimal
        Hours and the cost of that time by gender, over the years.
    networks : list of dict
        Per network (sorted by id): ``network``, ``name``, the counts by
        gender and ``balanced`` (``True`` when 40–60 % are women;
        ``None`` with fewer than two women and men).
    organisation, currency : str
    from_year, to_year : int
    scope : str
    """

    __slots__ = (
        "_native",
        "_inventory",
        "_options",
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

    def __init__(self, native: _natverk.Equality, inventory: "Inventory", options: str) -> None:
        text = native.to_json()
        d = _decode.equality(text)
        self._native = native
        self._inventory = inventory
        self._options = options
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
        """The statistics as a new dict shaped as their JSON, hours and time
        cost as :class:`decimal.Decimal`."""
        return _decode.equality(self._json)

    def to_json(self) -> str:
        """The statistics as JSON: the core's own text."""
        return self._json

    def to_pandas(self) -> "pandas.DataFrame":
        """Per-network counts as a ``pandas.DataFrame``.

        Returns
        -------
        pandas.DataFrame
            Columns ``network``, ``name``, ``woman``, ``man``, ``other``,
            ``unknown`` (``int64``) and ``balanced`` (``True``, ``False`` or
            ``None``, dtype ``object``).

        Raises
        ------
        ImportError
            pandas is not installed.
        """
        pd = _import("pandas", "pandas")
        cols = ["network", "name", *GENDERS, "balanced"]
        data: Dict[str, Any] = {c: [n[c] for n in self.networks] for c in cols}
        for g in GENDERS:
            data[g] = pd.Series(data[g], dtype="int64")
        data["balanced"] = pd.Series(data["balanced"], dtype=object)
        df: pandas.DataFrame = pd.DataFrame(data, columns=cols)
        return df

    def to_arrow(self) -> "pyarrow.Table":
        """Per-network counts as a ``pyarrow.Table``: the columns of
        :meth:`to_pandas`, ``network`` and ``name`` as strings, the counts
        as ``int64`` and ``balanced`` as a nullable ``bool``.

        Raises
        ------
        ImportError
            pyarrow is not installed (``pip install 'natverk[arrow]'``).
        """
        pa = _import("pyarrow", "arrow")
        columns = ["network", "name", "woman", "man", "other", "unknown", "balanced"]
        types = [pa.string(), pa.string()] + [pa.int64()] * 4 + [pa.bool_()]
        schema = pa.schema(list(zip(columns, types)))
        table: pyarrow.Table = pa.Table.from_pylist(
            [{c: n.get(c) for c in columns} for n in self.networks], schema=schema
        )
        return table

    def to_polars(self) -> "polars.DataFrame":
        """Per-network counts as a ``polars.DataFrame`` (the schema of
        :meth:`to_arrow`); needs polars only.

        Raises
        ------
        ImportError
            polars is not installed (``pip install 'natverk[polars]'``).
        """
        pl = _import("polars", "polars")
        schema = {
            "network": pl.String, "name": pl.String, "woman": pl.Int64, "man": pl.Int64,
            "other": pl.Int64, "unknown": pl.Int64, "balanced": pl.Boolean,
        }
        df: polars.DataFrame = pl.DataFrame(
            [{c: n.get(c) for c in schema} for n in self.networks], schema=schema
        )
        return df

    def summary(self) -> List[Dict[str, Any]]:
        """Seats and persons by gender, in total, by role and by side, then
        hours and time cost, as rows (dicts)."""
        rows: List[Dict[str, Any]] = []
        groups = [
            ("all", self.seats, self.persons),
            ("politician", self.seats_by_role["politician"], self.persons_by_role["politician"]),
            ("official", self.seats_by_role["official"], self.persons_by_role["official"]),
            ("majority", self.seats_by_side["majority"], self.persons_by_side["majority"]),
            ("opposition", self.seats_by_side["opposition"], self.persons_by_side["opposition"]),
        ]
        for group, seats, persons in groups:
            rows.append({"group": group, "count": "seats", **seats})
            rows.append({"group": group, "count": "persons", **persons})
        rows.append({"group": "all", "count": "hours", **self.hours})
        rows.append({"group": "all", "count": f"time cost ({self.currency})", **self.time_cost})
        return rows

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Equality):
            return NotImplemented
        return self._native.same_as(other._native)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (_rebuild_equality, (self._inventory, self._options))

    def __repr__(self) -> str:
        s = self.seats
        return (
            f"<Equality {self.organisation!r} {_years(self.from_year, self.to_year)}: "
            f"seats woman {s['woman']}, man {s['man']}, other {s['other']}, "
            f"unknown {s['unknown']}; {_plural(len(self.networks), 'network', 'networks')}>"
        )

    def tables(self, lang: Optional[Lang] = None, *, max_rows: Optional[int] = None) -> List[Table]:
        """The statistics as people see them, laid out by the core, in
        ``lang``: who represents the organisation (seats and persons by
        gender, in all, by role and by side), staff time and its cost by
        gender, and each network's delegation.

        Parameters
        ----------
        lang : {"sv", "en"}, optional
            Default :func:`natverk.get_lang`.
        max_rows : int, optional, keyword-only
            Convert only the first ``max_rows`` rows of each table.

        Returns
        -------
        list of natverk.Table
            Keys ``people``, ``time``, ``networks``.

        Raises
        ------
        natverk.ArgumentError
            ``lang`` is neither ``"sv"`` nor ``"en"``.
        """
        lang = _present._resolve(lang)
        return [Table(raw, lang) for raw in self._native.tables(lang, _max_rows(max_rows))]

    def _repr_html_(self) -> str:
        return _present.tables_html(self.tables(max_rows=_present.MAX_ROWS))
