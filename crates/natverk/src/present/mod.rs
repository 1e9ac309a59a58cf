//! Everything written for people, in Swedish and English (SPEC §11).
//!
//! One vocabulary names every label, heading, enum word and unit once
//! ([`vocabulary`], [`label`]); every finding message is a [`Message`]
//! made from a template that exists in both languages; [`Report::table`]
//! and [`Equality::tables`] give the rows and columns that people see, so
//! the command line, the Python notebook display and the widget show the
//! same words for the same thing.
//!
//! [`Report::table`]: crate::Report::table
//! [`Equality::tables`]: crate::Equality::tables

mod lang;
mod message;
pub(crate) mod messages;
mod tables;
pub(crate) mod vocabulary;

pub use lang::{Lang, ParseLangError};
pub use message::Message;
#[doc(hidden)]
pub use message::{Arg, Found, Template};
#[doc(hidden)]
pub use tables::years;
pub use tables::{overview, Align, Column, DisplayCell, Table};
pub use vocabulary::{label, vocabulary};

/// A vocabulary label with the vocabulary's lifetime (empty if unknown).
pub(crate) fn static_label(key: &str, lang: Lang) -> &'static str {
    vocabulary::static_label(key, lang).unwrap_or("")
}

/// The word for a currency in `lang`, as amounts and captions write it
/// (`kr` for SEK in Swedish, `SEK` in English); the code itself when the
/// vocabulary has no word for it.
///
/// ```
/// use natverk::{present::currency_word, Lang};
/// assert_eq!(currency_word("SEK", Lang::Sv), "kr");
/// assert_eq!(currency_word("NOK", Lang::Sv), "NOK");
/// ```
pub fn currency_word(code: &str, lang: Lang) -> String {
    let key = format!("currency.{}", code.to_ascii_lowercase());
    match vocabulary::static_label(&key, lang) {
        Some(word) => word.to_string(),
        None => code.to_string(),
    }
}

/// The lines of a report the widget shows before the reader asks for all of
/// them, pre-rendered (natverk-render) and in its module (`widget.js`, from
/// the generated `vocabulary.js`): the same rows, so the module adopts the
/// pre-rendered ones (DESIGN.md, "How many lines the widget shows first").
pub const PAGE_LINES: usize = 25;

/// The money columns a report shows when the reader has chosen none (the
/// widget, pre-rendered or not): the fees, the staff time, the gross cost,
/// what was granted and the net cost. Each is one of
/// [`crate::money::MONEY_FIELDS`].
pub const DEFAULT_MONEY_COLUMNS: [&str; 5] = ["fees", "time", "gross", "granted", "net"];

/// Every message template of the findings, in both languages.
#[doc(hidden)]
pub fn templates() -> &'static [&'static Template] {
    messages::ALL
}

/// Fills `{name}` placeholders of a text with values (no escaping).
#[doc(hidden)]
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A counted phrase: the label `key.one` for 1, else `key.many`, with
/// `{n}` filled in (`1 problem`, `3 problems`).
#[doc(hidden)]
pub fn count_text(key: &str, n: usize, lang: Lang) -> String {
    let form = if n == 1 { "one" } else { "many" };
    let k = format!("{key}.{form}");
    fill(
        label(&k, lang),
        &[("n", &crate::money::fmt_count(n as u64, lang))],
    )
}
