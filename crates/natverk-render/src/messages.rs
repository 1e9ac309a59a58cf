//! The command line's own messages, in English and Swedish (SPEC §11);
//! the core's are in `natverk::present`.

use natverk::present::{Arg, Message, Template};

macro_rules! templates {
    ($($name:ident = $en:literal, $sv:literal;)+) => {
        $(
            #[doc = concat!("`", $en, "`")]
            pub static $name: Template = Template { key: concat!("cli.", stringify!($name)), en: $en, sv: $sv };
        )+
        /// Every template of the command line.
        pub static ALL: &[&Template] = &[$(&$name),+];
    };
}

templates! {
    BOARD_EXTENSION = "cannot tell the format of {file}: name the appendix .docx (Word) or .html (to print)",
        "formatet för {file} går inte att avgöra: ge bilagan namnet .docx (Word) eller .html (för utskrift)";
    FINDINGS_OF_FILE = "the findings below are those of {file}", "iakttagelserna nedan gäller {file}";
    INPUT_TOO_LARGE = "{file} is {size}, more than the limit of {limit} bytes; split it into smaller files",
        "{file} är {size}, mer än gränsen på {limit} byte; dela upp den i mindre filer";
    SIZE_BYTES = "{n} bytes", "{n} byte";
    SIZE_STREAM = "more than {n} bytes (read as a stream)", "mer än {n} byte (läst som en ström)";
    OUTPUT_CELLS = "the output would have {cells} cells ({rows} rows), more than the limit of {limit} cells for --format {format} on an input of this size; ask for less: {ask}{larger}",
        "utdata skulle få {cells} celler ({rows} rader), fler än gränsen på {limit} celler för --format {format} för indata av den här storleken; be om mindre: {ask}{larger}";
    OUTPUT_ROWS = "the output would have {rows} rows in one sheet, more than Excel's limit of {limit} rows; ask for less: {ask}{larger}",
        "utdata skulle få {rows} rader i ett blad, fler än Excels gräns på {limit} rader; be om mindre: {ask}{larger}";
    ASK_REPORT = "fewer years (--from/--to), fewer group keys (--by), --scope central or fewer statuses (--status)",
        "färre år (--from/--to), färre grupperingar (--by), --scope central eller färre statusar (--status)";
    ASK_EQUALITY = "fewer years (--from/--to), --scope central or fewer statuses (--status)",
        "färre år (--from/--to), --scope central eller färre statusar (--status)";
    ASK_CHECK = "fix the first problems and check again",
        "rätta de första problemen och kontrollera igen";
    OR_CSV = ", or --format csv (up to {limit} cells)",
        ", eller --format csv (upp till {limit} celler)";
    OR_NOTHING = "", "";
    IO = "{text}", "{text}";

    // ---- reading and writing files
    CANNOT_READ = "cannot read {file}: {error}", "{file} kan inte läsas: {error}";
    IS_DIRECTORY = "cannot read {file}: it is a directory, not a file",
        "{file} kan inte läsas: det är en mapp, inte en fil";
    CANNOT_WRITE = "cannot write {file}: {error}", "{file} kan inte skrivas: {error}";
    CANNOT_WRITE_OUTPUT = "cannot write output: {error}", "utdata kan inte skrivas: {error}";
    ALREADY_WRITTEN = "already written", "redan skriven";
    NEEDS_NAME = "-o needs a file name", "-o behöver ett filnamn";
    REFUSE_TARGET = "refusing to write {file}: it is {what}, and natverk writes only a regular file or a new name (it would be replaced); give another name",
        "skriver inte {file}: det är {what}, och natverk skriver bara till en vanlig fil eller ett nytt namn (den skulle annars ersättas); ange ett annat namn";
    KIND_SYMLINK = "a symbolic link", "en symbolisk länk";
    KIND_DIRECTORY = "a directory", "en mapp";
    KIND_FIFO = "a FIFO (named pipe)", "en namngiven pipe (FIFO)";
    KIND_DEVICE = "a device", "en enhetsfil";
    KIND_SOCKET = "a socket", "en socket-fil";
    KIND_OTHER = "not a regular file", "inte en vanlig fil";
    XLSX_NEEDS_FILE = "--format xlsx writes a binary file: give it a name with -o FILE",
        "--format xlsx skriver en binär fil: ge den ett namn med -o FIL";
    NOTE = "note: {text}", "obs: {text}";

    // ---- what the operating system says (io_error)
    IO_NOT_FOUND = "no such file or directory", "filen eller mappen finns inte";
    IO_PERMISSION_DENIED = "permission denied", "behörighet saknas";
    IO_ALREADY_EXISTS = "it already exists", "den finns redan";
    IO_IS_A_DIRECTORY = "it is a directory", "det är en mapp";
    IO_NOT_A_DIRECTORY = "a part of the path is not a directory", "en del av sökvägen är inte en mapp";
    IO_READ_ONLY = "the file system is read-only", "filsystemet är skrivskyddat";
    IO_STORAGE_FULL = "no space left on the device", "det finns inget utrymme kvar på enheten";
    IO_QUOTA = "the disk quota is exceeded", "diskkvoten är slut";
    MERGE_TOO_LARGE = "the files to merge are {size} bytes together, more than the limit of {limit} bytes for one inventory: merge fewer or smaller files",
        "filerna som ska slås ihop är tillsammans {size} byte, mer än gränsen på {limit} byte för en inventering: slå ihop färre eller mindre filer";
    MERGE_NOT_WORKBOOK = "{file} is named as a workbook but is not one: open it in Excel or LibreOffice and save it as .xlsx or .ods",
        "{file} heter som en arbetsbok men är ingen: öppna den i Excel eller LibreOffice och spara den som .xlsx eller .ods";
    IN_FILE = "in `{file}`: {text}", "i `{file}`: {text}";
    MERGE_UNREADABLE = "{file} cannot be read as a workbook: {error}: save it again as .xlsx or .ods, or send the natverk/1 JSON",
        "{file} går inte att läsa som arbetsbok: {error}: spara den på nytt som .xlsx eller .ods, eller skicka natverk/1-JSON";
    IO_FILE_TOO_LARGE = "the file is too large for the file system", "filen är för stor för filsystemet";
    IO_INVALID_NAME = "the file name is not valid (too long?)", "filnamnet är ogiltigt (för långt?)";
    IO_BROKEN_PIPE = "the reader closed the pipe", "mottagaren stängde röret (pipe)";
    IO_BUSY = "the resource is busy", "resursen är upptagen";
    IO_OUT_OF_MEMORY = "out of memory", "minnet räcker inte";
    IO_INVALID_DATA = "the data is not valid", "datan är ogiltig";
    IO_UNEXPECTED_EOF = "the file ended too early", "filen tar slut för tidigt";

    // ---- the command line's own usage errors (clap's, in Swedish: usage_error)
    ARG_UNKNOWN = "unexpected argument `{arg}`{near}", "okänt argument `{arg}`{near}";
    ARG_SUBCOMMAND = "unknown command `{arg}`{near}", "okänt kommando `{arg}`{near}";
    ARG_SUGGEST = "; did you mean {words}?", "; menar du {words}?";
    ARG_INVALID_VALUE = "invalid value `{value}` for `{arg}`{near}", "ogiltigt värde `{value}` för `{arg}`{near}";
    ARG_POSSIBLE = "; possible values: {words}", "; möjliga värden: {words}";
    ARG_VALIDATION = "invalid value `{value}` for `{arg}`: {reason}", "ogiltigt värde `{value}` för `{arg}`: {reason}";
    ARG_MISSING = "the following arguments are missing: {args}", "de här argumenten saknas: {args}";
    ARG_CONFLICT = "`{arg}` cannot be used with `{other}`", "`{arg}` kan inte användas tillsammans med `{other}`";
    ARG_TOO_MANY = "unexpected value `{value}` for `{arg}`", "oväntat värde `{value}` för `{arg}`";
    ARG_NO_VALUE = "`{arg}` needs a value", "`{arg}` behöver ett värde";
    ARG_NO_COMMAND = "a command is needed: {commands}", "ett kommando behövs: {commands}";
    ARG_HELP = "for more information, try `natverk --help` or `natverk COMMAND --help`",
        "mer information: `natverk --help` eller `natverk KOMMANDO --help`";
    BAD_YEAR = "invalid year `{value}`: write a year from 1 to 9999, e.g. 2024",
        "ogiltigt år `{value}`: skriv ett år från 1 till 9999, till exempel 2024";

    // ---- rendering
    TOO_LARGE_TO_WRITE = "a total is too large to write", "en summa är för stor för att skrivas ut";
    CANNOT_WRITE_CSV = "cannot write CSV: {detail}", "CSV-filen kan inte skrivas: {detail}";
    CANNOT_WRITE_WORKBOOK = "cannot write the workbook: {detail}", "arbetsboken kan inte skrivas: {detail}";
    NO_TEMPORARY_FILE = "cannot write the workbook: no temporary file can be made in {dir} ({error}); set TMPDIR to a writable directory",
        "arbetsboken kan inte skrivas: det går inte att skapa en tillfällig fil i {dir} ({error}); sätt TMPDIR till en mapp som går att skriva i";
    NO_CONTEXT = "no context for the document", "underlag saknas för dokumentet";
    WIDGET_REPORT_ONLY = "--format widget is a report's (natverk report FILE --format widget); use html here",
        "--format widget finns för rapporter (natverk report FIL --format widget); använd html här";
    WIDGET_OPTIONS = "--format widget writes only what the widget's attributes can show: leave out --status, --leave and --leave-from, or use --format html",
        "--format widget skriver bara det som widgetens attribut kan visa: utelämna --status, --leave och --leave-from, eller använd --format html";
    HELP_SRC = "URL of the file the widget loads (--format widget; default: FILE's name). Give the public file (natverk publish).",
        "Adressen till filen som widgeten läser in (--format widget; standard: FILs namn). Ge den publika filen (natverk publish).";
    HELP_STYLESHEET = "URL of the widget's stylesheet (--format widget).",
        "Adressen till widgetens stilmall (--format widget).";
    XLSX_CLIPPED_ONE = "{n} text longer than Excel's limit of {limit} characters was cut in the workbook (ending in …); --format json or csv keeps it whole",
        "{n} text längre än Excels gräns på {limit} tecken kortades i arbetsboken (den slutar med …); --format json eller csv behåller den hel";
    XLSX_CLIPPED_MANY = "{n} texts longer than Excel's limit of {limit} characters were cut in the workbook (ending in …); --format json or csv keeps them whole",
        "{n} texter längre än Excels gräns på {limit} tecken kortades i arbetsboken (de slutar med …); --format json eller csv behåller dem hela";

    // ---- options
    UNKNOWN_MONEY_COLUMN = "unknown column `{value}`: expected one of {columns}",
        "okänd kolumn `{value}`: skriv någon av {columns}";
    INVALID_DATE = "invalid date `{value}`: write YYYY-MM-DD, e.g. 2024-03-01",
        "ogiltigt datum `{value}`: skriv ÅÅÅÅ-MM-DD, till exempel 2024-03-01";
    DATE_YEAR = "invalid date `{value}`: the year must be from 1 to 9999",
        "ogiltigt datum `{value}`: året ska vara från 1 till 9999";

    // ---- importing a CSV sheet
    CSV_ONLY = "{options} go with a CSV sheet only: a workbook has the organisation, population and exchange rates in its own sheets",
        "{options} hör bara till ett CSV-blad: en arbetsbok har organisationen, folkmängden och växelkurserna på egna blad";
    CSV_NEEDS_ORGANISATION = "a CSV sheet needs --organisation NAME and --currency CODE (a workbook has them in its organisation sheet)",
        "ett CSV-blad behöver --organisation NAMN och --currency KOD (en arbetsbok har dem på bladet organisation)";
    IMPORTED_WITH_WARNINGS = "imported {networks}; {warnings}: see them with `natverk check`",
        "{networks} lästes in; {warnings}: se dem med `natverk check`";
    MORE_PROBLEMS = "… and {n} more problems (the first {shown} are listed): fix these and import again",
        "… och {n} problem till (de första {shown} visas): rätta dem och läs in filen igen";
    AT_CELL = " at row {row}, column `{column}`", " på rad {row}, kolumn `{column}`";
    AT_ROW = " at row {row}", " på rad {row}";
    IN_OPTION = " in option {option}", " i valet {option}";
    IN_HEADER = " in the header, column `{column}`", " i rubrikraden, kolumn `{column}`";
    NOT_UTF8 = "the file is not UTF-8: read it as Windows-1252 (Excel's \"CSV\"); save it as \"CSV UTF-8\" to avoid the guess",
        "filen är inte UTF-8: den lästes som Windows-1252 (Excels \"CSV\"); spara den som \"CSV UTF-8\" så behöver ingen gissning göras";
    BAD_BYTE = "byte {bytes} at offset {offset} of the file is not {encoding}, but the rest of the file is: correct that cell (often a character pasted from another program), or save the sheet again as \"CSV UTF-8\"",
        "byte {bytes} vid position {offset} i filen är inte {encoding}, men resten av filen är det: rätta den cellen (ofta ett tecken som klistrats in från ett annat program), eller spara bladet igen som \"CSV UTF-8\"";
    UNCLOSED_QUOTE = "a quote (\") opens this cell and is never closed, so the rest of the file would be read into it: close it with \", or write a quote inside a cell as \"\"",
        "ett citattecken (\") inleder cellen men avslutas aldrig, så resten av filen skulle läsas in i den: avsluta med \", eller skriv ett citattecken i en cell som \"\"";
    TOO_MANY_ROWS = "the sheet has {rows} rows of networks, more than the limit of {limit} for one import (SPEC §9: a network costs the import about 2 KB of memory whatever its row's size); split the sheet, or write the inventory as JSON",
        "bladet har {rows} rader med nätverk, fler än gränsen på {limit} för en inläsning (ett nätverk kräver ungefär 2 KB minne hur kort raden än är); dela upp bladet, eller skriv inventeringen som JSON";
    EMPTY_SHEET = "the file is empty: the first row names the columns (id, name, start, …)",
        "filen är tom: första raden ska ge kolumnernas namn (id, namn, start, …)";
    WIDE_HEADER = "the header row has {cells} cells, more than the limit of {limit}; a sheet of networks has at most {columns} columns: remove the others",
        "rubrikraden har {cells} celler, fler än gränsen på {limit}; ett blad med nätverk har högst {columns} kolumner: ta bort de andra";
    SAME_COLUMN = "column `{column}` is the same as `{other}` ({name}): keep one of them",
        "kolumnen `{column}` är samma som `{other}` ({name}): behåll en av dem";
    UNKNOWN_SHEET_COLUMN = "unknown column `{column}`{near} (the columns are {columns})",
        "okänd kolumn `{column}`{near} (kolumnerna är {columns})";
    DID_YOU_MEAN = "; did you mean `{name}`?", "; menar du `{name}`?";
    MISSING_COLUMN = "the header has no column `{name}`: add it",
        "rubrikraden saknar kolumnen `{name}`: lägg till den";
    BAD_RATE = "invalid rate `{value}`: write CURRENCY:YEAR:RATE, e.g. EUR:2024:11,43",
        "ogiltig växelkurs `{value}`: skriv VALUTA:ÅR:KURS, till exempel EUR:2024:11,43";
    WIDE_ROW = "the row has {cells} cells, the header names {named}: give the extra cells a column or remove them",
        "raden har {cells} celler, men rubrikraden namnger {named}: ge de extra cellerna en kolumn eller ta bort dem";
    CURRENCY_WITHOUT_FEE = "a currency without a fee: fill in the fee or leave the currency out",
        "en valuta utan avgift: fyll i avgiften eller ta bort valutan";
    UNIT_TWO_NAMES = "unit `{unit}` is named `{first}` on row {row}, `{name}` here: give one name",
        "enheten `{unit}` heter `{first}` på rad {row} men `{name}` här: ge den ett namn";
    UNIT_CENTRAL_TWICE = "unit `{unit}` is {first} on row {row}, {here} here: a unit is central or not",
        "enheten `{unit}` är {first} på rad {row} men {here} här: en enhet är antingen kommuncentral eller inte";
    CENTRAL = "central", "kommuncentral";
    NOT_CENTRAL = "not central", "inte kommuncentral";
    CENTRAL_WITHOUT_UNIT = "a row without a unit cannot say whether its unit is central: fill in the unit",
        "en rad utan enhet kan inte säga om enheten är kommuncentral: fyll i enheten";
    UNIT_NAME_WITHOUT_UNIT = "a unit name without a unit id: fill in the unit",
        "ett enhetsnamn utan enhets-id: fyll i enheten";
    POPULATION_TOO_LARGE = "population `{value}` is too large: at most {max} (10¹³)",
        "folkmängden `{value}` är för stor: högst {max} (10¹³)";
    BAD_POPULATION = "invalid population `{value}`: write a whole number, e.g. 604616",
        "ogiltig folkmängd `{value}`: skriv ett heltal, till exempel 604616";
    BAD_YES_NO = "invalid yes/no `{value}`: write ja or nej (true/false, 1/0 also work)",
        "ogiltigt ja/nej `{value}`: skriv ja eller nej (true/false och 1/0 går också)";
    OR_IN_SWEDISH = "{message} (or in Swedish: {words})", "{message} (eller på svenska: {words})";

    // ---- --help (SPEC §11): the English is the doc comment of cli.rs
    // (a test keeps them equal); crate::help puts the Swedish in its place
    HELP_ABOUT = "The networks an organisation takes part in, and what they cost",
        "Nätverken en organisation deltar i, och vad de kostar";
    HELP_CHECK = "List every error and warning of an inventory.",
        "Lista alla fel och varningar i en inventering.";
    HELP_REPORT = "Cost report per year, network, subject, organiser or unit.",
        "Kostnadsrapport per år, nätverk, ämne, arrangör eller enhet.";
    HELP_EQUALITY = "Gender-equality statistics of who represents the organisation.",
        "Jämställdhetsstatistik över vilka som representerar organisationen.";
    HELP_IMPORT = "Turn a one-sheet spreadsheet of networks (CSV) into an inventory.",
        "Gör om ett kalkylblad med nätverk (CSV) till en inventering.";
    HELP_EXPORT = "Write an inventory as a workbook (xlsx) to edit in Excel or LibreOffice.",
        "Skriv en inventering som arbetsbok (xlsx) att redigera i Excel eller LibreOffice.";
    HELP_TEMPLATE = "Write an empty workbook (xlsx) to fill in and import.",
        "Skriv en tom arbetsbok (xlsx) att fylla i och läsa in.";
    HELP_SCHEMA = "Print the JSON Schema (draft 2020-12) of the natverk/1 format.",
        "Skriv ut JSON Schema (draft 2020-12) för formatet natverk/1.";
    HELP_FILE = "The inventory (natverk/1 JSON, or a workbook: .xlsx, .ods).",
        "Inventeringen (natverk/1-JSON, eller en arbetsbok: .xlsx, .ods).";
    HELP_JSON_FILE = "The inventory (natverk/1 JSON).", "Inventeringen (natverk/1-JSON).";
    HELP_CALENDAR = "The dates to act on: registration deadlines, the last day to give notice for each year's end, and the networks' own ends (table, json or ics, a calendar file to import).",
        "Datumen att agera på: sista anmälningsdagar, sista dagen att säga upp inför varje årsskifte och nätverkens egna slut (tabell, json eller ics, en kalenderfil att importera).";
    HELP_DIFF = "Compare last year's inventory with this year's: networks added, removed and changed, and the costs by network side by side.",
        "Jämför förra årets inventering med årets: tillagda, borttagna och ändrade nätverk, och kostnaderna per nätverk sida vid sida.";
    HELP_BOARD = "Write the board appendix (bilaga till tjänsteutlåtande) as .docx or .html.",
        "Skriv bilagan till tjänsteutlåtandet som .docx eller .html.";
    HELP_FILE_OR_WORKBOOK = "The inventory (natverk/1 JSON or a workbook).",
        "Inventeringen (natverk/1-JSON eller en arbetsbok).";
    HELP_CALENDAR_FORMAT = "Output format: table, json, or ics (iCalendar, RFC 5545).",
        "Utdataformat: table, json eller ics (iCalendar, RFC 5545).";
    HELP_CALENDAR_LANG = "Language of output for people (table, the events of ics, messages): sv or en (default: the locale).",
        "Språk för text till människor (tabell, händelserna i ics, meddelanden): sv eller en (standard: systemets språk).";
    HELP_DIFF_OLD = "The old inventory (natverk/1 JSON or a workbook).",
        "Den gamla inventeringen (natverk/1-JSON eller en arbetsbok).";
    HELP_DIFF_NEW = "The new inventory.", "Den nya inventeringen.";
    HELP_COMPARE = "Last year's inventory: the appendix says what changed.",
        "Förra årets inventering: bilagan säger vad som har ändrats.";
    HELP_BOARD_LEAVE = "Networks shown as left: `recommended` (default) or comma-separated ids.",
        "Nätverk som visas som lämnade: `recommended` (standard) eller id:n med komma emellan.";
    HELP_SHOW_NAMES = "Show the names of the people who represent the organisation.",
        "Visa namnen på dem som representerar organisationen.";
    HELP_TODAY_BOARD = "Judge warnings and notice days against this date (default today).",
        "Bedöm varningar och uppsägningsdagar mot detta datum (standard: i dag).";
    HELP_BOARD_LANG = "Language of the appendix: sv or en (default: the locale).",
        "Bilagans språk: sv eller en (standard: systemets språk).";
    HELP_BOARD_OUTPUT = "The appendix to write (atomically): NAME.docx or NAME.html.",
        "Bilagan att skriva (atomärt): NAMN.docx eller NAMN.html.";
    HELP_PUBLISH = "Write the public file: the inventory without personal data, for a web page.",
        "Skriv den publika filen: inventeringen utan personuppgifter, för en webbsida.";
    HELP_IMPORT_FILE = "The sheet: a workbook (.xlsx, .ods: the whole inventory, SPEC §10), or CSV with `;` or `,`, one row per network, a header row.",
        "Bladet: en arbetsbok (.xlsx, .ods: hela inventeringen, SPEC §10), eller CSV med `;` eller `,`, en rad per nätverk och en rubrikrad.";
    HELP_TODAY_CHECK = "Judge deadlines and ends against this date (YYYY-MM-DD; default today).",
        "Bedöm tidsfrister och slutdatum mot det här datumet (ÅÅÅÅ-MM-DD; standard i dag).";
    HELP_TODAY = "Judge the warnings shown in html and xlsx against this date (default today).",
        "Bedöm varningarna i html och xlsx mot det här datumet (standard i dag).";
    HELP_BY = "Group keys, comma-separated: network, subject, organiser, unit, kind, status, year.",
        "Grupperingar, kommaseparerade: network (nätverk), subject (ämne), organiser (arrangör), unit (enhet), kind (slag), status, year (år).";
    HELP_LEAVE = "Compute as if these networks were left: `recommended` or comma-separated ids.",
        "Räkna som om de här nätverken lämnades: `recommended` (de rekommenderade) eller kommaseparerade id.";
    HELP_LEAVE_FROM = "Year notice is given on 1 January (default: --from); needs --leave.",
        "Året då uppsägningen lämnas den 1 januari (standard: --from); kräver --leave.";
    HELP_COLUMNS = "Money columns of the table, comma-separated (default: fees, time, gross, granted, net): fees, time, travel, other, gross, granted, expected, net, expected_net.",
        "Tabellens beloppskolumner, kommaseparerade (standard: fees, time, gross, granted, net): fees (avgifter), time (arbetstid), travel (resor), other (övrigt), gross (brutto), granted (beviljat), expected (förväntat), net (netto), expected_net (förväntat netto).";
    HELP_WIDE = "All nine money columns in the table.", "Alla nio beloppskolumner i tabellen.";
    HELP_ORGANISATION = "Name of the organisation that keeps the inventory (CSV only).",
        "Namnet på organisationen som för inventeringen (bara CSV).";
    HELP_CURRENCY = "Its currency, an ISO 4217 code (CSV only; every report is in it).",
        "Dess valuta, en ISO 4217-kod (bara CSV; alla rapporter är i den).";
    HELP_CODE = "Its municipality code, e.g. 1480.", "Dess kommunkod, till exempel 1480.";
    HELP_POPULATION = "Its population (needed once a fee schedule is used).",
        "Dess folkmängd (behövs när en avgiftstrappa används).";
    HELP_RATE = "An exchange rate for fees in another currency: CUR:YEAR:RATE, e.g. EUR:2024:11,43 (repeat for more).",
        "En växelkurs för avgifter i en annan valuta: VALUTA:ÅR:KURS, till exempel EUR:2024:11,43 (upprepa för fler).";
    HELP_IMPORT_OUTPUT = "Write the inventory to this file (atomically) instead of stdout.",
        "Skriv inventeringen till den här filen (atomärt) i stället för till standard ut.";
    HELP_IMPORT_LANG = "Language of the problems: sv or en (default: the locale).",
        "Språket för problemen: sv eller en (standard: systemets språk).";
    HELP_WORKBOOK_OUTPUT = "The workbook to write (atomically).", "Arbetsboken som ska skrivas (atomärt).";
    HELP_WORKBOOK_LANG = "Language of the sheets, columns and words: sv or en (default: the locale).",
        "Språket för blad, kolumner och ord: sv eller en (standard: systemets språk).";
    HELP_SCHEMA_OUTPUT = "Write it to this file (atomically) instead of stdout.",
        "Skriv det till den här filen (atomärt) i stället för till standard ut.";
    HELP_FROM = "First year (default: this year).", "Första året (standard: i år).";
    HELP_TO = "Last year (default: this year).", "Sista året (standard: i år).";
    HELP_YEAR = "One year: the same as --from Y --to Y.", "Ett år: samma som --from Å --to Å.";
    HELP_SCOPE = "all, or central (only networks of central units).",
        "all (alla), eller central (bara nätverk för kommuncentrala enheter).";
    HELP_STATUS = "Statuses included, comma-separated (default: all but declined).",
        "Statusar som tas med, kommaseparerade (standard: alla utom declined, avböjda).";
    HELP_FORMAT = "Output format (xlsx needs -o).",
        "Utdataformat: table (tabell), json, csv, md (Markdown), html, xlsx (kräver -o) eller widget (bara report).";
    HELP_LANG = "Language of output for people (table, md, html, xlsx, messages; csv keeps its English keys): sv or en (default: Swedish when LC_ALL, LC_MESSAGES or LANG starts with sv, or when none is set and the Windows display language is Swedish; else English).",
        "Språket i utdata för människor (table, md, html, xlsx, meddelanden; csv behåller sina engelska nycklar): sv eller en (standard: svenska när LC_ALL, LC_MESSAGES eller LANG börjar med sv, eller när ingen av dem är satt och Windows visningsspråk är svenska; annars engelska).";
    HELP_OUTPUT = "Write to this file (atomically) instead of stdout.",
        "Skriv till den här filen (atomärt) i stället för till standard ut.";
    HELP_MERGE = "Merge the units' workbooks or JSON files into one inventory (SPEC §15).",
        "Slå ihop enheternas arbetsböcker eller JSON-filer till en inventering (SPEC §15).";
    HELP_MERGE_FILES = "The files to merge: natverk/1 JSON or workbooks (.xlsx, .ods), read by content.",
        "Filerna som ska slås ihop: natverk/1-JSON eller arbetsböcker (.xlsx, .ods), lästa efter innehåll.";
    HELP_MERGE_OUTPUT = "Write the inventory to this file (atomically): a name ending in .xlsx gives a workbook, any other JSON (default: JSON on stdout).",
        "Skriv inventeringen till den här filen (atomärt): ett namn som slutar på .xlsx ger en arbetsbok, alla andra JSON (standard: JSON till standard ut).";
    HELP_MERGE_LANG = "Language of the problems, the completeness table and a workbook's sheets: sv or en (default: the locale).",
        "Språk för problemen, tabellen över fullständighet och arbetsbokens blad: sv eller en (standard: språkinställningen).";
    HELP_MERGE_FORMAT = "How problems are printed: table (for people) or json (SPEC §7.2, one list for every file).",
        "Hur problemen skrivs ut: table (för människor) eller json (SPEC §7.2, en lista för alla filer).";
    HELP_HELP = "Print help", "Visa hjälpen";
    HELP_VERSION = "Print version", "Visa versionen";
    HELP_HELP_COMMAND = "Print this message or the help of the given subcommand(s)",
        "Visa den här hjälpen eller hjälpen för de angivna kommandona";
    HELP_USAGE = "Usage:", "Användning:";
    HELP_COMMANDS = "Commands:", "Kommandon:";
    HELP_ARGUMENTS = "Arguments:", "Argument:";
    HELP_OPTIONS = "Options:", "Val:";
    HELP_DEFAULT = "default: {value}", "standard: {value}";
    HELP_POSSIBLE = "possible values: {values}", "möjliga värden: {values}";
}

