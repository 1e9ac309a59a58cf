//! National-scale benchmark: `cargo bench -p natverk-bench`.
//!
//! In one run, on one generated 50 000-network inventory (seed 1):
//!
//! 1. **Whole processes**, each `RUNS` times (min and median wall time, and
//!    CPU time and peak memory when `/usr/bin/time` is there):
//!    - the floor: a process that reads the file and parses its JSON syntax
//!      only (`serde_json` into `IgnoredAny`), this binary in `--floor`
//!      mode;
//!    - `natverk report FILE --from 2018 --to 2026 --format json`;
//!    - `natverk check FILE --today 2025-06-01 --format json`;
//!
//!    with their ratio to the floor (targets: report ≤ 5×, moonshot ≤ 3×),
//!    and natverk's peak memory beyond the floor's (which holds the file)
//!    over the file's size (target ≤ 4×).
//! 2. **In process**, on the same bytes: the syntax floor, load, the
//!    warnings of `check` on a loaded inventory (target ≤ 2× the floor),
//!    the reports by network, by subject and by subject and year, and
//!    writing the report's JSON.
//! 3. **pandas**: `pandas/report.py`, the same report as an analyst would
//!    compute it with pandas (exact decimals), run once; its lines and
//!    total are checked against natverk's, and its time is compared with
//!    the `natverk report` process (target ≥ 25×). Python: `NATVERK_PYTHON`,
//!    else `bindings/python/.venv/bin/python`, else `python3`; skipped when
//!    pandas is not importable.
//!
//! Environment: `NATVERK_BENCH_NETWORKS` (default 50000), `NATVERK_BENCH_RUNS`
//! (default 7), `NATVERK_BENCH_FILE` (use this file instead of generating),
//! `NATVERK_BIN` (the natverk binary; default: built here with
//! `cargo build --release -p natverk-cli`), `NATVERK_BENCH_PANDAS=0` to skip
//! pandas. Run without `--bench` (as `cargo test --all-targets` does), it is
//! a smoke test on 500 networks, one run each, without pandas.

#![allow(clippy::float_arithmetic)] // timings and ratios, not money

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use natverk::{GroupKey, Inventory, ReportOptions};

const FROM: i32 = 2018;
const TO: i32 = 2026;

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
    let mut o = ReportOptions::new(FROM, TO);
    o.by = by.to_vec();
    inv.report(&o).expect("the generated inventory reports")
}

/// Times of repeated runs.
struct Runs {
    name: String,
    wall: Vec<Duration>,
    /// user + system CPU seconds, when measured.
    cpu: Vec<f64>,
    /// peak resident memory in bytes, when measured.
    peak: Vec<u64>,
}

impl Runs {
    fn new(name: impl Into<String>) -> Runs {
        Runs {
            name: name.into(),
            wall: Vec::new(),
            cpu: Vec::new(),
            peak: Vec::new(),
        }
    }
    fn min(&self) -> f64 {
        natverk_bench::min_secs(&self.wall)
    }
    fn median(&self) -> f64 {
        natverk_bench::median_secs(&self.wall)
    }
    fn cpu_min(&self) -> Option<f64> {
        self.cpu.iter().copied().reduce(f64::min)
    }
    fn peak_min(&self) -> Option<u64> {
        self.peak.iter().copied().min()
    }
}

fn time<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> Runs {
    let mut t = Runs::new(name);
    black_box(f()); // warm-up
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        t.wall.push(start.elapsed());
    }
    t
}

/// Runs a command `runs` times (after one warm-up), its output discarded;
/// under `/usr/bin/time` when it exists, for CPU time and peak memory.
/// One run of a process: wall time, and (with GNU time) CPU time and peak
/// memory into `t`. `warm`: a warm-up run, not kept.
fn run_process(t: &mut Runs, program: &Path, args: &[&str], warm: bool) {
    let gnu_time = Path::new("/usr/bin/time");
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f").arg("natverk-bench %U %S %M").arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let start = Instant::now();
    let out = cmd.output().expect("the command runs");
    let took = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{} failed: {err}",
        t.name
    );
    if warm {
        return; // warm-up: the file in the page cache
    }
    t.wall.push(took);
    if let Some(line) = err.lines().rev().find(|l| l.starts_with("natverk-bench ")) {
        let f: Vec<f64> = line
            .split_whitespace()
            .skip(1)
            .filter_map(|x| x.parse().ok())
            .collect();
        if let [user, sys, kb] = f[..] {
            t.cpu.push(user + sys);
            t.peak.push((kb * 1024.0) as u64);
        }
    }
}

/// Times processes `runs` times each, **interleaved**: each round runs
/// every process once, in turn, so that the floor and the commands see the
/// same state of a shared machine (a ratio of two series taken minutes
/// apart means little here). One warm-up round first.
fn time_processes(runs: usize, procs: &[(&str, &Path, &[&str])]) -> Vec<Runs> {
    let mut out: Vec<Runs> = procs.iter().map(|(name, _, _)| Runs::new(*name)).collect();
    for i in 0..=runs {
        for ((_, program, args), t) in procs.iter().zip(out.iter_mut()) {
            run_process(t, program, args, i == 0);
        }
    }
    out
}

/// The natverk binary: `NATVERK_BIN`, else built here (release).
fn natverk_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("NATVERK_BIN") {
        return PathBuf::from(p);
    }
    // This binary is target/<profile>/deps/national-…; the CLI goes to
    // target/release/natverk.
    let exe = std::env::current_exe().expect("own path");
    let target = exe
        .ancestors()
        .nth(3)
        .expect("a target directory")
        .to_path_buf();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "-p", "natverk-cli"])
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building natverk-cli failed");
    target.join("release").join("natverk")
}

fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NATVERK_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bindings/python/.venv/bin/python");
    let py = if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    };
    let ok = Command::new(&py)
        .args(["-c", "import pandas"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(py)
}

/// The lines and total of a report's JSON, for comparing two reports.
fn lines_and_total(json: &[u8]) -> (Vec<serde_json::Value>, serde_json::Value) {
    let v: serde_json::Value = serde_json::from_slice(json).expect("a report");
    let lines = v["lines"].as_array().cloned().unwrap_or_default();
    (lines, v["total"].clone())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: the floor process, `--floor FILE`.
    if let Some(i) = args.iter().position(|a| a == "--floor") {
        let bytes = std::fs::read(&args[i + 1]).expect("readable file");
        let ok = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok();
        std::process::exit(if ok { 0 } else { 1 });
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
    let size = bytes.len() as f64;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "file: {} ({:.1} MB, {} networks, {} people), {runs} runs each; load average {}",
        file.display(),
        size / 1e6,
        inv.networks().len(),
        inv.data().people.len(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );

    // 1. Whole processes.
    let own = std::env::current_exe().expect("own path");
    let bin = if full { natverk_bin() } else { PathBuf::new() };
    let f = file.to_str().expect("a UTF-8 path");
    let (from, to) = (FROM.to_string(), TO.to_string());
    let processes = if full {
        let report: &[&str] = &[
            "report", f, "--from", &from, "--to", &to, "--format", "json",
        ];
        let check: &[&str] = &["check", f, "--today", "2025-06-01", "--format", "json"];
        time_processes(
            runs,
            &[
                ("floor: read + syntax-only parse", &own, &["--floor", f]),
                ("natverk report (json, by network)", &bin, report),
                ("natverk check (json)", &bin, check),
            ],
        )
    } else {
        Vec::new()
    };
    if let Some(floor) = processes.first() {
        println!(
            "\n{:<40} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9}",
            "whole process", "min ms", "med ms", "min ×", "med ×", "cpu ms", "cpu ×", "peak MB"
        );
        for p in &processes {
            let cpu = p.cpu_min();
            println!(
                "{:<40} {:>9.1} {:>9.1} {:>8.2} {:>8.2} {:>8} {:>8} {:>9}",
                p.name,
                p.min() * 1e3,
                p.median() * 1e3,
                p.min() / floor.min(),
                p.median() / floor.median(),
                cpu.map_or("-".into(), |c| format!("{:.0}", c * 1e3)),
                cpu.zip(floor.cpu_min())
                    .map_or("-".into(), |(c, f)| format!("{:.2}", c / f)),
                p.peak_min()
                    .map_or("-".into(), |b| format!("{:.1}", b as f64 / 1e6)),
            );
        }
        // Each round ran the floor and the commands one after the other:
        // the ratio within a round pairs runs that saw the same machine.
        for p in &processes[1..] {
            let mut ratios: Vec<f64> = p
                .wall
                .iter()
                .zip(&floor.wall)
                .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64())
                .collect();
            ratios.sort_by(f64::total_cmp);
            if let (Some(lo), Some(hi)) = (ratios.first(), ratios.last()) {
                println!(
                    "{}: ratio to the floor within each round: median {:.2}× (from {:.2}× to {:.2}×)",
                    p.name,
                    ratios[ratios.len() / 2],
                    lo,
                    hi
                );
            }
        }
        if let (Some(fp), Some(rp)) = (floor.peak_min(), processes[1].peak_min()) {
            let share = rp.saturating_sub(fp) as f64;
            println!(
                "natverk report's memory beyond the floor's (which holds the file): {:.1} MB = {:.2}× the file",
                share / 1e6,
                share / size
            );
        }
    }

    // 2. In process.
    let timings = [
        time("floor: syntax only (IgnoredAny)", runs, || {
            serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok()
        }),
        time("natverk load", runs, || {
            Inventory::from_slice(&bytes).is_ok()
        }),
        time("check warnings (loaded)", runs, || {
            inv.warnings(today()).len()
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
        time("report JSON written", runs, {
            let r = report(&inv, &[GroupKey::Network]);
            move || r.to_json().len()
        }),
    ];
    let floor = &timings[0];
    println!(
        "\n{:<40} {:>9} {:>9} {:>8} {:>8}",
        "in process", "min ms", "med ms", "min ×", "med ×"
    );
    for t in &timings {
        println!(
            "{:<40} {:>9.1} {:>9.1} {:>8.2} {:>8.2}",
            t.name,
            t.min() * 1e3,
            t.median() * 1e3,
            t.min() / floor.min(),
            t.median() / floor.median()
        );
    }

    // 3. pandas.
    let pandas = full && std::env::var("NATVERK_BENCH_PANDAS").as_deref() != Ok("0");
    if let (true, Some(py)) = (pandas, python()) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("pandas/report.py");
        let start = Instant::now();
        let out = Command::new(&py)
            .arg(&script)
            .args([f, &from, &to])
            .output()
            .expect("python runs");
        let took = start.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ours = Command::new(&bin)
            .args([
                "report", f, "--from", &from, "--to", &to, "--format", "json",
            ])
            .output()
            .expect("natverk runs");
        assert_eq!(
            lines_and_total(&out.stdout),
            lines_and_total(&ours.stdout),
            "pandas/report.py and natverk disagree"
        );
        let natverk = processes[1].min();
        println!(
            "\npandas/report.py: {:.1} s, the same lines and total as natverk; natverk report is {:.0}× faster (min)",
            took,
            took / natverk
        );
    } else if full {
        println!("\npandas/report.py: skipped (no Python with pandas, or NATVERK_BENCH_PANDAS=0)");
    }
}
