//! Running a command: read, compute with the core, check the size of the
//! output, render. Every command stops before its work when a limit would
//! be passed (SPEC §9), with a finding that names the limit (exit 1).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use natverk::{Code, Error, Finding, Findings, Inventory, Lang, Leave, Report};

use crate::atomic::AtomicFile;
use crate::cli::{self, Cli, Command, Format, Output};
use crate::import;
use crate::input::{read_limited, ReadError};
use crate::limits::{self, Size, What};
use crate::render::table;
use crate::render::{self, Context, RenderError, Shown};
use crate::text::for_people;

pub mod workbook;

/// How a run ends.
pub enum Failure {
    /// The inventory (or a report over it, or a sheet) has errors, or a
    /// limit stops the work: exit 1. The findings are already printed.
    Inventory,
    /// Usage or I/O: exit 2.
    Usage(String),
}

/// Runs the command line; the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    let result = run(cli.command, &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Err(Failure::Usage(msg)), _) => {
            eprintln!("natverk: {}", for_people(&msg));
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            eprintln!("natverk: cannot write output: {e}");
            ExitCode::from(2)
        }
        (Ok(code), Ok(())) => code,
        (Err(Failure::Inventory), Ok(())) => ExitCode::from(1),
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
/// (e.g. texts cut in a workbook).
fn deliver(
    path: Option<&Path>,
    out: &mut dyn Write,
    render: impl FnOnce(&mut Dest<'_>) -> render::Result<Option<String>>,
) -> Result<(), Failure> {
    let mut dest = match path {
        Some(p) => Dest::File(AtomicFile::create(p).map_err(Failure::Usage)?),
        None => Dest::Stdout(out),
    };
    let note = render(&mut dest).map_err(|e| Failure::Usage(e.to_string()))?;
    match dest {
        Dest::File(f) => f.commit().map_err(Failure::Usage)?,
        Dest::Stdout(w) => w
            .flush()
            .map_err(|e| Failure::Usage(format!("cannot write output: {e}")))?,
    }
    if let Some(n) = note {
        eprintln!("natverk: note: {n}");
    }
    Ok(())
}

/// The workbook writer needs a file.
fn into_file<'a>(dest: &'a mut Dest<'_>) -> render::Result<&'a mut AtomicFile> {
    match dest {
        Dest::File(f) => Ok(f),
        Dest::Stdout(_) => Err(RenderError::Other(
            "--format xlsx writes a binary file: give it a name with -o FILE".into(),
        )),
    }
}

/// Checks what can be checked before any work: xlsx needs `-o`, and the
/// target must be a regular file or a new name.
fn prepare(o: &Output) -> Result<(), Failure> {
    if o.format == Format::Xlsx && o.output.is_none() {
        return Err(Failure::Usage(
            "--format xlsx writes a binary file: give it a name with -o FILE".into(),
        ));
    }
    if let Some(p) = &o.output {
        target(p)?;
    }
    Ok(())
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
        _ => table::findings(&findings, lang, out).map_err(|e| match e {
            RenderError::Io(e) => e,
            e => std::io::Error::other(e.to_string()),
        }),
    };
    match written {
        Ok(()) => Failure::Inventory,
        Err(e) => Failure::Usage(format!("cannot write output: {e}")),
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
            let m = x.message_in(o.lang);
            if !msgs.contains(&m) {
                msgs.push(m);
            }
        }
        return Failure::Usage(msgs.join("; "));
    }
    print_findings(err.into_findings().into_vec(), out, o.format, o.lang)
}

/// Loads the inventory for the rest of the run. It lives until the process
/// exits, which frees its memory at once: dropping a national inventory's
/// million small allocations one by one would only cost time.
fn load(
    path: &Path,
    out: &mut dyn Write,
    o: &Output,
) -> Result<(&'static Inventory, u64), Failure> {
    let bytes = read(path, out, o)?;
    let n = bytes.len() as u64;
    let inv = Inventory::from_slice(&bytes).map_err(|e| fail(e, out, o))?;
    Ok((Box::leak(Box::new(inv)), n))
}

