//! Running a command: read, compute with the core, check the size of the
//! output, render. Every command stops before its work when a limit would
//! be passed (SPEC §9), with a finding that names the limit (exit 1).
//!
//! One file per command ([`check`], [`report`], [`equality`], [`import`],
//! [`schema`]; [`workbook`] holds the three workbook commands, `export`,
//! `template` and `import FILE.xlsx`, which share the workbook crate's
//! errors); this module dispatches and holds what they share: reading
//! within the limits, failing, and delivering an output to stdout or a
//! file written atomically. Every message for people is a template of
//! [`crate::messages`] or the core's, in the command's `--lang`.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use natverk::present::{Arg, Message};
use natverk::{Code, Error, Finding, Findings, Inventory, Lang};

use crate::atomic::AtomicFile;
use crate::cli::{Command, Format, Output};
use crate::input::{read_limited, ReadError};
use crate::limits::{self, Size, What};
use crate::messages as m;
use crate::render::{self, table, RenderError};
use crate::text::for_people;

pub mod board;
pub mod calendar;
pub mod check;
pub mod diff;
pub mod equality;
pub mod import;
pub mod merge;
pub mod publish;
pub mod report;
pub mod schema;
pub mod workbook;

pub use report::report_size;

/// How a run ends.
pub enum Failure {
    /// The inventory (or a report over it, or a sheet) has errors, or a
    /// limit stops the work: exit 1. The findings are already printed.
    Inventory,
    /// Usage or I/O: exit 2.
    Usage(Message),
}

impl Failure {
    /// A usage error from a message of the command line.
    pub fn usage(t: &'static natverk::present::Template) -> Failure {
        Failure::Usage(Message::new(t))
    }
}

/// The language of a command's messages: its `--lang`, else the locale's.
pub fn lang_of(cmd: &Command) -> Lang {
    match cmd {
        Command::Check { out, .. }
        | Command::Report { out, .. }
        | Command::Equality { out, .. }
        | Command::Publish { out, .. }
        | Command::Diff { out, .. } => out.lang,
        Command::Calendar { lang, .. } | Command::Board { lang, .. } => *lang,
        Command::Import { lang, .. }
        | Command::Export { lang, .. }
        | Command::Template { lang, .. }
        | Command::Merge { lang, .. } => *lang,
        Command::Schema { .. } => crate::windows::default_lang(),
    }
}

/// Runs the command line; the exit code.
pub fn main() -> ExitCode {
    let cli = match crate::help::parse(crate::cli::parsing_lang()) {
        Ok(cli) => cli,
        Err(e) => match crate::cli::usage_error(&e, crate::cli::parsing_lang()) {
            Some(text) => {
                eprintln!("natverk: {}", for_people(&text));
                eprintln!(
                    "{}",
                    Message::new(&m::ARG_HELP).text(crate::cli::parsing_lang())
                );
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let lang = lang_of(&cli.command);
    if address_space_capped() {
        natverk::set_max_threads(1);
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    let result = run(cli.command, &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Err(Failure::Usage(msg)), _) => {
            eprintln!("natverk: {}", for_people(&msg.text(lang)));
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            let msg = Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(&e));
            eprintln!("natverk: {}", for_people(&msg.text(lang)));
            ExitCode::from(2)
        }
        (Ok(code), Ok(())) => code,
        (Err(Failure::Inventory), Ok(())) => ExitCode::from(1),
    }
}

/// Runs one command.
pub fn run(cmd: Command, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cmd {
        Command::Check {
            file,
            today,
            out: o,
        } => check::run(&file, today, &o, out),
        Command::Report {
            file,
            range,
            by,
            leave,
            leave_from,
            today,
            columns,
            wide,
            src,
            stylesheet,
            out: o,
        } => report::run(
            &file,
            &report::Args {
                range,
                by,
                leave,
                leave_from,
                today,
                columns,
                wide,
                src,
                stylesheet,
            },
            &o,
            out,
        ),
        Command::Equality {
            file,
            range,
            today,
            out: o,
        } => equality::run(&file, &range, today, &o, out),
        Command::Publish { file, out: o } => publish::run(&file, &o, out),
        Command::Calendar {
            file,
            years,
            format,
            lang,
            output,
        } => calendar::run(&file, &years, format, lang, output, out),
        Command::Diff {
            old,
            new,
            years,
            out: o,
        } => diff::run(&old, &new, &years, &o, out),
        Command::Board {
            file,
            years,
            compare,
            leave,
            show_names,
            today,
            lang,
            output,
        } => board::run(
            &file,
            &board::Args {
                years,
                compare,
                leave,
                show_names,
                today,
            },
            lang,
            &output,
            out,
        ),
        Command::Export { file, output, lang } => {
            target(&output)?;
            workbook::export(&file, &output, lang, out)
        }
        Command::Template { output, lang } => {
            target(&output)?;
            workbook::template(&output, lang, out)
        }
        Command::Import {
            file,
            organisation,
            currency,
            code,
            population,
            rates,
            output,
            lang,
        } => import::run(
            &file,
            import::Args {
                organisation,
                currency,
                code,
                population,
                rates,
            },
            output.as_deref(),
            lang,
            out,
        ),
        Command::Schema { output } => schema::run(output.as_deref(), out),
        Command::Merge {
            files,
            output,
            lang,
            format,
        } => merge::run(&files, output.as_deref(), lang, format == "json", out),
    }
}

/// Where a result goes: stdout, or a file written atomically.
pub enum Dest<'a> {
    /// Standard output (buffered).
    Stdout(&'a mut dyn Write),
    /// `-o FILE`.
    File(AtomicFile),
}

impl Write for Dest<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Dest::Stdout(w) => w.write(buf),
            Dest::File(f) => f.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Dest::Stdout(w) => w.write_all(buf),
            Dest::File(f) => f.write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Dest::Stdout(w) => w.flush(),
            Dest::File(f) => f.flush(),
        }
    }
}

