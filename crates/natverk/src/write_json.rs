//! Writing JSON for the types of the crate (reading it is `load::json`'s).

use serde::Serialize;

/// Pretty JSON (two-space indent) of a value whose serialisation cannot
/// fail: the crate's results hold only strings, numbers, booleans, lists
/// and maps with string keys, and serde_json fails only on I/O, non-string
/// map keys and a type's own errors, none of which can occur here.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Pretty JSON as people write the format by hand (`examples/goteborg.json`):
/// an object or list that holds no object or list is written on one line
/// (`{ "id": "ks", "central": true }`, `["a", "b"]`), the others one item
/// a line. `text` is serde_json's pretty output; strings are left as they
/// are.
pub(crate) fn inline_flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Per open object or list: where it starts in `out`, and whether it
    // holds an object or list.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut strings = Strings::default();
    for c in text.chars() {
        if strings.step(c) {
            out.push(c);
            continue;
        }
        match c {
            '{' | '[' => {
                if let Some(parent) = open.last_mut() {
                    parent.1 = true;
                }
                open.push((out.len(), false));
                out.push(c);
            }
            '}' | ']' => {
                out.push(c);
                if let Some((start, nested)) = open.pop() {
                    if !nested {
                        let flat = one_line(&out[start..]);
                        out.truncate(start);
                        out.push_str(&flat);
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Where a scan of JSON text stands with respect to its strings.
#[derive(Default)]
struct Strings {
    open: bool,
    escaped: bool,
}

impl Strings {
    /// Whether `c` is inside a string or closes one. An opening quote
    /// opens one and gives `false`: the caller places it as it places
    /// any other character outside strings.
    fn step(&mut self, c: char) -> bool {
        if !self.open {
            self.open = c == '"';
            return false;
        }
        if self.escaped {
            self.escaped = false;
        } else if c == '\\' {
            self.escaped = true;
        } else if c == '"' {
            self.open = false;
        }
        true
    }
}

/// A flat object or list of pretty JSON on one line.
fn one_line(pretty: &str) -> String {
    let mut s = String::with_capacity(pretty.len());
    let mut strings = Strings::default();
    let mut space = false;
    for c in pretty.chars() {
        if strings.step(c) {
            s.push(c);
        } else if c == '\n' || c == ' ' {
            space = space || c == '\n';
        } else {
            if space {
                // a line break between items, or after the opening bracket
                if !s.ends_with('[') {
                    s.push(' ');
                }
                space = false;
            }
            if c == ']' && s.ends_with(' ') {
                s.pop();
            }
            if c == '}' && s.len() > 1 && !s.ends_with(' ') {
                s.push(' ');
            }
            if c == ':' {
                s.push(c);
                s.push(' ');
                continue;
            }
            s.push(c);
        }
    }
    s
}

/// Compact JSON, as [`pretty`].
pub(crate) fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A small JSON writer for the crate's large results (a report of many
/// thousand lines): the same text as serde_json's, pretty (two-space
/// indent) or compact, written straight into one `String`.
pub(crate) struct Writer {
    out: String,
    pretty: bool,
    /// Per open object or list: whether it has an item yet.
    open: Vec<bool>,
}

impl Writer {
    pub(crate) fn new(pretty: bool, capacity: usize) -> Writer {
        Writer {
            out: String::with_capacity(capacity),
            pretty,
            open: Vec::new(),
        }
    }
    fn newline(&mut self) {
        /// A line break and the indent of ever deeper levels.
        const INDENT: &str = concat!("\n", "                                ");
        if self.pretty {
            let width = 2 * self.open.len();
            match INDENT.get(..1 + width) {
                Some(indent) => self.out.push_str(indent),
                None => {
                    self.out.push('\n');
                    self.out.extend(std::iter::repeat_n(' ', width));
                }
            }
        }
    }
    /// Before an item of the current object or list.
    fn item(&mut self) {
        if let Some(has) = self.open.last_mut() {
            if *has {
                self.out.push(',');
            }
            *has = true;
            self.newline();
        }
    }
    pub(crate) fn begin_object(&mut self) {
        self.out.push('{');
        self.open.push(false);
    }
    pub(crate) fn begin_list(&mut self) {
        self.out.push('[');
        self.open.push(false);
    }
    fn end(&mut self, close: char) {
        if self.open.pop() == Some(true) {
            self.newline();
        }
        self.out.push(close);
    }
    pub(crate) fn end_object(&mut self) {
        self.end('}');
    }
    pub(crate) fn end_list(&mut self) {
        self.end(']');
    }
    /// A key of the current object (keys of the crate are plain words).
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.out.push('"');
            self.out.push_str(key);
            self.out.push_str(if self.pretty { "\": " } else { "\":" });
        } else {
            self.text(key);
            self.out.push_str(if self.pretty { ": " } else { ":" });
        }
    }
    /// An item of the current list.
    pub(crate) fn list_item(&mut self) {
        self.item();
    }
    /// A string value, escaped as JSON.
    pub(crate) fn text(&mut self, s: &str) {
        let plain = s
            .bytes()
            .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f);
        if plain {
            self.out.push('"');
            self.out.push_str(s);
            self.out.push('"');
        } else {
            self.out
                .push_str(&serde_json::to_string(s).unwrap_or_default());
        }
    }
    /// An amount as a string with two decimals (`"65000.00"`).
    pub(crate) fn amount(&mut self, d: rust_decimal::Decimal) {
        self.out.push('"');
        crate::money::Two(d).write_to(&mut self.out);
        self.out.push('"');
    }
    /// A value written as it is (numbers, `null`, `true`).
    pub(crate) fn raw(&mut self, v: impl std::fmt::Display) {
        use std::fmt::Write;
        let _ = write!(self.out, "{v}");
    }
    /// How much is written and not yet taken.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }
    /// The text written so far; the writer goes on after it.
    pub(crate) fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::Writer;

    /// Objects nested `depth` deep, each with a key to escape, a plain key
    /// and a list (in serde_json's order of keys), written by the writer
    /// and by serde_json.
    fn both(depth: usize, pretty: bool) -> (String, String) {
        let mut w = Writer::new(pretty, 0);
        let mut value = serde_json::json!("leaf \"x\"");
        for level in (0..depth).rev() {
            value = serde_json::json!({
                "needs \"escaping\"\n": [level, "a"],
                "plain_key1": level,
                "zz_inner": value,
            });
        }
        for level in 0..depth {
            w.begin_object();
            w.key("needs \"escaping\"\n");
            w.begin_list();
            w.list_item();
            w.raw(level);
            w.list_item();
            w.text("a");
            w.end_list();
            w.key("plain_key1");
            w.raw(level);
            w.key("zz_inner");
        }
        w.text("leaf \"x\"");
        for _ in 0..depth {
            w.end_object();
        }
        let want = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        };
        (w.take(), want.unwrap())
    }

    #[test]
    fn the_text_is_serde_jsons_at_any_depth() {
        for depth in [0, 1, 3, 16, 17, 40] {
            for pretty in [true, false] {
                let (got, want) = both(depth, pretty);
                assert_eq!(got, want, "depth {depth}, pretty {pretty}");
            }
        }
    }
}
