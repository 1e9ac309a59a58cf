//! The board appendix (SPEC §14) laid out from the core's
//! [`BoardDocument`]: as `.html` that prints on A4, and as `.docx` (A4,
//! "Sida X av Y" in the footer, table header rows repeated on each page).
//! Texts from the file show their control characters escaped (`\u{1b}`),
//! as every output for people does ([`for_people`]).

use std::io::{Cursor, Write};

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText, LineSpacing,
    PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table as DocxTable, TableCell,
    TableLayoutType, TableRow, WidthType,
};
use natverk::present::{label, Align, Cell, Table};
use natverk::{Block, BoardDocument, Lang};

use super::html::esc;
use super::{cell_text, RenderError, Result};
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
fn cell(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Money(_) | Cell::Decimal(_) => cell_text(c, lang).replace(' ', "\u{a0}"),
        Cell::Text(t) => clean(t),
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
                    Cell::Null => String::new(),
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

// ---- docx ------------------------------------------------------------------

/// A4 landscape in twips (room for a column per year beside the texts),
/// and the margins (2 cm).
const PAGE_W: u32 = 16_838;
const PAGE_H: u32 = 11_906;
const MARGIN: i32 = 1_134;
/// The width between the margins.
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN as usize);
/// Table text: 8 pt (half-points).
const SMALL: usize = 16;

/// A run of text at a size; line breaks in the text as breaks.
fn run(text: &str, size: usize) -> Run {
    let mut r = Run::new().size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

/// A field (PAGE or NUMPAGES) as the five runs Word writes, each at `size`.
fn field(p: Paragraph, instr: InstrText, size: usize) -> Paragraph {
    p.add_run(
        Run::new()
            .size(size)
            .add_field_char(FieldCharType::Begin, false),
    )
    .add_run(Run::new().size(size).add_instr_text(instr))
    .add_run(
        Run::new()
            .size(size)
            .add_field_char(FieldCharType::Separate, false),
    )
    .add_run(Run::new().size(size).add_text("1"))
    .add_run(
        Run::new()
            .size(size)
            .add_field_char(FieldCharType::End, false),
    )
}

/// "Sida X av Y" / "Page X of Y", from the vocabulary's `{page}`/`{pages}`.
fn page_footer(lang: Lang) -> Footer {
    let text = label("board.page", lang);
    let mut p = Paragraph::new().align(AlignmentType::Center);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            p = p.add_run(run(&rest[..open], SMALL));
        }
        let after = &rest[open..];
        if let Some(r) = after.strip_prefix("{pages}") {
            p = field(p, InstrText::NUMPAGES(InstrNUMPAGES::new()), SMALL);
            rest = r;
        } else if let Some(r) = after.strip_prefix("{page}") {
            p = field(p, InstrText::PAGE(InstrPAGE::new()), SMALL);
            rest = r;
        } else {
            p = p.add_run(run("{", SMALL));
            rest = &after[1..];
        }
    }
    if !rest.is_empty() {
        p = p.add_run(run(rest, SMALL));
    }
    Footer::new().add_paragraph(p)
}

/// Column widths in twips: numbers 1 250, texts share the rest (at least
/// 900 each); scaled down to the text width when they do not fit.
fn widths(t: &Table) -> Vec<usize> {
    let nums = t.columns.iter().filter(|c| c.align == Align::Right).count();
    let texts = t.columns.len() - nums;
    let num_w = 1_250usize;
    let text_w = TEXT_W
        .saturating_sub(nums * num_w)
        .checked_div(texts)
        .map_or(0, |w| w.max(1_100));
    let mut w: Vec<usize> = t
        .columns
        .iter()
        .map(|c| {
            if c.align == Align::Right {
                num_w
            } else {
                text_w
            }
        })
        .collect();
    let sum: usize = w.iter().sum();
    if sum > TEXT_W {
        for x in &mut w {
            *x = *x * TEXT_W / sum;
        }
    }
    w
}

fn docx_cell(text: &str, width: usize, right: bool, bold: bool) -> TableCell {
    let mut r = run(text, SMALL);
    if bold {
        r = r.bold();
    }
    let mut p = Paragraph::new().add_run(r);
    if right {
        p = p.align(AlignmentType::Right);
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(p)
}

fn docx_table(t: &Table, lang: Lang) -> DocxTable {
    let w = widths(t);
    let right: Vec<bool> = t.columns.iter().map(|c| c.align == Align::Right).collect();
    let head = TableRow::new(
        t.columns
            .iter()
            .enumerate()
            .map(|(i, c)| docx_cell(c.label, w[i], right[i], true))
            .collect(),
    )
    // marks the header row; `<w:tblHeader/>` is put beside it when packing
    .cant_split();
    let mut rows = vec![head];
    for r in &t.rows {
        rows.push(TableRow::new(
            r.iter()
                .enumerate()
                .map(|(i, c)| docx_cell(&cell(c, lang), w[i], right[i], false))
                .collect(),
        ));
    }
    for r in &t.footer {
        rows.push(TableRow::new(
            r.iter()
                .enumerate()
                .map(|(i, c)| {
                    let text = match c {
                        Cell::Null => String::new(),
                        c => cell(c, lang),
                    };
                    docx_cell(&text, w[i], right[i], true)
                })
                .collect(),
        ));
    }
    DocxTable::new(rows)
        .set_grid(w)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

fn heading_style(id: &str, name: &str, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .size(size)
        .bold()
}

/// The appendix as a `.docx` document's bytes.
pub fn docx_bytes(doc: &BoardDocument) -> Result<Vec<u8>> {
    let lang = doc.lang;
    let mut d = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_orient(docx_rs::PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .footer(567),
        )
        .default_size(20)
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .add_style(heading_style("Title", "Title", 36))
        .add_style(heading_style("Heading1", "heading 1", 28))
        .add_style(heading_style("Heading2", "heading 2", 22))
        .footer(page_footer(lang));
    d = d
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(run(&clean(&doc.title), 36).bold()),
        )
        .add_paragraph(Paragraph::new().add_run(run(&clean(&doc.subtitle), 20)));
    let space = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    for s in &doc.sections {
        d = d.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .keep_next(true)
                .line_spacing(space(360, 120))
                .add_run(run(&clean(&s.heading), 28).bold()),
        );
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => {
                    d = d.add_paragraph(
                        Paragraph::new()
                            .line_spacing(space(0, 120))
                            .add_run(run(&clean(p), 20)),
                    );
                }
                Block::Table(t) => {
                    d = d
                        .add_paragraph(
                            Paragraph::new()
                                .style("Heading2")
                                .keep_next(true)
                                .line_spacing(space(120, 80))
                                .add_run(run(&clean(&t.title), 22).bold()),
                        )
                        .add_table(docx_table(t, lang))
                        .add_paragraph(Paragraph::new());
                }
                _ => {}
            }
        }
    }
    let mut xml = d.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut buf = Cursor::new(Vec::new());
    xml.pack(&mut buf)
        .map_err(|e| RenderError::Io(std::io::Error::other(e.to_string())))?;
    Ok(buf.into_inner())
}

/// Marks each table's header row (the rows written with `cantSplit`) as a
/// header row, repeated at the top of every page (`<w:tblHeader/>`, for
/// which docx-rs has no call).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len() + 1024);
    let mut rest: &str = &text;
    while let Some(at) = rest.find("<w:cantSplit") {
        let Some(end) = rest[at..].find("/>") else {
            break;
        };
        let end = at + end + 2;
        out.push_str(&rest[..end]);
        out.push_str("<w:tblHeader />");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}
