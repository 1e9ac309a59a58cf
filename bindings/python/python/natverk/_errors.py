"""The package's exceptions and findings."""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _natverk, _present
from ._present import Lang, Table

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]

__all__ = ["Finding", "Findings", "NatverkError", "InventoryError", "ArgumentError"]


def _pandas() -> Any:
    """pandas, or an ImportError that says how to install it."""
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("this needs pandas: pip install 'natverk[pandas]'") from e


@dataclass(frozen=True)
class Finding:
    """One problem or remark, with where it is.

    Attributes
    ----------
    code : str
        Stable: ``unknown_field``, ``missing_rate``, ``no_opposition``, …
    severity : str
        ``"error"`` or ``"warning"``.
    path : str
        A JSON path into the file (``networks[3].costs[0].schedule``; empty
        for the whole file), or under ``options.`` for an option.
    message : str
        What is wrong and how to fix it, in English: the text of the JSON
        output (SPEC §7.2), stable like ``code``. :meth:`message_in` gives
        it in Swedish too.
    line, column : int or None
        Known for syntax errors only.
    sheet, row, cell_column : str, int, str or None
        For a workbook (:func:`natverk.read_excel`) or tables
        (:meth:`natverk.Inventory.from_tables`): the sheet, the row as the
        spreadsheet shows it, and the column's name, where known.
    network : str or None
        The id of the network the finding concerns (its path points into
        that network), where known: for the warnings of a check, the errors
        of a report, and the problems of JSON or data that does not load;
        for a workbook's or tables' problems, the network its row names
        (the ``id`` of a row of ``networks``, the ``network`` of a row of
        ``participants``, ``costs`` or ``financing``).
    """

    code: str
    severity: str
    path: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None
    sheet: Optional[str] = None
    row: Optional[int] = None
    cell_column: Optional[str] = None
    network: Optional[str] = None
    # The message in Swedish, when the core made the finding.
    _message_sv: Optional[str] = field(default=None, compare=False, repr=False)

    def message_in(self, lang: Optional[Lang] = None) -> str:
        """The message in ``lang`` (``"sv"`` or ``"en"``; default
        :func:`natverk.get_lang`). A finding the core made has its message
        in both; one made in Python has only :attr:`message`.

        Raises
        ------
        natverk.ArgumentError
            ``lang`` is neither ``"sv"`` nor ``"en"``.
        """
        if _present._resolve(lang) == "sv" and self._message_sv is not None:
            return self._message_sv
        return self.message

    def to_dict(self) -> Dict[str, Any]:
        """The finding as the JSON output writes it (``line`` and ``column``
        only where known)."""
        d: Dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
        }
        if self.line is not None:
            d["line"] = self.line
        if self.column is not None:
            d["column"] = self.column
        if self.sheet is not None:
            d["sheet"] = self.sheet
            if self.row is not None:
                d["row"] = self.row
            if self.cell_column is not None:
                d["column"] = self.cell_column
        return d

    @classmethod
    def _from_dict(
        cls, d: Dict[str, Any], sv: Optional[str] = None, network: Optional[str] = None
    ) -> "Finding":
        if "sheet" in d:
            # A workbook's finding: `column` names the sheet's column.
            return cls(
                code=d["code"],
                severity=d["severity"],
                path=d["path"],
                message=d["message"],
                sheet=d.get("sheet"),
                row=d.get("row"),
                cell_column=d.get("column"),
                network=network,
                _message_sv=sv,
            )
        return cls(
            code=d["code"],
            severity=d["severity"],
            path=d["path"],
            message=d["message"],
            line=d.get("line"),
            column=d.get("column"),
            network=network,
            _message_sv=sv,
        )

    def __str__(self) -> str:
        s = f"{self.severity}[{self.code}]"
        if self.sheet is not None:
            s += f" in sheet {self.sheet}"
            if self.row is not None:
                s += f", row {self.row}"
            if self.cell_column is not None:
                s += f", column {self.cell_column}"
        if self.path:
            s += f" at {self.path}"
        if self.line is not None and self.column is not None:
            s += f" (line {self.line}, column {self.column})"
        return f"{s}: {self.message}"


