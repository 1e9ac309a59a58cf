//! `natverk calendar FILE`: the dates to act on (SPEC §14), as a table,
//! as JSON or as iCalendar.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use natverk::Lang;

use super::{check_size, deliver, fail, load, prepare, text_end, width, Failure};
use crate::cli::{CalendarFormat, Format, Output, Years};
use crate::limits::{Size, What};
use crate::render::table;

/// Runs `calendar`.
pub fn run(
    file: &Path,
    years: &Years,
    format: CalendarFormat,
    lang: Lang,
    output: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    // Findings are printed as `check` prints them: JSON with --format json.
    let o = Output {
        format: match format {
            CalendarFormat::Json => Format::Json,
            _ => Format::Table,
        },
        lang,
        output,
    };
    prepare(&o)?;
    let (inv, n) = load(file, out, &o)?;
    let (from, to) = years.years();
    let cal = inv.calendar(from, to).map_err(|e| fail(e, out, &o))?;
    check_size(
        o.format,
        lang,
        What::Report,
        Size::default().table(cal.events.len() + 1, 5),
        n,
        out,
    )?;
    let width = width(&o);
    deliver(o.output.as_deref(), out, lang, |d| {
        match format {
            CalendarFormat::Json => {
                serde_json::to_writer_pretty(&mut *d, &cal).map_err(std::io::Error::from)?;
                text_end(d)?;
            }
            CalendarFormat::Table => table::tables(None, &[cal.table(lang)], lang, width, d)?,
            CalendarFormat::Ics => {
                let stamp = chrono::Utc::now().naive_utc();
                let stamp = stamp.date().and_time(
                    chrono::NaiveTime::from_hms_opt(
                        chrono::Timelike::hour(&stamp),
                        chrono::Timelike::minute(&stamp),
                        chrono::Timelike::second(&stamp),
                    )
                    .unwrap_or_default(),
                );
                d.write_all(cal.to_ics(lang, stamp).as_bytes())?;
            }
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
