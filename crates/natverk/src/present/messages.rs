//! Every finding message, in English and Swedish (klarspråk). The English
//! texts are those of the conformance corpus; `{name}` is a value.

use super::Template;

macro_rules! templates {
    ($($name:ident = $en:literal, $sv:literal;)+) => {
        $(
            #[doc = $en]
            pub(crate) static $name: Template =
                Template { key: stringify!($name), en: $en, sv: swedish(stringify!($name), $sv) };
        )+
        /// Every template.
        pub(crate) static ALL: &[&Template] = &[$(&$name),+];
    };
}

/// The templates whose Swedish a build without the feature `vocabulary`
/// carries: the warnings of `check` (SPEC §6). Such a build (the widget's
/// lean WebAssembly module) shows the Swedish of no other message: a file's
/// errors reach it in English (the JavaScript API's `findings`), so their
/// Swedish texts are left out of it and [`Template::text`] gives the English
/// one. A test reads `check.rs` for the templates it uses.
///
/// [`Template::text`]: super::Template::text
pub(crate) const WARNINGS: &[&str] = &[
    "CHECK_TOO_MUCH_WORK",
    "DEADLINE_PASSED",
    "DEADLINE_SOON",
    "ENDED_BUT_ACTIVE",
    "GENDER_IMBALANCE",
    "NOTICE_SOON",
    "NO_COSTS",
    "NO_OFFICIAL",
    "NO_OPPOSITION",
    "NO_PARTICIPANTS",
    "NO_POLITICIAN",
    "OVERFINANCED",
    "UNCOSTED_TIME",
];

/// The Swedish text of template `key` as this build carries it: all of
/// them with the feature `vocabulary`, else only the warnings' (empty for
/// the others: chosen while compiling, so their texts are not in the binary).
const fn swedish(key: &'static str, sv: &'static str) -> &'static str {
    if cfg!(feature = "vocabulary") {
        return sv;
    }
    let mut i = 0;
    while i < WARNINGS.len() {
        let w = WARNINGS[i].as_bytes();
        let k = key.as_bytes();
        if w.len() == k.len() {
            let mut j = 0;
            while j < k.len() && w[j] == k[j] {
                j += 1;
            }
            if j == k.len() {
                return sv;
            }
        }
        i += 1;
    }
    ""
}

