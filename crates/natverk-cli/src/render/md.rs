//! Markdown: a heading and GitHub tables, amounts for people (`--lang`).
//! Every text from the file is escaped, so a name cannot become markup.

use natverk::money::fmt_human;
use natverk::{Counts, Lang};
use natverk::{Equality, Findings, Money, Report};

use super::{
    cell_text, currency_word, key_cells, key_columns, key_heading, money_headings, tr, years,
};

/// Escapes a cell: markdown punctuation gets a backslash, line breaks
/// become spaces, so the text shows as written and stays in its cell.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn table(head: &[String], right: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let align: Vec<&str> = (0..head.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out
}

fn money(m: &Money, lang: Lang) -> Result<Vec<String>, String> {
    Ok(m.fields()
        .iter()
        .map(|(_, v)| fmt_human(*v, lang))
        .collect())
}

/// A report: heading, one table with its total (and savings) in bold.
pub fn report(r: &Report, lang: Lang) -> Result<String, String> {
    let cols = key_columns(r);
    let mut head: Vec<String> = cols
        .iter()
        .map(|k| key_heading(k, lang).to_string())
        .collect();
    let nkeys = head.len();
    head.extend(money_headings(lang).iter().map(|s| s.to_string()));
    let mut right = vec![false; nkeys];
    right.extend([true; 9]);
    let mut rows = Vec::new();
    for l in &r.lines {
        let mut row: Vec<String> = key_cells(r, l).iter().map(|c| esc(&cell_text(c))).collect();
        row.extend(money(&l.money, lang)?);
        rows.push(row);
    }
    let mut sums = vec![(tr(lang, "total", "summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((tr(lang, "savings", "besparing"), s));
    }
    for (label, m) in sums {
        let mut row = vec![format!("**{label}**")];
        row.resize(nkeys, String::new());
        row.extend(money(m, lang)?.into_iter().map(|v| format!("**{v}**")));
        rows.push(row);
    }
    let title = format!(
        "## {} — {} {}\n\n{} {}. {}: {}.\n\n",
        esc(&r.organisation),
        tr(lang, "costs", "kostnader"),
        years(r.from, r.to),
        tr(lang, "Amounts in", "Belopp i"),
        esc(&currency_word(&r.currency, lang)),
        tr(lang, "Scope", "Urval"),
        super::scope_word(r.scope, lang),
    );
    Ok(title + &table(&head, &right, &rows))
}

fn counts_row(label: &str, c: &Counts) -> Vec<String> {
    let mut row = vec![label.to_string()];
    row.extend([c.woman, c.man, c.other, c.unknown].map(|n| n.to_string()));
    row
}

/// Equality statistics: a summary table and one per network.
pub fn equality(e: &Equality, lang: Lang) -> Result<String, String> {
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
    let mut out = format!(
        "## {} — {} {}\n\n{}: {}.\n\n",
        esc(&e.organisation),
        t("representation", "representation"),
        years(e.from, e.to),
        t("Scope", "Urval"),
        super::scope_word(e.scope, lang),
    );
    out.push_str(&table(&head, &[false, true, true, true, true], &rows));
    out.push('\n');
    let mut nhead = vec![
        t("network", "nätverk").to_string(),
        t("name", "namn").into(),
    ];
    nhead.extend(genders.iter().map(|s| s.to_string()));
    nhead.push(t("balanced", "jämn").into());
    let nrows: Vec<Vec<String>> = e
        .networks
        .iter()
        .map(|n| {
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
            r
        })
        .collect();
    out.push_str(&table(
        &nhead,
        &[false, false, true, true, true, true, false],
        &nrows,
    ));
    Ok(out)
}

/// Findings as a table, then the counts.
pub fn findings(f: &Findings, lang: Lang) -> String {
    let t = |en, sv| tr(lang, en, sv);
    let head: Vec<String> = [
        t("severity", "allvarlighet"),
        t("code", "kod"),
        t("path", "sökväg"),
        t("message", "meddelande"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = f
        .iter()
        .map(|x| {
            let mut path = esc(&x.path.to_string());
            if let (Some(l), Some(c)) = (x.line, x.column) {
                path = format!(
                    "{path} ({} {l}, {} {c})",
                    t("line", "rad"),
                    t("column", "kolumn")
                );
            }
            vec![
                super::csv::severity(x.severity).to_string(),
                format!("`{}`", x.code),
                path,
                esc(&x.message_in(lang)),
            ]
        })
        .collect();
    let mut out = table(&head, &[], &rows);
    out.push_str(&format!(
        "\n{} {}, {} {}\n",
        f.errors(),
        t("errors", "fel"),
        f.warnings(),
        t("warnings", "varningar")
    ));
    out
}
