//! `natverk publish FILE -o public.json`: the public file (SPEC §13), what
//! a public web page may show: no names, hourly costs or hours, opaque
//! person ids, staff time as costs of kind `time`. An inventory with
//! errors is not published: its findings are printed (exit 1).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{deliver, fail, inventory_of, prepare, read, Failure};
use crate::cli::{Format, Output};

/// Runs `publish`.
pub fn run(file: &Path, o: &Output, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    // The public file is natverk/1 JSON whatever --format says; the
    // format chooses how problems are printed (json, or for people).
    prepare(&Output {
        format: Format::Json,
        lang: o.lang,
        output: o.output.clone(),
    })?;
    let bytes = read(file, out, o)?;
    let inv = inventory_of(&bytes, file, out, o)?.inventory;
    drop(bytes);
    let public = inv.public().map_err(|e| fail(e, out, o))?;
    let mut json = public.to_json();
    json.push('\n');
    deliver(o.output.as_deref(), out, o.lang, |d| {
        d.write_all(json.as_bytes())?;
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
