# Generated from the core's declaration of the natverk/1 format
# (crates/natverk/src/model.rs). Do not edit: run
# `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.
"""The natverk/1 format: each object's keys, their kinds, and typed dicts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Dict, List, Literal, Mapping, Tuple, TypedDict, Union

#: For each object, its keys in order with the kind of their values:
#: "str", "word", "decimal", "date", "int", "bool", "population", "strings",
#: ("object", name) or ("list", name).
FIELDS: Dict[str, Tuple[Tuple[str, object], ...]] = {
    "inventory": (
        ("format", "word"),
        ("organisation", ("object", "organisation")),
        ("units", ("list", "unit")),
        ("people", ("list", "person")),
        ("fee_schedules", ("list", "fee_schedule")),
        ("exchange_rates", ("list", "rate")),
        ("networks", ("list", "network")),
    ),
    "organisation": (
        ("name", "str"),
        ("code", "str"),
        ("population", "population"),
        ("currency", "str"),
    ),
    "unit": (
        ("id", "str"),
        ("name", "str"),
        ("central", "bool"),
    ),
    "person": (
        ("id", "str"),
        ("name", "str"),
        ("gender", "word"),
        ("role", "word"),
        ("side", "word"),
        ("party", "str"),
        ("hourly_cost", "decimal"),
    ),
    "fee_schedule": (
        ("id", "str"),
        ("currency", "str"),
        ("population_offset", "int"),
        ("tiers", ("list", "tier")),
        ("per_capita", ("object", "per_capita")),
    ),
    "tier": (
        ("max_population", "int"),
        ("amount", "decimal"),
    ),
    "per_capita": (
        ("base", "decimal"),
        ("rate", "decimal"),
        ("min", "decimal"),
        ("max", "decimal"),
    ),
    "rate": (
        ("currency", "str"),
        ("year", "int"),
        ("rate", "decimal"),
    ),
    "network": (
        ("id", "str"),
        ("name", "str"),
        ("organiser", "str"),
        ("kind", "word"),
        ("subjects", "strings"),
        ("unit", "str"),
        ("start", "date"),
        ("end", "date"),
        ("deadline", "date"),
        ("status", "word"),
        ("notice_months", "int"),
        ("via", "str"),
        ("decision", ("object", "decision")),
        ("url", "str"),
        ("purpose", "str"),
        ("notes", "str"),
        ("assessment", ("object", "assessment")),
        ("participants", ("list", "participant")),
        ("costs", ("list", "cost")),
        ("financing", ("list", "financing")),
    ),
    "decision": (
        ("body", "str"),
        ("date", "date"),
        ("reference", "str"),
    ),
    "assessment": (
        ("benefit", "int"),
        ("recommendation", "word"),
        ("note", "str"),
    ),
    "participant": (
        ("person", "str"),
        ("hours_per_year", "decimal"),
        ("role", "str"),
    ),
    "cost": (
        ("kind", "word"),
        ("amount", "decimal"),
        ("schedule", "str"),
        ("currency", "str"),
        ("per", "word"),
        ("date", "date"),
        ("from", "int"),
        ("to", "int"),
        ("prorate", "bool"),
        ("note", "str"),
    ),
    "financing": (
        ("funder", "str"),
        ("covers", "word"),
        ("share", "decimal"),
        ("max_per_year", "decimal"),
        ("status", "word"),
        ("probability", "decimal"),
        ("from", "int"),
        ("to", "int"),
    ),
}

#: The words of each enum-valued key, by object and key.
WORDS: Dict[Tuple[str, str], Tuple[str, ...]] = {
    ("inventory", "format"): ("natverk/1",),
    ("person", "gender"): ("woman", "man", "other",),
    ("person", "role"): ("politician", "official",),
    ("person", "side"): ("majority", "opposition",),
    ("network", "kind"): ("network", "membership", "programme", "partnership", "declaration",),
    ("network", "status"): ("proposed", "applied", "active", "dormant", "ended", "declined",),
    ("assessment", "recommendation"): ("keep", "review", "leave",),
    ("cost", "kind"): ("fee", "membership", "time", "travel", "other",),
    ("cost", "per"): ("year", "once",),
    ("financing", "covers"): ("fees", "all",),
    ("financing", "status"): ("expected", "applied", "granted", "denied",),
}

#: The keys a report can be grouped by, in order (the core's `GroupKey::ALL`).
GROUP_KEYS: Tuple[str, ...] = ("network", "subject", "organiser", "unit", "kind", "status", "year",)
#: One of them.
GroupKey = Literal["network", "subject", "organiser", "unit", "kind", "status", "year"]
#: ``"all"`` networks, or only those of ``"central"`` units (the core's `Scope`).
Scope = Literal["all", "central"]
#: The status of a network (the core's `Status`).
Status = Literal["proposed", "applied", "active", "dormant", "ended", "declined"]


_FinancingDictOptional = TypedDict(
    "_FinancingDictOptional",
    {
        "covers": Literal["fees", "all"],
        "share": Decimal,
        "max_per_year": Decimal,
        "probability": Decimal,
        "from": int,
        "to": int,
    },
    total=False,
)


class FinancingDict(_FinancingDictOptional):
    """Money from a funder that covers part of a network's cost."""

    funder: str
    status: Literal["expected", "applied", "granted", "denied"]


