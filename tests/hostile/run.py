#!/usr/bin/env python3
"""The hostile-input suite of natverk (SPEC §9, issue 11).

Runs the REAL release binary on each case of `CASES` under a memory cap and a
time limit, and asserts exactly one of two outcomes:

- it finished within the SPEC §9 bound (2 s + 1 s per MB of input, peak
  memory 256 MB + 10 x n), with the exit code the case expects; or
- it stopped with a limit finding: exit 1, and a finding that names the limit.

Never killed by a signal, never aborted, never exit 101 (a panic). Cases may
also check what the output says (no raw control characters, no formula in a
CSV cell, a file left untouched, ...): those are the regressions of the rows
of issue 11 that are about correctness rather than resources.

Measurements:
- memory: the peak resident set of the process (`ru_maxrss` from wait4),
  asserted <= 256 MB + 10 x n. (Linux counts in it the runner's own resident
  set at fork time, ~10 MB: inputs are generated in a child process, so the
  runner stays small and the figure errs on the high side.) The process runs under RLIMIT_AS (the limit of
  `prlimit --as` / `ulimit -v`) set to that bound plus VA_MARGIN for the
  virtual-address overhead of the binary (code, libraries, stacks, allocator
  slack; a run needs < 8 MB of it, measured), so a runaway allocation fails
  inside the cap instead of taking the machine.
- time: CPU time (user + system) asserted <= 2 s + 1 s/MB. Wall time is
  allowed WALL_FACTOR x that before the case is killed and reported as hung:
  the suite runs on a shared 2-core machine where wall time is noisy.

n is the size of the case's input files plus its arguments (for a stream such
as /dev/zero: what the binary may read, the input limit).

Rows whose fix is the core's are marked `-core` or named in LEAD_PENDING
while pending (their cases run and are reported, but do not fail the
suite); today none is pending.

Usage:
  tests/hostile/run.py [--binary target/release/natverk] [-k PATTERN] [--list]
                       [--regressions] [--json FILE]
`--regressions` runs only the cases marked as regressions of a row (each must
fail on the landed main before issue 11 and pass after); with the old binary
(`--binary /path/to/old/natverk --expect-fail`) it reports which rows fail.
"""

import argparse
import csv
import io
import json
import multiprocessing
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import gen  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

MB = 1_000_000
MEM_BASE = 256 * MB
MEM_PER_BYTE = 10
TIME_BASE = 2.0
TIME_PER_MB = 1.0
VA_MARGIN = 64 * 2**20
WALL_FACTOR = 5.0
INPUT_LIMIT = 512 * 2**20  # natverk::load::MAX_INPUT_BYTES

# Rows of issue 11 whose fix lives in the core (the lead's rewrite). Their
# cases run and are reported; they do not fail the suite. Empty it as they land.
LEAD_PENDING = {}  # every row's core half is fixed (issue 11)

CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202e]")
CAPTURE = 4 * 2**20  # bytes of stdout and stderr kept for the checks


@dataclass
class Result:
    code: int = None          # exit code, or None when killed
    signal: int = None        # the signal that ended it
    wall: float = 0.0
    cpu: float = 0.0
    rss: int = 0              # bytes
    stdout: bytes = b""       # the first CAPTURE bytes
    stderr: bytes = b""
    out_size: int = 0         # bytes written to stdout and stderr

    hung: bool = False
    dir: Path = None
    note: str = ""

    def text(self):
        return (self.stdout + self.stderr).decode("utf-8", "replace")


@dataclass
class Case:
    name: str
    row: str                  # the issue's row ("4", "1-core") or a class of our own ("own")
    args: list                # arguments; "{x}" is the path of input file x
    files: dict = field(default_factory=dict)   # name -> bytes, or a callable returning bytes
    expect: str = "ok"        # ok (0) | findings (1) | usage (2) | limit (1 with a limit finding) | done (0 or 1)
    checks: list = field(default_factory=list)  # callables (Result) -> error text or None
    n: int = None             # input size for the bound (default: files + args)
    regression: bool = False  # fails on main before issue 11, passes after
    max_rss: int = None       # a stricter memory bound for this case (bytes)
    max_secs: float = None    # a stricter time bound for this case (CPU seconds)
    setup: object = None      # callable(dir) run before (e.g. make a FIFO)
    interrupt: int = None     # send this signal once a temporary file exists ...
    interrupt_after: float = None  # ... or after this many seconds, whichever comes first
    feed: object = None       # callable(dir) run in the runner (a FIFO's feeder thread)
    stdout_file: bool = True  # capture stdout in a file (big outputs)
    fsize: int = None         # RLIMIT_FSIZE for the run (bytes; SIGXFSZ ignored): a full disk


# ---------------------------------------------------------------------------
# Checks


def no_raw_control(res):
    bad = CONTROL_RE.search(res.text())
    if bad:
        return f"raw control character {bad.group()!r} in the output"


def out_contains(*needles):
    def check(res):
        t = res.text()
        for n in needles:
            if n not in t:
                return f"the output does not say {n!r}"
    return check


def out_lacks(*needles):
    def check(res):
        t = res.text()
        for n in needles:
            if n in t:
                return f"the output says {n!r}"
    return check


def count_in_stderr(needle, times):
    def check(res):
        c = res.stderr.decode("utf-8", "replace").count(needle)
        if c != times:
            return f"{needle!r} is said {c} times on stderr, not {times}"
    return check


def stderr_smaller_than(limit):
    def check(res):
        if res.out_size >= limit:
            return f"the messages are {res.out_size} bytes (limit {limit})"
    return check


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def no_formula_cells(path_name=None):
    def check(res):
        data = (res.dir / path_name).read_bytes() if path_name else res.stdout
        text = data.decode("utf-8", "replace")
        for rec in csv.reader(io.StringIO(text)):
            for cell in rec:
                s = cell.lstrip(" \u00a0")
                if s.startswith(FORMULA_START):
                    try:
                        float(cell)
                        continue  # a number natverk wrote
                    except ValueError:
                        return f"a CSV cell a spreadsheet reads as a formula: {cell[:60]!r}"
        if not text.strip():
            return "no CSV written"
    return check


def file_is(name, kind):
    def check(res):
        p = res.dir / name
        st = os.lstat(p)
        import stat as S
        ok = {"symlink": S.S_ISLNK, "fifo": S.S_ISFIFO, "chardev": S.S_ISCHR, "dir": S.S_ISDIR}[kind](st.st_mode)
        if not ok:
            return f"{name} is no longer a {kind}"
    return check


