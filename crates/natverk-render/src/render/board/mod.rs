//! The board appendix (SPEC §14) laid out from the core's
//! [`BoardDocument`]: as `.html` that prints on A4, and as `.docx` (A4,
//! "Sida X av Y" in the footer, table header rows repeated on each page).
//! Texts from the file show their control characters escaped (`\u{1b}`),
//! as every output for people does ([`for_people`]).

use natverk::present::{label, Align, DisplayCell, Table};
use natverk::{Block, BoardDocument, Lang};
use std::io::Write;

use super::html::esc;
#[cfg(feature = "docx")]
use super::RenderError;
use super::{cell_text, Result};
use crate::text::for_people;

/// Text for people in the appendix: control characters escaped, and the
/// two non-characters XML cannot hold (U+FFFE, U+FFFF) too.
fn clean(s: &str) -> String {
    for_people(s)
        .replace('\u{fffe}', "\\u{fffe}")
        .replace('\u{ffff}', "\\u{ffff}")
}

/// A cell as text: amounts with U+00A0 between digit groups, so a number
/// never breaks inside itself.
fn cell(c: &DisplayCell, lang: Lang) -> String {
    match c {
        DisplayCell::Money(_) | DisplayCell::Decimal(_) => {
            cell_text(c, lang).replace(' ', "\u{a0}")
        }
        DisplayCell::Text(t) => clean(t),
        c => cell_text(c, lang),
    }
}

const PRINT: &str = r#"
@page { size: A4 landscape; margin: 15mm 15mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }

p { margin: .3rem 0 .6rem; }
ul.warnings { padding-left: 1.2rem; }
thead { display: table-header-group; }
@media print { body { font-size: 10pt; } table { font-size: 8pt; } h2 { break-after: avoid; } }
"#;

/// The appendix as one HTML page that prints on A4.
pub fn html(doc: &BoardDocument, out: &mut dyn Write) -> Result<()> {
    let lang = doc.lang;
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"natverk {}\">\n<link rel=\"icon\" href=\"data:,\">\n<title>{}</title>\n\
         <style>{}{PRINT}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n<main>\n",
        lang.as_str(),
        env!("CARGO_PKG_VERSION"),
        esc(&clean(&doc.title)),
        super::html::STYLE,
        esc(&clean(&doc.title)),
        esc(&clean(&doc.subtitle)),
    )?;
    let mut n = 0;
    for s in &doc.sections {
        write!(
            out,
            "<section aria-labelledby=\"s-{}\">\n<h2 id=\"s-{}\">{}</h2>\n",
            s.key,
            s.key,
            esc(&clean(&s.heading))
        )?;
        let warnings = s.key == "warnings";
        let mut in_list = false;
        for (i, b) in s.blocks.iter().enumerate() {
            match b {
                Block::Paragraph(p) if warnings && i > 0 => {
                    if !in_list {
                        out.write_all(b"<ul class=\"warnings\">\n")?;
                        in_list = true;
                    }
                    writeln!(out, "<li>{}</li>", esc(&clean(p)))?;
                }
                Block::Paragraph(p) => writeln!(out, "<p>{}</p>", esc(&clean(p)))?,
                Block::Table(t) => {
                    n += 1;
                    html_table(t, n, lang, out)?;
                }
                _ => {}
            }
        }
        if in_list {
            out.write_all(b"</ul>\n")?;
        }
        out.write_all(b"</section>\n")?;
    }
    write!(
        out,
        "</main>\n<footer>{}</footer>\n</body>\n</html>\n",
        esc(&natverk::present::fill(
            label("doc.made_with", lang),
            &[("version", env!("CARGO_PKG_VERSION"))]
        ))
    )?;
    Ok(())
}

fn html_table(t: &Table, n: usize, lang: Lang, out: &mut dyn Write) -> Result<()> {
    write!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"t-{n}\" tabindex=\"0\">\n<table>\n<caption id=\"t-{n}\">{}</caption>\n<thead><tr>",
        esc(&clean(&t.title))
    )?;
    let num = |a: Align| {
        if a == Align::Right {
            " class=\"num\""
        } else {
            ""
        }
    };
    for c in &t.columns {
        write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            num(c.align),
            esc(c.label)
        )?;
    }
    out.write_all(b"</tr></thead>\n<tbody>\n")?;
    for r in &t.rows {
        out.write_all(b"<tr>")?;
        for (i, c) in r.iter().enumerate() {
            let a = t.columns.get(i).map_or(Align::Left, |c| c.align);
            if i == 0 {
                write!(
                    out,
                    "<th scope=\"row\"{}>{}</th>",
                    num(a),
                    esc(&cell(c, lang))
                )?;
            } else {
                write!(out, "<td{}>{}</td>", num(a), esc(&cell(c, lang)))?;
            }
        }
        out.write_all(b"</tr>\n")?;
    }
    out.write_all(b"</tbody>\n")?;
    if !t.footer.is_empty() {
        out.write_all(b"<tfoot>\n")?;
        for r in &t.footer {
            out.write_all(b"<tr>")?;
            for (i, c) in r.iter().enumerate() {
                let a = t.columns.get(i).map_or(Align::Left, |c| c.align);
                let text = match c {
                    DisplayCell::Null => String::new(),
                    c => esc(&cell(c, lang)),
                };
                if i == 0 {
                    write!(out, "<th scope=\"row\">{text}</th>")?;
                } else {
                    write!(out, "<td{}>{text}</td>", num(a))?;
                }
            }
            out.write_all(b"</tr>\n")?;
        }
        out.write_all(b"</tfoot>\n")?;
    }
    out.write_all(b"</table>\n</div>\n")?;
    Ok(())
}

/// The `.docx` writer: only with the `docx` feature (the command line), so
/// the browser app's module does not carry docx-rs.
#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "docx")]
pub use docx::docx_bytes;
