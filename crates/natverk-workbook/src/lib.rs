//! # natverk-workbook — the whole inventory in a workbook (SPEC §10)
//!
//! Officials keep the inventory in Excel or LibreOffice. This crate writes
//! a `natverk/1` inventory as one workbook and reads it back without loss:
//!
//! - [`export`] writes an `.xlsx`: a sheet of instructions first, then one
//!   sheet per list of SPEC §10 (`organisation`, `population`, `units`,
//!   `people`, `fee_schedules`, `tiers`, `exchange_rates`, `networks`,
//!   `participants`, `costs`, `financing`), one row per item in file order.
//!   Sheet and column names are exactly §10's with [`Lang::En`] and plain
//!   Swedish with [`Lang::Sv`]. Enum and reference columns carry drop-down
//!   lists, header rows are frozen and filtered, dates are date cells
//!   (`yyyy-mm-dd`), and a decimal is a number cell only when the number
//!   reads back as exactly the same decimal (else text), so no digit is
//!   lost to a binary float. Text is always a text cell, never a formula.
//! - [`template`] writes the same workbook without rows, to fill in.
//! - [`import`] reads an `.xlsx` or `.ods` (any column order, names in
//!   either language, any case; a formula cell by its cached value) into a
//!   validated [`Inventory`], or fails with every bad cell at once, each
//!   with its sheet, row, column and JSON path ([`SheetFindings`]).
//!
//! The cells ↔ inventory mapping is the core's ([`natverk::tables`]), so a
//! workbook, Python's `Inventory.tables()` and a DataFrame never disagree,
//! and every rule of the format is checked by the core, once.
//!
//! ```
//! use natverk::{Inventory, Lang};
//!
//! let inv = Inventory::from_json(r#"{"format": "natverk/1",
//!   "organisation": {"name": "Göteborgs Stad", "currency": "SEK"},
//!   "networks": [{"id": "skr", "name": "SKR", "start": "2024-03-01",
//!                 "costs": [{"kind": "fee", "amount": "65000.50"}]}]}"#).unwrap();
//! let xlsx = natverk_workbook::export(inv.data(), Lang::Sv)?;
//! let back = natverk_workbook::import_bytes(&xlsx)?;
//! assert_eq!(back.inventory.to_json(), inv.to_json());
//! # Ok::<(), natverk_workbook::Error>(())
//! ```
#![deny(missing_docs)]

pub mod file;
mod guard;
mod read;
mod write;

use std::path::{Path, PathBuf};

pub use natverk::tables::{Imported, SheetFinding, SheetFindings};
use natverk::{Inventory, InventoryData, Lang};

pub use guard::{max_text, MAX_STYLE_BYTES, MAX_TEXT_BASE, TEXT_PER_BYTE};
pub use read::{
    max_cells, read_sheets, Kind, BYTES_PER_CELL, MAX_CELLS_BASE, MAX_UNPACKED_BASE,
    MAX_UNPACKED_RATIO,
};
pub use write::catch_write_panic;

/// Why a workbook could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The workbook has problems: every bad cell, with its sheet, row,
    /// column and JSON path (or it is not a workbook at all, or too large).
    #[error("{0}")]
    Invalid(SheetFindings),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The inventory cannot be written as a workbook (a text longer than a
    /// cell holds, 32 767 characters, or more rows than a sheet holds).
    #[error("{0}")]
    Write(String),
    /// The target of a write is not a regular file or a new name (a
    /// symbolic link, a directory, a FIFO, a device): left untouched.
    #[error("{}: refusing to write to {}: give the name of a regular file", path.display(), kind.as_str())]
    Refused {
        /// The file.
        path: PathBuf,
        /// What it is.
        kind: file::TargetKind,
    },
}

impl Error {
    /// The findings, when the workbook has problems.
    pub fn findings(&self) -> Option<&SheetFindings> {
        match self {
            Error::Invalid(f) => Some(f),
            _ => None,
        }
    }
}

/// Writes an inventory as an `.xlsx` workbook (SPEC §10) in `lang`.
///
/// The data need not be valid; what it holds is written as it is.
///
/// # Errors
///
/// [`Error::Write`] when a text is longer than a spreadsheet cell holds
/// (32 767 characters) or a list has more rows than a sheet holds
/// (1 048 575), naming where.
///
/// # Example
///
/// ```
/// use natverk::{InventoryData, Lang, Organisation};
/// let data = InventoryData::new(Organisation::new("Göteborgs Stad", "SEK"));
/// let xlsx = natverk_workbook::export(&data, Lang::En)?;
/// assert_eq!(&xlsx[..2], b"PK"); // a zip, as every xlsx
/// # Ok::<(), natverk_workbook::Error>(())
/// ```
pub fn export(data: &InventoryData, lang: Lang) -> Result<Vec<u8>, Error> {
    write::workbook(&natverk::tables::tables(data), lang)
}

