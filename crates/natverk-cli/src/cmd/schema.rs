//! `natverk schema`: the JSON Schema of the `natverk/1` format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{deliver, target, text_end, Failure};

/// Prints (or writes) the schema the core derives.
pub fn run(output: Option<&Path>, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    if let Some(p) = output {
        target(p)?;
    }
    deliver(output, out, crate::windows::default_lang(), |d| {
        let schema = natverk::format::generate::json_schema();
        d.write_all(schema.as_bytes())?;
        if !schema.ends_with('\n') {
            text_end(d)?;
        }
        Ok(None)
    })?;
    Ok(ExitCode::SUCCESS)
}
