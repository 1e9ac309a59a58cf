"""Reading and changing one part of an inventory, and the way back from
tables and pandas (SPEC §8 Python; issue 26)."""

from __future__ import annotations

import datetime
import math
import random
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import natverk
from natverk import Inventory

GOTEBORG = Path(__file__).resolve().parents[3] / "examples" / "goteborg.json"


@pytest.fixture(scope="module")
def gbg() -> Inventory:
    return natverk.load(GOTEBORG)


PARTS = ["organisation", "units", "people", "fee_schedules", "exchange_rates", "networks"]


@pytest.mark.parametrize("part", PARTS)
def test_a_part_is_the_same_as_in_to_dict(gbg: Inventory, part: str) -> None:
    whole = gbg.to_dict()[part]  # type: ignore[literal-required]
    got = getattr(gbg, part)
    assert got == whole
    # the same keys in the same order, the same types
    if isinstance(whole, list):
        assert [list(x) for x in got] == [list(x) for x in whole]
        assert [[type(v) for v in x.values()] for x in got] == [
            [type(v) for v in x.values()] for x in whole
        ]
    else:
        assert list(got) == list(whole)
    # a new copy each time
    assert getattr(gbg, part) is not got


def test_network_by_id(gbg: Inventory) -> None:
    for n in gbg.to_dict()["networks"]:
        assert gbg.network(n["id"]) == n
    with pytest.raises(KeyError, match="did you mean 'eurocities'"):
        gbg.network("eurocitie")
    with pytest.raises(KeyError, match="no network has id 'zzzz'"):
        gbg.network("zzzz")
    with pytest.raises(TypeError):
        gbg.network(3)  # type: ignore[arg-type]


def test_repr_len_and_hash(gbg: Inventory) -> None:
    assert repr(gbg) == "<Inventory 'Göteborgs Stad': 11 networks>"
    again = natverk.load(GOTEBORG)
    assert hash(again) == hash(gbg) and len(gbg) == 11
    other = gbg.without_network("eurocities")
    assert other != gbg and len({gbg, again, other}) == 2


def test_with_and_without_network(gbg: Inventory) -> None:
    net = gbg.network("eurocities")
    net["status"] = "dormant"
    changed = gbg.with_network(net)
    assert changed.network("eurocities")["status"] == "dormant"
    assert [n["id"] for n in changed.networks] == [n["id"] for n in gbg.networks]
    assert gbg.network("eurocities")["status"] != "dormant"  # unchanged
    net["id"] = "nytt"
    added = gbg.with_network(net)
    assert len(added) == 12 and added.networks[-1]["id"] == "nytt"
    assert added.without_network("nytt") == gbg
    with pytest.raises(KeyError, match="did you mean"):
        gbg.without_network("eurocitie")
    # validated as a file is, at the network's path in the new inventory
    net["start"] = "2024-13-01"
    with pytest.raises(natverk.InventoryError) as e:
        gbg.with_network(net)
    assert e.value.findings[0].path == "networks[11].start"
    net["start"] = 1.5
    with pytest.raises(TypeError, match="network.start"):
        gbg.with_network(net)


def test_replace_one_part(gbg: Inventory) -> None:
    assert gbg.replace(networks=gbg.networks) == gbg
    assert gbg.replace() == gbg
    units = gbg.units
    units[0]["name"] = "Ny förvaltning"
    assert gbg.replace(units=units).units[0]["name"] == "Ny förvaltning"
    org = gbg.organisation
    org["name"] = ""
    with pytest.raises(natverk.InventoryError) as e:
        gbg.replace(organisation=org)
    assert e.value.findings[0].path == "organisation.name"


# ---- from_tables ------------------------------------------------------------


def test_from_tables_inverts_tables_and_to_pandas(gbg: Inventory) -> None:
    assert Inventory.from_tables(gbg.tables()) == gbg
    frames = gbg.to_pandas()
    assert Inventory.from_tables(frames) == gbg


def test_to_pandas_dtypes(gbg: Inventory) -> None:
    frames = gbg.to_pandas()
    costs = frames["costs"]
    assert str(costs["from"].dtype) == "Int64"
    assert str(costs["date"].dtype).startswith("datetime64")
    assert str(costs["prorate"].dtype) == "boolean"
    money = [v for v in costs["amount"] if v is not None]
    assert money and all(isinstance(v, Decimal) for v in money)
    nets = frames["networks"]
    assert str(nets["start"].dtype).startswith("datetime64")
    assert str(nets["notice_months"].dtype) == "Int64"


