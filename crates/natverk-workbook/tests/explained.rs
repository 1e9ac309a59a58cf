//! The template explains the columns an official cannot guess (issue 24
//! item 4): `benefit` (1–5), `via`, `covers`, `share`, `probability`,
//! `per` and "part of year", on the sheet of instructions and in a comment
//! on each of their headings, in Swedish and in English, in the
//! vocabulary's words.

use std::io::Read;

use natverk::Lang;
use natverk_workbook::template;

/// Every XML part of an `.xlsx` whose name starts with `prefix`, as text.
fn parts(bytes: &[u8], prefix: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with(prefix) {
            f.read_to_string(&mut out).unwrap();
        }
    }
    out
}

#[test]
fn the_template_explains_benefit_via_covers_share_per_and_part_of_year() {
    let cases = [
        (
            Lang::Sv,
            [
                "Nytta: vad nätverket ger organisationen, bedömt som ett heltal från 1 (lite) till 5 (mycket)",
                "Via: den organisation som medlemskapet går genom (t.ex. SKR)",
                "Täcker: vilka kostnader finansieringen betalar sin andel av",
                "Andel: den del av de täckta kostnaderna som finansiären betalar, mer än 0 och högst 1 (0,5 eller 50 % är hälften)",
                "Sannolikhet: hur troligt det är att pengarna kommer, från 0 till 1 (0,8 eller 80 %)",
                "Per: varje år (beloppet varje år nätverket pågår",
                "Del av år: SANT tar bara ut en årlig kostnad för de månader nätverket pågår",
            ],
            "Kolumner som behöver förklaras",
            "Skriv 9 500 eller 9,5, aldrig 9.500",
        ),
        (
            Lang::En,
            [
                "Benefit: what the network gives the organisation, judged as a whole number from 1 (little) to 5 (much)",
                "Via: the body through which the organisation takes part (e.g. SKR)",
                "Covers: which costs the financing pays its share of",
                "Share: the part of the covered costs the funder pays, above 0 and at most 1",
                "Probability: how likely the money is to come, from 0 to 1 (0,8 or 80 %)",
                "Per: year (the amount every year the network runs",
                "Part of year: TRUE charges a yearly cost only for the months the network runs",
            ],
            "Columns that need a word of explanation",
            "Write 9 500 or 9,5, never 9.500",
        ),
    ];
    for (lang, helps, heading, typed) in cases {
        let bytes = template(lang).unwrap();
        let strings = parts(&bytes, "xl/sharedStrings").replace("&amp;", "&");
        let comments = parts(&bytes, "xl/comments").replace("&amp;", "&");
        for h in helps {
            assert!(strings.contains(h), "{lang}: instructions lack {h}");
            assert!(comments.contains(h), "{lang}: no comment {h}");
        }
        assert!(strings.contains(heading), "{lang}");
        assert!(strings.contains(typed), "{lang}");
    }
}
