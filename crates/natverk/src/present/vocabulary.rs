//! The vocabulary: every label, heading, enum word and unit, once, in
//! English and Swedish. Keys are dotted: `money.gross`, `key.unit`,
//! `status.active`, `ui.total`. Texts with a value have `{name}`
//! placeholders; counted phrases come in `.one` and `.many` forms.

use super::Lang;

macro_rules! vocabulary {
    ($($key:literal => $en:literal, $sv:literal;)+) => {
        /// Every entry of the whole vocabulary: (key, English, Swedish), in
        /// declaration order.
        const ALL: &[(&str, &str, &str)] = &[$(($key, $en, $sv)),+];
    };
}

/// The entries this build carries: all of them with the crate's feature
/// `vocabulary`; without it only those [`in_lean`] keeps, in English only
/// (the Swedish empty), in the same order
/// (the widget's lean WebAssembly module, DESIGN.md "The widget's module
/// size"). The entries left out are chosen while compiling, so their texts
/// are not in the binary at all.
#[cfg(feature = "vocabulary")]
pub(crate) static ENTRIES: &[(&str, &str, &str)] = ALL;
#[cfg(not(feature = "vocabulary"))]
pub(crate) static ENTRIES: &[(&str, &str, &str)] = &LEAN;
#[cfg(not(feature = "vocabulary"))]
static LEAN: [(&str, &str, &str); lean_count()] = lean_entries();

/// The sections that only the views and the frontends show (the app's and
/// the pages' `ui` words, the workbook's sheets, columns and instructions,
/// the board appendix, the calendar, the comparison of two files, merging,
/// the documentation), left out without the feature `vocabulary`. A finding's
/// message never uses them, except the words kept below (a test reads the
/// crate's code outside the views for the keys it writes).
const VIEWS_ONLY: &[&str] = &[
    "ui.",
    "workbook.",
    "board.",
    "event.",
    "diff.",
    "merge.",
    "doc.",
];
/// Keys of those sections that findings use: where a finding is
/// (`ui.at`, `ui.line_column`, a workbook's places and measures), and the
/// option `leave` said in words.
const KEPT: &[&str] = &[
    "ui.at",
    "ui.line_column",
    "ui.leave_recommended",
    "workbook.place.",
    "workbook.count.",
];

