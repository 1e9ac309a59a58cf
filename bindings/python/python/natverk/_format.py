# Generated from the core's declaration of the natverk/1 format
# (crates/natverk/src/model.rs). Do not edit: run
# `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.
"""The natverk/1 format: each object's keys, their kinds, and typed dicts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Tuple

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
    ("cost", "kind"): ("fee", "membership", "travel", "other",),
    ("cost", "per"): ("year", "once",),
    ("financing", "covers"): ("fees", "all",),
    ("financing", "status"): ("expected", "applied", "granted", "denied",),
}

if TYPE_CHECKING:
    from datetime import date
    from decimal import Decimal
    from typing import Any, List, Mapping, Union

    from typing_extensions import Literal, NotRequired, TypedDict

    # Money from a funder that covers part of a network's cost.
    FinancingDict = TypedDict(
        "FinancingDict",
        {
            "funder": str,
            "covers": NotRequired[Literal["fees", "all"]],
            "share": NotRequired[Decimal],
            "max_per_year": NotRequired[Decimal],
            "status": Literal["expected", "applied", "granted", "denied"],
            "probability": NotRequired[Decimal],
            "from": NotRequired[int],
            "to": NotRequired[int],
        },
    )

    # A cost of a network: exactly one of `amount` and `schedule`.
    CostDict = TypedDict(
        "CostDict",
        {
            "kind": Literal["fee", "membership", "travel", "other"],
            "amount": NotRequired[Decimal],
            "schedule": NotRequired[str],
            "currency": NotRequired[str],
            "per": NotRequired[Literal["year", "once"]],
            "date": NotRequired[date],
            "from": NotRequired[int],
            "to": NotRequired[int],
            "prorate": NotRequired[bool],
            "note": NotRequired[str],
        },
    )

    # A person's seat in a network (a person at most once per network).
    ParticipantDict = TypedDict(
        "ParticipantDict",
        {
            "person": str,
            "hours_per_year": NotRequired[Decimal],
            "role": NotRequired[str],
        },
    )

    # An assessment of a network's value.
    AssessmentDict = TypedDict(
        "AssessmentDict",
        {
            "benefit": NotRequired[int],
            "recommendation": NotRequired[Literal["keep", "review", "leave"]],
            "note": NotRequired[str],
        },
    )

    # Which body decided to take part, and when.
    DecisionDict = TypedDict(
        "DecisionDict",
        {
            "body": NotRequired[str],
            "date": NotRequired[date],
            "reference": NotRequired[str],
        },
    )

    # A network, membership, programme, partnership or declaration.
    NetworkDict = TypedDict(
        "NetworkDict",
        {
            "id": str,
            "name": str,
            "organiser": NotRequired[str],
            "kind": NotRequired[Literal["network", "membership", "programme", "partnership", "declaration"]],
            "subjects": NotRequired[List[str]],
            "unit": NotRequired[str],
            "start": date,
            "end": NotRequired[date],
            "deadline": NotRequired[date],
            "status": NotRequired[Literal["proposed", "applied", "active", "dormant", "ended", "declined"]],
            "notice_months": NotRequired[int],
            "via": NotRequired[str],
            "decision": NotRequired[DecisionDict],
            "url": NotRequired[str],
            "purpose": NotRequired[str],
            "notes": NotRequired[str],
            "assessment": NotRequired[AssessmentDict],
            "participants": NotRequired[List[ParticipantDict]],
            "costs": NotRequired[List[CostDict]],
            "financing": NotRequired[List[FinancingDict]],
        },
    )

    # An exchange rate: organisation currency per one unit of `currency`, from `year` on (until a later rate of the same currency).
    RateDict = TypedDict(
        "RateDict",
        {
            "currency": str,
            "year": int,
            "rate": Decimal,
        },
    )

    # A fee per inhabitant.
    PerCapitaDict = TypedDict(
        "PerCapitaDict",
        {
            "base": NotRequired[Decimal],
            "rate": Decimal,
            "min": NotRequired[Decimal],
            "max": NotRequired[Decimal],
        },
    )

    # One tier of a tiered schedule.
    TierDict = TypedDict(
        "TierDict",
        {
            "max_population": NotRequired[int],
            "amount": Decimal,
        },
    )

    # A fee schedule: tiers by population, or a fee per inhabitant (exactly one of `tiers` and `per_capita`).
    FeeScheduleDict = TypedDict(
        "FeeScheduleDict",
        {
            "id": str,
            "currency": NotRequired[str],
            "population_offset": NotRequired[int],
            "tiers": NotRequired[List[TierDict]],
            "per_capita": NotRequired[PerCapitaDict],
        },
    )

    # A person who represents the organisation.
    PersonDict = TypedDict(
        "PersonDict",
        {
            "id": str,
            "name": NotRequired[str],
            "gender": NotRequired[Literal["woman", "man", "other"]],
            "role": Literal["politician", "official"],
            "side": NotRequired[Literal["majority", "opposition"]],
            "party": NotRequired[str],
            "hourly_cost": NotRequired[Decimal],
        },
    )

    # A part of the organisation (förvaltning, nämnd).
    UnitDict = TypedDict(
        "UnitDict",
        {
            "id": str,
            "name": str,
            "central": NotRequired[bool],
        },
    )

    # The organisation that keeps the inventory.
    OrganisationDict = TypedDict(
        "OrganisationDict",
        {
            "name": str,
            "code": NotRequired[str],
            "population": NotRequired[Union[int, Mapping[Any, int]]],
            "currency": str,
        },
    )

    # A whole inventory (natverk/1).
    InventoryDict = TypedDict(
        "InventoryDict",
        {
            "format": Literal["natverk/1"],
            "organisation": OrganisationDict,
            "units": NotRequired[List[UnitDict]],
            "people": NotRequired[List[PersonDict]],
            "fee_schedules": NotRequired[List[FeeScheduleDict]],
            "exchange_rates": NotRequired[List[RateDict]],
            "networks": NotRequired[List[NetworkDict]],
        },
    )