def test_from_tables_empty_cells_and_every_bad_cell(gbg: Inventory) -> None:
    frames = gbg.to_pandas()
    nets = frames["networks"]
    # NaN, NaT and None are empty cells: a float column of whole numbers
    # with NaN (what pandas makes of integers with gaps) reads back
    nets["notice_months"] = nets["notice_months"].astype("float64")
    assert Inventory.from_tables(frames) == gbg
    nets.loc[1, "start"] = None  # NaT: a required cell left empty
    nets["name"] = nets["name"].astype(object)
    nets.loc[2, "name"] = math.nan  # NaN in a text column: empty
    nets.loc[3, "status"] = "aktiv-ish"
    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_tables(frames)
    found = {(f.sheet, f.row, f.cell_column) for f in e.value.findings}
    assert ("networks", 3, "start") in found
    assert ("networks", 4, "name") in found
    assert ("networks", 5, "status") in found
    assert len(e.value.findings) >= 3


def test_from_tables_lists_of_dicts(gbg: Inventory) -> None:
    tables = gbg.tables()
    empty = next(row for row in tables["costs"] if row["note"] is None)
    empty["note"] = float("nan")  # an empty cell, as None is
    assert Inventory.from_tables(tables) == gbg
    tables["costs"][0]["amount"] = "many"
    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_tables(tables)
    f = e.value.findings[0]
    assert (f.sheet, f.row, f.cell_column) == ("costs", 2, "amount")
    with pytest.raises(TypeError):
        Inventory.from_tables([])  # type: ignore[arg-type]


def _random_inventory(rng: random.Random) -> Dict[str, Any]:
    """A random inventory over the format's optional parts."""

    def maybe(value: Any) -> Any:
        return value if rng.random() < 0.5 else None

    def money() -> Decimal:
        return Decimal(rng.randint(0, 10**8)) / 100

    def date() -> datetime.date:
        return datetime.date(rng.randint(2000, 2030), rng.randint(1, 12), rng.randint(1, 28))

    def drop_none(d: Dict[str, Any]) -> Dict[str, Any]:
        return {k: v for k, v in d.items() if v is not None}

    units = [
        {"id": f"u{i}", "name": f"Enhet {i} ·", "central": rng.random() < 0.3}
        for i in range(rng.randint(0, 4))
    ]
    people: List[Dict[str, Any]] = []
    for i in range(rng.randint(0, 5)):
        role = rng.choice(["politician", "official"])
        people.append(
            drop_none(
                {
                    "id": f"p{i}",
                    "name": maybe(f"Person {i}"),
                    "gender": maybe(rng.choice(["woman", "man", "other"])),
                    "role": role,
                    "side": rng.choice(["majority", "opposition"]) if role == "politician" else None,
                    "party": maybe("S") if role == "politician" else None,
                    "hourly_cost": maybe(money()),
                }
            )
        )
    schedules = [
        {"id": "s0", "tiers": [{"max_population": 100000, "amount": money()}, {"amount": money()}]}
    ]
    networks = []
    for i in range(rng.randint(1, 6)):
        start = date()
        costs = []
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.2:
                costs.append({"kind": "fee", "schedule": "s0"})
            else:
                costs.append(
                    drop_none(
                        {
                            "kind": rng.choice(["fee", "membership", "travel", "other"]),
                            "amount": money(),
                            "per": maybe("year"),
                            "from": maybe(start.year),
                            "note": maybe("anteckning; med semikolon"),
                        }
                    )
                )
        participants = [
            drop_none({"person": p["id"], "hours_per_year": maybe(Decimal(rng.randint(1, 400)))})
            for p in rng.sample(people, rng.randint(0, len(people)))
        ]
        networks.append(
            drop_none(
                {
                    "id": f"n{i}",
                    "name": f"Nätverk {i}",
                    "organiser": maybe("SKR"),
                    "kind": rng.choice(["network", "membership", "programme"]),
                    "subjects": maybe(rng.sample(["klimat", "jämställdhet", "kultur"], 2)),
                    "unit": rng.choice(units)["id"] if units and rng.random() < 0.7 else None,
                    "start": start,
                    "end": maybe(start + datetime.timedelta(days=rng.randint(1, 4000))),
                    "status": rng.choice(["proposed", "active", "dormant", "ended"]),
                    "notice_months": maybe(rng.randint(0, 12)),
                    "url": maybe("https://example.org/"),
                    "assessment": maybe({"benefit": rng.randint(1, 5), "recommendation": "keep"}),
                    "participants": participants,
                    "costs": costs,
                }
            )
        )
    return {
        "format": "natverk/1",
        "organisation": drop_none(
            {"name": "Kommunen", "code": maybe("1480"), "population": 600000, "currency": "SEK"}
        ),
        "units": units,
        "people": people,
        "fee_schedules": schedules,
        "networks": networks,
    }


def test_from_tables_round_trips_generated_inventories() -> None:
    rng = random.Random(26)
    checked = 0
    for _ in range(60):
        try:
            inv = Inventory.from_dict(_random_inventory(rng))
        except natverk.InventoryError:
            continue
        assert Inventory.from_tables(inv.to_pandas()) == inv
        assert Inventory.from_tables(inv.tables()) == inv
        checked += 1
    # the generator makes valid inventories most of the time
    assert checked >= 40