/// Renders into stdout or `-o FILE`; the file is renamed into place only
/// when the whole output is written. `render` returns a note for people
/// (e.g. texts cut in a workbook), said in `lang`.
fn deliver(
    path: Option<&Path>,
    out: &mut dyn Write,
    lang: Lang,
    render: impl FnOnce(&mut Dest<'_>) -> render::Result<Option<Message>>,
) -> Result<(), Failure> {
    let mut dest = match path {
        Some(p) => Dest::File(AtomicFile::create(p).map_err(Failure::Usage)?),
        None => Dest::Stdout(out),
    };
    let note = render(&mut dest).map_err(|e| Failure::Usage(e.message()))?;
    match dest {
        Dest::File(f) => f.commit().map_err(Failure::Usage)?,
        Dest::Stdout(w) => w.flush().map_err(|e| {
            Failure::Usage(Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(&e)))
        })?,
    }
    if let Some(n) = note {
        note_for_people(&n, lang);
    }
    Ok(())
}

/// `natverk: note: …` on stderr.
fn note_for_people(n: &Message, lang: Lang) {
    let note = Message::new(&m::NOTE).arg("text", Arg::Message(Box::new(n.clone())));
    eprintln!("natverk: {}", for_people(&note.text(lang)));
}

/// The width to fit: `COLUMNS` when set, else the terminal's when stdout
/// is a terminal, else none.
pub fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return (n > 0).then_some(n);
    }
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// Writes a workbook into the output file, the temporary files of its
/// row-by-row sheets beside it; the note of what was cut, if any.
fn xlsx_into(
    dest: &mut Dest<'_>,
    write: impl FnOnce(
        &mut AtomicFile,
        Option<&std::path::Path>,
    ) -> render::Result<render::xlsx::Written>,
) -> render::Result<Option<Message>> {
    let f = into_file(dest)?;
    let dir = f.dir().to_path_buf();
    Ok(write(f, Some(&dir))?.note())
}

/// The workbook writer needs a file.
fn into_file<'a>(dest: &'a mut Dest<'_>) -> render::Result<&'a mut AtomicFile> {
    match dest {
        Dest::File(f) => Ok(f),
        Dest::Stdout(_) => Err(RenderError::Other(Message::new(&m::XLSX_NEEDS_FILE))),
    }
}

/// Checks what can be checked before any work: xlsx needs `-o`, and the
/// target must be a regular file or a new name.
fn prepare(o: &Output) -> Result<(), Failure> {
    if o.format == Format::Xlsx && o.output.is_none() {
        return Err(Failure::usage(&m::XLSX_NEEDS_FILE));
    }
    if let Some(p) = &o.output {
        target(p)?;
    }
    Ok(())
}

