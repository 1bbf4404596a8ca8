#!/usr/bin/env python3
"""Differential fuzzing of x87 code: random programs over the FPU stack, native vs retrace.

Modelled on sse_fuzz.py. Each program copies interesting values into a work area
(scratch + 112 .. 256) and runs a loop of 60 iterations (so the auto tier translates it
too). Each iteration starts with fninit (or, in "carry" programs, 35%, keeps the previous
iteration's registers: the body ends at the depth it started with), maybe loads a control
word, pushes 1-4 values and runs 8-40 random operations. The generator models the stack
depth (0..8) so operands exist and pushes fit, except where a fault is the point:

  load/store  fld m32 m64 m80 st(i), fild m16 m32 m64, fbld (valid BCD only), constants
              (fld1 fldz fldpi fldl2e fldl2t fldlg2 fldln2); fst/fstp m32 m64 m80 st(i),
              fist/fistp/fisttp m16 m32 m64, fbstp; memory operands rip-relative,
              [rsi + d] and [rsi + rdi*s + d], some misaligned
  arith       fadd fsub fsubr fmul fdiv fdivr: m32, m64, st0,st(i), st(i),st0, p forms;
              fiadd .. fidivr m16/m32
  unary       fchs fabs fsqrt frndint fscale fxtract fprem fprem1 (also looped until C2
              clears: fprem_loop)
  transc      fsin fcos fsincos fptan fpatan fyl2x f2xm1 fyl2xp1
  compare     fcom fcomp (m32 m64 st(i)) fucom fucomp fcompp fucompp ficom ficomp ftst
              fxam, then maybe fnstsw ax + sahf + fcmovcc/setcc
  fcomi       fcomi fucomi fcomip fucomip (flags hashed, maybe fcmovcc/setcc first)
  fcmov       fcmovcc after cmp/test/add/sub/and/xor/neg/adc/sbb/shifts/rol/bt/inc/dec,
              popfq or sahf
  control     fldcw (each rounding mode, precision 24/53/64 bits, sometimes bit 12),
              fnstcw, fnclex/fclex, fnstsw/fstsw ax or m16
  env         fnstenv/fstenv (+fldenv), fnsave/fsave + frstor (sometimes of an image with
              an edited control word), fxsave/fxsave64 (+fxrstor/fxrstor64)
  misc        fxch, fincstp/fdecstp pairs, ffree of the bottom register, ffreep, fnop,
              fwait, fninit
  fault       a masked stack overflow or underflow (default NaN, IE|SF, C1)
  tags        fldenv/frstor/fxrstor of an image with an edited TOP, C bits and tag word,
              then 1-3 arbitrary instructions on that stack
  unmasked    fnclex, fldcw unmasking some exceptions, one instruction that may raise
              one (the unmasked response stays pending: nothing waits before the fnsave)
  fldcw_reserved  fldcw of a random word (reserved bits 6, 7, 13-15 as they come)
Every "fault", "tags" and "unmasked" operation ends with fnstsw, fnsave (hashed) and a
reload. --without CLASS,... leaves classes out (also `fbcd`: fbld/fbstp, and
`fcomi_c1`, see below); --list-classes names them.

Values: 80-bit (0, -0, +-1, 2, 1/2, 1/3, -2/3, +-2.5, 3.5, pi, +-2^63, 2^64-1, 2^31-1/2,
32767.5, -32768, 1e10, 1e-10, 0.1, max, min normal, denormals, pseudo-denormal, unnormal,
+-inf, QNaN, indefinite, SNaN, NaN payloads, pseudo-NaN, pseudo-inf, ~1e+-4000, random),
the same kinds as doubles and floats, 16/32/64-bit integers with their extremes, packed
BCD. Loads read the data tables or the work area, which the stores keep changing.

Compared: what the asm tests compare (every GPR but rsp, the rsp delta, the status flags
and DF, the first 256 bytes of `scratch`), where
  rbx   hash of every fnstsw/fstsw (each iteration ends with one)
  rbp   hash of RFLAGS after fcomi-family and fcmovcc set-ups, setcc results
  r13   hash of fnstcw results;  r14: hash of fnstenv/fnsave images (all 28/108 bytes)
        and of fxsave images (first 160 bytes: header and ST0-7)
  r8-r11  the integer flag setters' registers
  scratch[0..108)    fnsave of the final state (fcw, fsw, full tag word, FIP, all eight
                     registers in 80-bit format, empty ones too)
  scratch[112..256)  the work area

Only architecturally defined results are compared:
  - C0/C2/C3 after an instruction that leaves them undefined (loads, stores, arithmetic,
    fxch, fcomi family, ...; C0/C3 after fsin/fcos/fsincos/fptan) are cleared (`and`)
    in hashed fnstsw values, in hashed images' fsw, before sahf, and in the final
    image's fsw; comparisons, ftst, fxam and fprem define them and are compared;
  - RFLAGS bits are hashed, and fcmovcc/setcc conditions chosen, only while the SDM
    defines them (AF after logic ops/test/shifts, OF after multi-bit shifts, everything
    but CF after bt, are undefined; rol/inc/dec/bt leave some unaffected); adc/sbb only
    with CF defined; the program ends with `add eax, 0` so the dumped flags are defined;
  - FCS/FOP, FDP and FDS are zeroed in stored images before they are hashed or compared
    (FOP/FDP updating is CPU-specific; Intel's change only on unmasked exceptions); FIP
    (last non-control instruction) is compared;
  - f2xm1 gets a fresh operand in [-1, 1], fyl2xp1 one with |x| < 1 - sqrt(2)/2 (outside,
    the result is undefined); fbld reads only valid BCD; the reserved precision control
    01 is never loaded (except by fldcw_reserved);
  - exceptions stay masked except in `unmasked`, whose results are defined until the
    next waiting instruction (none before fnsave);
  - transcendental results are compared bit for bit: their last bits are CPU-specific,
    not architectural, but retrace runs the host's own instruction, so they agree (a
    retrace that computed them itself would need them masked).
--strict compares the undefined C bits and the FIP/FOP/FDP fields too.

Bugs this found in retrace (ninth session), each fixed and kept as its own class:
  fldcw_reserved  fnstcw/fnstenv/fnsave/fxsave returned the control word's reserved bits
                  as loaded (hardware: bit 6 = 1, bits 7, 13-15 = 0);
  fcomi_c1        after fcomi/fucomi(p) the host keeps C1, retrace's fast path gave 0;
  unmasked        retrace gave the masked response (default NaN, inf, stores, pops)
                  where an unmasked exception leaves operands alone or biases exponents.
--without CLASS,... still leaves any class out.

    scripts/x87_fuzz.py --retrace build/retrace [--tiers native,auto,interp] [--seeds A..B]
                        [--out DIR] [--retrace-arg=--code-cache=4K] [-j N]
                        [--without CLASS,...] [--strict] [--only-native]

Exit status 1 if any program differs (each difference is printed with its seed and the
differing fields; the program's source is kept in --out as x87_SEED.asm).
"""
import argparse
import concurrent.futures
import pathlib
import random
import struct
import sys
import time
from fractions import Fraction

