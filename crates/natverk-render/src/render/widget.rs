//! The widget pre-rendered (SPEC §8, `natverk report FILE --format
//! widget`): a `<natverk-inventory>` element whose first view is already
//! inside it as declarative shadow DOM (`<template shadowrootmode="open">`),
//! so a page shows the table at first paint and reads without JavaScript.
//! When the widget's module loads it adopts this shadow root instead of
//! rendering again (bindings/wasm/js/widget.js), so the markup here is the
//! markup the widget itself builds: the same elements, classes, roles and
//! attributes, the same order of lines (the first group key ascending) and
//! the first [`PAGE`] lines, amounts written as the widget writes them.
//!
//! The report's rows and columns are the core's ([`Report::table`]); every
//! word comes from the core's vocabulary; every text from the file goes
//! through [`esc`]. Styles come from the widget's stylesheet by a
//! `<link rel="stylesheet">`: no `style` attribute or element, no script,
//! so a page under a strict Content-Security-Policy shows it styled. Person
//! names are never written: the report and the warnings carry none, and the
//! delegations are left for the module (which shows names only with the
//! `show-names` attribute).

use std::io::Write;

use natverk::money;
use natverk::present::{currency_word, fill, label, years, DisplayCell, Table};
use natverk::{Findings, Inventory, Lang, Report, Severity};
use rust_decimal::Decimal;

use super::html::esc;
use super::{key_count, Result};

/// Lines shown before the reader asks for all of them (the core's).
pub const PAGE: usize = natverk::present::PAGE_LINES;
/// Warnings listed in the fragment; a line says how many more there are.
/// The module lists them all once it has adopted the element (a long list
/// is HTML the browser parses before the first paint: 500 warnings were
/// two thirds of a 1 000-network fragment).
pub const WARNINGS_SHOWN: usize = 20;
/// Bars of the chart (the widget's `CHART_MAX_BARS`).
const CHART_MAX_BARS: usize = 20;
/// The money columns the widget shows when none are chosen (the core's).
pub const DEFAULT_COLUMNS: [&str; 5] = natverk::present::DEFAULT_MONEY_COLUMNS;

/// What the element carries besides the report: where the widget finds
/// the file and its stylesheet, and the options the report was made with.
pub struct Widget<'a> {
    /// The inventory the report comes from.
    pub inv: &'a Inventory,
    /// The language of every word.
    pub lang: Lang,
    /// The `src` attribute: the URL of the (public) file the module loads.
    pub src: &'a str,
    /// The `href` of the widget's stylesheet.
    pub stylesheet: &'a str,
    /// The money columns shown (`None`: the widget's default).
    pub columns: Option<&'a [String]>,
    /// The warnings shown, judged on `today`.
    pub warnings: &'a Findings,
    /// The date the warnings are judged on (the `today` attribute).
    pub today: chrono::NaiveDate,
}

/// A text of the vocabulary with its `{placeholders}` filled.
fn say(key: &str, lang: Lang, values: &[(&str, &str)]) -> String {
    fill(label(key, lang), values)
}

/// Writes amounts as the widget's `exactFormatter` does: the core's exact
/// two-decimal string, digits grouped by `ui.group_mark`, `ui.decimal_mark`,
/// placed in `ui.money` with the currency's word; whole units when every
/// amount of the report is whole.
struct Amounts {
    group: &'static str,
    point: &'static str,
    before: String,
    after: String,
    whole: bool,
}

impl Amounts {
    fn new(r: &Report, lang: Lang) -> Amounts {
        let word = currency_word(&r.currency, lang);
        let pattern = fill(label("ui.money", lang), &[("currency", &word)]);
        let (before, after) = pattern
            .split_once("{amount}")
            .map_or((String::new(), String::new()), |(b, a)| {
                (b.to_string(), a.to_string())
            });
        let whole = r
            .lines
            .iter()
            .map(|l| &l.money)
            .chain(std::iter::once(&r.total))
            .all(|m| m.fields().iter().all(|(_, v)| v.fract().is_zero()));
        Amounts {
            group: label("ui.group_mark", lang),
            point: label("ui.decimal_mark", lang),
            before,
            after,
            whole,
        }
    }

