//! An Excel workbook: one sheet per table, each an Excel Table with an
//! autofilter and typed columns.
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
//! ([`crate::limits::check_output`]).

use natverk::money::fmt2;
use natverk::Counts;
use natverk::Lang;
use natverk::{Equality, Finding, Money, Report};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Table, TableColumn, Workbook, XlsxError};

use super::csv::severity;
use super::{
    key_cells, key_columns, key_heading, money_headings, network_of, tr, Cell, Context,
    RenderError, Result,
};
use crate::limits::XLSX_MAX_TEXT;

/// What the workbook had to change: texts cut to Excel's limit.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Texts longer than [`XLSX_MAX_TEXT`] characters, cut.
    pub clipped: usize,
}

impl Written {
    /// A note for people, when something was cut.
    pub fn note(&self) -> Option<String> {
        (self.clipped > 0).then(|| {
            format!(
                "{} text{} longer than Excel's limit of {XLSX_MAX_TEXT} characters {} cut in the workbook (ending in …); --format json or csv keeps {} whole",
                self.clipped,
                if self.clipped == 1 { "" } else { "s" },
                if self.clipped == 1 { "was" } else { "were" },
                if self.clipped == 1 { "it" } else { "them" },
            )
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

/// A typed cell.
enum X {
    Text(String),
    Money(Decimal),
    Int(i64),
    Blank,
}

/// The amount as Excel's number: parsed from the exact two-decimal text.
fn to_f64(d: Decimal) -> f64 {
    fmt2(d).parse().unwrap_or_default()
}

fn xerr(e: XlsxError) -> RenderError {
    match e {
        XlsxError::IoError(e) => RenderError::Io(e),
        e => RenderError::Other(format!("cannot write the workbook: {e}")),
    }
}

/// Writes one sheet holding one Excel Table.
fn sheet(
    wb: &mut Workbook,
    written: &mut Written,
    name: &str,
    table_name: &str,
    head: &[String],
    mut rows: Vec<Vec<X>>,
) -> Result<()> {
    let money = Format::new().set_num_format("#,##0.00");
    let int = Format::new().set_num_format("0");
    if rows.is_empty() {
        // A Table needs a data row.
        rows.push(Vec::new());
    }
    // Column widths from the texts (what autofit would do, which the
    // row-by-row writer cannot): characters, within 8..=60.
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (c, x) in row.iter().enumerate().take(width.len()) {
            let w = match x {
                X::Text(t) => t.chars().take(60).count(),
                X::Money(_) => 14,
                X::Int(_) => 6,
                X::Blank => 0,
            };
            width[c] = width[c].max(w);
        }
    }
    // Rows go to a temporary file as they are written (constant memory):
    // a large sheet does not hold every cell in memory.
    let ws = wb.add_worksheet_with_constant_memory().map_err(xerr)?;
    ws.set_name(name).map_err(xerr)?;
    for (c, w) in width.iter().enumerate() {
        let w = u16::try_from((*w).clamp(8, 60) + 2).unwrap_or(62);
        ws.set_column_width(c as u16, w).map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    // The table first: it writes the header row, and rows must come in order.
    let columns: Vec<TableColumn> = head
        .iter()
        .map(|h| TableColumn::new().set_header(h))
        .collect();
    let table = Table::new()
        .set_name(table_name)
        .set_columns(&columns)
        .set_autofilter(true);
    ws.add_table(0, 0, rows.len() as u32, head.len() as u16 - 1, &table)
        .map_err(xerr)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, x) in row.iter().enumerate() {
            let c = c as u16;
            match x {
                X::Text(t) => {
                    ws.write_string(r, c, excel_text(t, written))
                        .map_err(xerr)?;
                }
                X::Money(d) => {
                    ws.write_number_with_format(r, c, to_f64(*d), &money)
                        .map_err(xerr)?;
                }
                X::Int(i) => {
                    // Counts and years: far below 2^53, exact as f64.
                    #[allow(clippy::cast_precision_loss)]
                    let v = *i as f64;
                    ws.write_number_with_format(r, c, v, &int).map_err(xerr)?;
                }
                X::Blank => {}
            }
        }
    }
    Ok(())
}

fn money_row(m: &Money) -> Result<Vec<X>> {
    Ok(m.fields().iter().map(|(_, v)| X::Money(*v)).collect())
}

fn report_sheets(wb: &mut Workbook, w: &mut Written, r: &Report, lang: Lang) -> Result<()> {
    let mut head: Vec<String> = key_columns(r)
        .iter()
        .map(|k| key_heading(k, lang).to_string())
        .collect();
    head.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let mut rows = Vec::new();
    for l in &r.lines {
        let mut row: Vec<X> = key_cells(r, l)
            .into_iter()
            .map(|c| match c {
                Cell::Year(y) => X::Int(i64::from(y)),
                Cell::Text(t) => X::Text(t.to_string()),
                Cell::Null => X::Blank,
            })
            .collect();
        row.extend(money_row(&l.money)?);
        rows.push(row);
    }
    sheet(wb, w, tr(lang, "Report", "Rapport"), "Report", &head, rows)?;

    // Totals from the core, not Excel formulas: exact, and readable by
    // programs that do not evaluate formulas.
    let mut head = vec![tr(lang, "row", "rad").to_string()];
    head.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let mut rows = Vec::new();
    let mut sums = vec![(tr(lang, "total", "summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((tr(lang, "savings", "besparing"), s));
    }
    for (label, m) in sums {
        let mut row = vec![X::Text(label.into())];
        row.extend(money_row(m)?);
        rows.push(row);
    }
    sheet(wb, w, tr(lang, "Totals", "Summor"), "Totals", &head, rows)
}

fn counts(c: &Counts) -> [X; 4] {
    [c.woman, c.man, c.other, c.unknown].map(|n| X::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn equality_sheets(wb: &mut Workbook, w: &mut Written, e: &Equality, lang: Lang) -> Result<()> {
    let t = |en, sv| tr(lang, en, sv);
    let genders = [
        t("women", "kvinnor"),
        t("men", "män"),
        t("other", "annat"),
        t("unknown", "okänt"),
    ];
    let mut head = vec![
        t("measure", "mått").to_string(),
        t("by", "efter").to_string(),
    ];
    head.extend(genders.iter().map(|s| s.to_string()));
    let mut rows = Vec::new();
    for (measure, all, role, side) in [
        (
            t("seats", "platser"),
            &e.seats,
            &e.seats_by_role,
            &e.seats_by_side,
        ),
        (
            t("persons", "personer"),
            &e.persons,
            &e.persons_by_role,
            &e.persons_by_side,
        ),
    ] {
        for (by, c) in [
            (t("all", "alla"), all),
            (t("politicians", "politiker"), &role.politician),
            (t("officials", "tjänstepersoner"), &role.official),
            (t("majority", "majoritet"), &side.majority),
            (t("opposition", "opposition"), &side.opposition),
        ] {
            let mut row = vec![X::Text(measure.into()), X::Text(by.into())];
            row.extend(counts(c));
            rows.push(row);
        }
    }
    for (measure, a) in [
        (t("hours", "timmar").to_string(), &e.hours),
        (
            format!("{} ({})", t("time cost", "tidskostnad"), e.currency),
            &e.time_cost,
        ),
    ] {
        let mut row = vec![X::Text(measure), X::Text(t("all", "alla").into())];
        row.extend([a.woman, a.man, a.other, a.unknown].map(X::Money));
        rows.push(row);
    }
    sheet(
        wb,
        w,
        t("Equality", "Jämställdhet"),
        "Equality",
        &head,
        rows,
    )?;

    let mut head = vec![
        t("network", "nätverk").to_string(),
        t("name", "namn").into(),
    ];
    head.extend(genders.iter().map(|s| s.to_string()));
    head.push(t("balanced", "jämn").into());
    let rows = e
        .networks
        .iter()
        .map(|n| {
            let mut row = vec![X::Text(n.network.clone()), X::Text(n.name.clone())];
            row.extend(
                [n.woman, n.man, n.other, n.unknown]
                    .map(|x| X::Int(i64::try_from(x).unwrap_or(i64::MAX))),
            );
            row.push(match n.balanced {
                Some(true) => X::Text(t("yes", "ja").into()),
                Some(false) => X::Text(t("no", "nej").into()),
                None => X::Blank,
            });
            row
        })
        .collect();
    sheet(
        wb,
        w,
        t("Networks by gender", "Nätverk efter kön"),
        "Networks",
        &head,
        rows,
    )
}

fn findings_sheet(
    wb: &mut Workbook,
    w: &mut Written,
    f: &[Finding],
    ctx: &Context<'_>,
) -> Result<()> {
    let t = |en, sv| tr(ctx.lang, en, sv);
    let head: Vec<String> = [
        t("severity", "allvarlighet"),
        t("code", "kod"),
        t("path", "sökväg"),
        t("network", "nätverk"),
        t("message", "meddelande"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows = f
        .iter()
        .map(|x| {
            vec![
                X::Text(severity(x.severity).into()),
                X::Text(x.code.as_str().into()),
                X::Text(x.path.to_string()),
                match network_of(ctx.inv, &x.path) {
                    Some(n) => X::Text(n.id.clone()),
                    None => X::Blank,
                },
                X::Text(x.message_in(ctx.lang)),
            ]
        })
        .collect();
    sheet(wb, w, t("Findings", "Fynd"), "Findings", &head, rows)
}

fn save(mut wb: Workbook, out: &mut crate::atomic::AtomicFile) -> Result<()> {
    wb.save_to_writer(out).map_err(xerr)
}

/// A workbook whose row-by-row sheets keep their rows in anonymous
/// temporary files beside the output (never left behind, whatever stops
/// the run).
fn workbook(out: &crate::atomic::AtomicFile) -> Result<Workbook> {
    // The writer opens a temporary file in the system's temporary directory
    // for every sheet it creates and cannot report a failure there (it
    // would panic): check first that one can be made.
    tempfile::tempfile_in(std::env::temp_dir()).map_err(|e| {
        RenderError::Other(format!(
            "cannot write the workbook: no temporary file can be made in {} ({e}); set TMPDIR to a writable directory",
            std::env::temp_dir().display()
        ))
    })?;
    let mut wb = Workbook::new();
    wb.set_tempdir(out.dir()).map_err(xerr)?;
    Ok(wb)
}

/// A report workbook: report lines, totals, the equality statistics over
/// the same range, and the warnings of `check`.
pub fn report(
    r: &Report,
    ctx: &Context<'_>,
    out: &mut crate::atomic::AtomicFile,
) -> Result<Written> {
    let mut w = Written::default();
    let mut wb = workbook(out)?;
    report_sheets(&mut wb, &mut w, r, ctx.lang)?;
    if let Some(e) = &ctx.equality {
        equality_sheets(&mut wb, &mut w, e, ctx.lang)?;
    }
    findings_sheet(&mut wb, &mut w, &ctx.findings, ctx)?;
    save(wb, out)?;
    Ok(w)
}

/// An equality workbook, with the warnings of `check`.
pub fn equality(
    e: &Equality,
    ctx: &Context<'_>,
    out: &mut crate::atomic::AtomicFile,
) -> Result<Written> {
    let mut w = Written::default();
    let mut wb = workbook(out)?;
    equality_sheets(&mut wb, &mut w, e, ctx.lang)?;
    findings_sheet(&mut wb, &mut w, &ctx.findings, ctx)?;
    save(wb, out)?;
    Ok(w)
}

/// The findings of `check` as a workbook.
pub fn findings(
    f: &[Finding],
    ctx: &Context<'_>,
    out: &mut crate::atomic::AtomicFile,
) -> Result<Written> {
    let mut w = Written::default();
    let mut wb = workbook(out)?;
    findings_sheet(&mut wb, &mut w, f, ctx)?;
    save(wb, out)?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(w.note().unwrap().contains("32767"));
    }
}
