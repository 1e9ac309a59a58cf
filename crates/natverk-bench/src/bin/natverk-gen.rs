//! `natverk-gen --seed N --networks 50000 -o FILE`: writes a national-scale
//! `natverk/1` inventory (see the `natverk_bench` crate docs).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: natverk-gen [--seed N] [--networks N] [-o FILE]   (defaults: 1, 50000, stdout)"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut p = natverk_bench::Params {
        seed: 1,
        networks: 50_000,
    };
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let Some(v) = args.next() else {
            return usage();
        };
        match a.as_str() {
            "--seed" => match v.parse() {
                Ok(s) => p.seed = s,
                Err(_) => return usage(),
            },
            "--networks" => match v.parse() {
                Ok(n) => p.networks = n,
                Err(_) => return usage(),
            },
            "-o" | "--output" => out = Some(v),
            _ => return usage(),
        }
    }
    let result = match &out {
        Some(path) => write_atomically(path, &p),
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            natverk_bench::generate(&p, &mut w).and_then(|()| w.flush())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("natverk-gen: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes a temporary file next to `path` and renames it (SPEC §9).
fn write_atomically(path: &str, p: &natverk_bench::Params) -> std::io::Result<()> {
    let tmp = format!("{path}.tmp");
    let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
    natverk_bench::generate(p, &mut w)?;
    w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&tmp, path)
}
