//! Sheets → an `.xlsx` workbook (rust_xlsxwriter).

use natverk::present::{label, Lang};
use natverk::tables::{
    cell_word, column_letter, column_name, column_words, sheet_name, ColumnKind, Sheet, SheetCell,
    INSTRUCTIONS, LAYOUT,
};
use natverk::{Decimal, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder, Formula,
    Note, Workbook, Worksheet, XlsxError,
};

use crate::Error;

/// Last row of a sheet, from 0 (Excel's 1 048 576th).
const LAST_ROW: u32 = 1_048_575;
/// Longest text a cell holds, in UTF-16 units.
const MAX_TEXT: usize = 32_767;
/// Widest and narrowest columns, in characters.
const MAX_WIDTH: usize = 50;
const MIN_WIDTH: usize = 8;
/// Rows looked at to size a column.
const WIDTH_SAMPLE: usize = 2_000;

fn xlsx(e: XlsxError) -> Error {
    Error::Write(format!("cannot write the workbook: {e}"))
}

struct Formats {
    heading: Format,
    text: Format,
    date: Format,
    title: Format,
    bold: Format,
    bold_top: Format,
    wrap: Format,
    /// `0.0`, `0.00`, … by decimals (index 0 unused).
    fixed: Vec<Format>,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            heading: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDD_E6_F0))
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            bold_top: Format::new()
                .set_bold()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            wrap: Format::new()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            fixed: (0..=28)
                .map(|k| Format::new().set_num_format(format!("0.{}", "0".repeat(k))))
                .collect(),
        }
    }
}

