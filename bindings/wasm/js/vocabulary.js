// Every word the widget shows, in Swedish and English: one flat object of
// key → text per language. Texts with a value to insert name it in braces
// (`{count}`), filled by the widget's `t(key, values)`.
//
// Key scheme (shared with the core's `present::vocabulary(lang)`, which is to
// generate this file; until then it is kept by hand and checked by
// test/vocabulary.test.mjs: both languages have the same keys and the same
// placeholders, and the widget uses no key that is missing here):
//   money.<field>   the nine money fields of SPEC §5.1
//   key.<key>       group keys and `name`
//   kind.<word> status.<word> scope.<word>  enum words of the file format
//   gender.<word> role.<word> side.<word>   counted heads (plural)
//   person.<word>   the same words about one person (singular)
//   severity.<word>
//   currency.<code> a currency's name in running text, lower-case ISO code
//                   (a currency without one is written as its code)
//   ui.<name>       the widget's own texts; ui.money, ui.group_mark and
//                   ui.decimal_mark write amounts (SPEC §11)

export const VOCABULARY = {
  en: {
    'money.fees': 'Fees',
    'money.time': 'Staff time',
    'money.travel': 'Travel',
    'money.other': 'Other',
    'money.gross': 'Gross',
    'money.granted': 'Granted',
    'money.expected': 'Expected',
    'money.net': 'Net',
    'money.expected_net': 'Expected net',

    'key.network': 'Network',
    'key.name': 'Name',
    'key.subject': 'Subject',
    'key.organiser': 'Organiser',
    'key.unit': 'Unit',
    'key.kind': 'Kind',
    'key.status': 'Status',
    'key.year': 'Year',

    'kind.network': 'Network',
    'kind.membership': 'Membership',
    'kind.programme': 'Programme',
    'kind.partnership': 'Partnership',
    'kind.declaration': 'Declaration',

    'status.proposed': 'Proposed',
    'status.applied': 'Applied',
    'status.active': 'Active',
    'status.dormant': 'Dormant',
    'status.ended': 'Ended',
    'status.declined': 'Declined',

    'scope.all': 'All networks',
    'scope.central': 'Central networks',

    'gender.woman': 'Women',
    'gender.man': 'Men',
    'gender.other': 'Other',
    'gender.unknown': 'Unknown',
    'role.politician': 'Politicians',
    'role.official': 'Officials',
    'side.majority': 'Majority',
    'side.opposition': 'Opposition',

    'person.woman': 'woman',
    'person.man': 'man',
    'person.other': 'other gender',
    'person.unknown': 'gender unknown',
    'person.politician': 'politician',
    'person.official': 'official',
    'person.majority': 'majority',
    'person.opposition': 'opposition',

    'severity.error': 'Error',
    'severity.warning': 'Warning',

    'currency.sek': 'SEK',

    'ui.money': '{currency}\u00a0{amount}',
    'ui.group_mark': ',',
    'ui.decimal_mark': '.',

    'ui.title': 'Networks and costs',
    'ui.loading': 'Loading the inventory …',
    'ui.selection': 'Selection',
    'ui.from': 'From year',
    'ui.to': 'To year',
    'ui.scope': 'Scope',
    'ui.apply': 'Show',
    'ui.caption': '{scope}, {years} — amounts in {currency}',
    'ui.total': 'Total',
    'ui.none': '(none)',
    'ui.sort_by': 'Sort by {column}',
    'ui.lines': '{count} lines, {years}',
    'ui.lines_one': '1 line, {years}',
    'ui.empty': 'No networks in the selection.',
    'ui.show_more': 'Show all {count} lines',
    'ui.columns': 'Columns',
    'ui.columns_legend': 'Amounts to show',
    'ui.chart_title': 'Net cost {years}',
    'ui.chart_desc': 'Horizontal bars, one per line, length by net cost in {currency}; each bar is labelled with its value.',
    'ui.chart_top': 'Showing the {shown} largest of {count} lines.',
    'ui.warnings': 'Warnings',
    'ui.warnings_count': '{count} warnings',
    'ui.warnings_one': '1 warning',
    'ui.warnings_none': 'No warnings',
    'ui.judged_on': 'judged on {date}',
    'ui.check_failed': 'The check could not be run',
    'ui.equality': 'Who represents the organisation',
    'ui.equality_caption': 'People by gender, role and side, {years}',
    'ui.equality_group': 'Group',
    'ui.role_side': '{role} – {side}',
    'ui.balanced': '{balanced} of {count} networks have a balanced gender mix (40–60 %); networks with fewer than two women and men in all are not counted.',
    'ui.equality_failed': 'The equality statistics could not be produced',
    'ui.delegations': 'Delegations',
    'ui.no_participants': 'No participants listed.',
    'ui.fetch_failed': 'The inventory could not be fetched',
    'ui.no_src': 'The src attribute is missing: give the address of a natverk/1 file.',
    'ui.file_failed': 'The inventory could not be read',
    'ui.report_failed': 'The report could not be produced',
    'ui.line_column': 'line {line}, column {column}',
    'ui.http_error': 'The server answered {status} for {url}.',
    'ui.cors_blocked':
      'The file {url} is on another site ({origin}), which does not let other sites read it (CORS). ' +
      'Ask the web team of {origin} to send the header Access-Control-Allow-Origin: {page} with the file, ' +
      'or put the file on the same site as this page.',
    'ui.csp_blocked':
      "This page's security policy (Content-Security-Policy) does not allow fetching {url}. " +
      'Add {origin} to its connect-src, or put the file on the same site as this page.',
    'ui.unreachable': 'The server of {url} does not answer. Check the address and that the server is running.',
    'ui.wasm_failed':
      'natverk could not start in this browser: {message}. Check that the .wasm file is served as application/wasm ' +
      "and that the page's Content-Security-Policy allows 'wasm-unsafe-eval'.",
  },
  sv: {
    'money.fees': 'Avgifter',
    'money.time': 'Arbetstid',
    'money.travel': 'Resor',
    'money.other': 'Övrigt',
    'money.gross': 'Brutto',
    'money.granted': 'Beviljat',
    'money.expected': 'Förväntat',
    'money.net': 'Netto',
    'money.expected_net': 'Förväntat netto',

    'key.network': 'Nätverk',
    'key.name': 'Namn',
    'key.subject': 'Sakområde',
    'key.organiser': 'Huvudman',
    'key.unit': 'Enhet',
    'key.kind': 'Typ',
    'key.status': 'Status',
    'key.year': 'År',

    'kind.network': 'Nätverk',
    'kind.membership': 'Medlemskap',
    'kind.programme': 'Program',
    'kind.partnership': 'Partnerskap',
    'kind.declaration': 'Deklaration',

    'status.proposed': 'Föreslagen',
    'status.applied': 'Ansökt',
    'status.active': 'Aktiv',
    'status.dormant': 'Vilande',
    'status.ended': 'Avslutad',
    'status.declined': 'Avböjd',

    'scope.all': 'Alla nätverk',
    'scope.central': 'Kommuncentrala nätverk',

    'gender.woman': 'Kvinnor',
    'gender.man': 'Män',
    'gender.other': 'Annat',
    'gender.unknown': 'Okänt',
    'role.politician': 'Politiker',
    'role.official': 'Tjänstepersoner',
    'side.majority': 'Majoritet',
    'side.opposition': 'Opposition',

    'person.woman': 'kvinna',
    'person.man': 'man',
    'person.other': 'annat kön',
    'person.unknown': 'kön okänt',
    'person.politician': 'politiker',
    'person.official': 'tjänsteperson',
    'person.majority': 'majoritet',
    'person.opposition': 'opposition',

    'severity.error': 'Fel',
    'severity.warning': 'Varning',

    'currency.sek': 'kr',

    'ui.money': '{amount}\u00a0{currency}',
    'ui.group_mark': '\u00a0',
    'ui.decimal_mark': ',',

    'ui.title': 'Nätverk och kostnader',
    'ui.loading': 'Laddar inventeringen …',
    'ui.selection': 'Urval',
    'ui.from': 'Från år',
    'ui.to': 'Till år',
    'ui.scope': 'Omfattning',
    'ui.apply': 'Visa',
    'ui.caption': '{scope}, {years} – belopp i {currency}',
    'ui.total': 'Totalt',
    'ui.none': '(saknas)',
    'ui.sort_by': 'Sortera efter {column}',
    'ui.lines': '{count} rader, {years}',
    'ui.lines_one': '1 rad, {years}',
    'ui.empty': 'Inga nätverk i urvalet.',
    'ui.show_more': 'Visa alla {count} rader',
    'ui.columns': 'Kolumner',
    'ui.columns_legend': 'Belopp som visas',
    'ui.chart_title': 'Nettokostnad {years}',
    'ui.chart_desc': 'Liggande staplar, en per rad, längd efter nettokostnad i {currency}; värdet står vid varje stapel.',
    'ui.chart_top': 'Visar de {shown} största av {count} raderna.',
    'ui.warnings': 'Varningar',
    'ui.warnings_count': '{count} varningar',
    'ui.warnings_one': '1 varning',
    'ui.warnings_none': 'Inga varningar',
    'ui.judged_on': 'bedömda per {date}',
    'ui.check_failed': 'Kontrollen kunde inte göras',
    'ui.equality': 'Vilka representerar organisationen',
    'ui.equality_caption': 'Personer efter kön, roll och sida, {years}',
    'ui.equality_group': 'Grupp',
    'ui.role_side': '{role} – {side}',
    'ui.balanced': '{balanced} av {count} nätverk har jämn könsfördelning (40–60 %); nätverk med färre än två kvinnor och män sammanlagt räknas inte.',
    'ui.equality_failed': 'Jämställdhetsstatistiken kunde inte tas fram',
    'ui.delegations': 'Delegationer',
    'ui.no_participants': 'Inga deltagare angivna.',
    'ui.fetch_failed': 'Inventeringen kunde inte hämtas',
    'ui.no_src': 'Attributet src saknas: ange adressen till en natverk/1-fil.',
    'ui.file_failed': 'Inventeringen kunde inte läsas',
    'ui.report_failed': 'Rapporten kunde inte tas fram',
    'ui.line_column': 'rad {line}, kolumn {column}',
    'ui.http_error': 'Servern svarade {status} på {url}.',
    'ui.cors_blocked':
      'Filen {url} ligger på en annan webbplats ({origin}), och den webbplatsen tillåter inte att andra webbplatser läser den (CORS). ' +
      'Be de webbansvariga för {origin} att skicka rubriken Access-Control-Allow-Origin: {page} med filen, ' +
      'eller lägg filen på samma webbplats som den här sidan.',
    'ui.csp_blocked':
      'Sidans säkerhetspolicy (Content-Security-Policy) tillåter inte att filen {url} hämtas. ' +
      'Lägg till {origin} i dess connect-src, eller lägg filen på samma webbplats som sidan.',
    'ui.unreachable': 'Servern för {url} svarar inte. Kontrollera adressen och att servern är igång.',
    'ui.wasm_failed':
      'natverk kunde inte starta i webbläsaren: {message}. Kontrollera att .wasm-filen skickas som application/wasm ' +
      "och att sidans Content-Security-Policy tillåter 'wasm-unsafe-eval'.",
  },
};
