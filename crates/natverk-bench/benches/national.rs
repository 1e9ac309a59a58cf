//! National-scale benchmark: `cargo bench -p natverk-bench`.
//!
//! In one run, on one generated 50 000-network inventory (seed 1), times
//! - the floors: JSON syntax only (`serde_json` into `IgnoredAny`) and a
//!   generic parse into `serde_json::Value`;
//! - natverk: load + check (warnings); load + check + report by network; and
//!   the reports alone (by network, by subject, by subject and year), on an
//!   inventory already loaded; all reports over 2024–2026;
//!
//! each `RUNS` times, and prints min and median and their ratio to the
//! syntax-only floor. Then it measures peak memory in two child processes of
//! itself (peak RSS, `VmHWM` in `/proc/self/status`): one that only reads
//! the file, one that reads it and runs load + check + report by network.
//! The difference, over the file size, is the memory natverk needs per input
//! byte (the file's own bytes are in both and cancel out).
//!
//! Environment: `NATVERK_BENCH_NETWORKS` (default 50000), `NATVERK_BENCH_RUNS`
//! (default 7), `NATVERK_BENCH_FILE` (use this file instead of generating).
//! Run without `--bench` (as `cargo test --all-targets` does), it is a smoke
//! test on 500 networks, one run each.

#![allow(clippy::float_arithmetic)] // timings and ratios, not money

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use natverk::{GroupKey, Inventory, ReportOptions};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).expect("a valid date")
}

fn env_usize(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn report(inv: &Inventory, by: &[GroupKey]) -> natverk::Report {
    let mut o = ReportOptions::new(2024, 2026);
    o.by = by.to_vec();
    inv.report(&o).expect("the generated inventory reports")
}

/// load + check + report by network: what `natverk report` does.
fn pipeline(bytes: &[u8]) -> usize {
    let inv = Inventory::from_slice(bytes).expect("the generated inventory loads");
    let warnings = inv.warnings(today());
    let r = report(&inv, &[GroupKey::Network]);
    warnings.len() + r.lines.len()
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
    name: &'static str,
    runs: Vec<Duration>,
}

impl Timing {
    fn min(&self) -> f64 {
        self.runs
            .iter()
            .min()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
    }
    fn median(&self) -> f64 {
        let mut r = self.runs.clone();
        r.sort();
        r.get(r.len() / 2)
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
    }
}

fn time<T>(name: &'static str, runs: usize, mut f: impl FnMut() -> T) -> Timing {
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

fn child(mode: &str, file: &PathBuf) -> u64 {
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: `--memory read|pipeline FILE` prints the peak RSS.
    if let Some(i) = args.iter().position(|a| a == "--memory") {
        let bytes = std::fs::read(&args[i + 2]).expect("readable file");
        if args[i + 1] == "pipeline" {
            black_box(pipeline(&bytes));
        }
        black_box(&bytes);
        println!("{}", peak_rss());
        return;
    }
    if args.iter().any(|a| a == "--list") {
        return; // `cargo bench -- --list`: nothing to list
    }

    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // binary without it: then a quick smoke run on a small file.
    let full = args.iter().any(|a| a == "--bench");
    let networks = env_usize("NATVERK_BENCH_NETWORKS", if full { 50_000 } else { 500 });
    let runs = env_usize("NATVERK_BENCH_RUNS", if full { 7 } else { 1 });
    let file = match std::env::var_os("NATVERK_BENCH_FILE") {
        Some(f) => PathBuf::from(f),
        None => {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
            let f = dir.join(format!("national-{networks}-seed1.json"));
            if !f.exists() {
                let bytes =
                    natverk_bench::generate_vec(&natverk_bench::Params { seed: 1, networks });
                std::fs::write(&f, bytes).expect("writable target dir");
            }
            f
        }
    };
    let bytes = std::fs::read(&file).expect("readable file");
    let inv = Inventory::from_slice(&bytes).expect("the inventory loads");
    println!(
        "file: {} ({:.1} MB, {} networks, {} people), {runs} runs each",
        file.display(),
        bytes.len() as f64 / 1e6,
        inv.data().networks.len(),
        inv.data().people.len()
    );

    let timings = [
        time("read file (fs::read)", runs, || {
            std::fs::read(&file).expect("readable").len()
        }),
        time("floor: syntax only (IgnoredAny)", runs, || {
            serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok()
        }),
        time("floor: serde_json::Value", runs, || {
            serde_json::from_slice::<serde_json::Value>(&bytes).is_ok()
        }),
        time("natverk load", runs, || {
            Inventory::from_slice(&bytes).is_ok()
        }),
        time("natverk load + check", runs, || {
            natverk::check(&bytes, today()).len()
        }),
        time("load + check + report by network", runs, || {
            pipeline(&bytes)
        }),
        time("report by network (loaded)", runs, || {
            report(&inv, &[GroupKey::Network]).lines.len()
        }),
        time("report by subject (loaded)", runs, || {
            report(&inv, &[GroupKey::Subject]).lines.len()
        }),
        time("report by subject+year (loaded)", runs, || {
            report(&inv, &[GroupKey::Subject, GroupKey::Year])
                .lines
                .len()
        }),
        time("check warnings (loaded)", runs, || {
            inv.warnings(today()).len()
        }),
    ];
    let floor = &timings[1];
    println!(
        "\n{:<36} {:>10} {:>10} {:>9} {:>9}",
        "step", "min ms", "median ms", "min ×", "median ×"
    );
    for t in &timings {
        println!(
            "{:<36} {:>10.1} {:>10.1} {:>9.2} {:>9.2}",
            t.name,
            t.min() * 1e3,
            t.median() * 1e3,
            t.min() / floor.min(),
            t.median() / floor.median()
        );
    }

    let base = child("read", &file);
    let full = child("pipeline", &file);
    let size = bytes.len() as f64;
    println!(
        "\npeak RSS: read only {:.1} MB, read + load + check + report {:.1} MB; \
         natverk's share {:.1} MB = {:.2}× the file ({:.1} MB)",
        base as f64 / 1e6,
        full as f64 / 1e6,
        full.saturating_sub(base) as f64 / 1e6,
        full.saturating_sub(base) as f64 / size,
        size / 1e6
    );
    let ratio = timings[5].median() / floor.median();
    let mem = full.saturating_sub(base) as f64 / size;
    println!(
        "targets: load + check + report by network ≤ 5× syntax floor: {} ({ratio:.2}×, median); \
         peak memory ≤ 8× file: {} ({mem:.2}×)",
        if ratio <= 5.0 { "met" } else { "NOT met" },
        if mem <= 8.0 { "met" } else { "NOT met" },
    );
}
