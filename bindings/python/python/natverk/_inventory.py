"""``Inventory``: load, save, change, check, report, equality."""

from __future__ import annotations

import gc
import json
import os
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    SupportsIndex,
    Union,
    cast,
    overload,
)

from . import _args, _decode, _encode, _present
from . import _natverk
from ._errors import Findings, _plural
from ._present import Table
from ._board import Board, Calendar, Diff
from ._report import Equality, LeaveReport, Report
from ._types import DateLike, GroupKey, PathOrFile, Scope, Status

from ._format import (
    FeeScheduleDict,
    InventoryDict,
    NetworkDict,
    OrganisationDict,
    PersonDict,
    RateDict,
    UnitDict,
)

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]

__all__ = ["Inventory", "load", "merge", "read_excel", "check_file", "check_json"]


def _bytes(text: Union[str, bytes, bytearray, memoryview]) -> bytes:
    if isinstance(text, str):
        # lone surrogates reach the core as invalid UTF-8: a finding, not a crash
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected JSON text as str or bytes, not {type(text).__name__}")


def _read(source: PathOrFile) -> bytes:
    """The bytes of a file given by name, path or open file (text or binary)."""
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, (str, bytes, bytearray, memoryview)):
            return _bytes(data)
        raise TypeError(f"read() of the file gave {type(data).__name__}, not str or bytes")
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return f.read()
    raise TypeError(
        f"expected a file name, a path or an open file, not {type(source).__name__}"
    )


def _from_json(text: str) -> "Inventory":
    """Unpickles an inventory (its ``natverk/1`` JSON)."""
    return Inventory.from_json(text)


