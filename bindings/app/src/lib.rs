//! The official's app (SPEC §12): natverk, its workbook reader and writer
//! and its report documents as one WebAssembly module, for
//! `dist/natverk.html` (built by `bindings/app/build.sh`).
//!
//! Separate from the widget's module (`bindings/wasm`), which stays small:
//! the workbook code is only here.
//!
//! Thin: every figure, check, message and label comes from the core
//! (`natverk`, `natverk::present`), the workbook crate and the command
//! line's renderers (`natverk-render`); this module only converts. Results
//! cross to JavaScript as JSON text (parsed with `JSON.parse`) or as bytes
//! (`Uint8Array`, for downloads). Nothing here panics on any input: every
//! problem is a finding the page shows.
#![deny(missing_docs)]

mod view;
mod words;

use chrono::NaiveDate;
use natverk::present::{label, Message};
use natverk::tables::Locator;
use natverk::{
    BoardOptions, Code, EqualityOptions, Error, Finding, Findings, Inventory, Lang, MergeInput,
    Path, ReportOptions,
};
use natverk_render::render::{self, Context};
use wasm_bindgen::prelude::*;

pub use view::Item;

/// `sv` or `en` (anything else is Swedish, the app's language).
fn lang_of(s: &str) -> Lang {
    if s.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Sv
    }
}

/// `YYYY-MM-DD` (the page's local date), else today's date by the clock.
fn today_of(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap_or_else(|_| clock_today())
}

#[cfg(target_arch = "wasm32")]
fn clock_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Now (UTC, whole seconds), for the calendar's DTSTAMP.
#[cfg(target_arch = "wasm32")]
fn clock_now() -> chrono::NaiveDateTime {
    let ms = js_sys::Date::now();
    chrono::DateTime::from_timestamp((ms / 1000.0) as i64, 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::default() + chrono::Days::new(days)
}

/// What a dropped file is, by its content (its name only tells a CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip: an `.xlsx` or `.ods` workbook (or something else zipped,
    /// which the workbook reader refuses with a finding).
    Workbook,
    /// `natverk/1` JSON.
    Json,
    /// A one-sheet CSV of networks.
    Csv,
}

impl Kind {
    /// By content, then by name: a zip is a workbook; a file named
    /// `.xlsx`, `.xlsm` or `.ods` that is no zip is a workbook too (which
    /// the reader refuses, saying why); text starting with `{` (or a file
    /// named `.json`) is JSON; other text is a CSV.
    pub fn of(bytes: &[u8], name: &str) -> Kind {
        if natverk_workbook::is_workbook(bytes) {
            return Kind::Workbook;
        }
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(ext.as_str(), "xlsx" | "xlsm" | "ods") {
            return Kind::Workbook;
        }
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => Kind::Json,
            _ if ext == "json" => Kind::Json,
            _ => Kind::Csv,
        }
    }
    fn word(self) -> &'static str {
        match self {
            Kind::Workbook => "workbook",
            Kind::Json => "json",
            Kind::Csv => "csv",
        }
    }
}

/// The app's state: the inventory of the last file read (if it was
/// valid), where its items are in the workbook, and the findings of the
/// reading.
#[wasm_bindgen]
#[derive(Default)]
pub struct App {
    inv: Option<Inventory>,
    locator: Option<Locator>,
    kind: Option<Kind>,
    name: String,
    problems: Vec<Item>,
    /// Several files dropped at once (SPEC §15): those read so far, to
    /// merge; `files` counts every file, read or not.
    pending: Vec<MergeInput>,
    files: usize,
    failed: bool,
    merged: Option<Vec<natverk::UnitCompleteness>>,
}

/// One file read: its inventory (with where its items are, for a
/// workbook) or the problems that kept it from being one.
struct Read {
    kind: Kind,
    inventory: Option<(Inventory, Option<Locator>)>,
    problems: Vec<Item>,
}

