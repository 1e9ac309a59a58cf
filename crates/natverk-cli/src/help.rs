//! `--help` in the command's language (SPEC §11). The English help is
//! clap's, from the doc comments of [`crate::cli`]; in Swedish every
//! command's and argument's text, the headings, the usage line, the
//! defaults and the possible values are replaced by the `HELP_*` templates
//! of [`crate::messages`] (a test keeps their English equal to the doc
//! comments, so a new option without Swedish help fails the tests).

use clap::{Arg, ArgAction, Command, CommandFactory};
use natverk::present::{Message, Template};
use natverk::Lang;

use crate::cli::Cli;
use crate::messages as m;

/// The help of every command: (command, its about).
pub static COMMANDS: &[(&str, &Template)] = &[
    ("check", &m::HELP_CHECK),
    ("report", &m::HELP_REPORT),
    ("equality", &m::HELP_EQUALITY),
    ("publish", &m::HELP_PUBLISH),
    ("calendar", &m::HELP_CALENDAR),
    ("diff", &m::HELP_DIFF),
    ("board", &m::HELP_BOARD),
    ("import", &m::HELP_IMPORT),
    ("merge", &m::HELP_MERGE),
    ("export", &m::HELP_EXPORT),
    ("template", &m::HELP_TEMPLATE),
    ("schema", &m::HELP_SCHEMA),
];

/// The help of every argument: (command or `*` for any, argument id, help,
/// Swedish value name).
pub static ARGS: &[(&str, &str, &Template, &str)] = &[
    ("import", "file", &m::HELP_IMPORT_FILE, "FIL"),
    ("export", "file", &m::HELP_JSON_FILE, "FIL"),
    ("calendar", "file", &m::HELP_FILE_OR_WORKBOOK, "FIL"),
    ("calendar", "format", &m::HELP_CALENDAR_FORMAT, "FORMAT"),
    ("calendar", "lang", &m::HELP_CALENDAR_LANG, "SPRÅK"),
    ("diff", "old", &m::HELP_DIFF_OLD, "GAMMAL"),
    ("diff", "new", &m::HELP_DIFF_NEW, "NY"),
    ("board", "file", &m::HELP_FILE_OR_WORKBOOK, "FIL"),
    ("board", "compare", &m::HELP_COMPARE, "GAMMAL"),
    ("board", "leave", &m::HELP_BOARD_LEAVE, "NÄTVERK"),
    ("board", "show_names", &m::HELP_SHOW_NAMES, ""),
    ("board", "today", &m::HELP_TODAY_BOARD, "DATUM"),
    ("board", "lang", &m::HELP_BOARD_LANG, "SPRÅK"),
    ("board", "output", &m::HELP_BOARD_OUTPUT, "FIL"),
    ("*", "file", &m::HELP_FILE, "FIL"),
    ("check", "today", &m::HELP_TODAY_CHECK, "DATUM"),
    ("*", "today", &m::HELP_TODAY, "DATUM"),
    ("report", "by", &m::HELP_BY, "NYCKLAR"),
    ("report", "leave", &m::HELP_LEAVE, "NÄTVERK"),
    ("report", "leave_from", &m::HELP_LEAVE_FROM, "ÅR"),
    ("report", "columns", &m::HELP_COLUMNS, "KOLUMNER"),
    ("report", "wide", &m::HELP_WIDE, ""),
    ("report", "src", &m::HELP_SRC, "URL"),
    ("report", "stylesheet", &m::HELP_STYLESHEET, "URL"),
    ("import", "organisation", &m::HELP_ORGANISATION, "NAMN"),
    ("import", "currency", &m::HELP_CURRENCY, "KOD"),
    ("import", "code", &m::HELP_CODE, "KOD"),
    ("import", "population", &m::HELP_POPULATION, "FOLKMÄNGD"),
    ("import", "rates", &m::HELP_RATE, "KURS"),
    ("import", "output", &m::HELP_IMPORT_OUTPUT, "FIL"),
    ("import", "lang", &m::HELP_IMPORT_LANG, "SPRÅK"),
    ("merge", "files", &m::HELP_MERGE_FILES, "FILER"),
    ("merge", "output", &m::HELP_MERGE_OUTPUT, "FIL"),
    ("merge", "lang", &m::HELP_MERGE_LANG, "SPRÅK"),
    ("merge", "format", &m::HELP_MERGE_FORMAT, "FORMAT"),
    ("export", "output", &m::HELP_WORKBOOK_OUTPUT, "FIL"),
    ("export", "lang", &m::HELP_WORKBOOK_LANG, "SPRÅK"),
    ("template", "output", &m::HELP_WORKBOOK_OUTPUT, "FIL"),
    ("template", "lang", &m::HELP_WORKBOOK_LANG, "SPRÅK"),
    ("schema", "output", &m::HELP_SCHEMA_OUTPUT, "FIL"),
    ("*", "from", &m::HELP_FROM, "ÅR"),
    ("*", "to", &m::HELP_TO, "ÅR"),
    ("*", "year", &m::HELP_YEAR, "ÅR"),
    ("*", "scope", &m::HELP_SCOPE, "OMFATTNING"),
    ("*", "statuses", &m::HELP_STATUS, "STATUSAR"),
    ("*", "format", &m::HELP_FORMAT, "FORMAT"),
    ("*", "lang", &m::HELP_LANG, "SPRÅK"),
    ("*", "output", &m::HELP_OUTPUT, "FIL"),
];