    fn text(&self, d: Decimal) -> String {
        let s = money::fmt2(d);
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        };
        let (int, frac) = s.split_once('.').unwrap_or((s, "00"));
        let mut out = String::with_capacity(s.len() + 16);
        if neg {
            out.push('-');
        }
        out.push_str(&self.before);
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(ch);
        }
        if !(self.whole && frac.bytes().all(|b| b == b'0')) {
            out.push_str(self.point);
            out.push_str(frac);
        }
        out.push_str(&self.after);
        out
    }
}

/// One column of the widget's table: a group key's (its cell, and the
/// network's name cell beside it) or a money field's; `label` is the
/// core's caption of the column (`Report::columns`).
enum Col {
    Key {
        key: &'static str,
        label: &'static str,
        at: usize,
        name: Option<usize>,
    },
    Money {
        key: &'static str,
        label: &'static str,
        at: usize,
    },
}

impl Col {
    fn key(&self) -> &'static str {
        match self {
            Col::Key { key, .. } | Col::Money { key, .. } => key,
        }
    }
    fn label(&self) -> &'static str {
        match self {
            Col::Key { label, .. } | Col::Money { label, .. } => label,
        }
    }
}

/// The columns of the core's table the widget shows, in its order: the
/// group keys, then the chosen money fields in the core's order.
fn columns(t: &Table, chosen: &[&str]) -> Vec<Col> {
    let keys = key_count(t);
    let mut cols = Vec::new();
    for (i, c) in t.columns.iter().enumerate().take(keys) {
        // the network's name goes with its id; the unit's name is not in
        // the widget's own table (the module draws it without), so the
        // pre-rendered one leaves it out too
        if c.key == "name" || c.key == "unit_name" {
            continue;
        }
        // the core's name column beside the key: the network's or the unit's
        let name_key = match c.key {
            "network" => Some("name"),
            "unit" => Some("unit_name"),
            _ => None,
        };
        let name =
            name_key.and_then(|nk| t.columns.get(i + 1).filter(|n| n.key == nk).map(|_| i + 1));
        cols.push(Col::Key {
            key: c.key,
            label: c.label,
            at: i,
            name,
        });
    }
    for (i, c) in t.columns.iter().enumerate().skip(keys) {
        if chosen.contains(&c.key) {
            cols.push(Col::Money {
                key: c.key,
                label: c.label,
                at: i,
            });
        }
    }
    cols
}