/// Reads a file by its content (see [`App::open`]).
fn read_one(name: &str, bytes: &[u8], csv: &str) -> Read {
    let kind = Kind::of(bytes, name);
    let mut problems = Vec::new();
    let mut inventory = None;
    match kind {
        Kind::Workbook => match natverk_workbook::import_bytes(bytes) {
            Ok(imported) => {
                // What the import did not read, or read as another sheet or
                // column (SPEC §10): shown, never stopping the report.
                let warnings = natverk::tables::SheetFindings::new(imported.warnings);
                problems = view::sheet_items(&warnings);
                inventory = Some((imported.inventory, Some(imported.locator)));
            }
            Err(natverk_workbook::Error::Invalid(f)) => problems = view::sheet_items(&f),
            Err(other) => problems = vec![Item::whole(other.to_string())],
        },
        Kind::Json => match Inventory::from_slice(bytes) {
            Ok(inv) => inventory = Some((inv, None)),
            Err(e) => problems = view::items(e.findings().as_slice(), None, None),
        },
        Kind::Csv => {
            let opts = csv_options(csv);
            let outcome = natverk_render::import::import(bytes, &opts);
            problems = outcome.notes.into_iter().map(Item::note).collect();
            match outcome.result {
                Ok(imported) => inventory = Some((imported.inventory, None)),
                Err(p) => view::csv_items(&p, name, &mut problems),
            }
        }
    }
    Read {
        kind,
        inventory,
        problems,
    }
}

#[wasm_bindgen]
impl App {
    /// An app with no file.
    #[wasm_bindgen(constructor)]
    pub fn new() -> App {
        App::default()
    }

    /// The largest file the app reads (the core's limit, SPEC §9): a
    /// larger one is refused ([`App::refuse`]) before it is read.
    #[wasm_bindgen(js_name = maxBytes)]
    pub fn max_bytes() -> f64 {
        natverk::limits::MAX_INPUT_BYTES as f64
    }

    /// Forgets the last file and keeps the finding that `name` of `size`
    /// bytes is larger than the limit. Returns [`App::status`].
    pub fn refuse(&mut self, name: &str, size: f64) -> String {
        let _ = size;
        *self = App {
            name: name.to_string(),
            problems: view::sheet_items(&natverk::tables::SheetFindings::too_large(
                natverk::limits::MAX_INPUT_BYTES as u64,
                natverk::tables::Measure::Bytes,
            )),
            ..App::default()
        };
        self.status()
    }

    /// Reads a dropped file by its content: a workbook (`.xlsx`, `.ods`),
    /// `natverk/1` JSON, or a CSV of networks, which needs what the
    /// command line's options give (`csv`, a JSON object: `organisation`,
    /// `currency`, and optionally `code`, `population` and `rates`, a
    /// list of `CUR:YEAR:RATE`). Returns [`App::status`].
    pub fn open(&mut self, name: &str, bytes: &[u8], csv: &str) -> String {
        *self = App {
            name: name.to_string(),
            ..App::default()
        };
        if bytes.len() > natverk::limits::MAX_INPUT_BYTES {
            return self.refuse(name, bytes.len() as f64);
        }
        let read = read_one(name, bytes, csv);
        self.kind = Some(read.kind);
        self.problems = read.problems;
        if let Some((inv, locator)) = read.inventory {
            self.inv = Some(inv);
            self.locator = locator;
        }
        self.status()
    }

    /// `{"ok", "kind", "name", "networks", "organisation", "errors",
    /// "warnings"}` of the last file read.
    pub fn status(&self) -> String {
        let errors = self.problems.iter().filter(|i| i.error).count();
        serde_json::json!({
            "ok": self.inv.is_some(),
            "kind": self.kind.map(Kind::word),
            "name": self.name,
            "networks": self.inv.as_ref().map(|i| i.networks().len()),
            "organisation": self.inv.as_ref().map(|i| i.organisation().name.clone()),
            "errors": errors,
            "warnings": self.problems.len() - errors,
            "files": self.files.max(usize::from(!self.name.is_empty())),
            "merged": self.merged.is_some() || self.files > 1,
        })
        .to_string()
    }

