#!/usr/bin/env python3
"""Instruction-test runner: asm files with their expected machine state in a header.

Every tests/asm/**/*.asm file is assembled with nasm, linked static with ld, run natively
and (unless --native-only) under `retrace run --tier=TIER [--retrace-arg ...] -- PROGRAM`.
prologue.inc/epilogue.inc make each program write a fixed-size dump of its final state
(GPRs, RFLAGS, rsp delta, the first 256 bytes of `scratch`) to stdout.

Two checks per test:
  1. the native dump matches the test's EXPECT lines (so a wrong expectation fails loudly);
  2. the retrace dump equals the native dump: all GPRs but rsp, the rsp delta, the status
     flags (only those in EXPECT-FLAGS-MASK when given) and DF, scratch[0..256), exit status.

Header lines (any number, anywhere in the file; see README.md):
  ; EXPECT rax=0x1 rdx=0xffffffffffffffff     GPRs except rsp
  ; EXPECT flags=CF,ZF                        status flags after the body; unlisted = clear
  ; EXPECT-FLAGS-MASK CF,OF                   compare only these status flags
  ; EXPECT mem[8]=0x1122334455667788          qword at byte offset 8 of scratch

Output: one line per failure (file, field, expected, got), then `N passed, M failed`.
Exit status 1 if any test fails. Python 3 standard library only.
"""

import argparse
import concurrent.futures
import functools
import os
import pathlib
import re
import struct
import subprocess
import sys

ASM_DIR = pathlib.Path(__file__).resolve().parent

# Dump layout, kept in step with prologue.inc / epilogue.inc.
DUMP_MAGIC = b"RTASMDMP"
GPRS = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
OFF_GPRS = 8
OFF_RFLAGS = 136
OFF_RSP_DELTA = 144
OFF_SCRATCH = 152
SCRATCH_DUMP_LEN = 256
DUMP_LEN = OFF_SCRATCH + SCRATCH_DUMP_LEN

STATUS_FLAGS = {"CF": 0, "PF": 2, "AF": 4, "ZF": 6, "SF": 7, "OF": 11}
DF_BIT = 10
ALL_STATUS = list(STATUS_FLAGS)

EXPECT_RE = re.compile(r"^\s*;\s*EXPECT\s+(.*?)\s*$")
MASK_RE = re.compile(r"^\s*;\s*EXPECT-FLAGS-MASK\s+(.*?)\s*$")
REQUIRES_RE = re.compile(r"^\s*;\s*REQUIRES-CPU\s+(.*?)\s*$")


@functools.lru_cache(maxsize=None)
def x87_pointers_unstable():
    """True on AMD hosts: there FXSAVE/XSAVE keep the x87 instruction and data pointers (FIP,
    FCS, FOP, FDP, FDS) only while an exception is pending, so a native program preempted
    between an x87 instruction and fnstenv/fnsave sees them zero (the kernel switched its
    FPU state out and back). retrace keeps them as the CPU does between switches; the
    fuzzers, whose programs run long, leave them out of the comparison on such hosts."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("vendor_id"):
                    return line.split(":", 1)[1].strip() in ("AuthenticAMD", "HygonGenuine")
    except OSError:
        pass
    return False


def missing_cpu_flags(path):
    """Host CPU flags (/proc/cpuinfo names) a test's REQUIRES-CPU lines name and the host lacks."""
    want = []
    for line in path.read_text().splitlines():
        m = REQUIRES_RE.match(line)
        if m:
            want += m.group(1).split()
    if not want:
        return []
    try:
        have = set(open("/proc/cpuinfo").read().split())
    except OSError:
        have = set()
    return [f for f in want if f not in have]
MEM_RE = re.compile(r"^mem\[(\w+)\]$")


class TestFileError(Exception):
    """A malformed header: reported as a failure of that test."""


class Expectations:
    def __init__(self):
        self.regs = {}          # name -> int
        self.flags = None       # set of status-flag names, or None if not given
        self.mask = None        # list of status-flag names compared, or None (= all)
        self.mem = {}           # byte offset -> qword

    def empty(self):
        return not self.regs and self.flags is None and not self.mem

    def compared_flags(self):
        return self.mask if self.mask is not None else ALL_STATUS


def parse_int(text, what):
    try:
        return int(text.replace("_", ""), 0)
    except ValueError:
        raise TestFileError(f"{what}: not a number: {text!r}") from None


def parse_flag_list(text, what):
    names = [n.strip().upper() for n in text.split(",") if n.strip()]
    for n in names:
        if n not in STATUS_FLAGS and n != "DF":
            raise TestFileError(f"{what}: unknown flag {n!r} (known: {', '.join(ALL_STATUS)}, DF)")
    return names


