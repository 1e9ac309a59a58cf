"""natverk — the networks an organisation takes part in, and what they cost.

Load an inventory (format ``natverk/1``), check it, and compute exact cost
reports and gender-equality statistics. Every figure comes from the Rust
core; money is :class:`decimal.Decimal`, dates :class:`datetime.date`.

>>> import natverk
>>> inv = natverk.load("examples/goteborg.json")                 # doctest: +SKIP
>>> inv.report(2024, 2025, leave="recommended").savings["gross"]  # doctest: +SKIP
Decimal('150700.00')

See ``help(natverk.Inventory)`` and the package README.
"""

from ._errors import Finding, Findings, InventoryError, NatverkError
from ._inventory import Inventory, check_file, check_json, load
from ._natverk import FORMAT, __version__
from ._report import Equality, Report

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
