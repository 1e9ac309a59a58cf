//! The core's results as JSON views for the page: findings grouped by
//! sheet, a report's table with its cells as text, the equality tables.
//! Only conversion: every word comes from the core's vocabulary or its
//! messages, every figure from the core's tables.

use natverk::present::{fill, label, Align, Message, Table};
use natverk::tables::{Locator, Place, SheetFindings};
use natverk::{Equality, Error, Finding, GroupKey, Inventory, Lang, Report, Scope, Severity};
use natverk_render::import::Problems;
use natverk_render::render::{cell_text, network_of, Context};
use serde_json::{json, Value};

use crate::words;

/// A finding with where it is: the sheet, row and column of a workbook or
/// CSV, or the JSON path of an inventory file.
#[derive(Debug, Clone)]
pub struct Item {
    /// An error (else a warning).
    pub error: bool,
    /// The stable code (`invalid_value`).
    pub code: String,
    /// Where in a workbook or sheet, when known.
    pub place: Option<Place>,
    /// The JSON path (empty for the whole file).
    pub path: natverk::Path,
    /// What is wrong and how to fix it.
    pub message: Option<Message>,
    /// A message in no particular language (a reader's own words).
    pub text: String,
    /// The field of the page it is about (a key of the page's words),
    /// for the CSV import's options.
    pub field: Option<&'static str>,
    /// The file it is in, when several files were dropped (SPEC §15).
    pub file: Option<String>,
    /// A `merge_conflict` between files (its message names them).
    pub conflict: bool,
}

impl Item {
    /// A problem with the whole file, in the reader's own words.
    pub fn whole(text: String) -> Item {
        Item {
            error: true,
            code: "syntax".into(),
            place: None,
            path: natverk::Path::root(),
            message: None,
            text,
            field: None,
            file: None,
            conflict: false,
        }
    }
    /// A note of the CSV import (a warning, about the whole file).
    pub fn note(message: Message) -> Item {
        Item {
            error: false,
            code: "note".into(),
            place: None,
            path: natverk::Path::root(),
            message: Some(message),
            text: String::new(),
            field: None,
            file: None,
            conflict: false,
        }
    }
    pub(crate) fn of(f: &Finding, place: Option<Place>) -> Item {
        Item {
            error: f.severity == Severity::Error,
            code: f.code.to_string(),
            place,
            path: f.path.clone(),
            message: Some(f.message.clone()),
            text: String::new(),
            field: None,
            file: None,
            conflict: false,
        }
    }
    fn message_in(&self, lang: Lang) -> String {
        match &self.message {
            Some(m) => m.text(lang),
            None => self.text.clone(),
        }
    }
}

/// The findings of a workbook, each at its sheet, row and column.
pub fn sheet_items(f: &SheetFindings) -> Vec<Item> {
    f.iter()
        .map(|s| Item::of(&s.finding, s.place.clone()))
        .collect()
}

/// Findings of the core, placed in the workbook by `locator` when the
/// inventory came from one.
pub fn items(f: &[Finding], locator: Option<&Locator>, _inv: Option<&Inventory>) -> Vec<Item> {
    f.iter()
        .map(|x| Item::of(x, locator.and_then(|l| l.place(x))))
        .collect()
}

/// The problems of a CSV import, each at its row and column of the sheet
/// (named as the file), or at the field of the page that gave an option.
pub fn csv_items(p: &Problems, name: &str, out: &mut Vec<Item>) {
    for x in &p.shown {
        let place = x.row.map(|row| Place {
            sheet_index: usize::MAX,
            sheet: name.to_string(),
            row: u32::try_from(row).ok(),
            column: x.column.clone(),
            column_index: None,
        });
        let field = match x.column.as_deref() {
            _ if x.row.is_some() => None,
            Some("--organisation") => Some("app.csv_organisation"),
            Some("--currency") => Some("app.csv_currency"),
            Some("--code") => Some("app.csv_code"),
            Some("--population") => Some("app.csv_population"),
            Some("--rate") => Some("app.csv_rates"),
            _ => None,
        };
        out.push(Item {
            error: true,
            code: x.code.to_string(),
            place,
            path: natverk::Path::root(),
            message: Some(x.message.clone()),
            text: String::new(),
            field,
            file: None,
            conflict: false,
        });
    }
    if p.more > 0 {
        out.push(Item::note(
            Message::new(&natverk_render::messages::MORE_PROBLEMS)
                .with("n", natverk_render::limits::group(p.more as u64))
                .with("shown", natverk_render::limits::MAX_PROBLEMS_SHOWN),
        ));
    }
}