def parse_header(path):
    exp = Expectations()
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        where = f"line {lineno}"
        m = MASK_RE.match(line)
        if m:
            names = parse_flag_list(m.group(1), where)
            if "DF" in names:
                raise TestFileError(f"{where}: DF is always compared; leave it out of the mask")
            exp.mask = (exp.mask or []) + names
            continue
        m = EXPECT_RE.match(line)
        if not m:
            continue
        for tok in m.group(1).split():
            if "=" not in tok:
                raise TestFileError(f"{where}: expected NAME=VALUE, got {tok!r}")
            name, value = tok.split("=", 1)
            name_l = name.lower()
            if name_l == "flags":
                exp.flags = set(parse_flag_list(value, where))
            elif name_l in GPRS:
                if name_l == "rsp":
                    raise TestFileError(f"{where}: rsp cannot be expected (stack addresses differ)")
                v = parse_int(value, where)
                if -(1 << 63) <= v < 0:
                    v += 1 << 64
                if not 0 <= v < 1 << 64:
                    raise TestFileError(f"{where}: {name} value does not fit 64 bits")
                exp.regs[name_l] = v
            elif MEM_RE.match(name_l):
                off = parse_int(MEM_RE.match(name_l).group(1), where)
                if not 0 <= off <= SCRATCH_DUMP_LEN - 8:
                    raise TestFileError(f"{where}: mem offset {off} outside the dumped "
                                        f"{SCRATCH_DUMP_LEN} bytes of scratch")
                exp.mem[off] = parse_int(value, where) & ((1 << 64) - 1)
            else:
                raise TestFileError(f"{where}: unknown field {name!r}")
    if exp.empty():
        raise TestFileError("no EXPECT line: the test asserts nothing")
    return exp


class Dump:
    def __init__(self, raw):
        self.regs = dict(zip(GPRS, struct.unpack_from("<16Q", raw, OFF_GPRS)))
        self.rflags, self.rsp_delta = struct.unpack_from("<Qq", raw, OFF_RFLAGS)
        self.scratch = raw[OFF_SCRATCH:OFF_SCRATCH + SCRATCH_DUMP_LEN]

    def flag(self, name):
        bit = DF_BIT if name == "DF" else STATUS_FLAGS[name]
        return (self.rflags >> bit) & 1

    def qword(self, off):
        return struct.unpack_from("<Q", self.scratch, off)[0]


def fmt_flags(names):
    return ",".join(names) if names else "(none)"


