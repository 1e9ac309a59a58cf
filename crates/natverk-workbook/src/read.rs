//! An `.xlsx` or `.ods` workbook → sheets of cells (calamine), within the
//! limits of SPEC §9.
//!
//! A workbook is a zip of XML parts, so a small file can unpack into a
//! great deal: before anything is parsed, every part is unpacked once and
//! counted ([`MAX_UNPACKED_BASE`], [`MAX_UNPACKED_RATIO`]), and a name
//! that appears twice is an error. Then [`crate::guard`] prices what
//! calamine will build from the parts (shared strings, cell formats, an
//! `.ods`'s rectangles and text) and checks what it would silently get
//! wrong (shared-string indices, one part named twice), before calamine
//! reads them. Cells are then read one at a time and counted, with their
//! text ([`max_cells`], [`crate::max_text`]).

use std::io::{Cursor, Read};

use calamine::{DataRef, Ods, Reader, Xlsx};
use natverk::tables::{InputRow, InputSheet, Measure, SheetCell, SheetFindings};

use crate::guard::Budget;
use natverk::{Decimal, NaiveDate};

use crate::guard::Scales;

/// Unpacked size allowed for any workbook, in bytes (64 MiB) …
pub const MAX_UNPACKED_BASE: u64 = 64 * 1024 * 1024;
/// … plus this many times the file's own size (real workbooks unpack to
/// 5–15 times their size).
pub const MAX_UNPACKED_RATIO: u64 = 40;
/// Cells allowed in any workbook (2 million) …
pub const MAX_CELLS_BASE: u64 = 2_000_000;
/// … plus one cell per this many bytes of the file. The 50 000-network
/// inventory's xlsx (9.8 MB) has 1.7 million cells with a value, its ods
/// (8.3 MB) spans about 4.5 million in calamine's rectangles.
pub const BYTES_PER_CELL: u64 = 2;

/// Most cells a workbook of `len` bytes may hold: cells with a value in an
/// `.xlsx`, cells spanned by the rectangles calamine builds for an `.ods`.
pub fn max_cells(len: usize) -> u64 {
    MAX_CELLS_BASE.saturating_add(len as u64 / BYTES_PER_CELL)
}

/// The kinds of workbook read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Office Open XML (Excel).
    Xlsx,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
}

/// The sheets of a workbook, as the core reads them
/// ([`natverk::tables::from_tables`]).
///
/// # Errors
///
/// One finding when the bytes are not an `.xlsx` or `.ods` workbook (or a
/// damaged one), or when it exceeds a limit: the file's size
/// ([`natverk::limits::MAX_INPUT_BYTES`]), its unpacked size, or
/// [`max_cells`].
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<InputSheet>, SheetFindings> {
    let limit = natverk::limits::MAX_INPUT_BYTES as u64;
    if bytes.len() as u64 > limit {
        return Err(SheetFindings::too_large(limit, Measure::Bytes));
    }
    match inspect(bytes)? {
        Kind::Xlsx => {
            let scales = crate::guard::check_xlsx(bytes)?;
            read_xlsx(bytes, &scales)
        }
        Kind::Ods => {
            let scales = crate::guard::measure_ods(bytes)?;
            read_ods(bytes, &scales)
        }
    }
}

pub(crate) fn unreadable(detail: impl std::fmt::Display) -> SheetFindings {
    SheetFindings::unreadable(detail)
}

