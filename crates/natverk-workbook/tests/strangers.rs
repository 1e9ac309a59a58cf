//! Workbooks from strangers (issue 20): each cause of the issue on a small
//! crafted file, through `import_bytes`: refused with a finding that names
//! the limit, an error that names the place, or read correctly.

use std::io::Write;

use natverk_workbook::import_bytes;
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const RELS: &str =
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#;
const WS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const ORG: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>currency</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>K</t></is></c><c r="B2" t="inlineStr"><is><t>SEK</t></is></c></row>"#;
const NET_HEAD: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>start</t></is></c></row>"#;
const STYLES: &str =
    r#"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>"#;

fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// An xlsx of an organisation sheet and a networks sheet whose second row
/// is `row` (cells after the heading), with `shared` strings and `styles`
/// (the inside of `<styleSheet>`); `names`: the sheets the workbook names,
/// (name, part number).
fn xlsx_with(row: &str, shared: Option<&str>, styles: &str, names: &[(&str, usize)]) -> Vec<u8> {
    let sheets: String = names
        .iter()
        .enumerate()
        .map(|(i, (n, p))| format!(r#"<sheet name="{n}" sheetId="{}" r:id="rId{p}"/>"#, i + 1))
        .collect();
    let mut parts = vec![
        (
            "_rels/.rels",
            format!(r#"{RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!("<workbook {NS}><sheets>{sheets}</sheets></workbook>").into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"{RELS}<Relationship Id="rId1" Type="{WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{WS}" Target="worksheets/sheet2.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<worksheet {NS}><sheetData>{ORG}</sheetData></worksheet>").into_bytes(),
        ),
        (
            "xl/worksheets/sheet2.xml",
            format!(r#"<worksheet {NS}><sheetData>{NET_HEAD}<row r="2">{row}</row></sheetData></worksheet>"#).into_bytes(),
        ),
        (
            "xl/styles.xml",
            format!("<styleSheet {NS}>{styles}</styleSheet>").into_bytes(),
        ),
    ];
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml", s.as_bytes().to_vec()));
    }
    zip_of(&parts)
}

const SHEETS: &[(&str, usize)] = &[("organisation", 1), ("networks", 2)];

fn xlsx(row: &str) -> Vec<u8> {
    xlsx_with(row, None, STYLES, SHEETS)
}

fn net(start_cell: &str) -> String {
    format!(
        r#"<c r="A2" t="inlineStr"><is><t>n1</t></is></c><c r="B2" t="inlineStr"><is><t>Ett</t></is></c>{start_cell}"#
    )
}

fn text_of(bytes: &[u8]) -> String {
    match import_bytes(bytes) {
        Ok(i) => format!("OK {}", i.inventory.to_json()),
        Err(e) => e
            .findings()
            .map(|f| f.to_text(natverk::Lang::En))
            .unwrap_or_else(|| e.to_string()),
    }
}

fn ods(table: &str) -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="notes">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml",
            br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_vec(),
        ),
        ("content.xml", content.into_bytes()),
    ])
}

