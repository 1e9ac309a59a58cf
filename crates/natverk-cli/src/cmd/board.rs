//! `natverk board FILE -o bilaga.docx|bilaga.html`: the board appendix
//! (SPEC §14), built by the core and laid out here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use natverk::present::Message;
use natverk::{BoardOptions, Lang, Leave};

use super::diff::load_named;
use super::{check_size, deliver, fail, prepare, Failure};
use crate::cli::{Format, Output, Years};
use crate::limits::{Size, What};
use crate::messages as m;
use crate::render;

/// The options of `board` besides the file, language and output.
pub struct Args {
    /// `--from`, `--to`, `--year`.
    pub years: Years,
    /// `--compare OLD`.
    pub compare: Option<PathBuf>,
    /// `--leave`.
    pub leave: Option<String>,
    /// `--show-names`.
    pub show_names: bool,
    /// `--today`.
    pub today: Option<NaiveDate>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Docx,
    Html,
}

fn kind(p: &Path) -> Option<Kind> {
    let ext = p.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "docx" => Some(Kind::Docx),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

/// Runs `board`.
pub fn run(
    file: &Path,
    a: &Args,
    lang: Lang,
    output: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let Some(k) = kind(output) else {
        return Err(Failure::Usage(
            Message::new(&m::BOARD_EXTENSION).with("file", output.display()),
        ));
    };
    let o = Output {
        format: Format::Table,
        lang,
        output: Some(output.to_path_buf()),
    };
    prepare(&o)?;
    let (inv, n) = load_named(file, out, &o)?;
    let old = match &a.compare {
        Some(p) => Some(load_named(p, out, &o)?),
        None => None,
    };
    let (from, to) = a.years.years();
    let today = a.today.unwrap_or_else(natverk::today);
    let mut opts = BoardOptions::new(from, to, today, lang);
    opts.leave = a.leave.as_deref().map(Leave::parse);
    opts.compare = old.map(|(i, _)| i);
    opts.show_names = a.show_names;
    let doc = inv.board(&opts).map_err(|e| fail(e, out, &o))?;
    let mut size = Size::default();
    for s in &doc.sections {
        for b in &s.blocks {
            if let natverk::Block::Table(t) = b {
                size = size.table(t.rows.len() + t.footer.len() + 1, t.columns.len());
            }
        }
    }
    let input = n + old.map_or(0, |(_, n)| n);
    check_size(Format::Html, lang, What::Report, size, input, out)?;
    deliver(o.output.as_deref(), out, lang, |d| {
        match k {
            Kind::Html => render::board::html(&doc, d)?,
            Kind::Docx => d.write_all(&render::board::docx_bytes(&doc)?)?,
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
