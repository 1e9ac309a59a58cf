//! `natverk`: the command line over the natverk core (SPEC §8). Everything
//! lives in the library crate (`natverk_cli`), so it can be tested and
//! fuzzed; this is the entry point only.

/// mimalloc: loading a national inventory makes about a million small
/// allocations, which glibc's allocator serves and frees markedly slower
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    natverk_cli::main()
}
