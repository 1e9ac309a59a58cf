//! One self-contained HTML page a board member can open on a phone or
//! print: title, the options used, key figures, the report's table with
//! its total (and savings), an inline SVG bar chart of net cost per line,
//! the warnings of `check` and the equality statistics. Every table is
//! laid out from the core's ([`Report::table`], [`Equality::tables`],
//! [`Findings::table`]) and every other word comes from the vocabulary.
//!
//! No external assets, no script; every text from the file goes through
//! [`esc`]. Person names are never shown: the report and the statistics
//! carry none, and nothing here looks them up.
//!
//! Responsive without script: no page scrolls sideways from 360 px up —
//! on a narrow screen each line of the report and each finding becomes a
//! card (`table.cards`), and the other tables scroll inside their own
//! focusable region. Printed, it is A4 landscape and the tables fit.

use std::io::Write;

use natverk::money;
use natverk::present::{count_text, fill, label, years, Align, DisplayCell, Table};
use natverk::{Equality, Findings, Lang, Report};
use rust_decimal::Decimal;

use super::{amount, cell_text, currency_word, network_of, row_label};
use super::{Context, Result};

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

pub(crate) const STYLE: &str = r#"
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --bar: #1f5f99; --warn: #8a4b00; --band: #f3f5f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 84rem; padding: 0 1.5rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.sub { color: var(--muted); margin: 0; }
dl.options { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .15rem 1rem; margin: 0; }
dl.options dt { color: var(--muted); }
dl.options dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: .4rem 0 0; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .8rem; flex: 1 1 11rem; max-width: 100%; }
.figures .label { display: block; color: var(--muted); font-size: .85rem; }
.figures .value { font-size: 1.2rem; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; margin-bottom: 1.2rem; max-width: 100%; }
.scroll:focus-visible { outline: 2px solid var(--bar); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { padding: .3rem .3rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { background: var(--band); }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
td.code { white-space: nowrap; }
tfoot td, tfoot th { font-weight: 600; border-top: 2px solid var(--ink); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
td.code code { color: var(--warn); }
td.path { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8em; color: var(--muted); }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 60rem; }
figcaption { color: var(--muted); font-size: .85rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 .8rem; }
  h1 { font-size: 1.3rem; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.cards, table.cards caption, table.cards tbody, table.cards tfoot, table.cards tr { display: block; width: 100%; }
  table.cards tr { border: 1px solid var(--rule); border-radius: 6px; padding: .4rem .6rem; margin-bottom: .6rem; }
  table.cards th, table.cards td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .1rem 0; text-align: right; white-space: normal; overflow-wrap: anywhere; }
  table.cards td:not(.num) { text-align: left; }
  table.cards th[scope=row] { display: block; text-align: left; font-weight: 600; }
  table.cards td::before { content: attr(data-label); color: var(--muted); text-align: left; flex: none; max-width: 50%; font: .85rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  table.cards tfoot tr { border: 2px solid var(--ink); }
  table.cards tfoot th, table.cards tfoot td { border-top: 0; }
}
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; padding: 0; }
  h2 { break-after: avoid; }
  figure, .figures { break-inside: avoid; }
  tr { break-inside: avoid; }
  table { font-size: 7.5pt; }
  th, td { padding: .15rem .25rem; }
  .scroll { overflow: visible; }
  thead th { background: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { size: A4 landscape; margin: 12mm; }
"#;

/// How a table is laid out on a narrow screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Narrow {
    /// Each row a card, each cell labelled with its column.
    Cards,
    /// The table scrolls inside its own region.
    Scroll,
}

/// The page up to its body: head, title, the options used.
fn page_start(out: &mut dyn Write, title: &str, subtitle: &str, ctx: &Context<'_>) -> Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"natverk {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n<main>\n",
        ctx.lang.as_str(),
        env!("CARGO_PKG_VERSION"),
        esc(title),
        esc(title),
        esc(subtitle)
    )?;
    if !ctx.options.is_empty() {
        write!(
            out,
            "<section aria-labelledby=\"h-options\">\n<h2 id=\"h-options\">{}</h2>\n<dl class=\"options\">\n",
            esc(label("doc.options", ctx.lang))
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
        "</main>\n<footer>{} · {}</footer>\n</body>\n</html>\n",
        esc(&fill(
            label("doc.made_with", lang),
            &[("version", env!("CARGO_PKG_VERSION"))]
        )),
        esc(&fill(
            label("doc.warnings_judged_on", lang),
            &[("date", &ctx.today.to_string())]
        )),
    )?;
    Ok(())
}

/// A cell's content as HTML.
fn cell_html(c: &DisplayCell, lang: Lang) -> String {
    esc(&cell_text(c, lang))
}

/// A core table as an HTML table: the column labels in `thead`, a row
/// header per row (its first cell), the footer rows (a report's total) in
/// `tfoot`. Every data cell carries its column's label for the card
/// layout. `extra` adds HTML before a row's cell of a column (the network
/// a finding concerns).
fn table(
    out: &mut dyn Write,
    t: &Table,
    id: &str,
    caption: &str,
    narrow: Narrow,
    lang: Lang,
    extra: &dyn Fn(usize, &str) -> String,
) -> Result<()> {
    // A table that becomes cards keeps explicit roles, so it stays a table
    // for screen readers when its display changes (as the widget's).
    let cards = narrow == Narrow::Cards;
    let role = |r: &'static str| if cards { r } else { "" };
    let class = if cards {
        " class=\"cards\" role=\"table\""
    } else {
        ""
    };
    write!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n<table{class}>\n<caption id=\"{id}\">{}</caption>\n<thead{}><tr{}>",
        esc(caption),
        role(" role=\"rowgroup\""),
        role(" role=\"row\""),
    )?;
    for c in &t.columns {
        let num = if c.align == Align::Right {
            " class=\"num\""
        } else {
            ""
        };
        write!(
            out,
            "<th scope=\"col\"{num}{}>{}</th>",
            role(" role=\"columnheader\""),
            esc(c.label)
        )?;
    }
    write!(
        out,
        "</tr></thead>\n<tbody{}>\n",
        role(" role=\"rowgroup\"")
    )?;
    let labels: Vec<String> = t.columns.iter().map(|c| esc(c.label)).collect();
    let mut line = String::new();
    for (n, r) in t.rows.iter().enumerate() {
        line.clear();
        line.push_str("<tr");
        line.push_str(role(" role=\"row\""));
        line.push('>');
        for (i, cell) in r.iter().enumerate() {
            let col = &t.columns[i];
            let mut class = Vec::new();
            if col.align == Align::Right {
                class.push("num");
            }
            if matches!(col.key, "code" | "path") {
                class.push(col.key);
            }
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", class.join(" "))
            };
            let mut content = cell_html(cell, lang);
            if col.key == "code" {
                content = format!("<code>{content}</code>");
            }
            let before = extra(n, col.key);
            if !before.is_empty() {
                // one element, so a card lays it out as one value
                content = format!("<span>{before}{content}</span>");
            }
            if i == 0 {
                line.push_str(&format!(
                    "<th scope=\"row\"{class}{}>{content}</th>",
                    role(" role=\"rowheader\"")
                ));
            } else {
                line.push_str(&format!(
                    "<td{class}{} data-label=\"{}\">{content}</td>",
                    role(" role=\"cell\""),
                    labels[i]
                ));
            }
        }
        line.push_str("</tr>\n");
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"</tbody>\n")?;
    if !t.footer.is_empty() {
        writeln!(out, "<tfoot{}>", role(" role=\"rowgroup\""))?;
        for r in &t.footer {
            // The name of the row spans the key columns it leaves empty.
            let span = 1 + r
                .iter()
                .skip(1)
                .take_while(|c| **c == DisplayCell::Null)
                .count();
            write!(
                out,
                "<tr{}><th scope=\"row\" colspan=\"{span}\"{}>{}</th>",
                role(" role=\"row\""),
                role(" role=\"rowheader\""),
                cell_html(&r[0], lang)
            )?;
            for (i, cell) in r.iter().enumerate().skip(span) {
                let num = if t.columns[i].align == Align::Right {
                    "num"
                } else {
                    ""
                };
                write!(
                    out,
                    "<td class=\"{num}\"{} data-label=\"{}\">{}</td>",
                    role(" role=\"cell\""),
                    labels[i],
                    cell_html(cell, lang)
                )?;
            }
            out.write_all(b"</tr>\n")?;
        }
        out.write_all(b"</tfoot>\n")?;
    }
    out.write_all(b"</table>\n</div>\n")?;
    Ok(())
}

