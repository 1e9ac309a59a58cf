//! `natverk merge FILE… [-o inventory.json|inventory.xlsx]`: one inventory
//! from the workbooks or JSON files the units send back (SPEC §15).
//!
//! Every file is read (JSON or a workbook, by content) and every problem of
//! every file is printed, named by its file; then the core merges them and
//! every `merge_conflict` is printed. Nothing is written unless the whole
//! is consistent (exit 1 otherwise). The merged inventory goes to `-o`
//! (a workbook when its name ends in `.xlsx`, JSON otherwise, written
//! atomically) or, without `-o`, as JSON to stdout; the completeness table
//! goes to stdout with `-o`, else to stderr, so stdout stays JSON.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use natverk::present::{fill, label, Message};
use natverk::{Code, Finding, Lang, MergeInput, Merged};

use super::import::problems_line;
use super::{deliver, target, Failure};
use crate::input::{read_limited, ReadError};
use crate::messages as m;
use crate::text::for_people;

/// Whether `-o` names a workbook: `.xlsx`, in any case.
fn writes_workbook(output: &Path) -> bool {
    output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn io_failure(out: &mut dyn Write, e: &std::io::Error) -> Failure {
    let _ = out.flush();
    Failure::Usage(Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(e)))
}

/// The problems of the files: printed for people as they are found, or
/// gathered into one SPEC §7.2 list (`--format json`), each finding's
/// message then naming its file (and its sheet, row and column).
struct Problems {
    json: bool,
    lang: Lang,
    all: Vec<Finding>,
}

impl Problems {
    /// One file's findings (with their places in a workbook), then, for
    /// people, "N problems in FILE".
    fn file(
        &mut self,
        file: &Path,
        findings: Vec<(Finding, Option<natverk::tables::Place>)>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        if self.json {
            self.all.extend(natverk::file_findings(
                &file.display().to_string(),
                findings,
            ));
            return Ok(());
        }
        let errors = findings
            .iter()
            .filter(|(f, _)| f.severity == natverk::Severity::Error)
            .count();
        let write = |out: &mut dyn Write| -> std::io::Result<()> {
            for (f, place) in &findings {
                let text = match place {
                    Some(p) => natverk::tables::SheetFinding {
                        finding: f.clone(),
                        place: Some(p.clone()),
                    }
                    .to_text(self.lang),
                    None => f.to_text(self.lang),
                };
                writeln!(out, "{}", for_people(&text))?;
            }
            writeln!(out, "{}", problems_line(errors, file, self.lang))
        };
        write(out).map_err(|e| io_failure(out, &e))
    }

    /// Ends a run with problems: the JSON list, if gathered; exit 1.
    fn fail(self, out: &mut dyn Write) -> Failure {
        if self.json {
            let text = natverk::Findings::new(self.all).to_json_in(self.lang, true);
            if let Err(e) = writeln!(out, "{text}") {
                return io_failure(out, &e);
            }
        }
        Failure::Inventory
    }
}

/// The label of a file in findings: its name as given.
fn label_of(file: &Path) -> String {
    file.display().to_string()
}