HERE = pathlib.Path(__file__).resolve().parent
ASM_DIR = HERE.parent / "tests" / "asm"
sys.path.insert(0, str(ASM_DIR))
import run_asm_tests as rat  # noqa: E402  (the asm tests' build and dump helpers)

ITERATIONS = 60
WORK = 112                 # scratch offset of the work area (to 256): 9 slots of 16 bytes
WORK_SLOTS = 9
IMG = 1024                 # scratch offset of fnstenv/fnsave images (not compared directly)
FXIMG = 1536               # fxsave image (16-byte aligned)
C_MASK = 0x4500            # C0 C2 C3
ALL_FLAGS = 0x8d5          # OF SF ZF AF PF CF
NO_AF = 0x8c5              # after logic ops, test, shifts by 1, xor: AF undefined
# fcmovcc / setcc conditions and the flags they read
CONDS = {"b": 0x1, "nb": 0x1, "e": 0x40, "ne": 0x40, "be": 0x41, "nbe": 0x41, "u": 0x4, "nu": 0x4}
X86CC = {"b": "b", "nb": "ae", "e": "e", "ne": "ne", "be": "be", "nbe": "a", "u": "p", "nu": "np"}


# ---- value tables ---------------------------------------------------------------------------

def f80(x):
    """(sign|exponent, 64-bit significand) of a rational, rounded to nearest even."""
    x = Fraction(x)
    if x == 0:
        return 0, 0
    sign = 0x8000 if x < 0 else 0
    x = abs(x)
    e = x.numerator.bit_length() - x.denominator.bit_length()
    while x >= Fraction(2) ** (e + 1):
        e += 1
    while x < Fraction(2) ** e:
        e -= 1
    biased = e + 16383
    if biased <= 0:                      # denormal: fixed scale 2^(1-16383-63)
        scaled = x * Fraction(2) ** (16382 + 63)
        biased = 0
    else:
        scaled = x * Fraction(2) ** (63 - e)
    m = scaled.numerator // scaled.denominator
    rem = scaled - m
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and m & 1):
        m += 1
    if m >> 64:
        m >>= 1
        biased += 1
    if biased == 0 and m >> 63:
        biased = 1
    return sign | biased, m


def t80_values(r):
    one = 1 << 63
    v = [f80(0), (0x8000, 0), f80(1), f80(-1), f80(2), f80(Fraction(1, 2)), f80(Fraction(1, 3)),
         f80(Fraction(-2, 3)), f80(Fraction(5, 2)), f80(Fraction(-5, 2)), f80(Fraction(7, 2)),
         (0x4000, 0xc90fdaa22168c235), (0x403e, one), (0xc03e, one), (0x403e, (1 << 64) - 1),
         f80(2 ** 31 - Fraction(1, 2)), f80(Fraction(65535, 2)), f80(-32768), f80(10 ** 10),
         f80(Fraction(1, 10 ** 10)), f80(Fraction(1, 10)), (0x7ffe, (1 << 64) - 1), (0x0001, one),
         (0x0000, 1), (0x8000, 0x4000000000000000), (0x0000, one | 5),       # denormals, pseudo-denormal
         (0x3fff, 0x4000000000000000),                                          # unnormal
         (0x7fff, one), (0xffff, one),                                          # +-inf
         (0x7fff, 0xc000000000000000), (0xffff, 0xc000000000000000),            # QNaN, indefinite
         (0x7fff, one | 1), (0xffff, 0xc000000000001234), (0x7fff, 0x8000dead00000000),  # SNaN, payloads
         (0x7fff, 0x4000000000000001), (0x7fff, 0),                             # pseudo-NaN, pseudo-inf
         (0x73e0, one | 0x123456789abcdef), (0x0c1f, one | 0xfedcba987654321),  # ~1e4000, ~1e-4000
         f80(Fraction(123456789, 1000)), f80(-7), f80(Fraction(1, 3) * 2 ** 64)]
    for _ in range(5):
        v.append((r.getrandbits(1) << 15 | r.randrange(16383 - 80, 16383 + 80), one | r.getrandbits(63)))
    return v


