//! `natverk`: the command line over the natverk core (SPEC §8). Everything
//! lives in the library crate (`natverk_cli`), so it can be tested and
//! fuzzed; this is the entry point only.

fn main() -> std::process::ExitCode {
    natverk_cli::main()
}
