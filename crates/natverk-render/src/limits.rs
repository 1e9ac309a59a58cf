//! The limits of the CSV import and of Excel (SPEC §9), shared by the
//! command line (whose own limits are in `natverk_cli::limits`) and the app.

/// Most data rows (networks) of one imported sheet. A network costs the
/// importer and the core about 2 KB of memory whatever its row's size, so a
/// sheet of short rows is bounded by its row count, not by its bytes: at
/// this limit the import needs ~200 MB. A national inventory has ~50 000.
pub const MAX_IMPORT_ROWS: usize = 100_000;

/// Most cells in the header row of an imported sheet (the importer knows
/// 15 columns; Excel often adds empty ones).
pub const MAX_IMPORT_COLUMNS: usize = 256;

/// Most problems of an imported sheet that are listed; the rest are
/// counted ("… and 12 more problems"), so a sheet of bad rows cannot make
/// the list of problems larger than memory.
pub const MAX_PROBLEMS_SHOWN: usize = 1000;

/// Longest text in an Excel cell (Excel's own limit, in characters).
pub const XLSX_MAX_TEXT: usize = 32_767;

/// Most data rows in one Excel sheet (Excel's 1 048 576 rows, less the
/// header row).
pub const XLSX_MAX_ROWS: u64 = 1_048_575;

/// `1234567` → `1 234 567`, for limits in messages.
pub fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1 000");
        assert_eq!(group(12_345_678), "12 345 678");
    }
}
