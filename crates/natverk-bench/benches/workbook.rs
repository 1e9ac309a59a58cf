//! Workbook benchmark (SPEC §10): `cargo bench -p natverk-bench --bench workbook`.
//!
//! In one run, on generated inventories of 1 000 and 50 000 networks
//! (seed 1, as `benches/national.rs`), times
//! - the baseline: loading the inventory's JSON (`Inventory::from_slice`);
//! - export: the inventory (loaded) → xlsx bytes (`natverk_workbook::export`);
//! - import: xlsx bytes → a validated inventory (`import_bytes`), and its
//!   two halves: reading the cells (`read_sheets`) and cells → inventory
//!   (`natverk::tables::from_tables`);
//!
//! each `RUNS` times after a warm-up, and prints min and median and their
//! ratio to the baseline measured in the same run. Then it measures peak
//! memory in child processes of itself (`VmHWM`): export (read JSON, load,
//! export) and import (read xlsx, import), against SPEC §9's bound of
//! 256 MB + 10 × the input's size.
//!
//! Targets: export and import of 1 000 networks each under 1 s; of 50 000
//! each within 10× the JSON load; memory within SPEC §9.
//!
//! Environment: `NATVERK_BENCH_RUNS` (default 5), `NATVERK_BENCH_SIZES`
//! (default `1000,50000`). Without `--bench` (as `cargo test --all-targets`
//! runs it) it is a smoke test on 200 networks, one run.

#![allow(clippy::float_arithmetic)] // timings and ratios, not money

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use natverk::{Inventory, Lang};

fn env_usize(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of this process, in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

struct Timing {
    name: String,
    runs: Vec<Duration>,
}

impl Timing {
    fn min(&self) -> f64 {
        natverk_bench::min_secs(&self.runs)
    }
    fn median(&self) -> f64 {
        natverk_bench::median_secs(&self.runs)
    }
}

fn time<T>(name: String, runs: usize, mut f: impl FnMut() -> T) -> Timing {
    let mut t = Timing {
        name,
        runs: Vec::with_capacity(runs),
    };
    black_box(f()); // warm-up
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        t.runs.push(start.elapsed());
    }
    t
}

