//! An Excel workbook: one sheet per table of the core ([`Report::table`]
//! and its total, [`Equality::tables`], [`Findings::table`]), each an Excel
//! Table with an autofilter and typed columns; sheet names and headings in
//! `--lang`, from the vocabulary.
//!
//! Money is written as numbers with the format `#,##0.00`, so it sums and
//! sorts in Excel. Excel stores numbers as binary floats: this is the one
//! place an exact amount becomes an `f64`, converted from its exact
//! two-decimal text (`65000.00`), which every amount below 2^53 / 100
//! (about 90 000 billion) survives unchanged. Years and counts are
//! integers with the format `0`.
//!
//! A text longer than Excel's limit of 32 767 characters
//! ([`crate::limits::XLSX_MAX_TEXT`]) is cut there, ending in `…`, in every
//! sheet alike; the command line says how many were cut (the json and csv
//! formats keep them whole). The workbook is built in memory by
//! rust_xlsxwriter, so its size is checked before
//! (`natverk_cli::limits::check_output`).
//!
//! The command line writes large sheets row by row through temporary files
//! beside the output (`tempdir`); the app, in WebAssembly where there are
//! no files, builds them in memory (`tempdir` `None`): the same cells,
//! styles and sheets.

use natverk::money::fmt2;
use natverk::present::{label, DisplayCell, Message, Table as CoreTable};
use natverk::{Equality, Findings, Lang, Report};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Table, TableColumn, Workbook, XlsxError};

use std::io::{Seek, Write};
use std::path::Path;

use super::{network_of, Context, RenderError, Result};
use crate::limits::XLSX_MAX_TEXT;
use crate::messages as m;

/// What the workbook had to change: texts cut to Excel's limit.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Texts longer than [`XLSX_MAX_TEXT`] characters, cut.
    pub clipped: usize,
    /// Sheets built in memory (no temporary folder given).
    in_memory: bool,
}

impl Written {
    /// A note for people, when something was cut.
    pub fn note(&self) -> Option<Message> {
        (self.clipped > 0).then(|| {
            let t = if self.clipped == 1 {
                &m::XLSX_CLIPPED_ONE
            } else {
                &m::XLSX_CLIPPED_MANY
            };
            Message::new(t)
                .with("n", self.clipped)
                .with("limit", XLSX_MAX_TEXT)
        })
    }
}

/// A text as Excel can hold it: at most [`XLSX_MAX_TEXT`] characters.
fn excel_text<'a>(t: &'a str, written: &mut Written) -> std::borrow::Cow<'a, str> {
    match t.char_indices().nth(XLSX_MAX_TEXT) {
        None => std::borrow::Cow::Borrowed(t),
        Some(_) => {
            written.clipped += 1;
            let cut = t
                .char_indices()
                .nth(XLSX_MAX_TEXT - 1)
                .map_or(t.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &t[..cut]))
        }
    }
}

/// The amount as Excel's number: parsed from the exact two-decimal text.
fn to_f64(d: Decimal) -> f64 {
    fmt2(d).parse().unwrap_or_default()
}

fn xerr(e: XlsxError) -> RenderError {
    match e {
        XlsxError::IoError(e) => RenderError::Io(e),
        e => RenderError::Other(Message::new(&m::CANNOT_WRITE_WORKBOOK).with("detail", e)),
    }
}