def dbits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def fbits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def f64_values(r):
    v = [dbits(x) for x in (0.0, -0.0, 1.0, -1.0, 0.5, 1 / 3, 3.141592653589793, 2.0 ** 63, -(2.0 ** 63),
                            2.0 ** 64, 2.0 ** 31, -(2.0 ** 31) - 1, 32767.5, -32768.5, 1.5, 2.5, -2.5, 1e300,
                            1e-300, 5e-324, 2.2250738585072014e-308, 1e-310, 1.7976931348623157e308, 1e10,
                            123456.789, -7.0, 0.1, 2.0 ** 53 + 2, 65536.0)]
    v += [0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001,
          0xfff8000000000000, 0x7ff80000deadbeef, 0xfff4000000000000]
    for _ in range(5):
        v.append(dbits(r.uniform(-1e6, 1e6)) if r.random() < 0.5 else
                 (r.getrandbits(1) << 63) | (r.randrange(1023 - 70, 1023 + 70) << 52) | r.getrandbits(52))
    return v


def f32_values(r):
    v = [fbits(x) for x in (0.0, -0.0, 1.0, -1.0, 0.5, 1 / 3, 3.14159265, 2.0 ** 63, -(2.0 ** 63), 2.0 ** 31,
                            32767.5, -2.5, 2.5, 1e30, 1e-30, 1.4e-45, 1.1754943508222875e-38, 1e-40,
                            3.4028234663852886e38, 1e10, -7.0, 0.1, 16777217.0)]
    v += [0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc00000, 0x7fc0beef, 0xff900000]
    for _ in range(4):
        v.append(fbits(r.uniform(-1e4, 1e4)))
    return v


def int_values(r, bits):
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    v = [0, 1, -1, 7, -3, 100, hi, lo, hi - 1, lo + 1, 12345 % hi]
    if bits >= 32:
        v += [100000, 2 ** 24 + 1, -(2 ** 31)]
    if bits == 64:
        v += [2 ** 53 + 1, 2 ** 63 - 1, -(2 ** 62) - 3, 0x123456789abcdef]
    for _ in range(4):
        v.append(r.randrange(lo, hi + 1) if r.random() < 0.5 else r.randrange(-1000, 1000))
    return [x & ((1 << bits) - 1) for x in v]


