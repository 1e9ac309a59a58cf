//! The cells of a CSV sheet, as Excel writes and reads them (RFC 4180):
//! fields separated by a delimiter, records by LF, CRLF or CR; a field
//! that starts with `"` is quoted, may hold delimiters and line breaks,
//! and writes a quote as `""`; text after a closing quote is kept as is.
//!
//! The reader borrows from the text (a cell is copied only when it holds
//! `""`), yields one record at a time, and keeps at most `max_cells` cells
//! of a record (the rest are only counted), so a row of a million empty
//! cells costs nothing. A quote that is never closed is an error at the
//! row and column where it opens, never a silent swallow of the rest of
//! the file.

use std::borrow::Cow;

/// One record (row) of the sheet.
#[derive(Debug, Default)]
pub struct Record<'a> {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The first `max_cells` cells.
    pub cells: Vec<Cow<'a, str>>,
    /// Cells beyond `max_cells`.
    pub extra: usize,
    /// Whether any of those has more than spaces.
    pub extra_filled: bool,
}

impl Record<'_> {
    /// How many cells the row has.
    pub fn width(&self) -> usize {
        self.cells.len() + self.extra
    }
    /// Whether every cell is empty or spaces (Excel's blank rows).
    pub fn is_blank(&self) -> bool {
        !self.extra_filled && self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A quote that is never closed: the row and the cell (0-based) where it
/// opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    /// Row of the cell that opens the quote.
    pub row: usize,
    /// Index of the cell in its row.
    pub cell: usize,
}

/// Reads the records of a sheet.
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    delimiter: u8,
    row: usize,
    max_cells: usize,
}

impl<'a> Records<'a> {
    /// Records of `text`, cells separated by `delimiter` (an ASCII byte).
    pub fn new(text: &'a str, delimiter: u8, max_cells: usize) -> Records<'a> {
        Records {
            text,
            pos: 0,
            delimiter,
            row: 0,
            max_cells,
        }
    }

    /// Where the next field ends: the delimiter, a line break, or the end.
    fn field_end(&self, from: usize) -> usize {
        let d = self.delimiter;
        self.text.as_bytes()[from..]
            .iter()
            .position(|&b| b == d || b == b'\n' || b == b'\r')
            .map_or(self.text.len(), |i| from + i)
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Unclosed>;

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let bytes = text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        self.row += 1;
        let mut rec = Record {
            row: self.row,
            ..Record::default()
        };
        loop {
            let value: Cow<'a, str> = if bytes.get(self.pos) == Some(&b'"') {
                let mut owned = String::new();
                let mut seg = self.pos + 1;
                let mut at = seg;
                loop {
                    match bytes[at..].iter().position(|&b| b == b'"') {
                        None => {
                            let cell = rec.width();
                            self.pos = bytes.len();
                            return Some(Err(Unclosed { row: rec.row, cell }));
                        }
                        Some(i) if bytes.get(at + i + 1) == Some(&b'"') => {
                            // `""` is one quote
                            owned.push_str(&text[seg..=at + i]);
                            at += i + 2;
                            seg = at;
                        }
                        Some(i) => {
                            owned.push_str(&text[seg..at + i]);
                            self.pos = at + i + 1;
                            break;
                        }
                    }
                }
                // Text after the closing quote is kept, as Excel does.
                let end = self.field_end(self.pos);
                owned.push_str(&text[self.pos..end]);
                self.pos = end;
                Cow::Owned(owned)
            } else {
                let end = self.field_end(self.pos);
                let v = Cow::Borrowed(&text[self.pos..end]);
                self.pos = end;
                v
            };
            if rec.cells.len() < self.max_cells {
                rec.cells.push(value);
            } else {
                rec.extra += 1;
                rec.extra_filled |= !value.trim().is_empty();
            }
            match bytes.get(self.pos) {
                None => break,
                Some(&b) if b == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(_) => {
                    // '\n'
                    self.pos += 1;
                    break;
                }
            }
        }
        Some(Ok(rec))
    }
}