/// The help template of an argument of `command`.
pub fn arg_help(command: &str, id: &str) -> Option<(&'static Template, &'static str)> {
    ARGS.iter()
        .find(|(c, a, _, _)| *c == command && *a == id)
        .or_else(|| ARGS.iter().find(|(c, a, _, _)| *c == "*" && *a == id))
        .map(|(_, _, t, v)| (*t, *v))
}

/// Parses the process's arguments with the help in `lang`.
pub fn parse(lang: Lang) -> Result<Cli, clap::Error> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `natverk help [COMMAND]` is `natverk [COMMAND] --help`: clap's own
    // help command is English only.
    if lang == Lang::Sv && args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.truncate(2);
        args.push("--help".into());
    }
    let matches = command(lang).try_get_matches_from(args)?;
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
}

/// The command line's parser, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Sv => swedish(cmd),
    }
}

/// The Swedish text of a help template.
fn sv(t: &Template) -> &'static str {
    t.sv
}

/// The whole command in Swedish.
fn swedish(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut cmd = swedish_frame(cmd.about(sv(&m::HELP_ABOUT)), "")
        .subcommand_value_name("KOMMANDO")
        .subcommand_help_heading(heading(&m::HELP_COMMANDS))
        .disable_help_subcommand(true)
        // Only listed: [`parse`] turns `help X` into `X --help`.
        .subcommand(
            Command::new("help")
                .about(sv(&m::HELP_HELP_COMMAND))
                .arg(Arg::new("command").value_name("KOMMANDO"))
                .help_template(template()),
        );
    for name in names {
        let about = COMMANDS
            .iter()
            .find(|(c, _)| *c == name)
            .map(|(_, t)| sv(t))
            .unwrap_or_default();
        let n = name.clone();
        cmd = cmd.mut_subcommand(&name, move |sc| {
            let ids: Vec<String> = sc.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut sc = sc.about(about).long_about(None::<&str>);
            for id in ids {
                let Some((t, value)) = arg_help(&n, &id) else {
                    continue;
                };
                sc = sc.mut_arg(&id, |a| swedish_arg(a, sv(t), value));
            }
            // `natverk report [VAL] <FIL>`: clap's usage says [OPTIONS].
            let mut usage = format!("natverk {n} [{}]", heading(&m::HELP_OPTIONS).to_uppercase());
            for a in sc.get_positionals() {
                let value = a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map(ToString::to_string)
                    .unwrap_or_else(|| a.get_id().to_string().to_uppercase());
                if a.is_required_set() {
                    usage.push_str(&format!(" <{value}>"));
                } else {
                    usage.push_str(&format!(" [{value}]"));
                }
            }
            swedish_frame(sc, &n).override_usage(usage)
        });
    }
    cmd
}

/// Headings, usage and the help and version flags of one command, in Swedish.
fn swedish_frame(cmd: Command, name: &str) -> Command {
    let mut cmd = cmd.help_template(template()).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(sv(&m::HELP_HELP))
            .help_heading(heading(&m::HELP_OPTIONS)),
    );
    if name.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(sv(&m::HELP_VERSION))
                .help_heading(heading(&m::HELP_OPTIONS)),
        );
    }
    cmd
}