class Findings(Sequence[Finding]):
    """The findings of a check: a sequence of :class:`Finding`.

    Attributes
    ----------
    errors : int
        How many findings are errors.
    warnings : int
        How many are warnings.
    codes : list of str
        The code of each finding, in order.

    Notes
    -----
    ``to_dict()`` gives ``{"findings": [...], "errors": N, "warnings": N}``,
    ``to_json()`` the same as the core's (and the command line's) text,
    ``to_pandas()`` a data frame; in a notebook the findings show as a table.
    """

    __slots__ = ("_items", "_json", "_native", "errors", "warnings")

    def __init__(self, findings: Sequence[Finding] = ()) -> None:
        self._items: Tuple[Finding, ...] = tuple(findings)
        self.errors: int = sum(1 for f in self._items if f.severity == "error")
        self.warnings: int = len(self._items) - self.errors
        self._json: Optional[str] = None
        self._native: Optional[_natverk.Findings] = None

    @classmethod
    def _from_native(cls, native: _natverk.Findings) -> "Findings":
        text = native.to_json("en")
        out = cls(_findings(native, text))
        out._json = text
        out._native = native
        return out

    def __reduce__(self) -> Any:
        # the core's findings do not pickle; their values (both languages) do
        return (Findings, (self._items,))

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[Finding, Sequence[Finding]]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @property
    def codes(self) -> List[str]:
        """The code of each finding, in order."""
        return [f.code for f in self._items]

    def to_dict(self) -> Dict[str, Any]:
        """``{"findings": [...], "errors": N, "warnings": N}``, as the JSON
        output writes it."""
        return {
            "findings": [f.to_dict() for f in self._items],
            "errors": self.errors,
            "warnings": self.warnings,
        }

    def to_json(self) -> str:
        """The findings as JSON: the core's own text when they came from it."""
        if self._json is not None:
            return self._json
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_pandas(self) -> "pandas.DataFrame":
        """The findings as a ``pandas.DataFrame``, one row per finding.

        Returns
        -------
        pandas.DataFrame
            Columns ``code``, ``severity``, ``path``, ``message`` (text),
            ``line`` and ``column``, ``network`` (the id of the network the
            finding concerns, where known), ``sheet`` and ``row``. For the
            findings of a workbook or of tables, ``sheet``, ``row``
            (nullable integers) and ``column`` (the column's name) say
            where the cell is and ``line`` is empty; for JSON, ``line`` and
            ``column`` (nullable integers) are those of a syntax error and
            ``sheet`` and ``row`` are empty.

        Raises
        ------
        ImportError
            pandas is not installed (``pip install 'natverk[pandas]'``).

        Examples
        --------
        >>> df = natverk.check_file("inventory.json").to_pandas()  # doctest: +SKIP
        >>> df[df.severity == "error"].groupby("code").size()        # doctest: +SKIP
        >>> df.groupby("network").size()                             # doctest: +SKIP
        """
        pd = _pandas()
        items = self._items
        data: Dict[str, Any] = {
            c: [getattr(f, c) for f in items] for c in ("code", "severity", "path", "message")
        }
        data["line"] = pd.array([f.line for f in items], dtype="Int64")
        if any(f.sheet is not None for f in items):
            data["column"] = pd.Series([f.cell_column for f in items], dtype=object)
        else:
            data["column"] = pd.array([f.column for f in items], dtype="Int64")
        data["network"] = pd.Series([f.network for f in items], dtype=object)
        data["sheet"] = pd.Series([f.sheet for f in items], dtype=object)
        data["row"] = pd.array([f.row for f in items], dtype="Int64")
        df: pandas.DataFrame = pd.DataFrame(data, columns=list(data))
        return df

    def table(self, lang: Optional[Lang] = None, *, max_rows: Optional[int] = None) -> Table:
        """The findings as people see them, laid out by the core: severity,
        code, where and message, in ``lang`` (default
        :func:`natverk.get_lang`); ``max_rows`` converts only the first rows.

        Raises
        ------
        natverk.ArgumentError
            ``lang`` is neither ``"sv"`` nor ``"en"``.
        """
        return _table(self._native, self._items, _present._resolve(lang), max_rows)

    def __repr__(self) -> str:
        return (
            f"<Findings: {_plural(self.errors, 'error', 'errors')}, "
            f"{_plural(self.warnings, 'warning', 'warnings')}>"
        )

    def _repr_html_(self) -> str:
        lang = _present.get_lang()
        head = ", ".join(
            (
                _natverk.count_text("count.errors", self.errors, lang),
                _natverk.count_text("count.warnings", self.warnings, lang),
            )
        )
        return _present.tables_html([self.table(lang, max_rows=_present.MAX_ROWS)], head)