/// Writes one sheet holding one Excel Table: `head` as its header row,
/// then `rows`, typed: texts and words as strings, money and hours as
/// numbers with two decimals, years and counts as whole numbers, no value
/// as an empty cell.
fn sheet(
    wb: &mut Workbook,
    written: &mut Written,
    name: &str,
    table_name: &str,
    head: &[&str],
    rows: &[Vec<DisplayCell>],
) -> Result<()> {
    let money = Format::new().set_num_format("#,##0.00");
    let int = Format::new().set_num_format("0");
    // Column widths from the texts (what autofit would do, which the
    // row-by-row writer cannot): characters, within 8..=60.
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (c, x) in row.iter().enumerate().take(width.len()) {
            let w = match x {
                DisplayCell::Text(t) => t.chars().take(60).count(),
                DisplayCell::Word(t) => t.chars().count(),
                DisplayCell::Money(_) | DisplayCell::Decimal(_) => 14,
                DisplayCell::Int(_) => 6,
                _ => 0,
            };
            width[c] = width[c].max(w);
        }
    }
    // Rows go to a temporary file as they are written (constant memory):
    // a large sheet does not hold every cell twice in memory.
    #[cfg(not(target_arch = "wasm32"))]
    let ws = if written.in_memory {
        wb.add_worksheet()
    } else {
        wb.add_worksheet_with_constant_memory().map_err(xerr)?
    };
    #[cfg(target_arch = "wasm32")]
    let ws = wb.add_worksheet();
    ws.set_name(name).map_err(xerr)?;
    for (c, w) in width.iter().enumerate() {
        let w = u16::try_from((*w).clamp(8, 60) + 2).unwrap_or(62);
        ws.set_column_width(c as u16, w).map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    // The table first: it writes the header row, and rows must come in order.
    let columns: Vec<TableColumn> = distinct_headers(head)
        .into_iter()
        .map(|header| TableColumn::new().set_header(header))
        .collect();
    let table = Table::new()
        .set_name(table_name)
        .set_columns(&columns)
        .set_autofilter(true);
    // A Table needs a data row.
    let last = rows.len().max(1) as u32;
    ws.add_table(0, 0, last, head.len() as u16 - 1, &table)
        .map_err(xerr)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, x) in row.iter().enumerate() {
            let c = c as u16;
            match x {
                DisplayCell::Text(t) => {
                    ws.write_string(r, c, excel_text(t, written))
                        .map_err(xerr)?;
                }
                DisplayCell::Word(t) => {
                    ws.write_string(r, c, *t).map_err(xerr)?;
                }
                DisplayCell::Money(d) | DisplayCell::Decimal(d) => {
                    ws.write_number_with_format(r, c, to_f64(*d), &money)
                        .map_err(xerr)?;
                }
                DisplayCell::Int(i) => {
                    // Counts and years: far below 2^53, exact as f64.
                    #[allow(clippy::cast_precision_loss)]
                    let v = *i as f64;
                    ws.write_number_with_format(r, c, v, &int).map_err(xerr)?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// A core table as a sheet: its column labels, its rows.
fn table_sheet(
    wb: &mut Workbook,
    w: &mut Written,
    name: &str,
    table_name: &str,
    t: &CoreTable,
) -> Result<()> {
    let head: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
    sheet(wb, w, name, table_name, &head, &t.rows)
}

/// A report: its lines on one sheet, its total (and savings) on another
/// with the same columns. Totals come from the core, not Excel formulas:
/// exact, and readable by programs that do not evaluate formulas.
fn report_sheets(wb: &mut Workbook, w: &mut Written, r: &Report, lang: Lang) -> Result<()> {
    let t = r.table(lang);
    table_sheet(wb, w, label("ui.report", lang), "Report", &t)?;
    let head: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
    sheet(wb, w, label("ui.total", lang), "Totals", &head, &t.footer)
}

/// The equality statistics: one sheet per table of the core.
fn equality_sheets(wb: &mut Workbook, w: &mut Written, e: &Equality, lang: Lang) -> Result<()> {
    for t in e.tables(lang) {
        let (name, table_name) = match t.key {
            "people" => (label("doc.sheet.people", lang), "People"),
            "time" => (label("money.time", lang), "Time"),
            _ => (label("ui.networks_by_gender", lang), "Networks"),
        };
        table_sheet(wb, w, name, table_name, &t)?;
    }
    Ok(())
}

/// The findings as the core's table, and the id of the network each one
/// concerns (to filter by).
fn findings_sheet(
    wb: &mut Workbook,
    w: &mut Written,
    f: &Findings,
    ctx: &Context<'_>,
    warnings_only: bool,
) -> Result<()> {
    let lang = ctx.lang;
    let mut t = f.table(lang);
    for (row, x) in t.rows.iter_mut().zip(f.iter()) {
        row.push(match network_of(ctx.inv, &x.path) {
            Some(n) => DisplayCell::Text(n.id.clone()),
            None => DisplayCell::Null,
        });
    }
    let mut head: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
    head.push(label("key.network", lang));
    let name = label(
        if warnings_only {
            "ui.warnings"
        } else {
            "ui.findings"
        },
        lang,
    );
    sheet(wb, w, name, "Findings", &head, &t.rows)
}

fn save<W: Write + Seek + Send>(mut wb: Workbook, out: &mut W) -> Result<()> {
    wb.save_to_writer(out).map_err(xerr)
}

/// A workbook whose row-by-row sheets keep their rows in anonymous
/// temporary files in `tempdir` (never left behind, whatever stops the
/// run), or, without one, in memory.
fn workbook(tempdir: Option<&Path>, w: &mut Written) -> Result<Workbook> {
    #[allow(unused_mut)] // set only where there are files
    let mut wb = Workbook::new();
    match tempdir {
        // In WebAssembly there are no files: always in memory.
        #[cfg(not(target_arch = "wasm32"))]
        Some(dir) => {
            // The writer opens a temporary file in the system's temporary
            // directory for every sheet it creates and cannot report a
            // failure there (it would panic): check first that one can be
            // made.
            tempfile::tempfile_in(std::env::temp_dir()).map_err(|e| {
                RenderError::Other(
                    Message::new(&m::NO_TEMPORARY_FILE)
                        .with("dir", std::env::temp_dir().display())
                        .arg("error", m::io_error(&e)),
                )
            })?;
            wb.set_tempdir(dir).map_err(xerr)?;
        }
        _ => w.in_memory = true,
    }
    Ok(wb)
}

/// Runs a workbook's writing, with rust_xlsxwriter's panic on a failed
/// write of a sheet's temporary file (a full disk, a file-size limit) as
/// the operating system's error: exit 2, the target untouched, the
/// temporary files gone with the writer.
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    natverk_workbook::catch_write_panic(f).map_err(RenderError::Io)?
}

/// A report workbook: report lines, totals, the equality statistics over
/// the same range, and the warnings of `check`. Large sheets go through
/// temporary files in `tempdir`, or are built in memory without one.
pub fn report<W: Write + Seek + Send>(
    r: &Report,
    ctx: &Context<'_>,
    out: &mut W,
    tempdir: Option<&Path>,
) -> Result<Written> {
    guarded(|| {
        let mut w = Written::default();
        let mut wb = workbook(tempdir, &mut w)?;
        report_sheets(&mut wb, &mut w, r, ctx.lang)?;
        if let Some(e) = &ctx.equality {
            equality_sheets(&mut wb, &mut w, e, ctx.lang)?;
        }
        findings_sheet(&mut wb, &mut w, &ctx.findings, ctx, true)?;
        save(wb, out)?;
        Ok(w)
    })
}

/// An equality workbook, with the warnings of `check`.
pub fn equality<W: Write + Seek + Send>(
    e: &Equality,
    ctx: &Context<'_>,
    out: &mut W,
    tempdir: Option<&Path>,
) -> Result<Written> {
    guarded(|| {
        let mut w = Written::default();
        let mut wb = workbook(tempdir, &mut w)?;
        equality_sheets(&mut wb, &mut w, e, ctx.lang)?;
        findings_sheet(&mut wb, &mut w, &ctx.findings, ctx, true)?;
        save(wb, out)?;
        Ok(w)
    })
}

/// Core tables as a workbook, a sheet each (its rows, then its footer
/// rows); `names` gives each sheet's name and its table's name.
pub fn tables<W: Write + Seek + Send>(
    ts: &[CoreTable],
    names: &[(&str, &str)],
    out: &mut W,
    tempdir: Option<&Path>,
) -> Result<Written> {
    guarded(|| {
        let mut w = Written::default();
        let mut wb = workbook(tempdir, &mut w)?;
        for (t, (name, table_name)) in ts.iter().zip(names) {
            let head: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
            let mut rows = t.rows.clone();
            rows.extend(t.footer.iter().cloned());
            sheet(&mut wb, &mut w, name, table_name, &head, &rows)?;
        }
        save(wb, out)?;
        Ok(w)
    })
}

/// A table's headers must differ (Excel compares them ignoring case): a
/// repeated one gets its count, `Name (2)`, the first count not taken.
fn distinct_headers(head: &[&str]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::with_capacity(head.len());
    head.iter()
        .map(|h| {
            let mut header = h.to_string();
            let mut n = 1;
            while seen.contains(&header.to_lowercase()) {
                n += 1;
                header = format!("{h} ({n})");
            }
            seen.push(header.to_lowercase());
            header
        })
        .collect()
}

/// The findings of `check` as a workbook.
pub fn findings<W: Write + Seek + Send>(
    f: &Findings,
    ctx: &Context<'_>,
    out: &mut W,
    tempdir: Option<&Path>,
) -> Result<Written> {
    guarded(|| {
        let mut w = Written::default();
        let mut wb = workbook(tempdir, &mut w)?;
        findings_sheet(&mut wb, &mut w, f, ctx, false)?;
        save(wb, out)?;
        Ok(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headers_get_their_count_ignoring_case() {
        assert_eq!(
            distinct_headers(&["Nätverk", "nätverk", "Kostnad", "Nätverk"]),
            ["Nätverk", "nätverk (2)", "Kostnad", "Nätverk (3)"]
        );
        // A count already taken by a header of its own is skipped.
        assert_eq!(
            distinct_headers(&["A", "A (2)", "a"]),
            ["A", "A (2)", "a (3)"]
        );
        assert_eq!(distinct_headers(&["Id", "Namn"]), ["Id", "Namn"]);
    }

    #[test]
    fn texts_are_cut_to_excels_limit() {
        let mut w = Written::default();
        assert_eq!(excel_text("kort", &mut w), "kort");
        let exact = "å".repeat(XLSX_MAX_TEXT);
        assert_eq!(excel_text(&exact, &mut w), exact);
        assert_eq!(w.clipped, 0);
        let long = "å".repeat(XLSX_MAX_TEXT + 5);
        let cut = excel_text(&long, &mut w);
        assert_eq!(cut.chars().count(), XLSX_MAX_TEXT);
        assert!(cut.ends_with('…'));
        assert_eq!(w.clipped, 1);
        assert!(w.note().unwrap().text(Lang::Sv).contains("32767"));
    }
}
