//! `natverk`: the command line over the natverk core (SPEC §8).
//!
//! Thin: parse arguments, read the file, call the core, print. Exit codes:
//! 0 fine, 1 the inventory has errors, 2 usage or I/O error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use natverk::money::Lang;
use natverk::{
    EqualityOptions, Error, Findings, GroupKey, Inventory, Leave, ReportOptions, Scope, Status,
};

mod table;

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
        #[command(flatten)]
        out: Output,
    },
    /// Gender-equality statistics of who represents the organisation.
    Equality {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        #[command(flatten)]
        range: Range,
        #[command(flatten)]
        out: Output,
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
}

#[derive(Args)]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of tables for people: sv or en.
    #[arg(long, default_value = "en")]
    lang: Lang,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Aligned columns for people, thousands grouped.
    Table,
    /// SPEC §5.1 / §7.1 / §7.2 JSON.
    Json,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    natverk::parse_date(s).ok_or_else(|| format!("invalid date `{s}`: write YYYY-MM-DD"))
}

/// How a run ends.
enum Failure {
    /// The inventory (or a report over it) has errors: exit 1.
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
        .and_then(|()| out.write_all(b"\n"))
        .map_err(|e| Failure::Usage(format!("cannot write output: {e}")))
}

/// Prints the findings of a failure the way `check` would, and fails.
fn fail(err: Error, out: &mut dyn Write, o: &Output) -> Failure {
    if err.is_options_error() {
        let msgs: Vec<String> = err.findings.iter().map(|f| f.message.clone()).collect();
        return Failure::Usage(msgs.join("; "));
    }
    let findings = Findings::new(err.findings.clone());
    let text = match o.format {
        Format::Json => findings.to_json(),
        Format::Table => table::findings(&findings),
    };
    if let Err(f) = write(out, &text) {
        return f;
    }
    Failure::Inventory
}

fn load(path: &Path, out: &mut dyn Write, o: &Output) -> Result<Inventory, Failure> {
    let bytes = read(path)?;
    Inventory::from_slice(&bytes).map_err(|e| fail(e, out, o))
}

fn run(cmd: Command, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cmd {
        Command::Check {
            file,
            today,
            out: o,
        } => {
            let bytes = read(&file)?;
            let findings = natverk::check(&bytes, today.unwrap_or_else(natverk::today));
            let text = match o.format {
                Format::Json => findings.to_json(),
                Format::Table => table::findings(&findings),
            };
            write(out, &text)?;
            Ok(if findings.errors > 0 {
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
            out: o,
        } => {
            let inv = load(&file, out, &o)?;
            let (from, to) = range.years();
            let opts = ReportOptions {
                from,
                to,
                scope: range.scope,
                by,
                statuses: range.statuses,
                leave: leave.as_deref().map(Leave::parse),
                leave_from,
            };
            let report = inv.report(&opts).map_err(|e| fail(e, out, &o))?;
            let text = match o.format {
                Format::Json => report.to_json(),
                Format::Table => table::report(&report, o.lang),
            };
            write(out, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Equality {
            file,
            range,
            out: o,
        } => {
            let inv = load(&file, out, &o)?;
            let (from, to) = range.years();
            let opts = EqualityOptions {
                from,
                to,
                scope: range.scope,
                statuses: range.statuses,
            };
            let eq = inv.equality(&opts).map_err(|e| fail(e, out, &o))?;
            let text = match o.format {
                Format::Json => eq.to_json(),
                Format::Table => table::equality(&eq, o.lang),
            };
            write(out, &text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
