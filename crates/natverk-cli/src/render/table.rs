//! Tables for people in a terminal: the core's [`natverk::present`]
//! tables laid out as aligned columns, amounts with thousands grouped,
//! fitted to the terminal's width (SPEC §11; as hledger and ripgrep do, the
//! width is `COLUMNS`, else the terminal's, else unlimited).
//!
//! Every cell and title goes through [`crate::text::for_people`], so a
//! control character from the file is shown escaped (`\u{1b}`) and a line
//! break cannot split a row.

use std::io::Write;

use natverk::money::fmt_human;
use natverk::present::{count_text, label, Align, Cell, Table};
use natverk::{Equality, Findings, Lang, Report};

use super::Result;
use crate::text::for_people;

/// Which columns a report shows, and how wide the table may be.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Money columns to show, by key (`fees`, `gross`, …); `None` for the
    /// default ones.
    pub columns: Option<Vec<String>>,
    /// Show all nine money columns.
    pub wide: bool,
    /// Widest line, in characters; `None`: no limit.
    pub width: Option<usize>,
}

/// The money columns a report shows by default: what a reader needs.
pub const DEFAULT_MONEY: [&str; 5] = ["fees", "time", "gross", "granted", "net"];

/// The width to fit: `COLUMNS` when set, else the terminal's when stdout
/// is a terminal, else none.
pub fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return (n > 0).then_some(n);
    }
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// A cell as text for people in `lang`.
fn text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(t) => for_people(t).into_owned(),
        Cell::Word(w) => (*w).to_string(),
        Cell::Int(i) => i.to_string(),
        Cell::Money(d) | Cell::Decimal(d) => fmt_human(*d, lang),
        _ => label("ui.empty_cell", lang).to_string(),
    }
}

/// Cuts a text to `w` characters with `…`.
fn cut(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Writes the columns `keep` of a table as aligned text, within `width`:
/// text columns are cut with `…` (the widest first) until the lines fit or
/// each is down to a few characters; numbers are never cut.
fn grid(
    t: &Table,
    keep: &[usize],
    lang: Lang,
    width: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    let rows: Vec<Vec<String>> = std::iter::once(
        keep.iter()
            .map(|&c| t.columns[c].label.to_string())
            .collect::<Vec<_>>(),
    )
    .chain(
        t.rows
            .iter()
            .map(|r| keep.iter().map(|&c| text(&r[c], lang)).collect())
            // a total has no key values: blank, not the `–` of a missing one
            .chain(t.footer.iter().map(|r| {
                keep.iter()
                    .map(|&c| match &r[c] {
                        Cell::Null => String::new(),
                        cell => text(cell, lang),
                    })
                    .collect()
            })),
    )
    .collect();
    let mut w: Vec<usize> = vec![0; keep.len()];
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            w[i] = w[i].max(cell.chars().count());
        }
    }
    const MIN: usize = 8;
    if let Some(max) = width {
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        while total(&w) > max {
            // The widest text column that can still give.
            let Some((i, _)) = keep
                .iter()
                .enumerate()
                .filter(|(i, &c)| t.columns[c].align == Align::Left && w[*i] > MIN)
                .max_by_key(|(i, _)| w[*i])
            else {
                break;
            };
            let over = total(&w) - max;
            w[i] = (w[i] - over).max(MIN);
        }
    }
    let right: Vec<bool> = keep
        .iter()
        .map(|&c| t.columns[c].align == Align::Right)
        .collect();
    let mut line = String::new();
    for (n, r) in rows.iter().enumerate() {
        line.clear();
        for (i, cell) in r.iter().enumerate() {
            let cell = cut(cell, w[i]);
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
            let total: usize = w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
            writeln!(out, "{}", "-".repeat(total))?;
        }
        if n + 1 == rows.len() - t.footer.len() && !t.footer.is_empty() {
            // a rule above the total
            let total: usize = w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
            writeln!(out, "{}", "-".repeat(total))?;
        }
    }
    Ok(())
}

/// A title line, cut to the width.
fn title(s: &str, width: Option<usize>, out: &mut dyn Write) -> Result<()> {
    let s = for_people(s);
    let s = match width {
        Some(w) => cut(&s, w),
        None => s.into_owned(),
    };
    write!(out, "{s}\n\n")?;
    Ok(())
}

/// A cost report as a table, with its total (and savings): the key
/// columns and the money columns of `view`.
pub fn report(r: &Report, lang: Lang, view: &View, out: &mut dyn Write) -> Result<()> {
    let t = r.table(lang);
    let money: Vec<String> = match (&view.columns, view.wide) {
        (_, true) => natverk::money::MONEY_FIELDS
            .iter()
            .map(|s| s.to_string())
            .collect(),
        (Some(c), _) => c.clone(),
        (None, false) => DEFAULT_MONEY.iter().map(|s| s.to_string()).collect(),
    };
    let nkeys = t.columns.len() - 9;
    let mut keep: Vec<usize> = (0..nkeys).collect();
    for (i, c) in t.columns.iter().enumerate().skip(nkeys) {
        if money.iter().any(|m| m == c.key) {
            keep.push(i);
        }
    }
    let currency = super::currency_word(&r.currency, lang);
    let heading = format!(
        "{} · {}: {} · {}",
        t.title,
        label("ui.currency", lang),
        currency,
        r.scope.label(lang)
    );
    title(&heading, view.width, out)?;
    grid(&t, &keep, lang, view.width, out)?;
    let hidden = 9 - (keep.len() - nkeys);
    if hidden > 0 {
        let note = natverk::present::fill(
            label("ui.more_columns", lang),
            &[("n", &hidden.to_string())],
        );
        let note = match view.width {
            Some(w) => cut(&note, w),
            None => note,
        };
        writeln!(out, "\n{note}")?;
    }
    Ok(())
}

/// Equality statistics as tables.
pub fn equality(e: &Equality, lang: Lang, width: Option<usize>, out: &mut dyn Write) -> Result<()> {
    let heading = format!(
        "{} · {} · {}",
        e.organisation,
        natverk::present::years(e.from, e.to),
        e.scope.label(lang)
    );
    title(&heading, width, out)?;
    for (i, t) in e.tables(lang).iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", for_people(&t.title))?;
        let keep: Vec<usize> = (0..t.columns.len()).collect();
        grid(t, &keep, lang, width, out)?;
    }
    Ok(())
}

/// Findings, one a line, then a count.
pub fn findings(f: &Findings, lang: Lang, out: &mut dyn Write) -> Result<()> {
    for x in f {
        writeln!(out, "{}", for_people(&x.to_text(lang)))?;
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
}