/// A group key's text as the widget shows it: a network or a unit by its
/// name (the core's `name` and `unit_name` columns; the id without one),
/// words in the language, `ui.none` for no value. `None` only for no value
/// (sorted last).
fn key_text(col: &Col, row: &[DisplayCell]) -> Option<String> {
    let Col::Key { at, name, .. } = col else {
        return None;
    };
    if let Some(DisplayCell::Text(n)) = name.and_then(|i| row.get(i)) {
        return Some(n.clone());
    }
    match row.get(*at)? {
        DisplayCell::Text(t) => Some(t.clone()),
        DisplayCell::Word(w) => Some((*w).to_string()),
        DisplayCell::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// The order the widget shows lines in at first: by the first group key
/// ascending (years as numbers, texts as JavaScript compares strings, by
/// UTF-16 code units), lines without a value last, ties in the core's order.
fn first_order(t: &Table, cols: &[Col]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..t.rows.len()).collect();
    let Some(first) = cols.iter().find(|c| matches!(c, Col::Key { .. })) else {
        return order;
    };
    if first.key() == "year" {
        let at = match first {
            Col::Key { at, .. } => *at,
            Col::Money { at, .. } => *at,
        };
        let year = |i: usize| match t.rows[i].get(at) {
            Some(DisplayCell::Int(y)) => Some(*y),
            _ => None,
        };
        order.sort_by_key(|&i| (year(i).is_none(), year(i)));
        return order;
    }
    let texts: Vec<Option<Vec<u16>>> = t
        .rows
        .iter()
        .map(|r| key_text(first, r).map(|s| s.encode_utf16().collect()))
        .collect();
    order.sort_by(|&a, &b| match (&texts[a], &texts[b]) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    order
}

/// Writes the element: `<natverk-inventory …><template shadowrootmode="open">`
/// with the widget's first view, then `</template></natverk-inventory>`.
pub fn report(r: &Report, w: &Widget<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = w.lang;
    let by: Vec<&str> = r.by.iter().map(|k| k.as_str()).collect();
    write!(
        out,
        "<natverk-inventory src=\"{}\" from=\"{}\" to=\"{}\" scope=\"{}\" by=\"{}\" lang=\"{}\" today=\"{}\"",
        esc(w.src),
        r.from,
        r.to,
        esc(r.scope.as_str()),
        esc(&by.join(",")),
        lang.as_str(),
        w.today,
    )?;
    if let Some(c) = w.columns {
        write!(out, " columns=\"{}\"", esc(&c.join(",")))?;
    }
    writeln!(out, ">\n<template shadowrootmode=\"open\">")?;
    writeln!(
        out,
        "<link rel=\"stylesheet\" href=\"{}\">",
        esc(w.stylesheet)
    )?;
    writeln!(
        out,
        "<section class=\"natverk\" lang=\"{}\" aria-labelledby=\"natverk-heading\" data-prerendered=\"\">",
        lang.as_str()
    )?;
    writeln!(
        out,
        "<h2 id=\"natverk-heading\"><span class=\"org\">{}</span>{}</h2>",
        esc(&r.organisation),
        esc(label("ui.title", lang))
    )?;
    out.write_all(b"<div class=\"filter\"></div>\n")?;
    let n = r.lines.len();
    let span = years(r.from, r.to);
    let count = n.to_string();
    let lines = say(
        if n == 1 { "ui.lines_one" } else { "ui.lines" },
        lang,
        &[("count", &count), ("years", &span)],
    );
    writeln!(
        out,
        "<p class=\"status\" role=\"status\">{}</p>",
        esc(&lines)
    )?;
    out.write_all(b"<div class=\"tools\">")?;
    warnings(w, out)?;
    writeln!(
        out,
        "<details class=\"columns\"><summary>{}</summary></details></div>",
        esc(label("ui.columns", lang))
    )?;

    let t = r.table(lang);
    let chosen: Vec<&str> = match w.columns {
        Some(c) if !c.is_empty() => c.iter().map(String::as_str).collect(),
        _ => DEFAULT_COLUMNS.to_vec(),
    };
    let cols = columns(&t, &chosen);
    let amounts = Amounts::new(r, lang);
    let order = first_order(&t, &cols);
    table(r, w, &t, &cols, &order, &amounts, out)?;
    chart(r, w, &t, &cols, &amounts, out)?;
    out.write_all(b"<div class=\"equality\"></div>\n")?;
    writeln!(
        out,
        "<details class=\"delegations\"><summary>{}</summary></details>",
        esc(label("ui.delegations", lang))
    )?;
    out.write_all(b"</section>\n</template>\n</natverk-inventory>\n")?;
    Ok(())
}

fn table(
    r: &Report,
    w: &Widget<'_>,
    t: &Table,
    cols: &[Col],
    order: &[usize],
    amounts: &Amounts,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = w.lang;
    let nkeys = cols.iter().filter(|c| matches!(c, Col::Key { .. })).count();
    let caption = esc(&r.caption(lang));
    write!(
        out,
        "<div class=\"table\"><div class=\"scroll\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">\
         <table class=\"lines\" role=\"table\"><caption>{caption}</caption>\n\
         <thead role=\"rowgroup\"><tr role=\"row\">"
    )?;
    for (i, c) in cols.iter().enumerate() {
        let money = matches!(c, Col::Money { .. });
        let sorted = i == 0 && !money;
        let lbl = c.label();
        write!(
            out,
            "<th scope=\"col\" role=\"columnheader\"{}{}><button type=\"button\" data-col=\"{}\" title=\"{}\">{}<span class=\"arrow\" aria-hidden=\"true\">{}</span></button></th>",
            if money { " class=\"num\"" } else { "" },
            if sorted { " aria-sort=\"ascending\"" } else { "" },
            c.key(),
            esc(&say("ui.sort_by", lang, &[("column", lbl)])),
            esc(lbl),
            if sorted { "▲" } else { "" },
        )?;
    }
    out.write_all(b"</tr></thead>\n<tbody role=\"rowgroup\">\n")?;
    let money_cell = |out: &mut dyn Write, c: &Col, d: Option<Decimal>| -> Result<()> {
        let class = if c.key() == "net" {
            "num strong"
        } else {
            "num"
        };
        let text = d.map(|d| amounts.text(d)).unwrap_or_default();
        write!(
            out,
            "<td role=\"cell\" class=\"{class}\" data-label=\"{}\">{}</td>",
            esc(c.label()),
            esc(&text)
        )?;
        Ok(())
    };
    if order.is_empty() {
        writeln!(
            out,
            "<tr role=\"row\"><td role=\"cell\" colspan=\"{}\" class=\"empty\">{}</td></tr>",
            cols.len(),
            esc(label("ui.empty", lang))
        )?;
    }
    for &i in order.iter().take(PAGE) {
        let row = &t.rows[i];
        out.write_all(b"<tr role=\"row\">")?;
        let mut first = true;
        for c in cols {
            match c {
                Col::Key { .. } => {
                    let text =
                        key_text(c, row).unwrap_or_else(|| label("ui.none", lang).to_string());
                    if first {
                        write!(
                            out,
                            "<th scope=\"row\" role=\"rowheader\">{}</th>",
                            esc(&text)
                        )?;
                    } else {
                        write!(
                            out,
                            "<td role=\"cell\" class=\"key\" data-label=\"{}\">{}</td>",
                            esc(c.label()),
                            esc(&text)
                        )?;
                    }
                    first = false;
                }
                Col::Money { at, .. } => {
                    let d = match row.get(*at) {
                        Some(DisplayCell::Money(d)) => Some(*d),
                        _ => None,
                    };
                    money_cell(out, c, d)?;
                }
            }
        }
        out.write_all(b"</tr>\n")?;
    }
    write!(
        out,
        "</tbody>\n<tfoot role=\"rowgroup\"><tr role=\"row\"><th scope=\"row\" role=\"rowheader\"{}>{}</th>",
        if nkeys > 1 {
            format!(" colspan=\"{nkeys}\"")
        } else {
            String::new()
        },
        esc(label("ui.total", lang))
    )?;
    for c in cols.iter().filter(|c| matches!(c, Col::Money { .. })) {
        money_cell(out, c, r.total.get(c.key()))?;
    }
    out.write_all(b"</tr></tfoot></table></div>")?;
    if order.len() > PAGE {
        write!(
            out,
            "<button type=\"button\" class=\"more\">{}</button>",
            esc(&say(
                "ui.show_more",
                lang,
                &[("count", &order.len().to_string())]
            ))
        )?;
    }
    out.write_all(b"</div>\n")?;
    Ok(())
}

/// Shortens a label to about `room` pixels at 13 px (the widget measures
/// the real widths once the module runs and draws the chart again).
fn clip(s: &str, room: i64) -> String {
    let max = usize::try_from((room / 7).max(1)).unwrap_or(1);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The net cost of the largest lines as bars, as the widget draws them at
/// its default width (760).
fn chart(
    r: &Report,
    w: &Widget<'_>,
    t: &Table,
    cols: &[Col],
    amounts: &Amounts,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = w.lang;
    if r.lines.is_empty() {
        out.write_all(b"<div class=\"chart\"></div>\n")?;
        return Ok(());
    }
    let keys: Vec<&Col> = cols
        .iter()
        .filter(|c| matches!(c, Col::Key { .. }))
        .collect();
    let mut bars: Vec<(String, Decimal)> = t
        .rows
        .iter()
        .zip(&r.lines)
        .map(|(row, l)| {
            let label = keys
                .iter()
                .map(|c| key_text(c, row).unwrap_or_else(|| label("ui.none", lang).to_string()))
                .collect::<Vec<_>>()
                .join(" · ");
            (label, l.money.net)
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.1));
    bars.truncate(CHART_MAX_BARS);
    let max = bars.iter().map(|b| b.1).fold(Decimal::ZERO, Decimal::max);
    let width = 760i64;
    let value_w = 112i64;
    let label_w = 258i64; // min(270, round(760 × 0.34))
    let bar_h = 20i64;
    let step = bar_h + 8;
    let top = 8i64;
    let plot_w = width - label_w - value_w - 12;
    let height = top + bars.len() as i64 * step;
    let span = years(r.from, r.to);
    let title = say("ui.chart_title", lang, &[("years", &span)]);
    let mut desc = say(
        "ui.chart_desc",
        lang,
        &[("currency", &currency_word(&r.currency, lang))],
    );
    if bars.len() < r.lines.len() {
        desc.push(' ');
        desc.push_str(&say(
            "ui.chart_top",
            lang,
            &[
                ("shown", &bars.len().to_string()),
                ("count", &r.lines.len().to_string()),
            ],
        ));
    }
    writeln!(
        out,
        "<div class=\"chart\"><figure><figcaption aria-hidden=\"true\">{}</figcaption>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"natverk-chart-title natverk-chart-desc\">\
         <title id=\"natverk-chart-title\">{}</title><desc id=\"natverk-chart-desc\">{}</desc>\
         <line class=\"axis\" x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{height}\"></line>",
        esc(&title),
        esc(&title),
        esc(&desc),
        x = format_args!("{}.5", label_w),
    )?;
    for (i, (text, net)) in bars.iter().enumerate() {
        let y = top + i as i64 * step;
        // A length for drawing, not money (as the html report's chart).
        let len = if max > Decimal::ZERO && *net > Decimal::ZERO {
            let share = net.checked_div(max).ok_or(money::Overflow)?;
            let l = share
                .checked_mul(Decimal::from(plot_w))
                .ok_or(money::Overflow)?
                .round_dp(1);
            l.max(Decimal::ONE)
        } else {
            Decimal::ZERO
        };
        let value = amounts.text(*net);
        writeln!(
            out,
            "<g><title>{}: {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>\
             <rect class=\"bar\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{bar_h}\" rx=\"2\"></rect>\
             <text x=\"{}\" y=\"{}\" dominant-baseline=\"central\">{}</text></g>",
            esc(text),
            esc(&value),
            label_w - 8,
            y + bar_h / 2,
            esc(&clip(text, label_w - 12)),
            label_w + 1,
            len.round_dp(1),
            Decimal::from(label_w + 6) + len,
            y + bar_h / 2,
            esc(&value),
        )?;
    }
    out.write_all(b"</svg></figure></div>\n")?;
    Ok(())
}

/// The warnings of `check` as the widget shows them: a closed `<details>`
/// with their count and the date they are judged on, and the first
/// [`WARNINGS_SHOWN`] of them.
fn warnings(w: &Widget<'_>, out: &mut dyn Write) -> Result<()> {
    let lang = w.lang;
    let count = w.warnings.len();
    let n = count.to_string();
    let how_many = match count {
        0 => label("ui.warnings_none", lang).to_string(),
        1 => label("ui.warnings_one", lang).to_string(),
        _ => say("ui.warnings_count", lang, &[("count", &n)]),
    };
    let today = w.today.to_string();
    write!(
        out,
        "<details class=\"warnings\" data-count=\"{count}\"><summary>{}: {} ({})</summary>",
        esc(label("ui.warnings", lang)),
        esc(&how_many),
        esc(&say("ui.judged_on", lang, &[("date", &today)])),
    )?;
    if count > 0 {
        out.write_all(b"<ul>")?;
        for f in w.warnings.iter().take(WARNINGS_SHOWN) {
            let sev = match f.severity {
                Severity::Error => "error",
                _ => "warning",
            };
            write!(
                out,
                "<li><span class=\"severity {sev}\">{}: </span>{}",
                esc(label(&format!("severity.{sev}"), lang)),
                esc(&f.message_in(lang)),
            )?;
            if !f.path.is_empty() {
                write!(
                    out,
                    "<code class=\"path\">{}</code>",
                    esc(&f.path.to_string())
                )?;
            }
            out.write_all(b"</li>")?;
        }
        if count > WARNINGS_SHOWN {
            write!(
                out,
                "<li class=\"more\">{}</li>",
                esc(&say(
                    "ui.warnings_more",
                    lang,
                    &[("count", &(count - WARNINGS_SHOWN).to_string())]
                )),
            )?;
        }
        out.write_all(b"</ul>")?;
    }
    out.write_all(b"</details>")?;
    Ok(())
}
