//! Workbook import (issue 20): an `.xlsx` or `.ods` from a stranger.
//!
//! Arbitrary bytes would almost never get past the zip layer, so the input
//! is a description of a workbook: which kind, then the XML parts natverk
//! reads (workbook, relationships, shared strings, styles, worksheets, or
//! an `.ods`'s content), each arbitrary text, some of them spliced with the
//! fragments that made bombs (huge repeats, `text:s` counts, `uniqueCount`,
//! number formats, character references) so the fuzzer reaches them; or,
//! for one input in eight, the raw bytes as the file. The zip is built and
//! handed to `natverk_workbook::import_bytes`.
//!
//! Asserts SPEC §9 per input: no panic, and peak memory (a counting global
//! allocator: bytes live at the peak above those live before) at most
//! 256 MB + 10 × n of the zip's size, time within `SLOWDOWN` × (2 s +
//! 1 s/MB). Run it under libFuzzer's `-rss_limit_mb` as well.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + (new - l.size());
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const SLOWDOWN: f64 = 4.0;

/// Fragments that made bombs, for the fuzzer to splice in.
const FRAGMENTS: &[&str] = &[
    r#"<text:s text:c="300000000"/>"#,
    r#"<text:s text:c="&#51;00000000"/>"#,
    r#"table:number-rows-repeated="1048576""#,
    r#"table:number-rows-repeated="&#49;048576""#,
    r#"table:number-columns-repeated="16384""#,
    r#"office:value="1""#,
    r#"office:value-type="string""#,
    r#"<sst uniqueCount="1000000000">"#,
    r#"<si><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></si>"#,
    r#"<c r="A1" t="s"><v>0</v></c>"#,
    r#"<c r="B2" s="1"><v>-18138</v></c>"#,
    r#"<c r="C3" s="1"><v>1e308</v></c>"#,
    r#"<numFmt numFmtId="200" formatCode="yyyy-mm-dd"/>"#,
    r#"<xf numFmtId="200"/>"#,
    r#"<sheet name="networks" sheetId="1" r:id="rId1"/>"#,
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>n1</t></is></c></row>",
];

#[derive(Debug, Arbitrary)]
struct Part {
    text: String,
    /// (position, fragment, times)
    splices: Vec<(u16, u8, u8)>,
}

impl Part {
    fn build(&self, prefix: &str, suffix: &str) -> Vec<u8> {
        let mut s = String::from(prefix);
        let mut text = self.text.clone();
        for (pos, which, times) in self.splices.iter().take(16) {
            let f = FRAGMENTS[usize::from(*which) % FRAGMENTS.len()];
            let at = usize::from(*pos) % (text.len() + 1);
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.insert_str(at, &f.repeat(usize::from(*times % 8) + 1));
        }
        s.push_str(&text);
        s.push_str(suffix);
        s.into_bytes()
    }
}

#[derive(Debug, Arbitrary)]
enum Input {
    Xlsx {
        workbook: Part,
        rels: Part,
        shared: Option<Part>,
        styles: Option<Part>,
        sheets: Vec<Part>,
        duplicate: bool,
    },
    Ods {
        content: Part,
    },
    Raw(Vec<u8>),
}

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const ODS_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#;

fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        if w.start_file(name.as_str(), opts).is_ok() {
            let _ = w.write_all(bytes);
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn bytes_of(input: &Input) -> Vec<u8> {
    match input {
        Input::Raw(b) => b.clone(),
        Input::Ods { content } => zip(&[
            (
                "mimetype".into(),
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            (
                "content.xml".into(),
                content.build(
                    &format!(
                        "<office:document-content {ODS_NS}><office:body><office:spreadsheet><table:table table:name=\"networks\">"
                    ),
                    "</table:table></office:spreadsheet></office:body></office:document-content>",
                ),
            ),
        ]),
        Input::Xlsx {
            workbook,
            rels,
            shared,
            styles,
            sheets,
            duplicate,
        } => {
            let rel_head = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#;
            let mut parts = vec![
                (
                    "_rels/.rels".to_string(),
                    format!(r#"{rel_head}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
                ),
                (
                    "xl/workbook.xml".to_string(),
                    workbook.build(&format!("<workbook {NS}><sheets>"), "</sheets></workbook>"),
                ),
            ];
            let mut r = String::from(rel_head);
            for i in 0..sheets.len().min(8) {
                r.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{}.xml"/>"#, i + 1, i + 1));
            }
            parts.push((
                "xl/_rels/workbook.xml.rels".to_string(),
                rels.build(&r, "</Relationships>"),
            ));
            if let Some(s) = shared {
                parts.push((
                    "xl/sharedStrings.xml".to_string(),
                    s.build(&format!("<sst {NS}>"), "</sst>"),
                ));
            }
            if let Some(s) = styles {
                parts.push((
                    "xl/styles.xml".to_string(),
                    s.build(&format!("<styleSheet {NS}>"), "</styleSheet>"),
                ));
            }
            for (i, s) in sheets.iter().take(8).enumerate() {
                parts.push((
                    format!("xl/worksheets/sheet{}.xml", i + 1),
                    s.build(&format!("<worksheet {NS}><sheetData>"), "</sheetData></worksheet>"),
                ));
            }
            if *duplicate {
                let last = parts.last().cloned();
                parts.extend(last);
            }
            zip(&parts)
        }
    }
}

fuzz_target!(|input: Input| {
    let bytes = bytes_of(&input);
    drop(input);
    let n = bytes.len();
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let result = natverk_workbook::import_bytes(&bytes);
    let secs = t.elapsed().as_secs_f64();
    let peak = PEAK.load(Relaxed).saturating_sub(base) as f64;
    if let Err(natverk_workbook::Error::Invalid(f)) = &result {
        assert!(!f.is_empty(), "a refused workbook says why");
    }
    drop(result);
    let mem_bound = 256e6 + 10.0 * n as f64;
    assert!(
        peak <= mem_bound,
        "SPEC §9 memory bound: {:.1} MB at the peak for {n} bytes (bound {:.1} MB)",
        peak / 1e6,
        mem_bound / 1e6
    );
    let time_bound = 2.0 + n as f64 / 1e6;
    assert!(
        secs <= SLOWDOWN * time_bound,
        "SPEC §9 time bound: {secs:.3} s for {n} bytes (bound {time_bound:.3} s × {SLOWDOWN})"
    );
});
