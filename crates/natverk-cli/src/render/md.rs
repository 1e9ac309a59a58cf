//! Markdown: a heading and GitHub tables, amounts for people (`--lang`).
//! Every text from the file is escaped, so a name cannot become markup,
//! and its control characters are shown escaped ([`crate::text::for_people`]).
//! Rows are written as they are produced.

use std::io::Write;

use natverk::money::fmt_human;
use natverk::Counts;
use natverk::Lang;
use natverk::{Equality, Findings, Money, Report};

use super::{
    cell_text, currency_word, key_cells, key_columns, key_heading, money_headings, tr, years,
    Result,
};
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

fn heading(out: &mut dyn Write, head: &[String], right: &[bool]) -> std::io::Result<()> {
    row(out, head)?;
    let align: Vec<String> = (0..head.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "---:".into()
            } else {
                "---".into()
            }
        })
        .collect();
    row(out, &align)
}

fn table(
    out: &mut dyn Write,
    h: &[String],
    right: &[bool],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    heading(out, h, right)?;
    for r in rows {
        row(out, r)?;
    }
    Ok(())
}

fn money(m: &Money, lang: Lang) -> Result<Vec<String>> {
    Ok(m.fields()
        .iter()
        .map(|(_, v)| fmt_human(*v, lang))
        .collect())
}

/// A report: heading, one table with its total (and savings) in bold.
pub fn report(r: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let cols = key_columns(r);
    let mut h: Vec<String> = cols
        .iter()
        .map(|k| key_heading(k, lang).to_string())
        .collect();
    let nkeys = h.len();
    h.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let mut right = vec![false; nkeys];
    right.extend([true; 9]);
    write!(
        out,
        "## {} — {} {}\n\n{} {}. {}: {}.\n\n",
        esc(&r.organisation),
        tr(lang, "costs", "kostnader"),
        years(r.from, r.to),
        tr(lang, "Amounts in", "Belopp i"),
        esc(&currency_word(&r.currency, lang)),
        tr(lang, "Scope", "Urval"),
        super::scope_word(r.scope, lang),
    )?;
    heading(out, &h, &right)?;
    for l in &r.lines {
        let mut cells: Vec<String> = key_cells(r, l).iter().map(|c| esc(&cell_text(c))).collect();
        cells.extend(money(&l.money, lang)?);
        row(out, &cells)?;
    }
    let mut sums = vec![(tr(lang, "total", "summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((tr(lang, "savings", "besparing"), s));
    }
    for (label, m) in sums {
        let mut cells = vec![format!("**{label}**")];
        cells.resize(nkeys, String::new());
        cells.extend(money(m, lang)?.into_iter().map(|v| format!("**{v}**")));
        row(out, &cells)?;
    }
    Ok(())
}

fn counts_row(label: &str, c: &Counts) -> Vec<String> {
    let mut row = vec![label.to_string()];
    row.extend([c.woman, c.man, c.other, c.unknown].map(|n| n.to_string()));
    row
}

/// Equality statistics: a summary table and one per network.
pub fn equality(e: &Equality, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let t = |en, sv| tr(lang, en, sv);
    let genders = [
        t("women", "kvinnor"),
        t("men", "män"),
        t("other", "annat"),
        t("unknown", "okänt"),
    ];
    let mut head = vec![String::new()];
    head.extend(genders.iter().map(|s| s.to_string()));
    let rows = vec![
        counts_row(t("seats", "platser"), &e.seats),
        counts_row(
            t("seats: politicians", "platser: politiker"),
            &e.seats_by_role.politician,
        ),
        counts_row(
            t("seats: officials", "platser: tjänstepersoner"),
            &e.seats_by_role.official,
        ),
        counts_row(
            t("seats: majority", "platser: majoritet"),
            &e.seats_by_side.majority,
        ),
        counts_row(
            t("seats: opposition", "platser: opposition"),
            &e.seats_by_side.opposition,
        ),
        counts_row(t("persons", "personer"), &e.persons),
        counts_row(
            t("persons: politicians", "personer: politiker"),
            &e.persons_by_role.politician,
        ),
        counts_row(
            t("persons: officials", "personer: tjänstepersoner"),
            &e.persons_by_role.official,
        ),
        counts_row(
            t("persons: majority", "personer: majoritet"),
            &e.persons_by_side.majority,
        ),
        counts_row(
            t("persons: opposition", "personer: opposition"),
            &e.persons_by_side.opposition,
        ),
        {
            let mut r = vec![t("hours", "timmar").to_string()];
            r.extend(
                [e.hours.woman, e.hours.man, e.hours.other, e.hours.unknown]
                    .map(|d| fmt_human(d, lang)),
            );
            r
        },
        {
            let mut r = vec![format!(
                "{} ({})",
                t("time cost", "tidskostnad"),
                esc(&currency_word(&e.currency, lang))
            )];
            r.extend(
                [
                    e.time_cost.woman,
                    e.time_cost.man,
                    e.time_cost.other,
                    e.time_cost.unknown,
                ]
                .map(|d| fmt_human(d, lang)),
            );
            r
        },
    ];
    write!(
        out,
        "## {} — {} {}\n\n{}: {}.\n\n",
        esc(&e.organisation),
        t("representation", "representation"),
        years(e.from, e.to),
        t("Scope", "Urval"),
        super::scope_word(e.scope, lang),
    )?;
    table(out, &head, &[false, true, true, true, true], &rows)?;
    writeln!(out)?;
    let mut nhead = vec![
        t("network", "nätverk").to_string(),
        t("name", "namn").into(),
    ];
    nhead.extend(genders.iter().map(|s| s.to_string()));
    nhead.push(t("balanced", "jämn").into());
    heading(out, &nhead, &[false, false, true, true, true, true, false])?;
    for n in &e.networks {
        let mut r = vec![esc(&n.network), esc(&n.name)];
        r.extend([n.woman, n.man, n.other, n.unknown].map(|x| x.to_string()));
        r.push(
            match n.balanced {
                Some(true) => t("yes", "ja"),
                Some(false) => t("no", "nej"),
                None => "–",
            }
            .into(),
        );
        row(out, &r)?;
    }
    Ok(())
}

/// Findings as a table, then the counts.
pub fn findings(f: &Findings, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let t = |en, sv| tr(lang, en, sv);
    let h: Vec<String> = [
        t("severity", "allvarlighet"),
        t("code", "kod"),
        t("path", "sökväg"),
        t("message", "meddelande"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    heading(out, &h, &[])?;
    for x in f.iter() {
        let mut path = esc(&x.path.to_string());
        if let (Some(l), Some(c)) = (x.line, x.column) {
            path = format!(
                "{path} ({} {l}, {} {c})",
                t("line", "rad"),
                t("column", "kolumn")
            );
        }
        row(
            out,
            &[
                super::csv::severity(x.severity).to_string(),
                format!("`{}`", x.code),
                path,
                esc(&x.message_in(lang)),
            ],
        )?;
    }
    write!(
        out,
        "\n{} {}, {} {}\n",
        f.errors(),
        t("errors", "fel"),
        f.warnings(),
        t("warnings", "varningar")
    )?;
    Ok(())
}