/// The width a table for people fits: the terminal's, when it goes there.
fn width(o: &Output) -> Option<usize> {
    match o.output {
        Some(_) => None,
        None => terminal_width(),
    }
}

/// Checks an `-o` target before any work, and from then on ends the run
/// cleanly on Ctrl-C or SIGTERM (exit 130 or 143, no temporary file left),
/// whatever it is doing when the signal comes.
fn target(p: &Path) -> Result<(), Failure> {
    crate::atomic::check_target(p).map_err(Failure::Usage)?;
    crate::signal::install();
    Ok(())
}

/// Reads an input file within the size limit: too large is a finding
/// (exit 1), unreadable a usage error (exit 2).
fn read(path: &Path, out: &mut dyn Write, o: &Output) -> Result<Vec<u8>, Failure> {
    read_limited(path, limits::MAX_INPUT_BYTES).map_err(|e| match e {
        ReadError::Io(m) => Failure::Usage(m),
        too_large => print_findings(
            vec![Finding::new(
                Code::InvalidValue,
                natverk::Path::root(),
                too_large.message(path),
            )],
            out,
            o.format,
            o.lang,
        ),
    })
}

/// Prints findings the way `check` would (JSON with `--format json`, a
/// list for people otherwise), and fails with exit 1.
pub(crate) fn print_findings(
    findings: Vec<Finding>,
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
) -> Failure {
    let findings = Findings::new(findings);
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &findings)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        _ => table::findings(&findings, lang, terminal_width(), out).map_err(|e| match e {
            RenderError::Io(e) => e,
            e => std::io::Error::other(e.to_string()),
        }),
    };
    match written {
        Ok(()) => Failure::Inventory,
        Err(e) => {
            Failure::Usage(Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(&e)))
        }
    }
}

/// Prints the findings of a failure the way `check` would, and fails:
/// a wrong option (`Error::Options`) is a usage error (exit 2); the
/// inventory's errors and a report's (a missing rate, an overflow, a limit
/// of SPEC §9) are findings, exit 1.
fn fail(err: Error, out: &mut dyn Write, o: &Output) -> Failure {
    if let Error::Options(f) = &err {
        let mut msgs: Vec<String> = Vec::new();
        for x in f {
            let msg = x.message_in(o.lang);
            if !msgs.contains(&msg) {
                msgs.push(msg);
            }
        }
        return Failure::Usage(Message::new(&m::IO).with("text", msgs.join("; ")));
    }
    print_findings(err.into_findings().into_vec(), out, o.format, o.lang)
}

/// Loads the inventory for the rest of the run. It lives until the process
/// exits, which frees its memory at once: dropping a national inventory's
/// million small allocations one by one would only cost time.
/// Whether the process runs under a cap on its address space (`ulimit -v`,
/// RLIMIT_AS), as Linux shows in `/proc/self/limits`. A report then runs on
/// one thread: with mimalloc each thread has a heap of its own, and the
/// address space that costs (tens of MB on a national file) could take a
/// run that fits under the cap past it. Elsewhere, and when the file cannot
/// be read, there is no cap.
fn address_space_capped() -> bool {
    std::fs::read_to_string("/proc/self/limits").is_ok_and(|text| capped_in(&text))
}

/// The soft limit of "Max address space" in the text of `/proc/self/limits`
/// is a number.
fn capped_in(limits: &str) -> bool {
    limits
        .lines()
        .find_map(|l| l.strip_prefix("Max address space"))
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|soft| soft != "unlimited")
}

fn load(
    path: &Path,
    out: &mut dyn Write,
    o: &Output,
) -> Result<(&'static Inventory, u64), Failure> {
    let bytes = read(path, out, o)?;
    let n = bytes.len() as u64;
    let inv = inventory_of(&bytes, path, out, o)?.inventory;
    Ok((Box::leak(Box::new(inv)), n))
}

/// Whether a file's bytes are a workbook (`.xlsx` and `.ods` are zip
/// files); anything else is read as `natverk/1` JSON. By content, not by
/// the file's name.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    natverk_workbook::is_workbook(bytes)
}

