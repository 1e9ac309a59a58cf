//! The app's own words (SPEC §11): the page's headings, buttons and
//! notes, in English and Swedish. Labels of the inventory, the report and
//! the findings are the core's vocabulary (`natverk::present`); these are
//! only what the page itself says. The page reads both through
//! [`crate::labels`].

use natverk::present::{Lang, Template};

/// Every word of the page: (key, English, Swedish).
pub const WORDS: &[(&str, &str, &str)] = &[
    ("app.title", "natverk – networks and their costs", "natverk – nätverk och kostnader"),
    ("app.intro", "Keep the inventory of networks in a workbook, check it and get the report. Everything happens on this computer: no file leaves it.", "Håll inventeringen av nätverk i en arbetsbok, kontrollera den och få rapporten. Allt sker på den här datorn: ingen fil lämnar den."),
    ("app.lang_switch", "På svenska", "In English"),
    ("app.lang_switch_lang", "sv", "en"),
    ("app.step_get", "1. Get a workbook", "1. Hämta en arbetsbok"),
    ("app.step_get_help", "Fill it in with Excel or LibreOffice: one sheet per list, one row per item. The first sheet explains each column.", "Fyll i den i Excel eller LibreOffice: ett blad per lista, en rad per sak. Första bladet förklarar varje kolumn."),
    ("app.template", "Empty workbook (.xlsx)", "Tom arbetsbok (.xlsx)"),
    ("app.example", "Example: Göteborgs Stad (.xlsx)", "Exempel: Göteborgs Stad (.xlsx)"),
    ("app.template_file", "natverk-template.xlsx", "natverk-mall.xlsx"),
    ("app.example_file", "natverk-example.xlsx", "natverk-exempel.xlsx"),
    ("app.step_open", "2. Open your file", "2. Öppna din fil"),
    ("app.pick", "Choose a file (.xlsx, .ods, .json or .csv)", "Välj en fil (.xlsx, .ods, .json eller .csv)"),
    ("app.drop", "… or drop it here", "… eller släpp den här"),
    ("app.csv_options", "Only for a CSV file: the organisation", "Bara för en CSV-fil: organisationen"),
    ("app.csv_organisation", "Organisation's name", "Organisationens namn"),
    ("app.csv_currency", "Currency", "Valuta"),
    ("app.csv_code", "Municipality code (optional)", "Kommunkod (om ni vill)"),
    ("app.csv_population", "Population (optional)", "Folkmängd (om ni vill)"),
    ("app.csv_rates", "Exchange rates (optional), separated by spaces, e.g. EUR:2024:11.50 EUR:2025:11.20", "Växelkurser (om ni vill), åtskilda med mellanslag, t.ex. EUR:2024:11,50 EUR:2025:11,20"),
    ("app.field", "The field “{field}”", "Fältet ”{field}”"),
    ("app.one_file", "One file at a time: {count} files were dropped and only the first, {name}, was read. Merging several files comes in a later version.", "En fil i taget: {count} filer släpptes och bara den första, {name}, lästes. Att slå ihop flera filer kommer i en senare version."),
    ("app.reading", "Reading {name} …", "Läser {name} …"),
    ("app.read_ok", "{name}: {networks} networks read, no errors.", "{name}: {networks} nätverk lästa, inga fel."),
    ("app.read_failed", "{name} could not be read: fix what is listed below in Excel, save, and open the file again.", "{name} kunde inte läsas: rätta det som står nedan i Excel, spara och öppna filen igen."),
    ("app.not_read", "The browser could not read the file {name}: {error}", "Webbläsaren kunde inte läsa filen {name}: {error}"),
    ("app.unexpected", "Something went wrong: {error}. The page still works: try again or with another file.", "Något gick fel: {error}. Sidan fungerar fortfarande: försök igen eller med en annan fil."),
    ("app.no_file", "No file is open yet.", "Ingen fil är öppen ännu."),
    ("app.findings", "Findings in the file", "Iakttagelser i filen"),
    ("app.findings_summary", "{errors} errors, {warnings} warnings", "{errors} fel, {warnings} varningar"),
    ("app.sheet", "Sheet {sheet}", "Bladet {sheet}"),
    ("app.whole_file", "The whole file", "Hela filen"),
    ("app.row", "Row", "Rad"),
    ("app.column", "Column", "Kolumn"),
    ("app.where", "Where", "Var"),
    ("app.step_report", "3. Report", "3. Rapport"),
    ("app.options", "Options", "Val"),
    ("app.statuses", "Statuses (none chosen: every status but declined)", "Statusar (inga valda: alla utom avböjda)"),
    ("app.by", "Group by", "Gruppera per"),
    ("app.leave", "Leave scenario", "Scenario: lämna nätverk"),
    ("app.leave_none", "No scenario", "Inget scenario"),
    ("app.leave_recommended", "The networks recommended for leaving", "Nätverken som rekommenderas att lämnas"),
    ("app.leave_chosen", "The networks chosen below", "Nätverken som väljs nedan"),
    ("app.leave_networks", "Networks to leave", "Nätverk att lämna"),
    ("app.leave_from", "Notice given from year", "Uppsägning från år"),
    ("app.show", "Show the report", "Visa rapporten"),
    ("app.checks", "Checks", "Kontroller"),
    ("app.equality", "Gender equality", "Jämställdhet"),
    ("app.step_download", "4. Download", "4. Ladda ner"),
    ("app.download_help", "The report with the options above, and the inventory as it was read.", "Rapporten med valen ovan, och inventeringen som den lästes."),
    ("app.report_xlsx", "The report (.xlsx)", "Rapporten (.xlsx)"),
    ("app.report_html", "The report (.html)", "Rapporten (.html)"),
    ("app.inventory_xlsx", "The inventory as a workbook (.xlsx)", "Inventeringen som arbetsbok (.xlsx)"),
    ("app.inventory_json", "The inventory as JSON (.json)", "Inventeringen som JSON (.json)"),
    ("app.public_json", "Public file (.json)", "Publik fil (.json)"),
    ("app.public_help", "The public file has no names, hourly costs or hours. Give this file to the web editor, never the inventory itself.", "Den publika filen har inga namn, timkostnader eller timmar. Ge den här filen till webbredaktören, aldrig själva inventeringen."),
    ("app.public_file", "public", "publik"),
    ("app.report_file", "report", "rapport"),
    ("app.inventory_file", "inventory", "inventering"),
    ("app.private", "Nothing you open here leaves this computer: the page makes no network requests.", "Inget du öppnar här lämnar datorn: sidan gör inga anrop över nätet."),
    ("app.no_inventory", "No inventory is open: drop or choose a file first.", "Ingen inventering är öppen: släpp eller välj en fil först."),
];

