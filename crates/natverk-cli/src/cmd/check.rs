//! `natverk check FILE`: every error and warning of an inventory (SPEC §6).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use natverk::tables::{SheetFinding, SheetFindings};
use natverk::{Finding, Findings, Inventory};

use super::{
    check_size, deliver, inventory_of_quiet, is_workbook, prepare, read, text_end, width,
    write_sheet_findings, xlsx_into, Failure,
};
use crate::cli::{Format, Output};
use crate::limits::{Size, What};
use crate::messages as m;
use crate::render::{self, table, Context, RenderError};
use natverk::present::Message;

/// Runs `check`: exit 1 when the inventory has errors.
pub fn run(
    file: &Path,
    today: Option<NaiveDate>,
    o: &Output,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    prepare(o)?;
    let bytes = read(file, out, o)?;
    let n = bytes.len() as u64;
    let today = today.unwrap_or_else(natverk::today);
    // A workbook: its errors by sheet, row and column, or its warnings at
    // the cells of the items they concern.
    let mut placed = None;
    // One parse: the errors, or the inventory and its warnings
    // (what `natverk::check` gives).
    let (inv, findings) = if is_workbook(&bytes) {
        let imported = inventory_of_quiet(&bytes, file, out, o)?;
        let w = imported.inventory.warnings(today).into_vec();
        // The import's own warnings (a sheet or column not read, a name
        // read as another), then the inventory's, each at its place and in
        // the workbook's words.
        let mut all: Vec<SheetFinding> = imported.warnings.clone();
        all.extend(w.iter().map(|f| SheetFinding {
            finding: imported.locator.in_workbook_words(f.clone()),
            place: imported.locator.place(f),
        }));
        let w: Vec<Finding> = imported
            .warnings
            .iter()
            .map(|s| s.finding.clone())
            .chain(w)
            .collect();
        placed = Some(SheetFindings::new(all));
        (Some(imported.inventory), Findings::new(w))
    } else {
        match Inventory::from_slice(&bytes) {
            Ok(inv) => {
                let w = inv.warnings(today);
                (Some(inv), w)
            }
            Err(e) => (None, e.into_findings()),
        }
    };
    drop(bytes);
    let size = Size::default().table(findings.len(), 6);
    check_size(o.format, o.lang, What::Check, size, n, out)?;
    let ctx = Context {
        inv: inv.as_ref(),
        lang: o.lang,
        options: vec![(
            natverk::present::label("ui.today", o.lang).to_string(),
            today.to_string(),
        )],
        findings: Findings::new(Vec::new()),
        equality: None,
        today,
    };
    let width = width(o);
    deliver(o.output.as_deref(), out, o.lang, |d| {
        // A workbook's warnings at their cells (json and for people; the
        // other formats keep JSON paths).
        if let Some(p) = placed.as_ref().filter(|p| !p.is_empty()) {
            if matches!(o.format, Format::Json | Format::Table) {
                write_sheet_findings(p, file, d, o.format, o.lang)?;
                return Ok(None);
            }
        }
        match o.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *d, &findings).map_err(std::io::Error::from)?;
                text_end(d)?;
            }
            Format::Table => table::findings(&findings, o.lang, width, d)?,
            Format::Csv => render::csv::findings(&findings, o.lang, d)?,
            Format::Md => render::md::findings(&findings, o.lang, d)?,
            Format::Html => render::html::findings(&findings, &ctx, d)?,
            Format::Xlsx => {
                return xlsx_into(d, |f, t| render::xlsx::findings(&findings, &ctx, f, t))
            }
            Format::Widget => return Err(RenderError::Other(Message::new(&m::WIDGET_REPORT_ONLY))),
        }
        Ok(None)
    })?;
    // The process ends here: the inventory is let go without freeing it
    // piece by piece (a national file is about a million allocations), as
    // `load` does for the other commands.
    std::mem::forget(inv);
    Ok(if findings.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