/// What the zip holds, after unpacking every part once, counting.
fn inspect(bytes: &[u8]) -> Result<Kind, SheetFindings> {
    if !crate::is_workbook(bytes) {
        return Err(unreadable(
            "it is not an .xlsx or .ods file (an old .xls, a CSV or another file)",
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
    crate::guard::part_names(&mut zip, bytes)?;
    let budget =
        MAX_UNPACKED_BASE.saturating_add((bytes.len() as u64).saturating_mul(MAX_UNPACKED_RATIO));
    let mut total: u64 = 0;
    let mut kind = None;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
        match part.name().as_deref() {
            Ok("xl/workbook.xml") => kind = kind.or(Some(Kind::Xlsx)),
            Ok("content.xml") => kind = kind.or(Some(Kind::Ods)),
            _ => {}
        }
        // The size the zip declares first (cheap), then the bytes it really
        // unpacks to (a zip may declare less than it holds).
        if total.saturating_add(part.size()) > budget {
            return Err(SheetFindings::too_large(budget, Measure::Unpacked));
        }
        let left = budget.saturating_sub(total);
        let n = std::io::copy(
            &mut (&mut part).take(left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
        total = total.saturating_add(n);
        if total > budget {
            return Err(SheetFindings::too_large(budget, Measure::Unpacked));
        }
    }
    kind.ok_or_else(|| unreadable("it is a zip file, but neither an .xlsx nor an .ods workbook"))
}

fn read_xlsx(bytes: &[u8], scales: &Scales) -> Result<Vec<InputSheet>, SheetFindings> {
    let mut budget = Budget::new(bytes.len());
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the .xlsx file is damaged ({e})")))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            // A chart sheet or a dialog sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(unreadable(format!("sheet `{name}` is damaged ({e})"))),
        };
        let mut rows: Vec<InputRow> = Vec::new();
        let shown = scales.get(&name);
        loop {
            let cell = reader
                .next_cell()
                .map_err(|e| unreadable(format!("sheet `{name}` is damaged ({e})")))?;
            let Some(cell) = cell else { break };
            let (r, c) = cell.get_position();
            let Some(value) = convert_ref(cell.get_value()) else {
                continue;
            };
            let value = scaled(value, shown.and_then(|s| s.get((r, c))));
            budget.take(&value)?;
            push(&mut rows, r.saturating_add(1), c, value);
        }
        out.push(InputSheet {
            name,
            rows: sorted(rows),
        });
    }
    Ok(out)
}

/// Adds a cell to its row: cells come row by row, so a new row is
/// appended; [`sorted`] puts rows a file lists out of order in place.
fn push(rows: &mut Vec<InputRow>, row: u32, col: u32, value: SheetCell) {
    match rows.last_mut() {
        Some(last) if last.row == row => last.cells.push((col, value)),
        _ => rows.push(InputRow {
            row,
            cells: vec![(col, value)],
        }),
    }
}

/// Rows in order, one per row number (a file may list them out of order,
/// or one row in two places): a sort, never a search per cell.
fn sorted(mut rows: Vec<InputRow>) -> Vec<InputRow> {
    if rows.windows(2).all(|w| w[0].row < w[1].row) {
        return rows;
    }
    rows.sort_by_key(|r| r.row);
    let mut out: Vec<InputRow> = Vec::with_capacity(rows.len());
    for r in rows {
        match out.last_mut() {
            Some(last) if last.row == r.row => last.cells.extend(r.cells),
            _ => out.push(r),
        }
    }
    out
}

fn read_ods(bytes: &[u8], scales: &Scales) -> Result<Vec<InputSheet>, SheetFindings> {
    let mut budget = Budget::new(bytes.len());
    let mut wb: Ods<_> = Ods::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the .ods file is damaged ({e})")))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet `{name}` is damaged ({e})")))?;
        let mut rows: Vec<InputRow> = Vec::new();
        let shown = scales.get(&name);
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            let r = r0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
            for (j, data) in row.iter().enumerate() {
                let c = c0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
                let value = match convert(data) {
                    Some(v) => scaled(v, shown.and_then(|s| s.get((r, c)))),
                    None => continue,
                };
                budget.take(&value)?;
                push(&mut rows, r.saturating_add(1), c, value);
            }
        }
        out.push(InputSheet {
            name,
            rows: sorted(rows),
        });
    }
    Ok(out)
}

/// A number cell with the decimals its number format shows (`9.500` for
/// 9.5 in the format `0.000`): the scale is restored, never a digit
/// dropped (a value with more decimals than shown keeps them).
fn scaled(cell: SheetCell, decimals: Option<u32>) -> SheetCell {
    match (cell, decimals) {
        (SheetCell::Decimal(d), Some(k)) if k > d.scale() && k <= 28 => {
            let mut w = d;
            w.rescale(k);
            SheetCell::Decimal(if w == d && w.scale() == k { w } else { d })
        }
        (cell, _) => cell,
    }
}

