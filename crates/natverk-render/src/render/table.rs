//! Tables for people in a terminal: the core's [`natverk::present`]
//! tables laid out as aligned columns, amounts with thousands grouped,
//! fitted to the terminal's width (SPEC §11; as hledger and ripgrep do, the
//! width is `COLUMNS`, else the terminal's, else unlimited).
//!
//! Fitting: text columns are cut with `…` first (the widest first, down to
//! a few characters); when the lines are still too wide, a report drops
//! its least needed money columns (net stays longest) and says how many
//! more there are; titles are cut, and findings are wrapped. Amounts are
//! never cut.
//!
//! Every cell and title goes through [`crate::text::for_people`], so a
//! control character from the file is shown escaped (`\u{1b}`) and a line
//! break cannot split a row.

use std::io::Write;

use natverk::present::{count_text, fill, label, years, Align, DisplayCell, Table};
use natverk::{Equality, Findings, Lang, Report};

use super::{cell_text, currency_word, key_count, Result};
use crate::text::for_people;

/// Which columns a report shows, and how wide the table may be.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Money columns to show, by key (`fees`, `gross`, …); `None` for the
    /// default ones.
    pub columns: Option<Vec<String>>,
    /// Show all nine money columns, however wide.
    pub wide: bool,
    /// Widest line, in characters; `None`: no limit.
    pub width: Option<usize>,
}

/// The money columns a report shows by default: what a reader needs.
pub const DEFAULT_MONEY: [&str; 5] = ["fees", "time", "gross", "granted", "net"];

/// The order in which money columns give way when the terminal is too
/// narrow: the last one first; `net` stays longest.
const KEEP_LONGEST: [&str; 9] = [
    "net",
    "gross",
    "fees",
    "granted",
    "time",
    "expected_net",
    "travel",
    "other",
    "expected",
];

/// Text columns are cut down to this many characters before a money
/// column is dropped, and to [`MIN_LAST`] before a line overflows.
const MIN_TEXT: usize = 8;
const MIN_LAST: usize = 4;

/// Cuts a text to `w` characters with `…`.
fn cut(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Every cell of a table as text: the header, the rows, the footer rows.
struct Texts {
    rows: Vec<Vec<String>>,
    /// The widest cell of each column, in characters.
    natural: Vec<usize>,
    footer: usize,
}

fn texts(t: &Table, lang: Lang) -> Texts {
    let rows: Vec<Vec<String>> =
        std::iter::once(t.columns.iter().map(|c| c.label.to_string()).collect())
            .chain(t.rows.iter().map(|r| {
                r.iter()
                    .map(|c| for_people(&cell_text(c, lang)).into_owned())
                    .collect()
            }))
            // a total has no key values: blank, not the `–` of a missing one
            .chain(t.footer.iter().map(|r| {
                r.iter()
                    .map(|c| match c {
                        DisplayCell::Null => String::new(),
                        c => for_people(&cell_text(c, lang)).into_owned(),
                    })
                    .collect()
            }))
            .collect();
    let mut natural = vec![0; t.columns.len()];
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            natural[i] = natural[i].max(cell.chars().count());
        }
    }
    Texts {
        rows,
        natural,
        footer: t.footer.len(),
    }
}

/// The width of a line of columns of widths `w`.
fn line_width(w: &[usize]) -> usize {
    w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1)
}

/// The widths of the columns `keep` within `max`: text columns give way,
/// the widest first, down to `min` characters each.
fn fit(t: &Table, x: &Texts, keep: &[usize], max: Option<usize>, min: usize) -> Vec<usize> {
    let mut w: Vec<usize> = keep.iter().map(|&c| x.natural[c]).collect();
    let Some(max) = max else { return w };
    // The widest text column gives a character at a time, so the text
    // columns end up about as wide as each other.
    let mut over = line_width(&w).saturating_sub(max);
    while over > 0 {
        let Some((i, _)) = keep
            .iter()
            .enumerate()
            .filter(|(i, &c)| t.columns[c].align == Align::Left && w[*i] > min)
            .max_by_key(|(i, _)| w[*i])
        else {
            break;
        };
        w[i] -= 1;
        over -= 1;
    }
    w
}

