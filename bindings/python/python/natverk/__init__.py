"""natverk — the networks an organisation takes part in, and what they cost.

Load an inventory (format ``natverk/1``), check it, and compute exact cost
reports and gender-equality statistics. Every figure comes from the Rust
core; money is :class:`decimal.Decimal`, dates :class:`datetime.date`.

Examples
--------
>>> import natverk
>>> inv = natverk.load("examples/goteborg.json")                  # doctest: +SKIP
>>> inv.report(2024, 2025, leave="recommended").savings["gross"]  # doctest: +SKIP
Decimal('334200.00')

See ``help(natverk.Inventory)``, ``help(natverk.Report)`` (and the nine
money fields in ``help(natverk.Money)``) and the package README.
"""

from ._board import Board, Calendar, Diff
from ._errors import ArgumentError, Finding, Findings, InventoryError, NatverkError
from ._inventory import Inventory, check_file, check_json, load, merge, read_excel
from ._natverk import FORMAT, __version__
from ._present import Column, Lang, Table, format_money, get_lang, label, set_lang, vocabulary
from ._report import NA_REP, Equality, LeaveReport, Report
from ._types import (
    MONEY_FIELDS,
    DateLike,
    GroupKey,
    Leave,
    Money,
    MoneyMode,
    PathOrFile,
    ReportLine,
    Scope,
    Status,
)

# Tracebacks, reprs and pickles name the public module, not the private
# one a class happens to be defined in.
for _cls in (
    ArgumentError,
    Equality,
    Finding,
    Findings,
    Inventory,
    InventoryError,
    LeaveReport,
    Money,
    NatverkError,
    Report,
    ReportLine,
    Table,
    Column,
):
    _cls.__module__ = __name__
del _cls

__all__ = [
    "FORMAT",
    "MONEY_FIELDS",
    "NA_REP",
    "ArgumentError",
    "Board",
    "Calendar",
    "Column",
    "DateLike",
    "Diff",
    "Equality",
    "Finding",
    "Findings",
    "GroupKey",
    "Inventory",
    "InventoryError",
    "Lang",
    "Leave",
    "LeaveReport",
    "Money",
    "MoneyMode",
    "NatverkError",
    "PathOrFile",
    "Report",
    "ReportLine",
    "Scope",
    "Status",
    "Table",
    "__version__",
    "check_file",
    "check_json",
    "format_money",
    "get_lang",
    "label",
    "load",
    "merge",
    "read_excel",
    "set_lang",
    "vocabulary",
]
