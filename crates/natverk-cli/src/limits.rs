//! Every limit of the command line, in one place (SPEC §9).
//!
//! The bound: every command, on any input of n bytes, finishes within
//! 2 s + 1 s per MB with at most 256 MB + 10 × n of memory, or stops before
//! the work with a finding that names the limit and how to ask for less
//! (exit 1). The core bounds loading, reports and checks; the command line
//! bounds what it adds: reading files, importing sheets and rendering
//! outputs. Each limit below is a base that any input gets plus an
//! allowance per input byte, measured on a shared 2-core machine so that
//! the work stays well inside the bound (DESIGN.md, "Limits").

use std::path::Path;

use natverk::present::{Arg, Message};
use natverk::{Code, Finding};

use crate::messages as m;

use crate::cli::Format;
pub use natverk_render::limits::*;

/// The largest input file (JSON or sheet), checked before it is read: the
/// core's limit.
pub const MAX_INPUT_BYTES: u64 = natverk::limits::MAX_INPUT_BYTES as u64;

/// Output size of one format: `base` cells for any input, plus
/// `per_mb` cells per megabyte (10⁶ bytes) of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Cells any input may produce.
    pub base: u64,
    /// More cells per MB of input.
    pub per_mb: u64,
}

impl Budget {
    /// The cells allowed for an input of `input_bytes`.
    pub fn cells(self, input_bytes: u64) -> u64 {
        self.base
            .saturating_add(self.per_mb.saturating_mul(input_bytes) / 1_000_000)
    }
}

/// The output budget of each format, in cells (a report line has its key
/// columns and nine money cells). Every format is written as it is
/// produced (streaming; xlsx row by row through a temporary file), so the
/// budget is set by time: rendering costs about 0.15 µs a cell for csv
/// and md, 0.25 µs for json and table (which reads its rows twice), 0.3 µs
/// for html and 1.3 µs for xlsx on the 2-core machine, so the base budget
/// of each renders in about a third of a second, and leaves most of the
/// bound to the core's own work (which takes about 3.5 µs a report line
/// today). Measured in `tests/hostile` (DESIGN.md, "Limits").
pub fn budget(format: Format, what: What) -> Budget {
    let b = base_budget(format);
    match (what, format) {
        // The findings of `check` grow with the file, not with options: a
        // file that is all errors has about one finding per two bytes (six
        // cells). Listing every one is what `check` is for (SPEC §6), so
        // its allowance per MB covers that, in the formats that stream.
        (What::Check, Format::Xlsx) => b,
        (What::Check, _) => Budget {
            base: b.base,
            per_mb: 3_000_000,
        },
        _ => b,
    }
}

fn base_budget(format: Format) -> Budget {
    match format {
        Format::Csv | Format::Md => Budget {
            base: 2_000_000,
            per_mb: 1_000_000,
        },
        Format::Json | Format::Table => Budget {
            base: 1_500_000,
            per_mb: 750_000,
        },
        Format::Html | Format::Widget => Budget {
            base: 1_000_000,
            per_mb: 500_000,
        },
        Format::Xlsx => Budget {
            base: 400_000,
            per_mb: 200_000,
        },
    }
}

/// The size of an output, estimated before it is rendered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    /// Rows of the largest table (an Excel sheet holds at most
    /// [`XLSX_MAX_ROWS`]).
    pub rows: u64,
    /// Cells of every table together.
    pub cells: u64,
}

impl Size {
    /// Adds a table of `rows` × `cols`.
    pub fn table(self, rows: usize, cols: usize) -> Size {
        let rows = rows as u64;
        Size {
            rows: self.rows.max(rows),
            cells: self.cells.saturating_add(rows.saturating_mul(cols as u64)),
        }
    }
}

/// What a command outputs, for the message of the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A cost report.
    Report,
    /// Equality statistics.
    Equality,
    /// The findings of `check`.
    Check,
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Md => "md",
        Format::Html => "html",
        Format::Xlsx => "xlsx",
        Format::Widget => "widget",
    }
}

/// Checks an output's size before it is rendered: `Err` is the limit
/// finding (exit 1).
pub fn check_output(
    format: Format,
    what: What,
    size: Size,
    input_bytes: u64,
) -> Result<(), Finding> {
    let max = budget(format, what).cells(input_bytes);
    let rows_ok = format != Format::Xlsx || size.rows <= XLSX_MAX_ROWS;
    if size.cells <= max && rows_ok {
        return Ok(());
    }
    let ask = match what {
        What::Report => &m::ASK_REPORT,
        What::Equality => &m::ASK_EQUALITY,
        What::Check => &m::ASK_CHECK,
    };
    let larger = match format {
        Format::Csv | Format::Md => Message::new(&m::OR_NOTHING),
        _ => Message::new(&m::OR_CSV)
            .with("limit", group(budget(Format::Csv, what).cells(input_bytes))),
    };
    let name = format_name(format);
    let message = if rows_ok {
        Message::new(&m::OUTPUT_CELLS)
            .with("cells", group(size.cells))
            .with("rows", group(size.rows))
            .with("limit", group(max))
            .with("format", name)
    } else {
        Message::new(&m::OUTPUT_ROWS)
            .with("rows", group(size.rows))
            .with("limit", group(XLSX_MAX_ROWS))
    }
    .arg("ask", Arg::Message(Box::new(Message::new(ask))))
    .arg("larger", Arg::Message(Box::new(larger)));
    Err(Finding::new(
        Code::InvalidValue,
        natverk::Path::root().key("options").key("format"),
        message,
    ))
}

/// The message for an input over [`MAX_INPUT_BYTES`].
pub fn too_large_input(path: &Path, size: Option<u64>) -> Message {
    let size = match size {
        Some(s) => Message::new(&m::SIZE_BYTES).with("n", group(s)),
        None => Message::new(&m::SIZE_STREAM).with("n", group(MAX_INPUT_BYTES)),
    };
    Message::new(&m::INPUT_TOO_LARGE)
        .with("file", crate::text::clip(&path.display().to_string()))
        .arg("size", Arg::Message(Box::new(size)))
        .with("limit", group(MAX_INPUT_BYTES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_grow_with_the_input() {
        for f in [
            Format::Table,
            Format::Json,
            Format::Csv,
            Format::Md,
            Format::Html,
            Format::Xlsx,
        ] {
            let b = budget(f, What::Report);
            assert!(b.cells(10_000_000) > b.cells(0));
            assert!(check_output(f, What::Report, Size::default().table(10, 11), 0).is_ok());
            let e = check_output(f, What::Report, Size::default().table(10_000_000, 11), 0)
                .unwrap_err();
            assert!(e.message.contains("limit"), "{}", e.message);
            assert!(e.message.contains("--by"), "{}", e.message);
        }
    }

    #[test]
    fn the_findings_of_a_file_full_of_errors_are_listed() {
        // 1 MB of `1,` in a list of units: 500 000 findings, 6 cells each
        let s = Size::default().table(500_000, 6);
        for f in [Format::Json, Format::Csv, Format::Table, Format::Md] {
            assert!(check_output(f, What::Check, s, 1_000_000).is_ok());
        }
        assert!(check_output(Format::Xlsx, What::Check, s, 1_000_000).is_err());
    }

    #[test]
    fn excel_rows_are_limited() {
        let s = Size::default().table(2_000_000, 1);
        let e = check_output(Format::Xlsx, What::Check, s, 500_000_000).unwrap_err();
        assert!(e.message.contains("Excel's limit"), "{}", e.message);
    }
}