templates! {
    // ---- the file as a whole -------------------------------------------------
    FILE_TOO_LARGE = "the file is {size} bytes; at most {limit} bytes are accepted: split the inventory",
        "filen är {size} byte; högst {limit} byte tas emot: dela upp inventeringen";
    INVALID_UTF8 = "invalid UTF-8 at byte {at}: save the file as UTF-8",
        "ogiltig UTF-8 vid byte {at}: spara filen som UTF-8";
    INVALID_JSON = "invalid JSON: {detail}: fix the syntax at this line and column",
        "ogiltig JSON: {detail}: rätta syntaxen på den här raden och kolumnen";
    // What serde_json says is wrong with the syntax: the English texts are
    // serde_json's own, word for word, so that one lookup finds the Swedish.
    JSON_EOF_LIST = "EOF while parsing a list", "filen tar slut inne i en lista (`]` saknas)";
    JSON_EOF_OBJECT = "EOF while parsing an object", "filen tar slut inne i ett objekt (`}` saknas)";
    JSON_EOF_STRING = "EOF while parsing a string", "filen tar slut inne i en text (`\"` saknas)";
    JSON_EOF_VALUE = "EOF while parsing a value", "filen tar slut där ett värde ska stå";
    JSON_EXPECTED_COLON = "expected `:`", "här ska det stå `:`";
    JSON_EXPECTED_LIST_END = "expected `,` or `]`", "här ska det stå `,` eller `]`";
    JSON_EXPECTED_OBJECT_END = "expected `,` or `}`", "här ska det stå `,` eller `}`";
    JSON_EXPECTED_IDENT = "expected ident", "här ska det stå true, false eller null";
    JSON_EXPECTED_VALUE = "expected value", "här ska det stå ett värde";
    JSON_EXPECTED_QUOTE = "expected `\"`", "här ska det stå `\"`";
    JSON_INVALID_ESCAPE = "invalid escape", "ogiltig escape-sekvens efter `\\`";
    JSON_INVALID_NUMBER = "invalid number", "ogiltigt tal";
    JSON_NUMBER_RANGE = "number out of range", "talet är för stort";
    JSON_INVALID_CODE_POINT = "invalid unicode code point", "ogiltig Unicode-kod";
    JSON_CONTROL_CHARACTER = "control character (\\u0000-\\u001F) found while parsing a string",
        "ett styrtecken (\\u0000–\\u001F) står direkt i en text: skriv det som en escape-sekvens";
    JSON_KEY_STRING = "key must be a string", "en nyckel ska vara en text inom citattecken";
    JSON_LONE_SURROGATE = "lone leading surrogate in hex escape", "ett ensamt surrogattecken i en \\u-escape";
    JSON_TRAILING_COMMA = "trailing comma", "ett kommatecken för mycket före `]` eller `}`";
    JSON_TRAILING_CHARACTERS = "trailing characters", "det står tecken efter inventeringens slut";
    JSON_END_OF_HEX = "unexpected end of hex escape", "en \\u-escape slutar för tidigt";
    JSON_RECURSION = "recursion limit exceeded", "för djupt nästlad";
    UNSUPPORTED_FORMAT = "unsupported format `{found}`: this version reads `{format}`",
        "formatet `{found}` stöds inte: den här versionen läser `{format}`";
    NEEDS_FORMAT = "the file needs `\"format\": \"{format}\"` at the top level",
        "filen behöver `\"format\": \"{format}\"` på översta nivån";
    NEEDS_ORGANISATION = "the file needs an `organisation` with `name` and `currency`",
        "filen behöver en `organisation` med `name` och `currency`";

    // ---- keys ----------------------------------------------------------------
    UNKNOWN_FIELD = "unknown field `{key}` in {what}: did you mean `{nearest}`? (known fields: {known})",
        "okänt fält `{key}` i {what}: menar du `{nearest}`? (kända fält: {known})";
    DUPLICATE_KEY = "key `{key}` is given twice in one object: keep one",
        "nyckeln `{key}` står två gånger i samma objekt: behåll en";
    NEEDS_KEY = "{what} needs `{key}`: add it",
        "{what} behöver `{key}`: lägg till det";
    NEEDS_KEY_NOT_NULL = "{what} needs `{key}`, and null is not a value: give one",
        "{what} behöver `{key}`, och null är inget värde: ange ett";

    // ---- values --------------------------------------------------------------
    EXPECTED_OBJECT = "expected {what} (an object), found {found}",
        "här ska det stå {what} (ett objekt), men det står {found}";
    EXPECTED_LIST = "expected a list (an array) of {what}, found {found}",
        "här ska det stå en lista med {what}, men det står {found}";
    EXPECTED_STRING = "expected a string, found {found}",
        "här ska det stå en text, men det står {found}";
    EXPECTED_BOOL = "expected true or false, found {found}",
        "här ska det stå true eller false, men det står {found}";
    EXPECTED_DECIMAL = "expected a decimal (a number or a string such as \"650.50\"), found {found}",
        "här ska det stå ett decimaltal (ett tal eller en text som \"650.50\"), men det står {found}";
    EXPECTED_INTEGER = "expected a whole number, found {found}",
        "här ska det stå ett heltal, men det står {found}";
    EXPECTED_INTEGER_TEXT = "expected a whole number, found `{found}`",
        "här ska det stå ett heltal, men det står `{found}`";
    OUT_OF_RANGE = "`{value}` is out of range: expected {min} to {max}",
        "`{value}` ligger utanför det tillåtna: skriv {min} till {max}";
    NOT_EMPTY = "must not be empty: write a value or leave the key out",
        "får inte vara tomt: skriv ett värde eller ta bort nyckeln";
    LONE_SURROGATE = "the text holds a lone surrogate escape (`{escape}`), which is not a character: write the whole character or remove the escape",
        "texten innehåller en ensam surrogat-escape (`{escape}`), som inte är något tecken: skriv hela tecknet eller ta bort escape-sekvensen";
    DECIMAL_EXPONENT = "invalid decimal `{value}`: write it without an exponent",
        "ogiltigt decimaltal `{value}`: skriv det utan exponent";
    DECIMAL_SEPARATORS = "invalid decimal `{value}`: write it without thousands separators, with `.` as decimal point",
        "ogiltigt decimaltal `{value}`: skriv det utan tusentalsavgränsare och med `.` som decimaltecken";
    DECIMAL_SHAPE = "invalid decimal `{value}`: expected digits with an optional `.` and decimals",
        "ogiltigt decimaltal `{value}`: skriv siffror, eventuellt med `.` och decimaler";
    DECIMAL_DIGITS = "invalid decimal `{value}`: too many digits (at most 28 significant digits fit)",
        "ogiltigt decimaltal `{value}`: för många siffror (högst 28 gällande siffror får plats)";
    NEGATIVE = "negative value `{value}`: must be 0 or more",
        "negativt värde `{value}`: måste vara 0 eller mer";
    INVALID_DATE = "invalid date `{value}`: write YYYY-MM-DD, e.g. 2024-03-01",
        "ogiltigt datum `{value}`: skriv ÅÅÅÅ-MM-DD, t.ex. 2024-03-01";
    INVALID_CURRENCY = "invalid currency `{value}`: write an ISO 4217 code of three capital letters, e.g. SEK or EUR",
        "ogiltig valuta `{value}`: skriv en ISO 4217-kod med tre versaler, t.ex. SEK eller EUR";
    UNKNOWN_WORD = "unknown {what} `{value}`: expected one of {words}",
        "okänt värde för {what}, `{value}`: skriv något av {words}";
    UNKNOWN_GENDER = "unknown gender `{value}`: expected woman, man or other (leave the key out if unknown)",
        "okänt kön `{value}`: skriv woman, man eller other (ta bort nyckeln om det är okänt)";
    UNKNOWN_ROLE = "unknown role `{value}`: expected politician or official",
        "okänd roll `{value}`: skriv politician eller official";
    UNKNOWN_SIDE = "unknown side `{value}`: expected majority or opposition",
        "okänd sida `{value}`: skriv majority eller opposition";
    SHARE_RANGE = "share `{value}` is out of range: expected above 0 and at most 1 (e.g. 0.5 for half)",
        "andelen `{value}` ligger utanför det tillåtna: skriv mer än 0 och högst 1 (t.ex. 0.5 för hälften)";
    PROBABILITY_RANGE = "probability `{value}` is out of range: expected 0 to 1 (e.g. 0.8)",
        "sannolikheten `{value}` ligger utanför det tillåtna: skriv 0 till 1 (t.ex. 0.8)";
    RATE_POSITIVE = "rate `{value}` must be above 0",
        "kursen `{value}` måste vara större än 0";

    // ---- ids and references -------------------------------------------------
    DUPLICATE_ID = "duplicate id `{id}`: every id must be unique in its list",
        "id `{id}` finns redan: varje id måste vara unikt i sin lista";
    DUPLICATE_RATE = "a second rate for {currency} in {year}: keep one per currency and year",
        "en andra kurs för {currency} år {year}: behåll en per valuta och år";
    DUPLICATE_PARTICIPANT = "person `{id}` sits in this network twice: keep one entry",
        "personen `{id}` sitter två gånger i det här nätverket: behåll en rad";
    UNKNOWN_REFERENCE = "unknown {what} `{id}`: add it to `{key}` or fix the id",
        "okänd {what} `{id}`: lägg till den i `{key}` eller rätta id:t";
    RATE_FOR_OWN_CURRENCY = "a rate for `{currency}`, the organisation currency: remove it (its rate is always 1)",
        "en kurs för `{currency}`, organisationens egen valuta: ta bort den (dess kurs är alltid 1)";
    MISSING_RATE_AT_LOAD = "no exchange rate for `{currency}`: add one to `exchange_rates` (organisation currency per 1 {currency})",
        "det finns ingen växelkurs för `{currency}`: lägg till en i `exchange_rates` (organisationens valuta per 1 {currency})";
    MISSING_POPULATION_AT_LOAD = "fee schedule `{id}` needs the organisation's population: add `organisation.population`",
        "avgiftsskalan `{id}` behöver organisationens folkmängd: lägg till `organisation.population`";

    // ---- population ----------------------------------------------------------
    EXPECTED_POPULATION = "expected a population (a whole number, or an object such as {\"2023\": 604616}), found {found}",
        "här ska det stå en folkmängd (ett heltal, eller ett objekt som {\"2023\": 604616}), men det står {found}";
    NOT_A_YEAR = "`{key}` is not a year: the keys of a population by year are years such as \"2023\"",
        "`{key}` är inget år: nycklarna i en folkmängd per år är år som \"2023\"";
    YEAR_TWICE = "year `{year}` is given twice: keep one",
        "året `{year}` står två gånger: behåll ett";
    POPULATION_EMPTY = "a population by year needs at least one year, e.g. {\"2023\": 604616}",
        "en folkmängd per år behöver minst ett år, t.ex. {\"2023\": 604616}";

    // ---- people --------------------------------------------------------------
    POLITICIAN_NEEDS_SIDE = "a politician needs `side`: majority or opposition",
        "en politiker behöver `side`: majority eller opposition";
    OFFICIAL_HAS_NO_SIDE = "an official has no side: remove `side` or make the person a politician",
        "en tjänsteperson har ingen sida: ta bort `side` eller gör personen till politiker";

    // ---- fee schedules -------------------------------------------------------
    SCHEDULE_BOTH = "a fee schedule has either `tiers` or `per_capita`, not both: remove one",
        "en avgiftsskala har antingen `tiers` eller `per_capita`, inte båda: ta bort den ena";
    SCHEDULE_NEITHER = "a fee schedule needs `tiers` or `per_capita`: add one",
        "en avgiftsskala behöver `tiers` eller `per_capita`: lägg till den ena";
    TIERS_EMPTY = "`tiers` is empty: give at least one tier, the last without `max_population`",
        "`tiers` är tom: ange minst ett steg, det sista utan `max_population`";
    TIER_OPEN_NOT_LAST = "only the last tier may leave out `max_population`: add it",
        "bara det sista steget får sakna `max_population`: lägg till det";
    TIER_LAST_CLOSED = "the last tier is the open top and has no `max_population`: remove it or add a last tier without it",
        "det sista steget är det öppna översta steget och har ingen `max_population`: ta bort den eller lägg till ett sista steg utan den";
    TIER_NOT_RISING = "`max_population` {value} is not above the previous tier's {previous}: the tiers must rise strictly",
        "`max_population` {value} är inte större än föregående stegs {previous}: stegen måste öka";
    MIN_ABOVE_MAX = "`min` {min} is above `max` {max}: swap or fix them",
        "`min` {min} är större än `max` {max}: byt plats på dem eller rätta dem";

    // ---- costs ---------------------------------------------------------------
    COST_BOTH = "a cost has either `amount` or `schedule`, not both: remove one",
        "en kostnad har antingen `amount` eller `schedule`, inte båda: ta bort den ena";
    COST_NEITHER = "a cost needs `amount` or `schedule`: add one",
        "en kostnad behöver `amount` eller `schedule`: lägg till den ena";
    CURRENCY_WITH_SCHEDULE = "`currency` goes with `amount`; a schedule has its own currency: remove it",
        "`currency` hör ihop med `amount`; en avgiftsskala har sin egen valuta: ta bort den";
    YEARLY_KEY_ON_ONCE = "`{key}` goes with `\"per\": \"year\"`, not with a once cost: remove it or use `date`",
        "`{key}` hör ihop med `\"per\": \"year\"`, inte med en engångskostnad: ta bort den eller använd `date`";
    DATE_ON_YEARLY = "`date` goes with `\"per\": \"once\"`: remove it or add `\"per\": \"once\"`",
        "`date` hör ihop med `\"per\": \"once\"`: ta bort den eller lägg till `\"per\": \"once\"`";
    TO_BEFORE_FROM = "`to` {to} is before `from` {from}: fix one of them",
        "`to` {to} ligger före `from` {from}: rätta ett av dem";
    END_BEFORE_START = "`end` {end} is before `start` {start}: fix one of them",
        "`end` {end} ligger före `start` {start}: rätta ett av dem";

    // ---- networks ------------------------------------------------------------
    EMPTY_SUBJECT = "empty subject: remove it",
        "tomt sakområde: ta bort det";
    SUBJECT_TWICE = "subject `{value}` is listed twice: keep one",
        "sakområdet `{value}` står två gånger: behåll ett";
    EXPECTED_SUBJECTS = "expected a list of subjects, e.g. [\"jämställdhet\"], found {found}",
        "här ska det stå en lista med sakområden, t.ex. [\"jämställdhet\"], men det står {found}";
    SUBJECT_NULL = "expected a subject (a string), found null",
        "här ska det stå ett sakområde (en text), men det står null";

    // ---- financing -----------------------------------------------------------
    NEEDS_PROBABILITY = "expected or applied financing needs `probability` (0 to 1): add it",
        "förväntad eller sökt finansiering behöver `probability` (0 till 1): lägg till den";
    NO_PROBABILITY = "{status} financing has no probability: remove `probability`",
        "finansiering med status {status} har ingen sannolikhet: ta bort `probability`";

    // ---- reports -------------------------------------------------------------
    MISSING_POPULATION = "fee schedule `{id}` needs the population of {year} (for {for_year}) and the file has none that early: add it to `organisation.population`",
        "avgiftsskalan `{id}` behöver folkmängden för {year} (för {for_year}) och filen har ingen så tidig: lägg till den i `organisation.population`";
    MISSING_RATE = "no exchange rate for {currency} in {year} or earlier: add one to `exchange_rates`",
        "det finns ingen växelkurs för {currency} år {year} eller tidigare: lägg till en i `exchange_rates`";
    SUM_OVERFLOW = "a sum is too large for exact decimal arithmetic (about 7.9e28): check the amounts for a typo",
        "en summa är för stor för exakt decimalräkning (omkring 7,9e28): se efter om något belopp är felskrivet";
    TOTAL_OVERFLOW = "a total is too large for exact decimal arithmetic (about 7.9e28): check the amounts for a typo",
        "en totalsumma är för stor för exakt decimalräkning (omkring 7,9e28): se efter om något belopp är felskrivet";
    TOO_MANY_ROWS = "the report would have more than {limit} {what}: report fewer years, a scope or fewer statuses",
        "rapporten skulle få fler än {limit} {what}: ta med färre år, ett urval eller färre statusar";
    TOO_MUCH_WORK = "the report would compute {count} {what}, over the limit of {limit} for an inventory of this size: report fewer years, group by fewer keys (not by subject), or choose a scope or fewer statuses",
        "rapporten skulle behöva räkna {count} {what}, över gränsen på {limit} för en inventering av den här storleken: ta med färre år, gruppera efter färre nycklar (inte efter sakområde), eller välj ett urval eller färre statusar";
    CALENDAR_TOO_LARGE = "the calendar would list {count} dates, over the limit of {limit} for an inventory of this size: ask for fewer years",
        "kalendern skulle få {count} datum, över gränsen {limit} för en inventering av den här storleken: be om färre år";
    DIFF_CURRENCIES = "the two inventories are in different currencies, {old} (old) and {new} (new), so their figures cannot be compared: compare inventories kept in the same currency",
        "de två inventeringarna har olika valutor, {old} (den gamla) och {new} (den nya), så beloppen går inte att jämföra: jämför inventeringar i samma valuta";
    CHECK_TOO_MUCH_WORK = "the overfinanced check would evaluate {count} cost-years, over the limit of {limit} for an inventory of this size, so it was not run: shorten networks that run for centuries or merge their many costs",
        "kontrollen av överfinansiering skulle behöva räkna {count} kostnadsår, över gränsen på {limit} för en inventering av den här storleken, så den gjordes inte: korta nätverk som pågår i århundraden eller slå ihop deras många kostnader";
    TOO_MANY_FINDINGS = "{count} more problems are not listed: a file of this size lists at most {limit}, the limit; fix the ones listed and check again",
        "ytterligare {count} problem listas inte: en fil av den här storleken listar högst {limit}, gränsen; rätta de som listas och kontrollera igen";
    TOO_MANY_LINES = "the report would have more than {limit} lines, the limit for an inventory of this size: report fewer years or group by fewer keys",
        "rapporten skulle få fler än {limit} rader, gränsen för en inventering av den här storleken: ta med färre år eller gruppera efter färre nycklar";
    UNKNOWN_LEAVE = "unknown network `{id}` in `leave`: use an id from the inventory",
        "okänt nätverk `{id}` i `leave`: använd ett id från inventeringen";
    UNKNOWN_LEAVE_WORD = "unknown network `{id}` in `leave`: did you mean `recommended` (the networks whose assessment recommends leaving)?",
        "okänt nätverk `{id}` i `leave`: menar du `recommended` (de nätverk vars bedömning rekommenderar att lämna)?";

    // ---- options -------------------------------------------------------------
    YEAR_RANGE = "year {year} is out of range: expected {min} to {max}",
        "året {year} ligger utanför det tillåtna: skriv {min} till {max}";
    OPTIONS_TO_BEFORE_FROM = "`to` {to} is before `from` {from}: swap them",
        "`to` {to} ligger före `from` {from}: byt plats på dem";
    SPAN_TOO_LONG = "a report spans at most {limit} years; {from} to {to} is more",
        "en rapport omfattar högst {limit} år; {from} till {to} är fler";
    KEY_TWICE = "group key `{key}` is given twice: give it once",
        "grupperingen `{key}` står två gånger: ange den en gång";
    INVALID_OPTIONS = "invalid options: {detail}",
        "ogiltiga val: {detail}";
    LEAVE_FROM_WITHOUT_LEAVE = "`leave_from` goes with `leave`: name the networks that leave, or remove `leave_from`",
        "`leave_from` hör ihop med `leave`: ange vilka nätverk som lämnas, eller ta bort `leave_from`";

    // ---- warnings ------------------------------------------------------------
    NO_COSTS = "network `{id}` has no costs and no costed staff time: add its fees, or hours with an hourly cost",
        "nätverket `{id}` har inga kostnader och ingen kostnadsberäknad arbetstid: lägg till avgifterna, eller timmar med en timkostnad";
    NO_PARTICIPANTS = "network `{id}` has no participants: add who represents the organisation",
        "nätverket `{id}` har inga deltagare: lägg till vem som företräder organisationen";
    NO_OPPOSITION = "politicians sit in `{id}`, none from the opposition: consider an opposition seat",
        "det finns inga politiker från oppositionen i `{id}`: överväg en plats för oppositionen";
    NO_POLITICIAN = "programme `{id}` has no politician: a programme's delegation usually includes the responsible politician",
        "programmet `{id}` har ingen politiker: i ett programs delegation brukar den ansvariga politikern ingå";
    NO_OFFICIAL = "programme `{id}` has no official: a programme's delegation usually includes officials",
        "programmet `{id}` har ingen tjänsteperson: i ett programs delegation brukar tjänstepersoner ingå";
    GENDER_IMBALANCE = "`{id}` has {women} women and {men} men: a balanced delegation has 40–60 % of each",
        "`{id}` har {women} kvinnor och {men} män: en jämn delegation har 40–60 % av vardera";
    DEADLINE_PASSED = "the deadline of `{id}` passed on {date}: decide the proposal or mark it declined",
        "sista dagen för `{id}` var {date}: fatta beslut om förslaget eller markera det som avböjt";
    DEADLINE_SOON = "the deadline of `{id}` is {date}, in {days} days: decide before then",
        "sista dagen för `{id}` är {date}, om {days} dagar: fatta beslut före dess";
    NOTICE_SOON = "the last day to give notice on `{id}` so that it ends with {year} is {date}, in {days} days: decide before then whether to stay",
        "sista dagen att säga upp `{id}` så att det upphör vid utgången av {year} är {date}, om {days} dagar: bestäm före dess om ni ska vara kvar";
    ENDED_BUT_ACTIVE = "`{id}` ended on {date} but its status is active: set status `ended` or a later end",
        "`{id}` slutade {date} men har status aktiv: sätt status `ended` eller ett senare slutdatum";
    UNCOSTED_TIME = "person `{id}` spends {hours} hours a year here but has no `hourly_cost`: the time is not costed",
        "personen `{id}` lägger {hours} timmar om året här men har ingen `hourly_cost`: tiden räknas inte som kostnad";
    OVERFINANCED = "the financing of `{id}` exceeds its cost in {years}: check shares and caps",
        "finansieringen av `{id}` är större än kostnaden år {years}: se över andelar och tak";

    // ---- limits (SPEC §9) ----------------------------------------------------

    // ---- workbook (SPEC §10) ---------------------------------------------------
    WB_UNREADABLE = "cannot read the workbook: {detail}: save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)",
        "arbetsboken går inte att läsa: {detail}: spara den som Excel-arbetsbok (.xlsx) eller OpenDocument-kalkylark (.ods)";
    WB_TOO_LARGE = "the workbook holds more than {limit} {what}, the limit for a workbook of its size: split the inventory",
        "arbetsboken innehåller mer än {limit} {what}, gränsen för en arbetsbok av dess storlek: dela upp inventeringen";
    WB_SHEET_IGNORED = "sheet `{name}` is none of the format's sheets and is not read: if it holds data to import, name it as one of {names}",
        "bladet `{name}` är inget av formatets blad och läses inte: om det har uppgifter som ska läsas in, ge det namnet på ett av {names}";
    WB_SHEET_READ_AS = "sheet `{name}` is read as the sheet `{sheet}`: rename it `{sheet}` if that is right",
        "bladet `{name}` läses som bladet `{sheet}`: byt namn på det till `{sheet}` om det stämmer";
    WB_SHEET_AMBIGUOUS = "sheet `{name}` could be the sheet `{sheet}`, but so could sheet `{other}`: keep one of them, or rename the other",
        "bladet `{name}` kan vara bladet `{sheet}`, men det kan också bladet `{other}`: behåll ett av dem eller byt namn på det andra";
    WB_SHEET_NEAR_TWICE = "sheet `{name}` looks like the sheet `{sheet}`, which the workbook has already as `{other}`: move its rows there, or rename it",
        "bladet `{name}` liknar bladet `{sheet}`, som arbetsboken redan har som `{other}`: flytta raderna dit, eller byt namn på det";
    WB_COLUMN_IGNORED = "column `{name}` is none of the sheet's columns and is not read (the columns are {names})",
        "kolumnen `{name}` är ingen av bladets kolumner och läses inte (kolumnerna är {names})";
    WB_COLUMN_READ_AS = "column `{name}` is read as the column `{column}`: rename it `{column}` if that is right",
        "kolumnen `{name}` läses som kolumnen `{column}`: byt namn på den till `{column}` om det stämmer";
    WB_SHEET_TWICE = "sheet `{name}` is the same as sheet `{other}`: keep one of them",
        "bladet `{name}` är samma som bladet `{other}`: behåll ett av dem";
    WB_MISSING_SHEET = "the workbook has no sheet `{name}`: add it, with the organisation's name and currency on row 2",
        "arbetsboken har inget blad `{name}`: lägg till det, med organisationens namn och valuta på rad 2";
    WB_COLUMN_TWICE = "column `{name}` is the same as column `{other}`: keep one of them",
        "kolumnen `{name}` är samma som kolumnen `{other}`: behåll en av dem";
    WB_NO_HEADING = "a value in a column without a heading: name the column (the columns are {names}) or clear it",
        "ett värde i en kolumn utan rubrik: ge kolumnen ett namn (kolumnerna är {names}) eller töm den";
    WB_MISSING_COLUMN = "the sheet has no column `{name}`: add it to the heading row",
        "bladet har ingen kolumn `{name}`: lägg till den i rubrikraden";
    WB_NO_ORGANISATION = "the organisation has no row: fill in its name and currency on the row under the headings",
        "organisationen saknar rad: fyll i namn och valuta på raden under rubrikerna";
    WB_SECOND_ORGANISATION = "a second row for the organisation: the sheet has one row, remove this one",
        "en andra rad för organisationen: bladet har en rad, ta bort den här";
    WB_REQUIRED = "empty cell: {what} needs `{column}`: fill it in",
        "tom cell: {what} behöver `{column}`: fyll i den";
    WB_DECIMAL = "invalid number `{value}`: write digits with a decimal comma or point, e.g. 65 000,50 or 65000.50",
        "ogiltigt tal `{value}`: skriv siffror med decimalkomma eller decimalpunkt, t.ex. 65 000,50 eller 65000.50";
    WB_AMBIGUOUS = "ambiguous number `{value}`: write `{whole} {digits}` for thousands or `{whole}.{fraction}` for decimals",
        "tvetydigt tal `{value}`: skriv `{whole} {digits}` för tusental eller `{whole},{fraction}` för decimaler";
    WB_SHARE = "invalid share `{value}`: write a number above 0 and at most 1, or a percentage, e.g. 0.5 or 50 %",
        "ogiltig andel `{value}`: skriv ett tal över 0 och högst 1, eller procent, t.ex. 0,5 eller 50 %";
    WB_PROBABILITY = "invalid probability `{value}`: write a number from 0 to 1, or a percentage, e.g. 0.8 or 80 %",
        "ogiltig sannolikhet `{value}`: skriv ett tal från 0 till 1, eller procent, t.ex. 0,8 eller 80 %";
    WB_INTEGER = "invalid whole number `{value}`: write digits without decimals, e.g. {example}",
        "ogiltigt heltal `{value}`: skriv siffror utan decimaler, t.ex. {example}";
    WB_DATE = "invalid date `{value}`: write YYYY-MM-DD or use a date cell, e.g. 2024-03-01",
        "ogiltigt datum `{value}`: skriv ÅÅÅÅ-MM-DD eller använd en datumcell, t.ex. 2024-03-01";
    WB_BOOL = "invalid yes or no `{value}`: write TRUE or FALSE (ja or nej work too)",
        "ogiltigt ja eller nej `{value}`: skriv SANT eller FALSKT (ja eller nej går också)";
    WB_WORD = "unknown {what} `{value}`: choose one of {words} (in Swedish: {words_sv})",
        "okänt värde för {what}, `{value}`: välj något av {words_sv} (på engelska: {words})";
    WB_DATE_OUT_OF_RANGE = "the date cell's serial number {serial} is outside the dates a spreadsheet holds (1900-01-01 to 9999-12-31): type the date as text, YYYY-MM-DD",
        "datumcellens serienummer {serial} ligger utanför de datum ett kalkylark rymmer (1900-01-01 till 9999-12-31): skriv datumet som text, ÅÅÅÅ-MM-DD";
    WB_CELL_ERROR = "the cell shows the error `{value}`: fix its formula or type the value",
        "cellen visar felet `{value}`: rätta formeln eller skriv in värdet";
    WB_NO_PARENT = "no row with id `{id}` on sheet `{sheet}`: use an id from that sheet, or add the row there",
        "det finns ingen rad med id `{id}` på bladet `{sheet}`: använd ett id från det bladet, eller lägg till raden där";
    WB_NO_PARENT_NEAREST = "no row with id `{id}` on sheet `{sheet}`: did you mean `{nearest}`? Use an id from that sheet, or add the row there",
        "det finns ingen rad med id `{id}` på bladet `{sheet}`: menar du `{nearest}`? Använd ett id från det bladet, eller lägg till raden där";
    WB_POPULATION_YEAR = "a population by year needs a year on every row: fill in the year (one row without a year is a population that is the same every year)",
        "en folkmängd per år behöver ett år på varje rad: fyll i året (en enda rad utan år är en folkmängd som är densamma alla år)";
    // ---- merging the units' files (SPEC §15) ------------------------------------
    MERGE_CONFLICT = "{item} differs between the files: {a} in {first}, {b} in {second}: make them the same in both files",
        "{item} skiljer sig mellan filerna: {a} i {first}, {b} i {second}: gör dem lika i båda filerna";
    MERGE_WHERE = "file `{file}` ({place})", "filen `{file}` ({place})";
    MERGE_AT_PATH = "at {path}", "vid {path}";
    MERGE_FILE_FINDING = "in `{file}`: {text}", "i `{file}`: {text}";
    MERGE_FILE_PLACE_FINDING = "in `{file}`, {place}: {text}", "i `{file}`, {place}: {text}";
    MERGE_ITEM_ORGANISATION = "the organisation's `{field}`", "organisationens `{field}`";
    MERGE_ITEM_POPULATION = "the population", "folkmängden";
    MERGE_ITEM_POPULATION_YEAR = "the population of {year}", "folkmängden år {year}";
    MERGE_ITEM_UNIT = "unit `{id}`", "enheten `{id}`";
    MERGE_ITEM_PERSON = "person `{id}`", "personen `{id}`";
    MERGE_ITEM_SCHEDULE = "fee schedule `{id}`", "avgiftsskalan `{id}`";
    MERGE_ITEM_RATE = "the exchange rate for {currency} in {year}", "växelkursen för {currency} år {year}";
    MERGE_ITEM_NETWORK = "network `{id}`", "nätverket `{id}`";
    MERGE_ITEM_PARTICIPANT = "person `{person}` in network `{id}`", "personen `{person}` i nätverket `{id}`";
    MERGE_NOTHING = "no file: give at least one inventory to merge",
        "ingen fil: ange minst en inventering att slå ihop";
    WB_SUBJECT_QUOTE = "unclosed quote in `{value}`: end the quoted subject with \"",
        "citattecknet i `{value}` avslutas aldrig: avsluta sakområdet inom citattecken med \"";
}