# ---- findings as data, errors, report options --------------------------------


def test_error_findings_are_findings_with_networks(gbg: Inventory) -> None:
    d = gbg.to_dict()
    d["networks"][2]["start"] = "2024-13-01"
    d["networks"][4]["costs"] = [{"kind": "fee", "amount": "-1"}]
    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_dict(d)
    findings = e.value.findings
    assert isinstance(findings, natverk.Findings)
    # still list-like
    assert len(findings) == len(list(findings)) and findings[0] is list(findings)[0]
    ids = {f.path.split(".")[0]: f.network for f in findings}
    assert ids["networks[2]"] == d["networks"][2]["id"]
    assert ids["networks[4]"] == d["networks"][4]["id"]
    df = e.value.to_pandas()
    assert list(df["network"]) == [f.network for f in findings]
    # the same text through check_json names the same networks
    assert natverk.check_json(json_text(d)).to_pandas()["network"].tolist() == list(df["network"])


def json_text(d: Dict[str, Any]) -> str:
    from natverk import _encode

    return _encode.encode(d)


def test_warnings_name_their_network(gbg: Inventory) -> None:
    found = gbg.check(today=datetime.date(2024, 1, 1))
    df = found.to_pandas()
    for f, net in zip(found, df["network"]):
        if f.path.startswith("networks["):
            i = int(f.path[len("networks[") : f.path.index("]")])
            assert net == gbg.networks[i]["id"]
        else:
            assert net is None


def test_sheet_findings_frame(gbg: Inventory) -> None:
    t = gbg.tables()
    t["networks"][0]["start"] = "someday"
    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_tables(t)
    df = e.value.findings.to_pandas()
    assert (df.loc[0, "sheet"], df.loc[0, "row"], df.loc[0, "column"]) == ("networks", 2, "start")


def test_pickled_error_keeps_its_swedish_headline() -> None:
    import pickle

    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_json('{"format": "natverk/1"}')
    sv = e.value.headline("sv")
    again = pickle.loads(pickle.dumps(e.value))
    assert again.headline("sv") == sv and sv != again.headline("en")
    assert isinstance(again.findings, natverk.Findings) and again.codes == e.value.codes


def test_option_error_path_names_the_option(gbg: Inventory) -> None:
    with pytest.raises(natverk.ArgumentError) as e:
        gbg.report(2024, 2025, by="subjekt")  # type: ignore[arg-type]
    assert e.value.findings[0].path == "options.by"


def test_report_keeps_its_options(gbg: Inventory) -> None:
    r = gbg.report(2024, 2025, by=["unit", "year"], scope="central")
    assert r.options == {
        "from": 2024, "to": 2025, "scope": "central", "by": ["unit", "year"],
        "statuses": ["proposed", "applied", "active", "dormant", "ended"],
        "leave": None, "leave_from": None, "left": None,
    }
    assert r.to_pandas().attrs["options"] == r.options
    recommended = [
        n["id"] for n in gbg.networks
        if (n.get("assessment") or {}).get("recommendation") == "leave"
    ]
    lr = gbg.report(2024, 2026, leave="recommended", leave_from=2025, statuses="active")
    o = lr.options
    assert (o["leave"], o["leave_from"], o["statuses"]) == ("recommended", 2025, ["active"])
    assert o["left"] == recommended and recommended
    ids = gbg.report(2024, 2026, leave=["eurocities"]).options
    assert ids["leave"] == ["eurocities"] and ids["left"] == ["eurocities"]


def test_small_things(gbg: Inventory) -> None:
    r = gbg.report(2024, 2025, by="unit")
    assert list(r) == r.lines and len(list(r)) == len(r)
    eq = gbg.equality(2024, 2025)
    pa = pytest.importorskip("pyarrow")
    t = eq.to_arrow()
    assert t.column_names == list(eq.to_pandas().columns)
    assert t.schema.field("woman").type == pa.int64()
    assert t.column("network").to_pylist() == [n["network"] for n in eq.networks]
    pl = pytest.importorskip("polars")
    df = eq.to_polars()
    assert df.schema["balanced"] == pl.Boolean and df.height == len(eq.networks)


def test_a_report_by_unit_names_its_units(gbg: Inventory) -> None:
    r = gbg.report(2024, 2025, by=["unit", "year"])
    names = {u["id"]: u["name"] for u in gbg.units}
    df = r.to_pandas(na_rep=None)
    assert list(df.columns[:3]) == ["unit", "unit_name", "year"]
    for unit, name in zip(df["unit"], df["unit_name"]):
        assert name == (names.get(unit) if unit is not None else None)
    table = r.table("en")
    assert [c.key for c in table.columns[:3]] == ["unit", "unit_name", "year"]
    # the JSON (SPEC 5.1) and the lines keep exactly their keys
    assert "unit_name" not in r.lines[0] and "unit_name" not in r.to_json()
