//! What a workbook will cost before calamine reads it (SPEC §9).
//!
//! calamine builds a whole-workbook model when it opens an `.xlsx`: the
//! shared-string table (with room for as many strings as the file
//! *claims*), every cell format with a copy of its number format, font,
//! fill and border, and every worksheet each time the workbook names it.
//! An `.ods` becomes rectangles of cells in which a repeated cell is
//! copied, text and all, and a `<text:s text:c="N"/>` becomes N spaces.
//! None of that is bounded by the size of the file, so this module reads
//! the same XML parts once, streaming, with quick-xml, decodes what
//! calamine decodes (entities and character references in attributes), and
//! prices what calamine will build. A workbook that would cost more than a
//! limit is refused with a finding that names the limit, before calamine
//! reads it. See DESIGN.md, "Workbooks from strangers".

use std::collections::HashMap;
use std::io::{BufReader, Cursor};

use natverk::tables::{Measure, SheetFindings};
use quick_xml::events::{BytesStart, Event};

use crate::read::{max_cells, unreadable};

/// Bytes of text a workbook's cells may hold once read, for any workbook
/// (32 MiB) …
pub const MAX_TEXT_BASE: u64 = 32 * 1024 * 1024;
/// … plus this many bytes per byte of the file. Text is held two or three
/// times on the way to an inventory (the reader's cell, the core's cell,
/// the inventory), so this keeps the import within SPEC §9's 256 MB +
/// 10 × n. The 50 000-network workbook (9.8 MB) holds 14 MB of text.
pub const TEXT_PER_BYTE: u64 = 4;
/// Bytes calamine may spend on the cell formats of an `.xlsx` (64 MiB):
/// each `<xf>` of `styles.xml` costs about 256 bytes plus a copy of its
/// number format, font, fill and border. Excel itself allows 64 000 cell
/// formats with number formats of at most 255 characters.
pub const MAX_STYLE_BYTES: u64 = 64 * 1024 * 1024;
/// What one cell format costs calamine beyond its copied parts, in bytes.
const XF_BYTES: u64 = 256;

/// Most bytes of text a workbook of `len` bytes may hold in its cells.
pub fn max_text(len: usize) -> u64 {
    MAX_TEXT_BASE.saturating_add((len as u64).saturating_mul(TEXT_PER_BYTE))
}

