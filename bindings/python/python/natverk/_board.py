"""For the board (SPEC §14): the comparison with last year and the
calendar of dates to act on, and the board appendix, computed by the
core."""

from __future__ import annotations

import datetime
import json
import os
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple, Union, cast

from ._types import MONEY_FIELDS


def _money(d: Dict[str, Any]) -> Dict[str, Decimal]:
    return {k: Decimal(d[k]) for k in MONEY_FIELDS}


def _sides(d: Dict[str, Any]) -> Dict[str, Dict[str, Decimal]]:
    return {side: _money(d[side]) for side in ("old", "new", "change")}


class Diff:
    """The comparison of two inventories (SPEC §14).

    Attributes
    ----------
    organisation, currency : str
    from_year, to_year : int
    added, removed : list of dict
        Networks only in the new (added) or the old (removed) file:
        ``network`` and ``name``, sorted by id.
    changed : list of dict
        Networks in both whose values differ: ``network``, ``name`` and
        ``changes``, each ``{"path", "old", "new"}`` with JSON values
        (``None`` where absent).
    lines : list of dict
        The two reports by network joined on the id: ``network``, ``name``
        and ``old``, ``new``, ``change`` (new − old), each the nine money
        fields as :class:`decimal.Decimal`.
    total : dict
        ``old``, ``new`` and ``change`` of the sums.
    """

    __slots__ = (
        "_json",
        "organisation",
        "currency",
        "from_year",
        "to_year",
        "added",
        "removed",
        "changed",
        "lines",
        "total",
    )

    def __init__(self, text: str) -> None:
        d = json.loads(text)
        self._json = text
        self.organisation: str = d["organisation"]
        self.currency: str = d["currency"]
        self.from_year: int = d["from"]
        self.to_year: int = d["to"]
        self.added: List[Dict[str, str]] = d["added"]
        self.removed: List[Dict[str, str]] = d["removed"]
        self.changed: List[Dict[str, Any]] = d["changed"]
        self.lines: List[Dict[str, Any]] = [
            {"network": x["network"], "name": x["name"], **_sides(x)} for x in d["lines"]
        ]
        self.total: Dict[str, Dict[str, Decimal]] = _sides(d["total"])

    def to_json(self) -> str:
        """The JSON of SPEC §14 (money as strings with two decimals)."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON of SPEC §14 as Python values, money as Decimals."""
        return {
            "organisation": self.organisation,
            "currency": self.currency,
            "from": self.from_year,
            "to": self.to_year,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "lines": self.lines,
            "total": self.total,
        }

    def to_pandas(self, money: str = "decimal") -> Any:
        """The joined lines as a DataFrame: ``network``, ``name``, then
        ``old_fees`` … ``change_expected_net`` (27 money columns), as
        Decimals or, with ``money="float"``, floats."""
        import pandas as pd

        if money not in ("decimal", "float"):
            from ._errors import ArgumentError

            raise ArgumentError(f"money must be 'decimal' or 'float', not {money!r}")
        def conv(v: Decimal) -> Any:
            return float(v) if money == "float" else v

        rows = []
        for x in self.lines:
            row: Dict[str, Any] = {"network": x["network"], "name": x["name"]}
            for side in ("old", "new", "change"):
                for f in MONEY_FIELDS:
                    row[f"{side}_{f}"] = conv(x[side][f])
            rows.append(row)
        columns = ["network", "name"] + [
            f"{side}_{f}" for side in ("old", "new", "change") for f in MONEY_FIELDS
        ]
        frame = pd.DataFrame(rows, columns=columns)
        frame.attrs["from"] = self.from_year
        frame.attrs["to"] = self.to_year
        return frame

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Diff) and self._json == other._json

    def __hash__(self) -> int:
        return hash(self._json)

    def __repr__(self) -> str:
        return (
            f"<natverk.Diff {self.from_year}–{self.to_year}: {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.changed)} changed>"
        )