def _findings(native: _natverk.Findings, en_json: str) -> List[Finding]:
    """The core's findings as values, each with its message in both
    languages."""
    data = json.loads(en_json)
    sv = native.messages("sv")
    networks = native.networks()
    return [
        Finding._from_dict(f, m, n) for f, m, n in zip(data["findings"], sv, networks)
    ]


def _table(
    native: Optional[_natverk.Findings], items: Sequence[Finding], lang: Lang, max_rows: Optional[int]
) -> Table:
    if max_rows is not None and (isinstance(max_rows, bool) or not isinstance(max_rows, int)):
        raise TypeError(f"max_rows must be an int or None, not {type(max_rows).__name__}")
    limit = None if max_rows is None else max(max_rows, 0)
    if native is not None:
        return Table(native.table(lang, limit), lang)
    # Findings made in Python: the core's columns and title, their values.
    key, title, caption, columns, _, footer, _ = _natverk.Findings.empty().table(lang)
    shown = items if limit is None else items[:limit]
    rows: List[Tuple[_present.Cell, ...]] = []
    for f in shown:
        where = f.path or None
        if f.line is not None and f.column is not None:
            lc = _present.label("ui.line_column", lang).format(line=f.line, column=f.column)
            where = f"{f.path} ({lc})" if f.path else lc
        severity = _present.label(f"severity.{f.severity}", lang)
        rows.append((severity, f.code, where, f.message_in(lang)))
    return Table((key, title, caption, columns, rows, footer, len(items)), lang)


class NatverkError(Exception):
    """Base class of every exception natverk raises on its own.

    Catch it to handle anything natverk refuses:
    :class:`InventoryError` (the inventory, or a report on it, has problems)
    and :class:`ArgumentError` (an option is wrong). A ``NatverkError`` that
    is neither is a bug in natverk; please report it with the input.
    """


#: How many findings ``str()`` of an error lists; ``.findings`` has them all.
MAX_LISTED = 20


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _restore_error(
    cls: type, message: str, findings: Sequence[Finding], headlines: Dict[str, str]
) -> "_FindingsError":
    """Unpickles an error with its headline in both languages."""
    err: _FindingsError = cls(message, findings)
    err._headlines = dict(headlines)
    return err


