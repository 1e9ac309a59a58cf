//! The export, saved by LibreOffice as `.ods` and from that as `.xlsx`
//! again, imports to the same inventory.
//!
//! Needs `soffice` (Debian `libreoffice-calc-nogui`); `scripts/test.sh`
//! installs it and sets `NATVERK_REQUIRE_SOFFICE=1`, which turns a missing
//! `soffice` into a failure instead of a skipped test.

use std::path::Path;
use std::process::Command;

use natverk::Lang;
use natverk_workbook::{export, import_bytes};

use crate::goteborg;

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    })
}

/// Converts `file` to `to` (ods or xlsx) in `dir`, with a profile of its own
/// (so parallel runs do not share one).
fn convert(soffice: &str, file: &Path, to: &str, dir: &Path) -> std::path::PathBuf {
    let profile = dir.join(format!("profile-{to}"));
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir.join(to))
        .arg(file)
        .output()
        .expect("soffice runs");
    let stem = file.file_stem().unwrap().to_string_lossy().to_string();
    let result = dir.join(to).join(format!("{stem}.{to}"));
    assert!(
        result.exists(),
        "soffice did not write {}: {}{}",
        result.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    result
}

#[test]
fn saved_by_libreoffice_as_ods_and_back_as_xlsx() {
    let Some(soffice) = soffice() else {
        assert!(
            std::env::var_os("NATVERK_REQUIRE_SOFFICE").is_none(),
            "soffice is required (NATVERK_REQUIRE_SOFFICE) but not installed"
        );
        eprintln!("skipped: no soffice (install libreoffice-calc-nogui)");
        return;
    };
    let inv = goteborg();
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("inventering.xlsx");
    std::fs::write(&original, export(inv.data(), Lang::Sv).unwrap()).unwrap();
    let ods = convert(soffice, &original, "ods", dir.path());
    let from_ods =
        import_bytes(&std::fs::read(&ods).unwrap()).unwrap_or_else(|e| panic!("ods: {e}"));
    assert_eq!(from_ods.inventory.to_json(), inv.to_json(), "ods");
    let xlsx = convert(soffice, &ods, "xlsx", dir.path());
    let from_xlsx =
        import_bytes(&std::fs::read(&xlsx).unwrap()).unwrap_or_else(|e| panic!("xlsx: {e}"));
    assert_eq!(
        from_xlsx.inventory.to_json(),
        inv.to_json(),
        "xlsx from ods"
    );
}

fn env_or(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Generated inventories (every field and its edges, see `gen`) through
/// LibreOffice: xlsx → ods → xlsx, all converted in two runs of soffice
/// (`NATVERK_LO_SEED` and `NATVERK_LO_CASES` change the sample).
#[test]
fn generated_inventories_survive_libreoffice() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    let Some(soffice) = soffice() else {
        assert!(
            std::env::var_os("NATVERK_REQUIRE_SOFFICE").is_none(),
            "soffice is required (NATVERK_REQUIRE_SOFFICE) but not installed"
        );
        eprintln!("skipped: no soffice (install libreoffice-calc-nogui)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(
            RngAlgorithm::ChaCha,
            &[env_or("NATVERK_LO_SEED", 7) as u8; 32],
        ),
    );
    let mut invs = Vec::new();
    let mut files = Vec::new();
    for i in 0..env_or("NATVERK_LO_CASES", 6) {
        let seed = crate::gen::seed().new_tree(&mut runner).unwrap().current();
        let inv = natverk::Inventory::new(crate::gen::build(&seed)).unwrap();
        let lang = if i % 2 == 0 { Lang::Sv } else { Lang::En };
        let f = dir.path().join(format!("g{i}.xlsx"));
        std::fs::write(&f, export(inv.data(), lang).unwrap()).unwrap();
        invs.push(inv);
        files.push(f);
    }
    let run = |to: &str, files: &[std::path::PathBuf]| {
        let out = dir.path().join(to);
        let o = Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.path().join("profile").display()
            ))
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(&out)
            .args(files)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        files
            .iter()
            .map(|f| out.join(format!("{}.{to}", f.file_stem().unwrap().to_string_lossy())))
            .collect::<Vec<_>>()
    };
    let ods = run("ods", &files);
    let xlsx = run("xlsx", &ods);
    for (i, inv) in invs.iter().enumerate() {
        // What LibreOffice itself changes (7.4): it saves a carriage return
        // in a text as a line feed in .ods (its XML normalises line ends),
        // and drops a tab when it writes .xlsx. Nothing else.
        let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        let mut want_ods = json(&inv.to_json());
        strings(&mut want_ods, &|s| {
            s.replace("\r\n", "\n").replace('\r', "\n")
        });
        let mut want_xlsx = want_ods.clone();
        strings(&mut want_xlsx, &|s| s.replace('\t', ""));
        for (f, want) in [(&ods[i], want_ods), (&xlsx[i], want_xlsx)] {
            let back = import_bytes(&std::fs::read(f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert_eq!(json(&back.inventory.to_json()), want, "{}", f.display());
        }
    }
}

/// Applies `f` to every string of a JSON value (keys stay).
fn strings(v: &mut serde_json::Value, f: &dyn Fn(&str) -> String) {
    match v {
        serde_json::Value::String(s) => *s = f(s),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| strings(x, f)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| strings(x, f)),
        _ => {}
    }
}

/// Three decimals after a whole part (`9.500`) would be an ambiguous text
/// (SPEC §10): the export writes the number 9.5 shown as `0.000`, and the
/// import restores the scale from the format, in `.xlsx` and in the `.ods`
/// LibreOffice makes of it (whose cell shows `9.500`).
#[test]
fn three_decimals_keep_their_scale_through_libreoffice() {
    let Some(soffice) = soffice() else {
        assert!(
            std::env::var_os("NATVERK_REQUIRE_SOFFICE").is_none(),
            "soffice is required (NATVERK_REQUIRE_SOFFICE) but not installed"
        );
        eprintln!("skipped: no soffice (install libreoffice-calc-nogui)");
        return;
    };
    let json = goteborg()
        .to_json()
        .replace("\"rate\": \"11.10\"", "\"rate\": \"11.100\"")
        .replace("\"amount\": \"45000\"", "\"amount\": \"9.500\"");
    assert!(json.contains("11.100") && json.contains("9.500"));
    let inv = natverk::Inventory::from_json(&json).unwrap();
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("tre.xlsx");
        std::fs::write(&original, export(inv.data(), lang).unwrap()).unwrap();
        let direct = import_bytes(&std::fs::read(&original).unwrap()).unwrap();
        assert_eq!(direct.inventory.to_json(), json, "xlsx");
        let ods = convert(soffice, &original, "ods", dir.path());
        let from_ods =
            import_bytes(&std::fs::read(&ods).unwrap()).unwrap_or_else(|e| panic!("ods: {e}"));
        assert_eq!(from_ods.inventory.to_json(), json, "ods");
        let xlsx = convert(soffice, &ods, "xlsx", dir.path());
        let from_xlsx =
            import_bytes(&std::fs::read(&xlsx).unwrap()).unwrap_or_else(|e| panic!("xlsx: {e}"));
        assert_eq!(from_xlsx.inventory.to_json(), json, "xlsx from ods");
    }
}