const fn starts_with(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    if s.len() < p.len() {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if s[i] != p[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `key` matches `pattern`: the same key, or a key in the section the
/// pattern (ending in `.`) names.
const fn matches(key: &str, pattern: &str) -> bool {
    let p = pattern.as_bytes();
    if p[p.len() - 1] == b'.' {
        starts_with(key, pattern)
    } else {
        key.len() == pattern.len() && starts_with(key, pattern)
    }
}

const fn any(key: &str, patterns: &[&str]) -> bool {
    let mut i = 0;
    while i < patterns.len() {
        if matches(key, patterns[i]) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the lean build (without the feature `vocabulary`) carries `key`.
#[cfg_attr(all(feature = "vocabulary", not(test)), allow(dead_code))]
pub(crate) const fn in_lean(key: &str) -> bool {
    !any(key, VIEWS_ONLY) || any(key, KEPT)
}

#[cfg(not(feature = "vocabulary"))]
const fn lean_count() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if in_lean(ALL[i].0) {
            n += 1;
        }
        i += 1;
    }
    n
}

#[cfg(not(feature = "vocabulary"))]
const fn lean_entries() -> [(&'static str, &'static str, &'static str); lean_count()] {
    let mut out = [("", "", ""); lean_count()];
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if in_lean(ALL[i].0) {
            // No Swedish: the lean build says no word in Swedish (its
            // Swedish messages, the warnings, take no words: a test in
            // messages.rs), and `label` then gives the English one.
            out[n] = (ALL[i].0, ALL[i].1, "");
            n += 1;
        }
        i += 1;
    }
    out
}

/// The entries by key, built on first use: a lookup is one hash, and the
/// vocabulary is data, not a match of hundreds of arms (which cost 17 KB
/// of code in the WebAssembly build).
fn index() -> &'static crate::FastMap<&'static str, (&'static str, &'static str)> {
    static INDEX: std::sync::OnceLock<crate::FastMap<&'static str, (&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| ENTRIES.iter().map(|(k, en, sv)| (*k, (*en, *sv))).collect())
}

/// The label of `key` in `lang`; the key itself if it is unknown (a test
/// keeps every key used by the crate in the vocabulary).
pub fn label(key: &str, lang: Lang) -> &str {
    match static_label(key, lang) {
        Some(l) => l,
        None => key,
    }
}

/// The label of `key` in `lang` with the vocabulary's lifetime; `None` if
/// the key is unknown.
pub(crate) fn static_label(key: &str, lang: Lang) -> Option<&'static str> {
    index().get(key).map(|(en, sv)| match lang {
        // Empty only in the lean build (without the feature `vocabulary`).
        Lang::Sv if !sv.is_empty() => *sv,
        Lang::Sv | Lang::En => *en,
    })
}

/// Every (key, label) of the vocabulary in `lang`, in a stable order.
pub fn vocabulary(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    ENTRIES.iter().map(move |(k, en, sv)| {
        (
            *k,
            match lang {
                // Empty only in the lean build, as in `static_label`.
                Lang::Sv if !sv.is_empty() => *sv,
                Lang::Sv | Lang::En => *en,
            },
        )
    })
}

vocabulary! {
    // the nine money fields of a report line (SPEC §5.1)
    "money.fees" => "Fees", "Avgifter";
    "money.time" => "Staff time", "Arbetstid";
    "money.travel" => "Travel", "Resor";
    "money.other" => "Other", "Övrigt";
    "money.gross" => "Gross", "Brutto";
    "money.granted" => "Granted", "Beviljat";
    "money.expected" => "Expected", "Förväntat";
    "money.net" => "Net", "Netto";
    "money.expected_net" => "Expected net", "Förväntat netto";
    // what each money field means (help texts)
    "money_help.fees" => "fees and memberships", "deltagar- och medlemsavgifter";
    "money_help.time" => "staff time: hours × hourly cost", "arbetstid: timmar × timkostnad";
    "money_help.travel" => "travel costs", "resekostnader";
    "money_help.other" => "other costs", "övriga kostnader";
    "money_help.gross" => "fees + staff time + travel + other", "avgifter + arbetstid + resor + övrigt";
    "money_help.granted" => "financing granted by a funder", "finansiering som en finansiär har beviljat";
    "money_help.expected" => "financing expected or applied for, weighted by its probability", "förväntad eller sökt finansiering, viktad med sannolikheten";
    "money_help.net" => "gross − granted", "brutto − beviljat";
    "money_help.expected_net" => "net − expected", "netto − förväntat";
    // group keys and line columns (SPEC §5)
    "key.network" => "Network", "Nätverk";
    "key.name" => "Name", "Namn";
    "key.unit_name" => "Unit name", "Enhetens namn";
    "key.subject" => "Subject", "Sakområde";
    "key.organiser" => "Organiser", "Huvudman";
    "key.unit" => "Unit", "Enhet";
    "key.kind" => "Kind", "Typ";
    "key.status" => "Status", "Status";
    "key.year" => "Year", "År";
    // enum words of the file format, for people
    "kind.network" => "Network", "Nätverk";
    "kind.membership" => "Membership", "Medlemskap";
    "kind.programme" => "Programme", "Program";
    "kind.partnership" => "Partnership", "Partnerskap";
    "kind.declaration" => "Declaration", "Deklaration";
    "status.proposed" => "Proposed", "Föreslagen";
    "status.applied" => "Applied", "Ansökt";
    "status.active" => "Active", "Aktiv";
    "status.dormant" => "Dormant", "Vilande";
    "status.ended" => "Ended", "Avslutad";
    "status.declined" => "Declined", "Avböjd";
    "scope.all" => "All networks", "Alla nätverk";
    "scope.central" => "Central networks", "Kommuncentrala nätverk";
    "gender.woman" => "Women", "Kvinnor";
    "gender.man" => "Men", "Män";
    "gender.other" => "Other", "Annat";
    "gender.unknown" => "Unknown", "Okänt";
    "role.politician" => "Politicians", "Politiker";
    "role.official" => "Officials", "Tjänstepersoner";
    "side.majority" => "Majority", "Majoritet";
    "side.opposition" => "Opposition", "Opposition";
    "severity.error" => "Error", "Fel";
    "severity.warning" => "Warning", "Varning";
    "recommendation.keep" => "Keep", "Behåll";
    "recommendation.review" => "Review", "Se över";
    "recommendation.leave" => "Leave", "Lämna";
    "cost_kind.fee" => "Fee", "Deltagaravgift";
    "cost_kind.membership" => "Membership fee", "Medlemsavgift";
    "cost_kind.time" => "Staff time", "Arbetstid";
    "cost_kind.travel" => "Travel", "Resor";
    "cost_kind.other" => "Other", "Övrigt";
    "per.year" => "Every year", "Varje år";
    "per.once" => "Once", "En gång";
    "covers.fees" => "Fees", "Avgifter";
    "covers.all" => "All costs", "Alla kostnader";
    "financing_status.expected" => "Expected", "Förväntad";
    "financing_status.applied" => "Applied for", "Sökt";
    "financing_status.granted" => "Granted", "Beviljad";
    "financing_status.denied" => "Denied", "Avslagen";
    "central.true" => "Central", "Kommuncentral";
    "central.false" => "Not central", "Inte kommuncentral";
    // names of the enum types, for messages (`unknown network kind`)
    "word.network_kind" => "network kind", "nätverkstyp";
    "word.status" => "status", "status";
    "word.recommendation" => "recommendation", "rekommendation";
    "word.cost_kind" => "cost kind", "kostnadsslag";
    "word.per" => "per", "per";
    "word.scope" => "scope", "urval";
    "word.group_key" => "group key", "gruppering";
    "word.covers" => "covers", "täcker";
    "word.financing_status" => "financing status", "finansieringsstatus";
    "word.gender" => "gender", "kön";
    "word.role" => "role", "roll";
    "word.side" => "side", "sida";
    // the objects of the file, for messages (`a unit needs `name``)
    "what.inventory" => "an inventory", "en inventering";
    "what.organisation" => "the organisation", "organisationen";
    "what.unit" => "a unit", "en enhet";
    "what.person" => "a person", "en person";
    "what.fee_schedule" => "a fee schedule", "en avgiftsskala";
    "what.tier" => "a tier", "ett steg";
    "what.per_capita" => "a per-capita fee", "en avgift per invånare";
    "what.rate" => "an exchange rate", "en växelkurs";
    "what.network" => "a network", "ett nätverk";
    "what.decision" => "a decision", "ett beslut";
    "what.assessment" => "an assessment", "en bedömning";
    "what.participant" => "a participant", "en deltagare";
    "what.cost" => "a cost", "en kostnad";
    "what.financing" => "a financing", "en finansiering";
    // the same in a list (`a list of …`)
    "what_list.unit" => "a unit", "enheter";
    "what_list.person" => "a person", "personer";
    "what_list.fee_schedule" => "a fee schedule", "avgiftsskalor";
    "what_list.tier" => "a tier", "steg";
    "what_list.rate" => "an exchange rate", "växelkurser";
    "what_list.network" => "a network", "nätverk";
    "what_list.participant" => "a participant", "deltagare";
    "what_list.cost" => "a cost", "kostnader";
    "what_list.financing" => "a financing", "finansieringar";
    // referenced things (`unknown unit`)
    "ref.unit" => "unit", "enhet";
    "ref.person" => "person", "person";
    "ref.fee_schedule" => "fee schedule", "avgiftsskala";
    // what a report counts (`more than 5000000 network-years`)
    "count.network_years" => "network-years", "nätverksår";
    "count.subject_parts" => "subject parts", "delar per sakområde";
    // errors and findings for people
    "error.invalid.one" => "the inventory has {n} problem", "inventeringen har {n} problem";
    "error.invalid.many" => "the inventory has {n} problems", "inventeringen har {n} problem";
    "error.report.one" => "the report cannot be made: {n} problem", "rapporten kan inte tas fram: {n} problem";
    "error.report.many" => "the report cannot be made: {n} problems", "rapporten kan inte tas fram: {n} problem";
    "error.options.one" => "an option is wrong: {n} problem", "ett val är fel: {n} problem";
    "error.options.many" => "an option is wrong: {n} problems", "ett val är fel: {n} problem";
    "error.more.one" => "… and {n} more", "… och {n} till";
    "error.more.many" => "… and {n} more", "… och {n} till";
    "count.errors.one" => "{n} error", "{n} fel";
    "count.errors.many" => "{n} errors", "{n} fel";
    "count.warnings.one" => "{n} warning", "{n} varning";
    "count.warnings.many" => "{n} warnings", "{n} varningar";
    "count.networks.one" => "{n} network", "{n} nätverk";
    "count.networks.many" => "{n} networks", "{n} nätverk";
    "count.lines.one" => "{n} line", "{n} rad";
    "count.lines.many" => "{n} lines", "{n} rader";
    "merge.problems.one" => "{n} conflict between the files: nothing was written", "{n} konflikt mellan filerna: inget har skrivits";
    "merge.problems.many" => "{n} conflicts between the files: nothing was written", "{n} konflikter mellan filerna: inget har skrivits";
    "merge.empty" => "nothing", "inget värde";
    "merge.unit" => "Unit", "Enhet";
    "merge.files" => "Files that reported networks", "Filer som rapporterat nätverk";
    "merge.networks" => "Networks", "Nätverk";
    "merge.none" => "none", "inga";
    "merge.no_unit" => "(no unit)", "(ingen enhet)";
    "merge.completeness" => "Completeness by unit", "Fullständighet per enhet";
    "merge.missing.one" => "{n} unit has reported no network", "{n} enhet har inte rapporterat något nätverk";
    "merge.missing.many" => "{n} units have reported no network", "{n} enheter har inte rapporterat något nätverk";
    "ui.at" => "at", "vid";
    "ui.line_column" => "line {line}, column {column}", "rad {line}, kolumn {column}";
    "ui.and" => "and", "och";
    // headings and labels of reports
    "ui.report" => "Cost report", "Kostnadsrapport";
    "ui.report_title" => "{organisation} — costs {years}", "{organisation} – kostnader {years}";
    "ui.equality_people" => "Who represents the organisation, {years}", "Vilka som företräder organisationen, {years}";
    "ui.equality_time" => "Staff time by gender, {years}", "Arbetstid per kön, {years}";
    "ui.equality" => "Who represents the organisation", "Vilka representerar organisationen";
    "ui.equality_title" => "Gender equality", "Jämställdhet";
    "ui.findings" => "Findings", "Iakttagelser";
    "ui.warnings" => "Warnings", "Varningar";
    "ui.no_findings" => "No findings", "Inga iakttagelser";
    "ui.no_warnings" => "No warnings", "Inga varningar";
    "ui.total" => "Total", "Totalt";
    "ui.savings" => "Savings", "Besparing";
    "ui.savings_of_leaving" => "Savings of leaving", "Besparing om nätverken lämnas";
    "ui.years" => "Years", "År";
    "ui.from" => "From year", "Från år";
    "ui.to" => "To year", "Till år";
    "ui.scope" => "Scope", "Omfattning";
    "ui.by" => "By", "Per";
    "ui.leave" => "Leave", "Lämna";
    "ui.leave_from" => "Notice given", "Uppsägning från";
    "ui.leave_recommended" => "the networks recommended for leaving", "nätverken som rekommenderas att lämnas";
    "ui.organisation" => "Organisation", "Organisation";
    "ui.currency" => "Currency", "Valuta";
    "ui.today" => "Judged on", "Bedömt den";
    "ui.seats" => "Seats", "Platser";
    "ui.persons" => "Persons", "Personer";
    "ui.hours" => "Hours", "Timmar";
    "ui.time_cost" => "Cost of staff time", "Kostnad för arbetstid";
    "key.balanced" => "Balanced", "Jämn";
    "balanced.true" => "Yes", "Ja";
    "balanced.false" => "No", "Nej";
    "balanced.null" => "–", "–";
    "ui.measure" => "Measure", "Mått";
    "ui.all" => "All", "Alla";
    "ui.networks_by_gender" => "Networks by gender", "Nätverk per kön";
    "ui.by_role" => "By role", "Per roll";
    "ui.by_side" => "By side", "Per sida";
    "ui.code" => "Code", "Kod";
    "ui.severity" => "Severity", "Allvar";
    "ui.path" => "Where", "Var";
    "ui.message" => "Message", "Meddelande";
    "ui.line" => "Line", "Rad";
    "ui.column" => "Column", "Kolumn";
    "ui.none" => "(none)", "(saknas)";
    "ui.empty_cell" => "–", "–";
    "ui.chart" => "Net cost per line", "Nettokostnad per rad";
    "ui.chart_desc" => "Horizontal bars, one per line, length by net cost in {currency}; each bar is labelled with its value.", "Liggande staplar, en per rad, längd efter nettokostnad i {currency}; värdet står vid varje stapel.";
    "ui.columns" => "Columns", "Kolumner";
    "ui.more_columns" => "… {n} more columns: --columns or --wide", "… {n} kolumner till: --columns eller --wide";
    // ---- the widget (SPEC §8): one person, currencies, amounts, and its own texts
    "person.woman" => "woman", "kvinna";
    "person.man" => "man", "man";
    "person.other" => "other gender", "annat kön";
    "person.unknown" => "gender unknown", "kön okänt";
    "person.politician" => "politician", "politiker";
    "person.official" => "official", "tjänsteperson";
    "person.majority" => "majority", "majoritet";
    "person.opposition" => "opposition", "opposition";
    "currency.sek" => "SEK", "kr";
    "ui.money" => "{currency} {amount}", "{amount} {currency}";
    "ui.group_mark" => ",", " ";
    "ui.decimal_mark" => ".", ",";
    "ui.title" => "Networks and costs", "Nätverk och kostnader";
    "ui.loading" => "Loading the inventory …", "Laddar inventeringen …";
    "ui.selection" => "Selection", "Urval";
    "ui.apply" => "Show", "Visa";
    "ui.caption" => "{scope}, {years} — amounts in {currency}", "{scope}, {years} – belopp i {currency}";
    "ui.sort_by" => "Sort by {column}", "Sortera efter {column}";
    "ui.lines" => "{count} lines, {years}", "{count} rader, {years}";
    "ui.lines_one" => "1 line, {years}", "1 rad, {years}";
    "ui.empty" => "No networks in the selection.", "Inga nätverk i urvalet.";
    "ui.show_more" => "Show all {count} lines", "Visa alla {count} rader";
    "ui.columns_legend" => "Amounts to show", "Belopp som visas";
    "ui.chart_title" => "Net cost {years}", "Nettokostnad {years}";
    "ui.chart_top" => "Showing the {shown} largest of {count} lines.", "Visar de {shown} största av {count} raderna.";
    "ui.warnings_count" => "{count} warnings", "{count} varningar";
    "ui.warnings_one" => "1 warning", "1 varning";
    "ui.warnings_none" => "No warnings", "Inga varningar";
    "ui.warnings_more" => "… and {count} more", "… och {count} till";
    "ui.judged_on" => "judged on {date}", "bedömda per {date}";
    "ui.check_failed" => "The check could not be run", "Kontrollen kunde inte göras";
    "ui.equality_caption" => "People by gender, role and side, {years}", "Personer efter kön, roll och sida, {years}";
    "ui.equality_group" => "Group", "Grupp";
    "ui.role_side" => "{role} – {side}", "{role} – {side}";
    "ui.balanced" => "{balanced} of {count} networks have a balanced gender mix (40–60 %); networks with fewer than two women and men in all are not counted.", "{balanced} av {count} nätverk har jämn könsfördelning (40–60 %); nätverk med färre än två kvinnor och män sammanlagt räknas inte.";
    "ui.equality_failed" => "The equality statistics could not be produced", "Jämställdhetsstatistiken kunde inte tas fram";
    "ui.delegations" => "Delegations", "Delegationer";
    "ui.no_participants" => "No participants listed.", "Inga deltagare angivna.";
    "ui.fetch_failed" => "The inventory could not be fetched", "Inventeringen kunde inte hämtas";
    "ui.no_src" => "The src attribute is missing: give the address of a natverk/1 file.", "Attributet src saknas: ange adressen till en natverk/1-fil.";
    "ui.file_failed" => "The inventory could not be read", "Inventeringen kunde inte läsas";
    "ui.report_failed" => "The report could not be produced", "Rapporten kunde inte tas fram";
    "ui.http_error" => "The server answered {status} for {url}.", "Servern svarade {status} på {url}.";
    "ui.cors_blocked" => "The file {url} is on another site ({origin}), which does not let other sites read it (CORS). Ask the web team of {origin} to send the header Access-Control-Allow-Origin: {page} with the file, or put the file on the same site as this page.", "Filen {url} ligger på en annan webbplats ({origin}), och den webbplatsen tillåter inte att andra webbplatser läser den (CORS). Be de webbansvariga för {origin} att skicka rubriken Access-Control-Allow-Origin: {page} med filen, eller lägg filen på samma webbplats som den här sidan.";
    "ui.csp_blocked" => "This page's security policy (Content-Security-Policy) does not allow fetching {url}. Add {origin} to its connect-src, or put the file on the same site as this page.", "Sidans säkerhetspolicy (Content-Security-Policy) tillåter inte att filen {url} hämtas. Lägg till {origin} i dess connect-src, eller lägg filen på samma webbplats som sidan.";
    "ui.unreachable" => "The server of {url} does not answer. Check the address and that the server is running.", "Servern för {url} svarar inte. Kontrollera adressen och att servern är igång.";
    "ui.wasm_failed" => "natverk could not start in this browser: {message}. Check that the .wasm file is served as application/wasm and that the page's Content-Security-Policy allows 'wasm-unsafe-eval'.", "natverk kunde inte starta i webbläsaren: {message}. Kontrollera att .wasm-filen skickas som application/wasm och att sidans Content-Security-Policy tillåter 'wasm-unsafe-eval'.";
    // ---- documents of the command line (md, html, xlsx): what the
    // core's tables do not name
    "ui.calendar_title" => "{organisation} — dates to act on, {years}", "{organisation} – datum att hålla koll på, {years}";
    "ui.date" => "Date", "Datum";
    "ui.event" => "What", "Vad";
    "ui.for_year" => "For year", "Gäller år";
    "event.deadline" => "Registration deadline", "Sista anmälningsdag";
    "event.notice" => "Last day to give notice", "Sista dag att säga upp";
    "event.end" => "Ends", "Upphör";
    "event.summary.deadline" => "Last day to register: {name}", "Sista anmälningsdag: {name}";
    "event.summary.notice" => "Last day to give notice on {name} to leave at the end of {year}", "Sista dag att säga upp {name} till utgången av {year}";
    "event.summary.end" => "{name} ends", "{name} upphör";
    "diff.title" => "{organisation} — changes since the old file, {years}", "{organisation} – ändringar sedan den gamla filen, {years}";
    "diff.changes_title" => "What changed", "Vad som har ändrats";
    "diff.lines_title" => "Costs by network, old and new, {years}", "Kostnader per nätverk, före och nu, {years}";
    "diff.added" => "Added", "Tillkommit";
    "diff.removed" => "Removed", "Borttaget";
    "diff.changed" => "Changed", "Ändrat";
    "diff.old_value" => "Old value", "Före";
    "diff.new_value" => "New value", "Nu";
    "diff.old_gross" => "Gross, old", "Brutto, före";
    "diff.new_gross" => "Gross, new", "Brutto, nu";
    "diff.change_gross" => "Gross, change", "Brutto, förändring";
    "diff.old_net" => "Net, old", "Netto, före";
    "diff.new_net" => "Net, new", "Netto, nu";
    "diff.change_net" => "Net, change", "Netto, förändring";
    "board.title" => "Networks and memberships: appendix to the official report", "Nätverk och medlemskap: bilaga till tjänsteutlåtande";
    "board.subtitle" => "{organisation} · {years} · as of {today}", "{organisation} · {years} · per {today}";
    "board.summary" => "Summary", "Sammanfattning";
    "board.summary_counted" => "{organisation} takes part in {count} networks with costs or status in {years}. Together they cost {gross} gross; after granted financing of {granted}, the net cost is {net}.", "{organisation} deltar i {count} nätverk med kostnader eller status under {years}. Tillsammans kostar de {gross} brutto; efter beviljad finansiering på {granted} är nettokostnaden {net}.";
    "board.summary_what" => "Counted are fees and membership fees, staff time, travel and other costs. Financing that is granted is deducted; financing that is expected or applied for is shown weighted by its probability and is not deducted from the net cost.", "Det som räknas är avgifter och medlemsavgifter, arbetstid, resor och övriga kostnader. Beviljad finansiering dras av; förväntad eller sökt finansiering visas vägd med sin sannolikhet och dras inte av från nettokostnaden.";
    "board.summary_time" => "Staff time is valued as each representative's hours per year times the full cost of an hour of their time, counted for the months of the year the network runs.", "Arbetstiden värderas som varje företrädares timmar per år gånger den fulla kostnaden för en timme av deras tid, räknat för de månader av året som nätverket pågår.";
    "board.summary_split" => "A network that serves several subjects has its cost split evenly over them in the costs per subject.", "Ett nätverk som rör flera sakområden får sin kostnad delad lika mellan dem i kostnaderna per sakområde.";
    "board.totals_title" => "Costs per year, {years} (amounts in {currency})", "Kostnader per år, {years} (belopp i {currency})";
    "board.units" => "Costs per unit", "Kostnader per förvaltning";
    "board.units_title" => "Net cost per unit and year, {years} (amounts in {currency})", "Nettokostnad per förvaltning och år, {years} (belopp i {currency})";
    "board.no_unit" => "(no unit given)", "(ingen förvaltning angiven)";
    "board.subjects" => "Costs per subject", "Kostnader per sakområde";
    "board.subjects_split" => "A network's cost is split evenly over its subjects, so each network is counted once in the total.", "Ett nätverks kostnad delas lika mellan dess sakområden, så att varje nätverk räknas en gång i summan.";
    "board.subjects_title" => "Net cost per subject and year, {years} (amounts in {currency})", "Nettokostnad per sakområde och år, {years} (belopp i {currency})";
    "board.no_subject" => "(no subject given)", "(inget sakområde angivet)";
    "board.networks" => "Every network", "Samtliga nätverk";
    "board.networks_intro" => "Net cost per year in {currency}. The last day to give notice is the next day, from {today} on, on which notice must be given for the network to end at the end of that year.", "Nettokostnad per år i {currency}. Sista dag för uppsägning är nästa dag, från och med {today}, då uppsägningen måste lämnas för att nätverket ska upphöra vid det årets utgång.";
    "board.networks_title" => "Networks, {years}", "Nätverk, {years}";
    "board.financing" => "Financing", "Finansiering";
    "board.benefit" => "Benefit (1–5)", "Nytta (1–5)";
    "board.recommendation" => "Recommendation", "Rekommendation";
    "board.notice_day" => "Last day to give notice", "Sista dag för uppsägning";
    "board.no_notice" => "No notice period", "Ingen uppsägningstid";
    "board.leave" => "Networks recommended for leaving", "Nätverk som föreslås lämnas";
    "board.leave_none" => "No network is recommended for leaving.", "Inget nätverk föreslås lämnas.";
    "board.leave_too_late" => "Notice can be given at the earliest on 1 January {year}, after {years}: leaving saves nothing in these years.", "Uppsägning kan lämnas tidigast den 1 januari {year}, efter {years}: att lämna sparar ingenting under dessa år.";
    "board.leave_intro" => "If notice is given on 1 January {year}, the first day it can still be given, each network ends when its notice period runs out. Leaving all of them saves {net} net over {years}.", "Om uppsägning lämnas den 1 januari {year}, den första dag det fortfarande går, upphör varje nätverk när dess uppsägningstid har löpt ut. Att lämna samtliga sparar {net} netto under {years}.";
    "board.leave_title" => "Savings of leaving, {years} (amounts in {currency})", "Besparing om nätverken lämnas, {years} (belopp i {currency})";
    "board.notice_months" => "Notice (months)", "Uppsägningstid (månader)";
    "board.saved_gross" => "Saved, gross", "Besparing, brutto";
    "board.saved_net" => "Saved, net", "Besparing, netto";
    "board.together" => "All of them together", "Samtliga tillsammans";
    "board.changes" => "Changes since last year", "Förändringar sedan förra året";
    "board.changes_intro" => "Since the previous inventory, networks added: {added}, removed: {removed}, changed: {changed}. The net cost over {years} changed by {change}.", "Sedan den förra inventeringen har {added} nätverk tillkommit, {removed} tagits bort och {changed} ändrats. Nettokostnaden för {years} har förändrats med {change}.";
    "board.person" => "Person", "Person";
    "board.role" => "Role", "Roll";
    "board.seat" => "Seat", "Uppdrag";
    "board.warnings_intro" => "Points to look at in the inventory, as of {today}:", "Att se över i inventeringen, per {today}:";
    "board.page" => "Page {page} of {pages}", "Sida {page} av {pages}";
    "doc.made_with" => "Made with natverk {version}", "Framtagen med natverk {version}";
    "doc.options" => "Selection and settings", "Urval och inställningar";
    "doc.statuses" => "Statuses", "Statusar";
    "doc.statuses_default" => "All but declined", "Alla utom avböjda";
    "doc.january_first" => "1 January {year}", "1 januari {year}";
    "doc.in_short" => "In short", "Sammanfattning";
    "doc.figure.gross" => "Gross cost", "Bruttokostnad";
    "doc.figure.granted" => "Granted financing", "Beviljad finansiering";
    "doc.figure.net" => "Net cost", "Nettokostnad";
    "doc.figure.expected_net" => "Expected net cost", "Förväntad nettokostnad";
    "doc.figure.savings" => "Savings, net", "Besparing, netto";
    "doc.equality_title" => "{organisation} — gender equality {years}", "{organisation} – jämställdhet {years}";
    "doc.check_title" => "{organisation} — check of the inventory", "{organisation} – kontroll av inventeringen";
    "doc.check" => "Check of the inventory", "Kontroll av inventeringen";
    "doc.warnings_judged_on" => "Warnings judged on {date}", "Varningarna gäller per {date}";
    "doc.sheet.people" => "Seats and persons", "Platser och personer";
    // ---- workbook (SPEC §10)
    // sheet names: English exactly as SPEC §10, Swedish in plain words
    "workbook.sheet.instructions" => "instructions", "instruktioner";
    "workbook.sheet.organisation" => "organisation", "organisation";
    "workbook.sheet.population" => "population", "folkmängd";
    "workbook.sheet.units" => "units", "enheter";
    "workbook.sheet.people" => "people", "personer";
    "workbook.sheet.fee_schedules" => "fee_schedules", "avgiftsskalor";
    "workbook.sheet.tiers" => "tiers", "avgiftssteg";
    "workbook.sheet.exchange_rates" => "exchange_rates", "växelkurser";
    "workbook.sheet.networks" => "networks", "nätverk";
    "workbook.sheet.participants" => "participants", "deltagare";
    "workbook.sheet.costs" => "costs", "kostnader";
    "workbook.sheet.financing" => "financing", "finansiering";
    // column names, by sheet
    "workbook.column.organisation.name" => "name", "namn";
    "workbook.column.organisation.code" => "code", "kommunkod";
    "workbook.column.organisation.currency" => "currency", "valuta";
    "workbook.column.population.year" => "year", "år";
    "workbook.column.population.population" => "population", "folkmängd";
    "workbook.column.units.id" => "id", "id";
    "workbook.column.units.name" => "name", "namn";
    "workbook.column.units.central" => "central", "kommuncentral";
    "workbook.column.people.id" => "id", "id";
    "workbook.column.people.name" => "name", "namn";
    "workbook.column.people.gender" => "gender", "kön";
    "workbook.column.people.role" => "role", "roll";
    "workbook.column.people.side" => "side", "sida";
    "workbook.column.people.party" => "party", "parti";
    "workbook.column.people.hourly_cost" => "hourly_cost", "timkostnad";
    "workbook.column.fee_schedules.id" => "id", "id";
    "workbook.column.fee_schedules.currency" => "currency", "valuta";
    "workbook.column.fee_schedules.population_offset" => "population_offset", "folkmängd år förskjutning";
    "workbook.column.fee_schedules.base" => "base", "grundavgift";
    "workbook.column.fee_schedules.rate" => "rate", "per invånare";
    "workbook.column.fee_schedules.min" => "min", "lägst";
    "workbook.column.fee_schedules.max" => "max", "högst";
    "workbook.column.tiers.schedule" => "schedule", "avgiftsskala";
    "workbook.column.tiers.max_population" => "max_population", "högsta folkmängd";
    "workbook.column.tiers.amount" => "amount", "belopp";
    "workbook.column.exchange_rates.currency" => "currency", "valuta";
    "workbook.column.exchange_rates.year" => "year", "år";
    "workbook.column.exchange_rates.rate" => "rate", "kurs";
    "workbook.column.networks.id" => "id", "id";
    "workbook.column.networks.name" => "name", "namn";
    "workbook.column.networks.organiser" => "organiser", "huvudman";
    "workbook.column.networks.kind" => "kind", "typ";
    "workbook.column.networks.subjects" => "subjects", "sakområden";
    "workbook.column.networks.unit" => "unit", "enhet";
    "workbook.column.networks.start" => "start", "startdatum";
    "workbook.column.networks.end" => "end", "slutdatum";
    "workbook.column.networks.deadline" => "deadline", "sista anmälningsdag";
    "workbook.column.networks.status" => "status", "status";
    "workbook.column.networks.notice_months" => "notice_months", "uppsägningstid månader";
    "workbook.column.networks.via" => "via", "via";
    "workbook.column.networks.decision_body" => "decision_body", "beslutande organ";
    "workbook.column.networks.decision_date" => "decision_date", "beslutsdatum";
    "workbook.column.networks.decision_reference" => "decision_reference", "diarienummer";
    "workbook.column.networks.url" => "url", "webbadress";
    "workbook.column.networks.purpose" => "purpose", "syfte";
    "workbook.column.networks.notes" => "notes", "anteckningar";
    "workbook.column.networks.benefit" => "benefit", "nytta";
    "workbook.column.networks.recommendation" => "recommendation", "rekommendation";
    "workbook.column.networks.assessment_note" => "assessment_note", "bedömning";
    "workbook.column.participants.network" => "network", "nätverk";
    "workbook.column.participants.person" => "person", "person";
    "workbook.column.participants.role" => "role", "uppdrag";
    "workbook.column.participants.hours_per_year" => "hours_per_year", "timmar per år";
    "workbook.column.costs.network" => "network", "nätverk";
    "workbook.column.costs.kind" => "kind", "kostnadsslag";
    "workbook.column.costs.amount" => "amount", "belopp";
    "workbook.column.costs.schedule" => "schedule", "avgiftsskala";
    "workbook.column.costs.currency" => "currency", "valuta";
    "workbook.column.costs.per" => "per", "per";
    "workbook.column.costs.date" => "date", "datum";
    "workbook.column.costs.from" => "from", "från år";
    "workbook.column.costs.to" => "to", "till år";
    "workbook.column.costs.prorate" => "prorate", "del av år";
    "workbook.column.costs.note" => "note", "anteckning";
    "workbook.column.financing.network" => "network", "nätverk";
    "workbook.column.financing.funder" => "funder", "finansiär";
    "workbook.column.financing.status" => "status", "status";
    "workbook.column.financing.covers" => "covers", "täcker";
    "workbook.column.financing.share" => "share", "andel";
    "workbook.column.financing.max_per_year" => "max_per_year", "högst per år";
    "workbook.column.financing.probability" => "probability", "sannolikhet";
    "workbook.column.financing.from" => "from", "från år";
    "workbook.column.financing.to" => "to", "till år";
    // the words of the file format in cells: English (the file's word) and
    // Swedish (written in Swedish workbooks, read from workbooks and from the
    // CSV import); `workbook.word_alt.*` are further Swedish spellings read
    "workbook.word.gender.woman" => "woman", "kvinna";
    "workbook.word.gender.man" => "man", "man";
    "workbook.word.gender.other" => "other", "annat";
    "workbook.word.role.politician" => "politician", "politiker";
    "workbook.word.role.official" => "official", "tjänsteperson";
    "workbook.word.side.majority" => "majority", "majoritet";
    "workbook.word.side.opposition" => "opposition", "opposition";
    "workbook.word.kind.network" => "network", "nätverk";
    "workbook.word.kind.membership" => "membership", "medlemskap";
    "workbook.word.kind.programme" => "programme", "program";
    "workbook.word.kind.partnership" => "partnership", "partnerskap";
    "workbook.word.kind.declaration" => "declaration", "deklaration";
    "workbook.word.status.proposed" => "proposed", "föreslagen";
    "workbook.word.status.applied" => "applied", "ansökt";
    "workbook.word.status.active" => "active", "aktiv";
    "workbook.word.status.dormant" => "dormant", "vilande";
    "workbook.word.status.ended" => "ended", "avslutad";
    "workbook.word.status.declined" => "declined", "avböjd";
    "workbook.word.recommendation.keep" => "keep", "behåll";
    "workbook.word.recommendation.review" => "review", "se över";
    "workbook.word.recommendation.leave" => "leave", "lämna";
    "workbook.word.cost_kind.fee" => "fee", "deltagaravgift";
    "workbook.word.cost_kind.membership" => "membership", "medlemsavgift";
    "workbook.word.cost_kind.time" => "time", "arbetstid";
    "workbook.word.cost_kind.travel" => "travel", "resor";
    "workbook.word.cost_kind.other" => "other", "övrigt";
    "workbook.word.per.year" => "year", "varje år";
    "workbook.word.per.once" => "once", "en gång";
    "workbook.word.covers.fees" => "fees", "avgifter";
    "workbook.word.covers.all" => "all", "alla kostnader";
    "workbook.word.financing_status.expected" => "expected", "förväntad";
    "workbook.word.financing_status.applied" => "applied", "sökt";
    "workbook.word.financing_status.granted" => "granted", "beviljad";
    "workbook.word.financing_status.denied" => "denied", "avslagen";
    "workbook.word_alt.status.proposed" => "proposed", "föreslaget";
    "workbook.word_alt.status.active" => "active", "aktivt";
    "workbook.word_alt.status.ended" => "ended", "avslutat";
    "workbook.word_alt.status.declined" => "declined", "avböjt";
    "workbook.word_alt.cost_kind.fee" => "fee", "avgift";
    "workbook.word_alt.cost_kind.time" => "time", "tid";
    "workbook.word_alt.cost_kind.travel" => "travel", "resa";
    "workbook.word_alt.per.year" => "year", "år";
    "workbook.word_alt.per.once" => "once", "engång";
    "workbook.word_alt.covers.all" => "all", "alla";
    "workbook.word_alt.financing_status.applied" => "applied", "ansökt";
    // where a finding is in a workbook
    "workbook.place.cell" => "sheet `{sheet}`, row {row}, column `{column}` ({letter})", "blad `{sheet}`, rad {row}, kolumn `{column}` ({letter})";
    "workbook.place.cell_unnamed" => "sheet `{sheet}`, row {row}, column {letter}", "blad `{sheet}`, rad {row}, kolumn {letter}";
    "workbook.place.cell_no_letter" => "sheet `{sheet}`, row {row}, column `{column}`", "blad `{sheet}`, rad {row}, kolumn `{column}`";
    "workbook.place.row" => "sheet `{sheet}`, row {row}", "blad `{sheet}`, rad {row}";
    "workbook.place.sheet" => "sheet `{sheet}`", "blad `{sheet}`";
    "workbook.place.column" => "sheet `{sheet}`, column `{column}` ({letter})", "blad `{sheet}`, kolumn `{column}` ({letter})";
    "workbook.problems.one" => "{n} problem in {file}; nothing written", "{n} problem i {file}; ingenting sparades";
    "workbook.problems.many" => "{n} problems in {file}; nothing written", "{n} problem i {file}; ingenting sparades";
    "workbook.count.bytes" => "bytes", "byte";
    "workbook.count.unpacked" => "bytes when unpacked", "byte uppackad";
    "workbook.count.cells" => "cells", "celler";
    "workbook.count.text" => "bytes of text in its cells", "byte text i cellerna";
    "workbook.count.strings" => "shared strings (sharedStrings.xml)", "delade strängar (sharedStrings.xml)";
    "workbook.count.rows" => "rows", "rader";
    "workbook.count.network_rows" => "networks", "nätverk";
    "workbook.count.styles" => "bytes of cell formats (styles.xml)", "byte cellformat (styles.xml)";
    // drop-down lists
    "workbook.list.title" => "Choose from the list", "Välj i listan";
    "workbook.list.message" => "Choose a value from the list. Other values are checked when the workbook is imported.", "Välj ett värde i listan. Andra värden kontrolleras när arbetsboken läses in.";
    // the instructions sheet
    "workbook.readme.title" => "Inventory of networks and collaborations", "Inventering av nätverk och samarbeten";
    "workbook.readme.intro" => "This workbook holds the whole inventory: one sheet per list, one row per item. Fill it in, then import it with the command natverk import FILE.xlsx -o inventory.json. Every cell that is wrong is listed with its sheet, row and column, and nothing is saved until the whole workbook is right.", "Arbetsboken innehåller hela inventeringen: ett blad per lista och en rad per post. Fyll i den och läs sedan in den med kommandot natverk import FIL.xlsx -o inventering.json. Varje cell som är fel listas med blad, rad och kolumn, och ingenting sparas förrän hela arbetsboken är rätt.";
    "workbook.readme.sheets" => "The sheets", "Bladen";
    "workbook.readme.sheet.organisation" => "One row: the organisation's name, its municipality code (e.g. 1480) and its currency (e.g. SEK).", "En rad: organisationens namn, kommunkod (t.ex. 1480) och valuta (t.ex. SEK).";
    "workbook.readme.sheet.population" => "The population by year. If it is the same every year: one row with an empty year. Needed when a fee schedule is used.", "Folkmängden per år. Om den är densamma alla år: en rad med tomt år. Behövs när en avgiftsskala används.";
    "workbook.readme.sheet.units" => "The units (förvaltningar, nämnder) that take part. Central is TRUE for the executive board and the city executive office.", "Enheterna (förvaltningar, nämnder) som deltar. Kommuncentral är SANT för kommunstyrelsen och stadsledningskontoret.";
    "workbook.readme.sheet.people" => "The people who represent the organisation. The role is politician or official; a politician also has a side: majority or opposition.", "Personerna som företräder organisationen. Rollen är politiker eller tjänsteperson; en politiker har också en sida: majoritet eller opposition.";
    "workbook.readme.sheet.fee_schedules" => "Fees that depend on the population: either tiers (sheet tiers) or a fee per inhabitant (base + rate × population, at least min and at most max). A population offset of -1 uses the population of the year before.", "Avgifter som beror på folkmängden: antingen steg (bladet avgiftssteg) eller en avgift per invånare (grundavgift + per invånare × folkmängd, lägst och högst). Förskjutningen -1 använder folkmängden året före.";
    "workbook.readme.sheet.tiers" => "The tiers of a fee schedule, in rising order: the amount for a population up to max_population. The last tier has no max_population.", "Stegen i en avgiftsskala, i stigande ordning: beloppet för en folkmängd upp till högsta folkmängd. Det sista steget har ingen högsta folkmängd.";
    "workbook.readme.sheet.exchange_rates" => "Exchange rates: how much of the organisation's currency one unit of another currency costs, from a year on.", "Växelkurser: hur mycket av organisationens valuta en enhet av en annan valuta kostar, från ett visst år.";
    "workbook.readme.sheet.networks" => "One row per network, membership, programme, partnership or declaration.", "En rad per nätverk, medlemskap, program, partnerskap eller deklaration.";
    "workbook.readme.sheet.participants" => "Who sits in each network: the network's id, the person's id, the seat and the hours per year.", "Vem som sitter i varje nätverk: nätverkets id, personens id, uppdraget och timmar per år.";
    "workbook.readme.sheet.costs" => "What each network costs: an amount or a fee schedule, every year or once.", "Vad varje nätverk kostar: ett belopp eller en avgiftsskala, varje år eller en gång.";
    "workbook.readme.sheet.financing" => "Money from a funder that pays part of a network's cost. Expected and applied financing need a probability from 0 to 1.", "Pengar från en finansiär som betalar en del av ett nätverks kostnad. Förväntad och sökt finansiering behöver en sannolikhet från 0 till 1.";
    "workbook.readme.cells" => "How to fill in the cells", "Så fyller du i cellerna";
    "workbook.readme.cell.headings" => "Keep the first row of every sheet: it names the columns. The columns may come in any order.", "Behåll första raden på varje blad: den namnger kolumnerna. Kolumnerna får stå i vilken ordning som helst.";
    "workbook.readme.cell.dates" => "Dates: YYYY-MM-DD, e.g. 2024-03-01, or a date cell.", "Datum: ÅÅÅÅ-MM-DD, t.ex. 2024-03-01, eller en datumcell.";
    "workbook.readme.cell.numbers" => "Amounts and hours: numbers, or text such as 65 000,50 or 65000.50. Years and counts are whole numbers.", "Belopp och timmar: tal, eller text som 65 000,50 eller 65000.50. År och antal är heltal.";
    "workbook.readme.cell.booleans" => "Yes or no: TRUE or FALSE (ja and nej work too).", "Ja eller nej: SANT eller FALSKT (ja och nej går också).";
    "workbook.readme.cell.lists" => "Columns with a drop-down list take one of its words. The columns unit, person, schedule and network take an id from their sheet.", "Kolumner med en rullgardinslista tar ett av listans ord. Kolumnerna enhet, person, avgiftsskala och nätverk tar ett id från sitt blad.";
    "workbook.readme.cell.subjects" => "Subjects: separate them with a semicolon, e.g. jämställdhet; klimat.", "Sakområden: skilj dem åt med semikolon, t.ex. jämställdhet; klimat.";
    "workbook.readme.cell.empty" => "Leave a cell empty when it has no value. An empty row is skipped.", "Lämna en cell tom när den saknar värde. En tom rad hoppas över.";
    "workbook.readme.cell.this_sheet" => "This sheet is not read when the workbook is imported.", "Det här bladet läses inte när arbetsboken läses in.";
    "workbook.readme.commands" => "Check and report", "Kontrollera och rapportera";
    "workbook.readme.command.import" => "natverk import FILE.xlsx -o inventory.json   reads the workbook (also .ods)", "natverk import FIL.xlsx -o inventering.json   läser in arbetsboken (även .ods)";
    "workbook.readme.command.check" => "natverk check inventory.json   lists every warning", "natverk check inventering.json   listar alla varningar";
    "workbook.readme.command.report" => "natverk report inventory.json --from 2024 --to 2025 --format html --lang en -o report.html   the report for the board", "natverk report inventering.json --from 2024 --to 2025 --format html --lang sv -o rapport.html   rapporten till styrelsen";
    "workbook.readme.command.export" => "natverk export inventory.json -o inventory.xlsx   writes the inventory as a workbook again", "natverk export inventering.json --lang sv -o inventering.xlsx   skriver inventeringen som arbetsbok igen";
    "workbook.readme.columns" => "Columns that need a word of explanation", "Kolumner som behöver förklaras";
    "workbook.readme.cell.typed" => "Spaces before and after an id, a word or a name do not matter, and a currency may be written in any case (eur, €). A share or a probability may be a percentage: 80 % is 0.8. Write 9 500 or 9,5, never 9.500: a point or a comma followed by exactly three digits could be either and is refused. A column or a sheet of your own (notes, a contact person) is not read: the import says which.", "Mellanslag före och efter ett id, ett ord eller ett namn spelar ingen roll, och en valuta får skrivas med små eller stora bokstäver (eur, €). En andel eller en sannolikhet får skrivas i procent: 80 % är 0,8. Skriv 9 500 eller 9,5, aldrig 9.500: en punkt eller ett komma följt av exakt tre siffror kan betyda båda och godtas inte. En egen kolumn eller ett eget blad (anteckningar, en kontaktperson) läses inte: inläsningen säger vilka.";
    "workbook.help.networks.benefit" => "Benefit: what the network gives the organisation, judged as a whole number from 1 (little) to 5 (much). Leave it empty until it is assessed.", "Nytta: vad nätverket ger organisationen, bedömt som ett heltal från 1 (lite) till 5 (mycket). Lämna tomt tills det är bedömt.";
    "workbook.help.networks.via" => "Via: the body through which the organisation takes part (e.g. SKR), when it is not a member itself. Free text, for the reader of the report; it changes no figure.", "Via: den organisation som medlemskapet går genom (t.ex. SKR), när organisationen inte själv är medlem. Fri text för den som läser rapporten; den ändrar ingen siffra.";
    "workbook.help.financing.covers" => "Covers: which costs the financing pays its share of: fees (costs of the kinds fee and membership) or all (every cost of the network, staff time included).", "Täcker: vilka kostnader finansieringen betalar sin andel av: avgifter (kostnader av slagen deltagaravgift och medlemsavgift) eller alla kostnader (nätverkets alla kostnader, arbetstid inräknad).";
    "workbook.help.financing.share" => "Share: the part of the covered costs the funder pays, above 0 and at most 1 (0,5 or 50 % is half). Empty is 1, the whole.", "Andel: den del av de täckta kostnaderna som finansiären betalar, mer än 0 och högst 1 (0,5 eller 50 % är hälften). Tomt är 1, hela.";
    "workbook.help.financing.probability" => "Probability: how likely the money is to come, from 0 to 1 (0,8 or 80 %). Needed for expected and applied financing; left empty for granted and denied.", "Sannolikhet: hur troligt det är att pengarna kommer, från 0 till 1 (0,8 eller 80 %). Behövs för förväntad och sökt finansiering; lämnas tom för beviljad och avslagen.";
    "workbook.help.costs.per" => "Per: year (the amount every year the network runs, or from and to the years given) or once (one payment, on the date given, else on the network's start).", "Per: varje år (beloppet varje år nätverket pågår, eller från och till de år som anges) eller en gång (en betalning, det datum som anges, annars nätverkets startdatum).";
    "workbook.help.costs.prorate" => "Part of year: TRUE charges a yearly cost only for the months the network runs in its first and last year (from the start month, through the end month). FALSE or empty charges the whole year.", "Del av år: SANT tar bara ut en årlig kostnad för de månader nätverket pågår dess första och sista år (från startmånaden, till och med slutmånaden). FALSKT eller tomt tar ut hela året.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_both_languages_written() {
        let mut seen = HashSet::new();
        for (k, en, sv) in ENTRIES {
            assert!(seen.insert(*k), "{k} twice");
            assert!(!en.is_empty() && !sv.is_empty(), "{k}");
        }
    }
}

#[cfg(test)]
mod used {
    use super::ENTRIES;

    /// Every vocabulary key written in the crate's code exists (a missing
    /// one would show its key to people).
    #[test]
    fn every_key_used_in_the_code_exists() {
        let prefixes: std::collections::HashSet<&str> = ENTRIES
            .iter()
            .filter_map(|(k, _, _)| k.split('.').next())
            .collect();
        let mut missing = Vec::new();
        let mut seen = 0;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("vocabulary.rs") || path.extension().is_none_or(|x| x != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for lit in text.split('"').skip(1).step_by(2) {
                    let mut parts = lit.split('.');
                    let head = parts.next().unwrap_or("");
                    let word = |s: &str| {
                        !s.is_empty()
                            && s.bytes()
                                .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
                    };
                    if prefixes.contains(head)
                        && lit.contains('.')
                        && lit.split('.').all(word)
                        && !lit.ends_with('.')
                    {
                        seen += 1;
                        // Keys with a variable last part are written
                        // `concat!(prefix, ".", word)` or `format!`.
                        if !ENTRIES
                            .iter()
                            .any(|(k, _, _)| *k == lit || k.starts_with(&format!("{lit}.")))
                        {
                            missing.push(format!("{}: {lit}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 50, "found only {seen} keys");
        assert!(missing.is_empty(), "{missing:#?}");
    }

    /// The files whose words only views and frontends show: the lean
    /// build (without the feature `vocabulary`) may leave their keys out.
    const VIEWS: &[&str] = &[
        "board.rs",
        "calendar.rs",
        "diff.rs",
        "merge.rs",
        "present/tables.rs",
        "tables/mod.rs",
        "tables/read.rs",
        "format/generate.rs",
    ];

    /// Every vocabulary key written in the code that findings, loading,
    /// checking and reports use (every file but the views) is one the lean
    /// build carries, with every key of its section when the code writes
    /// only its start (`"workbook.place"` for `workbook.place.row`). A key
    /// left out would show as itself in the widget's messages.
    #[test]
    fn the_lean_build_keeps_every_key_outside_the_views() {
        use super::in_lean;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let (mut seen, mut dropped) = (0, Vec::new());
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel.ends_with("vocabulary.rs")
                    || !rel.ends_with(".rs")
                    || VIEWS.contains(&rel.as_str())
                {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for lit in text.split('"').skip(1).step_by(2) {
                    for (k, _, _) in ENTRIES {
                        if *k == lit || k.starts_with(&format!("{lit}.")) {
                            seen += 1;
                            if !in_lean(k) {
                                dropped.push(format!("{rel}: {lit} ({k})"));
                            }
                        }
                    }
                }
            }
        }
        assert!(seen > 50, "found only {seen} keys");
        assert!(dropped.is_empty(), "{dropped:#?}");
        // The rule leaves something out, and keeps what findings say.
        assert!(!in_lean("workbook.readme.intro") && !in_lean("board.summary"));
        assert!(!in_lean("ui.title") && in_lean("ui.line_column"));
        assert!(in_lean("workbook.place.row") && in_lean("what.network"));
        assert!(in_lean("money.net") && in_lean("severity.warning"));
    }
}
