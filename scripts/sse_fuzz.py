#!/usr/bin/env python3
"""Differential fuzzing of SSE code: random programs over xmm0-xmm15, native vs retrace.

Each program loads random data into the 16 xmm registers and rax/rbx, then runs a random
body of SSE integer and float operations (register and memory operands, the same
register on both sides, immediates, SSE4.2 string compares with explicit lengths over
small-alphabet strings, the rest of SSE2-SSE4.1 with MXCSR's modes and flags (ext_op), partial writes such as movq/movd/pinsrw/movlps/
movhps/movss/movsd, reads into GPRs such as movq/pmovmskb/pextrw, stores) in a loop of
60 iterations (so the auto tier translates it too), and finally stores every xmm register
into the first 256 bytes of `scratch`. The asm tests' epilogue dumps GPRs, flags and that
memory, and their runner's comparison is the check: every register but rsp, the rsp
delta, the status flags and DF, and all 256 bytes must equal native's.

    scripts/sse_fuzz.py --retrace build/retrace [--tiers native,auto] [--seeds A..B]
                        [--retrace-arg=--code-cache=4K]

Exit status 1 if any program differs (each difference is printed with its seed; the
program's source is kept in --out). It is what checks the native tier's xmm copies
(host xmm2-xmm15 holding guest xmm registers within a block) against real hardware.
"""
import os
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
ASM_DIR = HERE.parent / "tests" / "asm"
sys.path.insert(0, str(ASM_DIR))
import run_asm_tests as rat  # noqa: E402  (the asm tests' build and dump helpers)

# Two-operand forms `op xmm, xmm/m128` (memory operands 16-byte aligned).
BINARY = ["pxor", "pand", "por", "pandn", "paddb", "paddw", "paddd", "paddq", "psubb", "psubw",
          "psubd", "psubq", "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd",
          "punpcklbw", "punpckhbw", "punpcklwd", "punpckhwd", "punpckldq", "punpckhdq",
          "punpcklqdq", "punpckhqdq", "packuswb", "packsswb", "packssdw", "pmaxub", "pminub",
          "pmaxsw", "pminsw", "pavgb", "pavgw", "pmullw", "pmulhw", "pmulhuw", "pmuludq",
          "pmaddwd", "psadbw", "paddusb", "psubusb", "paddsw", "psubsw", "movdqa",
          "xorps", "andps", "orps", "andnps", "unpcklps", "unpckhps", "movaps", "pshufb"]
FLOAT = ["addps", "mulps", "subps", "minps", "maxps", "addpd", "mulpd"]  # (C helpers)
SHIFT_IMM = ["psllw", "pslld", "psllq", "psrlw", "psrld", "psrlq", "psraw", "psrad",
             "pslldq", "psrldq"]
# AES-NI and PCLMULQDQ, when the host has them (retrace reports them only then).
_CPU_FLAGS = set(open("/proc/cpuinfo").read().split()) if os.path.exists("/proc/cpuinfo") else set()
AES = ["aesenc", "aesenclast", "aesdec", "aesdeclast"] if "aes" in _CPU_FLAGS else []
PCLMUL = "pclmulqdq" in _CPU_FLAGS
# The rest of SSE2-SSE4.1 (the extended mix): two-operand integer and float forms,
# immediate forms with their immediate's range, forms with xmm0 as an implicit operand,
# results to and from GPRs, flags, and MXCSR's rounding modes, FTZ/DAZ and sticky flags.
EXT_BINARY = ["paddsb", "paddusw", "psubsb", "psubusw", "pmuldq", "pmulld", "pmulhrsw", "pmaddubsw",
              "pabsb", "pabsw", "pabsd", "psignb", "psignw", "psignd", "phaddw", "phaddd", "phaddsw",
              "phsubw", "phsubd", "phsubsw", "pcmpeqq", "pcmpgtq", "pminuw", "pminud", "pminsb", "pminsd",
              "pmaxuw", "pmaxud", "pmaxsb", "pmaxsd", "packusdw", "unpcklpd", "unpckhpd", "movddup",
              "movshdup", "movsldup", "pmovzxbw", "pmovzxbd", "pmovzxbq", "pmovzxwd", "pmovzxwq", "pmovzxdq",
              "pmovsxbw", "pmovsxbd", "pmovsxbq", "pmovsxwd", "pmovsxwq", "pmovsxdq", "phminposuw",
              "andpd", "orpd", "xorpd", "andnpd", "pavgw", "paddusb", "psubusb", "psadbw"]
