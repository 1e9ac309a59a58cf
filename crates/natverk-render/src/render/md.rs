//! Markdown: a heading and GitHub tables laid out from the core's tables
//! ([`Report::table`], [`Equality::tables`], [`Findings::table`]), in
//! `--lang`. Every text from the file is escaped, so a name cannot become
//! markup, and its control characters are shown escaped
//! ([`crate::text::for_people`]).

use std::io::Write;

use natverk::present::{count_text, fill, label, years, Align, DisplayCell, Table};
use natverk::{Equality, Findings, Lang, Report};

use super::{cell_text, Result};
use crate::text::for_people;

/// Escapes a cell: markdown punctuation gets a backslash, line breaks
/// become spaces and other control characters are escaped (`\u{1b}`), so
/// the text shows as written and stays in its cell.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace(['\r', '\n'], " ");
    for ch in for_people(&s).chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    out
}

fn row(out: &mut dyn Write, cells: &[String]) -> std::io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// A core table as a GitHub table: its column labels, its rows, and its
/// footer rows (a report's total and savings) in bold.
fn table(t: &Table, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let head: Vec<String> = t.columns.iter().map(|c| esc(c.label)).collect();
    row(out, &head)?;
    let align: Vec<String> = t
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Right => "---:".to_string(),
            _ => "---".to_string(),
        })
        .collect();
    row(out, &align)?;
    let mut cells: Vec<String> = Vec::with_capacity(t.columns.len());
    for r in &t.rows {
        cells.clear();
        cells.extend(r.iter().map(|c| esc(&cell_text(c, lang))));
        row(out, &cells)?;
    }
    for r in &t.footer {
        cells.clear();
        cells.extend(r.iter().map(|c| match c {
            // a total has no key values: blank, not the `–` of a missing one
            DisplayCell::Null => String::new(),
            c => format!("**{}**", esc(&cell_text(c, lang))),
        }));
        row(out, &cells)?;
    }
    Ok(())
}

/// A report: its title, what it covers, and one table with its total (and
/// savings) in bold.
pub fn report(r: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let t = r.table(lang);
    write!(
        out,
        "## {}\n\n{}.\n\n",
        esc(&t.title),
        esc(&r.caption(lang))
    )?;
    table(&t, lang, out)
}

/// Equality statistics: a title, then each of the core's tables under its
/// own heading.
pub fn equality(e: &Equality, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let title = fill(
        label("doc.equality_title", lang),
        &[
            ("organisation", &e.organisation),
            ("years", &years(e.from, e.to)),
        ],
    );
    write!(
        out,
        "## {}\n\n{}: {}.\n",
        esc(&title),
        label("ui.scope", lang),
        e.scope.label(lang)
    )?;
    for t in e.tables(lang) {
        write!(out, "\n### {}\n\n", esc(&t.title))?;
        table(&t, lang, out)?;
    }
    Ok(())
}

/// A title, a line under it, then core tables each under its heading.
pub fn tables(title: &str, sub: &str, ts: &[Table], lang: Lang, out: &mut dyn Write) -> Result<()> {
    write!(out, "## {}\n\n{}\n", esc(title), esc(sub))?;
    for t in ts {
        write!(out, "\n### {}\n\n", esc(&t.title))?;
        if t.rows.is_empty() && t.footer.is_empty() {
            writeln!(out, "{}", esc(label("ui.none", lang)))?;
        } else {
            table(t, lang, out)?;
        }
    }
    Ok(())
}

/// Findings as a table, then the counts.
pub fn findings(f: &Findings, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let t = f.table(lang);
    write!(out, "## {}\n\n", esc(&t.title))?;
    table(&t, lang, out)?;
    write!(
        out,
        "\n{}, {}\n",
        count_text("count.errors", f.errors(), lang),
        count_text("count.warnings", f.warnings(), lang)
    )?;
    Ok(())
}
