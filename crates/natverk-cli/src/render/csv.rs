//! Tidy CSV: one header row, one observation per row, plain decimals
//! (`65000.00`, no grouping marks), comma-separated, UTF-8 without BOM.
//!
//! A report has its group keys (and `name` after `network`) then the nine
//! money fields; totals are left out (they are the sums of the columns; the
//! JSON format carries them). The equality statistics are one row per
//! measure and breakdown (`seats`/`persons` by `all`, role or side;
//! `hours`, `time_cost`), then one row per network, with the counts by
//! gender in columns.

use natverk::money::fmt2;
use natverk::{Amounts, Counts};
use natverk::{Equality, Findings, Report};

use super::{key_cells, key_columns, Cell};

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, String> {
    let bytes = w
        .into_inner()
        .map_err(|e| format!("cannot write CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write CSV: {e}"))
}

/// A text from the file, safe to open in a spreadsheet: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
/// formula by Excel or LibreOffice, so it gets a leading `'` (OWASP's advice
/// for CSV injection). Money and counts are written by natverk and never
/// need it.
fn text(s: &str) -> String {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn err(e: csv::Error) -> String {
    format!("cannot write CSV: {e}")
}

/// A report as tidy CSV.
pub fn report(r: &Report) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head: Vec<&str> = key_columns(r);
    head.extend(natverk::money::MONEY_FIELDS);
    w.write_record(&head).map_err(err)?;
    for l in &r.lines {
        let mut row: Vec<String> = key_cells(r, l)
            .iter()
            .map(|c| match c {
                Cell::Year(y) => y.to_string(),
                Cell::Text(t) => text(t),
                Cell::Null => String::new(),
            })
            .collect();
        row.extend(l.money.fields().iter().map(|(_, v)| fmt2(*v)));
        w.write_record(&row).map_err(err)?;
    }
    finish(w)
}

fn counts(c: &Counts) -> [String; 4] {
    [c.woman, c.man, c.other, c.unknown].map(|n| n.to_string())
}

fn amounts(a: &Amounts) -> [String; 4] {
    [a.woman, a.man, a.other, a.unknown].map(fmt2)
}

/// Equality statistics as tidy CSV.
pub fn equality(e: &Equality) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "measure", "by", "network", "name", "woman", "man", "other", "unknown", "balanced",
    ])
    .map_err(err)?;
    let mut put = |measure: &str, by: &str, cells: [String; 4]| {
        let mut row = vec![
            measure.to_string(),
            by.to_string(),
            String::new(),
            String::new(),
        ];
        row.extend(cells);
        row.push(String::new());
        w.write_record(&row)
    };
    for (measure, all, role, side) in [
        ("seats", &e.seats, &e.seats_by_role, &e.seats_by_side),
        (
            "persons",
            &e.persons,
            &e.persons_by_role,
            &e.persons_by_side,
        ),
    ] {
        put(measure, "all", counts(all)).map_err(err)?;
        put(measure, "politician", counts(&role.politician)).map_err(err)?;
        put(measure, "official", counts(&role.official)).map_err(err)?;
        put(measure, "majority", counts(&side.majority)).map_err(err)?;
        put(measure, "opposition", counts(&side.opposition)).map_err(err)?;
    }
    put("hours", "all", amounts(&e.hours)).map_err(err)?;
    put("time_cost", "all", amounts(&e.time_cost)).map_err(err)?;
    for n in &e.networks {
        let mut row = vec![
            "network".to_string(),
            String::new(),
            text(&n.network),
            text(&n.name),
        ];
        row.extend([n.woman, n.man, n.other, n.unknown].map(|x| x.to_string()));
        row.push(match n.balanced {
            Some(b) => b.to_string(),
            None => String::new(),
        });
        w.write_record(&row).map_err(err)?;
    }
    finish(w)
}

/// Findings as CSV: code, severity, path, line, column, message.
pub fn findings(f: &Findings) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["code", "severity", "path", "line", "column", "message"])
        .map_err(err)?;
    for x in f {
        let opt = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        w.write_record([
            x.code.as_str().to_string(),
            severity(x.severity).into(),
            x.path.to_string(),
            opt(x.line),
            opt(x.column),
            x.message.to_string(),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `error` or `warning`.
pub fn severity(s: natverk::Severity) -> &'static str {
    s.as_str()
}
