"""Everything written for people, in Swedish or English (SPEC §11).

The words, titles and number formats are the core's (``natverk::present``):
this module holds the language setting, exposes the core's vocabulary, and
lays out the core's tables as HTML for notebooks. It restates no label.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Dict, List, Literal, NamedTuple, Optional, Sequence, Tuple, Union

from . import _natverk

__all__ = [
    "Lang",
    "Cell",
    "Column",
    "Table",
    "get_lang",
    "set_lang",
    "label",
    "vocabulary",
    "format_money",
    "MAX_ROWS",
]

#: A language of the texts for people.
Lang = Literal["sv", "en"]
#: A value of a table: text (from the file, or a word already in the
#: table's language), a whole number, a decimal (money, hours) or no value.
Cell = Union[str, int, Decimal, None]

#: How many rows of a table a notebook shows; the rest are counted.
MAX_ROWS = 200

_lang: Optional[Lang] = None


def _check(lang: str) -> Lang:
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    # the core's ArgumentError, with its message in both languages
    raise _natverk.argument_error("PY_LANG", "options.lang", [("value", str(lang))])


def set_lang(lang: Optional[Lang]) -> None:
    """Sets the language of everything natverk writes for people in this
    process: notebook tables, titles, amounts, finding messages in HTML.

    Parameters
    ----------
    lang : {"sv", "en"} or None
        ``None`` goes back to the default: the locale's language
        (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``sv…`` is Swedish, anything
        else English), as the command line does.

    Raises
    ------
    natverk.ArgumentError
        ``lang`` is neither ``"sv"`` nor ``"en"``.

    Examples
    --------
    >>> natverk.set_lang("sv")
    >>> natverk.label("ui.total")
    'Totalt'
    >>> natverk.set_lang(None)
    """
    global _lang
    _lang = None if lang is None else _check(lang)


def get_lang() -> Lang:
    """The language of texts for people: the one given to :func:`set_lang`,
    else the locale's (read from the environment at each call)."""
    if _lang is not None:
        return _lang
    return _check(_natverk.default_lang())


def _resolve(lang: Optional[str]) -> Lang:
    return get_lang() if lang is None else _check(lang)


def vocabulary(lang: Optional[Lang] = None) -> Dict[str, str]:
    """Every label of the core's vocabulary in ``lang`` (default
    :func:`get_lang`): headings, enum words, units, messages' parts, by
    dotted key (``money.gross``, ``key.unit``, ``status.active``,
    ``ui.total``). Texts with a value have ``{name}`` placeholders.

    Raises
    ------
    natverk.ArgumentError
        ``lang`` is neither ``"sv"`` nor ``"en"``.
    """
    return dict(_natverk.vocabulary(_resolve(lang)))


def label(key: str, lang: Optional[Lang] = None) -> str:
    """The label of one key of the vocabulary in ``lang`` (default
    :func:`get_lang`): ``label("money.gross", "sv") == "Brutto"``.

    Raises
    ------
    KeyError
        The vocabulary has no such key.
    natverk.ArgumentError
        ``lang`` is neither ``"sv"`` nor ``"en"``.
    """
    text = _natverk.label(key, _resolve(lang))
    if text is None:
        raise KeyError(key)
    return text


