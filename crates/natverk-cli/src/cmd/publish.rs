//! `natverk publish FILE -o public.json`: the public file (SPEC §13), what
//! a public web page may show: no names, hourly costs or hours, opaque
//! person ids, staff time as costs of kind `time`. An inventory with
//! errors is not published: its findings are printed (exit 1).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{deliver, fail, inventory_of, read, target, Failure};
use crate::cli::Output;

/// Runs `publish`.
pub fn run(file: &Path, o: &Output, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    // The public file is natverk/1 JSON whatever --format says; the
    // format chooses how problems are printed (json, or for people).
    if let Some(p) = &o.output {
        target(p)?;
    }
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
