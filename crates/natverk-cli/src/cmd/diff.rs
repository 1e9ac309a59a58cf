//! `natverk diff OLD NEW`: the comparison with last year (SPEC §14).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use natverk::present::{fill, label, years, Message};
use natverk::{Findings, Inventory};

use super::{check_size, deliver, fail, load, prepare, text_end, width, xlsx_into, Failure};
use crate::cli::{Format, Output, Years};
use crate::limits::{Size, What};
use crate::messages as m;
use crate::render::{self, table, Context, RenderError};
use crate::text::for_people;

/// Loads one of several input files: when it has errors, says which file
/// its findings are of before they are printed.
pub(crate) fn load_named(
    path: &Path,
    out: &mut dyn Write,
    o: &Output,
) -> Result<(&'static Inventory, u64), Failure> {
    // Tried quietly first; on errors, the file is named on stderr and the
    // findings printed by a second reading.
    match load(path, &mut std::io::sink(), o) {
        Ok(x) => Ok(x),
        Err(Failure::Inventory) => {
            eprintln!(
                "natverk: {}",
                for_people(
                    &Message::new(&m::FINDINGS_OF_FILE)
                        .with("file", path.display())
                        .text(o.lang)
                )
            );
            load(path, out, o)
        }
        Err(e) => Err(e),
    }
}

/// Runs `diff`.
pub fn run(
    old: &Path,
    new: &Path,
    years_: &Years,
    o: &Output,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    prepare(o)?;
    let (a, na) = load_named(old, out, o)?;
    let (b, nb) = load_named(new, out, o)?;
    let (from, to) = years_.years();
    let d = a.diff(b, from, to).map_err(|e| fail(e, out, o))?;
    let lang = o.lang;
    let ts = d.tables(lang);
    let mut size = Size::default();
    for t in &ts {
        size = size.table(t.rows.len() + t.footer.len() + 1, t.columns.len());
    }
    size = size.table(d.lines.len() + 1, 29);
    check_size(o.format, lang, What::Report, size, na + nb, out)?;
    let title = fill(
        label("diff.title", lang),
        &[
            ("organisation", &d.organisation),
            ("years", &years(from, to)),
        ],
    );
    let sub = format!(
        "{} → {} · {}",
        old.display(),
        new.display(),
        render::currency_word(&d.currency, lang)
    );
    let width = width(o);
    deliver(o.output.as_deref(), out, lang, |dst| {
        match o.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *dst, &d).map_err(std::io::Error::from)?;
                text_end(dst)?;
            }
            Format::Table => table::tables(Some(&title), &ts, lang, width, dst)?,
            Format::Csv => render::csv::diff(&d, dst)?,
            Format::Md => render::md::tables(&title, &sub, &ts, lang, dst)?,
            Format::Html => {
                let ctx = Context {
                    inv: Some(b),
                    lang,
                    options: Vec::new(),
                    findings: Findings::new(Vec::new()),
                    equality: None,
                    today: natverk::today(),
                };
                render::html::tables(&title, &sub, &ts, &ctx, dst)?;
            }
            Format::Xlsx => {
                let names = [
                    (label("diff.changes_title", lang), "Changes"),
                    (label("key.network", lang), "Lines"),
                ];
                return xlsx_into(dst, |f, t| render::xlsx::tables(&ts, &names, f, t));
            }
            Format::Widget => return Err(RenderError::Other(Message::new(&m::WIDGET_REPORT_ONLY))),
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