/// The size of a report's output in a format (every table of it): what
/// [`limits::check_output`] is given before the report is rendered.
pub fn report_size(r: &Report, ctx: Option<&Context<'_>>, format: Format) -> Size {
    let keys = render::key_columns(r).len();
    let mut s = Size::default().table(r.lines.len() + 2, keys + 9);
    if let Some(ctx) = ctx {
        if format == Format::Html {
            // the chart: a label, a bar and a value per line
            s = s.table(r.lines.len(), 3);
        }
        s = s.table(ctx.findings.len(), 5);
        if let Some(e) = &ctx.equality {
            s = s.table(e.networks.len(), 7).table(12, 5);
        }
    }
    s
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

/// Runs one command.
pub fn run(cmd: Command, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cmd {
        Command::Check {
            file,
            today,
            out: o,
        } => {
            prepare(&o)?;
            let bytes = read(&file, out, &o)?;
            let n = bytes.len() as u64;
            let today = today.unwrap_or_else(natverk::today);
            // One parse: the errors, or the inventory and its warnings
            // (what `natverk::check` gives).
            let (inv, findings) = match Inventory::from_slice(&bytes) {
                Ok(inv) => {
                    let w = inv.warnings(today);
                    (Some(inv), Findings::new(w))
                }
                Err(e) => (None, e.into_findings()),
            };
            drop(bytes);
            let size = Size::default().table(findings.len(), 6);
            check_size(o.format, o.lang, What::Check, size, n, out)?;
            let ctx = Context {
                inv: inv.as_ref(),
                lang: o.lang,
                options: vec![(
                    render::tr(o.lang, "today", "dagens datum").into(),
                    today.to_string(),
                )],
                findings: Vec::new(),
                equality: None,
                today,
            };
            deliver(o.output.as_deref(), out, |d| {
                match o.format {
                    Format::Json => {
                        serde_json::to_writer_pretty(&mut *d, &findings)
                            .map_err(std::io::Error::from)?;
                        text_end(d)?;
                    }
                    Format::Table => table::findings(&findings, o.lang, d)?,
                    Format::Csv => render::csv::findings(&findings, d)?,
                    Format::Md => render::md::findings(&findings, o.lang, d)?,
                    Format::Html => render::html::findings(&findings, &ctx, d)?,
                    Format::Xlsx => {
                        return Ok(render::xlsx::findings(
                            findings.as_slice(),
                            &ctx,
                            into_file(d)?,
                        )?
                        .note())
                    }
                }
                Ok(None)
            })?;
            Ok(if findings.errors() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Report {
            file,
            range,
            by,
            leave,
            leave_from,
            today,
            columns,
            wide,
            out: o,
        } => {
            prepare(&o)?;
            let view = table::View {
                columns,
                wide,
                width: table::terminal_width(),
            };
            let (inv, n) = load(&file, out, &o)?;
            let opts = cli::report_options(&range, &by, leave.as_deref(), leave_from);
            let report = inv.report(&opts).map_err(|e| fail(e, out, &o))?;
            let (from, _) = range.years();
            let ctx = match o.format {
                Format::Html | Format::Xlsx => {
                    let today = today.unwrap_or_else(natverk::today);
                    let equality = inv
                        .equality(&range.equality())
                        .map_err(|e| fail(e, out, &o))?;
                    let mut shown = shown(&range, o.lang).add(
                        render::tr(o.lang, "grouped by", "grupperat efter"),
                        by.iter()
                            .map(|k| render::key_heading(k.as_str(), o.lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                    if let Some(l) = &leave {
                        let which = match Leave::parse(l) {
                            Leave::Recommended => render::tr(
                                o.lang,
                                "every network recommended to leave",
                                "alla nätverk som rekommenderas att lämna",
                            )
                            .to_string(),
                            Leave::Networks(ids) => ids.join(", "),
                        };
                        shown = shown
                            .add(render::tr(o.lang, "leaving", "utträde ur"), which)
                            .add(
                                render::tr(o.lang, "notice given", "uppsägning"),
                                format!(
                                    "{} {}",
                                    render::tr(o.lang, "1 January", "1 januari"),
                                    leave_from.unwrap_or(from)
                                ),
                            );
                    }
                    shown = shown.add(
                        render::tr(o.lang, "warnings as of", "varningar per"),
                        today.to_string(),
                    );
                    Some(Context {
                        inv: Some(inv),
                        lang: o.lang,
                        options: shown.pairs,
                        findings: inv.warnings(today),
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
            deliver(o.output.as_deref(), out, |d| {
                match (o.format, &ctx) {
                    (Format::Json, _) => {
                        report.write_json(&mut *d, true)?;
                        text_end(d)?;
                    }
                    (Format::Table, _) => table::report(&report, o.lang, &view, d)?,
                    (Format::Csv, _) => render::csv::report(&report, d)?,
                    (Format::Md, _) => render::md::report(&report, o.lang, d)?,
                    (Format::Html, Some(ctx)) => render::html::report(&report, ctx, d)?,
                    (Format::Xlsx, Some(ctx)) => {
                        return Ok(render::xlsx::report(&report, ctx, into_file(d)?)?.note())
                    }
                    _ => return Err(RenderError::Other("no context for the document".into())),
                }
                Ok(None)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Equality {
            file,
            range,
            today,
            out: o,
        } => {
            prepare(&o)?;
            let (inv, n) = load(&file, out, &o)?;
            let eq = inv
                .equality(&range.equality())
                .map_err(|e| fail(e, out, &o))?;
            let today = today.unwrap_or_else(natverk::today);
            let ctx = match o.format {
                Format::Html | Format::Xlsx => Some(Context {
                    inv: Some(inv),
                    lang: o.lang,
                    options: shown(&range, o.lang)
                        .add(
                            render::tr(o.lang, "warnings as of", "varningar per"),
                            today.to_string(),
                        )
                        .pairs,
                    findings: inv.warnings(today),
                    equality: None,
                    today,
                }),
                _ => None,
            };
            let mut size = Size::default().table(eq.networks.len() + 1, 9).table(14, 9);
            if let Some(c) = &ctx {
                size = size.table(c.findings.len(), 5);
            }
            check_size(o.format, o.lang, What::Equality, size, n, out)?;
            deliver(o.output.as_deref(), out, |d| {
                match (o.format, &ctx) {
                    (Format::Json, _) => {
                        serde_json::to_writer_pretty(&mut *d, &eq).map_err(std::io::Error::from)?;
                        text_end(d)?;
                    }
                    (Format::Table, _) => table::equality(&eq, o.lang, table::terminal_width(), d)?,
                    (Format::Csv, _) => render::csv::equality(&eq, d)?,
                    (Format::Md, _) => render::md::equality(&eq, o.lang, d)?,
                    (Format::Html, Some(ctx)) => render::html::equality(&eq, ctx, d)?,
                    (Format::Xlsx, Some(ctx)) => {
                        return Ok(render::xlsx::equality(&eq, ctx, into_file(d)?)?.note())
                    }
                    _ => return Err(RenderError::Other("no context for the document".into())),
                }
                Ok(None)
            })?;
            Ok(ExitCode::SUCCESS)
        }
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
        } => {
            if let Some(p) = &output {
                target(p)?;
            }
            if workbook::is_workbook(&file) {
                let given: Vec<&str> = [
                    ("--organisation", organisation.is_some()),
                    ("--currency", currency.is_some()),
                    ("--code", code.is_some()),
                    ("--population", population.is_some()),
                    ("--rate", !rates.is_empty()),
                ]
                .into_iter()
                .filter_map(|(o, set)| set.then_some(o))
                .collect();
                if !given.is_empty() {
                    return Err(Failure::Usage(format!(
                        "{} go with a CSV sheet only: a workbook has the organisation, population and exchange rates in its own sheets",
                        given.join(", ")
                    )));
                }
                return workbook::import(&file, output.as_deref(), lang, out);
            }
            let (Some(organisation), Some(currency)) = (organisation, currency) else {
                return Err(Failure::Usage(
                    "a CSV sheet needs --organisation NAME and --currency CODE (a workbook has them in its organisation sheet)".into(),
                ));
            };
            let bytes = match read_limited(&file, limits::MAX_INPUT_BYTES) {
                Ok(b) => b,
                Err(ReadError::Io(m)) => return Err(Failure::Usage(m)),
                Err(e) => {
                    eprintln!(
                        "{}",
                        for_people(&format!(
                            "error[invalid_value]: {}",
                            e.message(&file).text(lang)
                        ))
                    );
                    return Err(Failure::Inventory);
                }
            };
            let opts = import::Options {
                organisation,
                currency,
                code,
                population,
                rates,
            };
            let outcome = import::import(&bytes, &opts);
            drop(bytes);
            // Notes first, whether the import succeeds or not.
            for n in &outcome.notes {
                eprintln!("natverk: note: {}", for_people(n));
            }
            match outcome.result {
                Ok(imported) => {
                    let inv = imported.inventory;
                    deliver(output.as_deref(), out, |d| {
                        serde_json::to_writer_pretty(&mut *d, inv.data())
                            .map_err(std::io::Error::from)?;
                        text_end(d)?;
                        Ok(None)
                    })?;
                    let warnings = inv.warnings(natverk::today()).len();
                    if warnings > 0 {
                        eprintln!(
                            "natverk: imported {} networks; {warnings} warnings: see them with `natverk check`",
                            inv.networks().len()
                        );
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(problems) => {
                    let stderr = std::io::stderr();
                    let mut e = BufWriter::new(stderr.lock());
                    for p in &problems.shown {
                        let _ = writeln!(e, "{p}");
                    }
                    if problems.more > 0 {
                        let _ = writeln!(
                            e,
                            "… and {} more problems (the first {} are listed): fix these and import again",
                            limits::group(problems.more as u64),
                            limits::MAX_PROBLEMS_SHOWN
                        );
                    }
                    let total = problems.total();
                    let _ = writeln!(
                        e,
                        "{} problem{} in {}; nothing written",
                        total,
                        if total == 1 { "" } else { "s" },
                        for_people(&file.display().to_string())
                    );
                    let _ = e.flush();
                    Err(Failure::Inventory)
                }
            }
        }
        Command::Schema { output } => {
            if let Some(p) = &output {
                target(p)?;
            }
            deliver(output.as_deref(), out, |d| {
                let schema = natverk::format::generate::json_schema();
                d.write_all(schema.as_bytes())?;
                if !schema.ends_with('\n') {
                    text_end(d)?;
                }
                Ok(None)
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn shown(range: &cli::Range, lang: natverk::Lang) -> Shown {
    let (from, to) = range.years();
    let s = Shown::new(lang, from, to, range.scope);
    match &range.statuses {
        Some(st) => s.add(
            render::tr(lang, "statuses", "statusar"),
            st.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
        ),
        None => s.add(
            render::tr(lang, "statuses", "statusar"),
            render::tr(lang, "all but declined", "alla utom avböjda"),
        ),
    }
}
