//! Every limit of the crate, in one place (SPEC §9). Each is documented in
//! `DESIGN.md` with the finding it gives and its measured worst case.

/// Largest input accepted, in bytes. Larger files are refused with a
/// finding before they are read.
pub const MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;

/// Deepest nesting of arrays and objects (serde_json's own limit); a valid
/// inventory nests at most 5 deep.
pub const MAX_DEPTH: usize = 128;

/// Earliest year (years are four-digit, as in dates).
pub const MIN_YEAR: i32 = 1;

/// Latest year.
pub const MAX_YEAR: i32 = 9999;

/// Largest population accepted (10¹³, a thousand times the world's).
pub const MAX_POPULATION: u64 = 10_000_000_000_000;

/// Longest notice period, in months (100 years).
pub const MAX_NOTICE_MONTHS: u32 = 1200;

/// Most negative `population_offset` of a fee schedule, in years.
pub const MIN_POPULATION_OFFSET: i32 = -100;

/// Longest report range, in years: keeps a typo (`--to 20255`) from
/// producing millions of lines.
pub const MAX_SPAN_YEARS: i32 = 1000;

/// Longest key compared with the known keys for a suggestion: the edit
/// distance costs length × length, and no known key is near a longer one.
pub const MAX_SUGGEST_KEY: usize = 64;

/// Longest value echoed in a message, in characters; longer ones are cut
/// with `...`.
pub const CLIP_CHARS: usize = 40;

/// Most network-years one report computes whatever the file's size (rows
/// of the ledger): a defence in depth behind [`report_parts`].
pub const MAX_REPORT_ROWS: usize = 50_000_000;

/// Most network-year parts (network-years, each split over its subjects
/// when grouping by subject) a report computes for an inventory of
/// `input_bytes`: two million, and two more per byte of input. At about a
/// fifth of a microsecond a part, this keeps a report within SPEC §9's
/// 2 s + 1 s per MB; a report that would compute more is refused before
/// any is computed.
#[doc(hidden)]
pub fn report_parts(input_bytes: usize) -> usize {
    2_000_000usize.saturating_add(input_bytes.saturating_mul(2))
}

/// Most lines a report has for an inventory of `input_bytes`: a hundred
/// thousand, and one more per 96 bytes of input. A line costs about
/// 700 bytes from grouping to output (measured: 100 000 lines of a 7 KB
/// file peak at 97 MB in the command line), so this keeps a report within
/// SPEC §9's 256 MB + 10 × the input: 70 MB for the base, 7.3 bytes per
/// input byte. A national inventory (50 000 networks, 40 MB) may report
/// ten years by network and year (520 000 lines).
#[doc(hidden)]
pub fn report_lines(input_bytes: usize) -> usize {
    100_000usize.saturating_add(input_bytes / 96)
}

/// Most findings listed for an input of `input_bytes`: two hundred
/// thousand, and one more per 64 bytes. A finding costs up to 500 bytes of
/// memory from the validator to the output (measured: 524 000 findings of a
/// 5 MB file of errors took 310 MB of address space), so a file that is
/// nothing but errors (one per two bytes: `[1,1,1,…]` where objects
/// belong) stays within SPEC §9's 256 MB + 10 × the input: 100 MB for the
/// base, 8 bytes per input byte. The findings past this are counted in one
/// more error that names the limit. A real file lists every finding (a
/// national inventory of 40 MB may list 800 000).
#[doc(hidden)]
pub fn max_findings(input_bytes: usize) -> usize {
    200_000usize.saturating_add(input_bytes / 64)
}

/// Most cost-years the `overfinanced` check evaluates for an inventory of
/// `input_bytes` (each year in which a network's figures may change, times
/// its costs and financing): ten million, and three more per byte. An
/// inventory crafted to need more (thousands of costs on a network that
/// runs for millennia, with a population for every year) gets an error
/// finding instead, and every other warning.
#[doc(hidden)]
pub fn check_work(input_bytes: usize) -> usize {
    10_000_000usize.saturating_add(input_bytes.saturating_mul(3))
}

/// Most findings an [`Error`](crate::Error)'s text lists; the rest are
/// counted ("… and 1 980 more").
pub const DISPLAY_FINDINGS: usize = 20;