/// Writes an inventory as an `.xlsx` workbook to `writer`.
///
/// # Errors
///
/// As [`export`], and [`Error::Io`] (path `-`) when writing fails.
pub fn export_to<W: std::io::Write>(
    data: &InventoryData,
    mut writer: W,
    lang: Lang,
) -> Result<(), Error> {
    let bytes = export(data, lang)?;
    writer.write_all(&bytes).map_err(|source| Error::Io {
        path: PathBuf::from("-"),
        source,
    })
}

/// Writes an inventory as an `.xlsx` workbook to a file, as SPEC §9 asks
/// of `-o` ([`file::write_atomic`]): a temporary file beside it renamed
/// over it, so a failed write leaves the file as it was and no temporary
/// file; a symbolic link, a directory, a FIFO or a device is refused.
///
/// # Errors
///
/// As [`export`]; [`Error::Refused`] for a target that is not a regular
/// file or a new name (checked before the work too); [`Error::Io`] when
/// the file cannot be written.
pub fn export_file(inv: &Inventory, path: &Path, lang: Lang) -> Result<(), Error> {
    let refused = |kind| Error::Refused {
        path: path.to_path_buf(),
        kind,
    };
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(kind) = file::target_kind(path).map_err(io)? {
        return Err(refused(kind));
    }
    let bytes = export(inv.data(), lang)?;
    file::write_atomic(path, &bytes).map_err(|e| match e {
        file::WriteError::Refused { kind, .. } => refused(kind),
        file::WriteError::Io { source, .. } => io(source),
    })
}

/// An empty workbook to fill in: the instructions, and every sheet with
/// its headings, drop-down lists and formats, but no rows.
///
/// # Errors
///
/// [`Error::Write`] only if the writer itself fails (it does not for the
/// fixed content of a template).
pub fn template(lang: Lang) -> Result<Vec<u8>, Error> {
    let sheets: Vec<natverk::tables::Sheet> =
        natverk::tables::tables(&InventoryData::new(natverk::Organisation::new("", "")))
            .into_iter()
            .map(|mut s| {
                s.rows.clear();
                s
            })
            .collect();
    write::workbook(&sheets, lang)
}

/// Reads a workbook file (`.xlsx` or `.ods`, told by its content) into a
/// valid inventory.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::Invalid`] with
/// every problem at once when it is not a workbook, is larger than the
/// limits ([`natverk::limits::MAX_INPUT_BYTES`], [`max_cells`],
/// [`max_text`], unpacked size, shared strings, cell formats, rows and
/// networks: see [`natverk::tables::from_tables_within`]) or has bad
/// cells (see [`natverk::tables::from_tables`]); at most
/// [`natverk::limits::max_findings`] findings are listed, the rest
/// counted.
pub fn import(path: &Path) -> Result<Imported, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    let limit = natverk::limits::MAX_INPUT_BYTES as u64;
    if meta.len() > limit {
        return Err(Error::Invalid(SheetFindings::too_large(
            limit,
            natverk::tables::Measure::Bytes,
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    import_bytes(&bytes)
}

/// Whether a file's bytes are a workbook: `.xlsx` and `.ods` are zip
/// files, and a zip starts with a local file header. The one test of a
/// file's kind by its content, for every frontend (the command line, the
/// app, Python's `load` and `merge`); anything else is read as JSON (or,
/// where a frontend takes it, CSV).
///
/// ```
/// assert!(natverk_workbook::is_workbook(b"PK\x03\x04..."));
/// assert!(!natverk_workbook::is_workbook(br#"{"format": "natverk/1"}"#));
/// ```
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a workbook (`.xlsx` or `.ods`) from its bytes into a valid
/// inventory.
///
/// # Errors
///
/// As [`import`], without I/O.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, Error> {
    let sheets = read_sheets(bytes).map_err(Error::Invalid)?;
    natverk::tables::from_tables_within(&sheets, bytes.len())
        .map_err(|f| Error::Invalid(f.with_networks(&sheets)))
}
