//! `natverk report FILE`: the cost report per year, network, subject,
//! organiser or unit (SPEC §5), in every format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use natverk::present::Message;
use natverk::{Findings, GroupKey, Report};

use super::{
    check_size, deliver, equality_size, fail, load, prepare, text_end, width, xlsx_into, Failure,
};
use crate::cli::{self, Format, Output, Range};
use crate::limits::{Size, What};
use crate::messages as m;
use crate::render::{self, table, Context, RenderError};

/// The options of `report` besides the file and the output.
pub struct Args {
    /// Years, scope, statuses.
    pub range: Range,
    /// Group keys.
    pub by: Vec<GroupKey>,
    /// `--leave`.
    pub leave: Option<String>,
    /// `--leave-from`.
    pub leave_from: Option<i32>,
    /// `--today`.
    pub today: Option<NaiveDate>,
    /// `--columns`.
    pub columns: Option<Vec<String>>,
    /// `--wide`.
    pub wide: bool,
    /// `--src` (widget).
    pub src: Option<String>,
    /// `--stylesheet` (widget).
    pub stylesheet: String,
}

/// The size of a report's output in a format (every table of it): what
/// [`crate::limits::check_output`] is given before the report is rendered.
pub fn report_size(r: &Report, ctx: Option<&Context<'_>>, format: Format) -> Size {
    let keys = r.by.len() + usize::from(r.by.contains(&GroupKey::Network));
    let mut s = Size::default().table(r.lines.len() + 2, keys + 9);
    if let Some(ctx) = ctx {
        if matches!(format, Format::Html | Format::Widget) {
            // the chart: a label, a bar and a value per line
            s = s.table(r.lines.len(), 3);
        }
        s = s.table(ctx.findings.len(), 5);
        if let Some(e) = &ctx.equality {
            s = equality_size(s, e);
        }
    }
    s
}

/// Runs `report`.
pub fn run(file: &Path, a: &Args, o: &Output, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    prepare(o)?;
    // The element's attributes are the widget's options: a view it cannot
    // show again (statuses, the leave scenario) would change on the first
    // sort. Refused before the file is read.
    if o.format == Format::Widget
        && (a.range.statuses.is_some() || a.leave.is_some() || a.leave_from.is_some())
    {
        return Err(Failure::usage(&m::WIDGET_OPTIONS));
    }
    let view = table::View {
        columns: a.columns.clone(),
        wide: a.wide,
        width: width(o),
    };
    let (inv, n) = load(file, out, o)?;
    let opts = cli::report_options(&a.range, &a.by, a.leave.as_deref(), a.leave_from);
    let report = inv.report(&opts).map_err(|e| fail(e, out, o))?;
    let ctx = match o.format {
        Format::Html | Format::Xlsx | Format::Widget => {
            let today = a.today.unwrap_or_else(natverk::today);
            let equality = inv
                .equality(&a.range.equality())
                .map_err(|e| fail(e, out, o))?;
            Some(Context {
                inv: Some(inv),
                lang: o.lang,
                options: render::report_shown(&opts, o.lang, today),
                findings: Findings::new(inv.warnings(today)),
                equality: Some(equality),
                today,
            })
        }
        _ => None,
    };
    check_size(
        o.format,
        o.lang,
        What::Report,
        report_size(&report, ctx.as_ref(), o.format),
        n,
        out,
    )?;
    deliver(o.output.as_deref(), out, o.lang, |d| {
        match (o.format, &ctx) {
            (Format::Json, _) => {
                report.write_json(&mut *d, true)?;
                text_end(d)?;
            }
            (Format::Table, _) => table::report(&report, o.lang, &view, d)?,
            (Format::Csv, _) => render::csv::report(&report, d)?,
            (Format::Md, _) => render::md::report(&report, o.lang, d)?,
            (Format::Html, Some(ctx)) => render::html::report(&report, ctx, d)?,
            (Format::Widget, Some(ctx)) => {
                // The file the widget loads: --src, else the file's own
                // name (a page beside it).
                let name = file.file_name().map(|n| n.to_string_lossy());
                let src = a.src.as_deref().or(name.as_deref()).unwrap_or_default();
                let w = render::widget::Widget {
                    inv,
                    lang: o.lang,
                    src,
                    stylesheet: &a.stylesheet,
                    columns: a.columns.as_deref(),
                    warnings: &ctx.findings,
                    today: ctx.today,
                };
                render::widget::report(&report, &w, d)?
            }
            (Format::Xlsx, Some(ctx)) => {
                return xlsx_into(d, |f, t| render::xlsx::report(&report, ctx, f, t))
            }
            _ => return Err(RenderError::Other(Message::new(&m::NO_CONTEXT))),
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_size_counts_the_key_columns_of_the_core_table() {
        let inv = natverk::Inventory::from_json(
            r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
                "networks": [{"id": "a", "name": "A", "start": "2024-01-01"}]}"#,
        )
        .unwrap();
        for by in [
            vec![natverk::GroupKey::Network],
            vec![natverk::GroupKey::Subject, natverk::GroupKey::Year],
        ] {
            let mut o = natverk::ReportOptions::new(2024, 2024);
            o.by = by;
            let r = inv.report(&o).unwrap();
            let t = r.table(natverk::Lang::Sv);
            let s = super::report_size(&r, None, crate::cli::Format::Md);
            assert_eq!(
                s.cells,
                ((r.lines.len() + 2) * (crate::render::key_count(&t) + 9)) as u64
            );
        }
    }
}