/// What the operating system says went wrong, in the message's language:
/// the common kinds by template, any other in the system's own words.
pub fn io_error(e: &std::io::Error) -> Arg {
    use std::io::ErrorKind as K;
    let t = match e.kind() {
        K::NotFound => &IO_NOT_FOUND,
        K::PermissionDenied => &IO_PERMISSION_DENIED,
        K::AlreadyExists => &IO_ALREADY_EXISTS,
        K::IsADirectory => &IO_IS_A_DIRECTORY,
        K::NotADirectory => &IO_NOT_A_DIRECTORY,
        K::ReadOnlyFilesystem => &IO_READ_ONLY,
        K::StorageFull => &IO_STORAGE_FULL,
        K::QuotaExceeded => &IO_QUOTA,
        K::FileTooLarge => &IO_FILE_TOO_LARGE,
        K::InvalidFilename => &IO_INVALID_NAME,
        K::BrokenPipe => &IO_BROKEN_PIPE,
        K::ResourceBusy => &IO_BUSY,
        K::OutOfMemory => &IO_OUT_OF_MEMORY,
        K::InvalidData => &IO_INVALID_DATA,
        K::UnexpectedEof => &IO_UNEXPECTED_EOF,
        _ => return Arg::Text(e.to_string()),
    };
    Arg::Message(Box::new(Message::new(t)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_languages_have_the_same_values() {
        for t in super::ALL {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(t.en), names(t.sv), "{}", t.key);
            assert!(
                t.en.is_empty() || t.en == "{text}" || t.en != t.sv,
                "{}",
                t.key
            );
        }
    }
}
