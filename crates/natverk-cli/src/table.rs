//! Tables for people: aligned columns, amounts with thousands grouped.

use natverk::money::fmt_human;
use natverk::Lang;
use natverk::{Counts, Equality};
use natverk::{Findings, KeyValue, Money, Report};

use crate::render::{currency_word, key_heading, money_headings, years};

/// Renders rows as aligned columns; `right[i]` aligns column i right.
fn grid(rows: &[Vec<String>], right: &[bool]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut width = vec![0; cols];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    for (ri, r) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let pad = width[i] - c.chars().count();
            if i > 0 {
                line.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(c);
            } else {
                line.push_str(c);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if ri == 0 {
            let total: usize = width.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out
}

fn money_cells(m: &Money, lang: Lang) -> Vec<String> {
    m.fields()
        .iter()
        .map(|(_, v)| fmt_human(*v, lang))
        .collect()
}

/// A cost report as a table, with its total (and savings).
pub fn report(r: &Report, lang: Lang) -> String {
    let mut head: Vec<String> = Vec::new();
    for k in &r.by {
        head.push(key_heading(k.as_str(), lang).to_string());
        if *k == natverk::GroupKey::Network {
            head.push(key_heading("name", lang).to_string());
        }
    }
    let nkeys = head.len();
    head.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let mut rows = vec![head];
    for l in &r.lines {
        let mut row = Vec::new();
        for (k, v) in r.by.iter().zip(&l.keys) {
            row.push(match v {
                KeyValue::Year(y) => y.to_string(),
                KeyValue::Text(t) => t.clone(),
                _ => "–".into(),
            });
            if *k == natverk::GroupKey::Network {
                row.push(l.name.clone().unwrap_or_default());
            }
        }
        row.extend(money_cells(&l.money, lang));
        rows.push(row);
    }
    let label = |en: &str, sv: &str| match lang {
        Lang::En => en.to_string(),
        Lang::Sv => sv.to_string(),
    };
    let mut total = vec![label("total", "summa")];
    total.resize(nkeys.max(1), String::new());
    total.extend(money_cells(&r.total, lang));
    rows.push(total);
    if let Some(s) = &r.savings {
        let mut row = vec![label("savings", "besparing")];
        row.resize(nkeys.max(1), String::new());
        row.extend(money_cells(s, lang));
        rows.push(row);
    }
    let mut right = vec![false; nkeys.max(1)];
    right.extend([true; 9]);
    let title = match lang {
        Lang::En => format!(
            "{} — costs {}, amounts in {}, scope {}\n\n",
            r.organisation,
            years(r.from, r.to),
            currency_word(&r.currency, lang),
            r.scope
        ),
        Lang::Sv => format!(
            "{} — kostnader {}, belopp i {}, urval {}\n\n",
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
    title + &grid(&rows, &right)
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
pub fn equality(e: &Equality, lang: Lang) -> String {
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
    let mut out = format!(
        "{} — {} {}, {} {}\n\n",
        e.organisation,
        t("representation", "representation"),
        years(e.from, e.to),
        t("scope", "urval"),
        e.scope
    );
    out.push_str(&grid(&rows, &right));
    out.push('\n');
    let mut nrows = vec![vec![
        t("network", "nätverk").to_string(),
        t("name", "namn").into(),
        t("women", "kvinnor").into(),
        t("men", "män").into(),
        t("other", "annat").into(),
        t("unknown", "okänt").into(),
        t("balanced", "jämn").into(),
    ]];
    for n in &e.networks {
        nrows.push(vec![
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
        ]);
    }
    out.push_str(&grid(
        &nrows,
        &[false, false, true, true, true, true, false],
    ));
    out
}

/// Findings, one a line, then a count.
pub fn findings(f: &Findings) -> String {
    let mut out = String::new();
    for x in f {
        out.push_str(&x.to_string());
        out.push('\n');
    }
    let errors = f.errors();
    out.push_str(&format!(
        "{} error{}, {} warning{}",
        errors,
        if errors == 1 { "" } else { "s" },
        f.warnings(),
        if f.warnings() == 1 { "" } else { "s" }
    ));
    out
}