def file_content(name, content):
    def check(res):
        if (res.dir / name).read_bytes() != content:
            return f"{name} was changed"
    return check


def no_temp_files(res):
    left = [p.name for p in res.dir.iterdir() if p.name.startswith(".natverk-")]
    if left:
        return f"temporary files left: {left}"


def exit_code(code):
    def check(res):
        if res.code != code:
            return f"exit {res.code} (signal {res.signal}), expected {code}"
    return check


def json_output(pred, what):
    def check(res):
        try:
            v = json.loads(res.stdout)
        except ValueError as e:
            return f"not JSON: {e}"
        if not pred(v):
            return what
    return check


# ---------------------------------------------------------------------------
# Cases

F = gen


def fmt_cases(prefix, row, args, files, formats=("table", "json", "csv", "md", "html", "xlsx"),
              expect="done", regression_formats=(), **kw):
    out = []
    for f in formats:
        a = list(args) + ["-f", f]
        if f == "xlsx":
            a += ["-o", "{out}/r.xlsx"]
        out.append(Case(f"{prefix}-{f}", row, a, files, expect=expect,
                        regression=f in regression_formats, **kw))
    return out


def mkfifo(name):
    def setup(d):
        os.mkfifo(d / name)
    return setup


def mknod_null(name):
    def setup(d):
        os.mknod(d / name, 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))
    return setup


def symlink_to(name, target, content):
    def setup(d):
        (d / target).write_bytes(content)
        os.symlink(d / target, d / name)
    return setup


def sparse(name, size):
    def setup(d):
        with open(d / name, "wb") as f:
            f.truncate(size)
    return setup


def existing(name, content):
    def setup(d):
        (d / name).write_bytes(content)
    return setup


def fifo_feeder(name, data):
    """A FIFO input, fed by a thread once the binary opens it."""
    def setup(d):
        p = d / name
        os.mkfifo(p)

        def feed():
            with open(p, "wb") as f:
                f.write(data)
        threading.Thread(target=feed, daemon=True).start()
    return setup


IMPORT = ["import", "{sheet}", "--organisation", "K", "--currency", "SEK"]
SUBJ = {"inv": lambda: F.one_network_many_subjects(1000)}
BIG_OUT = {"inv": lambda: F.one_network_many_subjects(1000)}
LONG = {"inv": lambda: F.many_networks(60_000, years=3, subjects=2)}


# -- Issue 20: workbooks from strangers (wb<cause>-...) ----------------------
# Each class generalises one cause of the issue; every case imports the
# workbook with `natverk import` (or writes one under a full disk).

WB = ["import", "{xlsx}"]
WB_ODS = ["import", "{ods}"]
REFUSED = "limit"  # exit 1 with a finding that names the limit


def wb_case(name, cause, files, expect, checks=(), args=None, **kw):
    a = args or (WB if "xlsx" in files else WB_ODS)
    return Case(name, f"wb{cause}", a, files, expect=expect, checks=list(checks), **kw)


def says(*needles):
    return out_contains(*needles)


ODS_SPACES_CELL = ('<table:table-cell office:value-type="string" table:number-columns-repeated="{cols}">'
                   '<text:p>x<text:s text:c="1000"/></text:p></table:table-cell>')

