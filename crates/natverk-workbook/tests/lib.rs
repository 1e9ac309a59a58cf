//! Tests of the workbook (SPEC §10), one binary.
//!
//! - `roundtrip`: the Göteborg example through xlsx in both languages, the
//!   template, columns in another order, cells as officials type them.
//! - `properties`: `import(export(x))` is x on generated inventories
//!   (proptest over every field and its edges, `gen`).
//! - `libreoffice`: the export saved by LibreOffice as ods and back as xlsx
//!   imports to the same inventory.
//! - `limits`: damaged, foreign and oversized files give one finding.
//! - `strangers`: each cause of issue 20 on a small crafted file.

mod explained;
mod gen;
mod libreoffice;
mod limits;
mod properties;
mod roundtrip;
mod strangers;

use std::path::PathBuf;

use natverk::tables::{InputSheet, SheetCell};
use natverk::Inventory;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn goteborg() -> Inventory {
    let text = std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap();
    Inventory::from_json(&text).unwrap()
}

/// A cell of a test workbook, as an official's spreadsheet may hold it.
#[derive(Debug, Clone)]
pub enum W {
    /// A text cell.
    S(String),
    /// A number cell.
    N(f64),
    /// TRUE or FALSE.
    B(bool),
    /// A date cell (year, month, day).
    D(u16, u8, u8),
    /// A formula with its cached result (a number).
    F(&'static str, &'static str),
}

/// Writes sheets of test cells as an xlsx, cells at their grid positions.
pub fn xlsx(sheets: &[(String, Vec<Vec<Option<W>>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    None => {}
                    Some(W::S(s)) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Some(W::N(x)) => {
                        ws.write_number(r, c, *x).unwrap();
                    }
                    Some(W::B(b)) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    Some(W::D(y, m, d)) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    Some(W::F(f, v)) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(*v))
                            .unwrap();
                    }
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Sheets read from a workbook as test cells again (to rearrange them).
pub fn grid(sheets: &[InputSheet]) -> Vec<(String, Vec<Vec<Option<W>>>)> {
    use chrono::Datelike;
    sheets
        .iter()
        .map(|s| {
            let height = s.rows.iter().map(|r| r.row).max().unwrap_or(0) as usize;
            let mut rows: Vec<Vec<Option<W>>> = vec![Vec::new(); height];
            for r in &s.rows {
                let row = &mut rows[r.row as usize - 1];
                for (c, cell) in &r.cells {
                    let c = *c as usize;
                    if row.len() <= c {
                        row.resize(c + 1, None);
                    }
                    row[c] = Some(match cell {
                        SheetCell::Text(t) => W::S(t.clone()),
                        SheetCell::Decimal(d) => match d.to_string().parse::<f64>() {
                            Ok(f) if format!("{f}") == d.to_string() => W::N(f),
                            _ => W::S(d.to_string()),
                        },
                        SheetCell::Int(i) => W::N(*i as f64),
                        SheetCell::Bool(b) => W::B(*b),
                        SheetCell::Date(d) => W::D(d.year() as u16, d.month() as u8, d.day() as u8),
                        other => W::S(format!("{other:?}")),
                    });
                }
            }
            (s.name.clone(), rows)
        })
        .collect()
}
