"""HTML for notebooks (``_repr_html_``). Every string from the file is
escaped; person names never appear (reports and statistics carry none)."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any, Dict, Iterable, List, Optional, Sequence, TYPE_CHECKING

if TYPE_CHECKING:
    from ._errors import Finding

#: Longest table shown in a notebook; the rest is summarised.
MAX_ROWS = 200

_NUM = ' style="text-align:right;font-variant-numeric:tabular-nums"'


def cell(value: Any) -> str:
    """One value as table text: money grouped by thousands, None as empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return escape(format(value, ",.2f"))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return escape(str(value))


def _td(value: Any) -> str:
    numeric = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
    return f"<td{_NUM if numeric else ''}>{cell(value)}</td>"


def table(
    caption: str,
    columns: Sequence[str],
    rows: Sequence[Dict[str, Any]],
    footer: Iterable[Dict[str, Any]] = (),
    footer_label_column: Optional[str] = None,
    see_all: str = ".to_pandas()",
) -> str:
    """A table of ``rows`` (dicts) with ``columns``; ``footer`` rows (total,
    savings) carry their label under ``footer_label_column``."""
    out: List[str] = ['<table class="natverk">']
    out.append(f"<caption>{escape(caption)}</caption>")
    out.append("<thead><tr>")
    out.extend(f'<th scope="col">{escape(c)}</th>' for c in columns)
    out.append("</tr></thead><tbody>")
    for row in rows[:MAX_ROWS]:
        out.append("<tr>" + "".join(_td(row.get(c)) for c in columns) + "</tr>")
    if len(rows) > MAX_ROWS:
        more = len(rows) - MAX_ROWS
        out.append(
            f'<tr><td colspan="{len(columns)}">… {more:,} more lines '
            f"(use {escape(see_all)} to see them all)</td></tr>"
        )
    out.append("</tbody>")
    foot = list(footer)
    if foot:
        out.append("<tfoot>")
        for row in foot:
            cells = []
            for c in columns:
                if c == footer_label_column:
                    cells.append(f'<th scope="row">{escape(str(row.get(c, "")))}</th>')
                else:
                    cells.append(_td(row.get(c)))
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tfoot>")
    out.append("</table>")
    return "".join(out)


def findings_table(findings: Sequence["Finding"], errors: int, warnings: int) -> str:
    """The findings of a check as a table."""
    rows = [
        {
            "severity": f.severity,
            "code": f.code,
            "path": f.path,
            "message": f.message,
        }
        for f in findings
    ]
    from ._errors import _plural

    return table(
        f"{_plural(errors, 'error', 'errors')}, {_plural(warnings, 'warning', 'warnings')}",
        ["severity", "code", "path", "message"],
        rows,
    )
