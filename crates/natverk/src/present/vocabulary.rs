//! The vocabulary: every label, heading, enum word and unit, once, in
//! English and Swedish. Keys are dotted: `money.gross`, `key.unit`,
//! `status.active`, `ui.total`. Texts with a value have `{name}`
//! placeholders; counted phrases come in `.one` and `.many` forms.

use super::Lang;

macro_rules! vocabulary {
    ($($key:literal => $en:literal, $sv:literal;)+) => {
        /// Every entry: (key, English, Swedish), in declaration order.
        pub(crate) static ENTRIES: &[(&str, &str, &str)] = &[$(($key, $en, $sv)),+];

        /// The label of `key` in `lang`; the key itself if it is unknown
        /// (a test keeps every key used by the crate in the vocabulary).
        pub fn label(key: &str, lang: Lang) -> &str {
            match (key, lang) {
                $(($key, Lang::En) => $en, ($key, Lang::Sv) => $sv,)+
                _ => key,
            }
        }
    };
}

/// Every (key, label) of the vocabulary in `lang`, in a stable order.
pub fn vocabulary(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    ENTRIES.iter().map(move |(k, en, sv)| {
        (
            *k,
            match lang {
                Lang::Sv => *sv,
                Lang::En => *en,
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
}