/// One argument in Swedish: its help, its value's name, and its default
/// and possible values in Swedish words.
fn swedish_arg(a: Arg, help: &'static str, value: &'static str) -> Arg {
    let takes_value = a.get_action().takes_values();
    let mut extra = Vec::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        extra.push(
            Message::new(&m::HELP_DEFAULT)
                .with("value", defaults.join(","))
                .text(Lang::Sv),
        );
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    if takes_value && !possible.is_empty() && !help.contains(possible[0].as_str()) {
        extra.push(
            Message::new(&m::HELP_POSSIBLE)
                .with("values", possible.join(", "))
                .text(Lang::Sv),
        );
    }
    let text = if extra.is_empty() {
        help.to_string()
    } else {
        format!("{help} [{}]", extra.join("; "))
    };
    let heading = if a.is_positional() {
        heading(&m::HELP_ARGUMENTS)
    } else {
        heading(&m::HELP_OPTIONS)
    };
    let a = a.help(text).long_help(None::<&str>).help_heading(heading);
    if !takes_value {
        return a;
    }
    let a = a.hide_default_value(true).hide_possible_values(true);
    if value.is_empty() {
        a
    } else {
        a.value_name(value)
    }
}

/// A heading without its colon (clap adds one).
fn heading(t: &Template) -> &'static str {
    sv(t).trim_end_matches(':')
}

/// clap's help layout with the Swedish word for "Usage".
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        sv(&m::HELP_USAGE)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text clap shows for a command or argument, as one line.
    fn shown(s: Option<&clap::builder::StyledStr>) -> String {
        s.map(ToString::to_string).unwrap_or_default()
    }

    #[test]
    fn every_command_and_argument_has_swedish_help_equal_in_english_to_its_doc() {
        let cmd = command(Lang::En);
        assert_eq!(shown(cmd.get_about()), m::HELP_ABOUT.en);
        let mut seen = 0;
        for sc in cmd.get_subcommands() {
            let name = sc.get_name();
            let (_, about) = COMMANDS
                .iter()
                .find(|(c, _)| *c == name)
                .unwrap_or_else(|| panic!("no Swedish help for command `{name}`"));
            assert_eq!(
                shown(sc.get_about()),
                about.en.trim_end_matches('.'),
                "{name}"
            );
            for a in sc.get_arguments() {
                let id = a.get_id().as_str();
                let (t, _) = arg_help(name, id)
                    .unwrap_or_else(|| panic!("no Swedish help for `{name} {id}`"));
                assert_eq!(
                    shown(a.get_help()),
                    t.en.trim_end_matches('.'),
                    "{name} {id}"
                );
                seen += 1;
            }
        }
        assert!(seen > 30, "{seen}");
    }

    fn help_of(lang: Lang, path: &[&str]) -> String {
        let mut cmd = command(lang);
        cmd.build();
        let mut c = &mut cmd;
        for p in path {
            c = c.find_subcommand_mut(p).unwrap();
        }
        c.render_help().to_string()
    }

    #[test]
    fn swedish_help_has_no_english_left() {
        for path in [
            &[][..],
            &["check"],
            &["report"],
            &["equality"],
            &["import"],
            &["export"],
            &["template"],
            &["schema"],
            &["publish"],
            &["calendar"],
            &["diff"],
            &["board"],
        ] {
            let sv = help_of(Lang::Sv, path);
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "[default",
                "[possible",
                "Print",
                "OPTIONS",
                "<FILE>",
                "The inventory",
                "Write",
            ] {
                assert!(!sv.contains(english), "{path:?}: `{english}` in\n{sv}");
            }
            assert!(sv.contains("Användning: natverk"), "{sv}");
            assert!(sv.contains("Visa hjälpen"), "{sv}");
            let en = help_of(Lang::En, path);
            assert!(en.contains("Usage: natverk"), "{en}");
            assert!(!en.contains("Användning"), "{en}");
        }
        let report = help_of(Lang::Sv, &["report"]);
        assert!(
            report.contains("Användning: natverk report [VAL] <FIL>"),
            "{report}"
        );
        assert!(report.contains("--by <NYCKLAR>"), "{report}");
        assert!(report.contains("[standard: network]"), "{report}");
        assert!(report.contains("Kostnadsrapport per år"), "{report}");
    }

    #[test]
    fn swedish_parses_the_same_arguments() {
        for lang in Lang::ALL {
            let m = command(lang)
                .try_get_matches_from([
                    "natverk",
                    "report",
                    "x.json",
                    "--by",
                    "unit,year",
                    "-f",
                    "json",
                ])
                .unwrap();
            let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).unwrap();
            let crate::cli::Command::Report { by, out, .. } = cli.command else {
                panic!("not a report");
            };
            assert_eq!(by.len(), 2);
            assert_eq!(out.format, crate::cli::Format::Json);
        }
        let e = command(Lang::Sv)
            .try_get_matches_from(["natverk", "report", "--help"])
            .unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(e.to_string().contains("Användning"), "{e}");
    }
}