/// Findings grouped by sheet, in their order (sheet, row, column):
/// `{"count", "errors", "warnings", "summary", "groups": [{"sheet",
/// "title", "items": [{"severity", "severity_label", "code", "row",
/// "column", "letter", "place", "path", "network", "message"}]}]}`.
pub fn groups(items: &[Item], lang: Lang, inv: Option<&Inventory>) -> String {
    groups_value(items, lang, inv).to_string()
}

fn groups_value(items: &[Item], lang: Lang, inv: Option<&Inventory>) -> Value {
    type Key = (bool, Option<String>, Option<String>);
    let mut groups: Vec<(Key, Vec<Value>)> = Vec::new();
    for it in items {
        let sheet = it.place.as_ref().map(|p| p.sheet.clone());
        let key: Key = (it.conflict, it.file.clone(), sheet);
        let severity = if it.error { "error" } else { "warning" };
        let v = json!({
            "severity": severity,
            "severity_label": label(&format!("severity.{severity}"), lang),
            "code": it.code,
            "row": it.place.as_ref().and_then(|p| p.row),
            "column": it.place.as_ref().and_then(|p| p.column.clone()),
            "letter": it.place.as_ref().and_then(Place::letter),
            "place": match (&it.place, it.field) {
                (Some(p), _) => Some(p.text(lang)),
                (None, Some(f)) => Some(fill(
                    words::word("app.field", lang),
                    &[("field", words::word(f, lang))],
                )),
                (None, None) => None,
            },
            "path": (!it.path.is_empty()).then(|| it.path.to_string()),
            "network": network_of(inv, &it.path).map(|n| n.name.clone()),
            "message": it.message_in(lang),
            "file": it.file,
        });
        match groups.last_mut() {
            Some((k, list)) if *k == key => list.push(v),
            _ => groups.push((key, vec![v])),
        }
    }
    let errors = items.iter().filter(|i| i.error).count();
    let warnings = items.len() - errors;
    let summary = fill(
        words::text(&words::FINDINGS_SUMMARY, lang),
        &[
            ("errors", &errors.to_string()),
            ("warnings", &warnings.to_string()),
        ],
    );
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|((conflict, file, sheet), items)| {
            let title = match (conflict, &file, &sheet) {
                (true, _, _) => words::word("app.conflicts", lang).to_string(),
                (false, Some(f), Some(s)) => fill(
                    words::word("app.file_sheet", lang),
                    &[("file", f.as_str()), ("sheet", s.as_str())],
                ),
                (false, Some(f), None) => {
                    fill(words::word("app.file", lang), &[("file", f.as_str())])
                }
                (false, None, Some(s)) => {
                    fill(words::text(&words::SHEET, lang), &[("sheet", s.as_str())])
                }
                (false, None, None) => words::text(&words::WHOLE_FILE, lang).to_string(),
            };
            json!({"sheet": sheet, "file": file, "title": title, "items": items})
        })
        .collect();
    json!({
        "count": items.len(),
        "errors": errors,
        "warnings": warnings,
        "summary": summary,
        "groups": groups,
    })
}

/// A core table with its cells as text for people in `lang`.
fn table(t: &Table, lang: Lang) -> Value {
    let rows = |rows: &[Vec<natverk::present::DisplayCell>]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| cell_text(c, lang)).collect())
            .collect()
    };
    json!({
        "key": t.key,
        "title": t.title,
        "columns": t.columns.iter().map(|c| json!({
            "key": c.key,
            "label": c.label,
            "numeric": matches!(c.align, Align::Right),
        })).collect::<Vec<_>>(),
        "rows": rows(&t.rows),
        "footer": rows(&t.footer),
    })
}

