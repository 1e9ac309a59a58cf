//! Outputs for people (SPEC §11): every `--lang sv` output reads as
//! Swedish, every format uses the core's labels for the same thing, the
//! terminal table fits the terminal, and the HTML page fits a phone.

use std::path::Path;
use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};
use natverk::present::{label, templates, vocabulary, Table};
use natverk::{EqualityOptions, Inventory, Lang, ReportOptions};

use super::{code, err, goteborg, out, run, tmp, write};

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_natverk"));
    c.args(args).env_remove("COLUMNS");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the binary runs")
}

// ---------------------------------------------------------------------------
// English sentences

/// An English text with `{…}` placeholders as wildcards: its literal parts,
/// each with at least one letter.
struct Pattern {
    source: String,
    parts: Vec<String>,
}

impl Pattern {
    fn new(source: String, text: &str) -> Option<Pattern> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            parts.push(rest[..open].to_string());
            rest = rest[open..].find('}').map_or("", |c| &rest[open + c + 1..]);
        }
        parts.push(rest.to_string());
        let parts: Vec<String> = parts
            .into_iter()
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .collect();
        // One short word (`{n} networks`, `Status`) is no sentence, and may
        // be the same in Swedish or a word of the file format.
        let words: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let sentence = words.len() >= 2 || words.iter().any(|w| w.chars().count() >= 10);
        sentence.then_some(Pattern { source, parts })
    }
    /// Whether a line holds the parts in order, each as whole words
    /// (` network` is not in `networks[0]`).
    fn in_line(&self, line: &str) -> bool {
        let mut at = 0;
        'parts: for p in &self.parts {
            let mut from = at;
            while let Some(i) = line[from..].find(p.as_str()) {
                let start = from + i;
                let end = start + p.len();
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let cut_before =
                    p.starts_with(char::is_alphanumeric) && word(line[..start].chars().next_back());
                let cut_after =
                    p.ends_with(char::is_alphanumeric) && word(line[end..].chars().next());
                if !cut_before && !cut_after {
                    at = end;
                    continue 'parts;
                }
                from = start + p.chars().next().map_or(1, char::len_utf8);
            }
            return false;
        }
        true
    }
}

/// Every English text a Swedish output must not hold: the core's message
/// templates, the command line's, and every English label that differs from
/// its Swedish one and is more than one short word. The words of the file
/// format (workbook words, columns and sheet names) stay English by SPEC
/// §11 and are left out.
fn english() -> Vec<Pattern> {
    let mut v = Vec::new();
    for t in templates().iter().chain(natverk_cli::messages::ALL) {
        if t.en != t.sv {
            v.extend(Pattern::new(format!("template {}", t.key), t.en));
        }
    }
    for (k, en) in vocabulary(Lang::En) {
        if label(k, Lang::Sv) == en
            || k.starts_with("workbook.word")
            || k.starts_with("workbook.column")
            || k.starts_with("workbook.sheet")
        {
            continue;
        }
        let long =
            en.trim().contains(' ') || en.chars().filter(|c| c.is_alphabetic()).count() >= 10;
        if long {
            v.extend(Pattern::new(format!("label {k}"), en));
        }
    }
    assert!(v.len() > 200, "only {} English texts", v.len());
    v
}

/// The English texts found in a Swedish output, with their lines.
fn english_in(text: &str, patterns: &[Pattern]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        for p in patterns {
            if p.in_line(line) {
                found.push(format!("{} in {line:?}", p.source));
            }
        }
    }
    found
}