WORKBOOK_CASES = [
    # 1. .ods <text:s text:c="N"/>: N spaces in calamine
    wb_case("wb1-ods-spaces-300M", 1, {"ods": lambda: F.ods_spaces(300_000_000)}, REFUSED,
            [says("bytes of text")], regression=True),
    wb_case("wb1-ods-spaces-4x300M", 1, {"ods": lambda: F.ods_spaces(300_000_000, per_cell=4)}, REFUSED,
            regression=True),
    wb_case("wb1-ods-spaces-1e30", 1, {"ods": lambda: F.ods_spaces(10**30)}, "findings"),
    wb_case("wb1-ods-spaces-charref", 1, {"ods": lambda: F.ods_spaces("&#51;00000000")}, REFUSED),
    wb_case("wb1-ods-spaces-many-cells", 1, {"ods": lambda: F.ods_spaces(200_000, cells=2000)}, REFUSED),
    wb_case("wb1-ods-spaces-repeated", 1, {"ods": lambda: F.ods_repeated(ODS_SPACES_CELL, rows=100_000)},
            REFUSED),
    # (a sheet `notes` is unknown: findings, but read, and no limit)
    # (a sheet the format does not know is read past with a warning, SPEC §10)
    wb_case("wb1-ods-spaces-small-read", 1, {"ods": lambda: F.ods_spaces(3, cells=10)}, "ok",
            [says("sheet `notes` is none of the format's sheets"), out_lacks("limit")]),
    # 2. the shared-string table's claimed size
    wb_case("wb2-unique-count-1e18", 2, {"xlsx": lambda: F.wb_unique_count(10**18)}, REFUSED,
            [says("shared strings")], regression=True),
    wb_case("wb2-unique-count-1e9", 2, {"xlsx": lambda: F.wb_unique_count(10**9)}, REFUSED, regression=True),
    wb_case("wb2-unique-count-1e30", 2, {"xlsx": lambda: F.wb_unique_count(10**30)}, REFUSED),
    wb_case("wb2-unique-count-wrong-small", 2, {"xlsx": lambda: F.wb_unique_count(0, strings=3)}, "ok"),
    wb_case("wb2-unique-count-negative", 2, {"xlsx": lambda: F.wb_unique_count(-5)}, "ok"),
    # 3. one shared string used by many cells
    wb_case("wb3-shared-1000-chars-1M-cells", 3, {"xlsx": lambda: F.wb_shared_reuse(1000, 1_000_000)}, REFUSED,
            [says("bytes of text")], regression=True),
    wb_case("wb3-shared-100k-chars-100k-cells", 3, {"xlsx": lambda: F.wb_shared_reuse(100_000, 100_000)},
            REFUSED, regression=True),
    wb_case("wb3-shared-10-chars-100k-cells", 3, {"xlsx": lambda: F.wb_shared_reuse(10, 100_000)}, "findings"),
    wb_case("wb3-ods-long-string-repeated", 3, {"ods": lambda: F.ods_repeated(
        '<table:table-cell office:value-type="string" table:number-columns-repeated="{cols}">'
        '<text:p>' + "y" * 10_000 + '</text:p></table:table-cell>', cols=1000, rows=1000)}, REFUSED),
    # 4. styles.xml: a long number format (or font) copied into every cell format
    wb_case("wb4-numfmt-100k-x-5k", 4, {"xlsx": lambda: F.wb_styles(100_000, 5_000)}, REFUSED,
            [says("cell formats")], regression=True),
    wb_case("wb4-numfmt-100k-x-100k", 4, {"xlsx": lambda: F.wb_styles(100_000, 100_000)}, REFUSED,
            regression=True),
    wb_case("wb4-font-100k-x-20k", 4, {"xlsx": lambda: F.wb_styles(1, 20_000, font_chars=100_000)}, REFUSED),
    wb_case("wb4-1M-small-xfs", 4, {"xlsx": lambda: F.wb_styles(1, 1_000_000)}, REFUSED),
    wb_case("wb4-ordinary-styles-ok", 4, {"xlsx": lambda: F.wb_styles(20, 200)}, "ok"),
    # 5. .ods repeats the pre-count must not miss
    wb_case("wb5-ods-value-without-type", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell office:value="1" table:number-columns-repeated="{cols}"/>')}, REFUSED,
            regression=True),
    wb_case("wb5-ods-rows-charref", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="{cols}"/>',
        row_attr='table:number-rows-repeated="&#49;048576"')}, REFUSED, regression=True),
    wb_case("wb5-ods-string-value-repeated", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell office:string-value="s" table:number-columns-repeated="{cols}"/>')}, REFUSED),
    wb_case("wb5-ods-boolean-repeated", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell office:boolean-value="true" table:number-columns-repeated="{cols}"/>')}, REFUSED),
    wb_case("wb5-ods-formula-repeated", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell table:formula="of:=1" table:number-columns-repeated="{cols}"/>')}, REFUSED),
    wb_case("wb5-ods-empty-repeated-read", 5, {"ods": lambda: F.ods_repeated(
        '<table:table-cell table:number-columns-repeated="{cols}"/>')}, "ok",
            [out_lacks("limit")]),  # an empty sheet: nothing to read, nothing said
    # 6. one worksheet part named many times
    wb_case("wb6-same-part-100x", 6, {"xlsx": lambda: F.wb_same_part(100, 100_000)}, "findings",
            [says("same part")], regression=True),
    wb_case("wb6-same-part-2x-small", 6, {"xlsx": lambda: F.wb_same_part(2, 3)}, "findings",
            [says("same part")]),
    # 7. within the size limits: findings capped, valid rows read
    # 600 000 networks in 8 MB: more than a file of that size may hold
    wb_case("wb7-600k-bad-dates", 7, {"xlsx": lambda: F.wb_bad_dates(600_000)}, REFUSED,
            [says("networks")], regression=True),
    # 80 000 networks of four bad cells: findings listed up to the cap, the rest counted
    wb_case("wb7-320k-findings-capped", 7, {"xlsx": lambda: F.wb_bad_cells(80_000)}, "findings",
            [says("more problems are not listed")], regression=True),
    wb_case("wb7-ods-200k-bad-dates", 7, {"ods": lambda: F.ods_bad_dates(200_000)}, "findings"),
    wb_case("wb7-85k-valid-rows", 7, {"xlsx": lambda: F.wb_valid(85_000)}, "ok",
            args=["import", "{xlsx}", "-o", "{out}/inv.json"], regression=True),
    wb_case("wb7-ods-20k-valid-rows", 7, {"ods": lambda: F.ods_valid(20_000)}, "ok",
            args=["import", "{ods}", "-o", "{out}/inv.json"]),
    wb_case("wb7-12M-empty-shared-strings", 7, {"xlsx": lambda: F.wb_empty_shared(12_000_000)}, REFUSED,
            regression=True),
    wb_case("wb7-zip-bomb-1GB", 7, {"xlsx": lambda: F.wb_zip_bomb(1000)}, REFUSED),
    # 9. dates out of a spreadsheet's range are errors naming the cell
    wb_case("wb9-date-before-1900", 9, {"xlsx": lambda: F.wb_network_value(("date", -18138))}, "findings",
            [says("row 2, column `start` (C)", "1900-01-01 to 9999-12-31")], regression=True),
    wb_case("wb9-date-serial-3M", 9, {"xlsx": lambda: F.wb_network_value(("date", 3_000_000))}, "findings",
            [says("row 2, column `start` (C)", "1900-01-01 to 9999-12-31")], regression=True),
    wb_case("wb9-date-serial-1e308", 9, {"xlsx": lambda: F.wb_network_value(("date", "1e308"))}, "findings",
            [says("row 2, column `start` (C)", "1900-01-01 to 9999-12-31")]),
    wb_case("wb9-date-serial-inf", 9, {"xlsx": lambda: F.wb_network_value(("date", "inf"))}, "findings",
            [says("row 2, column `start` (C)", "1900-01-01 to 9999-12-31")]),
    wb_case("wb9-date-serial-zero", 9, {"xlsx": lambda: F.wb_network_value(("date", 0))}, "findings",
            [says("row 2, column `start` (C)", "1900-01-01 to 9999-12-31")]),
    wb_case("wb9-date-in-range-ok", 9, {"xlsx": lambda: F.wb_network_value(("date", 45352))}, "ok",
            [says("2024-03-01")]),
    # 13. a shared-string index that is not one; duplicate zip entries
    wb_case("wb13-index-abc", 13, {"xlsx": lambda: F.wb_bad_index("abc")}, "findings", [says("B2")],
            regression=True),
    wb_case("wb13-index-minus-1", 13, {"xlsx": lambda: F.wb_bad_index("-1")}, "findings", [says("B2")]),
    wb_case("wb13-index-1e23", 13, {"xlsx": lambda: F.wb_bad_index("100000000000000000000000")}, "findings",
            [says("B2")]),
    wb_case("wb13-index-past-the-table", 13, {"xlsx": lambda: F.wb_bad_index("2")}, "findings", [says("B2")]),
    wb_case("wb13-duplicate-zip-entry", 13, {"xlsx": lambda: F.wb_duplicate_entry()}, "findings",
            [says("two parts")], regression=True),  # noqa
    wb_case("wb13-duplicate-zip-entry-case", 13, {"xlsx": lambda: F.wb_duplicate_entry(case_only=True)},
            "findings", [says("two parts")]),
    # 8. a failed write (a full disk: RLIMIT_FSIZE) is exit 2, target intact, nothing left
    Case("wb8-export-full-disk", "wb8", ["export", "{inv}", "-o", "{out}/w.xlsx"],
         {"inv": lambda: F.many_networks(5000)}, setup=existing("w.xlsx", b"keep"), expect="usage",
         fsize=64 * 1024, checks=[file_content("w.xlsx", b"keep"), no_temp_files], regression=True),
    Case("wb8-report-xlsx-full-disk", "wb8", ["report", "{inv}", "--year", "2024", "--by", "network",
                                              "-f", "xlsx", "-o", "{out}/r.xlsx"],
         {"inv": lambda: F.many_networks(5000)}, setup=existing("r.xlsx", b"keep"), expect="usage",
         fsize=64 * 1024, checks=[file_content("r.xlsx", b"keep"), no_temp_files], regression=True),
    Case("wb8-template-full-disk", "wb8", ["template", "-o", "{out}/t.xlsx"],
         setup=existing("t.xlsx", b"keep"), expect="usage", fsize=4 * 1024,
         checks=[file_content("t.xlsx", b"keep"), no_temp_files]),
]

CASES = [
    # -- Row 1: small files must not buy large outputs ------------------------
    # Core half: the core must bound the report's lines (a million from 8 KB).
    *fmt_cases("r1-core-million-lines", "1-core",
               ["report", "{inv}", "--from", "1000", "--to", "1999", "--by", "subject,year"],
               SUBJ, formats=("csv", "json")),
    # Output half: a report the core computes, too large to render.
    Case("r1-html-300k-lines", "1", ["report", "{inv}", "--from", "1000", "--to", "1299",
                                     "--by", "subject,year", "-f", "html", "-o", "{out}/r.html"],
         SUBJ, expect="limit", regression=True),
    Case("r1-xlsx-100k-lines", "1", ["report", "{inv}", "--from", "1000", "--to", "1099",
                                     "--by", "subject,year", "-f", "xlsx", "-o", "{out}/r.xlsx"],
         SUBJ, expect="limit", regression=True),
    Case("r1-table-400k-lines", "1", ["report", "{inv}", "--from", "1000", "--to", "1399",
                                      "--by", "subject,year", "-f", "table"],
         SUBJ, expect="limit"),
    Case("r1-csv-90k-lines-streamed", "1", ["report", "{inv}", "--from", "1000", "--to", "1089",
                                             "--by", "subject,year", "-f", "csv", "-o", "{out}/r.csv"],
         SUBJ, expect="ok", max_rss=120 * MB),
    Case("r1-md-90k-lines-streamed", "1", ["report", "{inv}", "--from", "1000", "--to", "1089",
                                            "--by", "subject,year", "-f", "md"],
         SUBJ, expect="ok", max_rss=120 * MB),
    Case("r1-json-90k-lines-streamed", "1", ["report", "{inv}", "--from", "1000", "--to", "1089",
                                              "--by", "subject,year", "-f", "json"],
         SUBJ, expect="ok", max_rss=120 * MB),
    Case("r1-check-xlsx-100k-findings", "1", ["check", "{inv}", "-f", "xlsx", "-o", "{out}/c.xlsx"],
         {"inv": lambda: F.units_of_ones(200_000)}, expect="done"),
    Case("r1-check-xlsx-250k-findings", "1", ["check", "{inv}", "-f", "xlsx", "-o", "{out}/c.xlsx"],
         {"inv": lambda: F.units_of_ones(500_000)}, expect="limit"),
    Case("r1-check-html-100k-findings", "1", ["check", "{inv}", "-f", "html", "-o", "{out}/c.html"],
         {"inv": lambda: F.units_of_ones(200_000)}, expect="findings"),
    Case("r1-equality-xlsx-many-networks", "1", ["equality", "{inv}", "--year", "2024", "-f", "xlsx",
                                                 "-o", "{out}/e.xlsx"],
         {"inv": lambda: F.many_networks(40_000, years=1)}, expect="ok"),
    # The largest outputs a tiny file allows: the core's base of 100 000
    # lines (csv, md, json, table), or the format's base budget of cells
    # (html, xlsx). They must render within the bound.
    Case("r1-edge-csv-1.10M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1099",
                                          "--by", "subject,year", "-f", "csv", "-o", "{out}/r.csv"],
         SUBJ, expect="ok"),
    Case("r1-edge-md-1.10M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1099",
                                         "--by", "subject,year", "-f", "md", "-o", "{out}/r.md"],
         SUBJ, expect="ok"),
    Case("r1-edge-json-1.10M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1099",
                                           "--by", "subject,year", "-f", "json", "-o", "{out}/r.json"],
         SUBJ, expect="ok"),
    Case("r1-edge-table-1.10M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1099",
                                            "--by", "subject,year", "-o", "{out}/r.txt"],
         SUBJ, expect="ok"),
    Case("r1-edge-html-0.98M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1069",
                                           "--by", "subject,year", "-f", "html", "-o", "{out}/r.html"],
         SUBJ, expect="ok"),
    Case("r1-edge-xlsx-0.40M-cells", "1", ["report", "{inv}", "--from", "1000", "--to", "1035",
                                           "--by", "subject,year", "-f", "xlsx", "-o", "{out}/r.xlsx"],
         SUBJ, expect="ok"),

    # -- Row 2 (lead): leave over long notice --------------------------------
    Case("r2-leave-notice-1200", "2", ["report", "{inv}", "--by", "network,year", "--from", "1000",
                                       "--to", "1999", "--leave", "recommended", "-f", "csv"],
         {"inv": lambda: F.leave_notice(5000)}, expect="done"),

    # -- Row 3 (lead): overfinanced over long series --------------------------
    Case("r3-overfinanced-series", "3", ["check", "{inv}", "-f", "json"],
         {"inv": lambda: F.overfinanced_series(20000)}, expect="done"),

    # -- Row 4: CSV import, one distinct unit per row --------------------------
    Case("r4-import-100k-distinct-units", "4", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: F.sheet_distinct_units(100_000)}, expect="ok", regression=True),
    Case("r4-import-too-many-rows-20MB", "4", IMPORT,
         {"sheet": lambda: F.sheet_distinct_units(700_000)}, expect="limit", regression=True),
    Case("r4-import-long-cells-20MB", "4", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: F.sheet_wide_rows(2_000, 5_000)}, expect="ok"),
    Case("r4-import-quotes", "4", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: F.sheet_many_quotes(50_000)}, expect="ok"),
    Case("r4-import-bad-rows", "4", IMPORT,
         {"sheet": lambda: F.sheet_bad_rows(90_000)}, expect="findings",
         checks=[out_contains("more problems"), stderr_smaller_than(1_000_000)]),
    Case("r4-import-many-columns", "4", IMPORT,
         {"sheet": lambda: F.sheet_many_columns(1_000_000)}, expect="limit"),
    Case("r4-import-extra-cells", "4", IMPORT,
         {"sheet": lambda: F.sheet_extra_cells(5_000_000)}, expect="findings"),
    Case("r4-import-blank-rows", "4", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: F.sheet_blank_rows(2_000_000)}, expect="ok"),

    # -- Row 5 (lead): files full of errors ------------------------------------
    Case("r5-units-of-ones-1MB", "5", ["check", "{inv}", "-f", "json"],
         {"inv": lambda: F.units_of_ones(1_000_000)}, expect="done", max_rss=None),
    Case("r5-units-of-ones-5MB-html", "5", ["check", "{inv}", "-f", "html", "-o", "{out}/c.html"],
         {"inv": lambda: F.units_of_ones(5_000_000)}, expect="done"),

    # -- Row 6: input size before reading --------------------------------------
    Case("r6-dev-zero", "6", ["check", "/dev/zero"], expect="limit", n=INPUT_LIMIT,
         regression=True, max_rss=600 * MB, max_secs=3),
    Case("r6-dev-zero-import", "6", ["import", "/dev/zero", "--organisation", "K", "--currency", "SEK"],
         expect="limit", n=INPUT_LIMIT, max_rss=600 * MB, max_secs=3),
    Case("r6-sparse-600MB", "6", ["check", "{out}/sparse.json"], setup=sparse("sparse.json", 600 * MB),
         expect="limit", n=0, regression=True, max_rss=64 * MB),
    Case("r6-sparse-600MB-report", "6", ["report", "{out}/sparse.json", "--year", "2024", "-f", "json"],
         setup=sparse("sparse.json", 600 * MB), expect="limit", n=0, max_rss=64 * MB),
    Case("r6-fifo-input", "6", ["check", "{out}/in.fifo", "--today", "2024-01-01"],
         feed=fifo_feeder("in.fifo", F.goteborg_like()), expect="ok"),

    # -- Row 7: -o onto what is not a regular file ------------------------------
    Case("r7-o-symlink", "7", ["report", "{inv}", "--year", "2024", "-o", "{out}/link.txt"],
         {"inv": F.goteborg_like}, setup=symlink_to("link.txt", "real.txt", b"keep"), expect="usage",
         checks=[file_is("link.txt", "symlink"), file_content("real.txt", b"keep")], regression=True),
    Case("r7-o-device", "7", ["report", "{inv}", "--year", "2024", "-o", "{out}/null"],
         {"inv": F.goteborg_like}, setup=mknod_null("null"), expect="usage",
         checks=[file_is("null", "chardev")], regression=True),
    Case("r7-o-fifo", "7", ["check", "{inv}", "-o", "{out}/out.fifo"],
         {"inv": F.goteborg_like}, setup=mkfifo("out.fifo"), expect="usage",
         checks=[file_is("out.fifo", "fifo"), no_temp_files], regression=True),
    Case("r7-o-directory", "7", ["schema", "-o", "{out}/d"],
         setup=lambda d: (d / "d").mkdir(), expect="usage", checks=[file_is("d", "dir")]),
    Case("r7-import-o-symlink", "7", IMPORT + ["-o", "{out}/link.json"],
         {"sheet": lambda: F.sheet_distinct_units(3)},
         setup=symlink_to("link.json", "real.json", b"keep"), expect="usage",
         checks=[file_is("link.json", "symlink"), file_content("real.json", b"keep")], regression=True),
    Case("r7-o-regular-file-replaced", "7", ["report", "{inv}", "--year", "2024", "-f", "csv",
                                             "-o", "{out}/r.csv"],
         {"inv": F.goteborg_like}, setup=existing("r.csv", b"old"), expect="ok",
         checks=[out_lacks("refusing"), no_temp_files]),

    # -- Row 8: a signal during -o leaves nothing behind -----------------------
    # 60 000 networks over three years by network and year: 180 000 lines,
    # about half a second of work to interrupt.
    Case("r8-sigint-during-o", "8", ["report", "{inv}", "--from", "2024", "--to", "2026",
                                     "--by", "network,year", "-f", "csv", "-o", "{out}/r.csv"],
         LONG, setup=existing("r.csv", b"keep"), expect="signal", interrupt=signal.SIGINT,
         checks=[exit_code(130), no_temp_files, file_content("r.csv", b"keep")], regression=True),
    Case("r8-sigterm-during-o", "8", ["report", "{inv}", "--from", "2024", "--to", "2026",
                                      "--by", "network,year", "-f", "csv", "-o", "{out}/r.csv"],
         LONG, expect="signal", interrupt=signal.SIGTERM,
         checks=[exit_code(143), no_temp_files, lambda r: "r.csv written" if (r.dir / "r.csv").exists() else None],
         regression=True),

    # The whole run takes about 0.2 s on the CI machine (it ends in the
    # xlsx limit): the signal comes at 0.05 s, while the file is loading,
    # well before any output (at 0.2 s it raced the run's end).
    Case("r8-sigint-before-the-output", "8", ["report", "{inv}", "--from", "2024", "--to", "2026",
                                              "--by", "network,year", "-f", "xlsx", "-o", "{out}/r.xlsx"],
         LONG, expect="signal", interrupt=signal.SIGINT, interrupt_after=0.05, regression=True,
         checks=[exit_code(130), no_temp_files, lambda r: "r.xlsx written" if (r.dir / "r.xlsx").exists() else None]),
    Case("r8-sigint-during-import", "8", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: F.sheet_distinct_units(100_000)}, expect="signal", interrupt=signal.SIGINT,
         interrupt_after=0.2, regression=True, checks=[exit_code(130), no_temp_files]),

    # -- Row 9 (lead): lone surrogates ------------------------------------------
    Case("r9-lone-surrogate", "9", ["check", "{inv}", "-f", "json"], {"inv": F.lone_surrogate},
         expect="findings", checks=[out_contains("invalid_value", "organiser")]),

    # -- Row 10: formulas in every CSV output ----------------------------------
    Case("r10-check-csv-formula-path", "10", ["check", "{inv}", "-f", "csv"], {"inv": F.formula_file},
         expect="findings", checks=[no_formula_cells()], regression=True),
    Case("r10-report-csv", "10", ["report", "{inv}", "--year", "2024", "--by", "network,subject,organiser,unit",
                                  "-f", "csv"], {"inv": F.formula_valid}, expect="ok", checks=[no_formula_cells()]),
    Case("r10-equality-csv", "10", ["equality", "{inv}", "--year", "2024", "-f", "csv"],
         {"inv": F.formula_valid}, expect="ok", checks=[no_formula_cells()]),
    Case("r10-check-warnings-csv", "10", ["check", "{inv}", "-f", "csv", "--today", "2024-06-01"],
         {"inv": F.formula_valid}, expect="ok", checks=[no_formula_cells()]),

    # -- Row 11: control characters for people ---------------------------------
    Case("r11-report-table", "11", ["report", "{inv}", "--year", "2024", "--by",
                                    "network,subject,organiser,unit"],
         {"inv": F.control_file}, expect="ok", checks=[no_raw_control], regression=True),
    Case("r11-equality-table", "11", ["equality", "{inv}", "--year", "2024"],
         {"inv": F.control_file}, expect="ok", checks=[no_raw_control], regression=True),
    Case("r11-check-table", "11", ["check", "{inv}", "--today", "2024-06-01"],
         {"inv": F.control_file}, expect="done", checks=[no_raw_control]),
    Case("r11-check-errors-table", "11", ["check", "{inv}"], {"inv": lambda: F.control_file(False)},
         expect="findings", checks=[no_raw_control]),
    Case("r11-report-errors-table", "11", ["report", "{inv}", "--year", "2024"],
         {"inv": lambda: F.control_file(False)}, expect="findings", checks=[no_raw_control]),
    Case("r11-import-messages", "11", IMPORT, {"sheet": F.control_sheet}, expect="findings",
         checks=[no_raw_control], regression=True),
    Case("r11-report-md", "11", ["report", "{inv}", "--year", "2024", "-f", "md"],
         {"inv": F.control_file}, expect="ok", checks=[no_raw_control]),

    # -- Row 12: sheet encodings ------------------------------------------------
    Case("r12-utf8-stray-byte", "12", IMPORT, {"sheet": F.sheet_utf8_stray_byte}, expect="findings",
         checks=[out_contains("row 3", "0xA0", "namn"), out_lacks("MalmÃ")], regression=True),
    Case("r12-utf16le-bom", "12", IMPORT, {"sheet": F.sheet_utf16}, expect="ok",
         checks=[out_contains("Göteborgs nätverk", "Förvaltning")], regression=True),
    Case("r12-utf16be-bom", "12", IMPORT, {"sheet": lambda: F.sheet_utf16(True)}, expect="ok",
         checks=[out_contains("Göteborgs nätverk", "Malmö")], regression=True),
    Case("r12-cp1252-note-on-failure", "12", IMPORT, {"sheet": lambda: F.sheet_cp1252(True)},
         expect="findings", checks=[out_contains("Windows-1252", "row 3")], regression=True),
    Case("r12-cp1252-ok", "12", IMPORT, {"sheet": F.sheet_cp1252}, expect="ok",
         checks=[out_contains("Windows-1252", "Göteborgs nätverk")]),

    # -- Row 13: long values echoed --------------------------------------------
    Case("r13-import-20MB-header", "13", IMPORT, {"sheet": lambda: F.sheet_long_header(20 * MB)},
         expect="findings", checks=[stderr_smaller_than(10_000)], regression=True),
    Case("r13-import-long-cells", "13", IMPORT, {"sheet": lambda: F.sheet_long_cells(5 * MB)},
         expect="findings", checks=[stderr_smaller_than(10_000)], regression=True),
    Case("r13-core-50MB-kind", "13-core", ["check", "{inv}", "-f", "json"],
         {"inv": lambda: F.long_kind(50 * MB)}, expect="findings", checks=[stderr_smaller_than(100_000)]),
    Case("r13-core-50MB-unknown-key", "13-core", ["check", "{inv}", "-f", "json"],
         {"inv": lambda: F.long_unknown_key(50 * MB)}, expect="findings",
         checks=[stderr_smaller_than(100_000)]),

    # -- Row 14: the formats agree near the top of the decimal type -------------
    *fmt_cases("r14-huge-amounts", "14", ["report", "{inv}", "--year", "2024"], {"inv": F.huge_amounts},
               expect="ok", regression_formats=("html",)),
    *fmt_cases("r14-overflow", "14", ["report", "{inv}", "--year", "2024"], {"inv": F.overflowing_amounts},
               expect="findings", checks=[out_contains("overflow")]),

    # -- Row 15: smaller defects ------------------------------------------------
    Case("r15-year-10000-once", "15", ["report", "{inv}", "--year", "10000"], {"inv": F.goteborg_like},
         expect="usage", checks=[count_in_stderr("9999", 1)], regression=True),
    Case("r15-today-year-0", "15", ["check", "{inv}", "--today", "0000-01-01"], {"inv": F.goteborg_like},
         expect="usage", regression=True),
    Case("r15-leave-from-without-leave", "15", ["report", "{inv}", "--year", "2024", "--leave-from", "2025"],
         {"inv": F.goteborg_like}, expect="usage", regression=True),
    Case("r15-population-too-large", "15", IMPORT + ["--population", "99999999999999999999"],
         {"sheet": lambda: F.sheet_distinct_units(2)}, expect="findings",
         checks=[out_contains("too large")], regression=True),
    Case("r15-unbalanced-quote", "15", IMPORT, {"sheet": F.sheet_unbalanced_quote}, expect="findings",
         checks=[out_contains("row 2", "quote", "name"), out_lacks("start")], regression=True),
    Case("r15-xlsx-long-name", "15", ["report", "{inv}", "--year", "2024", "-f", "xlsx", "-o", "{out}/r.xlsx"],
         {"inv": lambda: F.long_name(40_000)}, expect="ok", checks=[out_contains("32767")], regression=True),

    # -- Classes of our own -------------------------------------------------------
    Case("own-deep-nesting", "own", ["check", "{inv}", "-f", "json"], {"inv": lambda: F.deep_nesting(1_000_000)},
         expect="findings"),
    Case("own-deep-nesting-unknown-key", "own", ["check", "{inv}", "-f", "json"],
         {"inv": lambda: F.deep_nesting(1_000_000, key="x")}, expect="findings"),
    Case("own-huge-numbers", "own", ["check", "{inv}", "-f", "json"], {"inv": lambda: F.huge_numbers(100_000)},
         expect="findings", checks=[stderr_smaller_than(200_000)]),
    Case("own-check-all-errors-csv", "own", ["check", "{inv}", "-f", "csv"],
         # the core lists 215 000 findings and counts the rest in a last one
         # that names its limit (crates/natverk/tests/bounded.rs); the CSV
         # output adds no limit of its own
         {"inv": lambda: F.units_of_ones(1_000_000)}, expect="findings", checks=[out_lacks("limit of")]),
    Case("own-truncated", "own", ["check", "{inv}"], {"inv": lambda: F.truncated(2 * MB)}, expect="findings"),
    Case("own-invalid-utf8", "own", ["check", "{inv}"], {"inv": lambda: F.invalid_utf8_json(1 * MB)},
         expect="findings"),
    Case("own-duplicate-keys", "own", ["check", "{inv}", "-f", "json"], {"inv": lambda: F.duplicate_keys(200_000)},
         expect="findings"),
    *fmt_cases("own-national-report", "own", ["report", "{inv}", "--from", "2024", "--to", "2025",
                                               "--by", "network,year"],
               {"inv": lambda: F.many_networks(20_000, years=2, subjects=3, participants=200)}, expect="done"),
    *fmt_cases("own-national-by-subject", "own", ["report", "{inv}", "--year", "2024", "--by", "subject,organiser"],
               {"inv": lambda: F.many_networks(20_000, years=1, subjects=3)}, expect="done",
               formats=("table", "html")),
    *fmt_cases("own-equality", "own", ["equality", "{inv}", "--from", "2020", "--to", "2030"],
               {"inv": lambda: F.many_participants(2000, 5000)}, expect="done"),
    *fmt_cases("own-check-warnings", "own", ["check", "{inv}", "--today", "2024-01-01"],
               {"inv": lambda: F.many_warnings(30_000)}, expect="done"),
    *fmt_cases("own-long-strings", "own", ["report", "{inv}", "--year", "2024", "--by", "network,subject,unit"],
               {"inv": lambda: F.long_strings(1 * MB)}, expect="done"),
    Case("own-many-years-rates", "own", ["report", "{inv}", "--from", "1000", "--to", "1999", "--by", "year",
                                         "-f", "csv"], {"inv": F.many_years_rates}, expect="ok"),
    Case("own-many-years-check", "own", ["check", "{inv}", "-f", "json"], {"inv": F.many_years_rates},
         expect="done"),
    Case("own-many-tiers", "own", ["report", "{inv}", "--from", "2000", "--to", "2099", "--by", "year", "-f", "json"],
         {"inv": lambda: F.many_tiers(100_000)}, expect="ok"),
    Case("own-leave-many-ids", "own", ["report", "{inv}", "--year", "2024", "-f", "json",
                                       "--leave", ",".join(f"x{i}" for i in range(20_000))],
         {"inv": F.goteborg_like}, expect="findings"),
    Case("own-import-bom-crlf", "own", IMPORT + ["-o", "{out}/inv.json"],
         {"sheet": lambda: b"\xef\xbb\xbf" + F.sheet_many_quotes(1000)}, expect="ok"),
    Case("own-schema", "own", ["schema", "-o", "{out}/s.json"], expect="ok"),
    *WORKBOOK_CASES,
]