#[test]
fn an_ordinary_crafted_workbook_reads() {
    let t = text_of(&xlsx(&net(r#"<c r="C2" s="1"><v>45352</v></c>"#)));
    assert!(t.starts_with("OK") && t.contains("2024-03-01"), "{t}");
}

#[test]
fn dates_out_of_a_spreadsheets_range_name_the_cell() {
    for v in ["-18138", "0", "3000000", "1e308", "inf", "-inf"] {
        let t = text_of(&xlsx(&net(&format!(r#"<c r="C2" s="1"><v>{v}</v></c>"#))));
        assert!(
            t.contains("row 2, column `start` (C)") && t.contains("1900-01-01 to 9999-12-31"),
            "{v}: {t}"
        );
    }
}

#[test]
fn a_shared_string_index_must_be_one() {
    let sst = format!(r#"<sst {NS} uniqueCount="2"><si><t>n1</t></si><si><t>Ett</t></si></sst>"#);
    let ok = xlsx_with(
        &net(r#"<c r="C2" t="inlineStr"><is><t>2024-03-01</t></is></c>"#).replace(
            r#"<c r="B2" t="inlineStr"><is><t>Ett</t></is></c>"#,
            r#"<c r="B2" t="s"><v>1</v></c>"#,
        ),
        Some(&sst),
        STYLES,
        SHEETS,
    );
    assert!(text_of(&ok).starts_with("OK"), "{}", text_of(&ok));
    for bad in ["abc", "-1", "2", "100000000000000000000000", "1.0"] {
        let row = format!(r#"<c r="A2" t="s"><v>{bad}</v></c>"#);
        let t = text_of(&xlsx_with(&row, Some(&sst), STYLES, SHEETS));
        assert!(
            t.contains("sheet `networks`, cell A2") && t.contains(bad),
            "{bad}: {t}"
        );
    }
}

#[test]
fn claimed_and_real_shared_strings_are_bounded() {
    for claim in [
        "1000000000000000000",
        "1000000000",
        "99999999999999999999999",
    ] {
        let sst = format!(r#"<sst {NS} uniqueCount="{claim}"><si><t>x</t></si></sst>"#);
        let t = text_of(&xlsx_with(&net(""), Some(&sst), STYLES, SHEETS));
        assert!(
            t.contains("shared strings") && t.contains("the limit"),
            "{t}"
        );
    }
    // A wrong but small claim is no reason to refuse.
    let sst = format!(r#"<sst {NS} uniqueCount="0"><si><t>x</t></si></sst>"#);
    let row = net(r#"<c r="C2" s="1"><v>45352</v></c>"#);
    assert!(text_of(&xlsx_with(&row, Some(&sst), STYLES, SHEETS)).starts_with("OK"));
    // 3 million empty strings: more than the cells a small file may have.
    let many = format!(r#"<sst {NS}>{}</sst>"#, "<si/>".repeat(3_000_000));
    let t = text_of(&xlsx_with(&net(""), Some(&many), STYLES, SHEETS));
    assert!(t.contains("shared strings"), "{t}");
}

#[test]
fn one_string_in_many_cells_is_bounded_by_its_text() {
    let sst = format!(r#"<sst {NS}><si><t>{}</t></si></sst>"#, "x".repeat(100_000));
    let cells: String = (3..2000)
        .map(|r| format!(r#"<c r="D{r}" t="s"><v>0</v></c>"#))
        .collect();
    // the cells go into one row's worth of XML: 2 000 copies of 100 KB
    let t = text_of(&xlsx_with(&cells, Some(&sst), STYLES, SHEETS));
    assert!(
        t.contains("bytes of text") && t.contains("the limit"),
        "{t}"
    );
}

#[test]
fn cell_formats_are_priced() {
    let fmt = "0".repeat(100_000);
    let xfs = r#"<xf numFmtId="200"/>"#.repeat(5_000);
    let styles = format!(
        r#"<numFmts count="1"><numFmt numFmtId="200" formatCode="{fmt}"/></numFmts><cellXfs>{xfs}</cellXfs>"#
    );
    let t = text_of(&xlsx_with(&net(""), None, &styles, SHEETS));
    assert!(t.contains("cell formats") && t.contains("the limit"), "{t}");
    // 200 ordinary formats are fine.
    let styles = format!(
        r#"<numFmts count="1"><numFmt numFmtId="200" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>{}</cellXfs>"#,
        r#"<xf numFmtId="200"/>"#.repeat(200)
    );
    let row = net(r#"<c r="C2" s="1"><v>45352</v></c>"#);
    assert!(text_of(&xlsx_with(&row, None, &styles, SHEETS)).starts_with("OK"));
}

#[test]
fn one_part_named_twice_is_an_error() {
    let names = [("organisation", 1), ("networks", 2), ("again", 2)];
    let t = text_of(&xlsx_with(&net(""), None, STYLES, &names));
    assert!(t.contains("the same part"), "{t}");
}

#[test]
fn duplicate_zip_entries_are_an_error() {
    let a = format!("<worksheet {NS}><sheetData>{ORG}</sheetData></worksheet>").into_bytes();
    let mut bytes = xlsx(&net(r#"<c r="C2" s="1"><v>45352</v></c>"#));
    // A second entry of the same name, appended by hand: rebuild with it.
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut v).unwrap();
            parts.push((f.name().unwrap().to_string(), v));
        }
    }
    parts.push(("XL/worksheets/sheet2.xml".into(), a));
    let refs: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    bytes = zip_of(&refs);
    let t = text_of(&bytes);
    assert!(t.contains("two parts"), "{t}");
}

#[test]
fn ods_spaces_and_repeats_are_priced_as_calamine_builds_them() {
    for c in ["300000000", "&#51;00000000"] {
        let t = text_of(&ods(&format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="{c}"/></text:p></table:table-cell></table:table-row>"#
        )));
        assert!(
            t.contains("bytes of text") && t.contains("the limit"),
            "{c}: {t}"
        );
    }
    for cell in [
        r#"<table:table-cell office:value="1" table:number-columns-repeated="16384"/>"#,
        r#"<table:table-cell office:boolean-value="true" table:number-columns-repeated="16384"/>"#,
    ] {
        for rows in ["1048576", "&#49;048576"] {
            let t = text_of(&ods(&format!(
                r#"<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>"#
            )));
            assert!(
                t.contains("cells") && t.contains("the limit"),
                "{rows} {cell}: {t}"
            );
        }
    }
    // Empty repeated cells cost nothing: the sheet is read (it holds
    // nothing, so nothing is said of it but that the workbook lacks the
    // organisation).
    let t = text_of(&ods(
        r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
    ));
    assert!(
        t.contains("no sheet `organisation`") && !t.contains("limit"),
        "{t}"
    );
}

#[test]
fn findings_are_capped_and_the_rest_counted() {
    // 60 000 networks with four bad cells each: 240 000 findings, more
    // than a file of this size lists.
    let head = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>start</t></is></c><c r="D1" t="inlineStr"><is><t>end</t></is></c><c r="E1" t="inlineStr"><is><t>status</t></is></c><c r="F1" t="inlineStr"><is><t>kind</t></is></c></row>"#;
    let mut rows = String::from(head);
    for r in 2..60_002 {
        rows.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>n{r}</t></is></c><c r="B{r}" t="inlineStr"><is><t>N</t></is></c><c r="C{r}" t="inlineStr"><is><t>2024-13-45</t></is></c><c r="D{r}" t="inlineStr"><is><t>x</t></is></c><c r="E{r}" t="inlineStr"><is><t>nope</t></is></c><c r="F{r}" t="inlineStr"><is><t>nope</t></is></c></row>"#
        ));
    }
    let bytes = zip_of(&[
        (
            "_rels/.rels",
            format!(r#"{RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<workbook {NS}><sheets><sheet name="organisation" sheetId="1" r:id="rId1"/><sheet name="networks" sheetId="2" r:id="rId2"/></sheets></workbook>"#).into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"{RELS}<Relationship Id="rId1" Type="{WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{WS}" Target="worksheets/sheet2.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<worksheet {NS}><sheetData>{ORG}</sheetData></worksheet>").into_bytes(),
        ),
        (
            "xl/worksheets/sheet2.xml",
            format!("<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>").into_bytes(),
        ),
    ]);
    let err = import_bytes(&bytes).unwrap_err();
    let f = err.findings().unwrap();
    let max = natverk::limits::max_findings(bytes.len());
    assert_eq!(f.len(), max + 1, "the cap, and one that counts the rest");
    assert!(f.as_slice().iter().any(|x| x
        .to_text(natverk::Lang::En)
        .contains("more problems are not listed")));
}