/// The workbook of `sheets` (every sheet of the layout, rows or none).
pub(crate) fn workbook(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, Error> {
    catch_write_panic(|| workbook_unguarded(sheets, lang)).map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?
}

fn workbook_unguarded(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, Error> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    instructions(wb.add_worksheet(), lang, &f).map_err(xlsx)?;
    for (i, s) in sheets.iter().enumerate() {
        // "Low memory" sheets write their rows to a temporary file as they
        // go (a 50 000-network inventory would otherwise hold every cell in
        // memory); where no temporary file can be made, an ordinary sheet.
        // In WebAssembly there are no files (and the low-memory call would
        // panic "no filesystem on this platform" instead of failing).
        #[cfg(not(target_arch = "wasm32"))]
        let low_memory = wb.add_worksheet_with_low_memory().is_ok();
        #[cfg(target_arch = "wasm32")]
        let low_memory = false;
        let ws = if low_memory {
            wb.worksheet_from_index(i + 1).map_err(xlsx)?
        } else {
            wb.add_worksheet()
        };
        sheet(ws, s, lang, &f)?;
    }
    wb.save_to_buffer().map_err(xlsx)
}

/// A decimal as a number cell, when the number reads back as exactly the
/// same decimal: at most 15 significant digits (what every spreadsheet
/// keeps) and the float's shortest text is the decimal's text (`65000`,
/// `0.8`; not `65000.50`, whose scale a float forgets).
pub(crate) fn number(d: &Decimal) -> Option<f64> {
    let s = d.to_string();
    if d.is_zero() && d.is_sign_negative() {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.trim_start_matches('0').len() > 15 {
        return None;
    }
    let f: f64 = s.parse().ok()?;
    (format!("{f}") == s).then_some(f)
}

/// A decimal as a number cell, and the decimals its number format must
/// show, when its text would not read back as exactly this decimal: a
/// text with three decimals after a whole part (`9.500`) could be
/// thousands (SPEC §10: the import refuses to guess), so it is the number
/// 9.5 shown as `0.000`, which the reader restores to `9.500` from the
/// format (`read::scaled`). `None`: a text cell ([`decimal_text`]).
pub(crate) fn number_and_scale(d: &Decimal) -> Option<(f64, Option<u32>)> {
    if let Some(x) = number(d) {
        return Some((x, None));
    }
    if reads_back(&d.to_string(), d) {
        return None;
    }
    let n = d.normalize();
    number(&n).map(|x| (x, Some(d.scale())))
}

/// Whether a text cell `text` is read back as exactly `d`, scale and all.
fn reads_back(text: &str, d: &Decimal) -> bool {
    natverk::tables::parse_cell_decimal(text)
        .is_ok_and(|back| back == *d && back.scale() == d.scale())
}

/// A decimal as a text cell that reads back exactly: its digits, with
/// the whole part grouped by spaces where the plain digits would be
/// ambiguous (`1 234 567 890 123 456.780`, never `…456.780`).
pub(crate) fn decimal_text(d: &Decimal) -> String {
    let plain = d.to_string();
    if reads_back(&plain, d) {
        return plain;
    }
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (whole, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let text = if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    };
    if reads_back(&text, d) {
        text
    } else {
        plain
    }
}

/// A whole number as a number cell when it has at most 15 digits.
fn int_number(i: i64) -> Option<f64> {
    (i.unsigned_abs() < 1_000_000_000_000_000).then(|| {
        // Exact: below 2^53.
        #[allow(clippy::cast_precision_loss)]
        let f = i as f64;
        f
    })
}

/// Dates from 1 March 1900 on are date cells (before it, Excel's
/// calendar is off by a day: its 29 February 1900 never was).
fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    if d < first {
        return None;
    }
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

fn text_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn sheet(ws: &mut Worksheet, s: &Sheet, lang: Lang, f: &Formats) -> Result<(), Error> {
    let info = s.info();
    let name = sheet_name(s.key, lang);
    ws.set_name(name).map_err(xlsx)?;
    let too_many = u32::try_from(s.rows.len()).map_or(true, |n| n > LAST_ROW);
    if too_many {
        return Err(Error::Write(format!(
            "sheet `{name}` would have {} rows; a sheet holds at most {LAST_ROW}: split the inventory",
            s.rows.len()
        )));
    }
    let mut widths: Vec<usize> = Vec::with_capacity(info.columns.len());
    for (c, col) in info.columns.iter().enumerate() {
        let c16 = u16::try_from(c).map_err(|_| Error::Write("too many columns".into()))?;
        let heading = column_name(s.key, col.key, lang);
        ws.write_string_with_format(0, c16, &heading, &f.heading)
            .map_err(xlsx)?;
        widths.push(heading.chars().count());
        match col.kind {
            ColumnKind::Date => {
                ws.set_column_format(c16, &f.date).map_err(xlsx)?;
            }
            ColumnKind::Decimal | ColumnKind::Int | ColumnKind::Year | ColumnKind::Bool => {}
            _ => {
                ws.set_column_format(c16, &f.text).map_err(xlsx)?;
            }
        }
        if let Some(dv) = validation(col.kind, lang).map_err(xlsx)? {
            ws.add_data_validation(1, c16, LAST_ROW, c16, &dv)
                .map_err(xlsx)?;
        }
        // A column that needs a word of explanation (benefit, via, covers,
        // share, probability, per, part of year) says it in a comment on
        // its heading, in the vocabulary's words.
        if let Some(help) = column_help(s.key, col.key, lang) {
            let note = Note::new(help)
                .set_width(360)
                .set_height(140)
                .add_author_prefix(false);
            ws.insert_note(0, c16, &note).map_err(xlsx)?;
        }
    }
    for (i, row) in s.rows.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(LAST_ROW);
        for (c, (cell, col)) in row.iter().zip(info.columns).enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            let shown = match cell {
                SheetCell::Empty => continue,
                SheetCell::Text(t) => {
                    let t = match col.kind {
                        ColumnKind::Word(prefix, _) => cell_word(prefix, t, lang),
                        _ => t.clone(),
                    };
                    if text_len(&t) > MAX_TEXT {
                        return Err(Error::Write(format!(
                            "the text on sheet `{name}`, row {}, column `{}` is {} characters long; a spreadsheet cell holds at most {MAX_TEXT}: shorten it",
                            r + 1,
                            column_name(s.key, col.key, lang),
                            t.chars().count()
                        )));
                    }
                    if !t.is_empty() {
                        // Always a text cell: never a formula, never a number.
                        ws.write_string(r, c16, &t).map_err(xlsx)?;
                    }
                    t.chars().count()
                }
                SheetCell::Decimal(d) => {
                    match number_and_scale(d) {
                        Some((x, None)) => ws.write_number(r, c16, x).map_err(xlsx)?,
                        Some((x, Some(k))) => {
                            let format = f.fixed.get(k as usize).unwrap_or(&f.text);
                            ws.write_number_with_format(r, c16, x, format)
                                .map_err(xlsx)?
                        }
                        None => ws.write_string(r, c16, decimal_text(d)).map_err(xlsx)?,
                    };
                    d.to_string().len()
                }
                SheetCell::Int(i) => {
                    match int_number(*i) {
                        Some(x) => ws.write_number(r, c16, x).map_err(xlsx)?,
                        None => ws.write_string(r, c16, i.to_string()).map_err(xlsx)?,
                    };
                    i.to_string().len()
                }
                SheetCell::Date(d) => {
                    match excel_date(*d) {
                        Some(x) => ws
                            .write_datetime_with_format(r, c16, &x, &f.date)
                            .map_err(xlsx)?,
                        None => ws
                            .write_string(r, c16, d.format("%Y-%m-%d").to_string())
                            .map_err(xlsx)?,
                    };
                    10
                }
                SheetCell::Bool(b) => {
                    ws.write_boolean(r, c16, *b).map_err(xlsx)?;
                    5
                }
                SheetCell::Error(e) => {
                    ws.write_string(r, c16, e).map_err(xlsx)?;
                    e.chars().count()
                }
                // A cell kind this writer does not know: its text.
                #[allow(unreachable_patterns)]
                _ => continue,
            };
            if i < WIDTH_SAMPLE {
                widths[c] = widths[c].max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let c16 = u16::try_from(c).unwrap_or(u16::MAX);
        let w = u32::try_from((*w + 2).clamp(MIN_WIDTH, MAX_WIDTH)).unwrap_or(20);
        ws.set_column_width(c16, w).map_err(xlsx)?;
    }
    let last_col = u16::try_from(info.columns.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(s.rows.len()).unwrap_or(LAST_ROW);
    ws.set_freeze_panes(1, 0).map_err(xlsx)?;
    ws.autofilter(0, 0, last_row, last_col).map_err(xlsx)?;
    Ok(())
}

/// The drop-down list of a column: the words of an enum in `lang`, or the
/// ids of the sheet a reference column names.
fn validation(kind: ColumnKind, lang: Lang) -> Result<Option<DataValidation>, XlsxError> {
    let dv = match kind {
        ColumnKind::Word(prefix, _) => {
            DataValidation::new().allow_list_strings(&column_words(prefix, lang))?
        }
        ColumnKind::Ref(target) => {
            let Some(t) = LAYOUT.iter().find(|s| s.key == target) else {
                return Ok(None);
            };
            let letter = column_letter(u32::try_from(t.column("id").unwrap_or(0)).unwrap_or(0));
            let range = format!(
                "'{}'!${letter}$2:${letter}${}",
                sheet_name(target, lang),
                LAST_ROW + 1
            );
            DataValidation::new().allow_list_formula(Formula::new(range))
        }
        _ => return Ok(None),
    };
    // A warning, not a stop: the importer also takes the other language's
    // words and checks every value itself.
    Ok(Some(
        dv.set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title(label("workbook.list.title", lang))?
            .set_error_message(label("workbook.list.message", lang))?,
    ))
}

/// The explanation of a column (`workbook.help.SHEET.COLUMN` in the
/// vocabulary), for its heading's comment and the sheet of instructions.
pub(crate) fn column_help(sheet: &str, column: &str, lang: Lang) -> Option<&'static str> {
    let key = format!("workbook.help.{sheet}.{column}");
    natverk::present::vocabulary(lang)
        .find(|(k, _)| *k == key)
        .map(|(_, t)| t)
}

/// Height of a row holding `text` wrapped in a column of about `width`
/// characters (spreadsheets do not grow rows for wrapped text by
/// themselves when they open a file).
fn wrapped_height(text: &str, width: usize) -> f64 {
    let lines = text.chars().count().div_ceil(width).max(1);
    // 15 points a line at the default 11-point font (integer points: no
    // float arithmetic; a layout figure, not money).
    f64::from(u32::try_from(lines * 15).unwrap_or(409))
}

/// The first sheet: what the workbook is and how to fill it in.
fn instructions(ws: &mut Worksheet, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(INSTRUCTIONS, lang))?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 100)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let mut r = 0u32;
    ws.write_string_with_format(r, 0, label("workbook.readme.title", lang), &f.title)?;
    r += 2;
    let intro = label("workbook.readme.intro", lang);
    ws.merge_range(r, 0, r, 1, intro, &f.wrap)?;
    ws.set_row_height(r, wrapped_height(intro, 110))?;
    r += 2;
    ws.write_string_with_format(r, 0, label("workbook.readme.sheets", lang), &f.bold)?;
    r += 1;
    let line =
        |ws: &mut Worksheet, r: u32, a: &str, b: &str, bold: bool| -> Result<(), XlsxError> {
            if bold {
                ws.write_string_with_format(r, 0, a, &f.bold_top)?;
            } else {
                ws.write_string_with_format(r, 0, a, &f.wrap)?;
            }
            ws.write_string_with_format(r, 1, b, &f.wrap)?;
            ws.set_row_height(r, wrapped_height(b, 95))?;
            Ok(())
        };
    for s in LAYOUT {
        let key = format!("workbook.readme.sheet.{}", s.key);
        line(ws, r, sheet_name(s.key, lang), label(&key, lang), true)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, label("workbook.readme.cells", lang), &f.bold)?;
    r += 1;
    for k in [
        "headings",
        "dates",
        "numbers",
        "booleans",
        "lists",
        "subjects",
        "empty",
        "typed",
        "this_sheet",
    ] {
        line(
            ws,
            r,
            "•",
            label(&format!("workbook.readme.cell.{k}"), lang),
            false,
        )?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, label("workbook.readme.columns", lang), &f.bold)?;
    r += 1;
    for s in LAYOUT {
        for c in s.columns {
            if let Some(help) = column_help(s.key, c.key, lang) {
                let name = format!(
                    "{} ({})",
                    column_name(s.key, c.key, lang),
                    sheet_name(s.key, lang)
                );
                line(ws, r, &name, help, true)?;
                r += 1;
            }
        }
    }
    r += 1;
    ws.write_string_with_format(r, 0, label("workbook.readme.commands", lang), &f.bold)?;
    r += 1;
    for k in ["import", "check", "report", "export"] {
        line(
            ws,
            r,
            "",
            label(&format!("workbook.readme.command.{k}"), lang),
            false,
        )?;
        r += 1;
    }
    ws.set_active(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_only_when_exact() {
        let n = |s: &str| number(&s.parse::<Decimal>().unwrap());
        assert_eq!(n("65000"), Some(65000.0));
        assert_eq!(n("0.8"), Some(0.8));
        assert_eq!(n("0"), Some(0.0));
        assert_eq!(n("123456789012345"), Some(123_456_789_012_345.0));
        assert_eq!(n("65000.50"), None, "the scale would be lost");
        assert_eq!(n("1.0"), None);
        assert_eq!(n("1234567890123456"), None, "16 digits");
        assert_eq!(n("12345678901234567890"), None);
        assert_eq!(n("0.1000000000000000055511151231257827"), None);
        let minus_zero: Decimal = "-0".parse().unwrap();
        if minus_zero.to_string() == "-0" {
            assert_eq!(n("-0"), None);
        }
        assert_eq!(int_number(2024), Some(2024.0));
        assert_eq!(int_number(1_000_000_000_000_000), None);
    }

    #[test]
    fn no_decimal_is_written_as_an_ambiguous_text() {
        let w = |s: &str| {
            let d: Decimal = s.parse().unwrap();
            match number_and_scale(&d) {
                Some((x, k)) => format!("{x} {k:?}"),
                None => decimal_text(&d),
            }
        };
        assert_eq!(w("9.500"), "9.5 Some(3)");
        assert_eq!(w("-1.250"), "-1.25 Some(3)");
        assert_eq!(w("1.000"), "1 Some(3)");
        assert_eq!(
            w("650.50"),
            "650.50",
            "not ambiguous: a text cell, as before"
        );
        assert_eq!(w("0.500"), "0.500");
        assert_eq!(w("0.8"), "0.8 None");
        assert_eq!(w("1234567890123456.780"), "1 234 567 890 123 456.780");
        assert_eq!(w("-1234567890123456.780"), "-1 234 567 890 123 456.780");
        assert_eq!(w("12345678901234567890.12"), "12345678901234567890.12");
    }

    #[test]
    fn dates_before_march_1900_are_text() {
        assert!(excel_date(NaiveDate::from_ymd_opt(1900, 2, 28).unwrap()).is_none());
        assert!(excel_date(NaiveDate::from_ymd_opt(1900, 3, 1).unwrap()).is_some());
        assert!(excel_date(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()).is_some());
        assert!(excel_date(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()).is_none());
    }
}

/// What rust_xlsxwriter's panic on a failed write of a worksheet's
/// temporary file begins with ("Couldn't write to xml file: Os { … }").
const WRITE_PANIC: &str = "Couldn't write to xml file";

std::thread_local! {
    /// Set by the panic hook when the panic is rust_xlsxwriter's failed
    /// write, for [`catch_write_panic`] on the same thread.
    static WRITE_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic is rust_xlsxwriter's on a failed write: its own
/// message, or an `unwrap` of an operating system's error in its code
/// (it copies a sheet's temporary file into the zip with `unwrap`).
fn is_write_panic(text: &str, file: Option<&str>) -> bool {
    text.starts_with(WRITE_PANIC)
        || (file.is_some_and(|f| f.contains("rust_xlsxwriter")) && text.contains("Os { code:"))
}

/// Runs `f`, which writes a workbook with rust_xlsxwriter, and turns the
/// writer's panic on a failed write (a full disk or a file-size limit
/// while it writes a sheet's rows to a temporary file or copies them into
/// the zip: it has no error for either) into the operating system's
/// error. Any other panic goes on.
///
/// The first call also installs a panic hook, in front of the one already
/// there, that keeps that one panic's message off stderr: it is reported
/// as an error instead.
///
/// # Errors
///
/// The operating system's error for the failed write (when the panic does
/// not carry one, [`std::io::ErrorKind::Other`] with the writer's words).
pub fn catch_write_panic<T>(f: impl FnOnce() -> T) -> Result<T, std::io::Error> {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let text = panic_text(info.payload()).unwrap_or_default();
            if is_write_panic(text, info.location().map(|l| l.file())) {
                WRITE_FAILED.with(|w| w.set(true));
            } else {
                previous(info);
            }
        }));
    });
    WRITE_FAILED.with(|w| w.set(false));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => Ok(v),
        Err(payload) => {
            let failed = WRITE_FAILED.with(|w| w.replace(false));
            match panic_text(payload.as_ref()) {
                Some(t) if failed || t.starts_with(WRITE_PANIC) => Err(os_error(t)),
                _ => std::panic::resume_unwind(payload),
            }
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
}

/// The error in the writer's panic text (`…: Os { code: 28, … }`).
fn os_error(text: &str) -> std::io::Error {
    let code = text.split_once("code: ").and_then(|(_, rest)| {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<i32>().ok()
    });
    match code {
        Some(c) => std::io::Error::from_raw_os_error(c),
        None => std::io::Error::other(text.to_string()),
    }
}

#[cfg(test)]
mod panic_tests {
    use super::*;

    #[test]
    fn the_writers_panic_is_the_os_error() {
        let e = catch_write_panic::<()>(|| {
            panic!("{WRITE_PANIC}: Os {{ code: 28, kind: StorageFull, message: \"No space left on device\" }}")
        })
        .unwrap_err();
        assert_eq!(e.raw_os_error(), Some(28));
        assert_eq!(catch_write_panic(|| 5).unwrap(), 5);
        let other =
            std::panic::catch_unwind(|| catch_write_panic::<()>(|| panic!("something else")));
        assert!(other.is_err(), "another panic goes on");
    }
}
