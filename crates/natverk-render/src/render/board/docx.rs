//! The board appendix as `.docx` (A4, "Sida X av Y", repeated header rows).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText, LineSpacing,
    PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table as DocxTable, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::*;

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
                        DisplayCell::Null => String::new(),
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