# ---------------------------------------------------------------------------
# Running


def bound(n):
    return MEM_BASE + MEM_PER_BYTE * n, TIME_BASE + TIME_PER_MB * n / MB


INPUT_EXT = {"sheet": ".csv", "xlsx": ".xlsx", "ods": ".ods"}


def input_path(d, name):
    return d / f"{name}{INPUT_EXT.get(name, '.json')}"


def write_inputs(case, d):
    """Runs in a child process, so the runner never holds a big input."""
    for name, content in case.files.items():
        data = content() if callable(content) else content
        input_path(d, name).write_bytes(data)
    if case.setup:
        case.setup(d)


def read_head(path):
    with open(path, "rb") as f:
        return f.read(CAPTURE)


def run_case(binary, case, workdir):
    d = Path(tempfile.mkdtemp(prefix=case.name + "-", dir=workdir))
    paths = {"out": str(d)}
    size = 0
    child = multiprocessing.get_context("fork").Process(target=write_inputs, args=(case, d))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"generating the inputs of {case.name} failed")
    if case.feed:
        case.feed(d)
    for name in case.files:
        p = input_path(d, name)
        paths[name] = str(p)
        size += p.stat().st_size
    args = [a.format(**paths) for a in case.args]
    n = case.n if case.n is not None else size + sum(len(a) for a in args)
    mem, secs = bound(n)
    if case.max_secs:
        secs = min(secs, case.max_secs)
    res = Result(dir=d)

    out_path = d / "stdout.bin"
    err_path = d / "stderr.bin"

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (mem + VA_MARGIN, mem + VA_MARGIN))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if case.fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.fsize, case.fsize))

    env = dict(os.environ, LC_ALL="C.UTF-8")
    with open(out_path, "wb") as so, open(err_path, "wb") as se:
        t0 = time.monotonic()
        proc = subprocess.Popen([binary, *args], stdout=so, stderr=se, stdin=subprocess.DEVNULL,
                                preexec_fn=limit, env=env, cwd=d)
        deadline = t0 + WALL_FACTOR * secs
        status = None
        sent = False
        while status is None:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = (st, ru)
                break
            now = time.monotonic()
            if case.interrupt and not sent:
                if any(p.name.startswith(".natverk-") for p in d.iterdir()):
                    os.kill(proc.pid, case.interrupt)
                    sent = True
                elif case.interrupt_after is not None and now - t0 > case.interrupt_after:
                    os.kill(proc.pid, case.interrupt)
                    sent = True
            if now > deadline:
                os.kill(proc.pid, signal.SIGKILL)
                res.hung = True
                _, st, ru = os.wait4(proc.pid, 0)
                status = (st, ru)
                break
            time.sleep(0.002 if case.interrupt else 0.01)
        proc.returncode = 0  # reaped by wait4
        res.wall = time.monotonic() - t0
    st, ru = status
    if os.WIFSIGNALED(st):
        res.signal = os.WTERMSIG(st)
    else:
        res.code = os.WEXITSTATUS(st)
    res.cpu = ru.ru_utime + ru.ru_stime
    res.rss = ru.ru_maxrss * 1024
    res.stdout = read_head(out_path)
    res.stderr = read_head(err_path)
    res.out_size = out_path.stat().st_size + err_path.stat().st_size
    out_path.unlink()
    err_path.unlink()
    if case.interrupt and not sent:
        res.note = "finished before a temporary file could be interrupted"
    return res, n, mem, secs


