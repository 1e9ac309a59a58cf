//! `natverk merge` (SPEC §15), run as the executive office runs it: the
//! Göteborg example split into the workbooks of three units, merged back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use natverk::{Inventory, InventoryData, Lang};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn goteborg() -> InventoryData {
    Inventory::from_json(&std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap())
        .unwrap()
        .into_data()
}

/// The example with only the networks of `units`.
fn unit_part(units: &[&str]) -> InventoryData {
    let mut d = goteborg();
    d.networks
        .retain(|n| n.unit.as_deref().is_some_and(|u| units.contains(&u)));
    d
}

fn write_workbook(dir: &Path, name: &str, data: &InventoryData, lang: Lang) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, natverk_workbook::export(data, lang).unwrap()).unwrap();
    path
}

/// Three unit workbooks: the board's (ks), the executive office's (slk)
/// and one for culture and environment, which also reports its own seat in
/// an executive-office network that the office reports too.
fn three_units(dir: &Path) -> Vec<PathBuf> {
    let ks = unit_part(&["ks"]);
    let slk = unit_part(&["slk"]);
    let mut rest = unit_part(&["kultur", "miljo"]);
    // The culture unit reports one slk network as well, with only the
    // first of its participants and its first cost: kept once.
    let shared = slk
        .networks
        .iter()
        .find(|n| !n.participants.is_empty() && !n.costs.is_empty())
        .expect("an slk network with participants and costs")
        .clone();
    let mut part = shared.clone();
    part.participants.truncate(1);
    part.costs.truncate(1);
    part.financing.clear();
    rest.networks.push(part);
    vec![
        write_workbook(dir, "ks.xlsx", &ks, Lang::Sv),
        write_workbook(dir, "slk.xlsx", &slk, Lang::En),
        write_workbook(dir, "kultur-miljo.xlsx", &rest, Lang::Sv),
    ]
}