def bcd_values(r):
    def bcd(n):
        s = 0x80 if n < 0 else 0
        n = abs(n)
        b = []
        for _ in range(9):
            b.append((n % 10) | ((n // 10 % 10) << 4))
            n //= 100
        return b + [s]
    v = [0, 1, -1, 123456789, -987654321012345678, 10 ** 18 - 1, -(10 ** 18 - 1)]
    v += [r.randrange(-10 ** 18 + 1, 10 ** 18) for _ in range(3)]
    return [bcd(n) for n in v]


SAFE_F2XM1 = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.999, -0.75, 1e-10, -1e-300, 5e-324, 0.1, 1 / 3]
SAFE_YL2XP1 = [0.0, -0.0, 0.25, -0.25, 0.29, -0.29, 1e-10, -1e-300, 5e-324, 0.1, 1 / 3 - 0.1]


def cw(rc, pc, ic=0):
    return 0x7f | (pc << 8) | (rc << 10) | (ic << 12)


# ---- the generator --------------------------------------------------------------------------

CLASSES = ["load", "store", "arith", "unary", "transc", "compare", "fcomi", "fcmov", "control",
           "env", "fault", "misc", "fprem_loop", "fldcw_reserved", "fbcd", "fcomi_c1", "unmasked", "tags"]


class Gen:
    def __init__(self, seed, without=(), strict=False):
        self.r = random.Random(seed)
        self.without = set(without)
        self.strict = strict  # compare undefined C bits and FIP/FDP/FOP too
        self.lines = []
        self.d = 0            # modelled stack depth
        self.cmask = 0        # C bits the last C-writing instruction left undefined
        self.fdef = ALL_FLAGS  # RFLAGS status bits (of 0x8d5) that are architecturally defined now
        self.label = 0
        self.cws = []

    # -- operands
    def st(self, lo, hi):
        return self.r.randrange(lo, hi)

    def work(self, size):
        r = self.r
        off = WORK + 16 * r.randrange(WORK_SLOTS)
        if r.random() < 0.15:
            off += r.choice([2, 4, 6]) if size <= 10 else 0
        k = r.random()
        if k < 0.7:
            return f"[rel scratch + {off}]"
        if k < 0.85:                      # rsi = scratch, rdi = 4 (set before the loop)
            return f"[rsi + {off}]"
        scale = r.choice([1, 2, 4, 8])
        return f"[rsi + rdi*{scale} + {off - 4 * scale}]"

    def src(self, kind):
        """A memory source: kind in t80 f64 f32 i16 i32 i64."""
        r = self.r
        size = {"t80": 10, "f64": 8, "f32": 4, "i16": 2, "i32": 4, "i64": 8}[kind]
        if r.random() < 0.3:
            return self.work(size)
        n = self.counts[kind]
        stride = 16 if kind == "t80" else size
        return f"[rel {kind} + {stride * r.randrange(n)}]"

    def emit(self, *ls):
        self.lines += ls

    def undef_c(self, m=C_MASK):
        self.cmask = 0 if self.strict else m

    def def_c(self):
        self.cmask = 0

    def c1_fcomi(self):
        """C1 after fcomi-family: the SDM says 0, Intel hosts keep the old C1, retrace's fast
        path reports 0 (a retrace bug, shown unless `--without fcomi_c1`)."""
        return 0x200 if "fcomi_c1" in self.without else 0

    def hash_fsw(self, wait=False):
        k = self.r.random()
        if k < 0.6:
            self.emit("fstsw ax" if wait else "fnstsw ax", "movzx eax, ax")
        elif k < 0.8:   # rax's upper 48 bits must survive fnstsw ax
            self.emit("fstsw ax" if wait else "fnstsw ax")
        else:
            self.emit(f"{'fstsw' if wait else 'fnstsw'} [rel scratch + {IMG - 12}]",
                      f"movzx eax, word [rel scratch + {IMG - 12}]")
        if self.cmask:
            self.emit(f"and ax, {0xffff & ~self.cmask:#x}")
        self.emit("rol rbx, 5", "xor rbx, rax")
        self.fdef = NO_AF

    def sahf(self):
        """fnstsw ax; sahf: CF PF ZF from C0 C2 C3 (undefined C bits cleared first), AF SF from TOP/B."""
        self.emit("fnstsw ax")
        if self.cmask:
            self.emit(f"and ah, {0xff & ~(self.cmask >> 8):#x}")
            self.fdef = ALL_FLAGS      # OF from the and
        self.emit("sahf")
        self.fdef |= 0xd5

    def hash_flags(self):
        self.emit("pushfq", "pop rax", f"and eax, {self.fdef:#x}", "rol rbp, 3", "add rbp, rax")
        self.fdef = ALL_FLAGS

    def hash_image(self, base, nbytes, zero):
        """Zero the given (offset, size) fields of the image at scratch+base, hash its nbytes into r14."""
        if not self.strict:
            for off, size in zero:
                self.emit(f"mov {'dword' if size == 4 else 'word'} [rel scratch + {base + off}], 0")
        offs = list(range(0, nbytes - 7, 8))
        if nbytes % 8:
            offs.append(nbytes - 8)
        for off in offs:
            self.emit(f"mov rax, [rel scratch + {base + off}]", "rol r14, 7", "add r14, rax")
        self.fdef = ALL_FLAGS

    # fnstenv/fnsave (32-bit format): fsw at +4, FIP +12, FCS/FOP +16, FDP +20, FDS +24
    # zeroed before hashing/comparing: FCS/FOP, FDP, FDS; FIP is compared, except on hosts
    # where preemption can clear it natively (rat.x87_pointers_unstable: AMD)
    ENV_ZERO = [(16, 4), (20, 4), (24, 4)] + ([(12, 4)] if rat.x87_pointers_unstable() else [])
    FX_ZERO = [(6, 2), (12, 4), (16, 4), (20, 4)] + ([(8, 4)] if rat.x87_pointers_unstable() else [])

    def mask_img_fsw(self, base, fsw_off):
        if self.cmask:
            self.emit(f"and word [rel scratch + {base + fsw_off}], {0xffff & ~self.cmask:#x}")

    # -- pushes
    def push_value(self):
        r = self.r
        k = r.random()
        if k < 0.22:
            self.emit(f"fld tword {self.src('t80')}")
        elif k < 0.42:
            self.emit(f"fld qword {self.src('f64')}")
        elif k < 0.55:
            self.emit(f"fld dword {self.src('f32')}")
        elif k < 0.72:
            size, kind = r.choice([("word", "i16"), ("dword", "i32"), ("qword", "i64")])
            self.emit(f"fild {size} {self.src(kind)}")
        elif k < 0.82 and self.d >= 1:
            self.emit(f"fld st{self.st(0, self.d)}")
        elif k < 0.86 and "fbcd" not in self.without:
            self.emit(f"fbld [rel bcd + {16 * r.randrange(self.counts['bcd'])}]")
        else:
            self.emit(r.choice(["fld1", "fldz", "fldpi", "fldl2e", "fldl2t", "fldlg2", "fldln2"]))
        self.d += 1
        self.undef_c()

    def reload(self):
        for _ in range(self.r.randrange(1, 5)):
            self.push_value()

    def fldcw(self, v):
        """fldcw of a control word kept in the data table `cwt`."""
        if v not in self.cws:
            self.cws.append(v)
        return f"fldcw [rel cwt + {2 * self.cws.index(v)}]"

    def set_cw(self, reserved=False):
        r = self.r
        if reserved:
            v = r.getrandbits(16) | 0x3f
        else:
            v = cw(r.randrange(4), r.choice([0, 2, 3, 3]), int(r.random() < 0.1))
        self.emit(self.fldcw(v))

    # -- one body operation; returns False when its precondition does not hold
    def op(self, cls):
        r, d = self.r, self.d
        if cls == "load":
            if d > 7:
                return False
            self.push_value()
        elif cls == "store":
            if d < 1:
                return False
            k = r.random()
            if k < 0.35:
                size = r.choice(["dword", "qword", "tword"] if r.random() < 0.5 else ["dword", "qword"])
                pop = size == "tword" or r.random() < 0.5
                self.emit(f"{'fstp' if pop else 'fst'} {size} {self.work(10)}")
                self.d -= pop
            elif k < 0.5:
                i = self.st(0, d)
                pop = r.random() < 0.5
                self.emit(f"{'fstp' if pop else 'fst'} st{i}")
                self.d -= pop
            elif k < 0.85:
                form = r.choice(["fist word", "fist dword", "fistp word", "fistp dword", "fistp qword",
                                 "fisttp word", "fisttp dword", "fisttp qword"])
                self.emit(f"{form} {self.work(8)}")
                self.d -= "p " in form
            elif k < 0.9 and "fbcd" not in self.without:
                self.emit(f"fbstp [rel scratch + {WORK + 16 * r.randrange(WORK_SLOTS)}]")
                self.d -= 1
            else:
                self.emit("fstp st0")
                self.d -= 1
            self.undef_c()
        elif cls == "arith":
            if d < 1:
                return False
            op = r.choice(["fadd", "fsub", "fsubr", "fmul", "fdiv", "fdivr"])
            k = r.random()
            if k < 0.2:
                size, kind = r.choice([("dword", "f32"), ("qword", "f64")])
                self.emit(f"{op} {size} {self.src(kind)}")
            elif k < 0.35:
                size, kind = r.choice([("word", "i16"), ("dword", "i32")])
                self.emit(f"fi{op[1:]} {size} {self.src(kind)}")
            elif k < 0.6:
                self.emit(f"{op} st0, st{self.st(0, d)}")
            elif k < 0.8:
                self.emit(f"{op} st{self.st(0, d)}, st0")
            else:
                if d < 2:
                    return False
                self.emit(f"{op}p st{self.st(1, d)}, st0" if r.random() < 0.8 else f"{op}p")
                self.d -= 1
            self.undef_c()
        elif cls == "unary":
            if d < 1:
                return False
            k = r.random()
            if k < 0.6:
                self.emit(r.choice(["fchs", "fabs", "fsqrt", "frndint"]))
            elif k < 0.75:
                if d < 2:
                    return False
                self.emit("fscale")
            elif k < 0.85:
                if d > 7:
                    return False
                self.emit("fxtract")
                self.d += 1
            else:
                if d < 2:
                    return False
                self.emit(r.choice(["fprem", "fprem1"]))
                self.def_c()     # C0 C1 C3 quotient bits, C2 incomplete
                return True
            self.undef_c()
        elif cls == "fprem_loop":
            if d < 2:
                return False
            self.label += 1
            ins = r.choice(["fprem", "fprem1"])
            self.emit(f".pr{self.label}:", ins, "fnstsw ax", "test ah, 4", f"jnz .pr{self.label}")
            self.fdef = NO_AF
            self.def_c()
            self.hash_fsw()
        elif cls == "transc":
            k = r.random()
            if k < 0.3:
                if d < 1:
                    return False
                self.emit(r.choice(["fsin", "fcos"]))
                self.undef_c(0x4100)    # C2: out of range; C0, C3 undefined
            elif k < 0.5:
                if d < 1 or d > 7:
                    return False
                self.emit(r.choice(["fsincos", "fptan"]))
                self.d += 1
                self.undef_c(0x4100)
            elif k < 0.7:
                if d < 2:
                    return False
                self.emit(r.choice(["fpatan", "fyl2x"]))
                self.d -= 1
                self.undef_c()
            elif k < 0.85:
                if d > 7:
                    return False
                self.emit(f"fld qword [rel safe_f2xm1 + {8 * r.randrange(len(SAFE_F2XM1))}]", "f2xm1")
                self.d += 1
                self.undef_c()
            else:
                if d < 1 or d > 7:
                    return False
                self.emit(f"fld qword [rel safe_yl2xp1 + {8 * r.randrange(len(SAFE_YL2XP1))}]", "fyl2xp1")
                self.undef_c()
        elif cls == "compare":
            if d < 1:
                return False
            k = r.random()
            if k < 0.2:
                p = r.random() < 0.4
                size, kind = r.choice([("dword", "f32"), ("qword", "f64")])
                self.emit(f"{'fcomp' if p else 'fcom'} {size} {self.src(kind)}")
                self.d -= p
            elif k < 0.35:
                p = r.random() < 0.4
                size, kind = r.choice([("word", "i16"), ("dword", "i32")])
                self.emit(f"{'ficomp' if p else 'ficom'} {size} {self.src(kind)}")
                self.d -= p
            elif k < 0.65:
                i = self.st(0, d)
                p = r.random() < 0.4
                self.emit(f"{r.choice(['fcom', 'fucom'])}{'p' if p else ''} st{i}")
                self.d -= p
            elif k < 0.75:
                if d < 2:
                    return False
                self.emit(r.choice(["fcompp", "fucompp"]))
                self.d -= 2
            elif k < 0.87:
                self.emit("ftst")
            else:
                self.emit("fxam")
            self.def_c()
            if r.random() < 0.5:
                self.hash_fsw()
            if r.random() < 0.4 and "fcmov" not in self.without:
                # the classic pattern: fnstsw ax; sahf; then a condition on C0/C2/C3
                self.sahf()
                self.fcmov_or_setcc()
        elif cls == "fcomi":
            if d < 1:
                return False
            i = self.st(0, d)
            p = r.random() < 0.35
            self.emit(f"{r.choice(['fcomi', 'fucomi'])}{'p' if p else ''} st0, st{i}")
            self.d -= p
            self.undef_c(C_MASK | self.c1_fcomi())  # C0 C2 C3 undefined (C1: see c1_fcomi)
            self.fdef = ALL_FLAGS   # ZF PF CF set, OF SF AF cleared
            if r.random() < 0.5 and "fcmov" not in self.without:
                self.fcmov_or_setcc()
            self.hash_flags()
        elif cls == "fcmov":
            if d < 1:
                return False
            k = r.random()
            regs = ["r8", "r9", "r10", "r11"]
            a, b = r.choice(regs), r.choice(regs)
            # integer flag setters, with the flags each leaves defined (SDM)
            if k < 0.25:
                self.emit(f"cmp {a}d, {r.choice([0, 1, -1, 3, 4, 0x7fffffff, r.randrange(-100, 100)])}")
                self.fdef = ALL_FLAGS
            elif k < 0.4:
                self.emit(f"test {a}, {b}")
                self.fdef = NO_AF
            elif k < 0.55:
                ops = [(f"add {a}, {b}", ALL_FLAGS), (f"sub {a}d, {b}d", ALL_FLAGS), (f"and {a}, {b}", NO_AF),
                       (f"xor {a}, {b}", NO_AF), (f"neg {a}", ALL_FLAGS)]
                if self.fdef & 1:   # adc/sbb read CF
                    ops += [(f"adc {a}, {b}", ALL_FLAGS), (f"sbb {a}b, {b}b", ALL_FLAGS)]
                text, self.fdef = r.choice(ops)
                self.emit(text)
            elif k < 0.65:
                text, keep, defined = r.choice([
                    (f"shl {a}, 1", 0, NO_AF), (f"shr {a}d, 1", 0, NO_AF), (f"sar {a}w, 1", 0, NO_AF),
                    (f"shl {a}, 3", 0, 0xc5), (f"shr {a}, 7", 0, 0xc5),   # OF undefined for counts > 1
                    (f"rol {a}, 1", 0xd4, 0x801),                          # SF ZF AF PF unaffected
                    ("bt r9, 5", 0x40, 0x1)])                              # ZF unaffected, OF SF AF PF undefined
                self.emit(text)
                self.fdef = (self.fdef & keep) | defined
            elif k < 0.72:
                self.emit(f"inc {a}", f"dec {b}")
                self.fdef |= 0x8d4                                         # CF unaffected
            elif k < 0.85:
                self.emit(f"push {r.randrange(0, 0x1000) & 0x8d5}", "popfq")
                self.fdef = ALL_FLAGS
            else:
                self.sahf()
            self.fcmov_or_setcc(force_fcmov=True)
            self.hash_flags()
        elif cls == "control":
            k = r.random()
            if k < 0.45:
                self.set_cw()
            elif k < 0.6:
                self.emit(f"fnstcw [rel scratch + {IMG - 14}]", f"movzx eax, word [rel scratch + {IMG - 14}]",
                          "rol r13, 11", "add r13, rax")
                self.fdef = ALL_FLAGS
            elif k < 0.7:
                self.emit(r.choice(["fnclex", "fclex"]))
            else:
                self.hash_fsw(wait=r.random() < 0.3)
        elif cls == "unmasked":
            # one instruction with some exceptions unmasked: the unmasked response (operands
            # kept, no store or pop for IE/ZE/DE; biased exponent for OE/UE) stays pending,
            # seen by fnstsw and fnsave (neither waits); fnsave re-initialises, so no trap.
            if d < 1:
                return False
            size_m, kind_m = r.choice([("dword", "f32"), ("qword", "f64")])
            i = self.st(0, d)
            op = r.choice(["fadd", "fsub", "fmul", "fdiv", "fdivr"])
            insn = r.choice([f"{op} st0, st{i}", f"{op} st{i}, st0", f"{op} {size_m} {self.src(kind_m)}",
                             f"fi{op[1:]} dword {self.src('i32')}", "fsqrt", "frndint", "fsin", "fptan",
                             f"fst {size_m} {self.work(8)}", f"fstp {size_m} {self.work(8)}",
                             f"fist word {self.work(8)}", f"fistp dword {self.work(8)}",
                             f"fisttp qword {self.work(8)}", f"fcom {size_m} {self.src(kind_m)}",
                             f"fcomi st0, st{i}", f"fucomip st0, st{i}", "ftst", "fchs"]
                            + ([f"fld {size_m} {self.src(kind_m)}"] if d < 8 else [])
                            + (["fscale", "fprem", "fpatan", "fyl2x", "fxtract"] if d >= 2 and d < 8 else []))
            unmask = r.choice([1, 2, 4, 8, 16, 32, r.randrange(1, 64), 0x3f])
            self.emit("fnclex", self.fldcw(cw(r.randrange(4), 3) & ~unmask), insn)
            self.undef_c(C_MASK | (self.c1_fcomi() if "comi" in insn else 0))
            self.hash_fsw()
            self.emit(f"fnsave [rel scratch + {IMG}]")
            self.mask_img_fsw(IMG, 4)
            self.hash_image(IMG, 108, self.ENV_ZERO)
            self.d = 0
            self.def_c()
            self.reload()
        elif cls == "tags":
            # fldenv/frstor/fxrstor of an image with edited TOP, C bits and tag word (registers
            # marked empty or valid whatever they hold), a few instructions on that stack
            # (stack faults likely), then the state captured with fnsave and the stack reloaded.
            k = r.random()
            top_c = (r.randrange(8) << 11) | (r.randrange(16) & 0xf) << 8 & 0x4700
            if k < 0.6:
                ins, base, fsw_off, tag = r.choice([("fnstenv", IMG, 4, 8), ("fnsave", IMG, 4, 8)])
                self.emit(f"{ins} [rel scratch + {base}]",
                          f"mov word [rel scratch + {base + fsw_off}], {top_c:#x}",   # no exception flags
                          f"mov word [rel scratch + {base + tag}], {r.getrandbits(16):#x}",
                          f"{'fldenv' if ins == 'fnstenv' else 'frstor'} [rel scratch + {base}]")
            else:
                w = r.choice(["", "64"])
                self.emit(f"fxsave{w} [rel scratch + {FXIMG}]",
                          f"mov word [rel scratch + {FXIMG + 2}], {top_c:#x}",
                          f"mov byte [rel scratch + {FXIMG + 4}], {r.getrandbits(8):#x}",
                          f"fxrstor{w} [rel scratch + {FXIMG}]")
            for _ in range(r.randrange(1, 4)):
                i = r.randrange(8)
                insn = r.choice([f"fadd st0, st{i}", f"fxch st{i}", f"fld st{i}", f"fstp st{i}", "fxam",
                                 f"fcomi st0, st{i}", f"fcmovne st0, st{i}", "fincstp", "fdecstp", f"ffree st{i}",
                                 f"fst qword {self.work(8)}", f"fistp word {self.work(8)}", "fsqrt",
                                 "fpatan", "fscale", "fld1", f"fld tword {self.src('t80')}", "fprem"])
                if insn.startswith("fcmov") and not self.fdef & 0x40:
                    insn = "fxam"
                if insn.startswith("fcomi"):
                    self.fdef = ALL_FLAGS
                self.emit(insn)
            self.undef_c(C_MASK | self.c1_fcomi())
            self.hash_fsw()
            self.emit(f"fnsave [rel scratch + {IMG}]")
            self.mask_img_fsw(IMG, 4)
            self.hash_image(IMG, 108, self.ENV_ZERO)
            self.d = 0
            self.def_c()
            self.reload()
        elif cls == "fldcw_reserved":
            self.set_cw(reserved=True)
        elif cls == "env":
            k = r.random()
            if k < 0.3:
                self.emit(f"{r.choice(['fnstenv', 'fstenv'])} [rel scratch + {IMG}]")
                self.mask_img_fsw(IMG, 4)
                self.hash_image(IMG, 28, self.ENV_ZERO)
                if r.random() < 0.5:
                    self.emit(f"fldenv [rel scratch + {IMG}]")
            elif k < 0.65:
                self.emit(f"{r.choice(['fnsave', 'fsave'])} [rel scratch + {IMG}]")
                self.mask_img_fsw(IMG, 4)
                self.hash_image(IMG, 108, self.ENV_ZERO)
                if r.random() < 0.3:  # restore an image with an edited control word
                    v = cw(r.randrange(4), r.choice([0, 2, 3]))
                    self.emit(f"mov word [rel scratch + {IMG}], {v:#x}")
                self.emit(f"frstor [rel scratch + {IMG}]")
            else:
                w = r.choice(["", "64"])
                self.emit(f"fxsave{w} [rel scratch + {FXIMG}]")
                self.mask_img_fsw(FXIMG, 2)
                self.hash_image(FXIMG, 160, self.FX_ZERO)
                if r.random() < 0.5:
                    self.emit(f"fxrstor{w} [rel scratch + {FXIMG}]")
        elif cls == "misc":
            k = r.random()
            if k < 0.3:
                if d < 2:
                    return False
                self.emit(f"fxch st{self.st(1, d)}" if r.random() < 0.8 else "fxch")
            elif k < 0.45:
                self.emit(*r.choice([["fincstp", "fdecstp"], ["fdecstp", "fincstp"]]))
                self.hash_fsw()   # TOP in between is not observed, the pair is
            elif k < 0.6:
                if d < 1:
                    return False
                self.emit(f"ffree st{d - 1}")
                self.d -= 1
            elif k < 0.7:
                if d < 1:
                    return False
                self.emit("ffreep st0")
                self.d -= 1
            elif k < 0.8:
                self.emit(r.choice(["fnop", "fwait"]))
            else:
                self.emit("fninit")
                self.d = 0
                self.def_c()
                self.reload()
            self.undef_c()
        elif cls == "fault":
            # a masked stack fault; the outcome (registers, tags, IE|SF, C1) captured with fnsave
            if d == 8 or (d >= 6 and r.random() < 0.5):
                while self.d < 8:
                    self.push_value()
                self.emit(r.choice(["fld1", "fldpi", f"fld qword {self.src('f64')}", "fld st3", "fxtract",
                                    "fsincos", "fptan"]))
            else:
                i = self.d
                self.emit(r.choice([f"fadd st0, st{min(i, 7)}", f"fxch st{min(i, 7)}", f"fcom st{min(i, 7)}",
                                    f"fstp st{min(i, 7)}", f"fld st{min(i, 7)}", f"fcomi st0, st{min(i, 7)}",
                                    f"fistp dword {self.work(8)}", f"fstp qword {self.work(8)}",
                                    "fprem", "fpatan", "fcompp", "fmulp", "fxam", "ftst", "fchs"]
                                   if i >= 1 or r.random() < 0.5 else
                                   ["fchs", "fsqrt", "fstp tword [rel scratch + 128]", "fst st1", "fcmove st0, st1"]))
            self.undef_c()
            self.hash_fsw()
            self.emit(f"fnsave [rel scratch + {IMG}]")
            self.mask_img_fsw(IMG, 4)
            self.hash_image(IMG, 108, self.ENV_ZERO)
            self.d = 0
            self.def_c()
            self.reload()
        else:
            raise ValueError(cls)
        return True

    def fcmov_or_setcc(self, force_fcmov=False):
        """fcmovcc (or setcc) on a condition whose flags are all defined now."""
        r = self.r
        ok = [c for c, need in CONDS.items() if need & self.fdef == need]
        if not ok:
            self.emit(f"push {r.randrange(0, 0x1000) & 0x8d5}", "popfq")
            self.fdef = ALL_FLAGS
            ok = list(CONDS)
        cc = r.choice(ok)
        if self.d >= 1 and (force_fcmov or r.random() < 0.7):
            self.emit(f"fcmov{cc} st0, st{self.st(0, self.d)}")
        else:
            self.emit(f"set{X86CC[cc]} al", "movzx eax, al", "add rbp, rax")
            self.fdef = ALL_FLAGS

    def body(self, n):
        r = self.r
        weights = {"load": 14, "store": 12, "arith": 20, "unary": 8, "transc": 6, "compare": 9, "fcomi": 6,
                   "fcmov": 6, "control": 6, "env": 2, "misc": 5, "fault": 1.2, "fprem_loop": 1,
                   "fldcw_reserved": 0.5, "unmasked": 0.6, "tags": 0.8}
        for c in self.without:
            weights.pop(c, None)
        names, ws = list(weights), list(weights.values())
        done = 0
        while done < n:
            cls = r.choices(names, ws)[0]
            if self.op(cls):
                done += 1

    def program(self):
        r = self.r
        self.counts = {}
        data = []

        def table(name, vals, fmt):
            self.counts[name] = len(vals)
            data.append(f"{name}:")
            for v in vals:
                data.append(fmt(v))

        data.append("align 16")
        table("t80", t80_values(r), lambda v: f"    dq 0x{v[1]:016x}\n    dw 0x{v[0]:04x}, 0, 0, 0")
        table("f64", f64_values(r), lambda v: f"    dq 0x{v:016x}")
        table("f32", f32_values(r), lambda v: f"    dd 0x{v:08x}")
        table("i16", int_values(r, 16), lambda v: f"    dw 0x{v:04x}")
        table("i32", int_values(r, 32), lambda v: f"    dd 0x{v:08x}")
        table("i64", int_values(r, 64), lambda v: f"    dq 0x{v:016x}")
        data.append("align 16")
        table("bcd", bcd_values(r), lambda b: "    db " + ", ".join(f"0x{x:02x}" for x in b) + ", 0, 0, 0, 0, 0, 0")
        table("safe_f2xm1", [dbits(x) for x in SAFE_F2XM1], lambda v: f"    dq 0x{v:016x}")
        table("safe_yl2xp1", [dbits(x) for x in SAFE_YL2XP1], lambda v: f"    dq 0x{v:016x}")
        # the work area's initial contents: each slot an 80-bit value, two doubles, four floats or integers
        data.append("winit:")
        for _ in range(WORK_SLOTS):
            k = r.random()
            if k < 0.3:
                s, m = r.choice(t80_values(r))
                data.append(f"    dq 0x{m:016x}\n    dw 0x{s:04x}, 0, 0, 0")
            elif k < 0.6:
                data.append(f"    dq 0x{r.choice(f64_values(r)):016x}, 0x{r.choice(f64_values(r)):016x}")
            elif k < 0.8:
                data.append("    dd " + ", ".join(f"0x{r.choice(f32_values(r)):08x}" for _ in range(4)))
            else:
                data.append(f"    dq 0x{r.choice(int_values(r, 64)):016x}, 0x{r.choice(int_values(r, 64)):016x}")

        carry = r.random() < 0.35
        lines = ["%include \"prologue.inc\""]
        for k in range(WORK_SLOTS * 2):
            lines += [f"    mov rax, [rel winit + {8 * k}]", f"    mov [rel scratch + {WORK + 8 * k}], rax"]
        lines += ["    lea rsi, [rel scratch]", "    mov edi, 4"]
        for reg in ("r8", "r9", "r10", "r11"):
            lines.append(f"    mov {reg}, {r.getrandbits(64) - (1 << 63)}")
        lines.append(f"    mov r15d, {ITERATIONS}")
        if carry:
            self.lines = ["fninit"]
            if r.random() < 0.5:
                self.set_cw()
            self.reload()
            lines += ["    " + x for x in self.lines]
            depth0 = self.d
        lines.append(".again:")
        self.lines = []
        if not carry:
            self.emit("fninit")
            self.d = 0
            self.def_c()
            if r.random() < 0.5:
                self.set_cw()
            self.reload()
        self.body(r.randrange(8, 40))
        if carry:   # back to the depth the loop started with
            while self.d > depth0:
                self.emit(r.choice(["fstp st0", f"fstp qword {self.work(8)}", "faddp" if self.d >= 2 else "fstp st0"]))
                self.d -= 1
            while self.d < depth0:
                self.push_value()
        self.hash_fsw()
        lines += ["    " + x if not x.startswith(".") else x for x in self.lines]
        lines += ["    dec r15d", "    jnz .again"]
        # the final state: fnsave into scratch[0..108), FIP/FCS/FOP/FDP/FDS zeroed
        lines.append("    fnsave [rel scratch]")
        if self.cmask:
            lines.append(f"    and word [rel scratch + 4], {0xffff & ~self.cmask:#x}")
        if not self.strict:
            for off, size in self.ENV_ZERO:
                lines.append(f"    mov dword [rel scratch + {off}], 0")
        lines += ["    xor eax, eax", "    add eax, 0"]   # every status flag defined for the dump
        lines.append("section .data")
        lines.append("cwt:")
        lines += [f"    dw {v:#06x}" for v in self.cws or [0x37f]]
        lines += data
        lines.append("%include \"epilogue.inc\"")
        return "\n".join(lines) + "\n"


def gen(seed, without=(), strict=False):
    return Gen(seed, without, strict).program()


# ---- the driver -----------------------------------------------------------------------------

def run_seed(seed, a):
    """Returns (number of retrace runs, list of report lines)."""
    src = a.out / f"x87_{seed}.asm"
    src.write_text(gen(seed, a.without, a.strict))
    return rat.differential(src, a.out, a.retrace, a.tiers.split(","), a.retrace_arg, a.timeout,
                            max_fails=4, native_only=a.only_native)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--retrace", help="path to the retrace executable")
    ap.add_argument("--tiers", default="native,auto")
    ap.add_argument("--seeds", default="1..100")
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/retrace-x87-fuzz"))
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--retrace-arg", action="append", default=[],
                    help="extra option for `retrace run` (repeatable), e.g. --code-cache=4K")
    ap.add_argument("--without", default="", help="comma-separated op classes to leave out")
    ap.add_argument("--list-classes", action="store_true", help="print the op classes and exit")
    ap.add_argument("--only-native", action="store_true", help="only build and run natively")
    ap.add_argument("--strict", action="store_true",
                    help="no masking: compare C bits left undefined and FIP/FDP/FOP too")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="programs checked at a time (default 1)")
    a = ap.parse_args()
    if a.list_classes:
        print(" ".join(CLASSES))
        return 0
    if not a.retrace and not a.only_native:
        ap.error("--retrace PATH is required unless --only-native is given")
    a.without = [c for c in a.without.split(",") if c]
    for c in a.without:
        if c not in CLASSES:
            ap.error(f"unknown class {c!r} (known: {' '.join(CLASSES)})")
    if a.retrace:
        a.retrace = str(pathlib.Path(a.retrace).resolve())
    first, last = (int(v) for v in a.seeds.split(".."))
    a.out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    failed = runs = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        for n, reports in pool.map(lambda s: run_seed(s, a), range(first, last + 1)):
            runs += n
            for line in reports:
                print(line, flush=True)
            failed += len(reports)
    print(f"{runs} runs ({last - first + 1} programs), {failed} differing, {time.monotonic() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