def is_limit_finding(res):
    return res.code == 1 and re.search(r"\blimit\b", res.text()) is not None


def judge(case, res, n, mem, secs):
    """The problems of a result (empty: the case passes)."""
    problems = []
    if res.hung:
        problems.append(f"hung: killed after {res.wall:.1f} s wall ({WALL_FACTOR:g} x {secs:.1f} s)")
    if res.signal is not None and not res.hung:
        problems.append(f"killed by signal {res.signal}")
    if res.code == 101:
        problems.append("panicked (exit 101)")
    if res.code is not None and res.code not in (0, 1, 2) and case.expect != "signal":
        problems.append(f"exit {res.code}")
    if b"panicked at" in res.stderr or b"memory allocation of" in res.stderr:
        problems.append("panic or allocation failure on stderr")
    if res.rss > mem:
        problems.append(f"peak memory {res.rss / MB:.0f} MB > bound {mem / MB:.0f} MB")
    if case.max_rss and res.rss > case.max_rss:
        problems.append(f"peak memory {res.rss / MB:.0f} MB > {case.max_rss / MB:.0f} MB for this case")
    if res.cpu > secs:
        problems.append(f"CPU time {res.cpu:.2f} s > bound {secs:.2f} s")
    if not problems:
        want = case.expect
        ok = {
            "ok": res.code == 0,
            "findings": res.code == 1,
            "usage": res.code == 2,
            "limit": is_limit_finding(res),
            "done": res.code in (0, 1),
            "signal": True,
        }[want]
        if not ok:
            problems.append(f"exit {res.code}, expected {want}" +
                            (" (no limit finding)" if want == "limit" else "") +
                            f": {res.text()[:300]!r}")
        if res.note:
            problems.append(res.note)
        for check in case.checks:
            try:
                p = check(res)
            except Exception as e:  # a check that cannot run is a failure
                p = f"check failed: {e!r}"
            if p:
                problems.append(p)
    return problems