/// A report: `{"caption", "options": [[label, value]], "table"}`.
pub fn report(r: &Report, ctx: &Context<'_>, lang: Lang) -> String {
    json!({
        "caption": r.caption(lang),
        "options": ctx.options,
        "table": table(&r.table(lang), lang),
    })
    .to_string()
}

/// The equality statistics: `{"tables": [...]}`.
pub fn equality(e: &Equality, lang: Lang) -> String {
    json!({"tables": e.tables(lang).iter().map(|t| table(t, lang)).collect::<Vec<_>>()}).to_string()
}

/// A report or statistics that could not be made: `{"error": groups}`.
pub fn error(e: &Error, lang: Lang, inv: Option<&Inventory>) -> String {
    let items = items(e.findings().as_slice(), None, inv);
    json!({"error": groups_value(&items, lang, inv)}).to_string()
}

/// What the options can be (see `App::choices`).
pub fn choices(inv: Option<&Inventory>, lang: Lang, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let words_of = |list: Vec<(&'static str, &'static str)>| -> Vec<Value> {
        list.into_iter()
            .map(|(w, l)| json!({"word": w, "label": l}))
            .collect()
    };
    let networks: Vec<Value> = inv
        .map(|i| {
            i.networks()
                .iter()
                .map(|n| json!({"id": n.id, "name": n.name}))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "year": today.year(),
        "scopes": words_of(Scope::ALL.iter().map(|s| (s.as_str(), s.label(lang))).collect()),
        "keys": words_of(GroupKey::ALL.iter().map(|s| (s.as_str(), s.label(lang))).collect()),
        "statuses": words_of(natverk::Status::ALL.iter().map(|s| (s.as_str(), s.label(lang))).collect()),
        "networks": networks,
    })
    .to_string()
}

/// The completeness table of a merge (SPEC §15), laid out as the command
/// line's `merge` prints it: per unit, its networks in the merged
/// inventory and the files that reported them; then the units no file
/// reported a network for. Shaped as [`table`]'s tables.
pub fn completeness(units: &[natverk::UnitCompleteness], lang: Lang) -> Value {
    let l = |k: &str| label(k, lang).to_string();
    let rows: Vec<Vec<String>> = units
        .iter()
        .map(|u| {
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
            vec![
                unit,
                natverk::money::fmt_count(u.networks as u64, lang),
                files,
            ]
        })
        .collect();
    // As `Merged::missing`: the units no file reported a network for.
    let missing: Vec<String> = units
        .iter()
        .filter(|u| u.files.is_empty())
        .filter_map(|u| u.unit.clone())
        .collect();
    let missing = (!missing.is_empty()).then(|| {
        let key = if missing.len() == 1 {
            "merge.missing.one"
        } else {
            "merge.missing.many"
        };
        format!(
            "{}: {}",
            fill(label(key, lang), &[("n", &missing.len().to_string())]),
            missing.join(", ")
        )
    });
    json!({
        "table": {
            "key": "completeness",
            "title": l("merge.completeness"),
            "columns": [
                {"key": "unit", "label": l("merge.unit"), "numeric": false},
                {"key": "networks", "label": l("merge.networks"), "numeric": true},
                {"key": "files", "label": l("merge.files"), "numeric": false},
            ],
            "rows": rows,
            "footer": [],
        },
        "missing": missing,
    })
}

/// The calendar (SPEC §14): `{"table", "count"}`, the core's table.
pub fn calendar(c: &natverk::Calendar, lang: Lang) -> String {
    json!({"table": table(&c.table(lang), lang), "count": c.events.len()}).to_string()
}

/// A comparison (SPEC §14): `{"title", "tables"}`, the core's tables.
pub fn diff(title: &str, ts: &[Table], lang: Lang) -> String {
    json!({
        "title": title,
        "tables": ts.iter().map(|t| table(t, lang)).collect::<Vec<_>>(),
    })
    .to_string()
}
