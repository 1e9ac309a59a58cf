//! Damaged, foreign and oversized files: one finding each, never a panic,
//! never unbounded work (SPEC §9).

use std::io::Write;

use natverk_workbook::{import_bytes, read_sheets, MAX_UNPACKED_BASE};
use zip::write::SimpleFileOptions;

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn one_finding(bytes: &[u8]) -> String {
    let err = import_bytes(bytes).unwrap_err();
    let f = err.findings().expect("findings");
    assert_eq!(f.len(), 1, "{f}");
    f.as_slice()[0].to_text(natverk::Lang::En)
}

#[test]
fn files_that_are_not_workbooks() {
    assert!(one_finding(b"id;name\na;b\n").contains("not an .xlsx or .ods file"));
    assert!(one_finding(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").contains("not an .xlsx or .ods"));
    assert!(one_finding(&zip_of(&[("hello.txt", b"hi")])).contains("neither an .xlsx nor an .ods"));
    let mut xlsx = natverk_workbook::template(natverk::Lang::En).unwrap();
    xlsx.truncate(xlsx.len() / 2);
    assert!(one_finding(&xlsx).contains("damaged"));
    let broken = zip_of(&[("xl/workbook.xml", b"<workbook><sheets>")]);
    assert!(one_finding(&broken).starts_with("error[syntax]"));
}

/// `tests/workbook/zip-bomb.xlsx`: 80 KB that unpack to 80 MB.
#[test]
fn a_zip_bomb_is_refused_before_it_is_read() {
    let bytes = std::fs::read(crate::root().join("tests/workbook/zip-bomb.xlsx")).unwrap();
    assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
    assert!(80 * 1024 * 1024 > MAX_UNPACKED_BASE + 40 * bytes.len() as u64);
    let text = one_finding(&bytes);
    assert!(
        text.contains(
            "bytes when unpacked, the limit for a workbook of its size: split the inventory"
        ),
        "{text}"
    );
}

#[test]
fn an_ods_whose_repeats_span_too_many_cells_is_refused() {
    let content = br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="networks">
<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content),
    ]);
    let start = std::time::Instant::now();
    let err = read_sheets(&bytes).unwrap_err();
    assert!(
        err.to_text(natverk::Lang::En)
            .contains("cells, the limit for a workbook of its size: split the inventory"),
        "{err}"
    );
    assert!(start.elapsed().as_secs() < 2);
}