    /// The findings of reading the last file, grouped by sheet (see
    /// [`view::groups`]), in `lang`.
    pub fn findings(&self, lang: &str) -> String {
        view::groups(&self.problems, lang_of(lang), self.inv.as_ref())
    }

    /// The checks (SPEC §6) of the inventory, judged on `today`, located
    /// in the workbook where it came from one; grouped as
    /// [`App::findings`].
    pub fn checks(&self, lang: &str, today: &str) -> String {
        let lang = lang_of(lang);
        let Some(inv) = &self.inv else {
            return view::groups(&[], lang, None);
        };
        let warnings = inv.warnings(today_of(today));
        let items = view::items(&warnings, self.locator.as_ref(), Some(inv));
        view::groups(&items, lang, Some(inv))
    }

    /// The report (SPEC §5) with `options` as JSON (`from`, `to`, `scope`,
    /// `by`, `statuses`, `leave`, `leave_from`): its table as the core
    /// lays it out, cells as text in `lang`, and the options it shows; or
    /// `{"error": …}` with the findings.
    pub fn report(&self, options: &str, lang: &str, today: &str) -> String {
        let lang = lang_of(lang);
        match self.report_parts(options, lang, today_of(today)) {
            Ok((report, ctx)) => view::report(&report, &ctx, lang),
            Err(e) => view::error(&e, lang, self.inv.as_ref()),
        }
    }

    /// The equality statistics (SPEC §7) with `options` as JSON (`from`,
    /// `to`, `scope`, `statuses`): the core's tables, or `{"error": …}`.
    pub fn equality(&self, options: &str, lang: &str) -> String {
        let lang = lang_of(lang);
        let result = self.inventory().and_then(|inv| {
            let opts = EqualityOptions::from_json(options)?;
            inv.equality(&opts)
        });
        match result {
            Ok(e) => view::equality(&e, lang),
            Err(e) => view::error(&e, lang, self.inv.as_ref()),
        }
    }

    /// The report as the command line's xlsx (`natverk report --format
    /// xlsx`): lines, totals, the equality statistics and the warnings.
    /// Empty when the report cannot be made (see [`App::report`]).
    #[wasm_bindgen(js_name = reportXlsx)]
    pub fn report_xlsx(&self, options: &str, lang: &str, today: &str) -> Vec<u8> {
        let lang = lang_of(lang);
        let Ok((report, ctx)) = self.report_parts(options, lang, today_of(today)) else {
            return Vec::new();
        };
        let mut out = std::io::Cursor::new(Vec::new());
        match render::xlsx::report(&report, &ctx, &mut out, None) {
            Ok(_) => out.into_inner(),
            Err(_) => Vec::new(),
        }
    }

