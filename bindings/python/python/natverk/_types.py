"""The words of the options and the shapes of the results, for type checkers.

Option words are ``Literal`` types, so a typo (``by="subjekt"``) is caught
by mypy before it is an :class:`natverk.ArgumentError` at run time; money
dicts are ``TypedDict`` s, so ``report.total["gros"]`` is a type error.
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from typing import IO, Iterable, Literal, Optional, Tuple, TypedDict, Union

from . import _natverk
from ._format import GroupKey, Scope, Status

__all__ = [
    "Scope",
    "GroupKey",
    "Status",
    "MoneyMode",
    "Leave",
    "DateLike",
    "PathOrFile",
    "Money",
    "ReportLine",
    "MONEY_FIELDS",
]

#: How ``to_pandas`` gives money: exact ``Decimal`` objects, or ``float64``.
MoneyMode = Literal["decimal", "float"]
#: ``"recommended"`` (every network whose assessment recommends leaving),
#: or network ids.
Leave = Union[Literal["recommended"], str, Iterable[str]]
#: A date: ``datetime.date``, a ``datetime`` (or ``pandas.Timestamp``) at
#: midnight, or ``"YYYY-MM-DD"``.
DateLike = Union[datetime.date, str]
#: A file name or path, or an open file (text or binary).
PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

#: The nine money fields of a report line, total or savings, in order
#: (the core's ``money::MONEY_FIELDS``).
MONEY_FIELDS: Tuple[str, ...] = tuple(_natverk.MONEY_FIELDS)


class Money(TypedDict):
    """The nine money fields of a report line, its total or its savings.

    Every value is a :class:`decimal.Decimal` with two decimals, in the
    organisation's currency, for the years of the report.

    - ``fees``: participation and membership fees (costs of kind ``fee``
      and ``membership``, tiered fees included);
    - ``time``: staff time, hours a year × the person's hourly cost;
    - ``travel``: travel costs;
    - ``other``: other costs;
    - ``gross``: ``fees + time + travel + other``;
    - ``granted``: financing granted by a funder, at most ``gross``;
    - ``expected``: financing expected or applied for, weighted by its
      probability, at most ``gross - granted``;
    - ``net``: ``gross - granted``, what the organisation pays for sure;
    - ``expected_net``: ``net - expected``, what it expects to pay.
    """

    fees: Decimal
    time: Decimal
    travel: Decimal
    other: Decimal
    gross: Decimal
    granted: Decimal
    expected: Decimal
    net: Decimal
    expected_net: Decimal


class _LineKeys(TypedDict, total=False):
    network: str
    name: str
    subject: Optional[str]
    organiser: Optional[str]
    unit: Optional[str]
    unit_name: Optional[str]
    kind: str
    status: str
    year: int


class ReportLine(Money, _LineKeys):
    """One line of a report: its group keys, then the nine money fields.

    Only the keys of the report's ``by`` are present (``name`` comes with
    ``network``, ``unit_name`` with ``unit``). ``subject``, ``organiser``,
    ``unit`` and ``unit_name`` are ``None`` on the line of the networks that
    have none; ``year`` is an ``int``.
    """
