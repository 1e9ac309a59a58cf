//! The command line's arguments (SPEC §8): every option, its parser and
//! its help. Parsing is separate from running, so the fuzz target of the
//! options can parse exactly what the binary parses.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use natverk::present::{Arg, Message};
use natverk::Lang;
use natverk::{EqualityOptions, GroupKey, Leave, ReportOptions, Scope, Status};

use crate::messages as m;

/// The language of messages while the options are parsed: `--lang` when
/// the command line has it, else the locale's.
pub(crate) fn parsing_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(l) = value.and_then(|v| v.parse().ok()) {
            return l;
        }
    }
    crate::windows::default_lang()
}

/// A usage error of clap's in `lang`: `None` for English, which clap's
/// own text (with its usage line) says best, and for the kinds that are
/// not errors (help, version). Kinds without a template keep clap's words.
pub fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    if lang == Lang::En
        || matches!(
            e.kind(),
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let all = |kind: C| -> Vec<String> {
        match e.get(kind) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
            Some(ContextValue::Strings(v)) => v.clone(),
            Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
            Some(ContextValue::Number(n)) => vec![n.to_string()],
            _ => Vec::new(),
        }
    };
    let one = |kind: C| all(kind).join(", ");
    let quoted = |v: Vec<String>| {
        v.iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arg = one(C::InvalidArg);
    let value = crate::text::clip(&one(C::InvalidValue));
    // `; did you mean …?` or `; possible values: …` after a message, when
    // clap has some to offer.
    let near = |msg: Message, template: &'static natverk::present::Template, words: String| {
        if words.is_empty() {
            msg.with("near", "")
        } else {
            msg.arg(
                "near",
                Arg::Message(Box::new(Message::new(template).with("words", words))),
            )
        }
    };
    let msg = match e.kind() {
        K::UnknownArgument => near(
            Message::new(&m::ARG_UNKNOWN).with("arg", &arg),
            &m::ARG_SUGGEST,
            quoted(all(C::SuggestedArg)),
        ),
        K::InvalidSubcommand => near(
            Message::new(&m::ARG_SUBCOMMAND).with("arg", one(C::InvalidSubcommand)),
            &m::ARG_SUGGEST,
            quoted(all(C::SuggestedSubcommand)),
        ),
        K::InvalidValue if value.is_empty() => Message::new(&m::ARG_NO_VALUE).with("arg", &arg),
        K::InvalidValue => near(
            Message::new(&m::ARG_INVALID_VALUE)
                .with("arg", &arg)
                .with("value", &value),
            &m::ARG_POSSIBLE,
            one(C::ValidValue),
        ),
        K::ValueValidation => {
            // The reason is natverk's own message: a word of the core's
            // (in either language), or one of the parsers above (in `lang`).
            let source = std::error::Error::source(e)?;
            let reason = match source.downcast_ref::<natverk::ParseWordError>() {
                Some(w) => w.message().text(lang),
                None => source.to_string(),
            };
            Message::new(&m::ARG_VALIDATION)
                .with("arg", &arg)
                .with("value", &value)
                .with("reason", reason)
        }
        K::MissingRequiredArgument => Message::new(&m::ARG_MISSING).with("args", &arg),
        K::ArgumentConflict => Message::new(&m::ARG_CONFLICT)
            .with("arg", &arg)
            .with("other", one(C::PriorArg)),
        K::TooManyValues => Message::new(&m::ARG_TOO_MANY)
            .with("arg", &arg)
            .with("value", &value),
        K::NoEquals | K::WrongNumberOfValues => Message::new(&m::ARG_NO_VALUE).with("arg", &arg),
        K::MissingSubcommand => {
            Message::new(&m::ARG_NO_COMMAND).with("commands", quoted(all(C::ValidSubcommand)))
        }
        _ => return None,
    };
    Some(msg.text(lang))
}

/// Years of the file format: 1 to 9999 (four digits, as in `YYYY-MM-DD`).
const YEARS: std::ops::RangeInclusive<i64> = 1..=9999;