class _FindingsError(NatverkError, ValueError):
    findings: Findings

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message, tuple(findings))
        self.message = message
        self.findings = findings if isinstance(findings, Findings) else Findings(findings)
        self._native: Optional[_natverk.Findings] = None
        self._headlines: Dict[str, str] = {}

    @classmethod
    def _from_core(cls, message: str, native: _natverk.Findings) -> "_FindingsError":
        err = cls(message, Findings._from_native(native))
        err._native = native
        return err

    def __reduce__(self) -> Any:
        langs: Tuple[Lang, ...] = ("en", "sv")
        headlines = {lang: self.headline(lang) for lang in langs}
        return (_restore_error, (type(self), self.message, tuple(self.findings), headlines))

    def headline(self, lang: Optional[Lang] = None) -> str:
        """The first line of the error in ``lang`` (default
        :func:`natverk.get_lang`): ``inventeringen har 3 problem``."""
        lang = _present._resolve(lang)
        head = self._native.headline(lang) if self._native is not None else None
        if head is None:
            head = self._headlines.get(lang)
        return head if head is not None else self.message

    def to_pandas(self) -> "pandas.DataFrame":
        """The findings as a ``pandas.DataFrame``: see
        :meth:`Findings.to_pandas`."""
        return self.findings.to_pandas()

    def table(self, lang: Optional[Lang] = None, *, max_rows: Optional[int] = None) -> Table:
        """The findings as people see them, in ``lang`` (see
        :meth:`Findings.table`)."""
        return _table(self._native, self.findings, _present._resolve(lang), max_rows)

    def _repr_html_(self) -> str:
        lang = _present.get_lang()
        return _present.tables_html([self.table(lang, max_rows=_present.MAX_ROWS)], self.headline(lang))

    @property
    def codes(self) -> List[str]:
        """The code of each finding, in order."""
        return [f.code for f in self.findings]

    def to_dict(self) -> Dict[str, Any]:
        """The findings as the core writes them: ``{"findings": [...],
        "errors": N, "warnings": N}``."""
        return self.findings.to_dict()

    def __str__(self) -> str:
        lines = [self.message]
        lines.extend(f"  {f}" for f in self.findings[:MAX_LISTED])
        more = len(self.findings) - MAX_LISTED
        if more > 0:
            lines.append(f"  … and {_plural(more, 'more finding', 'more findings')} (see .findings)")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, <{_plural(len(self.findings), 'finding', 'findings')}>)"


class InventoryError(_FindingsError):
    """The inventory has problems, or a report on it cannot be computed.

    Raised by :func:`natverk.load`, :meth:`Inventory.from_json`,
    :meth:`Inventory.from_dict` and by reports that need something the file
    lacks (an exchange rate or a population of a year) or
    overflow. A ``ValueError``.

    Attributes
    ----------
    findings : Findings
        Every problem at once (a sequence: index it, iterate it, take its
        ``len``), each with ``code``, ``severity``, ``path``, ``message``,
        ``line`` and ``column``, ``sheet``, ``row`` and ``cell_column``
        where known, and ``network``; ``.to_pandas()`` gives a data frame.
    codes : list of str
        The code of each finding.

    Notes
    -----
    ``str(err)`` lists at most 20 findings and says how many more there
    are.

    Examples
    --------
    >>> try:
    ...     natverk.Inventory.from_json('{"format": "natverk/1"}')
    ... except natverk.InventoryError as err:
    ...     print(err.codes)
    ['missing_field']
    """


class ArgumentError(_FindingsError):
    """An option is wrong: an unknown word (``by="subjekt"``), a date that
    does not exist (``today="2024-02-30"``), years out of range or in the
    wrong order. A ``ValueError``; the inventory itself is fine.

    Attributes
    ----------
    findings : Findings
        What is wrong, with paths under ``options.`` (``options.by``,
        ``options.today``).

    Examples
    --------
    >>> inv.report(2024, 2025, by="subjekt")              # doctest: +SKIP
    Traceback (most recent call last):
    natverk.ArgumentError: the options have 1 problem
      error[invalid_value] at options.by: unknown group key `subjekt` …
    """

    @classmethod
    def _from_core(cls, message: str, native: _natverk.Findings) -> "_FindingsError":
        err = cls(cls._headline(len(native)), Findings._from_native(native))
        err._native = native
        return err

    @staticmethod
    def _headline(n: int) -> str:
        return f"the options have {_plural(n, 'problem', 'problems')}"

    @classmethod
    def _one(cls, template: str, path: str, **values: str) -> "ArgumentError":
        """An option error found in Python (a value the core never sees),
        its message from a template of the binding in both languages."""
        err = _natverk.argument_error(template, path, list(values.items()))
        assert isinstance(err, ArgumentError)
        return err