/// A calamine cell of an `.ods` as a cell of the core.
fn convert(d: &calamine::Data) -> Option<SheetCell> {
    use calamine::Data as D;
    Some(match d {
        D::Empty => return None,
        D::Int(i) => SheetCell::Int(*i),
        D::Float(f) => float(*f),
        D::String(s) if s.is_empty() => return None,
        D::String(s) => SheetCell::Text(s.clone()),
        D::Bool(b) => SheetCell::Bool(*b),
        D::DateTime(dt) => excel_datetime(dt),
        D::DateTimeIso(s) => iso_datetime(s),
        D::DurationIso(s) => SheetCell::Text(s.clone()),
        D::Error(e) => SheetCell::Error(e.to_string()),
    })
}

/// A calamine cell of an `.xlsx` as a cell of the core.
fn convert_ref(d: &DataRef<'_>) -> Option<SheetCell> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::Int(i) => SheetCell::Int(*i),
        DataRef::Float(f) => float(*f),
        DataRef::String(s) if s.is_empty() => return None,
        DataRef::String(s) => SheetCell::Text(s.clone()),
        DataRef::SharedString("") => return None,
        DataRef::SharedString(s) => SheetCell::Text((*s).to_string()),
        DataRef::Bool(b) => SheetCell::Bool(*b),
        DataRef::DateTime(dt) => excel_datetime(dt),
        DataRef::DateTimeIso(s) => iso_datetime(s),
        DataRef::DurationIso(s) => SheetCell::Text(s.clone()),
        DataRef::Error(e) => SheetCell::Error(e.to_string()),
    })
}

