//! The text of a sheet, decoded by its byte-order mark (SPEC §9):
//!
//! - `EF BB BF`: UTF-8 ("CSV UTF-8" in Excel); a byte that is not UTF-8 is
//!   an error.
//! - `FF FE` / `FE FF`: UTF-16, little or big endian (Excel's "Unicode
//!   text"); a lone surrogate is an error.
//! - No mark: UTF-8 when the bytes are UTF-8. When they are not UTF-8 at
//!   all (no character beyond ASCII is valid UTF-8), Windows-1252, Excel's
//!   plain "CSV" on a Swedish Windows, with a note. When they are mostly
//!   UTF-8 with a stray bad byte, an error naming the row, the column and
//!   the byte: guessing would turn every `ö` into `Ã¶`.

use std::borrow::Cow;

/// A byte (or UTF-16 unit) that does not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadByte {
    /// Offset of the first bad byte in the file.
    pub offset: usize,
    /// The bad bytes, as written in the message (`0xA0`, `0xD83D`).
    pub bytes: String,
    /// The encoding the rest of the file is in.
    pub encoding: &'static str,
    /// The text before the bad byte, to find its row and column.
    pub before: String,
}

/// Decoded text and, when the encoding was guessed, a note for the user.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Said to the user whether the import succeeds or not.
    pub note: Option<natverk::present::Message>,
}

/// Windows-1252 bytes 0x80–0x9F (Excel's "CSV" in Swedish Windows); the
/// five bytes it leaves undefined stay the C1 controls of the same number.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn utf8(bytes: &[u8], offset: usize) -> Result<&str, BadByte> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let len = e.error_len().unwrap_or(bytes.len() - at).max(1);
        BadByte {
            offset: offset + at,
            bytes: bytes[at..at + len]
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect::<Vec<_>>()
                .join(" "),
            encoding: "UTF-8",
            // valid by construction
            before: String::from_utf8_lossy(&bytes[..at]).into_owned(),
        }
    })
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, BadByte> {
    let units = bytes.chunks(2).map(|c| match (c, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        // an odd last byte: not UTF-16; a value no char decodes from
        _ => 0xDC00,
    });
    let mut out = String::with_capacity(bytes.len() / 2 * 3 / 2);
    // UTF-16 units read so far (a character beyond the BMP takes two).
    let mut at = 0usize;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                at += c.len_utf16();
            }
            Err(e) => {
                return Err(BadByte {
                    offset: 2 + at * 2,
                    bytes: format!("0x{:04X}", e.unpaired_surrogate()),
                    encoding: "UTF-16",
                    before: out,
                })
            }
        }
    }
    Ok(out)
}

/// Decodes a sheet (see the module docs).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, BadByte> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3).map(|s| Decoded {
            text: Cow::Borrowed(s),
            note: None,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false).map(|s| Decoded {
            text: Cow::Owned(s),
            note: None,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true).map(|s| Decoded {
            text: Cow::Owned(s),
            note: None,
        });
    }
    match utf8(bytes, 0) {
        Ok(s) => Ok(Decoded {
            text: Cow::Borrowed(s),
            note: None,
        }),
        Err(bad) => {
            let some_utf8 = bytes
                .utf8_chunks()
                .any(|c| c.valid().bytes().any(|b| b >= 0x80));
            if some_utf8 {
                return Err(bad);
            }
            Ok(Decoded {
                text: Cow::Owned(
                    bytes
                        .iter()
                        .map(|&b| match b {
                            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                            _ => char::from(b),
                        })
                        .collect(),
                ),
                note: Some(natverk::present::Message::new(&crate::messages::NOT_UTF8)),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_a_mark() {
        let d = decode("id;namn\nå;ö\n".as_bytes()).ok().unwrap();
        assert_eq!(d.text, "id;namn\nå;ö\n");
        assert!(d.note.is_none());
        let d = decode(b"\xEF\xBB\xBFid").ok().unwrap();
        assert_eq!(d.text, "id");
    }

    #[test]
    fn windows_1252_only_when_nothing_is_utf8() {
        let d = decode(b"F\xf6rvaltning \x80").ok().unwrap();
        assert_eq!(d.text, "Förvaltning €");
        assert!(d.note.is_some());
    }

    #[test]
    fn a_stray_byte_in_utf8_is_an_error_with_its_place() {
        let bytes = "id;namn\na;Göteborg\nb;x\u{0}\u{a0}"
            .as_bytes()
            .iter()
            .map(|&b| if b == 0 { 0xA0 } else { b })
            .collect::<Vec<u8>>();
        let e = decode(&bytes).err().unwrap();
        assert_eq!(e.bytes, "0xA0");
        assert_eq!(e.encoding, "UTF-8");
        assert_eq!(e.before, "id;namn\na;Göteborg\nb;x");
        assert_eq!(e.offset, e.before.len());
        // With a mark, any bad byte is an error.
        let e = decode(b"\xEF\xBB\xBFid;n\xf6").err().unwrap();
        assert_eq!((e.offset, e.before.as_str()), (7, "id;n"));
    }

    #[test]
    fn utf16_by_its_mark() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("id\tnamn\nå".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).ok().unwrap().text, "id\tnamn\nå");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ö€𝄞".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).ok().unwrap().text, "ö€𝄞");
        let lone: Vec<u8> = [0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, b'b', 0].to_vec();
        let e = decode(&lone).err().unwrap();
        assert_eq!(
            (e.bytes.as_str(), e.before.as_str(), e.offset),
            ("0xD83D", "a", 4)
        );
        // after a character of two units, the offset counts both
        let mut after: Vec<u8> = vec![0xFF, 0xFE];
        after.extend("𝄞".encode_utf16().flat_map(u16::to_le_bytes));
        after.extend([0x3D, 0xD8, b'b', 0]);
        assert_eq!(decode(&after).err().unwrap().offset, 6);
    }
}
