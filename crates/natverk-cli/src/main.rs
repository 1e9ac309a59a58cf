//! `natverk`: the command line over the natverk core (SPEC §8).
//!
//! Thin: parse arguments, read the file, call the core, lay out the result
//! ([`render`], [`table`]). Exit codes: 0 fine, 1 the inventory (or the
//! imported sheet) has errors, 2 usage or I/O error. Files are written
//! atomically ([`atomic`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use natverk::Lang;
use natverk::{EqualityOptions, Error, GroupKey, Inventory, Leave, ReportOptions, Scope, Status};

mod atomic;
mod cmd;
mod import;
mod render;
mod table;

use render::{Context, Shown};

/// mimalloc: loading a national inventory makes about a million small
/// allocations, which glibc's allocator serves and frees markedly slower
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "natverk",
    version,
    about = "The networks an organisation takes part in, and what they cost"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every error and warning of an inventory.
    Check {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        /// Judge deadlines and ends against this date (YYYY-MM-DD; default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        out: Output,
    },
    /// Cost report per year, network, subject, organiser or unit.
    Report {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        #[command(flatten)]
        range: Range,
        /// Group keys, comma-separated: network, subject, organiser, unit, kind, status, year.
        #[arg(long, value_delimiter = ',', default_value = "network")]
        by: Vec<GroupKey>,
        /// Compute as if these networks were left: `recommended` or comma-separated ids.
        #[arg(long)]
        leave: Option<String>,
        /// Year notice is given on 1 January (default: --from).
        #[arg(long)]
        leave_from: Option<i32>,
        /// Judge the warnings shown in html and xlsx against this date (default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        out: Output,
    },
    /// Gender-equality statistics of who represents the organisation.
    Equality {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        #[command(flatten)]
        range: Range,
        /// Judge the warnings shown in html and xlsx against this date (default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        out: Output,
    },
    /// Turn a workbook (xlsx, ods: the whole inventory) or a one-sheet
    /// spreadsheet of networks (CSV) into an inventory.
    Import {
        /// The workbook (.xlsx, .ods) or the sheet (CSV with `;` or `,`, one
        /// row per network, a header row).
        file: PathBuf,
        /// CSV: name of the organisation that keeps the inventory.
        #[arg(long)]
        organisation: Option<String>,
        /// CSV: its currency, an ISO 4217 code (every report is in it).
        #[arg(long)]
        currency: Option<String>,
        /// Its municipality code, e.g. 1480.
        #[arg(long)]
        code: Option<String>,
        /// Its population (needed once a fee schedule is used).
        #[arg(long)]
        population: Option<String>,
        /// An exchange rate for fees in another currency: CUR:YEAR:RATE,
        /// e.g. EUR:2024:11,43 (repeat for more).
        #[arg(long = "rate")]
        rates: Vec<String>,
        /// Write the inventory to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Language of the problems of a workbook: sv or en (default: the locale).
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Write an inventory as a workbook (xlsx) to edit in Excel or LibreOffice.
    Export {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        /// The workbook to write (atomically).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Language of the sheets, columns and words: sv or en (default: the locale).
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Write an empty workbook (xlsx) to fill in and import.
    Template {
        /// The workbook to write (atomically).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Language of the sheets, columns and words: sv or en (default: the locale).
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Print the JSON Schema (draft 2020-12) of the natverk/1 format.
    Schema {
        /// Write it to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

#[derive(Args)]
struct Range {
    /// First year (default: this year).
    #[arg(long)]
    from: Option<i32>,
    /// Last year (default: this year).
    #[arg(long)]
    to: Option<i32>,
    /// One year: the same as --from Y --to Y.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    year: Option<i32>,
    /// all, or central (only networks of central units).
    #[arg(long, default_value = "all")]
    scope: Scope,
    /// Statuses included, comma-separated (default: all but declined).
    #[arg(long = "status", value_delimiter = ',')]
    statuses: Option<Vec<Status>>,
}

impl Range {
    fn years(&self) -> (i32, i32) {
        let now = natverk::today().year();
        match self.year {
            Some(y) => (y, y),
            None => (self.from.unwrap_or(now), self.to.unwrap_or(now)),
        }
    }
    fn equality(&self) -> EqualityOptions {
        let (from, to) = self.years();
        let mut o = EqualityOptions::new(from, to);
        o.scope = self.scope;
        o.statuses = self.statuses.clone();
        o
    }
    fn shown(&self, lang: Lang) -> Shown {
        let (from, to) = self.years();
        let s = Shown::new(lang, from, to, self.scope);
        match &self.statuses {
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
}

#[derive(Args)]
struct Output {
    /// Output format (xlsx needs -o).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of output for people (table, md, html, xlsx): sv or en.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Aligned columns for people, thousands grouped.
    Table,
    /// SPEC §5.1 / §7.1 / §7.2 JSON.
    Json,
    /// Tidy CSV: one header row, plain decimals.
    Csv,
    /// Markdown (GitHub tables).
    Md,
    /// One self-contained HTML page to open or print.
    Html,
    /// An Excel workbook (needs -o).
    Xlsx,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    natverk::parse_date(s).ok_or_else(|| format!("invalid date `{s}`: write YYYY-MM-DD"))
}

/// How a run ends.
enum Failure {
    /// The inventory (or a report over it, or a sheet) has errors: exit 1.
    Inventory,
    /// Usage or I/O: exit 2.
    Usage(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match run(cli.command, &mut stdout) {
        Ok(code) => code,
        Err(Failure::Usage(msg)) => {
            eprintln!("natverk: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Inventory) => ExitCode::from(1),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .map_err(|e| Failure::Usage(format!("cannot write output: {e}")))
}

/// Writes a result to `-o FILE` (atomically) or stdout.
fn emit(path: Option<&Path>, out: &mut dyn Write, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(p) => atomic::write(p, bytes)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", p.display()))),
        None => out
            .write_all(bytes)
            .map_err(|e| Failure::Usage(format!("cannot write output: {e}"))),
    }
}

fn text_bytes(mut s: String) -> Vec<u8> {
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.into_bytes()
}

/// Prints the findings of a failure the way `check` would, and fails.
fn fail(err: Error, out: &mut dyn Write, o: &Output) -> Failure {
    if let Error::Options(f) = &err {
        let msgs: Vec<String> = f.iter().map(|f| f.message_in(o.lang)).collect();
        return Failure::Usage(msgs.join("; "));
    }
    let findings = err.into_findings();
    let text = match o.format {
        Format::Json => findings.to_json(),
        _ => table::findings(&findings),
    };
    if let Err(f) = write(out, &text) {
        return f;
    }
    Failure::Inventory
}

/// Loads the inventory for the rest of the run. It lives until the process
/// exits, which frees its memory at once: dropping a national inventory's
/// million small allocations one by one would only cost time.
fn load(path: &Path, out: &mut dyn Write, o: &Output) -> Result<&'static Inventory, Failure> {
    let bytes = read(path)?;
    let inv = Inventory::from_slice(&bytes).map_err(|e| fail(e, out, o))?;
    Ok(Box::leak(Box::new(inv)))
}

fn usage(msg: String) -> Failure {
    Failure::Usage(msg)
}

fn run(cmd: Command, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cmd {
        Command::Check {
            file,
            today,
            out: o,
        } => {
            need_output_for_xlsx(&o)?;
            let bytes = read(&file)?;
            let today = today.unwrap_or_else(natverk::today);
            let findings = natverk::check(&bytes, today);
            let inv = match o.format {
                Format::Html | Format::Xlsx => Inventory::from_slice(&bytes).ok(),
                _ => None,
            };
            let ctx = Context {
                inv: inv.as_ref(),
                lang: o.lang,
                options: vec![(
                    render::tr(o.lang, "today", "dagens datum").into(),
                    today.to_string(),
                )],
                findings: findings.as_slice().to_vec(),
                equality: None,
                today,
            };
            let bytes = match o.format {
                Format::Json => text_bytes(findings.to_json()),
                Format::Table => text_bytes(table::findings(&findings)),
                Format::Csv => render::csv::findings(&findings)
                    .map_err(usage)?
                    .into_bytes(),
                Format::Md => text_bytes(render::md::findings(&findings, o.lang)),
                Format::Html => render::html::findings(&findings, &ctx).into_bytes(),
                Format::Xlsx => render::xlsx::findings(findings.as_slice(), &ctx).map_err(usage)?,
            };
            emit(o.output.as_deref(), out, &bytes)?;
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
            out: o,
        } => {
            need_output_for_xlsx(&o)?;
            let inv = load(&file, out, &o)?;
            let (from, to) = range.years();
            let mut opts = ReportOptions::new(from, to);
            opts.scope = range.scope;
            opts.by = by.clone();
            opts.statuses = range.statuses.clone();
            opts.leave = leave.as_deref().map(Leave::parse);
            opts.leave_from = leave_from;
            let report = inv.report(&opts).map_err(|e| fail(e, out, &o))?;
            let bytes = match o.format {
                Format::Json => text_bytes(report.to_json()),
                Format::Table => text_bytes(table::report(&report, o.lang)),
                Format::Csv => render::csv::report(&report).map_err(usage)?.into_bytes(),
                Format::Md => text_bytes(render::md::report(&report, o.lang).map_err(usage)?),
                Format::Html | Format::Xlsx => {
                    let today = today.unwrap_or_else(natverk::today);
                    let equality = inv
                        .equality(&range.equality())
                        .map_err(|e| fail(e, out, &o))?;
                    let mut shown = range.shown(o.lang).add(
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
                    let ctx = Context {
                        inv: Some(inv),
                        lang: o.lang,
                        options: shown.pairs,
                        findings: inv.warnings(today),
                        equality: Some(equality),
                        today,
                    };
                    if o.format == Format::Html {
                        render::html::report(&report, &ctx)
                            .map_err(usage)?
                            .into_bytes()
                    } else {
                        render::xlsx::report(&report, &ctx).map_err(usage)?
                    }
                }
            };
            emit(o.output.as_deref(), out, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Equality {
            file,
            range,
            today,
            out: o,
        } => {
            need_output_for_xlsx(&o)?;
            let inv = load(&file, out, &o)?;
            let eq = inv
                .equality(&range.equality())
                .map_err(|e| fail(e, out, &o))?;
            let today = today.unwrap_or_else(natverk::today);
            let ctx = || Context {
                inv: Some(inv),
                lang: o.lang,
                options: range
                    .shown(o.lang)
                    .add(
                        render::tr(o.lang, "warnings as of", "varningar per"),
                        today.to_string(),
                    )
                    .pairs,
                findings: inv.warnings(today),
                equality: None,
                today,
            };
            let bytes = match o.format {
                Format::Json => text_bytes(eq.to_json()),
                Format::Table => text_bytes(table::equality(&eq, o.lang)),
                Format::Csv => render::csv::equality(&eq).map_err(usage)?.into_bytes(),
                Format::Md => text_bytes(render::md::equality(&eq, o.lang).map_err(usage)?),
                Format::Html => render::html::equality(&eq, &ctx()).into_bytes(),
                Format::Xlsx => render::xlsx::equality(&eq, &ctx()).map_err(usage)?,
            };
            emit(o.output.as_deref(), out, &bytes)?;
            Ok(ExitCode::SUCCESS)
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
            if cmd::workbook::is_workbook(&file) {
                if organisation.is_some()
                    || currency.is_some()
                    || code.is_some()
                    || population.is_some()
                    || !rates.is_empty()
                {
                    return Err(Failure::Usage(
                        "--organisation, --currency, --code, --population and --rate are for a CSV sheet; a workbook has them on its own sheets".into(),
                    ));
                }
                let lang = lang.unwrap_or_else(Lang::from_env);
                return cmd::workbook::import(&file, output.as_deref(), lang, out);
            }
            let (Some(organisation), Some(currency)) = (organisation, currency) else {
                return Err(Failure::Usage(
                    "a CSV sheet needs --organisation NAME and --currency CODE (a workbook, .xlsx or .ods, has them on its own sheets)".into(),
                ));
            };
            let bytes = read(&file)?;
            let opts = import::Options {
                organisation,
                currency,
                code,
                population,
                rates,
            };
            match import::import(&bytes, &opts) {
                Ok(imported) => {
                    for n in &imported.notes {
                        eprintln!("natverk: note: {n}");
                    }
                    emit(
                        output.as_deref(),
                        out,
                        &text_bytes(imported.inventory.to_json()),
                    )?;
                    let warnings = imported.inventory.warnings(natverk::today()).len();
                    if warnings > 0 {
                        eprintln!(
                            "natverk: imported {} networks; {warnings} warnings: see them with `natverk check`",
                            imported.inventory.networks().len()
                        );
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(problems) => {
                    for p in &problems {
                        eprintln!("{p}");
                    }
                    eprintln!(
                        "{} problem{} in {}; nothing written",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" },
                        file.display()
                    );
                    Err(Failure::Inventory)
                }
            }
        }
        Command::Export { file, output, lang } => {
            cmd::workbook::export(&file, &output, lang.unwrap_or_else(Lang::from_env), out)
        }
        Command::Template { output, lang } => {
            cmd::workbook::template(&output, lang.unwrap_or_else(Lang::from_env))
        }
        Command::Schema { output } => {
            emit(
                output.as_deref(),
                out,
                &text_bytes(natverk::format::generate::json_schema()),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn need_output_for_xlsx(o: &Output) -> Result<(), Failure> {
    if o.format == Format::Xlsx && o.output.is_none() {
        return Err(Failure::Usage(
            "--format xlsx writes a binary file: give it a name with -o FILE".into(),
        ));
    }
    Ok(())
}
