//! `natverk import FILE`: a one-sheet spreadsheet of networks (CSV) into an
//! inventory ([`crate::import`]); a workbook goes to [`super::workbook`].

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use natverk::present::{count_text, fill, label, Message};
use natverk::Lang;

use super::{deliver, target, text_end, workbook, Failure};
use crate::import;
use crate::input::{read_limited, ReadError};
use crate::limits;
use crate::messages as m;
use crate::text::for_people;

/// The options of a CSV sheet's import.
pub struct Args {
    /// `--organisation`.
    pub organisation: Option<String>,
    /// `--currency`.
    pub currency: Option<String>,
    /// `--code`.
    pub code: Option<String>,
    /// `--population`.
    pub population: Option<String>,
    /// `--rate`, each `CUR:YEAR:RATE`.
    pub rates: Vec<String>,
}

/// `N networks; M warnings: see them with natverk check`, after an import
/// that has warnings.
pub(super) fn imported_note(inv: &natverk::Inventory, lang: Lang) {
    let warnings = inv.warnings(natverk::today()).len();
    if warnings > 0 {
        let msg = Message::new(&m::IMPORTED_WITH_WARNINGS)
            .with(
                "networks",
                count_text("count.networks", inv.networks().len(), lang),
            )
            .with("warnings", count_text("count.warnings", warnings, lang));
        eprintln!("natverk: {}", msg.text(lang));
    }
}

/// `N problems in FILE; nothing written`.
pub(crate) fn problems_line(n: usize, file: &Path, lang: Lang) -> String {
    let key = if n == 1 {
        "workbook.problems.one"
    } else {
        "workbook.problems.many"
    };
    fill(
        label(key, lang),
        &[
            ("n", &natverk::money::fmt_count(n as u64, lang)),
            ("file", &for_people(&file.display().to_string())),
        ],
    )
}

/// Runs `import`: the inventory as JSON, or every problem of the sheet.
pub fn run(
    file: &Path,
    a: Args,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    if let Some(p) = output {
        target(p)?;
    }
    if workbook::is_workbook(file) {
        let given: Vec<&str> = [
            ("--organisation", a.organisation.is_some()),
            ("--currency", a.currency.is_some()),
            ("--code", a.code.is_some()),
            ("--population", a.population.is_some()),
            ("--rate", !a.rates.is_empty()),
        ]
        .into_iter()
        .filter_map(|(o, set)| set.then_some(o))
        .collect();
        if !given.is_empty() {
            return Err(Failure::Usage(
                Message::new(&m::CSV_ONLY).with("options", given.join(", ")),
            ));
        }
        return workbook::import(file, output, lang, out);
    }
    let (Some(organisation), Some(currency)) = (a.organisation, a.currency) else {
        return Err(Failure::usage(&m::CSV_NEEDS_ORGANISATION));
    };
    let bytes = match read_limited(file, limits::MAX_INPUT_BYTES) {
        Ok(b) => b,
        Err(ReadError::Io(msg)) => return Err(Failure::Usage(msg)),
        Err(e) => {
            eprintln!(
                "{}",
                for_people(&format!(
                    "{}[invalid_value]: {}",
                    label("severity.error", lang).to_lowercase(),
                    e.message(file).text(lang)
                ))
            );
            return Err(Failure::Inventory);
        }
    };
    let opts = import::Options {
        organisation,
        currency,
        code: a.code,
        population: a.population,
        rates: a.rates,
    };
    let outcome = import::import(&bytes, &opts);
    drop(bytes);
    // Notes first, whether the import succeeds or not.
    for n in &outcome.notes {
        super::note_for_people(n, lang);
    }
    match outcome.result {
        Ok(imported) => {
            let inv = imported.inventory;
            deliver(output, out, lang, |d| {
                serde_json::to_writer_pretty(&mut *d, inv.data()).map_err(std::io::Error::from)?;
                text_end(d)?;
                Ok(None)
            })?;
            imported_note(&inv, lang);
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            let stderr = std::io::stderr();
            let mut e = BufWriter::new(stderr.lock());
            for p in &problems.shown {
                let _ = writeln!(e, "{}", p.text(lang));
            }
            if problems.more > 0 {
                let more = Message::new(&m::MORE_PROBLEMS)
                    .with("n", limits::group(problems.more as u64))
                    .with("shown", limits::MAX_PROBLEMS_SHOWN);
                let _ = writeln!(e, "{}", more.text(lang));
            }
            let _ = writeln!(e, "{}", problems_line(problems.total(), file, lang));
            let _ = e.flush();
            Err(Failure::Inventory)
        }
    }
}
