use std::fmt;

use super::{label, Lang};

/// A message template in both languages, with `{name}` placeholders.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable name of the template (e.g. `not_empty`).
    pub key: &'static str,
    /// English text.
    pub en: &'static str,
    /// Swedish text.
    pub sv: &'static str,
}

impl Template {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            // Empty only in a build without the feature `vocabulary`, for
            // a message that build never shows in Swedish (messages.rs).
            Lang::Sv if !self.sv.is_empty() => self.sv,
            Lang::Sv | Lang::En => self.en,
        }
    }
}

/// What was found where something else was expected, described for people.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Found {
    /// A string (clipped).
    Str(String),
    /// A number, as written (clipped).
    Num(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A list.
    Array,
    /// An object.
    Object,
}

impl Found {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::Str(s), Lang::En) => format!("the string \"{s}\""),
            (Found::Str(s), Lang::Sv) => format!("texten \"{s}\""),
            (Found::Num(n), Lang::En) => format!("the number {n}"),
            (Found::Num(n), Lang::Sv) => format!("talet {n}"),
            (Found::Bool(b), _) => b.to_string(),
            (Found::Null, _) => "null".into(),
            (Found::Array, Lang::En) => "an array".into(),
            (Found::Array, Lang::Sv) => "en lista".into(),
            (Found::Object, Lang::En) => "an object".into(),
            (Found::Object, Lang::Sv) => "ett objekt".into(),
        }
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is in every language (ids, keys, numbers, dates).
    Text(String),
    /// A word of the vocabulary, by key, shown in the message's language.
    Label(&'static str),
    /// What was found.
    Found(Found),
    /// Another message.
    Message(Box<Message>),
    /// A place in a workbook (sheet, row, column), said in the message's
    /// language.
    Place(Box<crate::tables::Place>),
    /// Not a value: a key of the file format that the template names in
    /// backquotes (`` `side` ``), and the word the reader's file uses for
    /// it (a workbook's column or sheet as the official wrote it, SPEC
    /// §10); see [`Message::renamed`]. Boxed, so that a message is no
    /// larger for it.
    Rename(Box<(&'static str, String)>),
}

/// A message for people: a [`Template`] and its values. Its `Display` is
/// English; [`Message::text`] gives either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    template: &'static Template,
    args: Vec<(&'static str, Arg)>,
}

/// Whether messages say a workbook's own words for the format's keys
/// ([`Message::renamed`]): only with the feature `vocabulary`, which
/// carries the workbook's words (the widget's lean module reads JSON only,
/// and has neither; issue 27).
const RENAMES: bool = cfg!(feature = "vocabulary");

impl Message {
    /// A message from a template, without values.
    pub fn new(template: &'static Template) -> Message {
        Message {
            template,
            args: Vec::new(),
        }
    }
    /// Adds a text value for `{name}`.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }
    /// Adds any value for `{name}`.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Message {
        self.args.push((name, value));
        self
    }
    /// Adds a vocabulary word for `{name}`.
    pub fn label(self, name: &'static str, key: &'static str) -> Message {
        self.arg(name, Arg::Label(key))
    }
    /// Says the key `` `key` `` of the file format, where the template
    /// names it, as `` `word` `` (a workbook's own column or sheet name).
    pub fn renamed(mut self, key: &'static str, word: impl Into<String>) -> Message {
        let word = word.into();
        if word != key {
            self.args.push(("", Arg::Rename(Box::new((key, word)))));
        }
        self
    }
    /// The template.
    pub fn template(&self) -> &'static Template {
        self.template
    }
    /// The values, by placeholder name.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        // One pass over the arguments, without a filter (the widget's
        // module has one collecting loop less, issue 27): a rename is no
        // value, and its name `}` is never a placeholder's (a placeholder
        // ends at the first `}`), so `fill` never uses it.
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, a)| match a {
                // A key of the format given as a value (`{key}`), in
                // the reader's words too.
                Arg::Text(t) if RENAMES && *k == "key" => {
                    (*k, self.renamed_key(t).unwrap_or(t).to_string())
                }
                Arg::Text(t) => (*k, t.clone()),
                Arg::Label(key) => (*k, label(key, lang).to_string()),
                Arg::Found(f) => (*k, f.text(lang)),
                Arg::Message(m) => (*k, m.text(lang)),
                Arg::Place(p) => (*k, p.text(lang)),
                Arg::Rename(_) => ("}", String::new()),
            })
            .collect();
        let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // Keys are renamed in the template only, never in the values.
        let mut t = std::borrow::Cow::Borrowed(self.template.text(lang));
        for (_, a) in self.args.iter().filter(|_| RENAMES) {
            if let Arg::Rename(r) = a {
                let (key, word) = &**r;
                t = t.replace(&format!("`{key}`"), &format!("`{word}`")).into();
            }
        }
        super::fill(&t, &refs)
    }
    /// The reader's word for the format's key `key`, when renamed.
    fn renamed_key(&self, key: &str) -> Option<&str> {
        self.args.iter().find_map(|(_, a)| match a {
            Arg::Rename(r) if r.0 == key => Some(r.1.as_str()),
            _ => None,
        })
    }
    /// Whether the English text contains `needle` (for tests and filters).
    pub fn contains(&self, needle: &str) -> bool {
        self.text(Lang::En).contains(needle)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