fn damaged(part: &str, e: impl std::fmt::Display) -> SheetFindings {
    unreadable(format!("part `{part}` is damaged ({e})"))
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;
type PartReader<'z, 'a> = quick_xml::Reader<BufReader<zip::read::ZipFile<'z, Cursor<&'a [u8]>>>>;

/// A reader of one part, or `None` when the zip has no such part. Names
/// are matched as calamine matches them (without regard to case).
fn part<'z, 'a>(
    zip: &'z mut Zip<'a>,
    names: &HashMap<String, String>,
    name: &str,
) -> Result<Option<PartReader<'z, 'a>>, SheetFindings> {
    let Some(real) = names.get(&name.to_ascii_lowercase()) else {
        return Ok(None);
    };
    let file = zip.by_name(real).map_err(|e| damaged(name, e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(file));
    let c = xml.config_mut();
    c.check_end_names = false;
    c.check_comments = false;
    c.trim_text(false);
    Ok(Some(xml))
}

/// An attribute's value, with entities and character references decoded
/// as calamine decodes them.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An attribute's value as written (calamine reads some of them raw).
fn raw_attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

fn local(name: &str) -> &str {
    match name.rfind(':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// A part's path in the zip from a relationship target, as calamine
/// resolves it (absolute, or relative to the workbook's folder).
fn resolve(dir: &str, target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    }
}

/// The zip's part names, lower-cased → as written; a name that appears
/// twice (a duplicate entry, or two names that differ only in case) is an
/// error: readers disagree about which one wins.
pub(crate) fn part_names(
    zip: &mut Zip<'_>,
    bytes: &[u8],
) -> Result<HashMap<String, String>, SheetFindings> {
    let twice = || {
        unreadable(
            "the zip holds two parts with the same name: save the workbook again from Excel or LibreOffice",
        )
    };
    // The zip reader keeps one entry per name: compare with the number of
    // entries the zip's directory declares.
    if declared_entries(bytes).is_some_and(|n| n != zip.len()) {
        return Err(twice());
    }
    let mut names = HashMap::with_capacity(zip.len().min(4096));
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
        let name = f
            .name()
            .map_err(|e| unreadable(format!("the file is damaged ({e})")))?
            .to_string();
        if let Some(first) = names.insert(name.to_ascii_lowercase(), name.clone()) {
            return Err(unreadable(format!(
                "the zip holds two parts named `{first}` and `{name}`: save the workbook again from Excel or LibreOffice"
            )));
        }
    }
    Ok(names)
}

/// The number of entries the zip's end-of-directory record declares
/// (`None` when it cannot be told: no record, or a ZIP64 count).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[from..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(at..at + 22)?;
    let n = u16::from_le_bytes([rec[10], rec[11]]);
    (n != u16::MAX).then_some(usize::from(n))
}

/// Prices what calamine builds for an `.xlsx` and checks what it would
/// silently get wrong (a shared-string index that is not one). Returns
/// nothing: the workbook is then safe to hand to calamine.
pub(crate) fn check_xlsx(bytes: &[u8]) -> Result<Scales, SheetFindings> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
    let names = part_names(&mut zip, bytes)?;
    let cells = max_cells(bytes.len());

    // The workbook part, from the package's relationships.
    let mut workbook = "xl/workbook.xml".to_string();
    if let Some(mut xml) = part(&mut zip, &names, "_rels/.rels")? {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e))
                    if local(e.name().as_ref()) == "Relationship" =>
                {
                    let office = attr(&e, "Type")
                        .is_some_and(|t| t.ends_with("/relationships/officeDocument"));
                    if let (true, Some(t)) = (office, attr(&e, "Target")) {
                        workbook = t.strip_prefix('/').unwrap_or(&t).to_string();
                    }
                }
                Ok(Event::Eof) => break,
                Err(e) => return Err(damaged("_rels/.rels", e)),
                _ => {}
            }
        }
    }
    let (dir, file) = match workbook.rfind('/') {
        Some(i) => (workbook[..=i].to_string(), workbook[i + 1..].to_string()),
        None => (String::new(), workbook.clone()),
    };

    let strings =
        check_shared_strings(&mut zip, &names, &format!("{dir}sharedStrings.xml"), cells)?;
    let fixed = check_styles(&mut zip, &names, &format!("{dir}styles.xml"))?;

    // The worksheets, in the order the workbook names them.
    let rels = relationships(&mut zip, &names, &format!("{dir}_rels/{file}.rels"))?;
    let mut sheets: Vec<(String, String)> = Vec::new();
    if let Some(mut xml) = part(&mut zip, &names, &workbook)? {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().as_ref()) == "sheet" => {
                    let name = attr(&e, "name").unwrap_or_default();
                    let id = e
                        .attributes()
                        .flatten()
                        .find(|a| local(a.key.as_ref()) == "id")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    if let Some((target, typ)) = rels.get(&id) {
                        if typ.ends_with("/worksheet") {
                            sheets.push((name, resolve(&dir, target)));
                        }
                    }
                }
                Ok(Event::Eof) => break,
                Err(e) => return Err(damaged(&workbook, e)),
                _ => {}
            }
        }
    }
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (name, path) in &sheets {
        if let Some(other) = seen.insert(path.to_ascii_lowercase(), name) {
            return Err(unreadable(format!(
                "sheets `{other}` and `{name}` are the same part `{path}`: save the workbook again from Excel or LibreOffice"
            )));
        }
    }
    let mut scales = Scales::new();
    let mut total = 0;
    for (name, path) in &sheets {
        let mut found = check_sheet(&mut zip, &names, name, path, strings, &fixed, &mut total)?;
        if !found.is_empty() {
            found.finish();
            scales.insert(name.clone(), found);
        }
    }
    Ok(scales)
}