/// The `JSON_*` templates, whose English is serde_json's own text of a
/// syntax error (the loader finds the Swedish by it). Listed apart from
/// [`ALL`] so that a build that only loads files does not link every
/// template (the widget's lean WebAssembly module).
pub(crate) static JSON_SYNTAX: &[&Template] = &[
    &JSON_EOF_LIST,
    &JSON_EOF_OBJECT,
    &JSON_EOF_STRING,
    &JSON_EOF_VALUE,
    &JSON_EXPECTED_COLON,
    &JSON_EXPECTED_LIST_END,
    &JSON_EXPECTED_OBJECT_END,
    &JSON_EXPECTED_IDENT,
    &JSON_EXPECTED_VALUE,
    &JSON_EXPECTED_QUOTE,
    &JSON_INVALID_ESCAPE,
    &JSON_INVALID_NUMBER,
    &JSON_NUMBER_RANGE,
    &JSON_INVALID_CODE_POINT,
    &JSON_CONTROL_CHARACTER,
    &JSON_KEY_STRING,
    &JSON_LONE_SURROGATE,
    &JSON_TRAILING_COMMA,
    &JSON_TRAILING_CHARACTERS,
    &JSON_END_OF_HEX,
    &JSON_RECURSION,
];

#[cfg(test)]
mod tests {
    use super::{ALL, JSON_SYNTAX};