/// Writes the columns `keep` of a table, of widths `w`, as aligned text.
fn grid(t: &Table, x: &Texts, keep: &[usize], w: &[usize], out: &mut dyn Write) -> Result<()> {
    let right: Vec<bool> = keep
        .iter()
        .map(|&c| t.columns[c].align == Align::Right)
        .collect();
    let rule = "-".repeat(line_width(w));
    let mut line = String::new();
    for (n, r) in x.rows.iter().enumerate() {
        line.clear();
        for (i, &c) in keep.iter().enumerate() {
            let cell = cut(&r[c], w[i]);
            let pad = w[i] - cell.chars().count();
            if i > 0 {
                line.push_str("  ");
            }
            if right[i] {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
        if n == 0 {
            writeln!(out, "{rule}")?;
        }
        if x.footer > 0 && n + 1 == x.rows.len() - x.footer {
            // a rule above the total
            writeln!(out, "{rule}")?;
        }
    }
    Ok(())
}

/// A line of text, cut to the width.
fn title(s: &str, width: Option<usize>, out: &mut dyn Write) -> Result<()> {
    let s = for_people(s);
    let s = match width {
        Some(w) => cut(&s, w),
        None => s.into_owned(),
    };
    writeln!(out, "{s}")?;
    Ok(())
}

/// A cost report as a table, with its total (and savings): the key
/// columns and the money columns of `view`, as many as fit.
pub fn report(r: &Report, lang: Lang, view: &View, out: &mut dyn Write) -> Result<()> {
    let t = r.table(lang);
    let asked: Vec<String> = match (&view.columns, view.wide) {
        (_, true) => natverk::money::MONEY_FIELDS
            .iter()
            .map(|s| s.to_string())
            .collect(),
        (Some(c), _) => c.clone(),
        (None, false) => DEFAULT_MONEY.iter().map(|s| s.to_string()).collect(),
    };
    let nkeys = key_count(&t);
    let x = texts(&t, lang);
    let keys: Vec<usize> = (0..nkeys).collect();
    let mut money: Vec<usize> = (nkeys..t.columns.len())
        .filter(|&i| asked.iter().any(|m| m == t.columns[i].key))
        .collect();
    let keep = |money: &[usize]| -> Vec<usize> { keys.iter().chain(money).copied().collect() };
    // Too wide even with the text cut: the least needed amount goes.
    if !view.wide {
        while money.len() > 1
            && view.width.is_some_and(|max| {
                line_width(&fit(&t, &x, &keep(&money), Some(max), MIN_TEXT)) > max
            })
        {
            let least = money
                .iter()
                .enumerate()
                .max_by_key(|(_, &i)| {
                    KEEP_LONGEST
                        .iter()
                        .position(|k| *k == t.columns[i].key)
                        .unwrap_or(KEEP_LONGEST.len())
                })
                .map(|(n, _)| n)
                .unwrap_or(0);
            money.remove(least);
        }
    }
    let keep = keep(&money);
    let mut w = fit(&t, &x, &keep, view.width, MIN_TEXT);
    if view.width.is_some_and(|max| line_width(&w) > max) {
        w = fit(&t, &x, &keep, view.width, MIN_LAST);
    }
    let heading = format!(
        "{} · {}: {} · {}",
        t.title,
        label("ui.currency", lang),
        currency_word(&r.currency, lang),
        r.scope.label(lang)
    );
    title(&heading, view.width, out)?;
    writeln!(out)?;
    grid(&t, &x, &keep, &w, out)?;
    let hidden = 9 - money.len();
    if hidden > 0 {
        writeln!(out)?;
        title(
            &fill(
                label("ui.more_columns", lang),
                &[("n", &hidden.to_string())],
            ),
            view.width,
            out,
        )?;
    }
    Ok(())
}

/// Equality statistics as tables, each under its title.
pub fn equality(e: &Equality, lang: Lang, width: Option<usize>, out: &mut dyn Write) -> Result<()> {
    let heading = format!(
        "{} · {} · {}",
        e.organisation,
        years(e.from, e.to),
        e.scope.label(lang)
    );
    title(&heading, width, out)?;
    for t in e.tables(lang) {
        writeln!(out)?;
        title(&t.title, width, out)?;
        let x = texts(&t, lang);
        let keep: Vec<usize> = (0..t.columns.len()).collect();
        let mut w = fit(&t, &x, &keep, width, MIN_TEXT);
        if width.is_some_and(|max| line_width(&w) > max) {
            w = fit(&t, &x, &keep, width, MIN_LAST);
        }
        grid(&t, &x, &keep, &w, out)?;
    }
    Ok(())
}

/// Tables of the core, each under its title, after an optional heading;
/// a table without rows says so.
pub fn tables(
    heading: Option<&str>,
    ts: &[natverk::present::Table],
    lang: Lang,
    width: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    if let Some(h) = heading {
        title(h, width, out)?;
        writeln!(out)?;
    }
    for (i, t) in ts.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        title(&t.title, width, out)?;
        if t.rows.is_empty() && t.footer.is_empty() {
            writeln!(out, "{}", natverk::present::label("ui.none", lang))?;
            continue;
        }
        let x = texts(t, lang);
        let keep: Vec<usize> = (0..t.columns.len()).collect();
        let mut w = fit(t, &x, &keep, width, MIN_TEXT);
        if width.is_some_and(|max| line_width(&w) > max) {
            w = fit(t, &x, &keep, width, MIN_LAST);
        }
        grid(t, &x, &keep, &w, out)?;
    }
    Ok(())
}

/// Wraps a line of text at spaces to `width` characters; the lines after
/// the first are indented by two spaces. A word longer than a line is cut
/// into pieces.
pub fn wrap(s: &str, width: Option<usize>) -> Vec<String> {
    const INDENT: usize = 2;
    let Some(width) = width.filter(|w| *w > 4 * INDENT) else {
        return vec![s.to_string()];
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let mut rest: Vec<char> = word.chars().collect();
        while !rest.is_empty() {
            let base = if lines.is_empty() { 0 } else { INDENT };
            let sep = usize::from(len > base);
            if len + sep + rest.len() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                len += sep + rest.len();
                line.extend(rest.drain(..));
            } else if len > base {
                lines.push(std::mem::replace(&mut line, " ".repeat(INDENT)));
                len = INDENT;
            } else {
                // a word longer than a line: as much as fits, then the rest
                let take = width - len;
                line.extend(rest.drain(..take));
                lines.push(std::mem::replace(&mut line, " ".repeat(INDENT)));
                len = INDENT;
            }
        }
    }
    let base = if lines.is_empty() { 0 } else { INDENT };
    if len > base || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Findings, one a line (wrapped to the width), then a count.
pub fn findings(f: &Findings, lang: Lang, width: Option<usize>, out: &mut dyn Write) -> Result<()> {
    for x in f {
        for line in wrap(&for_people(&x.to_text(lang)), width) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(
        out,
        "{}, {}",
        count_text("count.errors", f.errors(), lang),
        count_text("count.warnings", f.warnings(), lang),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_with_an_ellipsis() {
        assert_eq!(cut("Göteborgs Stad", 6), "Göteb…");
        assert_eq!(cut("kort", 6), "kort");
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let s =
            "varning[deadline_passed] vid networks[3].deadline: sista anmälningsdagen har passerat";
        let lines = wrap(s, Some(30));
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(l.chars().count() <= 30, "{l:?}");
        }
        assert!(lines[1].starts_with("  ") && !lines[1].starts_with("   "));
        // Nothing is lost: the words come back in order.
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words.join(" "), s);
        // A word longer than a line is cut into pieces that fit.
        let long = format!("a {}", "x".repeat(50));
        for l in wrap(&long, Some(20)) {
            assert!(l.chars().count() <= 20, "{l:?}");
        }
        assert_eq!(wrap(s, None), [s]);
    }
}
