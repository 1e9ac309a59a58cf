# Type stubs of the public API; the implementation is typed inline in the
# submodules, which these names re-export.
from natverk._board import Board as Board
from natverk._board import Calendar as Calendar
from natverk._board import Diff as Diff
from natverk._errors import ArgumentError as ArgumentError
from natverk._errors import Finding as Finding
from natverk._errors import Findings as Findings
from natverk._errors import InventoryError as InventoryError
from natverk._errors import NatverkError as NatverkError
from natverk._inventory import Inventory as Inventory
from natverk._inventory import check_file as check_file
from natverk._inventory import check_json as check_json
from natverk._inventory import load as load
from natverk._inventory import merge as merge
from natverk._inventory import read_excel as read_excel
from natverk._present import Column as Column
from natverk._present import Lang as Lang
from natverk._present import Table as Table
from natverk._present import format_money as format_money
from natverk._present import get_lang as get_lang
from natverk._present import label as label
from natverk._present import set_lang as set_lang
from natverk._present import vocabulary as vocabulary
from natverk._report import NA_REP as NA_REP
from natverk._report import Equality as Equality
from natverk._report import LeaveReport as LeaveReport
from natverk._report import Report as Report
from natverk._types import MONEY_FIELDS as MONEY_FIELDS
from natverk._types import DateLike as DateLike
from natverk._types import GroupKey as GroupKey
from natverk._types import Leave as Leave
from natverk._types import Money as Money
from natverk._types import MoneyMode as MoneyMode
from natverk._types import PathOrFile as PathOrFile
from natverk._types import ReportLine as ReportLine
from natverk._types import Scope as Scope
from natverk._types import Status as Status

__version__: str
FORMAT: str

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
