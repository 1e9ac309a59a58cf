# Type stubs of the public API; the implementation is typed inline in the
# submodules, which these names re-export.
from natverk._errors import Finding as Finding
from natverk._errors import Findings as Findings
from natverk._errors import InventoryError as InventoryError
from natverk._errors import NatverkError as NatverkError
from natverk._inventory import Inventory as Inventory
from natverk._inventory import check_file as check_file
from natverk._inventory import check_json as check_json
from natverk._inventory import load as load
from natverk._report import Equality as Equality
from natverk._report import Report as Report

__version__: str
FORMAT: str

__all__ = [
    "FORMAT",
    "Equality",
    "Finding",
    "Findings",
    "Inventory",
    "InventoryError",
    "NatverkError",
    "Report",
    "__version__",
    "check_file",
    "check_json",
    "load",
]