def run_program(cmd, timeout):
    """Returns (exit status, stdout bytes, stderr text); status is None on timeout."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"").decode(errors="replace")
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def describe_status(status):
    if status is None:
        return "timeout"
    if status < 0:
        return f"signal {-status}"
    return f"exit {status}"


def first_line(text):
    text = text.strip()
    if not text:
        return ""
    line = text.splitlines()[0]
    return " [stderr: " + (line[:160] + ("..." if len(line) > 160 else "")) + "]"


def decode_dump(out, status, stderr, who):
    """Returns (Dump or None, failure message or None)."""
    if len(out) == DUMP_LEN and out.startswith(DUMP_MAGIC):
        return Dump(out), None
    if len(out) > DUMP_LEN and DUMP_MAGIC in out:
        extra = out.index(DUMP_MAGIC)
        return None, (f"dump: {who} wrote {extra} unexpected byte(s) of stdout before the dump "
                      f"({out[:extra][:40]!r}), {describe_status(status)}{first_line(stderr)}")
    return None, (f"dump: {who} wrote {len(out)} bytes of stdout, expected a {DUMP_LEN}-byte dump "
                  f"({describe_status(status)}){first_line(stderr)}")


def show_dump(rel, d):
    """--show: the native state in EXPECT syntax, for writing a new test (then check it
    against the SDM: the host is the oracle for retrace, not for the test's author)."""
    regs = " ".join(f"{r}={v:#x}" for r, v in d.regs.items() if r != "rsp" and v)
    flags = ",".join(f for f in ALL_STATUS if d.flag(f)) + (",DF" if d.flag("DF") else "")
    mem = " ".join(f"mem[{o}]={d.qword(o):#018x}" for o in range(0, SCRATCH_DUMP_LEN, 8)
                   if d.qword(o))
    print(f"{rel}: {regs} flags={flags} rsp_delta={d.rsp_delta:+d} {mem}".rstrip(), flush=True)


def check_expectations(exp, d):
    fails = []
    for name, want in exp.regs.items():
        got = d.regs[name]
        if got != want:
            fails.append(f"{name}: expected {want:#x}, native got {got:#x}")
    if exp.flags is not None:
        compared = exp.compared_flags()
        want = [f for f in compared if f in exp.flags]
        got = [f for f in compared if d.flag(f)]
        if want != got:
            fails.append(f"flags: expected {fmt_flags(want)}, native got {fmt_flags(got)}"
                         + ("" if exp.mask is None else f" (mask {','.join(exp.mask)})"))
        want_df = "DF" in exp.flags
        if d.flag("DF") != want_df:
            fails.append(f"DF: expected {int(want_df)}, native got {d.flag('DF')}")
        extra = sorted(f for f in exp.flags if f != "DF" and f not in compared)
        if extra:
            fails.append(f"flags: {','.join(extra)} expected set but outside EXPECT-FLAGS-MASK")
    for off, want in sorted(exp.mem.items()):
        got = d.qword(off)
        if got != want:
            fails.append(f"mem[{off}]: expected {want:#018x}, native got {got:#018x}")
    return fails


def compare_dumps(exp, native, guest):
    fails = []
    for name in GPRS:
        if name == "rsp":
            continue
        if native.regs[name] != guest.regs[name]:
            fails.append(f"{name}: native {native.regs[name]:#x}, retrace {guest.regs[name]:#x}")
    if native.rsp_delta != guest.rsp_delta:
        fails.append(f"rsp delta: native {native.rsp_delta:+d}, retrace {guest.rsp_delta:+d}")
    compared = exp.compared_flags() + ["DF"]
    want = [f for f in compared if native.flag(f)]
    got = [f for f in compared if guest.flag(f)]
    if want != got:
        fails.append(f"flags: native {fmt_flags(want)}, retrace {fmt_flags(got)}")
    if native.scratch != guest.scratch:
        for off in range(0, SCRATCH_DUMP_LEN, 8):
            a, b = native.qword(off), guest.qword(off)
            if a != b:
                fails.append(f"mem[{off}]: native {a:#018x}, retrace {b:#018x}")
    return fails


def build(src, out_dir, nasm, ld):
    # (A source outside tests/asm, such as scripts/sse_fuzz.py's, builds under its name.)
    rel = (src.relative_to(ASM_DIR) if src.is_relative_to(ASM_DIR) else pathlib.Path(src.name)).with_suffix("")
    exe = out_dir / rel
    exe.parent.mkdir(parents=True, exist_ok=True)
    obj = exe.with_suffix(".o")
    for cmd in ([nasm, "-f", "elf64", "-I", str(ASM_DIR) + os.sep, "-o", str(obj), str(src)],
                [ld, "-static", "-o", str(exe), str(obj)]):
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            msg = (p.stderr.strip() or p.stdout.strip()).replace("\n", " | ")
            return None, f"build: {os.path.basename(cmd[0])} failed: {msg}"
    return exe, None


def differential(src, out_dir, retrace, tiers, retrace_args, timeout, max_fails=3, native_only=False):
    """Builds the program src, runs it natively, then under retrace in each tier, and
    compares the dumps as the asm tests do (no expectations: native's is the reference).
    Returns (retrace runs, report lines); the fuzzers (scripts/*_fuzz.py) use it."""
    seed = src.stem
    exe, err = build(src, out_dir, "nasm", "ld")
    if err:
        return 0, [f"{seed}: {err}"]
    status, out, stderr = run_program([str(exe)], timeout)
    native, err = decode_dump(out, status, stderr, "native run")
    if err or status != 0:
        return 0, [f"{seed}: the native run failed: {err or describe_status(status)}"]
    if native_only:
        return 0, []
    reports, runs = [], 0
    for tier in tiers:
        cmd = [retrace, "run", f"--tier={tier}", *retrace_args, "--", str(exe)]
        gstatus, gout, gstderr = run_program(cmd, timeout)
        runs += 1
        guest, err = decode_dump(gout, gstatus, gstderr, "retrace")
        # Every register but rsp, the rsp delta, all status flags and DF, and scratch.
        fails = [err] if err else compare_dumps(Expectations(), native, guest)
        if gstatus != status:
            fails.append(f"exit: retrace {describe_status(gstatus)}{first_line(gstderr)}")
        if fails:
            reports.append(f"{seed} tier {tier}: differs from native (program: {src}): {'; '.join(fails[:max_fails])}")
    return runs, reports


def fuzz_main(doc, gen, prefix, default_out):
    """The command line of the simple differential fuzzers (scripts/sse_fuzz.py,
    scripts/mmx_fuzz.py): --retrace, --tiers, --seeds A..B, --out, --timeout and
    --retrace-arg; gen(seed) gives a program's source. Returns the exit status."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--retrace", required=True)
    ap.add_argument("--tiers", default="native,auto")
    ap.add_argument("--seeds", default="1..100")
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path(default_out))
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--retrace-arg", action="append", default=[],
                    help="extra option for `retrace run` (repeatable), e.g. --code-cache=4K")
    a = ap.parse_args()
    first, last = (int(v) for v in a.seeds.split(".."))
    a.out.mkdir(parents=True, exist_ok=True)
    failed = runs = 0
    for seed in range(first, last + 1):
        src = a.out / f"{prefix}_{seed}.asm"
        src.write_text(gen(seed))
        n, reports = differential(src, a.out, a.retrace, a.tiers.split(","), a.retrace_arg, a.timeout)
        runs += n
        for line in reports:
            print(line)
        failed += len(reports)
    print(f"{runs} runs ({last - first + 1} programs), {failed} differing")
    return 1 if failed else 0


def run_test(src, args):
    """Returns a list of failure strings (empty = pass)."""
    try:
        exp = parse_header(src)
    except TestFileError as e:
        return [f"header: {e}"]
    exe, err = build(src, args.out, args.nasm, args.ld)
    if err:
        return [err]

    status, out, stderr = run_program([str(exe)], args.timeout)
    native, err = decode_dump(out, status, stderr, "native run")
    if err:
        return [err]
    if status != 0:
        return [f"exit: native run gave {describe_status(status)}, expected exit 0"]
    if args.show:
        show_dump(src.relative_to(ASM_DIR), native)
    fails = check_expectations(exp, native)
    if args.native_only:
        return fails

    cmd = [args.retrace, "run", f"--tier={args.tier}", *args.retrace_arg, "--", str(exe)]
    gstatus, gout, gstderr = run_program(cmd, args.timeout)
    guest, err = decode_dump(gout, gstatus, gstderr, "retrace")
    if err:
        return fails + [err]
    fails += compare_dumps(exp, native, guest)
    if gstatus != status:
        fails.append(f"exit: native {describe_status(status)}, retrace {describe_status(gstatus)}"
                     f"{first_line(gstderr)}")
    return fails


def run_test_safely(src, args):
    try:
        return run_test(src, args)
    except OSError as e:   # e.g. a file removed while the corpus is being edited
        return [f"runner: {e}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("filter", nargs="*",
                    help="run only tests whose path (relative to tests/asm) contains one of these")
    ap.add_argument("--retrace", help="path to the retrace executable")
    ap.add_argument("--tier", default="interp", help="retrace tier (default: interp)")
    ap.add_argument("--retrace-arg", action="append", default=[],
                    help="extra option for `retrace run` (repeatable), e.g. --max-block-insns=1")
    ap.add_argument("--native-only", action="store_true",
                    help="only check the corpus against the host (validates expectations)")
    ap.add_argument("--out", type=pathlib.Path, default=ASM_DIR / "out",
                    help="directory for objects and executables (default: tests/asm/out)")
    ap.add_argument("--nasm", default="nasm", help="assembler (default: nasm from PATH)")
    ap.add_argument("--ld", default="ld", help="linker (default: ld from PATH)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel tests (default: 2)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per run (default: 30)")
    ap.add_argument("--show", action="store_true",
                    help="print each test's native final state (for writing expectations)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print passing tests")
    args = ap.parse_args()
    if not args.native_only and not args.retrace:
        ap.error("--retrace PATH is required unless --native-only is given")
    if args.retrace:
        args.retrace = str(pathlib.Path(args.retrace).resolve())
    args.out = args.out.resolve()

    tests = sorted(p for p in ASM_DIR.rglob("*.asm")
                   if args.out not in p.parents and p.parent != ASM_DIR)
    if args.filter:
        tests = [t for t in tests
                 if any(f in str(t.relative_to(ASM_DIR)) for f in args.filter)]
    if not tests:
        print("no tests matched", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1

    skipped = []
    for t in list(tests):
        lacks = missing_cpu_flags(t)
        if lacks:
            skipped.append(t)
            tests.remove(t)
            print(f"skip {t.relative_to(ASM_DIR)}: the host lacks {' '.join(lacks)}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda t: run_test_safely(t, args), tests))

    passed = failed = 0
    for src, fails in zip(tests, results):
        rel = src.relative_to(ASM_DIR)
        if fails:
            failed += 1
            for f in fails:
                print(f"FAIL {rel}: {f}")
        else:
            passed += 1
            if args.verbose:
                print(f"ok   {rel}")
    print(f"{passed} passed, {failed} failed" + (f", {len(skipped)} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
