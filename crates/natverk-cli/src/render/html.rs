//! One self-contained HTML page a board member can open or print: title,
//! the options used, the report with its totals (and savings), an inline
//! SVG bar chart of net cost per line, the warnings of `check` and the
//! equality summary. No external assets, no script; every text from the
//! file goes through [`esc`]. Person names are never shown: the report and
//! the statistics carry none, and nothing here looks them up.

use std::io::Write;

use natverk::money::{self, fmt_human};
use natverk::Counts;
use natverk::Lang;
use natverk::{Equality, Finding, Findings, GroupKey, Money, Report, Severity};
use rust_decimal::Decimal;

use super::{
    cell_text, currency_word, key_cell, key_heading, line_label, money_headings, network_of, tr,
    years, Context, Result,
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

/// The page up to its body: head, title, the options used.
fn page_start(out: &mut dyn Write, title: &str, subtitle: &str, ctx: &Context<'_>) -> Result<()> {
    let lang = ctx.lang;
    let code = match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"natverk {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
        esc(title),
        esc(subtitle)
    )?;
    if !ctx.options.is_empty() {
        write!(
            out,
            "<section aria-labelledby=\"h-options\">\n<h2 id=\"h-options\">{}</h2>\n<dl class=\"options\">\n",
            tr(lang, "Options", "Urval och inställningar")
        )?;
        for (k, v) in &ctx.options {
            writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v))?;
        }
        out.write_all(b"</dl>\n</section>\n")?;
    }
    Ok(())
}

/// The end of the page.
fn page_end(out: &mut dyn Write, ctx: &Context<'_>) -> Result<()> {
    let lang = ctx.lang;
    write!(
        out,
        "<footer>{} natverk {} · {} {}</footer>\n</body>\n</html>\n",
        tr(lang, "Made with", "Framtagen med"),
        env!("CARGO_PKG_VERSION"),
        tr(lang, "warnings judged on", "varningar bedömda per"),
        ctx.today
    )?;
    Ok(())
}

fn money_cells(m: &Money, lang: Lang) -> Result<Vec<String>> {
    Ok(m.fields()
        .iter()
        .map(|(_, v)| fmt_human(*v, lang))
        .collect())
}