/// A word of the page in `lang` (its key when unknown: a test checks that
/// every key used exists).
pub fn word(key: &'static str, lang: Lang) -> &'static str {
    WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, sv)| if lang == Lang::En { *en } else { *sv })
        .unwrap_or(key)
}

/// The text of a template in `lang`.
pub fn text(t: &'static Template, lang: Lang) -> &'static str {
    t.text(lang)
}

/// `{errors} errors, {warnings} warnings`.
pub static FINDINGS_SUMMARY: Template = Template {
    key: "app.findings_summary",
    en: "{errors} errors, {warnings} warnings",
    sv: "{errors} fel, {warnings} varningar",
};
/// A group of findings: `Sheet {sheet}`.
pub static SHEET: Template = Template {
    key: "app.sheet",
    en: "Sheet {sheet}",
    sv: "Bladet {sheet}",
};
/// A group of findings about the whole file.
pub static WHOLE_FILE: Template = Template {
    key: "app.whole_file",
    en: "The whole file",
    sv: "Hela filen",
};
/// A report asked for before a file is open.
pub static NO_INVENTORY: Template = Template {
    key: "app.no_inventory",
    en: "No inventory is open: drop or choose a file first.",
    sv: "Ingen inventering är öppen: släpp eller välj en fil först.",
};