/// Number cells whose number format shows a fixed number of decimals, by
/// sheet name: (row, column) from 0 → decimals. A decimal whose scale a
/// float forgets (`9.500`) is written as the number 9.5 in the format
/// `0.000` (see `write::number_and_scale`), and read back as the format
/// shows it, `9.500`.
pub(crate) type Scales = HashMap<String, Shown>;

/// Most number cells of a workbook whose shown decimals are kept (12 bytes
/// each): past them, a number is read as its value alone.
pub(crate) const MAX_SCALED_CELLS: usize = 1_000_000;

/// The decimals number cells of one sheet show: (row, column) → decimals,
/// sorted for lookup once the sheet is read.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    cells: Vec<((u32, u32), u8)>,
    sorted: bool,
}

impl Shown {
    fn insert(&mut self, at: (u32, u32), decimals: u32, total: &mut usize) {
        if *total >= MAX_SCALED_CELLS {
            return;
        }
        *total += 1;
        if self.cells.last().is_some_and(|(last, _)| *last >= at) {
            self.sorted = false;
        }
        self.cells.push((at, u8::try_from(decimals).unwrap_or(28)));
    }
    fn finish(&mut self) {
        if !self.sorted {
            self.cells.sort_by_key(|(at, _)| *at);
            self.sorted = true;
        }
    }
    fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
    /// The decimals cell `at` shows, if it is one of them.
    pub(crate) fn get(&self, at: (u32, u32)) -> Option<u32> {
        self.cells
            .binary_search_by_key(&at, |(a, _)| *a)
            .ok()
            .map(|i| u32::from(self.cells[i].1))
    }
}

/// The decimals a number format shows when it is a plain fixed one
/// (`0.000`, `#,##0.00`): `None` for any other (General, `0%`, dates).
fn fixed_decimals(code: &str) -> Option<u32> {
    let body = code.strip_prefix("#,##").unwrap_or(code);
    let zeros = body.strip_prefix("0.")?;
    (!zeros.is_empty() && zeros.len() <= 28 && zeros.bytes().all(|b| b == b'0'))
        .then_some(zeros.len() as u32)
}

/// A cell reference (`B12`) as (row, column) from 0.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        col = col * 26 + u32::from(b - b'A' + 1);
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// A relationships part: id → (target, type).
fn relationships(
    zip: &mut Zip<'_>,
    names: &HashMap<String, String>,
    path: &str,
) -> Result<HashMap<String, (String, String)>, SheetFindings> {
    let mut out = HashMap::new();
    let Some(mut xml) = part(zip, names, path)? else {
        return Ok(out);
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().as_ref()) == "Relationship" => {
                if let (Some(id), Some(t), Some(ty)) =
                    (attr(&e, "Id"), attr(&e, "Target"), attr(&e, "Type"))
                {
                    out.insert(id, (t, ty));
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(damaged(path, e)),
            _ => {}
        }
    }
    Ok(out)
}