/// The text a page shows: tags become line breaks, the texts of
/// `aria-label`, `title`, `alt` and `data-label` (shown by the card
/// layout) are kept, entities decoded, the style sheet left out.
fn html_text(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c);
        let tag = &rest[open..close];
        out.push('\n');
        for attr in ["aria-label=\"", "title=\"", "alt=\"", "data-label=\""] {
            if let Some(i) = tag.find(attr) {
                let v = &tag[i + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push('\n');
            }
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every cell of every sheet, and the sheet names, one a line.
fn xlsx_text(path: &Path) -> String {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut text = String::new();
    for name in wb.sheet_names() {
        text.push_str(&name);
        text.push('\n');
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for c in row {
                if let Data::String(s) = c {
                    text.push_str(s);
                    text.push('\n');
                }
            }
        }
    }
    text
}

/// Every output of a command for people, in Swedish: (what, text).
fn swedish_outputs(dir: &Path, cmd: &str, extra: &[&str]) -> Vec<(String, String)> {
    let g = goteborg();
    let mut outputs = Vec::new();
    for format in ["table", "md", "html", "xlsx", "csv"] {
        let mut args = vec![cmd, g.as_str(), "--lang", "sv", "--format", format];
        args.extend(extra);
        let file = dir.join(format!("{cmd}.{format}"));
        if format == "xlsx" {
            args.extend(["-o", file.to_str().unwrap()]);
        }
        let o = run(&args);
        assert!(code(&o) <= 1, "{cmd} {format}: {}", err(&o));
        let text = match format {
            "html" => html_text(&out(&o)),
            "xlsx" => xlsx_text(&file),
            "csv" if cmd != "check" => continue,
            _ => out(&o),
        };
        assert!(!text.trim().is_empty(), "{cmd} {format} is empty");
        outputs.push((format!("{cmd} --format {format}"), text + &err(&o)));
    }
    outputs
}

#[test]
fn every_swedish_output_holds_no_english_sentence() {
    let patterns = english();
    let d = tmp();
    let mut outputs = Vec::new();
    let years = ["--from", "2024", "--to", "2025", "--today", "2024-01-15"];
    let mut leave = years.to_vec();
    leave.extend(["--leave", "recommended", "--wide"]);
    outputs.extend(swedish_outputs(d.path(), "report", &leave));
    outputs.extend(swedish_outputs(d.path(), "equality", &years));
    outputs.extend(swedish_outputs(
        d.path(),
        "check",
        &["--today", "2024-01-15"],
    ));
    // The findings of a broken inventory, and a report that cannot be made.
    let bad = write(
        d.path(),
        "bad.json",
        r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
            "networks": [{"id": "a", "name": "A", "start": "2024-13-01", "kind": "forum",
                          "costs": [{"kind": "fee", "amount": "1 000"}], "nmae": 1}]}"#,
    );
    for format in ["table", "md", "csv"] {
        let o = run(&["check", &bad, "--lang", "sv", "--format", format]);
        assert_eq!(code(&o), 1);
        outputs.push((format!("check of a broken file, {format}"), out(&o)));
    }
    // The problems of a bad CSV sheet, its notes and the usage errors.
    let csv = write(
        d.path(),
        "bad.csv",
        b"id;namn;typ;enhet;kommuncentral;start;status;avgift;valuta;avgfit\r\n\
a;A;program;ks;ja;2024-01-01;aktiv;12,3,4;;\r\n\
b;B;n\xe4tverk;ks;kanske;2024-13-01;aktiv;100;;\r\n\
c;C;f\xf6rening;kultur;nej;2024-01-01;aktiv;;EUR;\r\n\
a;D;n\xe4tverk;kultur;ja;2024-01-01;p\xe5g\xe5ende;1 000,00;SEK;\r\n"
            .as_slice(),
    );
    let o = run(&[
        "import",
        &csv,
        "--organisation",
        "",
        "--currency",
        "kronor",
        "--rate",
        "EUR",
        "--population",
        "många",
        "--lang",
        "sv",
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        err(&o).contains("rad 3, kolumn `kommuncentral`"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("obs: "), "the encoding note: {}", err(&o));
    outputs.push(("import of a bad sheet".into(), err(&o)));
    for args in [
        vec!["report", goteborg().leak() as &str, "--format", "xlsx"],
        vec!["import", csv.clone().leak()],
        vec!["check", "/no/such/file.json"],
        vec!["report", goteborg().leak(), "-o", "/"],
        vec!["report", goteborg().leak(), "-o", "/no/such/dir/r.json"],
        // clap's usage errors, and values the parsers refuse
        vec!["report", goteborg().leak(), "--form", "2024"],
        vec!["raport", goteborg().leak()],
        vec!["report", goteborg().leak(), "--format", "pdf"],
        vec!["report", goteborg().leak(), "--from", "abc"],
        vec!["report", goteborg().leak(), "--to", "0"],
        vec!["report", goteborg().leak(), "--scope", "x"],
        vec!["report", goteborg().leak(), "--by", "subject,x"],
        vec!["report", goteborg().leak(), "--columns", "fees", "--wide"],
        vec!["report", goteborg().leak(), "--leave-from", "2024"],
        vec!["report"],
        vec!["check", goteborg().leak(), "--today", "2024-02-30"],
    ] {
        let mut args = args.clone();
        args.extend(["--lang", "sv"]);
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        // Words of the operating system's and of clap's English.
        for english in [
            "os error",
            "error:",
            "invalid digit",
            "For more information",
            "Usage:",
        ] {
            assert!(!err(&o).contains(english), "{args:?}: {}", err(&o));
        }
        outputs.push((format!("{args:?}"), err(&o)));
    }
    // clap's suggestion and possible values come through in Swedish.
    let o = run(&["report", &goteborg(), "--form", "2024", "--lang", "sv"]);
    assert!(
        err(&o).contains("okänt argument `--form`; menar du `--from`?"),
        "{}",
        err(&o)
    );
    let o = run(&["report", &goteborg(), "-f", "pdf", "--lang", "sv"]);
    assert!(
        err(&o).contains("möjliga värden: table, json"),
        "{}",
        err(&o)
    );
    // A file that is not JSON: serde_json's words, in Swedish.
    for (i, text) in ["{", "{\"format\": \"natverk/1\",}", "[1 2]", "{} x"]
        .iter()
        .enumerate()
    {
        let broken = write(d.path(), &format!("syntax{i}.json"), *text);
        let o = run(&["check", &broken, "--lang", "sv"]);
        assert_eq!(code(&o), 1);
        assert!(out(&o).contains("ogiltig JSON"), "{}", out(&o));
        outputs.push((format!("check of {text:?}"), out(&o)));
    }

    let mut found = Vec::new();
    for (what, text) in &outputs {
        for f in english_in(text, &patterns) {
            found.push(format!("{what}: {f}"));
        }
    }
    assert!(
        found.is_empty(),
        "English in Swedish outputs:\n{}",
        found.join("\n")
    );

    // The check can fail: the English outputs are found.
    let o = run(&[
        "check",
        &goteborg(),
        "--lang",
        "en",
        "--today",
        "2024-01-15",
    ]);
    assert!(!english_in(&out(&o), &patterns).is_empty());
    let o = run(&[
        "report",
        &goteborg(),
        "--lang",
        "en",
        "--year",
        "2024",
        "-f",
        "html",
    ]);
    assert!(!english_in(&html_text(&out(&o)), &patterns).is_empty());
}

// ---------------------------------------------------------------------------
// The same label for the same thing

fn core_tables() -> (Table, Vec<Table>, Table) {
    let inv = Inventory::from_json(&std::fs::read_to_string(goteborg()).unwrap()).unwrap();
    let report = inv.report(&ReportOptions::new(2024, 2025)).unwrap();
    let eq = inv.equality(&EqualityOptions::new(2024, 2025)).unwrap();
    let findings = natverk::Findings::new(inv.warnings(natverk::parse_date("2024-01-15").unwrap()));
    (
        report.table(Lang::Sv),
        eq.tables(Lang::Sv),
        findings.table(Lang::Sv),
    )
}

fn labels(t: &Table) -> Vec<String> {
    t.columns.iter().map(|c| c.label.to_string()).collect()
}

/// The column headings of every table of an HTML page, in order.
fn html_headings(html: &str) -> Vec<Vec<String>> {
    html.split("<thead")
        .skip(1)
        .map(|t| {
            let head = &t[..t.find("</thead>").unwrap()];
            head.split("<th scope=\"col\"")
                .skip(1)
                .map(|th| {
                    let th = &th[th.find('>').unwrap() + 1..];
                    th[..th.find("</th>").unwrap()].to_string()
                })
                .collect()
        })
        .collect()
}

/// The heading rows of every table of a markdown text.
fn md_headings(md: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = md.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[0].starts_with("| ") && w[1].starts_with("| ---"))
        .map(|w| {
            w[0].trim_matches('|')
                .split(" | ")
                .map(|s| s.trim().to_string())
                .collect()
        })
        .collect()
}

/// The heading rows of a terminal table: the line above the first rule
/// after a blank line.
fn table_headings(text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut heads = Vec::new();
    let mut seeking = false;
    for w in lines.windows(2) {
        if w[0].is_empty() {
            seeking = true;
        }
        let rule = !w[1].is_empty() && w[1].chars().all(|c| c == '-');
        if seeking && rule {
            seeking = false;
            heads.push(
                w[0].split("  ")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            );
        }
    }
    heads
}

#[test]
fn every_format_shows_the_cores_swedish_labels() {
    let (report, eq, findings) = core_tables();
    let g = goteborg();
    let years = ["--from", "2024", "--to", "2025", "--lang", "sv"];
    let d = tmp();

    // html: the report, then the findings, then the equality tables
    let mut args = vec!["report", g.as_str(), "-f", "html", "--today", "2024-01-15"];
    args.extend(years);
    let html = out(&run(&args));
    let mut want = vec![labels(&report), labels(&findings)];
    want.extend(eq.iter().map(labels));
    assert_eq!(html_headings(&html), want);

    // md
    let mut args = vec!["report", g.as_str(), "-f", "md"];
    args.extend(years);
    assert_eq!(md_headings(&out(&run(&args))), [labels(&report)]);
    let mut args = vec!["equality", g.as_str(), "-f", "md"];
    args.extend(years);
    assert_eq!(
        md_headings(&out(&run(&args))),
        eq.iter().map(labels).collect::<Vec<_>>()
    );

    // the terminal, all nine amounts
    let mut args = vec!["report", g.as_str(), "--wide"];
    args.extend(years);
    assert_eq!(table_headings(&out(&run(&args))), [labels(&report)]);
    let mut args = vec!["equality", g.as_str()];
    args.extend(years);
    assert_eq!(
        table_headings(&out(&run(&args))),
        eq.iter().map(labels).collect::<Vec<_>>()
    );

    // xlsx: the sheets' first rows, and their names from the vocabulary
    let path = d.path().join("r.xlsx");
    let mut args = vec![
        "report",
        g.as_str(),
        "-f",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ];
    args.extend(years);
    assert_eq!(code(&run(&args)), 0);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        [
            label("ui.report", Lang::Sv),
            label("ui.total", Lang::Sv),
            label("doc.sheet.people", Lang::Sv),
            label("money.time", Lang::Sv),
            label("ui.networks_by_gender", Lang::Sv),
            label("ui.warnings", Lang::Sv),
        ]
    );
    let first_row = |wb: &mut Xlsx<_>, name: &str| -> Vec<String> {
        let r = wb.worksheet_range(name).unwrap();
        r.rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    let mut want = vec![labels(&report), labels(&report)];
    want.extend(eq.iter().map(labels));
    let mut f = labels(&findings);
    f.push(label("key.network", Lang::Sv).to_string());
    want.push(f);
    for (name, want) in names.iter().zip(&want) {
        assert_eq!(&first_row(&mut wb, name), want, "sheet {name}");
    }
    // Totals are the core's footer: Totalt, with the core's figures.
    let totals = wb.worksheet_range(label("ui.total", Lang::Sv)).unwrap();
    let row: Vec<Data> = totals.rows().nth(1).unwrap().to_vec();
    assert_eq!(row[0], Data::String("Totalt".into()));
}

// ---------------------------------------------------------------------------
// The terminal's width

#[test]
fn tables_for_people_fit_the_terminal() {
    let g = goteborg();
    let d = tmp();
    let broken = write(
        d.path(),
        "broken.json",
        r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
            "networks": [{"id": "a-network-with-a-rather-long-identifier-that-goes-on", "name": "A",
                          "start": "2024-13-01", "kind": "forum", "nmae": 1,
                          "costs": [{"kind": "fee", "amount": "1 000"}]}]}"#,
    );
    let years: &[&str] = &["--from", "2024", "--to", "2025"];
    let cases: Vec<Vec<&str>> = vec![
        vec!["report", &g],
        vec!["report", &g, "--from", "2024", "--to", "2025"],
        vec!["report", &g, "--year", "2024", "--by", "subject,year"],
        vec![
            "report",
            &g,
            "--year",
            "2024",
            "--by",
            "organiser,unit,kind,status",
        ],
        vec![
            "report",
            &g,
            "--year",
            "2024",
            "--columns",
            "fees,travel,other,expected,net",
        ],
        vec!["equality", &g],
        [&["equality", g.as_str()][..], years].concat(),
        vec!["check", &g, "--today", "2024-01-15"],
        vec!["check", &broken],
    ];
    for width in [100usize, 60] {
        for lang in ["sv", "en"] {
            for case in &cases {
                let mut args = case.clone();
                args.extend(["--lang", lang]);
                let o = run_env(&args, &[("COLUMNS", &width.to_string())]);
                assert!(code(&o) <= 1, "{args:?}: {}", err(&o));
                let text = out(&o);
                assert!(text.lines().count() > 2, "{args:?}: {text}");
                for line in text.lines() {
                    assert!(
                        line.chars().count() <= width,
                        "COLUMNS={width} {args:?}: a line of {} characters:\n{line}\n{text}",
                        line.chars().count()
                    );
                }
            }
        }
    }
    // Without a width (a pipe), nothing is cut: the widest name is whole.
    let o = run_env(&["report", &g, "--year", "2024", "--lang", "sv"], &[]);
    assert!(out(&o).contains(
        "Den europeiska deklarationen för jämställdhet på lokal och regional nivå (CEMR)"
    ));
    // --wide shows every amount, however narrow.
    let o = run_env(
        &["report", &g, "--year", "2024", "--wide", "--lang", "sv"],
        &[("COLUMNS", "60")],
    );
    assert!(out(&o).contains("Förväntat netto"), "{}", out(&o));
    // Narrow: the amounts that do not fit are named in a note.
    let o = run_env(
        &["report", &g, "--year", "2024", "--lang", "sv"],
        &[("COLUMNS", "60")],
    );
    let t = out(&o);
    assert!(t.contains("Netto") && !t.contains("Arbetstid"), "{t}");
    assert!(t.contains("kolumner till: --columns eller --wide"), "{t}");
}