EXT_FLOAT = ["addss", "addsd", "subss", "subsd", "mulss", "mulsd", "divss", "divsd", "divps", "divpd",
             "minss", "minsd", "minpd", "maxss", "maxsd", "maxpd", "subpd", "sqrtss", "sqrtsd", "sqrtps",
             "sqrtpd", "rcpss", "rcpps", "rsqrtss", "rsqrtps", "haddps", "haddpd", "hsubps", "hsubpd",
             "addsubps", "addsubpd", "cvtss2sd", "cvtsd2ss", "cvtdq2ps", "cvtps2dq", "cvttps2dq",
             "cvtdq2pd", "cvtpd2dq", "cvttpd2dq", "cvtps2pd", "cvtpd2ps"]
EXT_IMM = [("pshufhw", 256), ("pshuflw", 256), ("palignr", 32), ("pblendw", 256), ("blendps", 16),
           ("blendpd", 4), ("shufps", 256), ("shufpd", 4), ("insertps", 256), ("mpsadbw", 8),
           ("roundps", 16), ("roundpd", 16), ("roundss", 16), ("roundsd", 16), ("cmpps", 8),
           ("cmppd", 8), ("cmpss", 8), ("cmpsd", 8), ("dpps", 256), ("dppd", 256)]


def ext_op(r, x):
    """One instruction (or a few) of the extended mix; x() names a random xmm register."""
    k = r.random()
    a, b = x(), x()
    mem = f"[rel data + {16 * r.randrange(16)}]"
    if k < 0.25:
        op = r.choice(EXT_BINARY)
        src = mem if r.random() < 0.2 and not op.startswith("pmov") else b
        return [f"{op} {a}, {src}"]
    if k < 0.45:
        return [f"{r.choice(EXT_FLOAT)} {a}, {mem if r.random() < 0.15 else b}"]
    if k < 0.62:
        op, n = r.choice(EXT_IMM)
        return [f"{op} {a}, {mem if r.random() < 0.15 else b}, {r.randrange(n)}"]
    if k < 0.68:
        return [f"{r.choice(['pblendvb', 'blendvps', 'blendvpd'])} {a}, {b}"]  # mask: xmm0
    if k < 0.80:
        return [r.choice([f"pextrb ecx, {a}, {r.randrange(16)}", f"pextrd ecx, {a}, {r.randrange(4)}",
                          f"pextrq rcx, {a}, {r.randrange(2)}", f"movmskps ecx, {a}", f"movmskpd ecx, {a}",
                          f"extractps ecx, {a}, {r.randrange(4)}",
                          f"{r.choice(['cvtss2si', 'cvttss2si', 'cvtsd2si', 'cvttsd2si'])} {r.choice(['ecx', 'rcx'])}, {a}"]),
                r.choice(["add rax, rcx", "xor rbx, rcx", "sub rbx, rcx"])]
    if k < 0.90:
        return [r.choice([f"pinsrb {a}, eax, {r.randrange(16)}", f"pinsrd {a}, ebx, {r.randrange(4)}",
                          f"pinsrq {a}, rax, {r.randrange(2)}", f"cvtsi2ss {a}, {r.choice(['eax', 'rbx'])}",
                          f"cvtsi2sd {a}, {r.choice(['ebx', 'rax'])}"])]
    if k < 0.96:
        return [f"{r.choice(['ucomiss', 'ucomisd', 'comiss', 'comisd', 'ptest'])} {a}, {b}",
                "pushfq", "pop r9", "and r9d, 0x8d5", "add rbx, r9"]
    # A rounding mode (bits 13-14), FTZ (15) and DAZ (6), all exceptions masked.
    mx = 0x1f80 | (r.randrange(4) << 13) | (0x8000 if r.random() < 0.3 else 0) | (0x40 if r.random() < 0.3 else 0)
    return [f"mov dword [rel scratch + 512], {mx}", "ldmxcsr [rel scratch + 512]"]