/// The delimiter: whichever of `;`, `,` and tab the header row has most of
/// (outside quotes); `;` on a tie, as Swedish Excel writes it.
pub fn sniff(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if b == *d {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().max_by_key(|(_, n)| *n).copied();
    match best {
        Some((_, 0)) | None => b',',
        Some((d, n)) if d != b';' && counts[0].1 == n => b';',
        Some((d, _)) => d,
    }
}

/// The row and cell (0-based) at the end of `prefix`: where a byte that
/// follows it sits in the sheet.
pub fn position_after(prefix: &str, delimiter: u8) -> (usize, usize) {
    let mut last = None;
    for r in Records::new(prefix, delimiter, usize::MAX) {
        match r {
            Ok(rec) => last = Some((rec.row, rec.width().saturating_sub(1))),
            Err(u) => return (u.row, u.cell),
        }
    }
    match last {
        None => (1, 0),
        // The prefix ends a row: the byte starts the next one.
        Some((row, _)) if prefix.ends_with(['\n', '\r']) => (row + 1, 0),
        Some(p) => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: u8) -> Vec<Vec<String>> {
        Records::new(text, d, usize::MAX)
            .map(|r| r.unwrap().cells.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn reads_what_excel_writes() {
        assert_eq!(rows("a;b\r\nc;d\r\n", b';'), [["a", "b"], ["c", "d"]]);
        assert_eq!(rows("a,b\nc,d", b','), [["a", "b"], ["c", "d"]]);
        assert_eq!(rows("a\rb\r", b','), [["a"], ["b"]]);
        assert_eq!(
            rows("\"x;y\";\"two\nlines\";\"say \"\"hi\"\"\"\n", b';'),
            [["x;y", "two\nlines", "say \"hi\""]]
        );
        assert_eq!(rows("a;;\n;\n", b';'), [vec!["a", "", ""], vec!["", ""]]);
        assert_eq!(rows("\"q\"rest;b", b';'), [["qrest", "b"]]);
        assert_eq!(rows("in\"side;b", b';'), [["in\"side", "b"]]);
        assert_eq!(rows("\"\"", b';'), [[""]]);
        assert!(rows("", b';').is_empty());
    }

    #[test]
    fn an_unclosed_quote_is_an_error_where_it_opens() {
        let mut r = Records::new("id;name\na;\"open\nb;c\n", b';', usize::MAX);
        assert!(r.next().unwrap().is_ok());
        assert_eq!(r.next().unwrap().unwrap_err(), Unclosed { row: 2, cell: 1 });
        assert!(r.next().is_none());
    }

    #[test]
    fn keeps_only_the_cells_asked_for() {
        let mut r = Records::new("a;b;;;x\n", b';', 2);
        let rec = r.next().unwrap().unwrap();
        assert_eq!(rec.cells, ["a", "b"]);
        assert_eq!((rec.extra, rec.extra_filled, rec.width()), (3, true, 5));
        let rec = Records::new(" ; ;;", b';', 1).next().unwrap().unwrap();
        assert!(rec.is_blank());
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff("id;name;start\r\na;b;c"), b';');
        assert_eq!(sniff("id,name,start\na,b,c"), b',');
        assert_eq!(sniff("id\tname\tstart\n"), b'\t');
        assert_eq!(sniff("\"a;b\",c,d\n"), b',');
        assert_eq!(sniff("id;name,x;y,z\n"), b';');
        assert_eq!(sniff("id\n"), b',');
    }

    #[test]
    fn finds_the_cell_of_a_position() {
        assert_eq!(position_after("", b';'), (1, 0));
        assert_eq!(position_after("id;na", b';'), (1, 1));
        assert_eq!(position_after("id;name\n", b';'), (2, 0));
        assert_eq!(position_after("id;name\na;b;", b';'), (2, 2));
        assert_eq!(position_after("id;name\na;\"x\ny", b';'), (2, 1));
    }
}
