//! SPEC §9, measured: every input of n bytes is handled within
//! 256 MB + 10 × n of memory and 2 s + 1 s per MB — the whole pipeline of
//! the command line: check, load, a report with options from the input
//! (up to 1000 years, any group keys), its output size check and its
//! rendering in a format from the input, equality statistics, and the same
//! bytes imported as a CSV sheet.
//!
//! Peak memory is counted by a global allocator (bytes live at the peak,
//! above what was live before the input); time by the wall clock, allowed
//! `SLOWDOWN` × the bound for the fuzzer's coverage instrumentation. The
//! worst ratios seen are printed whenever they grow.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Instant;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use natverk::Lang;
use natverk::{EqualityOptions, GroupKey, Inventory, ReportOptions, Scope};
use natverk_cli::cli::Format;
use natverk_cli::limits::{self, What};
use natverk_cli::render::{self, Context};

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

/// The fuzzer's coverage instrumentation makes code ~2–4× slower than the
/// release binary; the time bound is allowed this factor.
const SLOWDOWN: f64 = 4.0;

const KEYS: [GroupKey; 7] = [
    GroupKey::Network,
    GroupKey::Subject,
    GroupKey::Organiser,
    GroupKey::Unit,
    GroupKey::Kind,
    GroupKey::Status,
    GroupKey::Year,
];

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    from: u16,
    span: u16,
    by: u8,
    central: bool,
    format: u8,
    text: &'a [u8],
}

/// The worst ratios seen: (peak / bound, time / bound) in millionths.
static WORST_MEM: AtomicU64 = AtomicU64::new(0);
static WORST_TIME: AtomicU64 = AtomicU64::new(0);
static WORST_PER_BYTE: AtomicU64 = AtomicU64::new(0);
static PRINT: Mutex<()> = Mutex::new(());

fn run(input: &Input<'_>) {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let text = input.text;
    let n = text.len() as u64;
    let _ = natverk::check(text, today);
    if let Ok(inv) = Inventory::from_slice(text) {
        let from = 1 + i32::from(input.from) % 9999;
        let to = (from + i32::from(input.span % 1000)).min(9999);
        let mut opts = ReportOptions::new(from, to);
        opts.by = KEYS
            .iter()
            .enumerate()
            .filter(|(i, _)| input.by & (1 << i) != 0)
            .map(|(_, k)| *k)
            .collect();
        opts.scope = if input.central { Scope::Central } else { Scope::All };
        let format = [Format::Table, Format::Json, Format::Csv, Format::Md, Format::Html]
            [usize::from(input.format % 5)];
        let mut eo = EqualityOptions::new(from, to);
        eo.scope = opts.scope;
        let eq = inv.equality(&eo);
        if let Ok(report) = inv.report(&opts) {
            let ctx = Context {
                inv: Some(&inv),
                lang: Lang::Sv,
                options: Vec::new(),
                findings: natverk::Findings::new(inv.warnings(today)),
                equality: eq.ok(),
                today,
            };
            let c = (format == Format::Html).then_some(&ctx);
            let size = natverk_cli::cmd::report_size(&report, c, format);
            if limits::check_output(format, What::Report, size, n).is_ok() {
                let mut out = std::io::sink();
                let view = render::table::View {
                    columns: None,
                    wide: input.central,
                    width: Some(100),
                };
                let _ = match format {
                    Format::Json => report.write_json(&mut out, true).map_err(render::RenderError::Io),
                    Format::Table => render::table::report(&report, Lang::Sv, &view, &mut out),
                    Format::Csv => render::csv::report(&report, &mut out),
                    Format::Md => render::md::report(&report, Lang::En, &mut out),
                    _ => render::html::report(&report, &ctx, &mut out),
                };
            }
        }
    }
    let opts = natverk_cli::import::Options {
        organisation: "Fuzz kommun".into(),
        currency: "SEK".into(),
        code: None,
        population: Some("604 616".into()),
        rates: vec!["EUR:2024:11,43".into()],
    };
    let _ = natverk_cli::import::import(text, &opts);
}

fuzz_target!(|input: Input<'_>| {
    let n = input.text.len() as f64;
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    run(&input);
    let secs = t.elapsed().as_secs_f64();
    let peak = PEAK.load(Relaxed).saturating_sub(base) as f64;
    let mem_bound = 256e6 + 10.0 * n;
    let time_bound = 2.0 + n / 1e6;
    let (m, s) = (peak / mem_bound, secs / time_bound);
    let per_byte = peak / n.max(1.0);
    let grew = [
        (&WORST_MEM, m),
        (&WORST_TIME, s),
        (&WORST_PER_BYTE, per_byte / 1e6),
    ]
    .iter()
    .fold(false, |g, (w, v)| {
        let v = (v * 1e6) as u64;
        g | (w.fetch_max(v, Relaxed) < v)
    });
    if grew {
        let _g = PRINT.lock();
        eprintln!(
            "resources: worst so far: memory {:.6} of the bound, time {:.6} of the bound, {:.0} bytes allocated per input byte (this input: {} bytes, peak {} bytes, {:.3} ms)",
            WORST_MEM.load(Relaxed) as f64 / 1e6,
            WORST_TIME.load(Relaxed) as f64 / 1e6,
            WORST_PER_BYTE.load(Relaxed) as f64,
            n,
            peak,
            secs * 1e3
        );
    }
    assert!(
        peak <= mem_bound,
        "SPEC §9 memory bound: {peak} bytes at the peak for {n} bytes of input (bound {mem_bound})"
    );
    assert!(
        secs <= SLOWDOWN * time_bound,
        "SPEC §9 time bound: {secs:.3} s for {n} bytes of input (bound {time_bound:.3} s × {SLOWDOWN})"
    );
});