    /// The report as the command line's html (`natverk report --format
    /// html`), a whole document. Empty when the report cannot be made.
    #[wasm_bindgen(js_name = reportHtml)]
    pub fn report_html(&self, options: &str, lang: &str, today: &str) -> String {
        let lang = lang_of(lang);
        let Ok((report, ctx)) = self.report_parts(options, lang, today_of(today)) else {
            return String::new();
        };
        let mut out = Vec::new();
        match render::html::report(&report, &ctx, &mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// The inventory as a workbook (`natverk export`), sheets in `lang`;
    /// empty without a valid inventory.
    #[wasm_bindgen(js_name = inventoryXlsx)]
    pub fn inventory_xlsx(&self, lang: &str) -> Vec<u8> {
        self.inv
            .as_ref()
            .and_then(|inv| natverk_workbook::export(inv.data(), lang_of(lang)).ok())
            .unwrap_or_default()
    }

    /// The inventory as `natverk/1` JSON; empty without a valid inventory.
    #[wasm_bindgen(js_name = inventoryJson)]
    pub fn inventory_json(&self) -> String {
        self.inv
            .as_ref()
            .map(|inv| {
                let mut s = inv.to_json();
                s.push('\n');
                s
            })
            .unwrap_or_default()
    }

    /// The public file (SPEC §13) as `natverk/1` JSON, made by the core
    /// (`natverk publish`'s file): no person names, hourly costs or hours.
    /// Empty without a valid inventory or when the core cannot make it.
    #[wasm_bindgen(js_name = publicJson)]
    pub fn public_json(&self) -> String {
        self.inv
            .as_ref()
            .and_then(|inv| inv.public_json().ok())
            .map(|mut s| {
                s.push('\n');
                s
            })
            .unwrap_or_default()
    }

    /// Starts reading several files to merge (SPEC §15): forgets the last
    /// file; then [`App::add`] each file and [`App::merge`].
    pub fn begin(&mut self) {
        *self = App::default();
    }

    /// Reads one of several files (as [`App::open`]); its problems are
    /// kept, named by the file.
    pub fn add(&mut self, name: &str, bytes: &[u8], csv: &str) {
        self.files += 1;
        self.push_name(name);
        if bytes.len() > natverk::limits::MAX_INPUT_BYTES {
            self.add_refused(name, bytes.len() as f64);
            return;
        }
        let read = read_one(name, bytes, csv);
        if read.inventory.is_none() {
            self.failed = true;
        }
        self.problems.extend(read.problems.into_iter().map(|mut i| {
            i.file = Some(name.to_string());
            i
        }));
        match read.inventory {
            Some((inv, Some(loc))) => self.pending.push(MergeInput::workbook(name, inv, loc)),
            Some((inv, None)) => self.pending.push(MergeInput::new(name, inv)),
            None => {}
        }
    }

    /// One of several files is larger than the limit: it is not read.
    #[wasm_bindgen(js_name = addRefused)]
    pub fn add_refused(&mut self, name: &str, size: f64) {
        let _ = size;
        if !self.name.split(", ").any(|n| n == name) {
            self.files += 1;
            self.push_name(name);
        }
        self.failed = true;
        let too_large = view::sheet_items(&natverk::tables::SheetFindings::too_large(
            natverk::limits::MAX_INPUT_BYTES as u64,
            natverk::tables::Measure::Bytes,
        ));
        self.problems.extend(too_large.into_iter().map(|mut i| {
            i.file = Some(name.to_string());
            i
        }));
    }

    /// Merges the files added (SPEC §15) with `natverk::merge`: the merged
    /// inventory is then what every view shows. Nothing is merged when a
    /// file could not be read; every `merge_conflict` is kept (its message
    /// names both files). Returns [`App::status`].
    pub fn merge(&mut self) -> String {
        let inputs = std::mem::take(&mut self.pending);
        self.kind = None;
        if self.failed || inputs.is_empty() {
            return self.status();
        }
        match natverk::merge(&inputs) {
            Ok(m) => {
                self.inv = Some(m.inventory);
                self.merged = Some(m.completeness);
            }
            Err(e) => self.problems.extend(e.findings().iter().map(|f| {
                let mut i = Item::of(f, None);
                i.conflict = true;
                i
            })),
        }
        self.status()
    }

    /// The completeness table of the last merge (SPEC §15) in `lang`:
    /// `{"table", "missing"}`, or `null` when no files were merged.
    pub fn completeness(&self, lang: &str) -> String {
        match (&self.merged, &self.inv) {
            (Some(c), Some(_)) => view::completeness(c, lang_of(lang)).to_string(),
            _ => "null".into(),
        }
    }

    /// The calendar (SPEC §14) over the years of `options` (`from`,
    /// `to`, as the report's): the core's table, or `{"error": …}`.
    pub fn calendar(&self, options: &str, lang: &str) -> String {
        let lang = lang_of(lang);
        match self.calendar_of(options) {
            Ok(c) => view::calendar(&c, lang),
            Err(e) => view::error(&e, lang, self.inv.as_ref()),
        }
    }

    /// The calendar as iCalendar (`natverk calendar --format ics`);
    /// empty when it cannot be made.
    #[wasm_bindgen(js_name = calendarIcs)]
    pub fn calendar_ics(&self, options: &str, lang: &str) -> String {
        self.calendar_of(options)
            .map(|c| c.to_ics(lang_of(lang), clock_now()))
            .unwrap_or_default()
    }

    /// The comparison with last year's file `old` (SPEC §14,
    /// `Inventory::diff(old, new, from, to)` over the years of
    /// `options`): the core's tables (added, removed, changed, the money
    /// side by side), or `{"error": …}`.
    pub fn diff(&self, old: &App, options: &str, lang: &str) -> String {
        let lang = lang_of(lang);
        match self.diff_parts(old, options, lang) {
            Ok((title, _, ts)) => view::diff(&title, &ts, lang),
            Err(e) => view::error(&e, lang, self.inv.as_ref()),
        }
    }

    /// The comparison as the command line's html (`natverk diff --format
    /// html`); empty when it cannot be made.
    #[wasm_bindgen(js_name = diffHtml)]
    pub fn diff_html(&self, old: &App, options: &str, lang: &str, today: &str) -> String {
        let lang = lang_of(lang);
        let Ok((title, sub, ts)) = self.diff_parts(old, options, lang) else {
            return String::new();
        };
        let ctx = Context {
            inv: self.inv.as_ref(),
            lang,
            options: Vec::new(),
            findings: Findings::new(Vec::new()),
            equality: None,
            today: today_of(today),
        };
        let mut out = Vec::new();
        match render::html::tables(&title, &sub, &ts, &ctx, &mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// The board appendix (SPEC §14) as the command line's html (`natverk
    /// board … -o bilaga.html`), over the years and with the leave
    /// scenario of `options` (the report's), compared with `old` when it
    /// holds an inventory (`--compare`); empty when it cannot be made.
    #[wasm_bindgen(js_name = boardHtml)]
    pub fn board_html(&self, old: &App, options: &str, lang: &str, today: &str) -> String {
        let Ok(inv) = self.inventory() else {
            return String::new();
        };
        let Ok(opts) = ReportOptions::from_json(options) else {
            return String::new();
        };
        let mut b = BoardOptions::new(opts.from, opts.to, today_of(today), lang_of(lang));
        b.leave = opts.leave;
        b.compare = old.inv.as_ref();
        let Ok(doc) = inv.board(&b) else {
            return String::new();
        };
        let mut out = Vec::new();
        match render::board::html(&doc, &mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// What the report's options can be: the years the inventory's
    /// networks span, and the words (with their labels in `lang`) of
    /// scope, group keys and statuses, and the networks (id and name).
    pub fn choices(&self, lang: &str, today: &str) -> String {
        view::choices(self.inv.as_ref(), lang_of(lang), today_of(today))
    }
}

impl App {
    fn push_name(&mut self, name: &str) {
        if !self.name.is_empty() {
            self.name.push_str(", ");
        }
        self.name.push_str(name);
    }

    fn calendar_of(&self, options: &str) -> Result<natverk::Calendar, Error> {
        let inv = self.inventory()?;
        let opts = ReportOptions::from_json(options)?;
        inv.calendar(opts.from, opts.to)
    }

    /// The comparison's title, subtitle and tables, as `natverk diff`.
    fn diff_parts(
        &self,
        old: &App,
        options: &str,
        lang: Lang,
    ) -> Result<(String, String, Vec<natverk::present::Table>), Error> {
        let new = self.inventory()?;
        let before = old.inventory()?;
        let opts = ReportOptions::from_json(options)?;
        let d = before.diff(new, opts.from, opts.to)?;
        let title = natverk::present::fill(
            label("diff.title", lang),
            &[
                ("organisation", &d.organisation),
                ("years", &natverk::present::years(opts.from, opts.to)),
            ],
        );
        let sub = format!(
            "{} → {} · {}",
            old.name,
            self.name,
            render::currency_word(&d.currency, lang)
        );
        let ts = d.tables(lang);
        Ok((title, sub, ts))
    }

    fn inventory(&self) -> Result<&Inventory, Error> {
        self.inv.as_ref().ok_or_else(|| {
            Error::Options(Findings::new(vec![Finding::new(
                Code::InvalidValue,
                Path::root(),
                Message::new(&words::NO_INVENTORY),
            )]))
        })
    }

    /// The report and what its documents show besides (as the command
    /// line's `report --format html|xlsx`).
    fn report_parts(
        &self,
        options: &str,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<(natverk::Report, Context<'_>), Error> {
        let inv = self.inventory()?;
        let opts = ReportOptions::from_json(options)?;
        let report = inv.report(&opts)?;
        let mut eq = EqualityOptions::new(opts.from, opts.to);
        eq.scope = opts.scope;
        eq.statuses = opts.statuses.clone();
        let equality = inv.equality(&eq)?;
        let ctx = Context {
            inv: Some(inv),
            lang,
            options: render::report_shown(&opts, lang, today),
            findings: Findings::new(inv.warnings(today)),
            equality: Some(equality),
            today,
        };
        Ok((report, ctx))
    }
}

/// The CSV import's options from the page's fields (JSON; anything
/// missing or not text is empty, and the import says what it needs).
fn csv_options(csv: &str) -> natverk_render::import::Options {
    let v: serde_json::Value = serde_json::from_str(csv).unwrap_or_default();
    let text = |k: &str| v[k].as_str().map(str::trim).unwrap_or_default().to_string();
    let some = |k: &str| Some(text(k)).filter(|s| !s.is_empty());
    natverk_render::import::Options {
        organisation: text("organisation"),
        currency: text("currency"),
        code: some("code"),
        population: some("population"),
        rates: v["rates"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|r| r.as_str())
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// An empty workbook to fill in (`natverk template`), sheets in `lang`.
#[wasm_bindgen]
pub fn template(lang: &str) -> Vec<u8> {
    natverk_workbook::template(lang_of(lang)).unwrap_or_default()
}

/// The example inventory (Göteborg's, `examples/goteborg.json`) as a
/// workbook in `lang`.
#[wasm_bindgen]
pub fn example(lang: &str) -> Vec<u8> {
    Inventory::from_json(EXAMPLE)
        .ok()
        .and_then(|inv| natverk_workbook::export(inv.data(), lang_of(lang)).ok())
        .unwrap_or_default()
}

/// The example inventory as `natverk/1` JSON.
pub const EXAMPLE: &str = include_str!("../../../examples/goteborg.json");

/// Every label the page shows, in `lang`: the core's vocabulary and the
/// app's own words, as a JSON object of key → text.
#[wasm_bindgen]
pub fn labels(lang: &str) -> String {
    let lang = lang_of(lang);
    let mut map = serde_json::Map::new();
    for (k, _) in natverk::present::vocabulary(lang) {
        map.insert(k.to_string(), label(k, lang).into());
    }
    for (k, en, sv) in words::WORDS {
        map.insert(
            (*k).to_string(),
            match lang {
                Lang::En => *en,
                _ => *sv,
            }
            .into(),
        );
    }
    serde_json::Value::Object(map).to_string()
}

/// Installs a panic hook that logs to the console (no panic is expected).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!(
            "natverk: internal error, please report it as a bug: {info}"
        ));
    }));
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

#[cfg(test)]
mod tests;