class Inventory:
    """A validated inventory of networks (format ``natverk/1``); immutable.

    Make one with :func:`natverk.load`, :meth:`from_json` or
    :meth:`from_dict`; a file with problems raises
    :class:`natverk.InventoryError` listing every one. Change one with
    :meth:`replace`, which gives a new, validated inventory.

    Attributes
    ----------
    organisation : dict
        ``name``, ``code``, ``population``, ``currency``.
    units, people, fee_schedules, exchange_rates, networks : list of dict
        The data as plain dicts and lists (decimals as
        :class:`decimal.Decimal`, dates as :class:`datetime.date`, defaults
        filled in). Each access builds a new copy: keep it in a variable
        when exploring, change it freely, and give it to :meth:`replace`.

    Notes
    -----
    Inventories compare by content (``==``), pickle (as their JSON), and
    show as a table in a notebook. ``len(inv)`` is the number of networks.

    Examples
    --------
    >>> inv = natverk.load("examples/goteborg.json")         # doctest: +SKIP
    >>> report = inv.report(2024, 2025, by="subject")        # doctest: +SKIP
    >>> report.total["gross"]                                # doctest: +SKIP
    Decimal('5040082.55')
    """

    __slots__ = ("_native",)

    def __init__(self, native: _natverk.Inventory) -> None:
        if not isinstance(native, _natverk.Inventory):
            raise TypeError("use natverk.load, Inventory.from_json or Inventory.from_dict")
        self._native = native

    # ---- making one -----------------------------------------------------

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Inventory":
        """Loads an inventory from ``natverk/1`` JSON text.

        Parameters
        ----------
        text : str or bytes
            The JSON (bytes as UTF-8; a byte-order mark is allowed).

        Returns
        -------
        Inventory

        Raises
        ------
        natverk.InventoryError
            The text is not a valid inventory; ``.findings`` lists every
            problem, with its path (and line and column for syntax errors).
        TypeError
            ``text`` is neither ``str`` nor ``bytes``.
        """
        return cls(_natverk.Inventory.from_bytes(_bytes(text)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Inventory":
        """Loads an inventory given as Python data, shaped as the JSON file.

        Parameters
        ----------
        data : Mapping
            As :meth:`to_dict` gives it. Decimals (money, hours, rates,
            shares) may be :class:`decimal.Decimal`, ``str`` or ``int``;
            dates :class:`datetime.date`, ``"YYYY-MM-DD"``, or a
            ``datetime``/``pandas.Timestamp`` at midnight (what
            ``pandas.read_excel`` gives); integers may be numpy integers;
            population years may be ``int`` keys (``{2023: 604616}``).

        Returns
        -------
        Inventory

        Raises
        ------
        natverk.InventoryError
            The data is not a valid inventory (every problem, with paths).
        TypeError
            A value JSON cannot carry exactly, named by its path: a
            ``float`` above all (``650.1`` as a float is not 650.1; give
            ``Decimal("650.10")``, ``"650.10"`` or an ``int``).

        Examples
        --------
        >>> natverk.Inventory.from_dict({
        ...     "format": "natverk/1",
        ...     "organisation": {"name": "Göteborgs Stad", "currency": "SEK"},
        ...     "networks": [{"id": "cemr", "name": "CEMR-deklarationen",
        ...                   "kind": "declaration", "start": datetime.date(2008, 1, 1)}],
        ... })                                                   # doctest: +SKIP
        <Inventory 'Göteborgs Stad': 1 network>
        """
        return cls.from_json(_encode.encode(data))

    @classmethod
    def load(cls, source: PathOrFile) -> "Inventory":
        """Loads a ``natverk/1`` JSON file or a workbook; see :func:`natverk.load`."""
        # JSON or a workbook, told apart by content in the core's frontends
        # (natverk_workbook::is_workbook); the name only labels findings.
        name = getattr(source, "name", source)
        label = os.path.basename(os.fspath(name)) if isinstance(name, (str, os.PathLike)) else "workbook"
        return cls(_natverk.Inventory.load_bytes(_read(source), label))

    def replace(
        self,
        *,
        organisation: Optional[Mapping[str, Any]] = None,
        units: Optional[Iterable[Mapping[str, Any]]] = None,
        people: Optional[Iterable[Mapping[str, Any]]] = None,
        fee_schedules: Optional[Iterable[Mapping[str, Any]]] = None,
        exchange_rates: Optional[Iterable[Mapping[str, Any]]] = None,
        networks: Optional[Iterable[Mapping[str, Any]]] = None,
    ) -> "Inventory":
        """A new inventory with some parts replaced; this one is unchanged.

        Parameters
        ----------
        organisation : Mapping, optional
        units, people, fee_schedules, exchange_rates, networks : iterable of Mapping, optional
            The new value of that part, shaped as in :meth:`to_dict`. Parts
            not given are kept.

        Returns
        -------
        Inventory
            Validated exactly as :meth:`from_dict` validates.

        Raises
        ------
        natverk.InventoryError
            The changed inventory has problems (every one, with paths).
        TypeError
            As :meth:`from_dict`.

        Examples
        --------
        Change a network, add one, and drop one:

        >>> networks = inv.networks                              # doctest: +SKIP
        >>> networks[0]["status"] = "active"                     # doctest: +SKIP
        >>> networks.append({"id": "new", "name": "Nytt nätverk",
        ...                  "start": datetime.date(2025, 1, 1)})  # doctest: +SKIP
        >>> networks = [n for n in networks if n["id"] != "eurocities"]  # doctest: +SKIP
        >>> inv2 = inv.replace(networks=networks)                # doctest: +SKIP
        """
        parts: Dict[str, Any] = {
            "organisation": organisation,
            "units": units,
            "people": people,
            "fee_schedules": fee_schedules,
            "exchange_rates": exchange_rates,
            "networks": networks,
        }
        given: Dict[str, Any] = {}
        for key, value in parts.items():
            if value is None:
                continue
            if key == "organisation":
                if not isinstance(value, Mapping):
                    raise TypeError(f"organisation must be a dict, not {type(value).__name__}")
                given[key] = value
            else:
                if isinstance(value, (str, bytes, Mapping)):
                    raise TypeError(f"{key} must be a list of dicts, not {type(value).__name__}")
                given[key] = list(value)
        if not given:
            return self
        # only the parts given are encoded; the core keeps the rest
        return type(self)(self._native.with_parts(_encode.encode(given)))

    def with_network(self, network: Mapping[str, Any]) -> "Inventory":
        """A new inventory with ``network`` in place of the network with
        its ``id``, or added at the end when no network has that id; this
        one is unchanged. Only that network is converted.

        Parameters
        ----------
        network : Mapping
            One network, shaped as :meth:`network` gives it.

        Returns
        -------
        Inventory
            Validated exactly as :meth:`from_dict` validates (paths
            ``networks[i]…`` of the new inventory).

        Raises
        ------
        natverk.InventoryError
            The changed inventory has problems.
        TypeError
            ``network`` is not a dict, or holds a value JSON cannot carry
            exactly (a ``float``), named by its path.

        Examples
        --------
        >>> net = inv.network("eurocities")                       # doctest: +SKIP
        >>> net["status"] = "dormant"                              # doctest: +SKIP
        >>> inv2 = inv.with_network(net)                           # doctest: +SKIP
        """
        if not isinstance(network, Mapping):
            raise TypeError(f"network must be a dict, not {type(network).__name__}")
        id_ = network.get("id")
        text = _encode.encode_value(network, "network")
        return type(self)(self._native.with_network(id_ if isinstance(id_, str) else None, text))

    def without_network(self, id: str) -> "Inventory":
        """A new inventory without the network ``id``; this one is
        unchanged.

        Raises
        ------
        KeyError
            No network has that id (the message suggests close ids).
        natverk.InventoryError
            Something else refers to it (a ``via`` of another network).
        """
        if not isinstance(id, str):
            raise TypeError(f"a network id is a str, not {type(id).__name__}")
        if self._native.network(id) is None:
            raise self._unknown_network(id)
        return type(self)(self._native.without_network(id))

    def _unknown_network(self, id: str) -> KeyError:
        import difflib

        close = difflib.get_close_matches(id, self._native.network_ids(), n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return KeyError(f"no network has id {id!r}{hint}")

    # ---- saving and exploring ------------------------------------------

    def to_json(self) -> str:
        """The inventory as pretty ``natverk/1`` JSON (decimals as strings),
        as the command line writes it; :meth:`from_json` of it gives the
        same inventory."""
        return self._native.to_json()

    def public(self) -> "Inventory":
        """The public file (SPEC §13): what a public web page may show.

        People lose their names and hourly costs, and their ids become
        ``p1``, ``p2``, … in the order of the list of people; they keep
        gender, role, side and party. Participants lose their hours. Each
        network's staff time becomes costs of kind ``"time"`` (one prorated
        yearly cost per participant whose hours have an hourly cost), so
        every report of the public file — any years, scope, grouping,
        statuses and leave — equals this inventory's, and so do the
        equality statistics' seats, persons and per-network counts. Publish
        ``inv.public().to_json()``, never the inventory itself.

        Returns
        -------
        Inventory

        Raises
        ------
        natverk.InventoryError
            Hours × hourly cost of a participant overflow the decimal type.

        Examples
        --------
        >>> pub = inv.public()                                           # doctest: +SKIP
        >>> pub.report(2024, 2025).total == inv.report(2024, 2025).total  # doctest: +SKIP
        True
        """
        return type(self)(self._native.public())

    def to_dict(self) -> InventoryDict:
        """The inventory as a new dict: decimals as
        :class:`decimal.Decimal`, dates as :class:`datetime.date`, defaults
        filled in; :meth:`from_dict` of it gives the same inventory. Its
        shape is ``natverk._format.InventoryDict``, generated from the
        core's declaration of the format."""
        return cast(InventoryDict, _decode.inventory(self._native.to_json_with_defaults()))

    @property
    def organisation(self) -> OrganisationDict:
        """``name``, ``code``, ``population``, ``currency`` (a new dict;
        only the organisation is converted)."""
        return cast(OrganisationDict, self._native.part("organisation"))

    @property
    def units(self) -> List[UnitDict]:
        """Units: ``id``, ``name``, ``central`` (a new list; only the units
        are converted)."""
        return cast(List[UnitDict], self._native.part("units"))

    @property
    def people(self) -> List[PersonDict]:
        """People (personal data: ``name`` when the file has it; a new list)."""
        return cast(List[PersonDict], self._native.part("people"))

    @property
    def fee_schedules(self) -> List[FeeScheduleDict]:
        """Fee schedules (a new list)."""
        return cast(List[FeeScheduleDict], self._native.part("fee_schedules"))

    @property
    def exchange_rates(self) -> List[RateDict]:
        """Exchange rates (a new list)."""
        return cast(List[RateDict], self._native.part("exchange_rates"))

    @property
    def networks(self) -> List[NetworkDict]:
        """Networks, with their participants, costs and financing (a new list)."""
        return cast(List[NetworkDict], self._native.part("networks"))

    def network(self, id: str) -> NetworkDict:
        """The network with this id, as a new dict shaped as an item of
        :attr:`networks`; only that network is converted.

        Raises
        ------
        KeyError
            No network has that id; the message suggests close ids.
        TypeError
            ``id`` is not a ``str``.
        """
        if not isinstance(id, str):
            raise TypeError(f"a network id is a str, not {type(id).__name__}")
        found = self._native.network(id)
        if found is None:
            raise self._unknown_network(id)
        return cast(NetworkDict, found)

    # ---- computing -------------------------------------------------------

    def check(self, today: Optional[DateLike] = None) -> Findings:
        """Every warning, judged against a date.

        A loaded inventory has no errors, so these are warnings only
        (deadlines, composition, balance, uncosted time, overfinancing);
        :func:`natverk.check_file` checks a file that may not load.

        Parameters
        ----------
        today : datetime.date or str, optional
            The date to judge deadlines against: a ``datetime.date``, a
            ``datetime`` or ``pandas.Timestamp`` at midnight, or
            ``"YYYY-MM-DD"``. Default: the current date.

        Returns
        -------
        Findings

        Raises
        ------
        natverk.ArgumentError
            ``today`` is not an existing date, or has a time of day.
        """
        return Findings._from_native(self._native.warnings(_args.date_text("today", today)))

    @overload
    def report(
        self,
        from_year: SupportsIndex,
        to_year: SupportsIndex,
        *,
        scope: Scope = "all",
        by: Union[GroupKey, Iterable[GroupKey]] = ("network",),
        statuses: Optional[Union[Status, Iterable[Status]]] = None,
        leave: None = None,
        leave_from: Optional[SupportsIndex] = None,
    ) -> Report: ...

    @overload
    def report(
        self,
        from_year: SupportsIndex,
        to_year: SupportsIndex,
        *,
        scope: Scope = "all",
        by: Union[GroupKey, Iterable[GroupKey]] = ("network",),
        statuses: Optional[Union[Status, Iterable[Status]]] = None,
        leave: Union[str, Iterable[str]],
        leave_from: Optional[SupportsIndex] = None,
    ) -> LeaveReport: ...

    def report(
        self,
        from_year: SupportsIndex,
        to_year: SupportsIndex,
        *,
        scope: Scope = "all",
        by: Union[GroupKey, Iterable[GroupKey]] = ("network",),
        statuses: Optional[Union[Status, Iterable[Status]]] = None,
        leave: Optional[Union[str, Iterable[str]]] = None,
        leave_from: Optional[SupportsIndex] = None,
    ) -> Report:
        """A cost report over the years ``from_year`` to ``to_year``.

        Parameters
        ----------
        from_year, to_year : int
            First and last year, inclusive; any integer type (numpy too).
        scope : {"all", "central"}
            Every network, or only those of central units.
        by : str or iterable of str
            Group keys, in order: ``"network"`` (the line also has
            ``name``), ``"subject"``, ``"organiser"``, ``"unit"``,
            ``"kind"``, ``"status"``, ``"year"``; ``[]`` gives one line. A
            network with several subjects is split evenly over them.
        statuses : str or iterable of str, optional
            The statuses included; default every status but ``"declined"``.
        leave : "recommended" or iterable of str, optional
            Compute as if these networks (ids, or every network whose
            assessment recommends leaving) were left, with notice given on
            1 January of ``leave_from``; the report then has ``savings``.
        leave_from : int, optional
            The year notice is given; default ``from_year``.

        Returns
        -------
        Report
            A :class:`LeaveReport` (whose ``savings`` is never ``None``)
            when ``leave`` is given.

        Raises
        ------
        natverk.ArgumentError
            An option is wrong: an unknown word, years out of range or in
            the wrong order.
        natverk.InventoryError
            The report needs an exchange rate or a population of a year the
            file lacks, names a network in ``leave`` that does not exist,
            or overflows.
        TypeError
            A year that is not an integer, a group key that is not a ``str``.

        Examples
        --------
        >>> r = inv.report(2024, 2025, scope="central", by=["subject", "year"])  # doctest: +SKIP
        >>> inv.report(2024, 2026, leave="recommended").savings["gross"]         # doctest: +SKIP
        Decimal('334200.00')
        """
        opts: Dict[str, Any] = {
            "from": _args.year("from_year", from_year),
            "to": _args.year("to_year", to_year),
            "scope": scope,
            "by": _args.words("by", by),
        }
        if statuses is not None:
            opts["statuses"] = _args.words("statuses", statuses)
        if leave is not None:
            opts["leave"] = leave if isinstance(leave, str) else _args.words("leave", leave)
        if leave_from is not None:
            opts["leave_from"] = _args.year("leave_from", leave_from)
        return self._report(opts)

    def equality(
        self,
        from_year: SupportsIndex,
        to_year: SupportsIndex,
        *,
        scope: Scope = "all",
        statuses: Optional[Union[Status, Iterable[Status]]] = None,
    ) -> Equality:
        """Gender-equality statistics: who represents the organisation.

        Parameters
        ----------
        from_year, to_year : int
            First and last year, inclusive; any integer type.
        scope : {"all", "central"}
            Every network, or only those of central units.
        statuses : str or iterable of str, optional
            The statuses included; default every status but ``"declined"``.

        Returns
        -------
        Equality

        Raises
        ------
        natverk.ArgumentError
            An option is wrong.
        TypeError
            A year that is not an integer.
        """
        opts: Dict[str, Any] = {
            "from": _args.year("from_year", from_year),
            "to": _args.year("to_year", to_year),
            "scope": scope,
        }
        if statuses is not None:
            opts["statuses"] = _args.words("statuses", statuses)
        return self._equality(opts)

    def diff(self, other: "Inventory", from_year: SupportsIndex, to_year: SupportsIndex) -> Diff:
        """Compares this inventory (last year's) with ``other`` (this
        year's), SPEC §14: networks added, removed and changed (each
        changed value by its path; participants matched by person, other
        list items by position), and the reports by network over the years
        of both, joined on the network id, with the change (new − old).

        Raises
        ------
        natverk.ArgumentError
            The two are in different currencies (the message names both),
            or the years are wrong.
        natverk.InventoryError
            A report on either fails (a missing rate or population).
        TypeError
            ``other`` is not an ``Inventory``, or a year is not an integer.
        """
        if not isinstance(other, Inventory):
            raise TypeError(f"other must be a natverk.Inventory, not {type(other).__name__}")
        text = self._native.diff_json(
            other._native, _args.year("from_year", from_year), _args.year("to_year", to_year)
        )
        return Diff(text)

    def calendar(self, from_year: SupportsIndex, to_year: SupportsIndex) -> Calendar:
        """The dates to act on over the years (SPEC §14): registration
        deadlines, the last day to give notice for each year's end (a
        notice counts by the year it is for) and the networks' own ends,
        for networks that are proposed, applied, active or dormant.
        ``.to_ics()`` writes it as iCalendar.

        Raises
        ------
        natverk.ArgumentError
            The years are wrong.
        """
        return Calendar(
            self._native, _args.year("from_year", from_year), _args.year("to_year", to_year)
        )

    def board(
        self,
        from_year: SupportsIndex,
        to_year: SupportsIndex,
        *,
        compare: Optional["Inventory"] = None,
        leave: Optional[Union[str, Iterable[str]]] = "recommended",
        show_names: bool = False,
        today: Optional[DateLike] = None,
        lang: Optional[_present.Lang] = None,
    ) -> Board:
        """The board appendix (SPEC §14, "bilaga till tjänsteutlåtande")
        over the years ``from_year`` to ``to_year``: what ``natverk board``
        writes, as a :class:`Board` to save as ``.docx`` or ``.html``.

        Parameters
        ----------
        from_year, to_year : int
            First and last year, inclusive; any integer type (numpy too).
        compare : Inventory, optional
            Last year's inventory: the appendix then says what changed
            since it (as :meth:`diff`, this inventory being the new one).
        leave : "recommended" or iterable of str, optional
            The networks shown as left, with what leaving each saves from
            the first year notice still allows: those whose assessment
            recommends leaving (the default, also for ``None``), or these
            network ids.
        show_names : bool
            Name the people who represent the organisation; by default no
            person name appears.
        today : datetime.date or str, optional
            The date warnings and notice days are judged against; default
            the machine's date.
        lang : {"sv", "en"}, optional
            The language; default the package's (:func:`natverk.set_lang`).

        Returns
        -------
        Board

        Raises
        ------
        natverk.ArgumentError
            An option is wrong: years out of range or in the wrong order, a
            ``today`` that is not a date, an unknown ``lang``, a ``compare``
            file in another currency (the message names both).
        natverk.InventoryError
            A report it needs fails (a missing exchange rate or population,
            a network in ``leave`` that does not exist).
        TypeError
            A year that is not an integer, ``compare`` that is not an
            ``Inventory``, a ``leave`` id that is not a ``str``.

        Examples
        --------
        >>> inv = natverk.load("examples/goteborg.json")                    # doctest: +SKIP
        >>> old = natverk.load("last-year.json")                            # doctest: +SKIP
        >>> board = inv.board(2025, 2026, compare=old, lang="sv")           # doctest: +SKIP
        >>> board.save("bilaga.docx")                                       # doctest: +SKIP
        >>> [key for key, _, _ in board.sections][:3]                       # doctest: +SKIP
        ['summary', 'units', 'subjects']
        """
        if compare is not None and not isinstance(compare, Inventory):
            raise TypeError(
                f"compare must be a natverk.Inventory, not {type(compare).__name__}"
            )
        if not isinstance(show_names, bool):
            raise TypeError(f"show_names must be a bool, not {type(show_names).__name__}")
        if leave is None or (isinstance(leave, str) and leave.strip() == "recommended"):
            leave_text = "recommended"
        else:
            leave_text = ",".join(_args.words("leave", leave))
        native = self._native.board(
            _args.year("from_year", from_year),
            _args.year("to_year", to_year),
            lang if lang is not None else _present.get_lang(),
            None if compare is None else compare._native,
            leave_text,
            show_names,
            _args.date_text("today", today),
        )
        return Board(native)

    def _equality(self, options: Mapping[str, Any]) -> Equality:
        """Statistics from options in the core's JSON shape."""
        text = json.dumps(options, ensure_ascii=False)
        return Equality(self._native.equality(text), self, text)

    def _report(self, options: Mapping[str, Any]) -> Report:
        """A report from options in the core's JSON shape (as the shared
        conformance corpus writes them)."""
        text = json.dumps(options, ensure_ascii=False)
        native = self._native.report(text)
        cls = Report if options.get("leave") is None else LeaveReport
        return cls(native, self, text)

    # ---- the workbook's sheets (SPEC §10) ------------------------------

    def tables(self) -> Dict[str, List[Dict[str, Any]]]:
        """The inventory as the sheets of its workbook, one list of row
        dicts per sheet.

        The same rows the workbook of :meth:`to_excel` has, from the same
        function of the core: ``organisation``, ``population``, ``units``,
        ``people``, ``fee_schedules``, ``tiers``, ``exchange_rates``,
        ``networks``, ``participants``, ``costs`` and ``financing``, keyed by
        their English column names. Values are ``str``,
        :class:`decimal.Decimal`, ``int``, :class:`datetime.date`, ``bool``
        or ``None`` (an empty cell); a network's subjects are joined with
        ``"; "``.

        Returns
        -------
        dict of str to list of dict

        Examples
        --------
        >>> t = natverk.load("examples/goteborg.json").tables()  # doctest: +SKIP
        >>> t["costs"][0]["network"], t["costs"][0]["schedule"]    # doctest: +SKIP
        ('skr-modellkoncept', 'skr-modellkoncept')
        """
        # Hundreds of thousands of new dicts would set off the cycle
        # collector again and again, each time walking every dict made so
        # far; they hold only strs, numbers, Decimals and dates, so they
        # can form no cycle to collect.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return dict(self._native.tables())
        finally:
            if collecting:
                gc.enable()

    def to_pandas(self) -> Dict[str, "pandas.DataFrame"]:
        """The sheets of :meth:`tables` as pandas DataFrames, with dtypes
        by what each column holds: whole numbers (years, populations,
        months) as nullable ``Int64``, dates as ``datetime64[s]`` (``NaT``
        for an empty cell), ``TRUE``/``FALSE`` as nullable ``boolean``,
        money and other decimals as exact :class:`decimal.Decimal` objects
        (``object``), texts as ``object`` (``None`` for an empty cell).
        :meth:`from_tables` reads it back to the same inventory.

        Returns
        -------
        dict of str to pandas.DataFrame

        Raises
        ------
        ImportError
            pandas is not installed (``pip install 'natverk[pandas]'``).
        """
        from ._errors import _pandas

        pd = _pandas()
        import numpy as np

        out: Dict[str, "pandas.DataFrame"] = {}
        for sheet, columns, data in self._native.frames():
            frame = {name: _column(pd, np, kind, values) for name, (kind, values) in zip(columns, data)}
            # the columns are new arrays: no copy of them into 2-D blocks
            out[sheet] = pd.DataFrame(frame, columns=list(columns), copy=False)
        return out

    @classmethod
    def from_tables(
        cls, tables: Mapping[str, Union["pandas.DataFrame", Iterable[Mapping[str, Any]]]]
    ) -> "Inventory":
        """The inverse of :meth:`tables` and :meth:`to_pandas`: an inventory
        from its workbook's sheets (SPEC §10), read by the same reader as
        :func:`natverk.read_excel`.

        Parameters
        ----------
        tables : Mapping of str to DataFrame or list of dict
            Sheets by name (English or Swedish, any case, as in a
            workbook), each a ``pandas.DataFrame`` or a list of row dicts
            keyed by column names. ``None``, ``NaN``, ``NaT`` and
            ``pandas.NA`` are empty cells; numbers may be ``int``, ``Decimal``
            or ``float`` (an integral float is a whole number; another is
            the decimal of its shortest text); dates ``datetime.date``, a
            midnight ``datetime``/``pandas.Timestamp`` or ``"YYYY-MM-DD"``.

        Returns
        -------
        Inventory

        Raises
        ------
        natverk.InventoryError
            Every bad cell and every problem of the inventory at once, each
            finding with its ``sheet``, ``row`` (the column names are row
            1, the first row of data row 2) and ``cell_column``.
        TypeError
            ``tables`` is not a mapping of sheets.

        Examples
        --------
        >>> frames = inv.to_pandas()                                       # doctest: +SKIP
        >>> frames["costs"].loc[0, "amount"] = Decimal("70000.00")         # doctest: +SKIP
        >>> inv2 = natverk.Inventory.from_tables(frames)                   # doctest: +SKIP
        """
        if not isinstance(tables, Mapping):
            raise TypeError(
                f"tables must be a dict of sheets (DataFrames or lists of dicts), "
                f"not {type(tables).__name__}"
            )
        sheets: List[Any] = []
        for name, sheet in tables.items():
            if not isinstance(name, str):
                raise TypeError(f"a sheet's name is a str, not {type(name).__name__}")
            sheets.append((name, *_sheet_rows(name, sheet)))
        return cls(_natverk.Inventory.from_tables(sheets))

    def to_excel(self, path: Union[str, "os.PathLike[str]"], *, lang: str = "en") -> None:
        """Writes the inventory as an ``.xlsx`` workbook (SPEC §10) for an
        official to edit in Excel or LibreOffice; :func:`natverk.read_excel`
        reads it back to the same inventory.

        Parameters
        ----------
        path : str or os.PathLike
            Where to write (replaced when it exists).
        lang : {"en", "sv"}
            The language of the sheets' and columns' names and of the
            instructions sheet.

        Raises
        ------
        natverk.ArgumentError
            ``lang`` is neither ``"en"`` nor ``"sv"``.
        OSError
            The file cannot be written.
        natverk.NatverkError
            A text longer than a spreadsheet cell holds (32 767 characters).
        """
        self._native.to_excel(os.fspath(path), lang)

    # ---- comparing, pickling, display ----------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Inventory):
            return NotImplemented
        return self._native.same_as(other._native)

    def __hash__(self) -> int:
        # consistent with ==: from texts equal inventories share
        return hash(self._native.content_hash())

    def __reduce__(self) -> Any:
        return (_from_json, (self.to_json(),))

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        name = self._native.organisation_name()
        return f"<Inventory {name!r}: {_plural(len(self), 'network', 'networks')}>"

    def _repr_html_(self) -> str:
        lang = _present.get_lang()
        return Table(self._native.overview(lang, _present.MAX_ROWS), lang).to_html()


def _column(pd: Any, np: Any, kind: str, data: Any) -> Any:
    """One column of :meth:`Inventory.to_pandas` with its dtype, from the
    native module's buffers (``Inventory.frames``)."""
    if kind == "int":
        values, mask = data
        return pd.arrays.IntegerArray(
            np.frombuffer(values, dtype=np.int64).copy(), np.frombuffer(mask, dtype=np.bool_).copy()
        )
    if kind == "bool":
        values, mask = data
        return pd.arrays.BooleanArray(
            np.frombuffer(values, dtype=np.bool_).copy(), np.frombuffer(mask, dtype=np.bool_).copy()
        )
    if kind == "date":
        days = np.frombuffer(data, dtype="datetime64[D]")
        return pd.Series(days.astype("datetime64[s]"))
    return pd.Series(data, dtype=object)


def _is_missing(v: Any) -> bool:
    """``None``, ``NaN``, ``NaT`` and ``pandas.NA``: an empty cell."""
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")


def _sheet_rows(name: str, sheet: Any) -> Any:
    """A sheet given to :meth:`Inventory.from_tables` as its column names
    and rows of cells (``None`` for an empty cell)."""
    if hasattr(sheet, "columns") and hasattr(sheet, "dtypes") and hasattr(sheet, "notna"):
        # a pandas DataFrame: missing values (NaN, NaT, NA) to None
        columns = [str(c) for c in sheet.columns]
        lists = []
        for _, col in sheet.items():
            filled = col.astype(object).where(col.notna(), None)
            lists.append(filled.tolist())
        rows = [list(r) for r in zip(*lists)] if lists else [[] for _ in range(len(sheet))]
        return columns, rows
    if isinstance(sheet, (str, bytes, Mapping)) or not isinstance(sheet, Iterable):
        raise TypeError(
            f"sheet {name!r} must be a DataFrame or a list of dicts, not {type(sheet).__name__}"
        )
    records = list(sheet)
    columns_seen: Dict[str, None] = {}
    for i, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise TypeError(
                f"row {i} of sheet {name!r} must be a dict, not {type(record).__name__}"
            )
        for key in record:
            columns_seen.setdefault(str(key), None)
    columns = list(columns_seen)
    rows = []
    for record in records:
        by_name = {str(k): v for k, v in record.items()}
        rows.append([None if _is_missing(v := by_name.get(c)) else v for c in columns])
    return columns, rows


def read_excel(path: Union[str, "os.PathLike[str]"]) -> Inventory:
    """Reads an inventory from a workbook (``.xlsx`` or ``.ods``, SPEC §10):
    one written by :meth:`Inventory.to_excel` or ``natverk export`` and
    edited in Excel or LibreOffice, or a filled-in ``natverk template``.

    Sheets and columns may be named in Swedish or English, in any case and
    order; cells may be numbers or text (``65 000,50``), date cells or
    ``YYYY-MM-DD``, ``TRUE``/``FALSE`` or ``ja``/``nej``. A sheet or a
    column the format does not know (a unit's own notes) is not read, and a
    sheet or column whose name is near a known one (``Kostnader 2024``) is
    read as that one: each gives a ``UserWarning`` that names it.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    Inventory

    Raises
    ------
    natverk.InventoryError
        Every bad cell, and every problem of the inventory, each finding
        with its ``sheet``, ``row`` and ``cell_column`` and the JSON path it
        maps to.
    OSError
        The file cannot be read.
    """
    return Inventory(_natverk.Inventory.read_excel(os.fspath(path)))


def load(source: PathOrFile) -> Inventory:
    """Loads a ``natverk/1`` JSON file, or a workbook (``.xlsx``, ``.ods``,
    SPEC §10) told apart by its content, whatever its name.

    Parameters
    ----------
    source : str, os.PathLike or file object
        A file name or path, or an open file, text or binary (a file from
        ``open(...)``, ``io.BytesIO``, an upload in a notebook).

    Returns
    -------
    Inventory

    Raises
    ------
    natverk.InventoryError
        The file is not a valid inventory; ``.findings`` lists every problem.
    OSError
        The file cannot be read (``FileNotFoundError``, …).

    Examples
    --------
    >>> inv = natverk.load("examples/goteborg.json")              # doctest: +SKIP
    >>> with open("examples/goteborg.json", "rb") as f:           # doctest: +SKIP
    ...     inv = natverk.load(f)
    """
    return Inventory.load(source)


def merge(sources: Iterable[Union[str, "os.PathLike[str]", Inventory]]) -> Inventory:
    """Merges the files the units send back into one inventory (SPEC §15).

    Networks with one id are one network when their own values agree;
    their participants, costs and financing are united, an item in several
    files kept once. The organisation (name, code, currency) must be the
    same everywhere; population by year, units, people, fee schedules and
    exchange rates are kept once when equal. A value that differs is a
    ``merge_conflict`` finding naming both files (and, for workbooks, both
    sheets and rows) and both values.

    Parameters
    ----------
    sources : iterable of str, os.PathLike or Inventory
        Files (``natverk/1`` JSON or workbooks, ``.xlsx``/``.ods``, told
        apart by content, named in findings by their file names, as the
        problems of :func:`read_excel` are), or inventories (named
        ``inventory 1``, … by their position).

    Returns
    -------
    Inventory
        The merged inventory, validated.

    Raises
    ------
    natverk.InventoryError
        Every ``merge_conflict`` at once, or the problems of a file that is
        not a valid inventory.
    OSError
        A file cannot be read.
    TypeError
        An item is neither a path nor an :class:`Inventory`.

    Examples
    --------
    >>> inv = natverk.merge(["ks.xlsx", "slk.xlsx", "kultur.json"])   # doctest: +SKIP
    """
    items: List[Any] = []
    for i, src in enumerate(sources):
        if isinstance(src, Inventory):
            items.append((f"inventory {i + 1}", src._native))
        elif isinstance(src, (str, os.PathLike)):
            with open(src, "rb") as f:
                items.append((os.path.basename(os.fspath(src)), f.read()))
        else:
            raise TypeError(
                f"expected a file name, a path or an Inventory, not {type(src).__name__}"
            )
    return Inventory(_natverk.merge(items))


def check_file(source: PathOrFile, today: Optional[DateLike] = None) -> Findings:
    """Checks a file: every error, or (when it loads) every warning.

    Parameters
    ----------
    source : str, os.PathLike or file object
        As :func:`load` takes it.
    today : datetime.date or str, optional
        As :meth:`Inventory.check` takes it.

    Returns
    -------
    Findings
        Never raises for problems of the inventory: they are the result.

    Raises
    ------
    natverk.ArgumentError
        ``today`` is not an existing date.
    OSError
        The file cannot be read.
    """
    return Findings._from_native(_natverk.check(_read(source), _args.date_text("today", today)))


def check_json(text: Union[str, bytes], today: Optional[DateLike] = None) -> Findings:
    """Checks JSON text like :func:`check_file`."""
    return Findings._from_native(_natverk.check(_bytes(text), _args.date_text("today", today)))