/// A cost report as a page.
pub fn report(r: &Report, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let cur = currency_word(&r.currency, lang);
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
    // Every figure first, so an overflow fails before a byte is written.
    for l in &r.lines {
        l.money.fields();
    }
    let total = r.total.fields();
    page_start(out, &title, &subtitle, ctx)?;

    // Key figures.
    let pick = |name: &str| {
        total
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .unwrap_or_default()
    };
    write!(
        out,
        "<section aria-labelledby=\"h-figures\">\n<h2 id=\"h-figures\">{}</h2>\n<ul class=\"figures\">\n",
        tr(lang, "In short", "Sammanfattning")
    )?;
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
        writeln!(
            out,
            "<li><span class=\"label\">{}</span><span class=\"value\">{} {}</span></li>",
            esc(label),
            fmt_human(v, lang),
            esc(&cur)
        )?;
    }
    out.write_all(b"</ul>\n</section>\n")?;

    // The table.
    write!(
        out,
        "<section aria-labelledby=\"h-report\">\n<h2 id=\"h-report\">{}</h2>\n<div class=\"scroll\">\n<table>\n<caption>{} {}, {} {}</caption>\n<thead><tr>",
        tr(lang, "Costs", "Kostnader"),
        tr(lang, "Costs", "Kostnader"),
        years(r.from, r.to),
        tr(lang, "amounts in", "belopp i"),
        esc(&cur)
    )?;
    // The network's name, with its id below it: one column, not two.
    for k in &r.by {
        write!(
            out,
            "<th scope=\"col\">{}</th>",
            esc(key_heading(k.as_str(), lang))
        )?;
    }
    for h in money_headings(lang) {
        write!(out, "<th scope=\"col\" class=\"num\">{}</th>", esc(h))?;
    }
    out.write_all(b"</tr></thead>\n<tbody>\n")?;
    for l in &r.lines {
        out.write_all(b"<tr>")?;
        for (k, v) in r.by.iter().zip(&l.keys) {
            match (k, &l.name) {
                (GroupKey::Network, Some(name)) => {
                    write!(
                        out,
                        "<td>{}<span class=\"id\">{}</span></td>",
                        esc(name),
                        esc(&cell_text(&key_cell(v)))
                    )?;
                }
                _ => {
                    write!(out, "<td>{}</td>", esc(&cell_text(&key_cell(v))))?;
                }
            }
        }
        for v in money_cells(&l.money, lang)? {
            write!(out, "<td class=\"num\">{v}</td>")?;
        }
        out.write_all(b"</tr>\n")?;
    }
    out.write_all(b"</tbody>\n<tfoot>\n")?;
    let mut sums = vec![(tr(lang, "Total", "Summa"), &r.total)];
    if let Some(s) = &r.savings {
        sums.push((tr(lang, "Savings", "Besparing"), s));
    }
    for (label, m) in sums {
        write!(
            out,
            "<tr><th scope=\"row\" colspan=\"{}\">{}</th>",
            r.by.len().max(1),
            esc(label)
        )?;
        for v in money_cells(m, lang)? {
            write!(out, "<td class=\"num\">{v}</td>")?;
        }
        out.write_all(b"</tr>\n")?;
    }
    out.write_all(b"</tfoot>\n</table>\n</div>\n</section>\n")?;

    chart(r, lang, out)?;
    findings_section(out, &ctx.findings, ctx, true)?;
    if let Some(e) = &ctx.equality {
        equality_section(out, e, lang)?;
    }
    page_end(out, ctx)
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
fn chart(r: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let net = |l: &natverk::Line| -> Result<Decimal> { Ok(l.money.net.max(Decimal::ZERO)) };
    let mut max = Decimal::ZERO;
    for l in &r.lines {
        max = max.max(net(l)?);
    }
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
    let row = 26i64;
    let top = 8i64;
    let label_w = 330i64;
    let width = label_w + BAR_AREA + 140;
    let height = top * 2 + row * r.lines.len().max(1) as i64;
    write!(
        out,
        "<section aria-labelledby=\"h-chart\">\n<h2 id=\"h-chart\">{}</h2>\n<figure>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n\
         <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}.",
        esc(&title),
        esc(&title),
        esc(tr(
            lang,
            "Horizontal bars, longest for the highest net cost",
            "Liggande staplar, längst för den högsta nettokostnaden"
        )),
    )?;
    for (i, l) in r.lines.iter().enumerate() {
        let sep = if i == 0 { " " } else { "; " };
        write!(
            out,
            "{sep}{}",
            esc(&format!(
                "{}: {} {cur}",
                line_label(r, l),
                fmt_human(net(l)?, lang)
            ))
        )?;
    }
    out.write_all(b"</desc>\n")?;
    writeln!(
        out,
        "<line x1=\"{label_w}\" y1=\"{}\" x2=\"{label_w}\" y2=\"{}\" stroke=\"#57606a\" stroke-width=\"1\"/>",
        top - 2,
        height - top + 2
    )?;
    for (i, l) in r.lines.iter().enumerate() {
        let v = net(l)?;
        let label = line_label(r, l);
        let y = top + row * i as i64;
        // Bar length in SVG units: exact decimals, rounded for drawing only.
        // The share first (v ≤ max, so at most 1), then the length: no
        // amount the decimal type holds can overflow here.
        let w = if max.is_zero() {
            Decimal::ZERO
        } else {
            let share = money::div(v, max)?;
            money::round2(money::mul(share, Decimal::from(BAR_AREA))?)
        };
        writeln!(
            out,
            "<g><title>{}: {} {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#1f5f99\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#1b1f24\">{}</text></g>",
            esc(&label),
            fmt_human(v, lang),
            esc(&cur),
            label_w - 8,
            y + 17,
            esc(&clip(&label, 36)),
            y + 4,
            row - 8,
            format_args!("{}", money::round2(Decimal::from(label_w + 6) + w)),
            y + 17,
            esc(&format!("{} {cur}", fmt_human(v, lang)))
        )?;
    }
    write!(
        out,
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
    )?;
    Ok(())
}

