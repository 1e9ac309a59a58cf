//! Tables for people: aligned columns, amounts with thousands grouped.
//!
//! Every cell and title goes through [`crate::text::for_people`], so a
//! control character from the file is shown escaped (`\u{1b}`) and a line
//! break cannot split a row. Tables are written in two passes over their
//! rows (widths, then text), so a long table is never held in memory.

use std::io::Write;

use natverk::equality::{Counts, Equality};
use natverk::money::{fmt_human, Lang, MONEY_FIELDS};
use natverk::{Findings, KeyValue, Money, Report, Severity};

use crate::render::{currency_word, key_heading, money_headings, years, Result};
use crate::text::for_people;

/// Writes `n` rows (row 0 is the heading, underlined) as aligned columns;
/// `right[i]` aligns column i right. `row(i)` gives the cells of row i; it
/// is called twice per row.
fn grid(
    out: &mut dyn Write,
    n: usize,
    right: &[bool],
    row: &dyn Fn(usize) -> Vec<String>,
) -> Result<()> {
    let mut width: Vec<usize> = Vec::new();
    for i in 0..n {
        for (c, cell) in row(i).iter().enumerate() {
            let w = for_people(cell).chars().count();
            if c >= width.len() {
                width.resize(c + 1, 0);
            }
            width[c] = width[c].max(w);
        }
    }
    let cols = width.len();
    let mut line = String::new();
    for i in 0..n {
        line.clear();
        for (c, cell) in row(i).iter().enumerate() {
            let cell = for_people(cell);
            let pad = width[c] - cell.chars().count();
            if c > 0 {
                line.push_str("  ");
            }
            if right.get(c).copied().unwrap_or(false) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
        if i == 0 {
            let total: usize = width.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
            writeln!(out, "{}", "-".repeat(total))?;
        }
    }
    Ok(())
}

fn money_cells(m: &Money, lang: Lang) -> Vec<String> {
    match m.fields() {
        Ok(f) => f.iter().map(|(_, v)| fmt_human(*v, lang)).collect(),
        Err(_) => vec!["overflow".into(); MONEY_FIELDS.len()],
    }
}

/// A cost report as a table, with its total (and savings).
pub fn report(r: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let mut head: Vec<String> = Vec::new();
    for k in &r.by {
        head.push(key_heading(k.as_str(), lang).to_string());
        if *k == natverk::GroupKey::Network {
            head.push(key_heading("name", lang).to_string());
        }
    }
    let nkeys = head.len();
    head.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let label = |en: &str, sv: &str| match lang {
        Lang::En => en.to_string(),
        Lang::Sv => sv.to_string(),
    };
    let mut sums = vec![(label("total", "summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((label("savings", "besparing"), s));
    }
    let lines = r.lines.len();
    let row = |i: usize| -> Vec<String> {
        if i == 0 {
            return head.clone();
        }
        if let Some(l) = r.lines.get(i - 1) {
            let mut row = Vec::with_capacity(nkeys + 9);
            for (k, v) in r.by.iter().zip(&l.keys) {
                row.push(match v {
                    KeyValue::Year(y) => y.to_string(),
                    KeyValue::Text(t) => t.clone(),
                    KeyValue::Null => "–".into(),
                });
                if *k == natverk::GroupKey::Network {
                    row.push(l.name.clone().unwrap_or_default());
                }
            }
            row.extend(money_cells(&l.money, lang));
            return row;
        }
        let (name, m) = &sums[i - 1 - lines];
        let mut row = vec![name.clone()];
        row.resize(nkeys.max(1), String::new());
        row.extend(money_cells(m, lang));
        row
    };
    let mut right = vec![false; nkeys.max(1)];
    right.extend([true; 9]);
    let title = match lang {
        Lang::En => format!(
            "{} — costs {}, amounts in {}, scope {}",
            r.organisation,
            years(r.from, r.to),
            currency_word(&r.currency, lang),
            r.scope
        ),
        Lang::Sv => format!(
            "{} — kostnader {}, belopp i {}, urval {}",
            r.organisation,
            years(r.from, r.to),
            currency_word(&r.currency, lang),
            if r.scope == natverk::Scope::Central {
                "kommuncentralt"
            } else {
                "alla"
            }
        ),
    };
    write!(out, "{}\n\n", for_people(&title))?;
    grid(out, 1 + lines + sums.len(), &right, &row)
}

fn counts_row(label: &str, c: &Counts) -> Vec<String> {
    vec![
        label.to_string(),
        c.woman.to_string(),
        c.man.to_string(),
        c.other.to_string(),
        c.unknown.to_string(),
    ]
}

/// Equality statistics as tables.
pub fn equality(e: &Equality, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let sv = lang == Lang::Sv;
    let t = |en: &'static str, s: &'static str| if sv { s } else { en };
    let head = vec![
        String::new(),
        t("women", "kvinnor").into(),
        t("men", "män").into(),
        t("other", "annat").into(),
        t("unknown", "okänt").into(),
    ];
    let rows = vec![
        head.clone(),
        counts_row(t("seats", "platser"), &e.seats),
        counts_row(
            t("  politicians", "  politiker"),
            &e.seats_by_role.politician,
        ),
        counts_row(
            t("  officials", "  tjänstepersoner"),
            &e.seats_by_role.official,
        ),
        counts_row(t("  majority", "  majoritet"), &e.seats_by_side.majority),
        counts_row(
            t("  opposition", "  opposition"),
            &e.seats_by_side.opposition,
        ),
        counts_row(t("persons", "personer"), &e.persons),
        counts_row(
            t("  politicians", "  politiker"),
            &e.persons_by_role.politician,
        ),
        counts_row(
            t("  officials", "  tjänstepersoner"),
            &e.persons_by_role.official,
        ),
        counts_row(t("  majority", "  majoritet"), &e.persons_by_side.majority),
        counts_row(
            t("  opposition", "  opposition"),
            &e.persons_by_side.opposition,
        ),
        vec![
            t("hours", "timmar").into(),
            fmt_human(e.hours.woman, lang),
            fmt_human(e.hours.man, lang),
            fmt_human(e.hours.other, lang),
            fmt_human(e.hours.unknown, lang),
        ],
        vec![
            format!(
                "{} ({})",
                t("time cost", "tidskostnad"),
                currency_word(&e.currency, lang)
            ),
            fmt_human(e.time_cost.woman, lang),
            fmt_human(e.time_cost.man, lang),
            fmt_human(e.time_cost.other, lang),
            fmt_human(e.time_cost.unknown, lang),
        ],
    ];
    let right = [false, true, true, true, true];
    let title = format!(
        "{} — {} {}, {} {}",
        e.organisation,
        t("representation", "representation"),
        years(e.from, e.to),
        t("scope", "urval"),
        e.scope
    );
    write!(out, "{}\n\n", for_people(&title))?;
    grid(out, rows.len(), &right, &|i| rows[i].clone())?;
    writeln!(out)?;
    let nhead = vec![
        t("network", "nätverk").to_string(),
        t("name", "namn").into(),
        t("women", "kvinnor").into(),
        t("men", "män").into(),
        t("other", "annat").into(),
        t("unknown", "okänt").into(),
        t("balanced", "jämn").into(),
    ];
    let nrow = |i: usize| -> Vec<String> {
        let Some(n) = i.checked_sub(1).and_then(|i| e.networks.get(i)) else {
            return nhead.clone();
        };
        vec![
            n.network.clone(),
            n.name.clone(),
            n.woman.to_string(),
            n.man.to_string(),
            n.other.to_string(),
            n.unknown.to_string(),
            match n.balanced {
                Some(true) => t("yes", "ja").into(),
                Some(false) => t("no", "nej").into(),
                None => "–".into(),
            },
        ]
    };
    grid(
        out,
        1 + e.networks.len(),
        &[false, false, true, true, true, true, false],
        &nrow,
    )
}

/// Findings, one a line, then a count.
pub fn findings(f: &Findings, out: &mut dyn Write) -> Result<()> {
    for x in &f.findings {
        writeln!(out, "{}", for_people(&x.to_string()))?;
    }
    let errors = f
        .findings
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .count();
    writeln!(
        out,
        "{} error{}, {} warning{}",
        errors,
        if errors == 1 { "" } else { "s" },
        f.warnings,
        if f.warnings == 1 { "" } else { "s" }
    )?;
    Ok(())
}
