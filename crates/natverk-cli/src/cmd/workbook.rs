//! `natverk export`, `natverk template` and `natverk import FILE.xlsx|.ods`:
//! the whole inventory as a workbook (SPEC §10), through `natverk-workbook`.
//! The three stay in one file: they are thin calls into the workbook crate
//! and share the way its errors are said (every bad cell, then the count).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use natverk::present::Message;
use natverk::{Inventory, Lang};

use super::import::{imported_note, problems_line};
use super::{deliver, print_findings, Failure};
use crate::cli::Format;
use crate::input::{read_limited, ReadError};
use crate::messages as m;

/// Whether `file` is a workbook (by its extension), not a CSV sheet.
pub fn is_workbook(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .map(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "ods" | "xlsm"))
        .unwrap_or(false)
}

fn write_file(path: &Path, bytes: &[u8], lang: Lang, out: &mut dyn Write) -> Result<(), Failure> {
    deliver(Some(path), out, lang, |d| {
        d.write_all(bytes)?;
        Ok(None)
    })
}

fn workbook_error(e: natverk_workbook::Error, file: &Path, lang: Lang) -> Failure {
    match e {
        natverk_workbook::Error::Invalid(findings) => {
            let mut err = std::io::stderr().lock();
            for f in &findings {
                let _ = writeln!(err, "{}", f.to_text(lang));
            }
            let _ = writeln!(err, "{}", problems_line(findings.len(), file, lang));
            Failure::Inventory
        }
        other => Failure::Usage(Message::new(&m::IO).with("text", other)),
    }
}

/// `natverk export FILE -o FILE.xlsx`: a valid inventory as a workbook.
pub fn export(
    file: &Path,
    output: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let bytes = read_limited(file, crate::limits::MAX_INPUT_BYTES).map_err(|e| match e {
        ReadError::Io(msg) => Failure::Usage(msg),
        too_large => print_findings(
            vec![natverk::Finding::new(
                natverk::Code::InvalidValue,
                natverk::Path::root(),
                too_large.message(file),
            )],
            out,
            Format::Table,
            lang,
        ),
    })?;
    // A workbook is read as every command reads one (a unit's workbook
    // exported again: checked, tidied, or in the other language).
    let inv = if super::is_workbook(&bytes) {
        let o = crate::cli::Output {
            format: Format::Table,
            lang,
            output: None,
        };
        super::inventory_of(&bytes, file, out, &o)?.inventory
    } else {
        Inventory::from_slice(&bytes)
            .map_err(|e| print_findings(e.into_findings().into_vec(), out, Format::Table, lang))?
    };
    drop(bytes);
    let xlsx =
        natverk_workbook::export(inv.data(), lang).map_err(|e| workbook_error(e, file, lang))?;
    write_file(output, &xlsx, lang, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `natverk template -o FILE.xlsx`: an empty workbook to fill in.
pub fn template(output: &Path, lang: Lang, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let xlsx = natverk_workbook::template(lang)
        .map_err(|e| Failure::Usage(Message::new(&m::IO).with("text", e)))?;
    write_file(output, &xlsx, lang, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `natverk import FILE.xlsx|FILE.ods [-o FILE.json]`: every bad cell, or
/// the inventory as `natverk/1` JSON.
pub fn import(
    file: &Path,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let imported = natverk_workbook::import(file).map_err(|e| match e {
        natverk_workbook::Error::Io { path, source } => Failure::Usage(
            Message::new(&m::CANNOT_READ)
                .with("file", path.display())
                .arg("error", m::io_error(&source)),
        ),
        other => workbook_error(other, file, lang),
    })?;
    let mut json = imported.inventory.to_json();
    json.push('\n');
    deliver(output, out, lang, |d| {
        d.write_all(json.as_bytes())?;
        Ok(None)
    })?;
    // What the import did not read, or read as another sheet or column
    // (SPEC §10), each with its place: on standard error, beside the note.
    for w in &imported.warnings {
        eprintln!("{}", crate::text::for_people(&w.to_text(lang)));
    }
    imported_note(&imported.inventory, lang);
    Ok(ExitCode::SUCCESS)
}