fn no_extra(_: usize, _: &str) -> String {
    String::new()
}

/// A cost report as a page.
pub fn report(r: &Report, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let t = r.table(lang);
    let what = r.caption(lang);
    page_start(out, &t.title, &what, ctx)?;

    // Key figures.
    write!(
        out,
        "<section aria-labelledby=\"h-figures\">\n<h2 id=\"h-figures\">{}</h2>\n<ul class=\"figures\">\n",
        esc(label("doc.in_short", lang))
    )?;
    let mut figures = vec![
        ("doc.figure.gross", r.total.gross),
        ("doc.figure.granted", r.total.granted),
        ("doc.figure.net", r.total.net),
        ("doc.figure.expected_net", r.total.expected_net),
    ];
    if let Some(s) = &r.savings {
        figures.push(("doc.figure.savings", s.net));
    }
    for (key, v) in figures {
        writeln!(
            out,
            "<li><span class=\"label\">{}</span><span class=\"value\">{}</span></li>",
            esc(label(key, lang)),
            esc(&amount(v, &r.currency, lang))
        )?;
    }
    out.write_all(b"</ul>\n</section>\n")?;

    write!(
        out,
        "<section aria-labelledby=\"h-report\">\n<h2 id=\"h-report\">{}</h2>\n",
        esc(label("ui.report", lang))
    )?;
    table(out, &t, "t-report", &what, Narrow::Cards, lang, &no_extra)?;
    out.write_all(b"</section>\n")?;

    chart(r, &t, lang, out)?;
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
fn chart(r: &Report, t: &Table, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let net = |l: &natverk::Line| l.money.net.max(Decimal::ZERO);
    let max = r.lines.iter().map(net).max().unwrap_or(Decimal::ZERO);
    let title = fill(
        label("ui.chart_title", lang),
        &[("years", &years(r.from, r.to))],
    );
    let desc = fill(
        label("ui.chart_desc", lang),
        &[("currency", &currency_word(&r.currency, lang))],
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
         <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}",
        esc(&title),
        esc(&title),
        esc(&desc),
    )?;
    let labels: Vec<String> = t.rows.iter().map(|c| row_label(t, c, lang)).collect();
    for (i, l) in r.lines.iter().enumerate() {
        let sep = if i == 0 { " " } else { "; " };
        write!(
            out,
            "{sep}{}",
            esc(&format!(
                "{}: {}",
                labels[i],
                amount(net(l), &r.currency, lang)
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
        let v = net(l);
        let label = &labels[i];
        let value = amount(v, &r.currency, lang);
        let y = top + row * i as i64;
        // Bar length in SVG units: exact decimals, rounded for drawing only.
        // The share first (v ≤ max, so at most 1), then the length: no
        // amount the decimal type holds can overflow here.
        let w = if max.is_zero() {
            Decimal::ZERO
        } else {
            // A length for drawing, not money: the decimal type's own
            // rounding in the 28th digit is fine here.
            let share = v.checked_div(max).ok_or(money::Overflow)?;
            money::round2(
                share
                    .checked_mul(Decimal::from(BAR_AREA))
                    .ok_or(money::Overflow)?,
            )
        };
        writeln!(
            out,
            "<g><title>{}: {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#1f5f99\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#1b1f24\">{}</text></g>",
            esc(label),
            esc(&value),
            label_w - 8,
            y + 17,
            esc(&clip(label, 36)),
            y + 4,
            row - 8,
            format_args!("{}", money::round2(Decimal::from(label_w + 6) + w)),
            y + 17,
            esc(&value)
        )?;
    }
    write!(
        out,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>\n</section>\n",
        esc(&format!("{title}. {desc}"))
    )?;
    Ok(())
}

/// The findings as the core's table; a finding about a network names it
/// (in bold) before its message.
fn findings_section(
    out: &mut dyn Write,
    findings: &Findings,
    ctx: &Context<'_>,
    warnings_only: bool,
) -> Result<()> {
    let lang = ctx.lang;
    let (heading, none) = if warnings_only {
        ("ui.warnings", "ui.no_warnings")
    } else {
        ("ui.findings", "ui.no_findings")
    };
    write!(
        out,
        "<section aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">{}</h2>\n",
        esc(label(heading, lang))
    )?;
    if findings.is_empty() {
        writeln!(out, "<p>{}</p>", esc(label(none, lang)))?;
    } else {
        let t = findings.table(lang);
        let all = findings.as_slice();
        let extra = |n: usize, key: &str| -> String {
            if key != "message" {
                return String::new();
            }
            all.get(n)
                .and_then(|f| network_of(ctx.inv, &f.path))
                .map(|net| format!("<strong>{}</strong>: ", esc(&net.name)))
                .unwrap_or_default()
        };
        let what = format!(
            "{}, {}",
            count_text("count.errors", findings.errors(), lang),
            count_text("count.warnings", findings.warnings(), lang)
        );
        table(out, &t, "t-findings", &what, Narrow::Cards, lang, &extra)?;
    }
    out.write_all(b"</section>\n")?;
    Ok(())
}

/// The equality statistics: each of the core's tables under its title.
fn equality_section(out: &mut dyn Write, e: &Equality, lang: Lang) -> Result<()> {
    write!(
        out,
        "<section aria-labelledby=\"h-equality\">\n<h2 id=\"h-equality\">{}</h2>\n",
        esc(label("ui.equality_title", lang))
    )?;
    for t in e.tables(lang) {
        let narrow = if t.key == "networks" {
            Narrow::Cards
        } else {
            Narrow::Scroll
        };
        let id = format!("t-{}", t.key);
        table(out, &t, &id, &t.title, narrow, lang, &no_extra)?;
    }
    out.write_all(b"</section>\n")?;
    Ok(())
}

/// Equality statistics as a page, with the warnings of `check`.
pub fn equality(e: &Equality, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let title = fill(
        label("doc.equality_title", lang),
        &[
            ("organisation", &e.organisation),
            ("years", &years(e.from, e.to)),
        ],
    );
    let subtitle = format!("{}: {}", label("ui.scope", lang), e.scope.label(lang));
    page_start(out, &title, &subtitle, ctx)?;
    equality_section(out, e, lang)?;
    findings_section(out, &ctx.findings, ctx, true)?;
    page_end(out, ctx)
}

/// A page of core tables, each in a section under its title.
pub fn tables(
    title: &str,
    subtitle: &str,
    ts: &[Table],
    ctx: &Context<'_>,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    page_start(out, title, subtitle, ctx)?;
    for (i, t) in ts.iter().enumerate() {
        let id = format!("t-{i}");
        write!(
            out,
            "<section aria-labelledby=\"h-{i}\">\n<h2 id=\"h-{i}\">{}</h2>\n",
            esc(&t.title)
        )?;
        if t.rows.is_empty() && t.footer.is_empty() {
            writeln!(out, "<p>{}</p>", esc(label("ui.none", lang)))?;
        } else {
            table(out, t, &id, &t.title, Narrow::Scroll, lang, &no_extra)?;
        }
        out.write_all(b"</section>\n")?;
    }
    page_end(out, ctx)
}

/// The findings of `check` as a page.
pub fn findings(f: &Findings, ctx: &Context<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let title = match ctx.inv {
        Some(inv) => fill(
            label("doc.check_title", lang),
            &[("organisation", &inv.organisation().name)],
        ),
        None => label("doc.check", lang).to_string(),
    };
    let subtitle = format!(
        "{}, {}",
        count_text("count.errors", f.errors(), lang),
        count_text("count.warnings", f.warnings(), lang)
    );
    page_start(out, &title, &subtitle, ctx)?;
    findings_section(out, f, ctx, false)?;
    page_end(out, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }
}