/// An inventory from a file's bytes, a workbook (SPEC §10) or JSON, and
/// where its items are in the workbook (empty for JSON). A workbook's
/// problems are printed located by sheet, row and column (SPEC §8).
pub(crate) fn inventory_of(
    bytes: &[u8],
    file: &Path,
    out: &mut dyn Write,
    o: &Output,
) -> Result<natverk::tables::Imported, Failure> {
    let imported = inventory_of_quiet(bytes, file, out, o)?;
    // What the import read otherwise than written, or did not read (SPEC
    // §10): on standard error, so that a report on standard output stays
    // the report (`check` lists them among its own findings).
    let mut err = std::io::stderr().lock();
    for w in &imported.warnings {
        let _ = writeln!(err, "{}", for_people(&w.to_text(o.lang)));
    }
    Ok(imported)
}

/// As [`inventory_of`], the import's warnings left to the caller.
pub(crate) fn inventory_of_quiet(
    bytes: &[u8],
    file: &Path,
    out: &mut dyn Write,
    o: &Output,
) -> Result<natverk::tables::Imported, Failure> {
    if !is_workbook(bytes) {
        let inventory = Inventory::from_slice(bytes).map_err(|e| fail(e, out, o))?;
        return Ok(natverk::tables::Imported {
            inventory,
            locator: Default::default(),
            warnings: Vec::new(),
        });
    }
    let imported = natverk_workbook::import_bytes(bytes).map_err(|e| match e {
        natverk_workbook::Error::Invalid(findings) => {
            print_sheet_findings(&findings, file, out, o.format, o.lang)
        }
        other => Failure::Usage(Message::new(&m::IO).with("text", other)),
    })?;
    Ok(imported)
}

/// Prints a workbook's findings, each with its sheet, row and column (JSON
/// with `--format json`), and fails with exit 1.
pub(crate) fn print_sheet_findings(
    findings: &natverk::tables::SheetFindings,
    file: &Path,
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
) -> Failure {
    match write_sheet_findings(findings, file, out, format, lang) {
        Ok(()) => Failure::Inventory,
        Err(e) => {
            Failure::Usage(Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(&e)))
        }
    }
}

/// A workbook's findings, each with its sheet, row and column: SPEC §7.2
/// JSON with `sheet`, `row`, `column` (`--format json`), else a line each
/// for people and, when there are errors, the line that counts them.
pub(crate) fn write_sheet_findings(
    findings: &natverk::tables::SheetFindings,
    file: &Path,
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
) -> std::io::Result<()> {
    if format == Format::Json {
        return writeln!(out, "{}", findings.to_json(lang));
    }
    for f in findings {
        writeln!(out, "{}", for_people(&f.to_text(lang)))?;
    }
    match findings.errors() {
        0 => Ok(()),
        errors => writeln!(out, "{}", import::problems_line(errors, file, lang)),
    }
}

fn check_size(
    format: Format,
    lang: Lang,
    what: What,
    size: Size,
    n: u64,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    limits::check_output(format, what, size, n)
        .map_err(|f| print_findings(vec![f], out, format, lang))
}

fn text_end(dest: &mut Dest<'_>) -> render::Result<()> {
    dest.write_all(b"\n")?;
    Ok(())
}

/// The size of the equality statistics in a document: the three tables of
/// the core (10 rows × 6, 2 × 5, a row per network × 7).
fn equality_size(s: Size, e: &natverk::Equality) -> Size {
    s.table(10, 6).table(2, 5).table(e.networks.len(), 7)
}

#[cfg(test)]
mod tests {
    use super::capped_in;

    const LIMITS: &str =
        "Limit                     Soft Limit           Hard Limit           Units     
Max cpu time              unlimited            unlimited            seconds   
Max address space         {soft}            unlimited            bytes     
Max file locks            unlimited            unlimited            locks     
";

    #[test]
    fn a_number_as_the_soft_limit_of_the_address_space_is_a_cap() {
        assert!(capped_in(&LIMITS.replace("{soft}", "367001600")));
        assert!(!capped_in(&LIMITS.replace("{soft}", "unlimited")));
        // Other limits are not the address space's.
        assert!(!capped_in(
            "Max cpu time              10            10            seconds\n"
        ));
        assert!(!capped_in(""));
    }
}
