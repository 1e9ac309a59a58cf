//! `natverk equality FILE`: gender-equality statistics of who represents
//! the organisation (SPEC §7).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use natverk::present::Message;
use natverk::Findings;

use super::{
    check_size, deliver, equality_size, fail, load, prepare, text_end, width, xlsx_into, Failure,
};
use crate::cli::{Format, Output, Range};
use crate::limits::{Size, What};
use crate::messages as m;
use crate::render::{self, table, Context, RenderError, Shown};

/// Runs `equality`.
pub fn run(
    file: &Path,
    range: &Range,
    today: Option<NaiveDate>,
    o: &Output,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    prepare(o)?;
    let (inv, n) = load(file, out, o)?;
    let eq = inv
        .equality(&range.equality())
        .map_err(|e| fail(e, out, o))?;
    let today = today.unwrap_or_else(natverk::today);
    let ctx = match o.format {
        Format::Html | Format::Xlsx => Some(Context {
            inv: Some(inv),
            lang: o.lang,
            options: Shown::new(
                o.lang,
                range.years(),
                range.scope,
                range.statuses.as_deref(),
            )
            .add("ui.today", today.to_string())
            .pairs,
            findings: Findings::new(inv.warnings(today)),
            equality: None,
            today,
        }),
        _ => None,
    };
    let mut size = equality_size(Size::default(), &eq);
    if let Some(c) = &ctx {
        size = size.table(c.findings.len(), 5);
    }
    check_size(o.format, o.lang, What::Equality, size, n, out)?;
    let width = width(o);
    deliver(o.output.as_deref(), out, o.lang, |d| {
        match (o.format, &ctx) {
            (Format::Json, _) => {
                serde_json::to_writer_pretty(&mut *d, &eq).map_err(std::io::Error::from)?;
                text_end(d)?;
            }
            (Format::Table, _) => table::equality(&eq, o.lang, width, d)?,
            (Format::Csv, _) => render::csv::equality(&eq, d)?,
            (Format::Md, _) => render::md::equality(&eq, o.lang, d)?,
            (Format::Html, Some(ctx)) => render::html::equality(&eq, ctx, d)?,
            (Format::Xlsx, Some(ctx)) => {
                return xlsx_into(d, |f, t| render::xlsx::equality(&eq, ctx, f, t))
            }
            (Format::Widget, _) => {
                return Err(RenderError::Other(Message::new(&m::WIDGET_REPORT_ONLY)))
            }
            _ => return Err(RenderError::Other(Message::new(&m::NO_CONTEXT))),
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
