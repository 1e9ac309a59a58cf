//! One self-contained HTML page a board member can open or print: title,
//! the options used, the report with its totals (and savings), an inline
//! SVG bar chart of net cost per line, the warnings of `check` and the
//! equality summary. No external assets, no script; every text from the
//! file goes through [`esc`]. Person names are never shown: the report and
//! the statistics carry none, and nothing here looks them up.

use std::fmt::Write as _;

use natverk::money::{self, fmt_human};
use natverk::Counts;
use natverk::Lang;
use natverk::{Equality, Finding, Findings, GroupKey, Money, Report, Severity};
use rust_decimal::Decimal;

use super::{
    cell_text, currency_word, key_cell, key_heading, line_label, money_headings, network_of, tr,
    years, Context,
};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --bar: #1f5f99; --warn: #8a4b00; --band: #f3f5f7; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 84rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
.sub { color: var(--muted); margin: 0; }
dl.options { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.options dt { color: var(--muted); }
dl.options dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: .4rem 0 0; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .8rem; min-width: 11rem; }
.figures .label { display: block; color: var(--muted); font-size: .85rem; }
.figures .value { font-size: 1.2rem; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; margin-bottom: 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: var(--band); }
td .id { display: block; color: var(--muted); font-size: .8em; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td, tfoot th { font-weight: 600; border-top: 2px solid var(--ink); background: none; }
figure { margin: 0; }
figure svg { width: 100%; height: auto; max-width: 60rem; }
figcaption { color: var(--muted); font-size: .85rem; }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: .25rem 0; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; color: var(--warn); }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8em; color: var(--muted); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; padding: 0; }
  h2 { break-after: avoid; }
  table, figure, .figures { break-inside: avoid; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  th { background: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { size: A4 landscape; margin: 14mm; }
"#;

fn page(lang: Lang, title: &str, subtitle: &str, ctx: &Context<'_>, body: &str) -> String {
    let mut out = String::new();
    let code = match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"natverk {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
        esc(title),
        esc(subtitle)
    );
    if !ctx.options.is_empty() {
        let _ = write!(
            out,
            "<section aria-labelledby=\"h-options\">\n<h2 id=\"h-options\">{}</h2>\n<dl class=\"options\">\n",
            tr(lang, "Options", "Urval och inställningar")
        );
        for (k, v) in &ctx.options {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
        }
        out.push_str("</dl>\n</section>\n");
    }
    out.push_str(body);
    let _ = write!(
        out,
        "<footer>{} natverk {} · {} {}</footer>\n</body>\n</html>\n",
        tr(lang, "Made with", "Framtagen med"),
        env!("CARGO_PKG_VERSION"),
        tr(lang, "warnings judged on", "varningar bedömda per"),
        ctx.today
    );
    out
}

fn money_cells(m: &Money, lang: Lang) -> Result<Vec<String>, String> {
    Ok(m.fields()
        .iter()
        .map(|(_, v)| fmt_human(*v, lang))
        .collect())
}

/// A cost report as a page.
pub fn report(r: &Report, ctx: &Context<'_>) -> Result<String, String> {
    let lang = ctx.lang;
    let cur = currency_word(&r.currency, lang);
    let mut body = String::new();

    // Key figures.
    let total = r.total.fields();
    let pick = |name: &str| {
        total
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .unwrap_or_default()
    };
    let _ = write!(
        body,
        "<section aria-labelledby=\"h-figures\">\n<h2 id=\"h-figures\">{}</h2>\n<ul class=\"figures\">\n",
        tr(lang, "In short", "Sammanfattning")
    );
    let mut figures = vec![
        (tr(lang, "Gross cost", "Bruttokostnad"), pick("gross")),
        (
            tr(lang, "Granted financing", "Beviljad finansiering"),
            pick("granted"),
        ),
        (tr(lang, "Net cost", "Nettokostnad"), pick("net")),
        (
            tr(lang, "Expected net cost", "Förväntad nettokostnad"),
            pick("expected_net"),
        ),
    ];
    if let Some(s) = &r.savings {
        let net = s.net;
        figures.push((tr(lang, "Savings (net)", "Besparing (netto)"), net));
    }
    for (label, v) in figures {
        let _ = writeln!(
            body,
            "<li><span class=\"label\">{}</span><span class=\"value\">{} {}</span></li>",
            esc(label),
            fmt_human(v, lang),
            esc(&cur)
        );
    }
    body.push_str("</ul>\n</section>\n");

    // The table.
    let _ = write!(
        body,
        "<section aria-labelledby=\"h-report\">\n<h2 id=\"h-report\">{}</h2>\n<div class=\"scroll\">\n<table>\n<caption>{} {}, {} {}</caption>\n<thead><tr>",
        tr(lang, "Costs", "Kostnader"),
        tr(lang, "Costs", "Kostnader"),
        years(r.from, r.to),
        tr(lang, "amounts in", "belopp i"),
        esc(&cur)
    );
    // The network's name, with its id below it: one column, not two.
    for k in &r.by {
        let _ = write!(
            body,
            "<th scope=\"col\">{}</th>",
            esc(key_heading(k.as_str(), lang))
        );
    }
    for h in money_headings(lang) {
        let _ = write!(body, "<th scope=\"col\" class=\"num\">{}</th>", esc(h));
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for l in &r.lines {
        body.push_str("<tr>");
        for (k, v) in r.by.iter().zip(&l.keys) {
            match (k, &l.name) {
                (GroupKey::Network, Some(name)) => {
                    let _ = write!(
                        body,
                        "<td>{}<span class=\"id\">{}</span></td>",
                        esc(name),
                        esc(&cell_text(&key_cell(v)))
                    );
                }
                _ => {
                    let _ = write!(body, "<td>{}</td>", esc(&cell_text(&key_cell(v))));
                }
            }
        }
        for v in money_cells(&l.money, lang)? {
            let _ = write!(body, "<td class=\"num\">{v}</td>");
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n<tfoot>\n");
    let mut sums = vec![(tr(lang, "Total", "Summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((tr(lang, "Savings", "Besparing"), s));
    }
    for (label, m) in sums {
        let _ = write!(
            body,
            "<tr><th scope=\"row\" colspan=\"{}\">{}</th>",
            r.by.len().max(1),
            esc(label)
        );
        for v in money_cells(m, lang)? {
            let _ = write!(body, "<td class=\"num\">{v}</td>");
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tfoot>\n</table>\n</div>\n</section>\n");

    body.push_str(&chart(r, lang)?);
    body.push_str(&findings_section(&ctx.findings, ctx, true));
    if let Some(e) = &ctx.equality {
        body.push_str(&equality_section(e, lang));
    }
    let title = format!(
        "{} — {} {}",
        r.organisation,
        tr(lang, "cost of networks", "kostnader för nätverk"),
        years(r.from, r.to)
    );
    let subtitle = format!(
        "{} {}. {} {}.",
        tr(
            lang,
            "Networks and collaborations, amounts in",
            "Nätverk och samarbeten, belopp i"
        ),
        cur,
        tr(lang, "Scope:", "Urval:"),
        super::scope_word(r.scope, lang)
    );
    Ok(page(lang, &title, &subtitle, ctx, &body))
}

/// Width of the bar area in the chart, in SVG units.
const BAR_AREA: i64 = 420;

/// Shortens a label for the chart (the full text is in the bar's title).
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

/// A horizontal bar chart of each line's net cost, inline SVG.
fn chart(r: &Report, lang: Lang) -> Result<String, String> {
    let overflow = || "a total is too large to write".to_string();
    let mut bars = Vec::new();
    for l in &r.lines {
        let net = l.money.net;
        bars.push((line_label(r, l), net.max(Decimal::ZERO)));
    }
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or_default();
    let cur = currency_word(&r.currency, lang);
    let what = if r.by.len() == 1 {
        key_heading(r.by[0].as_str(), lang).to_string()
    } else {
        tr(lang, "line", "rad").to_string()
    };
    let title = format!(
        "{} {} {}",
        tr(lang, "Net cost per", "Nettokostnad per"),
        what,
        years(r.from, r.to)
    );
    let desc_items: Vec<String> = bars
        .iter()
        .map(|(label, v)| format!("{label}: {} {cur}", fmt_human(*v, lang)))
        .collect();
    let desc = format!(
        "{}. {}",
        tr(
            lang,
            "Horizontal bars, longest for the highest net cost",
            "Liggande staplar, längst för den högsta nettokostnaden"
        ),
        desc_items.join("; ")
    );
    let row = 26i64;
    let top = 8i64;
    let label_w = 330i64;
    let width = label_w + BAR_AREA + 140;
    let height = top * 2 + row * bars.len().max(1) as i64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<section aria-labelledby=\"h-chart\">\n<h2 id=\"h-chart\">{}</h2>\n<figure>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n\
         <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>\n",
        esc(&title),
        esc(&title),
        esc(&desc)
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{label_w}\" y1=\"{}\" x2=\"{label_w}\" y2=\"{}\" stroke=\"#57606a\" stroke-width=\"1\"/>",
        top - 2,
        height - top + 2
    );
    for (i, (label, v)) in bars.iter().enumerate() {
        let y = top + row * i as i64;
        // Bar length in SVG units: exact decimals, rounded for drawing only.
        let w = if max.is_zero() {
            Decimal::ZERO
        } else {
            money::round2(
                money::div(
                    money::mul(*v, Decimal::from(BAR_AREA)).map_err(|_| overflow())?,
                    max,
                )
                .map_err(|_| overflow())?,
            )
        };
        let _ = writeln!(
            svg,
            "<g><title>{}: {} {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#1f5f99\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#1b1f24\">{}</text></g>",
            esc(label),
            fmt_human(*v, lang),
            esc(&cur),
            label_w - 8,
            y + 17,
            esc(&clip(label, 36)),
            y + 4,
            row - 8,
            format_args!("{}", money::round2(Decimal::from(label_w + 6) + w)),
            y + 17,
            esc(&format!("{} {cur}", fmt_human(*v, lang)))
        );
    }
    let _ = write!(
        svg,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>\n</section>\n",
        esc(&format!(
            "{}, {} {cur}.",
            title,
            tr(
                lang,
                "net of granted financing, in",
                "netto efter beviljad finansiering, i"
            )
        ))
    );
    Ok(svg)
}

/// The findings as a list, each with the network it concerns.
fn findings_section(findings: &[Finding], ctx: &Context<'_>, warnings_only: bool) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    let heading = if warnings_only {
        tr(lang, "Warnings", "Varningar")
    } else {
        tr(lang, "Findings", "Fynd")
    };
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">{heading}</h2>\n"
    );
    if findings.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            tr(lang, "Nothing to remark.", "Inget att anmärka.")
        );
    } else {
        out.push_str("<ul class=\"findings\">\n");
        for f in findings {
            let sev = match f.severity {
                Severity::Error => tr(lang, "error", "fel"),
                Severity::Warning => tr(lang, "warning", "varning"),
            };
            let network = network_of(ctx.inv, &f.path)
                .map(|n| format!("<strong>{}</strong>: ", esc(&n.name)))
                .unwrap_or_default();
            let mut place = esc(&f.path.to_string());
            if let (Some(l), Some(c)) = (f.line, f.column) {
                place = format!(
                    "{place} {} {l}, {} {c}",
                    tr(lang, "line", "rad"),
                    tr(lang, "column", "kolumn")
                );
            }
            let _ = writeln!(
                out,
                "<li><span class=\"code\">{sev} {}</span> {network}{} <span class=\"path\">{}</span></li>",
                esc(f.code.as_str()),
                esc(&f.message_in(lang)),
                place
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

fn counts_row(out: &mut String, label: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        esc(label),
        c.woman,
        c.man,
        c.other,
        c.unknown
    );
}

/// The equality statistics: a summary table and one row per network.
fn equality_section(e: &Equality, lang: Lang) -> String {
    let t = |en, sv| tr(lang, en, sv);
    let cur = currency_word(&e.currency, lang);
    let mut out = String::new();
    let genders = format!(
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
        t("women", "kvinnor"),
        t("men", "män"),
        t("other", "annat"),
        t("unknown", "okänt")
    );
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-equality\">\n<h2 id=\"h-equality\">{}</h2>\n<div class=\"scroll\">\n<table>\n<caption>{} {}</caption>\n<thead><tr><td></td>{genders}</tr></thead>\n<tbody>\n",
        t("Who represents the organisation", "Vem som representerar organisationen"),
        t("Seats and persons by gender", "Platser och personer efter kön"),
        years(e.from, e.to)
    );
    counts_row(&mut out, t("Seats", "Platser"), &e.seats);
    counts_row(
        &mut out,
        t("— politicians", "— politiker"),
        &e.seats_by_role.politician,
    );
    counts_row(
        &mut out,
        t("— officials", "— tjänstepersoner"),
        &e.seats_by_role.official,
    );
    counts_row(
        &mut out,
        t("— majority", "— majoritet"),
        &e.seats_by_side.majority,
    );
    counts_row(
        &mut out,
        t("— opposition", "— opposition"),
        &e.seats_by_side.opposition,
    );
    counts_row(&mut out, t("Persons", "Personer"), &e.persons);
    counts_row(
        &mut out,
        t("— politicians", "— politiker"),
        &e.persons_by_role.politician,
    );
    counts_row(
        &mut out,
        t("— officials", "— tjänstepersoner"),
        &e.persons_by_role.official,
    );
    counts_row(
        &mut out,
        t("— majority", "— majoritet"),
        &e.persons_by_side.majority,
    );
    counts_row(
        &mut out,
        t("— opposition", "— opposition"),
        &e.persons_by_side.opposition,
    );
    for (label, a) in [
        (t("Hours", "Timmar").to_string(), &e.hours),
        (
            format!("{} ({cur})", t("Time cost", "Tidskostnad")),
            &e.time_cost,
        ),
    ] {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&label),
            fmt_human(a.woman, lang),
            fmt_human(a.man, lang),
            fmt_human(a.other, lang),
            fmt_human(a.unknown, lang)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    let _ = write!(
        out,
        "<div class=\"scroll\">\n<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>{genders}<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        t(
            "Per network; balanced means 40–60 % of each gender",
            "Per nätverk; jämn betyder 40–60 % av vardera kön"
        ),
        t("network", "nätverk"),
        t("balanced", "jämn")
    );
    for n in &e.networks {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&n.name),
            n.woman,
            n.man,
            n.other,
            n.unknown,
            match n.balanced {
                Some(true) => t("yes", "ja"),
                Some(false) => t("no", "nej"),
                None => "–",
            }
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    out
}

/// Equality statistics as a page, with the warnings of `check`.
pub fn equality(e: &Equality, ctx: &Context<'_>) -> String {
    let lang = ctx.lang;
    let mut body = equality_section(e, lang);
    body.push_str(&findings_section(&ctx.findings, ctx, true));
    let title = format!(
        "{} — {} {}",
        e.organisation,
        tr(lang, "representation", "representation"),
        years(e.from, e.to)
    );
    let subtitle = format!(
        "{} {}.",
        tr(lang, "Scope:", "Urval:"),
        super::scope_word(e.scope, lang)
    );
    page(lang, &title, &subtitle, ctx, &body)
}

/// The findings of `check` as a page.
pub fn findings(f: &Findings, ctx: &Context<'_>) -> String {
    let lang = ctx.lang;
    let body = findings_section(f.as_slice(), ctx, false);
    let title = match ctx.inv {
        Some(inv) => format!(
            "{} — {}",
            inv.organisation().name,
            tr(lang, "check", "kontroll")
        ),
        None => tr(lang, "Inventory check", "Kontroll av inventeringen").to_string(),
    };
    let subtitle = format!(
        "{} {}, {} {}.",
        f.errors(),
        tr(lang, "errors", "fel"),
        f.warnings(),
        tr(lang, "warnings", "varningar")
    );
    page(lang, &title, &subtitle, ctx, &body)
}