/// The findings as a list, each with the network it concerns.
fn findings_section(
    out: &mut dyn Write,
    findings: &[Finding],
    ctx: &Context<'_>,
    warnings_only: bool,
) -> Result<()> {
    let lang = ctx.lang;
    let heading = if warnings_only {
        tr(lang, "Warnings", "Varningar")
    } else {
        tr(lang, "Findings", "Fynd")
    };
    write!(
        out,
        "<section aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">{heading}</h2>\n"
    )?;
    if findings.is_empty() {
        writeln!(
            out,
            "<p>{}</p>",
            tr(lang, "Nothing to remark.", "Inget att anmärka.")
        )?;
    } else {
        out.write_all(b"<ul class=\"findings\">\n")?;
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
            writeln!(
                out,
                "<li><span class=\"code\">{sev} {}</span> {network}{} <span class=\"path\">{}</span></li>",
                esc(f.code.as_str()),
                esc(&f.message_in(lang)),
                place
            )?;
        }
        out.write_all(b"</ul>\n")?;
    }
    out.write_all(b"</section>\n")?;
    Ok(())
}

fn counts_row(out: &mut dyn Write, label: &str, c: &Counts) -> Result<()> {
    writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        esc(label),
        c.woman,
        c.man,
        c.other,
        c.unknown
    )?;
    Ok(())
}

/// The equality statistics: a summary table and one row per network.
fn equality_section(out: &mut dyn Write, e: &Equality, lang: Lang) -> Result<()> {
    let t = |en, sv| tr(lang, en, sv);
    let cur = currency_word(&e.currency, lang);
    let genders = format!(
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
        t("women", "kvinnor"),
        t("men", "män"),
        t("other", "annat"),
        t("unknown", "okänt")
    );
    write!(
        out,
        "<section aria-labelledby=\"h-equality\">\n<h2 id=\"h-equality\">{}</h2>\n<div class=\"scroll\">\n<table>\n<caption>{} {}</caption>\n<thead><tr><td></td>{genders}</tr></thead>\n<tbody>\n",
        t("Who represents the organisation", "Vem som representerar organisationen"),
        t("Seats and persons by gender", "Platser och personer efter kön"),
        years(e.from, e.to)
    )?;
    counts_row(out, t("Seats", "Platser"), &e.seats)?;
    counts_row(
        out,
        t("— politicians", "— politiker"),
        &e.seats_by_role.politician,
    )?;
    counts_row(
        out,
        t("— officials", "— tjänstepersoner"),
        &e.seats_by_role.official,
    )?;
    counts_row(
        out,
        t("— majority", "— majoritet"),
        &e.seats_by_side.majority,
    )?;
    counts_row(
        out,
        t("— opposition", "— opposition"),
        &e.seats_by_side.opposition,
    )?;
    counts_row(out, t("Persons", "Personer"), &e.persons)?;
    counts_row(
        out,
        t("— politicians", "— politiker"),
        &e.persons_by_role.politician,
    )?;
    counts_row(
        out,
        t("— officials", "— tjänstepersoner"),
        &e.persons_by_role.official,
    )?;
    counts_row(
        out,
        t("— majority", "— majoritet"),
        &e.persons_by_side.majority,
    )?;
    counts_row(
        out,
        t("— opposition", "— opposition"),
        &e.persons_by_side.opposition,
    )?;
    for (label, a) in [
        (t("Hours", "Timmar").to_string(), &e.hours),
        (
            format!("{} ({cur})", t("Time cost", "Tidskostnad")),
            &e.time_cost,
        ),
    ] {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&label),
            fmt_human(a.woman, lang),
            fmt_human(a.man, lang),
            fmt_human(a.other, lang),
            fmt_human(a.unknown, lang)
        )?;
    }
    out.write_all(b"</tbody>\n</table>\n</div>\n")?;
    write!(
        out,
        "<div class=\"scroll\">\n<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>{genders}<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        t(
            "Per network; balanced means 40–60 % of each gender",
            "Per nätverk; jämn betyder 40–60 % av vardera kön"
        ),
        t("network", "nätverk"),
        t("balanced", "jämn")
    )?;
    for n in &e.networks {
        writeln!(
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
        )?;
    }
    out.write_all(b"</tbody>\n</table>\n</div>\n</section>\n")?;
    Ok(())
}

/// Equality statistics as a page, with the warnings of `check`.
pub fn equality(e: &Equality, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
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
    page_start(out, &title, &subtitle, ctx)?;
    equality_section(out, e, lang)?;
    findings_section(out, &ctx.findings, ctx, true)?;
    page_end(out, ctx)
}

/// The findings of `check` as a page.
pub fn findings(f: &Findings, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
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
    page_start(out, &title, &subtitle, ctx)?;
    findings_section(out, f.as_slice(), ctx, false)?;
    page_end(out, ctx)
}