/// The number of shared strings. calamine reserves room for as many as
/// `uniqueCount` says and keeps each one (24 bytes even when empty): both
/// are bounded by [`max_cells`], as a table of more strings than the
/// workbook may have cells serves nothing.
fn check_shared_strings(
    zip: &mut Zip<'_>,
    names: &HashMap<String, String>,
    path: &str,
    limit: u64,
) -> Result<u64, SheetFindings> {
    let Some(mut xml) = part(zip, names, path)? else {
        return Ok(0);
    };
    let too_many = || SheetFindings::too_large(limit, Measure::Strings);
    let mut buf = Vec::new();
    let mut count: u64 = 0;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match local(e.name().as_ref()) {
                "sst" => {
                    // calamine reads the claim raw, as digits.
                    if let Some(v) = raw_attr(&e, "uniqueCount") {
                        let claim = Some(v.as_str())
                            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                            .map(|s| s.parse::<u64>().unwrap_or(u64::MAX));
                        if claim.is_some_and(|n| n > limit) {
                            return Err(too_many());
                        }
                    }
                }
                "si" => {
                    count += 1;
                    if count > limit {
                        return Err(too_many());
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => return Err(damaged(path, e)),
            _ => {}
        }
    }
    Ok(count)
}

/// What calamine's cell formats cost: each `<xf>` of `cellXfs` copies its
/// number format, font, fill and border. Priced at the largest of each
/// (as written, which is never less than decoded).
fn check_styles(
    zip: &mut Zip<'_>,
    names: &HashMap<String, String>,
    path: &str,
) -> Result<Vec<Option<u32>>, SheetFindings> {
    let Some(mut xml) = part(zip, names, path)? else {
        return Ok(Vec::new());
    };
    // Number formats by id (the built-in fixed ones: 2 `0.00`, 4
    // `#,##0.00`), and each cell format's number format, in order.
    let mut formats: HashMap<String, Option<u32>> = HashMap::new();
    formats.insert("2".into(), Some(2));
    formats.insert("4".into(), Some(2));
    let mut xf_formats: Vec<Option<String>> = Vec::new();
    let mut buf = Vec::new();
    let mut largest: u64 = 0; // largest numFmt + font + fill + border, as written
    let mut parts = [0u64; 4];
    let mut open: Option<(usize, u64)> = None; // (which, start offset)
    let mut in_xfs = false;
    let mut xfs: u64 = 0;
    loop {
        buf.clear();
        let at = xml.buffer_position();
        let ev = xml
            .read_event_into(&mut buf)
            .map_err(|e| damaged(path, e))?;
        let which = |n: &str| match n {
            "numFmt" => Some(0),
            "font" => Some(1),
            "fill" => Some(2),
            "border" => Some(3),
            _ => None,
        };
        match ev {
            Event::Start(e) => {
                let n = local(e.name().as_ref()).to_string();
                if n == "numFmt" {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        formats.insert(id, fixed_decimals(&code));
                    }
                }
                if n == "cellXfs" {
                    in_xfs = true;
                } else if n == "xf" && in_xfs {
                    xfs += 1;
                    xf_formats.push(attr(&e, "numFmtId"));
                } else if let (Some(w), None) = (which(n.as_str()), open) {
                    open = Some((w, at));
                }
            }
            Event::Empty(e) => {
                let n = local(e.name().as_ref()).to_string();
                if n == "numFmt" {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        formats.insert(id, fixed_decimals(&code));
                    }
                }
                if n == "xf" && in_xfs {
                    xfs += 1;
                    xf_formats.push(attr(&e, "numFmtId"));
                } else if let Some(w) = which(n.as_str()) {
                    if open.is_none() {
                        let len = xml.buffer_position().saturating_sub(at);
                        parts[w] = parts[w].max(len);
                    }
                }
            }
            Event::End(e) => {
                let n = local(e.name().as_ref()).to_string();
                if n == "cellXfs" {
                    in_xfs = false;
                } else if let Some((w, start)) = open {
                    if which(n.as_str()) == Some(w) {
                        let len = xml.buffer_position().saturating_sub(start);
                        parts[w] = parts[w].max(len);
                        open = None;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        largest = largest.max(parts.iter().sum());
        let cost = xfs.saturating_mul(XF_BYTES.saturating_add(largest));
        if cost > MAX_STYLE_BYTES {
            return Err(SheetFindings::too_large(MAX_STYLE_BYTES, Measure::Styles));
        }
    }
    Ok(xf_formats
        .iter()
        .map(|id| {
            id.as_ref()
                .and_then(|id| formats.get(id).copied().flatten())
        })
        .collect())
}

/// A worksheet's shared-string cells: each index must be one of the
/// table's (calamine reads `abc`, `-1` or 10^23 as string 0).
fn check_sheet(
    zip: &mut Zip<'_>,
    names: &HashMap<String, String>,
    sheet: &str,
    path: &str,
    strings: u64,
    fixed: &[Option<u32>],
    total: &mut usize,
) -> Result<Shown, SheetFindings> {
    let mut scales = Shown {
        sorted: true,
        ..Shown::default()
    };
    let Some(mut xml) = part(zip, names, path)? else {
        return Ok(scales);
    };
    let mut buf = Vec::new();
    // The shared-string cell being read (its reference), and whether its
    // `<v>` is open.
    let mut cell: Option<String> = None;
    let mut in_v = false;
    let mut v = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if local(e.name().as_ref()) == "c" => {
                let t = raw_attr(&e, "t");
                cell = (t.as_deref() == Some("s")).then(|| attr(&e, "r").unwrap_or_default());
                in_v = false;
                if t.is_none() || t.as_deref() == Some("n") {
                    let decimals = raw_attr(&e, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| fixed.get(s).copied().flatten());
                    if let Some((d, at)) = decimals.zip(attr(&e, "r").as_deref().and_then(cell_ref))
                    {
                        scales.insert(at, d, total);
                    }
                }
            }
            Ok(Event::Start(e)) if cell.is_some() && local(e.name().as_ref()) == "v" => {
                in_v = true;
                v.clear();
            }
            Ok(Event::Text(t)) if in_v && v.len() < 64 => {
                v.extend_from_slice(&t.as_bytes()[..t.len().min(64)]);
            }
            Ok(Event::GeneralRef(_)) if in_v => v.extend_from_slice(b"&"),
            Ok(Event::End(e)) if in_v && local(e.name().as_ref()) == "v" => {
                in_v = false;
                if v.is_empty() {
                    continue; // calamine reads an empty index as an empty cell
                }
                let idx = std::str::from_utf8(&v)
                    .ok()
                    .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|s| s.parse::<u64>().ok());
                if idx.is_none_or(|i| i >= strings) {
                    let r = cell.as_deref().unwrap_or_default();
                    let shown = String::from_utf8_lossy(&v);
                    return Err(unreadable(format!(
                        "sheet `{sheet}`, cell {r}: `{shown}` is not the number of one of the workbook's {strings} shared strings: type the value again"
                    )));
                }
            }
            Ok(Event::End(e)) if local(e.name().as_ref()) == "c" => {
                cell = None;
                in_v = false;
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(damaged(path, e)),
            _ => {}
        }
    }
    Ok(scales)
}

/// Prices the rectangles calamine builds for an `.ods` (rows × columns
/// between the first and last cells with a value of each table, repeats
/// counted, [`max_cells`]) and the text in them ([`max_text`]): a repeated
/// cell is copied with its text, and `<text:s text:c="N"/>` is N spaces.
/// Repeat counts are decoded as calamine decodes them.
pub(crate) fn measure_ods(bytes: &[u8]) -> Result<Scales, SheetFindings> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the file is damaged ({e})")))?;
    let names = part_names(&mut zip, bytes)?;
    let limit = max_cells(bytes.len());
    let text_limit = max_text(bytes.len());
    let Some(mut xml) = part(&mut zip, &names, "content.xml")? else {
        return Err(unreadable("the .ods file has no content.xml"));
    };
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut text: u64 = 0;
    // The table being read: rows so far, first and end of rows with a
    // value, widest row with a value; the row being read: its repeat,
    // columns so far, end of its cells with a value, its text.
    let mut rows: u64 = 0;
    let mut first: Option<u64> = None;
    let mut end: u64 = 0;
    let mut width: u64 = 0;
    let mut row_repeat: u64 = 1;
    let mut col: u64 = 0;
    let mut row_end: u64 = 0;
    let mut row_text: u64 = 0;
    // The cell being read: its repeat and its text so far.
    let mut cell: Option<(u64, u64)> = None;
    // Number cells as shown (`9.500` for the value 9.5): the table's name,
    // and the number cell being read, its value and its text so far.
    let mut scales = Scales::new();
    let mut scaled_cells = 0;
    let mut table = String::new();
    let mut number: Option<(String, String)> = None;
    const MAX_ROWS: u64 = 1_048_576;
    const MAX_COLS: u64 = 16_384;
    let repeat = |e: &BytesStart<'_>, key: &str, max: u64| -> u64 {
        attr(e, key)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(1)
            .clamp(1, max)
    };
    // A cell's value and formula are kept once per repeat.
    let has_value = |e: &BytesStart<'_>| -> (bool, u64) {
        let mut value = false;
        let mut len: u64 = 0;
        for a in e.attributes().flatten() {
            match a.key.as_ref() {
                "office:value-type"
                | "calcext:value-type"
                | "office:value"
                | "office:boolean-value" => value = true,
                "office:string-value"
                | "office:date-value"
                | "office:time-value"
                | "table:formula" => {
                    value = true;
                    len = len.saturating_add(a.value.len() as u64);
                }
                _ => {}
            }
        }
        (value, len)
    };
    let is_cell = |n: &str| matches!(n, "table:table-cell" | "table:covered-table-cell");
    loop {
        buf.clear();
        let ev = xml
            .read_event_into(&mut buf)
            .map_err(|e| unreadable(format!("the .ods file is damaged ({e})")))?;
        match ev {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table" => {
                table = attr(&e, "table:name").unwrap_or_default();
                rows = 0;
                first = None;
                end = 0;
                width = 0;
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated", MAX_ROWS);
                col = 0;
                row_end = 0;
                row_text = 0;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                rows = rows.saturating_add(repeat(&e, "table:number-rows-repeated", MAX_ROWS));
            }
            Event::Start(e) if is_cell(e.name().as_ref()) => {
                // A cell with content (text in it) counts as a value.
                let (_, len) = has_value(&e);
                let n = repeat(&e, "table:number-columns-repeated", MAX_COLS);
                cell = Some((n, len));
                number = None;
                if attr(&e, "office:value-type").as_deref() == Some("float")
                    && n.saturating_mul(row_repeat) <= MAX_SCALED_REPEATS
                {
                    number = attr(&e, "office:value").map(|v| (v, String::new()));
                }
            }
            Event::Empty(e) if is_cell(e.name().as_ref()) => {
                let n = repeat(&e, "table:number-columns-repeated", MAX_COLS);
                col = col.saturating_add(n);
                let (value, len) = has_value(&e);
                if value {
                    row_end = col;
                    row_text = row_text.saturating_add(n.saturating_mul(len));
                }
            }
            Event::Text(t) => {
                if let Some((_, len)) = &mut cell {
                    *len = len.saturating_add(t.len() as u64);
                }
                if let Some((_, shown)) = &mut number {
                    if shown.len() < 64 {
                        shown.push_str(&String::from_utf8_lossy(&t.as_bytes()[..t.len().min(64)]));
                    }
                }
            }
            Event::GeneralRef(_) | Event::CData(_) => {
                if let Some((_, len)) = &mut cell {
                    *len = len.saturating_add(4);
                }
            }
            Event::Start(e) | Event::Empty(e) if cell.is_some() => {
                let add = if e.name().as_ref() == "text:s" {
                    attr(&e, "text:c")
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .unwrap_or(1)
                } else {
                    1 // a paragraph, a tab or a line break: one character
                };
                if let Some((_, len)) = &mut cell {
                    *len = len.saturating_add(add);
                }
            }
            Event::End(e) if is_cell(e.name().as_ref()) => {
                if let (Some((value, shown)), Some((n, _))) = (number.take(), cell) {
                    if let Some(d) = shown_decimals(&value, &shown) {
                        let at = scales.entry(table.clone()).or_insert_with(|| Shown {
                            sorted: true,
                            ..Shown::default()
                        });
                        for r in rows..rows.saturating_add(row_repeat) {
                            for c in col..col.saturating_add(n) {
                                if let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) {
                                    at.insert((r, c), d, &mut scaled_cells);
                                }
                            }
                        }
                    }
                }
                if let Some((n, len)) = cell.take() {
                    col = col.saturating_add(n);
                    row_end = col;
                    row_text = row_text.saturating_add(n.saturating_mul(len));
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if row_end > 0 {
                    first.get_or_insert(rows);
                    end = rows.saturating_add(row_repeat);
                    width = width.max(row_end.min(MAX_COLS));
                    // calamine keeps each row's cells before building the
                    // rectangle: count them too.
                    total = total.saturating_add(row_end);
                    // … and copies the row's text once per repeat, after
                    // the copy it read.
                    text =
                        text.saturating_add(row_text.saturating_mul(row_repeat.saturating_add(1)));
                }
                rows = rows.saturating_add(row_repeat).min(MAX_ROWS);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(f) = first {
                    total = total.saturating_add(end.saturating_sub(f).saturating_mul(width));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if total > limit {
            return Err(SheetFindings::too_large(limit, Measure::Cells));
        }
        if text
            .saturating_add(cell.map_or(0, |c| c.1))
            .saturating_add(row_text)
            > text_limit
        {
            return Err(SheetFindings::too_large(text_limit, Measure::Text));
        }
    }
    for shown in scales.values_mut() {
        shown.finish();
    }
    Ok(scales)
}

/// Most cells one repeated number cell of an `.ods` stands for whose
/// shown decimals are kept (a spreadsheet repeats a cell for identical
/// neighbours; a hostile file's million repeats are read without them).
const MAX_SCALED_REPEATS: u64 = 256;

/// The decimals an `.ods` number cell shows beyond its value's own
/// (`9.500` for 9.5: 3), when the text shown is the value with more
/// trailing zeros, whatever the decimal sign.
fn shown_decimals(value: &str, shown: &str) -> Option<u32> {
    let v: natverk::Decimal = value.trim().parse().ok()?;
    let sep = shown.rfind(['.', ','])?;
    let tail = &shown[sep + 1..];
    if tail.is_empty() || tail.len() > 28 || !tail.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let k = tail.len() as u32;
    if k <= v.scale() {
        return None;
    }
    let mut w = v;
    w.rescale(k);
    let want = w.mantissa().unsigned_abs().to_string();
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    (w.scale() == k && w == v && digits == want.trim_start_matches('0')).then_some(k)
}

/// Keeps count of the cells and text read, against [`max_cells`] and
/// [`max_text`].
pub(crate) struct Budget {
    cells: u64,
    text: u64,
    max_cells: u64,
    max_text: u64,
}

impl Budget {
    pub(crate) fn new(len: usize) -> Budget {
        Budget {
            cells: 0,
            text: 0,
            max_cells: max_cells(len),
            max_text: max_text(len),
        }
    }
    /// One more cell with a value, and its text.
    pub(crate) fn take(&mut self, cell: &natverk::tables::SheetCell) -> Result<(), SheetFindings> {
        use natverk::tables::SheetCell;
        let text = match cell {
            SheetCell::Text(t) | SheetCell::Error(t) => t.len(),
            _ => 0,
        };
        self.cells += 1;
        if self.cells > self.max_cells {
            return Err(SheetFindings::too_large(self.max_cells, Measure::Cells));
        }
        self.text = self.text.saturating_add(text as u64);
        if self.text > self.max_text {
            return Err(SheetFindings::too_large(self.max_text, Measure::Text));
        }
        Ok(())
    }
}
