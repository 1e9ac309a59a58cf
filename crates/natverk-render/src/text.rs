//! Text from the file, made safe for where it is shown (SPEC §9). One
//! function per danger, used by every output:
//!
//! - [`for_people`]: control characters (ESC, BEL, CR, NUL, line breaks, …)
//!   and the invisible direction overrides are shown escaped (`\u{1b}`), so a
//!   name cannot move the cursor, ring the bell, recolour the terminal or
//!   break a table row. Used by the table output and every plain message.
//! - [`csv_cell`]: a cell a spreadsheet would read as a formula gets a
//!   leading `'`. Used by every CSV output.
//! - [`clip`]: a value quoted in a message is cut to [`CLIP_CHARS`]
//!   characters, so a message never grows with the input.

use std::borrow::Cow;
use std::fmt::Write as _;

/// How many characters of a value a message quotes (the core clips at the
/// same length).
pub const CLIP_CHARS: usize = 40;

/// Whether a character must not reach a terminal raw: C0 and C1 controls,
/// DEL, the line and paragraph separators, and the bidirectional controls
/// that can make text read differently from what it is ("Trojan source").
fn unsafe_for_people(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'
                ..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}'
        )
}

/// Text for people: every control character escaped as `\u{1b}`.
///
/// Borrows when there is nothing to escape (the usual case).
pub fn for_people(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_for_people) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_for_people(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// come first: `=`, `+`, `-`, `@` (and their full-width forms, which some
/// spreadsheets normalise), and tab, CR or LF before them (OWASP's list for
/// CSV injection).
fn formula_start(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\t'
            | '\r'
            | '\n'
            | '\u{ff1d}'
            | '\u{ff0b}'
            | '\u{ff0d}'
            | '\u{ff20}'
    )
}

/// A cell for a CSV file, safe to open in a spreadsheet: a text whose first
/// character, after any spaces, would start a formula gets a leading `'`.
/// Money and counts are written by natverk and never need it; every text
/// that comes from the file goes through here.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    match s.trim_start_matches([' ', '\u{a0}']).chars().next() {
        Some(c) if formula_start(c) => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// A value to quote in a message: at most [`CLIP_CHARS`] characters, with
/// `…` and the full length when cut, and escaped for people.
pub fn clip(s: &str) -> String {
    let mut chars = s.char_indices();
    match chars.nth(CLIP_CHARS) {
        None => for_people(s).into_owned(),
        Some((cut, _)) => {
            let total = s.chars().count();
            format!("{}… ({total} characters)", for_people(&s[..cut]))
        }
    }
}

/// The first `n` characters of `s` (for comparing a long text cheaply).
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((cut, _)) => &s[..cut],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_for_people() {
        assert_eq!(for_people("Göteborg"), "Göteborg");
        assert!(matches!(for_people("plain"), Cow::Borrowed(_)));
        assert_eq!(
            for_people("a\u{1b}[31mb\u{7}c\rd\0e\nf\u{9b}g\u{202e}h\u{7f}"),
            "a\\u{1b}[31mb\\u{7}c\\u{d}d\\u{0}e\\u{a}f\\u{9b}g\\u{202e}h\\u{7f}"
        );
        // Nothing raw is left: no control character survives.
        let s = (0u32..0x200).filter_map(char::from_u32).collect::<String>();
        assert!(!for_people(&s).chars().any(unsafe_for_people));
    }

    #[test]
    fn formulas_are_neutralised() {
        for f in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-1+2",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            " =1",
            "\u{a0}=1",
            "＝1",
        ] {
            assert_eq!(csv_cell(f), format!("'{f}"), "{f:?}");
        }
        for ok in ["Göteborg", "a=b", "1-2", "", " ", "'=already"] {
            assert_eq!(csv_cell(ok), ok, "{ok:?}");
        }
    }

    #[test]
    fn long_values_are_clipped() {
        assert_eq!(clip("short"), "short");
        let long = "x".repeat(1000);
        let c = clip(&long);
        assert!(c.starts_with(&"x".repeat(CLIP_CHARS)));
        assert!(c.ends_with("… (1000 characters)"), "{c}");
        assert_eq!(clip("a\u{1b}b"), "a\\u{1b}b");
        assert_eq!(prefix("åäö", 2), "åä");
        assert_eq!(prefix("å", 5), "å");
    }
}