#[test]
fn three_unit_workbooks_merged_give_the_example_and_its_report() {
    let dir = tempfile_dir("three");
    let files = three_units(&dir);
    let out = dir.join("inventering.json");
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| p(f)));
    args.extend(["-o", p(&out), "--lang", "sv"]);
    let o = run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The completeness table, in Swedish, names the files per unit.
    let table = stdout(&o);
    assert!(table.contains("Fullständighet per enhet"), "{table}");
    let slk_line = table
        .lines()
        .find(|l| l.contains("(slk)"))
        .expect("a row for slk");
    assert!(
        slk_line.contains("slk.xlsx (5)") && slk_line.contains("kultur-miljo.xlsx (1)"),
        "{slk_line}"
    );

    let merged = Inventory::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let example = Inventory::from_json(
        &std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(merged.networks().len(), example.networks().len());
    for years in [("2023", "2026"), ("2024", "2024")] {
        let report = |f: &str| {
            let o = run(&[
                "report",
                f,
                "--from",
                years.0,
                "--to",
                years.1,
                "--by",
                "network,year",
                "-f",
                "json",
            ]);
            assert_eq!(o.status.code(), Some(0));
            stdout(&o)
        };
        assert_eq!(
            report(p(&out)),
            report(p(&root().join("examples/goteborg.json")))
        );
    }
    // Each network equals the example's, whatever the order of its items.
    for n in example.networks() {
        let m = merged.network(&n.id).expect("every network");
        assert_eq!(m.participants.len(), n.participants.len(), "{}", n.id);
        assert_eq!(m.costs.len(), n.costs.len(), "{}", n.id);
    }

    // And as a workbook: -o ….xlsx writes one that imports to the same.
    let xlsx = dir.join("inventering.xlsx");
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| p(f)));
    args.extend(["-o", p(&xlsx)]);
    assert_eq!(run(&args).status.code(), Some(0));
    let back = natverk_workbook::import(&xlsx).unwrap().inventory;
    assert_eq!(back.to_json(), merged.to_json());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_conflicting_network_name_is_one_merge_conflict_naming_both_files_sheets_and_rows() {
    let dir = tempfile_dir("conflict");
    let files = three_units(&dir);
    // The culture unit names the shared network otherwise.
    let mut rest = Inventory::from_json(
        &natverk_workbook::import(&files[2])
            .unwrap()
            .inventory
            .to_json(),
    )
    .unwrap()
    .into_data();
    let last = rest.networks.len() - 1;
    let id = rest.networks[last].id.clone();
    let original = rest.networks[last].name.clone();
    rest.networks[last].name = "Ett annat namn".into();
    let bad = write_workbook(&dir, "kultur-miljo.xlsx", &rest, Lang::Sv);
    let out = dir.join("inventering.json");
    let o = run(&[
        "merge",
        p(&files[0]),
        p(&files[1]),
        p(&bad),
        "-o",
        p(&out),
        "--lang",
        "sv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "nothing is written");
    let text = stdout(&o);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("merge_conflict"))
        .collect();
    assert_eq!(lines.len(), 1, "{text}");
    let line = lines[0];
    // Both files, both sheets and rows, both values, in Swedish.
    let slk_row = 2 + goteborg()
        .networks
        .iter()
        .filter(|n| n.unit.as_deref() == Some("slk"))
        .position(|n| n.id == id)
        .unwrap();
    let rest_row = 2 + last;
    for want in [
        format!("nätverket `{id}` skiljer sig mellan filerna"),
        format!("`{original}` i filen `{}`", p(&files[1])),
        format!("(blad `networks`, rad {slk_row}, kolumn `name` (B))"),
        format!("`Ett annat namn` i filen `{}`", p(&bad)),
        format!("(blad `nätverk`, rad {rest_row}, kolumn `namn` (B))"),
        "gör dem lika i båda filerna".to_string(),
    ] {
        assert!(line.contains(&want), "{want}\nin\n{line}");
    }
    assert!(
        text.contains("1 konflikt mellan filerna: inget har skrivits"),
        "{text}"
    );

    // --format json: the same finding, as SPEC §7.2.
    let o = run(&["merge", p(&files[1]), p(&bad), "-f", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["errors"], 1);
    assert_eq!(v["findings"][0]["code"], "merge_conflict");
    assert_eq!(v["findings"][0]["path"], format!("networks[{last}].name"));
    let msg = v["findings"][0]["message"].as_str().unwrap();
    assert!(
        msg.contains(&format!("network `{id}` differs between the files")),
        "{msg}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn units_without_networks_are_listed_and_stdout_is_json_without_o() {
    let dir = tempfile_dir("missing");
    let ks = write_workbook(&dir, "ks.xlsx", &unit_part(&["ks"]), Lang::Sv);
    let o = run(&["merge", p(&ks), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(0));
    // stdout is the inventory; the table goes to stderr.
    let inv = Inventory::from_json(&stdout(&o)).unwrap();
    assert_eq!(inv.networks().len(), 4);
    let table = String::from_utf8_lossy(&o.stderr);
    assert!(
        table.contains("3 enheter har inte rapporterat något nätverk: slk, kultur, miljo"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.contains("(kultur)") && l.ends_with("inga")),
        "{table}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_files_are_named_and_nothing_is_written() {
    let dir = tempfile_dir("bad");
    let fake = dir.join("enhet.xlsx");
    std::fs::write(&fake, b"PK\x03\x04 not really a zip").unwrap();
    let json = dir.join("trasig.json");
    std::fs::write(&json, b"{\"format\": \"natverk/1\"").unwrap();
    let out = dir.join("ut.json");
    let o = run(&["merge", p(&fake), p(&json), "-o", p(&out), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
    let text = stdout(&o);
    assert!(text.contains(p(&fake)), "{text}");
    assert!(text.contains(p(&json)), "{text}");
    // A text file named as a workbook is said to be no workbook.
    let text = dir.join("anteckningar.xlsx");
    std::fs::write(&text, "mina anteckningar").unwrap();
    let o = run(&["merge", p(&text), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("heter som en arbetsbok men är ingen"),
        "{}",
        stdout(&o)
    );
    // The organisation must be the same everywhere.
    let mut other = unit_part(&["ks"]);
    other.organisation.currency = "EUR".into();
    other.networks.clear();
    other.exchange_rates.clear();
    let a = write_workbook(&dir, "a.xlsx", &unit_part(&["ks"]), Lang::Sv);
    let b = dir.join("b.json");
    std::fs::write(&b, other.to_json()).unwrap();
    let o = run(&["merge", p(&a), p(&b), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("organisationens `currency` skiljer sig mellan filerna: `SEK` i filen"),
        "{text}"
    );
    assert!(text.contains("`EUR` i filen"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_larger_together_than_one_input_may_be_are_refused_before_reading() {
    let dir = tempfile_dir("large");
    // Two sparse files of 300 MB each: their sizes add up past the limit.
    let mut args = vec!["merge".to_string()];
    for name in ["a.json", "b.json"] {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        f.set_len(300_000_000).unwrap();
        args.push(p(&dir.join(name)).to_string());
    }
    let out = dir.join("ut.json");
    args.extend(["-o".into(), p(&out).into(), "--lang".into(), "sv".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let start = std::time::Instant::now();
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(start.elapsed().as_secs() < 2, "refused before the work");
    assert!(
        stdout(&o).contains("tillsammans 600000000 byte, mer än gränsen"),
        "{}",
        stdout(&o)
    );
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("natverk-merge-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
