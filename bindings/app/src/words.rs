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
    ("app.merge_help", "Several files dropped or chosen at once (one per unit) are merged into one inventory.", "Flera filer som släpps eller väljs på en gång (en per enhet) slås ihop till en inventering."),
    ("app.merged_ok", "{count} files merged: {networks} networks, no errors.", "{count} filer sammanslagna: {networks} nätverk, inga fel."),
    ("app.merge_failed", "The {count} files could not be merged: fix what is listed below, save, and drop all the files again.", "De {count} filerna kunde inte slås ihop: rätta det som står nedan, spara och släpp alla filerna igen."),
    ("app.file", "The file {file}", "Filen {file}"),
    ("app.file_sheet", "The file {file}, sheet {sheet}", "Filen {file}, bladet {sheet}"),
    ("app.conflicts", "The files disagree", "Filerna säger emot varandra"),
    ("app.old_file", "Last year's file (optional, to compare with)", "Förra årets fil (om ni vill jämföra)"),
    ("app.old_read_ok", "Last year's file {name}: {networks} networks read.", "Förra årets fil {name}: {networks} nätverk lästa."),
    ("app.old_read_failed", "Last year's file {name} could not be read: fix what is listed below and choose it again.", "Förra årets fil {name} kunde inte läsas: rätta det som står nedan och välj den igen."),
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
    ("app.calendar", "Calendar: the dates to act on", "Kalender: datum att agera på"),
    ("app.calendar_none", "No date to act on in these years.", "Inget datum att agera på under dessa år."),
    ("app.diff", "Comparison with last year's file", "Jämförelse med förra årets fil"),
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
    ("app.more_downloads", "For the board: the appendix and the calendar with the options above, and the comparison when last year's file is given.", "Till nämnden: bilagan och kalendern med valen ovan, och jämförelsen när förra årets fil är vald."),
    ("app.calendar_ics", "Calendar (.ics)", "Kalender (.ics)"),
    ("app.calendar_file", "calendar", "kalender"),
    ("app.board_html", "The board appendix (.html)", "Bilagan till nämnden (.html)"),
    ("app.board_file", "board-appendix", "bilaga"),
    ("app.board_docx", "The appendix as a Word file (.docx) comes from the command line: natverk board FILE --year YEAR -o bilaga.docx", "Bilagan som Word-fil (.docx) görs på kommandoraden: natverk board FIL --year ÅR -o bilaga.docx"),
    ("app.diff_html", "The comparison (.html)", "Jämförelsen (.html)"),
    ("app.diff_file", "comparison", "jamforelse"),
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