/// A child process of this binary that runs one step on `file` and prints
/// its peak RSS.
fn child(mode: &str, file: &Path) -> u64 {
    let out = std::process::Command::new(std::env::current_exe().expect("own path"))
        .arg("--memory")
        .arg(mode)
        .arg(file)
        .output()
        .expect("the memory child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().parse().unwrap_or_else(|_| {
        panic!(
            "memory child {mode} failed: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn file_of(networks: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let f = dir.join(format!("national-{networks}-seed1.json"));
    if !f.exists() {
        let bytes = natverk_bench::generate_vec(&natverk_bench::Params { seed: 1, networks });
        std::fs::write(&f, bytes).expect("writable target dir");
    }
    f
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: `--memory export|import FILE` prints the peak RSS.
    if let Some(i) = args.iter().position(|a| a == "--memory") {
        let bytes = std::fs::read(&args[i + 2]).expect("readable file");
        match args[i + 1].as_str() {
            "export" => {
                let inv = Inventory::from_slice(&bytes).expect("loads");
                black_box(natverk_workbook::export(inv.data(), Lang::Sv).expect("exports"));
            }
            _ => {
                black_box(natverk_workbook::import_bytes(&bytes).expect("imports"));
            }
        }
        println!("{}", peak_rss());
        return;
    }
    if args.iter().any(|a| a == "--list") {
        return;
    }
    let full = args.iter().any(|a| a == "--bench");
    let runs = env_usize("NATVERK_BENCH_RUNS", if full { 5 } else { 1 });
    let sizes: Vec<usize> = if full {
        std::env::var("NATVERK_BENCH_SIZES")
            .unwrap_or_else(|_| "1000,50000".into())
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect()
    } else {
        vec![200]
    };

    for networks in sizes {
        let file = file_of(networks);
        let json = std::fs::read(&file).expect("readable file");
        let inv = Inventory::from_slice(&json).expect("the inventory loads");
        let xlsx = natverk_workbook::export(inv.data(), Lang::Sv).expect("exports");
        let sheets = natverk_workbook::read_sheets(&xlsx).expect("reads");
        let cells: usize = sheets
            .iter()
            .flat_map(|s| s.rows.iter())
            .map(|r| r.cells.len())
            .sum();
        let back = natverk_workbook::import_bytes(&xlsx).expect("imports");
        assert_eq!(
            back.inventory.to_json(),
            inv.to_json(),
            "the round trip holds"
        );
        println!(
            "\n{networks} networks: JSON {:.1} MB, xlsx {:.1} MB, {cells} cells; {runs} runs each",
            json.len() as f64 / 1e6,
            xlsx.len() as f64 / 1e6,
        );
        let timings = [
            time("baseline: load JSON".into(), runs, || {
                Inventory::from_slice(&json).is_ok()
            }),
            time("export (loaded → xlsx)".into(), runs, || {
                natverk_workbook::export(inv.data(), Lang::Sv)
                    .map(|b| b.len())
                    .unwrap_or(0)
            }),
            time("import (xlsx → inventory)".into(), runs, || {
                natverk_workbook::import_bytes(&xlsx).is_ok()
            }),
            time("  import: read cells".into(), runs, || {
                natverk_workbook::read_sheets(&xlsx)
                    .map(|s| s.len())
                    .unwrap_or(0)
            }),
            time("  import: cells → inventory".into(), runs, || {
                natverk::tables::from_tables(&sheets).is_ok()
            }),
            time("  export: inventory → rows".into(), runs, || {
                natverk::tables::tables(inv.data()).len()
            }),
        ];
        let base = &timings[0];
        println!(
            "{:<30} {:>10} {:>10} {:>9} {:>9}",
            "step", "min ms", "median ms", "min ×", "median ×"
        );
        for t in &timings {
            println!(
                "{:<30} {:>10.1} {:>10.1} {:>9.2} {:>9.2}",
                t.name,
                t.min() * 1e3,
                t.median() * 1e3,
                t.min() / base.min(),
                t.median() / base.median()
            );
        }
        let xlsx_file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("national-{networks}-seed1.xlsx"));
        std::fs::write(&xlsx_file, &xlsx).expect("writable target dir");
        let mem_export = child("export", &file);
        let mem_import = child("import", &xlsx_file);
        let bound = |n: usize| 256e6 + 10.0 * n as f64;
        println!(
            "peak RSS: export {:.1} MB (bound 256 MB + 10 × JSON = {:.1} MB: {}), \
             import {:.1} MB (bound 256 MB + 10 × xlsx = {:.1} MB: {})",
            mem_export as f64 / 1e6,
            bound(json.len()) / 1e6,
            if (mem_export as f64) <= bound(json.len()) {
                "met"
            } else {
                "NOT met"
            },
            mem_import as f64 / 1e6,
            bound(xlsx.len()) / 1e6,
            if (mem_import as f64) <= bound(xlsx.len()) {
                "met"
            } else {
                "NOT met"
            },
        );
        let (e, i) = (timings[1].median(), timings[2].median());
        if !full {
            println!("smoke run (not --bench): the targets are judged by `cargo bench`");
        } else if networks <= 1000 {
            println!(
                "targets: export < 1 s: {} ({:.0} ms); import < 1 s: {} ({:.0} ms)",
                if e < 1.0 { "met" } else { "NOT met" },
                e * 1e3,
                if i < 1.0 { "met" } else { "NOT met" },
                i * 1e3
            );
        } else {
            let (re, ri) = (e / base.median(), i / base.median());
            println!(
                "targets: export ≤ 10× JSON load: {} ({re:.2}×); import ≤ 10× JSON load: {} ({ri:.2}×)",
                if re <= 10.0 { "met" } else { "NOT met" },
                if ri <= 10.0 { "met" } else { "NOT met" },
            );
        }
    }
}
