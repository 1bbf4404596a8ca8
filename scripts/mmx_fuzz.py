#!/usr/bin/env python3
"""Differential fuzzing of MMX code: random programs over mm0-mm7, native vs retrace.

Each program loads random data into mm0-mm7, xmm0-xmm7 and rax/rbx, then runs a random
body of MMX instructions in a loop of 60 iterations (so the auto tier translates it):
the element-wise integer ops, unpacks, packs, SSSE3's horizontal ops, pshufb, palignr,
pshufw, shifts by register, memory and immediate, movd/movq with general registers,
memory and other mm registers, maskmovq, movq2dq/movdq2q, pmovmskb/pextrw/pinsrw, the mm<->xmm
conversions under random MXCSR rounding modes, and now and then emms (also with TOP not
0), or x87 loads and stores between MMX code (the register file is shared). At the end it stores mm0-mm7 and
xmm0-xmm7 into `scratch`, and the x87 environment (fnstenv: control, status with TOP,
tag word) and MXCSR after them. The asm tests' epilogue dumps GPRs, flags and that
memory, and their runner's comparison is the check.

    scripts/mmx_fuzz.py --retrace build/retrace [--tiers native,auto] [--seeds A..B]
                        [--retrace-arg=--code-cache=4K]

Exit status 1 if any program differs (each difference is printed with its seed; the
program's source is kept in --out).
"""
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "asm"))
import run_asm_tests as rat  # noqa: E402  (the asm tests' build and dump helpers)

# `op mm, mm/m64`
BINARY = ["paddb", "paddw", "paddd", "paddq", "paddsb", "paddsw", "paddusb", "paddusw",
          "psubb", "psubw", "psubd", "psubq", "psubsb", "psubsw", "psubusb", "psubusw",
          "pmullw", "pmulhw", "pmulhuw", "pmuludq", "pmaddwd", "pmulhrsw", "pmaddubsw",
          "pavgb", "pavgw", "psadbw", "pabsb", "pabsw", "pabsd", "psignb", "psignw", "psignd",
          "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd",
          "pminub", "pminsw", "pmaxub", "pmaxsw", "pand", "por", "pxor", "pandn",
          "punpcklbw", "punpcklwd", "punpckldq", "punpckhbw", "punpckhwd", "punpckhdq",
          "packsswb", "packuswb", "packssdw", "phaddw", "phaddd", "phaddsw", "phsubw", "phsubd",
          "phsubsw", "pshufb", "movq"]
SHIFT = ["psllw", "pslld", "psllq", "psrlw", "psrld", "psrlq", "psraw", "psrad"]