/// The whole command line.
#[derive(Parser, Debug)]
#[command(
    name = "natverk",
    version,
    about = "The networks an organisation takes part in, and what they cost"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every error and warning of an inventory.
    Check {
        /// The inventory (natverk/1 JSON, or a workbook: .xlsx, .ods).
        file: PathBuf,
        /// Judge deadlines and ends against this date (YYYY-MM-DD; default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        out: Output,
    },
    /// Cost report per year, network, subject, organiser or unit.
    Report {
        /// The inventory (natverk/1 JSON, or a workbook: .xlsx, .ods).
        file: PathBuf,
        #[command(flatten)]
        range: Range,
        /// Group keys, comma-separated: network, subject, organiser, unit, kind, status, year.
        #[arg(long, value_delimiter = ',', default_value = "network")]
        by: Vec<GroupKey>,
        /// Compute as if these networks were left: `recommended` or comma-separated ids.
        #[arg(long)]
        leave: Option<String>,
        /// Year notice is given on 1 January (default: --from); needs --leave.
        #[arg(long, requires = "leave", value_parser = parse_year)]
        leave_from: Option<i32>,
        /// Judge the warnings shown in html and xlsx against this date (default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Money columns of the table, comma-separated (default: fees, time,
        /// gross, granted, net): fees, time, travel, other, gross, granted,
        /// expected, net, expected_net.
        #[arg(long, value_delimiter = ',', value_parser = money_column, conflicts_with = "wide")]
        columns: Option<Vec<String>>,
        /// All nine money columns in the table.
        #[arg(long)]
        wide: bool,
        /// URL of the file the widget loads (--format widget; default: FILE's name). Give the public file (natverk publish).
        #[arg(long)]
        src: Option<String>,
        /// URL of the widget's stylesheet (--format widget).
        #[arg(long, default_value = "/natverk/pkg/natverk-widget.css")]
        stylesheet: String,
        #[command(flatten)]
        out: Output,
    },
    /// Gender-equality statistics of who represents the organisation.
    Equality {
        /// The inventory (natverk/1 JSON, or a workbook: .xlsx, .ods).
        file: PathBuf,
        #[command(flatten)]
        range: Range,
        /// Judge the warnings shown in html and xlsx against this date (default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        out: Output,
    },
    /// Write the public file: the inventory without personal data, for a web page.
    Publish {
        /// The inventory (natverk/1 JSON, or a workbook: .xlsx, .ods).
        file: PathBuf,
        #[command(flatten)]
        out: Output,
    },
    /// The dates to act on: registration deadlines, the last day to give
    /// notice for each year's end, and the networks' own ends (table, json
    /// or ics, a calendar file to import).
    Calendar {
        /// The inventory (natverk/1 JSON or a workbook).
        file: PathBuf,
        #[command(flatten)]
        years: Years,
        /// Output format: table, json, or ics (iCalendar, RFC 5545).
        #[arg(long, short = 'f', value_enum, default_value_t = CalendarFormat::Table)]
        format: CalendarFormat,
        /// Language of output for people (table, the events of ics, messages): sv or en
        /// (default: the locale).
        #[arg(long, default_value_t = Lang::from_env())]
        lang: Lang,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Compare last year's inventory with this year's: networks added,
    /// removed and changed, and the costs by network side by side.
    Diff {
        /// The old inventory (natverk/1 JSON or a workbook).
        old: PathBuf,
        /// The new inventory.
        new: PathBuf,
        #[command(flatten)]
        years: Years,
        #[command(flatten)]
        out: Output,
    },
    /// Write the board appendix (bilaga till tjänsteutlåtande) as .docx or .html.
    Board {
        /// The inventory (natverk/1 JSON or a workbook).
        file: PathBuf,
        #[command(flatten)]
        years: Years,
        /// Last year's inventory: the appendix says what changed.
        #[arg(long)]
        compare: Option<PathBuf>,
        /// Networks shown as left: `recommended` (default) or comma-separated ids.
        #[arg(long)]
        leave: Option<String>,
        /// Show the names of the people who represent the organisation.
        #[arg(long)]
        show_names: bool,
        /// Judge warnings and notice days against this date (default today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Language of the appendix: sv or en (default: the locale).
        #[arg(long, default_value_t = Lang::from_env())]
        lang: Lang,
        /// The appendix to write (atomically): NAME.docx or NAME.html.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Turn a one-sheet spreadsheet of networks (CSV) into an inventory.
    Import {
        /// The sheet: a workbook (.xlsx, .ods: the whole inventory, SPEC §10),
        /// or CSV with `;` or `,`, one row per network, a header row.
        file: PathBuf,
        /// Name of the organisation that keeps the inventory (CSV only).
        #[arg(long)]
        organisation: Option<String>,
        /// Its currency, an ISO 4217 code (CSV only; every report is in it).
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
        /// Language of the problems: sv or en (default: the locale).
        #[arg(long, default_value_t = crate::windows::default_lang())]
        lang: Lang,
    },
    /// Merge the units' workbooks or JSON files into one inventory (SPEC §15).
    Merge {
        /// The files to merge: natverk/1 JSON or workbooks (.xlsx, .ods), read by content.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Write the inventory to this file (atomically): a name ending in .xlsx gives a workbook, any other JSON (default: JSON on stdout).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Language of the problems, the completeness table and a workbook's sheets: sv or en (default: the locale).
        #[arg(long, default_value_t = crate::windows::default_lang())]
        lang: Lang,
        /// How problems are printed: table (for people) or json (SPEC §7.2, one list for every file).
        #[arg(long, short = 'f', default_value = "table", value_parser = ["table", "json"])]
        format: String,
    },
    /// Write an inventory as a workbook (xlsx) to edit in Excel or LibreOffice.
    Export {
        /// The inventory (natverk/1 JSON).
        file: PathBuf,
        /// The workbook to write (atomically).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Language of the sheets, columns and words: sv or en (default: the locale).
        #[arg(long, default_value_t = crate::windows::default_lang())]
        lang: Lang,
    },
    /// Write an empty workbook (xlsx) to fill in and import.
    Template {
        /// The workbook to write (atomically).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Language of the sheets, columns and words: sv or en (default: the locale).
        #[arg(long, default_value_t = crate::windows::default_lang())]
        lang: Lang,
    },
    /// Print the JSON Schema (draft 2020-12) of the natverk/1 format.
    Schema {
        /// Write it to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

/// The years of a calendar or a comparison.
#[derive(Args, Debug)]
pub struct Years {
    /// First year (default: this year).
    #[arg(long, value_parser = parse_year)]
    pub from: Option<i32>,
    /// Last year (default: this year).
    #[arg(long, value_parser = parse_year)]
    pub to: Option<i32>,
    /// One year: the same as --from Y --to Y.
    #[arg(long, conflicts_with_all = ["from", "to"], value_parser = parse_year)]
    pub year: Option<i32>,
}

impl Years {
    /// `(from, to)`, this year by default.
    pub fn years(&self) -> (i32, i32) {
        let now = natverk::today().year();
        match self.year {
            Some(y) => (y, y),
            None => (self.from.unwrap_or(now), self.to.unwrap_or(now)),
        }
    }
}

/// The formats of `calendar`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum CalendarFormat {
    /// Aligned columns for people.
    Table,
    /// SPEC §14 JSON: `{ "events": [ … ] }`.
    Json,
    /// iCalendar (RFC 5545): one all-day event per date, stable UIDs.
    Ics,
}

/// The years, scope and statuses of a report or statistics.
#[derive(Args, Debug)]
pub struct Range {
    /// First year (default: this year).
    #[arg(long, value_parser = parse_year)]
    pub from: Option<i32>,
    /// Last year (default: this year).
    #[arg(long, value_parser = parse_year)]
    pub to: Option<i32>,
    /// One year: the same as --from Y --to Y.
    #[arg(long, conflicts_with_all = ["from", "to"], value_parser = parse_year)]
    pub year: Option<i32>,
    /// all, or central (only networks of central units).
    #[arg(long, default_value = "all")]
    pub scope: Scope,
    /// Statuses included, comma-separated (default: all but declined).
    #[arg(long = "status", value_delimiter = ',')]
    pub statuses: Option<Vec<Status>>,
}

impl Range {
    /// `(from, to)`, this year by default.
    pub fn years(&self) -> (i32, i32) {
        let now = natverk::today().year();
        match self.year {
            Some(y) => (y, y),
            None => (self.from.unwrap_or(now), self.to.unwrap_or(now)),
        }
    }
    /// The options of equality statistics over this range.
    pub fn equality(&self) -> EqualityOptions {
        let (from, to) = self.years();
        let mut o = EqualityOptions::new(from, to);
        o.scope = self.scope;
        o.statuses = self.statuses.clone();
        o
    }
}

/// Where and how a result is written.
#[derive(Args, Debug)]
pub struct Output {
    /// Output format (xlsx needs -o).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of output for people (table, md, html, xlsx, messages; csv
    /// keeps its English keys): sv or en
    /// (default: Swedish when LC_ALL, LC_MESSAGES or LANG starts with sv, or
    /// when none is set and the Windows display language is Swedish; else
    /// English).
    #[arg(long, default_value_t = crate::windows::default_lang())]
    pub lang: Lang,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

/// The output formats.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum Format {
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
    /// The report as a <natverk-inventory> element, pre-rendered for a web page (report only).
    Widget,
}

/// One of the nine money fields.
pub fn money_column(s: &str) -> Result<String, String> {
    let s = s.trim();
    if natverk::money::MONEY_FIELDS.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(Message::new(&m::UNKNOWN_MONEY_COLUMN)
            .with("value", crate::text::clip(s))
            .with("columns", natverk::money::MONEY_FIELDS.join(", "))
            .text(parsing_lang()))
    }
}

/// A year from 1 to 9999.
pub fn parse_year(s: &str) -> Result<i32, String> {
    match s.parse::<i64>() {
        Ok(y) if YEARS.contains(&y) => Ok(y as i32),
        _ => Err(Message::new(&m::BAD_YEAR)
            .with("value", crate::text::clip(s))
            .text(parsing_lang())),
    }
}

/// A `YYYY-MM-DD` date with a year from 1 to 9999.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let say = |t| {
        Message::new(t)
            .with("value", crate::text::clip(s))
            .text(parsing_lang())
    };
    let d = natverk::parse_date(s).ok_or_else(|| say(&m::INVALID_DATE))?;
    if !YEARS.contains(&i64::from(d.year())) {
        return Err(say(&m::DATE_YEAR));
    }
    Ok(d)
}

/// The report options of `natverk report` (what the fuzz target of the
/// options checks against the core's `ReportOptions::from_json`).
pub fn report_options(
    range: &Range,
    by: &[GroupKey],
    leave: Option<&str>,
    leave_from: Option<i32>,
) -> ReportOptions {
    let (from, to) = range.years();
    let mut o = ReportOptions::new(from, to);
    o.scope = range.scope;
    o.by = by.to_vec();
    o.statuses = range.statuses.clone();
    o.leave = leave.map(Leave::parse);
    o.leave_from = leave_from;
    o
}