def format_money(amount: Decimal, lang: Optional[Lang] = None) -> str:
    """An amount as people write it in ``lang``, two decimals:
    ``65 000,50`` (Swedish, a no-break space groups thousands) or
    ``65,000.50`` (English)."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be a decimal.Decimal, not {type(amount).__name__}")
    return _natverk.format_money(amount, _resolve(lang))


class Column(NamedTuple):
    """A column of a :class:`Table`."""

    #: Stable key, as in the JSON (``network``, ``gross``, ``woman``).
    key: str
    #: Heading for people, in the table's language.
    label: str
    #: ``"left"`` (texts) or ``"right"`` (numbers).
    align: Literal["left", "right"]


_Raw = Tuple[str, str, Optional[str], List[Tuple[str, str, str]], List[Tuple[Cell, ...]], List[Tuple[Cell, ...]], int]


class Table:
    """A table for people, as the core lays it out: the rows and columns a
    report, the equality statistics or findings show, labelled in one
    language. In a notebook it shows itself as HTML.

    Attributes
    ----------
    key : str
        Stable key (``report``, ``people``, ``time``, ``networks``,
        ``findings``, ``inventory``).
    lang : {"sv", "en"}
    title : str
    caption : str or None
        A line under the title (scope, years, currency), where there is one.
    columns : list of Column
    rows : list of tuple
        The first rows (all, unless ``max_rows`` was given), one value per
        column: ``str``, ``int``, :class:`decimal.Decimal` or ``None``.
    footer : list of tuple
        The total and savings of a report (their first cell names them).
    n_rows : int
        How many rows the table has in all; more than ``len(rows)`` when
        it was cut at ``max_rows``.
    """

    __slots__ = ("key", "lang", "title", "caption", "columns", "rows", "footer", "n_rows")

    def __init__(self, raw: _Raw, lang: Lang) -> None:
        key, title, caption, columns, rows, footer, n_rows = raw
        self.key: str = key
        self.lang: Lang = lang
        self.title: str = title
        self.caption: Optional[str] = caption
        self.columns: List[Column] = [Column(k, lbl, "right" if a == "right" else "left") for k, lbl, a in columns]
        self.rows: List[Tuple[Cell, ...]] = rows
        self.footer: List[Tuple[Cell, ...]] = footer
        self.n_rows: int = n_rows

    def __repr__(self) -> str:
        return f"<Table {self.key!r} ({self.lang}): {self.title!r}, {len(self.columns)} columns, {self.n_rows} rows>"

    def to_html(self) -> str:
        """The table as an HTML ``<table>``: every text escaped, amounts as
        people write them in the table's language, numbers right-aligned,
        and a last row counting the rows left out (``… and 49,800 more``)."""
        return _html(self)

    def _repr_html_(self) -> str:
        return self.to_html()


_RIGHT = ' style="text-align:right;font-variant-numeric:tabular-nums"'


def _text(value: Cell, lang: Lang, empty: str) -> str:
    if value is None:
        return empty
    if isinstance(value, Decimal):
        return escape(_natverk.format_money(value, lang))
    return escape(str(value))


def _html(t: Table) -> str:
    cols = t.columns
    right = [c.align == "right" for c in cols]
    empty = escape(_natverk.label("ui.empty_cell", t.lang) or "")
    # A report without group keys names its total in a cell of its own,
    # before the money columns: the other rows get an empty one there.
    lead = any(len(row) > len(cols) for row in t.footer)
    blank = "<td></td>" if lead else ""
    out: List[str] = [f'<table class="natverk" lang="{t.lang}">']
    caption = f"<strong>{escape(t.title)}</strong>"
    if t.caption:
        caption += f"<br>{escape(t.caption)}"
    out.append(f"<caption>{caption}</caption>")
    out.append("<thead><tr>" + ("<td></td>" if lead else ""))
    out.extend(f'<th scope="col"{_RIGHT if r else ""}>{escape(c.label)}</th>' for c, r in zip(cols, right))
    out.append("</tr></thead><tbody>")
    for row in t.rows:
        tds = "".join(f"<td{_RIGHT if r else ''}>{_text(v, t.lang, empty)}</td>" for v, r in zip(row, right))
        out.append(f"<tr>{blank}{tds}</tr>")
    more = t.n_rows - len(t.rows)
    if more > 0:
        text = _natverk.count_text("error.more", more, t.lang)
        out.append(f'<tr><td colspan="{len(cols) + lead}">{escape(text)}</td></tr>')
    out.append("</tbody>")
    if t.footer:
        out.append("<tfoot>")
        for row in t.footer:
            cells = [f'<th scope="row">{_text(row[0], t.lang, "")}</th>']
            # the label takes the first column, or a cell of its own
            aligns = right if len(row) > len(cols) else right[1:]
            cells.extend(f"<td{_RIGHT if r else ''}>{_text(v, t.lang, '')}</td>" for v, r in zip(row[1:], aligns))
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tfoot>")
    out.append("</table>")
    return "".join(out)


def tables_html(tables: Sequence[Table], headline: Optional[str] = None) -> str:
    """Several tables (and a headline) as one block of HTML."""
    parts = [f'<div class="natverk" lang="{tables[0].lang if tables else get_lang()}">']
    if headline:
        parts.append(f"<p><strong>{escape(headline)}</strong></p>")
    parts.extend(t.to_html() for t in tables)
    parts.append("</div>")
    return "".join(parts)