def gen(seed):
    r = random.Random(seed)
    mm = lambda: f"mm{r.randrange(8)}"  # noqa: E731
    x = lambda: f"xmm{r.randrange(8)}"  # noqa: E731
    data = lambda: f"[rel data + {8 * r.randrange(32)}]"  # noqa: E731
    body = []
    for _ in range(r.randrange(8, 30)):
        k = r.random()
        if k < 0.45:
            op = r.choice(BINARY)
            a = mm()
            if r.random() < 0.2:
                b = data()
            else:
                b = a if r.random() < 0.15 else mm()
            body.append(f"{op} {a}, {b}")
        elif k < 0.55:
            op = r.choice(SHIFT)
            body.append(r.choice([f"{op} {mm()}, {r.randrange(70)}", f"{op} {mm()}, {mm()}",
                                  f"{op} {mm()}, {data()}"]))
        elif k < 0.62:
            body.append(r.choice([f"palignr {mm()}, {mm()}, {r.randrange(24)}",
                                  f"palignr {mm()}, {data()}, {r.randrange(24)}",
                                  f"pshufw {mm()}, {mm()}, {r.randrange(256)}",
                                  f"pshufw {mm()}, {data()}, {r.randrange(256)}"]))
        elif k < 0.72:
            body.append(r.choice([f"movd {mm()}, eax", f"movq {mm()}, rbx", f"movd {mm()}, dword {data()}",
                                  f"movq {mm()}, {data()}", f"pinsrw {mm()}, eax, {r.randrange(8)}",
                                  f"pinsrw {mm()}, word {data()}, {r.randrange(8)}", f"movdq2q {mm()}, {x()}",
                                  f"movq2dq {x()}, {mm()}"]))
        elif k < 0.82:
            body.append(r.choice([f"movd ecx, {mm()}", f"movq rcx, {mm()}", f"pmovmskb ecx, {mm()}",
                                  f"pextrw ecx, {mm()}, {r.randrange(8)}"]))
            body.append(r.choice(["add rax, rcx", "xor rbx, rcx", "rol rax, 9", "sub rbx, rcx"]))
        elif k < 0.88:
            slot = 256 + 8 * r.randrange(16)
            body.append(r.choice([f"movq [rel scratch + {slot}], {mm()}", f"movntq [rel scratch + {slot}], {mm()}",
                                  f"movd [rel scratch + {slot}], {mm()}"]))
            body.append(f"movq {mm()}, [rel scratch + {256 + 8 * r.randrange(16)}]")
            if r.random() < 0.3:  # a byte-masked store (mask: another register's byte signs)
                body += [f"lea rdi, [rel scratch + {256 + r.randrange(120)}]", f"maskmovq {mm()}, {mm()}"]
        elif k < 0.95:
            # conversions, under one of the four rounding modes (MXCSR, exceptions masked)
            body.append(f"mov dword [rel scratch + 400], {0x1f80 | (r.randrange(4) << 13)}")
            body.append("ldmxcsr [rel scratch + 400]")
            body.append(r.choice([f"cvtpi2ps {x()}, {mm()}", f"cvtpi2ps {x()}, {data()}",
                                  f"cvtpi2pd {x()}, {mm()}", f"cvtpi2pd {x()}, {data()}",
                                  f"cvtps2pi {mm()}, {x()}", f"cvtps2pi {mm()}, {data()}",
                                  f"cvttps2pi {mm()}, {x()}", f"cvtpd2pi {mm()}, {x()}",
                                  f"cvttpd2pi {mm()}, {x()}", f"cvtpd2pi {mm()}, [rel data + {16 * r.randrange(16)}]"]))
        elif k < 0.97:
            body.append("emms")
        else:
            # x87 between MMX code: a store of st0 (an mm register's bits as 80-bit) and a load
            body += ["emms", "fld qword [rel fdata]", "fstp tword [rel scratch + 416]",
                     "fld tword [rel scratch + 416]", "fstp qword [rel scratch + 432]", "emms"]
            if r.random() < 0.5:  # emms with TOP not 0 (it sets TOP to 0): the next push is R7
                body += ["fld1", "fld qword [rel fdata]", "emms", "fld qword [rel fdata]", "fstp st0", "emms"]
    lines = ["%include \"prologue.inc\""]
    lines.append(f"    mov rax, {r.getrandbits(63)}")
    lines.append(f"    mov rbx, {r.getrandbits(63)}")
    for i in range(8):
        lines.append(f"    movq mm{i}, [rel data + {8 * i}]")
        lines.append(f"    movdqa xmm{i}, [rel fpdata + {16 * i}]")
    lines.append("    mov edx, 60")
    lines.append(".again:")
    lines += ["    " + b for b in body]
    lines.append("    dec edx")
    lines.append("    jnz .again")
    for i in range(8):
        lines.append(f"    movq [rel scratch + {8 * i}], mm{i}")
        lines.append(f"    movdqu [rel scratch + {64 + 16 * i}], xmm{i}")
    # the x87 environment (28 bytes: control, status with TOP, tag word, the last x87
    # instruction's pointers, which MMX instructions leave alone) and MXCSR
    lines += ["    fnstenv [rel scratch + 192]", "    stmxcsr [rel scratch + 224]", "    emms"]
    if rat.x87_pointers_unstable():  # (FIP/FCS/FOP/FDP/FDS: preemption may clear them natively)
        lines += [f"    mov dword [rel scratch + {192 + off}], 0" for off in (12, 16, 20, 24)]
    lines.append("    xor ecx, ecx")
    lines.append("section .data")
    lines.append("align 16")
    lines.append("data:")
    for i in range(34):
        lines.append(f"    dq 0x{r.getrandbits(64):016x}")
    # floats and doubles with fractions, halves and out-of-range magnitudes for the conversions
    lines.append("fpdata:")
    for i in range(16):
        if r.random() < 0.5:
            vals = [r.choice([0.5, 1.5, -2.5, 3.25e9, -7.75, 1e10, -1e-3, 2.5]) for _ in range(4)]
            lines.append("    dd " + ", ".join(repr(float(v)) for v in vals))
        else:
            vals = [r.choice([0.5, -1.5, 2.5e9, -3.5, 1e12, 7.25]) for _ in range(2)]
            lines.append("    dq " + ", ".join(repr(float(v)) for v in vals))
    lines.append("fdata: dq 1.25")
    lines.append("%include \"epilogue.inc\"")
    return "\n".join(lines) + "\n"


def main():
    return rat.fuzz_main(__doc__, gen, "mmx", "/tmp/retrace-mmx-fuzz")


if __name__ == "__main__":
    sys.exit(main())