def outcome_word(res):
    if res.hung:
        return "hung"
    if res.signal is not None:
        return f"sig{res.signal}"
    if is_limit_finding(res):
        return "limit"
    return f"exit{res.code}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / "target/release/natverk"))
    ap.add_argument("-k", dest="pattern", help="only cases whose name contains this")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--regressions", action="store_true", help="only the regression cases")
    ap.add_argument("--expect-fail", action="store_true",
                    help="for an old binary: report, per row, whether a regression case fails")
    ap.add_argument("--json", help="write every measurement to this file")
    a = ap.parse_args()

    cases = [c for c in CASES if (not a.pattern or a.pattern in c.name) and (not a.regressions or c.regression)]
    if a.list:
        for c in cases:
            print(f"{c.row:8} {c.name}{'  [regression]' if c.regression else ''}"
                  f"{'  [lead pending]' if c.row in LEAD_PENDING else ''}")
        return 0
    a.binary = os.path.abspath(a.binary)
    if not os.access(a.binary, os.X_OK):
        print(f"no binary at {a.binary}: cargo build --release -p natverk-cli", file=sys.stderr)
        return 2

    failed, pending_failed, records = [], [], []
    row_failed = {}
    t_start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="natverk-hostile-") as work:
        print(f"{'case':44} {'row':7} {'n':>9} {'outcome':>7} {'cpu s':>6} {'/bound':>6} {'wall s':>6} "
              f"{'peak MB':>7} {'/bound':>6}  verdict")
        for c in cases:
            res, n, mem, secs = run_case(a.binary, c, work)
            problems = judge(c, res, n, mem, secs)
            pending = c.row in LEAD_PENDING
            verdict = "ok" if not problems else ("PENDING (lead)" if pending else "FAIL")
            print(f"{c.name:44} {c.row:7} {n:>9} {outcome_word(res):>7} {res.cpu:6.2f} {res.cpu / secs:6.2f} "
                  f"{res.wall:6.2f} {res.rss / MB:7.0f} {res.rss / mem:6.2f}  {verdict}")
            for p in problems:
                print(f"    - {p}")
            sys.stdout.flush()
            records.append({"case": c.name, "row": c.row, "n": n, "outcome": outcome_word(res),
                            "exit": res.code, "signal": res.signal, "cpu": round(res.cpu, 3),
                            "wall": round(res.wall, 3), "peak_bytes": res.rss, "cpu_ratio": round(res.cpu / secs, 3),
                            "mem_ratio": round(res.rss / mem, 3), "problems": problems,
                            "regression": c.regression})
            if problems:
                (pending_failed if pending else failed).append(c.name)
                if c.regression:
                    row_failed[c.row] = row_failed.get(c.row, 0) + 1
            # free the disk of big inputs at once
            for p in Path(res.dir).iterdir():
                try:
                    if p.is_file() or p.is_symlink():
                        p.unlink()
                except OSError:
                    pass

    elapsed = time.monotonic() - t_start
    if a.json:
        Path(a.json).write_text(json.dumps(records, indent=1))
    print()
    print(f"{len(cases)} cases in {elapsed:.0f} s")
    print(f"hostile: {len(cases) - len(failed) - len(pending_failed)} passed, {len(failed)} failed, "
          f"{len(pending_failed)} pending on the lead's rows ({', '.join(sorted(LEAD_PENDING))})")
    if a.expect_fail:
        rows = sorted({c.row for c in cases if c.regression}, key=lambda r: (len(r), r))
        print("regression rows failing on this binary: " +
              ", ".join(f"{r}{'' if row_failed.get(r) else ' (NOT failing)'}" for r in rows))
        return 0 if all(row_failed.get(r) for r in rows) else 1
    if failed:
        print("FAILED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