    /// Every template `check` uses is one whose Swedish the lean build
    /// keeps, and each of those exists.
    #[test]
    fn the_warnings_keep_their_swedish() {
        let text = include_str!("../check.rs");
        let mut used: Vec<&str> = text
            .split("m::")
            .skip(1)
            .map(|s| {
                s.split(|c: char| !(c.is_ascii_uppercase() || c == '_'))
                    .next()
                    .unwrap_or("")
            })
            .filter(|s| !s.is_empty())
            .collect();
        used.sort_unstable();
        used.dedup();
        assert!(used.len() >= 10, "{used:?}");
        // The lean build carries no Swedish words: a warning takes none.
        for word in ["Arg::Message", "Arg::Label", "label("] {
            assert!(!text.contains(word), "check.rs uses {word}");
        }
        for u in &used {
            assert!(super::WARNINGS.contains(u), "{u} is not in WARNINGS");
        }
        for w in super::WARNINGS {
            assert!(ALL.iter().any(|t| t.key == *w), "{w} is no template");
        }
    }

    #[test]
    fn the_json_syntax_list_is_every_json_template() {
        let json: Vec<&str> = ALL
            .iter()
            .filter(|t| t.key.starts_with("JSON_"))
            .map(|t| t.key)
            .collect();
        let listed: Vec<&str> = JSON_SYNTAX.iter().map(|t| t.key).collect();
        assert_eq!(listed, json);
    }

    fn placeholders(t: &str) -> Vec<&str> {
        let mut out: Vec<&str> = t
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !n.is_empty())
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_have_the_same_values() {
        for t in ALL {
            assert_eq!(placeholders(t.en), placeholders(t.sv), "{}", t.key);
            assert_ne!(t.en, t.sv, "{} is not translated", t.key);
        }
    }
}