_CostDictOptional = TypedDict(
    "_CostDictOptional",
    {
        "amount": Decimal,
        "schedule": str,
        "currency": str,
        "per": Literal["year", "once"],
        "date": date,
        "from": int,
        "to": int,
        "prorate": bool,
        "note": str,
    },
    total=False,
)


class CostDict(_CostDictOptional):
    """A cost of a network: exactly one of `amount` and `schedule`."""

    kind: Literal["fee", "membership", "time", "travel", "other"]


_ParticipantDictOptional = TypedDict(
    "_ParticipantDictOptional",
    {
        "hours_per_year": Decimal,
        "role": str,
    },
    total=False,
)


class ParticipantDict(_ParticipantDictOptional):
    """A person's seat in a network (a person at most once per network)."""

    person: str


_AssessmentDictOptional = TypedDict(
    "_AssessmentDictOptional",
    {
        "benefit": int,
        "recommendation": Literal["keep", "review", "leave"],
        "note": str,
    },
    total=False,
)


class AssessmentDict(_AssessmentDictOptional):
    """An assessment of a network's value."""


_DecisionDictOptional = TypedDict(
    "_DecisionDictOptional",
    {
        "body": str,
        "date": date,
        "reference": str,
    },
    total=False,
)


class DecisionDict(_DecisionDictOptional):
    """Which body decided to take part, and when."""


_NetworkDictOptional = TypedDict(
    "_NetworkDictOptional",
    {
        "organiser": str,
        "kind": Literal["network", "membership", "programme", "partnership", "declaration"],
        "subjects": List[str],
        "unit": str,
        "end": date,
        "deadline": date,
        "status": Literal["proposed", "applied", "active", "dormant", "ended", "declined"],
        "notice_months": int,
        "via": str,
        "decision": DecisionDict,
        "url": str,
        "purpose": str,
        "notes": str,
        "assessment": AssessmentDict,
        "participants": List[ParticipantDict],
        "costs": List[CostDict],
        "financing": List[FinancingDict],
    },
    total=False,
)


class NetworkDict(_NetworkDictOptional):
    """A network, membership, programme, partnership or declaration."""

    id: str
    name: str
    start: date


_RateDictOptional = TypedDict(
    "_RateDictOptional",
    {
    },
    total=False,
)


class RateDict(_RateDictOptional):
    """An exchange rate: organisation currency per one unit of `currency`, from `year` on (until a later rate of the same currency)."""

    currency: str
    year: int
    rate: Decimal


_PerCapitaDictOptional = TypedDict(
    "_PerCapitaDictOptional",
    {
        "base": Decimal,
        "min": Decimal,
        "max": Decimal,
    },
    total=False,
)


class PerCapitaDict(_PerCapitaDictOptional):
    """A fee per inhabitant."""

    rate: Decimal


_TierDictOptional = TypedDict(
    "_TierDictOptional",
    {
        "max_population": int,
    },
    total=False,
)


class TierDict(_TierDictOptional):
    """One tier of a tiered schedule."""

    amount: Decimal


_FeeScheduleDictOptional = TypedDict(
    "_FeeScheduleDictOptional",
    {
        "currency": str,
        "population_offset": int,
        "tiers": List[TierDict],
        "per_capita": PerCapitaDict,
    },
    total=False,
)


class FeeScheduleDict(_FeeScheduleDictOptional):
    """A fee schedule: tiers by population, or a fee per inhabitant (exactly one of `tiers` and `per_capita`)."""

    id: str


_PersonDictOptional = TypedDict(
    "_PersonDictOptional",
    {
        "name": str,
        "gender": Literal["woman", "man", "other"],
        "side": Literal["majority", "opposition"],
        "party": str,
        "hourly_cost": Decimal,
    },
    total=False,
)


class PersonDict(_PersonDictOptional):
    """A person who represents the organisation."""

    id: str
    role: Literal["politician", "official"]


_UnitDictOptional = TypedDict(
    "_UnitDictOptional",
    {
        "central": bool,
    },
    total=False,
)


class UnitDict(_UnitDictOptional):
    """A part of the organisation (förvaltning, nämnd)."""

    id: str
    name: str


_OrganisationDictOptional = TypedDict(
    "_OrganisationDictOptional",
    {
        "code": str,
        "population": Union[int, Mapping[Any, int]],
    },
    total=False,
)


class OrganisationDict(_OrganisationDictOptional):
    """The organisation that keeps the inventory."""

    name: str
    currency: str


_InventoryDictOptional = TypedDict(
    "_InventoryDictOptional",
    {
        "units": List[UnitDict],
        "people": List[PersonDict],
        "fee_schedules": List[FeeScheduleDict],
        "exchange_rates": List[RateDict],
        "networks": List[NetworkDict],
    },
    total=False,
)


class InventoryDict(_InventoryDictOptional):
    """A whole inventory (natverk/1)."""

    format: Literal["natverk/1"]
    organisation: OrganisationDict

