//! Tidy CSV: one header row, one observation per row, plain decimals
//! (`65000.00`, no grouping marks), comma-separated, UTF-8 without BOM.
//!
//! A report has its group keys (and `name` after `network`) then the nine
//! money fields; totals are left out (they are the sums of the columns; the
//! JSON format carries them). The equality statistics are one row per
//! measure and breakdown (`seats`/`persons` by `all`, role or side;
//! `hours`, `time_cost`), then one row per network, with the counts by
//! gender in columns. Findings: `code,severity,path,line,column,message`.
//!
//! CSV is for programs, so its headers are the JSON keys and its words the
//! format's (`seats`, `politician`, `true`), in English whatever `--lang`
//! says (SPEC §11: codes and JSON keys stay English; DESIGN.md, "Outputs for
//! people"); only the findings' messages, which are for people, follow
//! `--lang`.
//!
//! Every text that comes from the file (keys, names, paths, messages) goes
//! through [`crate::text::csv_cell`], so no cell can become a spreadsheet
//! formula. Rows are written as they are produced.

use std::io::Write;

use natverk::money::fmt2;
use natverk::present::Message;
use natverk::{Amounts, Counts, GroupKey, KeyValue, Lang};
use natverk::{Equality, Findings, Report};

use super::{RenderError, Result};
use crate::text::csv_cell;

fn err(e: csv::Error) -> RenderError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => RenderError::Io(e),
        k => RenderError::Other(
            Message::new(&crate::messages::CANNOT_WRITE_CSV).with("detail", format!("{k:?}")),
        ),
    }
}

/// The key columns of a report, as JSON keys: each group key, with `name`
/// after `network` (the columns of the core's table, by key).
fn key_columns(r: &Report) -> Vec<&'static str> {
    let mut cols = Vec::new();
    for k in &r.by {
        cols.push(k.as_str());
        if *k == GroupKey::Network {
            cols.push("name");
        }
    }
    cols
}

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .buffer_capacity(64 * 1024)
        .from_writer(out)
}

fn finish(mut w: csv::Writer<&mut dyn Write>) -> Result<()> {
    w.flush()?;
    Ok(())
}

/// A report as tidy CSV.
pub fn report(r: &Report, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
    let mut head: Vec<&str> = key_columns(r);
    head.extend(natverk::money::MONEY_FIELDS);
    w.write_record(&head).map_err(err)?;
    let mut row: Vec<String> = Vec::with_capacity(head.len());
    for l in &r.lines {
        row.clear();
        for (k, v) in r.by.iter().zip(&l.keys) {
            row.push(match v {
                KeyValue::Year(y) => y.to_string(),
                KeyValue::Text(t) => csv_cell(t).into_owned(),
                _ => String::new(),
            });
            if *k == GroupKey::Network {
                row.push(
                    l.name
                        .as_deref()
                        .map(csv_cell)
                        .unwrap_or_default()
                        .into_owned(),
                );
            }
        }
        row.extend(l.money.fields().iter().map(|(_, v)| fmt2(*v)));
        w.write_record(&row).map_err(err)?;
    }
    finish(w)
}

/// A comparison as tidy CSV: a row per network, with the nine money
/// fields of the old file, the new one and the change (`old_fees`, …,
/// `change_expected_net`).
pub fn diff(d: &natverk::Diff, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
    let mut head: Vec<String> = vec!["network".into(), "name".into()];
    for side in ["old", "new", "change"] {
        head.extend(
            natverk::money::MONEY_FIELDS
                .iter()
                .map(|f| format!("{side}_{f}")),
        );
    }
    w.write_record(&head).map_err(err)?;
    for l in &d.lines {
        let mut row = vec![
            csv_cell(&l.network).into_owned(),
            csv_cell(&l.name).into_owned(),
        ];
        for m in [&l.sides.old, &l.sides.new, &l.sides.change] {
            row.extend(m.fields().iter().map(|(_, v)| fmt2(*v)));
        }
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
pub fn equality(e: &Equality, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
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
        w.write_record(&row).map_err(err)
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
        put(measure, "all", counts(all))?;
        put(measure, "politician", counts(&role.politician))?;
        put(measure, "official", counts(&role.official))?;
        put(measure, "majority", counts(&side.majority))?;
        put(measure, "opposition", counts(&side.opposition))?;
    }
    put("hours", "all", amounts(&e.hours))?;
    put("time_cost", "all", amounts(&e.time_cost))?;
    for n in &e.networks {
        let mut row = vec![
            "network".to_string(),
            String::new(),
            csv_cell(&n.network).into_owned(),
            csv_cell(&n.name).into_owned(),
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

/// Findings as CSV: code, severity, path, line, column, message (the
/// message in `lang`).
pub fn findings(f: &Findings, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
    w.write_record(["code", "severity", "path", "line", "column", "message"])
        .map_err(err)?;
    for x in f.iter() {
        let opt = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        w.write_record([
            x.code.as_str(),
            severity(x.severity),
            &csv_cell(&x.path.to_string()),
            &opt(x.line),
            &opt(x.column),
            &csv_cell(&x.message_in(lang)),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `error` or `warning`.
pub fn severity(s: natverk::Severity) -> &'static str {
    match s {
        natverk::Severity::Error => "error",
        natverk::Severity::Warning => "warning",
    }
}