/// A number cell as the decimal a spreadsheet shows: rounded to 15
/// significant digits (the precision spreadsheets keep and display), so
/// `65000` stays `65000` and a formula's `0.1 + 0.2` is `0.3`.
pub(crate) fn float(f: f64) -> SheetCell {
    if !f.is_finite() {
        return SheetCell::Text(f.to_string());
    }
    if f == 0.0 {
        return SheetCell::Decimal(Decimal::ZERO);
    }
    let s = format!("{f:.14e}");
    let Some((mantissa, exp)) = s.split_once('e') else {
        return SheetCell::Text(f.to_string());
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let (Ok(mut m), Ok(e)) = (digits.parse::<i128>(), exp.parse::<i32>()) else {
        return SheetCell::Text(f.to_string());
    };
    // value = m × 10^(e − 14), without m's trailing zeros
    let mut shift = e - 14;
    while m != 0 && m % 10 == 0 {
        m /= 10;
        shift += 1;
    }
    let d = if shift >= 0 {
        u32::try_from(shift)
            .ok()
            .and_then(|s| 10i128.checked_pow(s))
            .and_then(|p| m.checked_mul(p))
            .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
    } else {
        u32::try_from(-shift)
            .ok()
            .filter(|s| *s <= 28)
            .and_then(|s| Decimal::try_from_i128_with_scale(m, s).ok())
    };
    match d {
        Some(d) => SheetCell::Decimal(d.normalize()),
        // Beyond what a decimal holds (1e29, 1e-20): the number as text,
        // which a number column reports as too many digits.
        None => SheetCell::Text(f.to_string()),
    }
}

/// Excel's last date serial in the 1900 date system (9999-12-31); the
/// 1904 system ends four years of days earlier.
const MAX_SERIAL: f64 = 2_958_465.0;

/// A date cell of an `.xlsx`. A serial that is no date a spreadsheet
/// shows (before 1900-01-01, after 9999-12-31, not finite: calamine would
/// silently give 1899-12-31 or 9999-12-31) is an error that names the cell.
fn excel_datetime(dt: &calamine::ExcelDateTime) -> SheetCell {
    if !dt.is_datetime() {
        return float(dt.as_f64());
    }
    let serial = dt.as_f64();
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let date = NaiveDate::from_ymd_opt(i32::from(y), u32::from(mo), u32::from(d));
    // The date read must be the serial's own, in the 1900 system (which
    // counts a 1900-02-29 that never was) or in the 1904 one.
    let in_range = serial.is_finite() && (0.0..=MAX_SERIAL).contains(&serial);
    let own = in_range
        && date.is_some_and(|date| {
            // within 0..=MAX_SERIAL: the cast is exact
            #[allow(clippy::cast_possible_truncation)]
            let day = serial.floor() as i64;
            let from = |y, m, d| {
                NaiveDate::from_ymd_opt(y, m, d).map_or(i64::MIN, |e| (date - e).num_days())
            };
            let s1900 = from(1899, 12, 30);
            let s1904 = from(1904, 1, 1);
            day == s1900 || (day < 61 && day.checked_add(1) == Some(s1900)) || day == s1904
        });
    if !own || y < 1900 {
        let shown = if serial.is_finite() {
            float(serial.floor())
        } else {
            SheetCell::Text(serial.to_string())
        };
        let shown = match shown {
            SheetCell::Decimal(d) => d.to_string(),
            SheetCell::Text(t) => t,
            other => format!("{other:?}"),
        };
        // The core tells this error from a spreadsheet's own by its
        // prefix and says what it is, with the cell's place.
        return SheetCell::Error(format!("{}{shown}", natverk::tables::DATE_OUT_OF_RANGE));
    }
    match date {
        Some(date) if (h, mi, s, ms) == (0, 0, 0, 0) => SheetCell::Date(date),
        _ => SheetCell::Text(format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")),
    }
}

/// An ISO date (`2024-03-01`, or with a midnight time) as a date cell;
/// anything else as its text, which a date column reports.
fn iso_datetime(s: &str) -> SheetCell {
    let t = s.trim();
    let day = ["T00:00:00.000", "T00:00:00", "T00:00"]
        .iter()
        .find_map(|x| t.strip_suffix(x))
        .unwrap_or(t);
    match natverk::parse_date(day) {
        Some(d) => SheetCell::Date(d),
        None => SheetCell::Text(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(c: SheetCell) -> String {
        match c {
            SheetCell::Decimal(d) => d.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn floats_as_spreadsheets_show_them() {
        assert_eq!(dec(float(65000.0)), "65000");
        assert_eq!(dec(float(0.8)), "0.8");
        assert_eq!(dec(float(0.1 + 0.2)), "0.3");
        assert_eq!(dec(float(-3.5)), "-3.5");
        assert_eq!(dec(float(123_456_789_012_345.0)), "123456789012345");
        assert_eq!(dec(float(1e20)), "100000000000000000000");
        assert_eq!(dec(float(1.5e-10)), "0.00000000015");
        assert_eq!(dec(float(0.0)), "0");
        assert!(matches!(float(1e40), SheetCell::Text(_)));
        assert!(matches!(float(1e-40), SheetCell::Text(_)));
        assert!(matches!(float(f64::NAN), SheetCell::Text(_)));
    }

    #[test]
    fn every_number_written_reads_back_the_same() {
        for s in [
            "0",
            "1",
            "65000",
            "0.8",
            "650.5",
            "0.001",
            "123456789012345",
            "99999999999999.9",
            "0.000000000000001",
            "4000.3",
            "1e-5",
        ] {
            let Ok(d) = s.parse::<Decimal>() else {
                continue;
            };
            if let Some(f) = crate::write::number(&d) {
                assert_eq!(dec(float(f)), d.to_string(), "{s}");
            }
        }
    }

    #[test]
    fn rows_out_of_order_stay_sorted() {
        let mut rows = Vec::new();
        for (r, c) in [
            (1, 0),
            (1, 1),
            (5, 0),
            (3, 0),
            (5, 1),
            (3, 2),
            (2, 0),
            (9, 0),
        ] {
            push(&mut rows, r, c, SheetCell::Int(i64::from(r)));
        }
        let rows = sorted(rows);
        let got: Vec<(u32, usize)> = rows.iter().map(|r| (r.row, r.cells.len())).collect();
        assert_eq!(got, [(1, 2), (2, 1), (3, 2), (5, 2), (9, 1)]);
    }

    #[test]
    fn not_workbooks() {
        for bytes in [
            &b"id;name\n"[..],
            b"",
            b"PK\x03\x04garbage",
            b"\xD0\xCF\x11\xE0",
        ] {
            let e = read_sheets(bytes).unwrap_err();
            assert_eq!(e.len(), 1);
            assert_eq!(e.as_slice()[0].finding.code.as_str(), "syntax");
        }
    }
}