// ---------------------------------------------------------------------------
// The page on a phone, a tablet, a wide screen and paper

/// Loads `html` in an iframe `width` pixels wide (its own viewport, so its
/// media queries see that width) in headless Chromium, and reports the
/// frame's width, the page's scroll width, every element that sticks out
/// on the right (outside a scrolling region) and the regions that scroll.
fn layout(chromium: &Path, dir: &Path, name: &str, html: &str, width: u32) -> String {
    let esc = html
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let probe = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>\
         <iframe id=\"f\" width=\"{width}\" height=\"3000\" srcdoc=\"{esc}\"></iframe><script>\
         f.addEventListener('load', () => {{\
           const d = f.contentDocument, w = f.contentWindow;\
           const out = [...d.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w.innerWidth + 0.5 && !e.closest('.scroll')).map(e => e.tagName).slice(0, 5);\
           const scroll = [...d.querySelectorAll('.scroll')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.getAttribute('aria-labelledby'));\
           document.body.setAttribute('data-layout', [w.innerWidth, d.documentElement.scrollWidth, out.join(' '), scroll.join(' ')].join('|'));\
         }});</script></body></html>"
    );
    let path = dir.join(format!("{name}-{width}.html"));
    std::fs::write(&path, probe).unwrap();
    let window = format!("--window-size={},1000", width.max(500) + 20);
    let o = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            &window,
            "--dump-dom",
        ])
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&o.stdout);
    let at = dom.find("data-layout=\"").expect("the probe ran") + 13;
    dom[at..at + dom[at..].find('"').unwrap()].to_string()
}