def gen(seed):
    r = random.Random(seed)
    x = lambda: f"xmm{r.randrange(16)}"  # noqa: E731
    data = lambda: f"[rel data + {16 * r.randrange(16)}]"  # noqa: E731
    body = []
    for _ in range(r.randrange(10, 40)):
        if r.random() < 0.3:
            body += ext_op(r, x)
            continue
        k = r.random()
        if k < 0.45:
            op = r.choice(BINARY)
            a = x()
            b = a if r.random() < 0.15 else (data() if r.random() < 0.2 else x())
            body.append(f"{op} {a}, {b}")
        elif k < 0.52:
            body.append(f"{r.choice(FLOAT)} {x()}, {x()}")
        elif k < 0.60:
            body.append(f"{r.choice(SHIFT_IMM)} {x()}, {r.randrange(20)}")
        elif k < 0.66:
            if AES and r.random() < 0.4:
                body.append(r.choice([f"{r.choice(AES)} {x()}, {x()}", f"aesimc {x()}, {x()}",
                                      f"aeskeygenassist {x()}, {x()}, {r.randrange(256)}",
                                      f"{r.choice(AES)} {x()}, {data()}"]))
            elif PCLMUL and r.random() < 0.3:
                body.append(f"pclmulqdq {x()}, {x()}, {r.choice([0, 1, 0x10, 0x11, r.randrange(256)])}")
            else:
                body.append(f"pshufd {x()}, {x()}, {r.randrange(256)}")
        elif k < 0.72:
            body.append(r.choice([f"movq {x()}, rax", f"movd {x()}, ebx", f"pinsrw {x()}, eax, {r.randrange(8)}",
                                  f"movlps {x()}, [rel data + {8 * r.randrange(32)}]",
                                  f"movhps {x()}, [rel data + {8 * r.randrange(32)}]",
                                  f"movss {x()}, {x()}", f"movsd {x()}, {x()}"]))
        elif k < 0.82:
            body.append(r.choice([f"movq rcx, {x()}", f"pmovmskb ecx, {x()}", f"pextrw ecx, {x()}, {r.randrange(8)}",
                                  f"movd ecx, {x()}"]))
            body.append(r.choice(["add rax, rcx", "xor rbx, rcx", "rol rax, 7", "sub rbx, rcx"]))
        elif k < 0.90:
            body.append(f"movdqu [rel scratch + {256 + 16 * r.randrange(16)}], {x()}")
            body.append(f"movdqu {x()}, [rel scratch + {256 + 16 * r.randrange(16)}]")
        elif k < 0.95:
            # SSE4.2 string compares over small-alphabet strings (zero elements and repeats
            # are common, so the implicit and explicit lengths and the equality and range
            # modes all matter); lengths in eax/edx from -20 to 20, the loop count saved.
            a, b = x(), x()
            body.append(f"movdqa {a}, [rel sdata + {16 * r.randrange(16)}]")
            src = f"[rel sdata + {16 * r.randrange(16)}]" if r.random() < 0.3 else b
            if src == b:
                body.append(f"movdqa {b}, [rel sdata + {16 * r.randrange(16)}]")
            form = r.choice(["pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm"])
            body += ["push rax", "push rdx", f"mov eax, {r.randrange(-20, 21)}", f"mov edx, {r.randrange(-20, 21)}",
                     f"{form} {a}, {src}, {r.randrange(128)}",
                     "pushfq", "pop r9", "and r9d, 0x8d5", "add rbx, r9", "pop rdx", "pop rax"]
            if form.endswith("i"):
                body.append("add rbx, rcx")
        else:
            a, b = x(), x()
            body.append(f"movdqa {a}, {b}")
    lines = ["%include \"prologue.inc\""]
    lines.append(f"    mov rax, {r.getrandbits(63)}")
    lines.append(f"    mov rbx, {r.getrandbits(63)}")
    for i in range(16):
        lines.append(f"    movdqa xmm{i}, [rel data + {16 * i}]")
    lines.append("    mov edx, 60")
    lines.append(".again:")
    lines += ["    " + b for b in body]
    lines.append("    dec edx")
    lines.append("    jnz .again")
    for i in range(16):
        lines.append(f"    movdqu [rel scratch + {16 * i}], xmm{i}")
    # MXCSR too (its sticky exception flags): folded into rbx.
    lines += ["    stmxcsr [rel scratch + 512]", "    mov r9d, [rel scratch + 512]", "    add rbx, r9"]
    lines.append("    xor ecx, ecx")
    lines.append("section .data")
    lines.append("align 16")
    lines.append("data:")
    for i in range(32):
        lines.append(f"    dq 0x{r.getrandbits(64):016x}")
    alphabet = [0, 1, 2, 0x61, 0x62, 0x7f, 0x80, 0xff]
    lines.append("sdata:")
    for i in range(16):
        lines.append("    db " + ", ".join(str(r.choice(alphabet)) for _ in range(16)))
    lines.append("%include \"epilogue.inc\"")
    return "\n".join(lines) + "\n"


def main():
    return rat.fuzz_main(__doc__, gen, "sse", "/tmp/retrace-sse-fuzz")


if __name__ == "__main__":
    sys.exit(main())