/// Runs `merge`.
pub fn run(
    files: &[PathBuf],
    output: Option<&Path>,
    lang: Lang,
    json: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    if let Some(p) = output {
        target(p)?;
    }
    // SPEC §9: the files together are the input; refuse before the work
    // when their sizes add up to more than one input may be.
    let mut total: u64 = 0;
    for f in files {
        if let Ok(meta) = std::fs::metadata(f) {
            if meta.is_file() {
                total = total.saturating_add(meta.len());
            }
        }
    }
    let limit = crate::limits::MAX_INPUT_BYTES;
    if total > limit {
        let finding = Finding::new(
            Code::InvalidValue,
            natverk::Path::root(),
            Message::new(&m::MERGE_TOO_LARGE)
                .with("size", total)
                .with("limit", limit),
        );
        return Err(super::print_findings(
            vec![finding],
            out,
            if json {
                crate::cli::Format::Json
            } else {
                crate::cli::Format::Table
            },
            lang,
        ));
    }

    let mut problems = Problems {
        json,
        lang,
        all: Vec::new(),
    };
    let whole = |f: Finding| vec![(f, None)];
    let mut inputs = Vec::with_capacity(files.len());
    let mut failed = false;
    let mut left = limit;
    for f in files {
        let bytes = match read_limited(f, left) {
            Ok(b) => b,
            Err(ReadError::Io(msg)) => return Err(Failure::Usage(msg)),
            Err(too_large) => {
                let finding = Finding::new(
                    Code::InvalidValue,
                    natverk::Path::root(),
                    too_large.message(f),
                );
                problems.file(f, whole(finding), out)?;
                failed = true;
                continue;
            }
        };
        left = left.saturating_sub(bytes.len() as u64);
        if super::is_workbook(&bytes) {
            match natverk_workbook::import_bytes(&bytes) {
                Ok(imp) => {
                    // What the import did not read, or read as another
                    // sheet or column (SPEC §10): said, on standard error.
                    let mut err = std::io::stderr().lock();
                    for w in &imp.warnings {
                        let text = Message::new(&m::IN_FILE)
                            .with("file", f.display())
                            .with("text", w.to_text(lang));
                        let _ = writeln!(err, "{}", for_people(&text.text(lang)));
                    }
                    inputs.push(MergeInput::workbook(
                        label_of(f),
                        imp.inventory,
                        imp.locator,
                    ));
                }
                Err(natverk_workbook::Error::Invalid(findings)) => {
                    let list = findings
                        .iter()
                        .map(|x| (x.finding.clone(), x.place.clone()))
                        .collect();
                    problems.file(f, list, out)?;
                    failed = true;
                }
                Err(other) => {
                    let finding = Finding::new(
                        Code::Syntax,
                        natverk::Path::root(),
                        Message::new(&m::MERGE_UNREADABLE)
                            .with("file", f.display())
                            .with("error", other),
                    );
                    problems.file(f, whole(finding), out)?;
                    failed = true;
                }
            }
        } else if super::workbook::is_workbook(f) {
            // Named as a workbook, but not a zip file: say so, not "invalid JSON".
            let finding = Finding::new(
                Code::Syntax,
                natverk::Path::root(),
                Message::new(&m::MERGE_NOT_WORKBOOK).with("file", f.display()),
            );
            problems.file(f, whole(finding), out)?;
            failed = true;
        } else {
            match natverk::Inventory::from_slice(&bytes) {
                Ok(inv) => inputs.push(MergeInput::new(label_of(f), inv)),
                Err(e) => {
                    let list = e.into_findings().into_iter().map(|x| (x, None)).collect();
                    problems.file(f, list, out)?;
                    failed = true;
                }
            }
        }
    }
    if failed {
        return Err(problems.fail(out));
    }

    let merged = match natverk::merge(&inputs) {
        Ok(m) => m,
        Err(e) => {
            let findings = e.into_findings();
            if json {
                problems.all = findings.into_vec();
                return Err(problems.fail(out));
            }
            for x in &findings {
                writeln!(out, "{}", for_people(&x.to_text(lang)))
                    .map_err(|e| io_failure(out, &e))?;
            }
            let n = findings.errors();
            let key = if n == 1 {
                "merge.problems.one"
            } else {
                "merge.problems.many"
            };
            let line = fill(
                label(key, lang),
                &[("n", &natverk::money::fmt_count(n as u64, lang))],
            );
            writeln!(out, "{line}").map_err(|e| io_failure(out, &e))?;
            return Err(Failure::Inventory);
        }
    };
    drop(inputs);

    match output {
        Some(p) if writes_workbook(p) => {
            let xlsx = natverk_workbook::export(merged.inventory.data(), lang)
                .map_err(|e| Failure::Usage(Message::new(&m::IO).with("text", e)))?;
            deliver(Some(p), out, lang, |d| {
                d.write_all(&xlsx)?;
                Ok(None)
            })?;
        }
        _ => {
            let mut json = merged.inventory.to_json();
            json.push('\n');
            deliver(output, out, lang, |d| {
                d.write_all(json.as_bytes())?;
                Ok(None)
            })?;
        }
    }
    let table = completeness_text(&merged, lang);
    if output.is_some() {
        out.write_all(table.as_bytes())
            .map_err(|e| io_failure(out, &e))?;
    } else {
        eprint!("{table}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The completeness table for people (SPEC §15): per unit, its networks
/// in the merged inventory and which files reported them; then the units
/// no file reported a network for.
pub fn completeness_text(merged: &Merged, lang: Lang) -> String {
    let l = |k: &str| label(k, lang).to_string();
    let mut rows: Vec<[String; 3]> = vec![[l("merge.unit"), l("merge.networks"), l("merge.files")]];
    for u in &merged.completeness {
        let unit = match (&u.unit, &u.name) {
            (Some(id), Some(name)) => format!("{name} ({id})"),
            (Some(id), None) => id.clone(),
            _ => l("merge.no_unit"),
        };
        let files = if u.files.is_empty() {
            l("merge.none")
        } else {
            u.files
                .iter()
                .map(|f| format!("{} ({})", f.file, f.networks))
                .collect::<Vec<_>>()
                .join(", ")
        };
        rows.push([unit, u.networks.to_string(), files]);
    }
    let width = |i: usize| {
        rows.iter()
            .map(|r| for_people(&r[i]).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(0), width(1));
    let mut s = format!("{}\n", l("merge.completeness"));
    for r in &rows {
        let (a, b) = (for_people(&r[0]), for_people(&r[1]));
        let pad0 = w0 - a.chars().count();
        let pad1 = w1 - b.chars().count();
        s.push_str(&format!(
            "{a}{}  {}{b}  {}\n",
            " ".repeat(pad0),
            " ".repeat(pad1),
            for_people(&r[2])
        ));
    }
    let missing: Vec<String> = merged.missing().filter_map(|u| u.unit.clone()).collect();
    if !missing.is_empty() {
        let key = if missing.len() == 1 {
            "merge.missing.one"
        } else {
            "merge.missing.many"
        };
        s.push_str(&fill(
            label(key, lang),
            &[("n", &missing.len().to_string())],
        ));
        s.push_str(": ");
        s.push_str(&for_people(&missing.join(", ")));
        s.push('\n');
    }
    s
}