#[test]
fn the_html_page_fits_a_phone_and_prints_on_a4() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("note: /usr/bin/chromium not found; skipping the layout check");
        return;
    }
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let g = goteborg();
    let pages = [
        (
            "report",
            vec![
                "report",
                g.as_str(),
                "--from",
                "2024",
                "--to",
                "2025",
                "--leave",
                "recommended",
            ],
        ),
        (
            "equality",
            vec!["equality", g.as_str(), "--from", "2024", "--to", "2025"],
        ),
        ("check", vec!["check", g.as_str()]),
    ];
    for (name, args) in pages {
        for lang in ["sv", "en"] {
            let mut args = args.clone();
            args.extend(["--today", "2024-01-15", "-f", "html", "--lang", lang]);
            let html = out(&run(&args));
            // English words are longer: the widest screen is checked in both.
            let widths: &[u32] = if lang == "sv" {
                &[360, 768, 1280]
            } else {
                &[1280]
            };
            for &width in widths {
                let l = layout(
                    chromium,
                    &artifacts,
                    &format!("{name}.{lang}"),
                    &html,
                    width,
                );
                let parts: Vec<&str> = l.split('|').collect();
                assert_eq!(parts[0], width.to_string(), "{name} {lang}: {l}");
                let scroll: u32 = parts[1].parse().unwrap();
                assert!(
                    scroll <= width,
                    "{name} {lang} scrolls sideways at {width} px: {l}"
                );
                assert!(parts[2].is_empty(), "{name} {lang} at {width} px: {l}");
                if width == 1280 {
                    assert!(
                        parts[3].is_empty(),
                        "{name} {lang}: a table scrolls at 1280 px: {l}"
                    );
                }
            }
            // Paper: the print rules at the width of A4 landscape within
            // its margins (273 mm at 96 px an inch): no table is cut.
            let print = html.replace("@media print", "@media all");
            assert!(html.contains("@page { size: A4"));
            let l = layout(
                chromium,
                &artifacts,
                &format!("{name}.{lang}.print"),
                &print,
                1031,
            );
            let parts: Vec<&str> = l.split('|').collect();
            assert!(
                parts[2].is_empty() && parts[3].is_empty() && parts[1] == "1031",
                "{name} {lang} on A4: {l}"
            );
        }
        if name != "report" {
            continue;
        }
        // Screenshots at each width, for a person to look at.
        for width in [360u32, 768, 1280] {
            let probe = artifacts.join(format!("{name}.sv-{width}.html"));
            let png = artifacts.join(format!("{name}.sv-{width}.png"));
            let _ = std::fs::remove_file(&png);
            let o = Command::new(chromium)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--hide-scrollbars",
                    &format!("--window-size={},3000", width.max(500)),
                    &format!("--screenshot={}", png.display()),
                ])
                .arg(format!("file://{}", probe.display()))
                .output()
                .unwrap();
            assert!(o.status.success() && png.exists(), "{}", err(&o));
        }
    }
}