class Calendar:
    """The dates to act on (SPEC §14): registration deadlines, the last
    day to give notice for each year's end, and the networks' own ends.

    Attributes
    ----------
    events : list of dict
        ``date`` (:class:`datetime.date`), ``kind`` (``deadline``,
        ``notice``, ``end``), ``network`` and ``name``, sorted by date,
        network id and kind.
    """

    __slots__ = ("_native", "_from", "_to", "_json", "events")

    def __init__(self, native: Any, from_year: int, to_year: int) -> None:
        self._native = native
        self._from = from_year
        self._to = to_year
        text, _ = native.calendar(from_year, to_year)
        self._json: str = cast(str, text)
        self.events: List[Dict[str, Any]] = [
            {**e, "date": datetime.date.fromisoformat(e["date"])}
            for e in json.loads(self._json)["events"]
        ]

    def to_json(self) -> str:
        """The JSON of SPEC §14: ``{"events": [...]}``."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON of SPEC §14 as Python values (dates as strings)."""
        return cast(Dict[str, Any], json.loads(self._json))

    def to_ics(self, lang: Optional[str] = None, stamp: Optional[datetime.datetime] = None) -> str:
        """The calendar as iCalendar (RFC 5545): all-day events with stable
        UIDs, CRLF lines folded at 75 octets, in ``lang`` (``"sv"`` or
        ``"en"``, default the package's language). ``stamp`` is the
        ``DTSTAMP`` (UTC; default now)."""
        from ._present import get_lang

        when = stamp or datetime.datetime.now(datetime.timezone.utc)
        _, ics = self._native.calendar(
            self._from, self._to, lang or get_lang(), when.strftime("%Y%m%dT%H%M%S")
        )
        return cast(str, ics or "")

    def to_pandas(self) -> Any:
        """The events as a DataFrame: ``date``, ``kind``, ``network``, ``name``."""
        import pandas as pd

        return pd.DataFrame(self.events, columns=["date", "kind", "network", "name"])

    def __len__(self) -> int:
        return len(self.events)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Calendar) and self._json == other._json

    def __hash__(self) -> int:
        return hash(self._json)

    def __repr__(self) -> str:
        return f"<natverk.Calendar {self._from}–{self._to}: {len(self.events)} dates>"


class Board:
    """The board appendix (SPEC §14, "bilaga till tjänsteutlåtande"), made
    by :meth:`natverk.Inventory.board`: a summary in plain words, the
    totals with a column per year, the costs per unit (by name) and per
    subject, every network with its last day to give notice, the networks
    recommended for leaving with what each saves, what changed since the
    compared file, the equality summary and the warnings in plain words.
    No person names unless it was made with ``show_names=True``.

    The appendix is the same as ``natverk board`` writes, laid out by the
    same code: :meth:`to_html` (A4 print), :meth:`to_docx` (Word, A4, page
    numbers), :meth:`save`. In a notebook it shows as its HTML.

    Attributes
    ----------
    lang : {"sv", "en"}
        The language it is written in.
    title, subtitle : str
        Its title and the line under it (organisation, years, date).
    sections : list of tuple
        ``(key, heading, paragraphs)`` per section, in order; ``key`` is one
        of ``summary``, ``units``, ``subjects``, ``networks``, ``leave``,
        ``changes``, ``equality``, ``warnings``, ``people``.

    Examples
    --------
    >>> inv = natverk.load("examples/goteborg.json")          # doctest: +SKIP
    >>> board = inv.board(2025, 2026, lang="sv")               # doctest: +SKIP
    >>> board.save("bilaga.docx")                              # doctest: +SKIP
    >>> "Totalt" in board.to_html()                            # doctest: +SKIP
    True
    """

    __slots__ = ("_native", "lang", "title", "subtitle", "sections")

    def __init__(self, native: Any) -> None:
        self._native = native
        self.lang: str = native.lang
        title, subtitle, sections = native.outline()
        self.title: str = title
        self.subtitle: str = subtitle
        self.sections: List[Tuple[str, str, List[str]]] = [
            (k, h, list(p)) for k, h, p in sections
        ]

    def to_html(self) -> str:
        """The appendix as one HTML page that prints on A4 (every text
        from the file escaped)."""
        return cast(str, self._native.to_html())

    def to_docx(self) -> bytes:
        """The appendix as a Word document (``.docx``; opens in Word and
        LibreOffice): A4, page numbers, table header rows repeated on
        each page."""
        return cast(bytes, self._native.to_docx())

    def to_json(self) -> str:
        """The appendix as data, JSON text: ``{"title", "subtitle", "lang",
        "sections": [{"key", "heading", "blocks"}]}``, each block
        ``{"type": "paragraph", "text"}`` or ``{"type": "table", "key",
        "title", "columns": [{"key", "label", "align"}], "rows",
        "footer"}``; cells are strings (amounts with two decimals),
        integers or ``null`` (the shape of the core's ``BoardDocument::to_json``)."""
        return cast(str, self._native.to_json())

    def to_dict(self) -> Dict[str, Any]:
        """:meth:`to_json` as Python values (amounts stay strings)."""
        return cast(Dict[str, Any], json.loads(self.to_json()))

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the appendix at ``path``, as Word for ``.docx`` and as
        HTML for ``.html``/``.htm``. The file is written whole or not at
        all (a temporary file beside it, renamed over it); a symbolic link,
        a directory or a device is refused.

        Raises
        ------
        natverk.ArgumentError
            The suffix is neither ``.docx`` nor ``.html``/``.htm``.
        OSError
            The file cannot be written (no such folder, no permission, a
            target that is not a regular file).
        """
        target = os.fspath(path)
        if not isinstance(target, str):
            target = os.fsdecode(target)
        suffix = os.path.splitext(target)[1].lower()
        if suffix == ".docx":
            kind = "docx"
        elif suffix in (".html", ".htm"):
            kind = "html"
        else:
            from ._errors import ArgumentError

            raise ArgumentError._one("PY_BOARD_SUFFIX", "options.path", value=target)
        self._native.save(target, kind)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"<natverk.Board {self.title!r}: {len(self.sections)} sections>"
