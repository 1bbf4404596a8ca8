// x87 implementations (see x87.h, x87ops.def).
//
// The guest's x87 state lives in MachineState::x87 (physical registers st[8], fcw, fsw
// without TOP, full tag word, top, last FIP/FDP/FOP). Almost every row runs the guest's
// instruction on the host FPU:
//
//   guest X87State --to_image--> Image (fnsave format) --frstor--> host FPU
//        ^                                                           |  the row's instruction
//        +--------from_image-- Image <--fnsave (also re-inits the host FPU)
//
// The Image is the 108-byte fnsave layout of 32/64-bit mode:
//
//   +0 fcw  +4 fsw  +8 ftw (full 2-bit tags)  +12 fip  +16 fcs  +18 fop  +20 fdp  +24 fds
//   +28 ST(0) .. ST(7), 10 bytes each, in stack order (ST(i) = physical (top + i) & 7)
//
// Invariants:
//   - the host runs the guest's instruction under the guest's exception masks, so an
//     unmasked exception gets the hardware's unmasked response (no result stored, no pop,
//     the operands left as they were, a denormal operand not used at all); the image is
//     loaded with FSW.ES/B clear and every row is one x87 instruction followed by a
//     non-waiting fnsave, so the host never takes #MF. After a row, ES/B are recomputed
//     from fsw & ~fcw, and the next waiting row traps (SIGFPE, the si_code Linux derives
//     from the same bits) before it executes. The fast path below runs only when every
//     exception is masked (its host state between rows keeps sticky flags);
//   - precision and rounding control are the guest's (they are in the loaded fcw);
//   - stored images (fnstenv, fnsave, fxsave) get the guest's own fcw/fsw patched in, since
//     the host saw the masked ones;
//   - FIP/FOP/FDP/FCS are the guest's: the frontend passes the pc and FOP in imm (x87_imm);
//     they follow the host CPU's model (x87_model below): on current Intel cores FOP
//     and FDP change only on an unmasked exception and FCS/FDS are deprecated (0); on AMD
//     cores every non-control instruction sets FOP and FCS, and every one with a memory
//     operand FDP;
//   - fxsave/fxrstor move MXCSR and XMM0-15 between memory and the slots (the host's own
//     XMM registers are clobbered by fxrstor and declared so; the host MXCSR is saved and
//     restored around every row).
// Fast path (run_fast): frstor + fnsave cost ~250 ns, so rows that name their register
// footprint (R1/R2/RI, PU in x87ops.def) run without them when no stack fault can happen:
// fld m80 of the registers the row reads, the row's instruction, fstp m80 of what is left.
// Stack bookkeeping (TOP, tags) is then done here, and C0..C3 follow the row's FA/FC/FK.
//
// A guest memory fault inside a row longjmps out (see FaultContext): the guest state is
// left as it was before the instruction; t_host_fpu_ready stays false, so the next row
// re-initialises the host FPU first.
#include "ir/x87.h"

#include <csignal>
#include <cstring>
#include <string_view>

namespace retrace::ir {
namespace {

using namespace x87f;

struct Image {
  uint16_t fcw, r0, fsw, r1, ftw, r2;
  uint32_t fip;
  uint16_t fcs, fop;
  uint32_t fdp;
  uint16_t fds, r3;
  uint8_t st[8][10];
};
static_assert(sizeof(Image) == 108, "fnsave image layout");

constexpr uint16_t kES = 0x80, kB = 0x8000, kTop = 0x3800;
constexpr uint64_t kXcr0 = 3;  // x87 | SSE

uint16_t guest_fsw(const X87State& x) { return static_cast<uint16_t>((x.fsw & ~kTop) | ((x.top & 7u) << 11)); }

void update_es(X87State& x) {
  if (x.fsw & 0x3f & ~x.fcw) {
    x.fsw |= kES | kB;
  } else {
    x.fsw &= static_cast<uint16_t>(~(kES | kB));
  }
}

// Where the host CPU's x87 unit differs by vendor (the guest runs on it, and fnstenv,
// fnsave and fxsave show it). Read once, at the first x87 instruction.
struct X87Model {
  // AMD: FOP follows every non-control instruction and FDP every one with a memory operand
  // (Intel: only one that raised an unmasked exception, CPUID.7.0:EBX[6]); FXSAVE/XSAVE
  // store FOP/FIP/FDP only while an exception is pending (Intel: always); a faulting MMX
  // store leaves TOP as it was (Intel has made the x87-to-MMX transition by then).
  bool amd = false;
  bool fcs = false;  // FCS holds the code segment (else deprecated: 0, CPUID.7.0:EBX[13])
};
const X87Model& x87_model() {
  static const X87Model m = [] {
    X87Model x;
    unsigned a, b, c, d;
    __asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    x.amd = (b == 0x68747541 && d == 0x69746e65 && c == 0x444d4163) ||  // AuthenticAMD
            (b == 0x6f677948 && d == 0x6e65476e && c == 0x656e6975);    // HygonGenuine
    unsigned ebx7 = 0;
    if (a >= 7) __asm__("cpuid" : "=a"(a), "=b"(ebx7), "=c"(c), "=d"(d) : "a"(7), "c"(0));
    x.fcs = !(ebx7 & (1u << 13));
    return x;
  }();
  return m;
}
constexpr uint16_t kUserCs = 0x33;  // (x86-64 Linux user code segment)

void to_image(const X87State& x, Image& img) {
  img.fcw = x.fcw;
  img.r0 = img.r1 = img.r2 = img.r3 = 0xffff;
  img.fsw = guest_fsw(x) & static_cast<uint16_t>(~(kES | kB));
  img.ftw = x.ftw;
  img.fip = static_cast<uint32_t>(x.last_ip);
  img.fcs = x.last_cs;
  img.fop = x.last_opcode & 0x7ff;
  img.fdp = static_cast<uint32_t>(x.last_dp);
  img.fds = 0;
  for (unsigned i = 0; i < 8; ++i) memcpy(img.st[i], &x.st[(x.top + i) & 7], 10);
}

void finish(X87State& x, unsigned flags, uint64_t addr, uint64_t imm);

void from_image(X87State& x, const Image& img, unsigned flags, uint64_t addr, uint64_t imm) {
  if (flags & L) x.fcw = img.fcw;
  x.fsw = img.fsw & static_cast<uint16_t>(~kTop);
  x.top = (img.fsw >> 11) & 7u;
  x.ftw = img.ftw;
  for (unsigned i = 0; i < 8; ++i) {
    long double& r = x.st[(x.top + i) & 7];
    memset(&r, 0, sizeof r);
    memcpy(&r, img.st[i], 10);
  }
  if (flags & LIP) {
    x.last_ip = img.fip;
    x.last_dp = img.fdp;
    x.last_opcode = img.fop & 0x7ff;
    x.last_cs = x87_model().fcs ? img.fcs : 0;
  }
  finish(x, flags, addr, imm);
}

void finish(X87State& x, unsigned flags, uint64_t addr, uint64_t imm) {
  update_es(x);
  if (!(flags & (C | LIP))) {
    // As current Intel cores do (CPUID.7.0:EBX[6] FDP_EXCPTN_ONLY, FOP deprecation): FIP
    // follows every non-control instruction, FOP and FDP only one that raised an unmasked
    // exception.
    x.last_ip = imm >> 16;
    const X87Model& m = x87_model();
    if (m.fcs) x.last_cs = kUserCs;
    if (m.amd) {
      x.last_opcode = static_cast<uint16_t>((imm >> 3) & 0x7ff);
      if (flags & M) x.last_dp = addr;
    } else if (x.fsw & kES) {
      x.last_opcode = static_cast<uint16_t>((imm >> 3) & 0x7ff);
      x.last_dp = addr;
    }
  }
}

// A waiting instruction with an unmasked exception pending: SIGFPE at this instruction,
// with the si_code Linux's math_error derives from fsw & ~fcw.
bool pending_trap(MachineState& s, uint64_t imm) {
  if (!(s.x87.fsw & kES)) return false;
  unsigned err = s.x87.fsw & ~s.x87.fcw & 0x3f;
  s.trap_signal = SIGFPE;
  s.trap_code = err & 0x01 ? FPE_FLTINV : err & 0x04 ? FPE_FLTDIV : err & 0x08 ? FPE_FLTOVF
              : err & 0x12 ? FPE_FLTUND : err & 0x20 ? FPE_FLTRES : 0;
  s.trap_addr = imm >> 16;
  return true;
}

using AsmFn = uint64_t (*)(Image&, uint64_t addr, uint64_t b);

// Fast path: the registers a row reads go in with fld m80 (exact, never faults), the row's
// instruction runs, what is left on the host stack comes out with fstp m80. Used only when
// no stack fault can happen (operands valid, room for a push, at most 7 registers), so the
// host sees the same values, control word and memory operand as the full path.
struct FastIO {
  alignas(16) uint8_t in[8][16];   // load order: ST(n-1) first, ST(0) last
  alignas(16) uint8_t out[8][16];  // host ST(0), ST(1), ... after the instruction
  uint16_t cw;
  uint16_t sw;
  uint32_t n_in;
};
using FastFn = uint64_t (*)(FastIO&, uint64_t addr, uint64_t b);

unsigned tag_of(const long double& r) {  // full tag of a non-empty register
  uint64_t mant;
  uint16_t se;
  memcpy(&mant, &r, 8);
  memcpy(&se, reinterpret_cast<const uint8_t*>(&r) + 8, 2);
  unsigned e = se & 0x7fff;
  if (e == 0) return mant == 0 ? 1 : 2;
  return (e == 0x7fff || !(mant >> 63)) ? 2 : 0;
}
unsigned tag(const X87State& x, unsigned phys) { return (x.ftw >> (2 * phys)) & 3; }
void set_tag(X87State& x, unsigned phys, unsigned t) {
  x.ftw = static_cast<uint16_t>((x.ftw & ~(3u << (2 * phys))) | (t << (2 * phys)));
}

constexpr uint16_t kHostFcw = 0x037f;
thread_local bool t_host_fpu_ready = false;

// Returns false (nothing done) when the row must take the full path.
bool run_fast(MachineState& s, uint64_t addr, uint64_t b, uint64_t imm, unsigned flags, FastFn fn,
              uint64_t& result) {
  X87State& x = s.x87;
  const unsigned i = imm & 7;
  const unsigned n = flags & R1 ? 1 : flags & R2 ? 2 : flags & RI ? i + 1 : 0;
  if (n > ((flags & PU) ? 6u : 7u)) return false;
  if ((x.fcw & 0x3f) != 0x3f) return false;  // an unmasked exception: the full path (see above)
  for (unsigned k = 0; k < n; ++k)
    if (tag(x, (x.top + k) & 7) == 3) return false;
  if ((flags & PU) && tag(x, (x.top + 7) & 7) != 3) return false;
  FastIO io;
  for (unsigned k = 0; k < n; ++k) memcpy(io.in[k], &x.st[(x.top + n - 1 - k) & 7], 10);
  io.cw = x.fcw;  // (every exception masked: checked above)
  io.n_in = n;
  // The host FPU between rows: empty, fcw 0x37f, sticky flags a subset of the guest's (so
  // OR-ing the flags after the instruction is exact). fninit only after a row that did
  // not finish (a guest fault longjmped out of it), fnclex only when needed: both are slow.
  if (!t_host_fpu_ready) asm volatile("fninit" ::: "memory");
  uint16_t pre;
  asm volatile("fnstsw %0" : "=m"(pre));
  if (pre & 0x3f & ~x.fsw) asm volatile("fnclex" ::: "memory");
  t_host_fpu_ready = false;
  result = fn(io, addr, b);
  t_host_fpu_ready = true;
  const unsigned n_out = (8 - ((io.sw >> 11) & 7u)) & 7u;
  const unsigned new_top = (x.top + n - n_out) & 7u;
  for (unsigned k = 0; k < n; ++k) set_tag(x, (x.top + k) & 7, 3);
  for (unsigned j = 0; j < n_out; ++j) {
    long double& r = x.st[(new_top + j) & 7];
    memset(&r, 0, sizeof r);
    memcpy(&r, io.out[j], 10);
    set_tag(x, (new_top + j) & 7, tag_of(r));
  }
  x.top = new_top;
  // (The fcomi family, E, leaves C1 as it was on this host, though its loads here cleared
  // the host's: C1 stays the guest's.)
  const uint16_t cmask = flags & FC ? 0x4700 : flags & E ? 0 : flags & FA ? 0x0200 : 0;
  x.fsw = static_cast<uint16_t>((x.fsw & ~cmask) | (io.sw & cmask) | (io.sw & 0x7f));
  return true;
}

// Stored images get the guest's fcw/fsw; fxsave/fxrstor move MXCSR and XMM to/from the slots.
void save_result(MachineState& s, const Image& img, unsigned flags, uint64_t addr, uint64_t imm, uint16_t old_fcw,
                 uint16_t old_fsw) {
  auto* p = reinterpret_cast<uint8_t*>(addr);
  if (flags & ENV) {
    memcpy(p, &old_fcw, 2);
    memcpy(p + 4, &old_fsw, 2);
  }
  if (flags & FXS) {
    memcpy(p, &old_fcw, 2);
    memcpy(p + 2, &old_fsw, 2);
    uint32_t mx = static_cast<uint32_t>(s.slot[kSlotMxcsr]);
    memcpy(p + 24, &mx, 4);
    memcpy(p + 160, &s.slot[kSlotXmm], 256);
    if (x87_model().amd) {
      // AMD: FXSAVE stores FOP, FIP and FDP (and FCS/FDS) only while an exception is
      // pending, zeros otherwise. (The host saw the image with ES clear.)
      memset(p + 6, 0, 18);
      if (old_fsw & kES) {
        const uint16_t fop = s.x87.last_opcode & 0x7ff;
        memcpy(p + 6, &fop, 2);
        if (flags & FX64) {
          memcpy(p + 8, &s.x87.last_ip, 8);
          memcpy(p + 16, &s.x87.last_dp, 8);
        } else {
          const uint32_t ip = static_cast<uint32_t>(s.x87.last_ip), dp = static_cast<uint32_t>(s.x87.last_dp);
          memcpy(p + 8, &ip, 4);
          memcpy(p + 12, &s.x87.last_cs, 2);
          memcpy(p + 16, &dp, 4);
        }
      }
    } else if (flags & FX64) {
      memcpy(p + 8, &s.x87.last_ip, 8);
      memcpy(p + 16, &s.x87.last_dp, 8);
    }
  }
  from_image(s.x87, img, flags, addr, imm);
  if (flags & FXR) {
    uint32_t mx;
    memcpy(&mx, p + 24, 4);
    s.slot[kSlotMxcsr] = mx;
    memcpy(&s.slot[kSlotXmm], p + 160, 256);
    if (flags & FX64) {
      memcpy(&s.x87.last_ip, p + 8, 8);
      memcpy(&s.x87.last_dp, p + 16, 8);
    }
  }
}

uint64_t run(MachineState& s, uint64_t addr, uint64_t b, uint64_t imm, unsigned flags, AsmFn fn, FastFn fast) {
  if ((flags & W) && pending_trap(s, imm)) return 0;
  const uint16_t old_fcw = s.x87.fcw, old_fsw = guest_fsw(s.x87);
  uint64_t r;
  if ((flags & (FA | FC | FK)) && run_fast(s, addr, b, imm, flags, fast, r)) {
    finish(s.x87, flags, addr, imm);
  } else {
    Image img;
    to_image(s.x87, img);
    t_host_fpu_ready = false;
    r = fn(img, addr, b);
    t_host_fpu_ready = true;  // fnsave re-initialised the host FPU
    save_result(s, img, flags, addr, imm, old_fcw, old_fsw);
  }
  if (flags & E) {
    s.slot[kSlotCcOp] = cc_op(CcKind::Eager, Type::I64);
    s.slot[kSlotCcDst] = (r >> 8) & (rflags::CF | rflags::PF | rflags::ZF);
  }
  return r;
}

// The host-executed instruction: frstor, the row's text (Intel syntax), fnsave. rax is the
// row's result (lahf for fcomi); the host MXCSR survives fxrstor.
#define X87_ASM_BODY(insn)                                                                   \
  uint64_t rax = 0;                                                                          \
  uint32_t mx = 0;                                                                           \
  asm volatile("stmxcsr %[mx]\n\tfrstor %[img]\n\t.intel_syntax noprefix\n\t" insn            \
               "\n\t.att_syntax prefix\n\tfnsave %[img]\n\tldmxcsr %[mx]"                    \
               : [img] "+m"(img), [mx] "+m"(mx), "+a"(rax)                                  \
               : "D"(addr), "S"(b), [i] "i"(N)                                               \
               : "memory", "cc", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", \
                 "st(7)", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",     \
                 "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");      \
  return rax;

#define X87_FAST_BODY(insn)                                                                  \
  uint64_t rax = 0;                                                                          \
  asm volatile("fldcw %[cw]\n\tmov %[n], %%ecx\n\tlea %[in], %%r8\n\t"               \
               "test %%ecx, %%ecx\n\tjz 1f\n"                                                \
               "0:\n\tfldt (%%r8)\n\tadd $16, %%r8\n\tdec %%ecx\n\tjnz 0b\n"                    \
               "1:\n\t.intel_syntax noprefix\n\t" insn "\n\t.att_syntax prefix\n\t"              \
               "fnstsw %[sw]\n\tmovzwl %[sw], %%ecx\n\tshr $11, %%ecx\n\tneg %%ecx\n\t"         \
               "and $7, %%ecx\n\tlea %[out], %%r8\n\tjz 3f\n"                                \
               "2:\n\tfstpt (%%r8)\n\tadd $16, %%r8\n\tdec %%ecx\n\tjnz 2b\n"                  \
               "3:\n\tfldcw %[hcw]"                                                          \
               : [out] "=m"(io.out), [sw] "=m"(io.sw), "+a"(rax)                             \
               : [in] "m"(io.in), [cw] "m"(io.cw), [n] "m"(io.n_in), [hcw] "m"(kHostFcw),     \
                 "D"(addr), "S"(b), [i] "i"(N)                                               \
               : "memory", "cc", "rcx", "r8", "st", "st(1)", "st(2)", "st(3)", "st(4)",       \
                 "st(5)", "st(6)", "st(7)");                                                 \
  return rax;

// M for a row whose instruction has a memory operand (it sets FDP where every instruction does).
constexpr unsigned mem_flag(std::string_view insn) { return insn.find("[rdi]") != std::string_view::npos ? M : 0; }

#define X87_FN(name) uint64_t x87_##name([[maybe_unused]] MachineState& s, [[maybe_unused]] uint64_t addr, \
                                         [[maybe_unused]] uint64_t b, [[maybe_unused]] uint64_t imm)

#define X87ASM(name, fl, insn)                                             \
  uint64_t asm_##name(Image& img, uint64_t addr, uint64_t b) {             \
    constexpr unsigned N = 0;                                              \
    X87_ASM_BODY(insn)                                                     \
  }                                                                        \
  uint64_t fast_##name(FastIO& io, uint64_t addr, uint64_t b) {            \
    constexpr unsigned N = 0;                                              \
    X87_FAST_BODY(insn)                                                    \
  }                                                                        \
  X87_FN(name) { return run(s, addr, b, imm, (fl) | mem_flag(insn), asm_##name, ((fl) & (FA | FC | FK)) ? fast_##name : nullptr); }
#define X87ASMI(name, fl, insn)                                            \
  template <unsigned N>                                                    \
  uint64_t asm_##name(Image& img, uint64_t addr, uint64_t b) {             \
    X87_ASM_BODY(insn)                                                     \
  }                                                                        \
  template <unsigned N>                                                    \
  uint64_t fast_##name(FastIO& io, uint64_t addr, uint64_t b) {            \
    X87_FAST_BODY(insn)                                                    \
  }                                                                        \
  X87_FN(name) {                                                           \
    static constexpr AsmFn k[8] = {asm_##name<0>, asm_##name<1>, asm_##name<2>, asm_##name<3>, \
                                   asm_##name<4>, asm_##name<5>, asm_##name<6>, asm_##name<7>}; \
    static constexpr FastFn f[8] = {fast_##name<0>, fast_##name<1>, fast_##name<2>, fast_##name<3>, \
                                    fast_##name<4>, fast_##name<5>, fast_##name<6>, fast_##name<7>}; \
    return run(s, addr, b, imm, (fl) | mem_flag(insn), k[imm & 7], ((fl) & (FA | FC | FK)) ? f[imm & 7] : nullptr); \
  }
#define X87C(name, fl)
#include "ir/x87ops.def"
#undef X87ASM
#undef X87ASMI
#undef X87C

// ---- rows written in C++ --------------------------------------------------------------------

X87_FN(FLDCW) {
  uint16_t v;
  memcpy(&v, reinterpret_cast<const void*>(addr), 2);
  // As the hardware keeps it (fnstcw after fldcw 0 gives 0x0040, after 0xffff 0x1f7f): bit
  // 6 reads as one, bits 7 and 13-15 as zero.
  s.x87.fcw = static_cast<uint16_t>((v & 0x1f3f) | 0x0040);
  update_es(s.x87);  // unmasking a flag that is already set makes it pending
  return 0;
}
X87_FN(FNSTCW) {
  memcpy(reinterpret_cast<void*>(addr), &s.x87.fcw, 2);
  return 0;
}
X87_FN(FNSTSW) { return guest_fsw(s.x87); }
X87_FN(FWAIT) { return 0; }

// MMX (x87ops.def): the register file is shared with the x87 stack.
void mmx_enter(X87State& x) {
  x.top = 0;
  x.ftw = 0;  // all valid
}
uint64_t mmx_get(const X87State& x, uint64_t imm) {
  uint64_t v;
  memcpy(&v, &x.st[imm & 7], 8);
  return v;
}
X87_FN(MMX_READ) {
  mmx_enter(s.x87);
  return mmx_get(s.x87, imm);
}
X87_FN(MMX_WRITE) {
  mmx_enter(s.x87);
  long double& r = s.x87.st[imm & 7];
  memset(&r, 0, sizeof r);
  memcpy(&r, &b, 8);
  const uint16_t ones = 0xffff;
  memcpy(reinterpret_cast<uint8_t*>(&r) + 8, &ones, 2);
  return 0;
}
X87_FN(MMX_ENTER) {
  mmx_enter(s.x87);
  return 0;
}
X87_FN(MMX_CHECK) { return 0; }
X87_FN(MMX_READ_TOP) {
  if (!x87_model().amd) s.x87.top = 0;  // (AMD: after the store, MMX_VALID)
  return mmx_get(s.x87, imm);
}
X87_FN(MMX_VALID) {
  mmx_enter(s.x87);
  return 0;
}
X87_FN(EMMS) {
  s.x87.top = 0;
  s.x87.ftw = 0xffff;
  return 0;
}

// xsave family, XCR0 = x87 | SSE: both components live in the 512-byte legacy region, so
// the standard and compacted formats coincide; the header is at +512. XINUSE is reported
// as all ones (permitted: a component in its initial state may be reported in use).
bool xsave_gp(MachineState& s, uint64_t addr) {
  if ((addr & 63) == 0) return false;
  s.trap_signal = SIGSEGV;
  s.trap_code = 0x80;  // SI_KERNEL, as Linux reports #GP
  s.trap_addr = 0;
  return true;
}

uint64_t xsave_common(MachineState& s, uint64_t addr, uint64_t rfbm, uint64_t imm, bool is64, bool compact) {
  if (xsave_gp(s, addr)) return 0;
  rfbm &= kXcr0;
  alignas(16) uint8_t buf[512];
  (is64 ? x87_FXSAVE64 : x87_FXSAVE)(s, reinterpret_cast<uint64_t>(buf), 0, imm);
  auto* p = reinterpret_cast<uint8_t*>(addr);
  if (rfbm & 1) {
    memcpy(p, buf, 24);
    memcpy(p + 32, buf + 32, 128);
  }
  if (rfbm & 2) {
    memcpy(p + 24, buf + 24, 8);
    memcpy(p + 160, buf + 160, 256);
  }
  uint64_t bv;
  memcpy(&bv, p + 512, 8);
  if (compact) {
    bv = rfbm;
    uint64_t comp = (1ull << 63) | rfbm;
    memcpy(p + 520, &comp, 8);
  } else {
    bv = (bv & ~rfbm) | rfbm;
  }
  memcpy(p + 512, &bv, 8);
  return 0;
}

uint64_t xrstor_common(MachineState& s, uint64_t addr, uint64_t rfbm, uint64_t imm, bool is64) {
  if (xsave_gp(s, addr)) return 0;
  rfbm &= kXcr0;
  const auto* p = reinterpret_cast<const uint8_t*>(addr);
  uint64_t hdr[8];
  memcpy(hdr, p + 512, 64);
  const uint64_t bv = hdr[0], comp = hdr[1];
  const bool compact = comp >> 63;
  bool bad = compact ? ((comp & ~(1ull << 63) & ~kXcr0) != 0 || (bv & ~comp) != 0) : (comp != 0 || (bv & ~kXcr0) != 0);
  for (int i = 2; i < 8; ++i) bad |= hdr[i] != 0;
  uint32_t mx = static_cast<uint32_t>(s.slot[kSlotMxcsr]);
  if ((rfbm & 2) && (!compact || (bv & 2))) memcpy(&mx, p + 24, 4);
  else if (rfbm & 2) mx = 0x1f80;
  if (mx & ~0xffffu) bad = true;
  if (bad) {
    xsave_gp(s, 1);
    return 0;
  }
  if (rfbm & 1) {
    if (bv & 1) {
      alignas(16) uint8_t buf[512];
      memcpy(buf, p, 160);
      uint32_t cur = static_cast<uint32_t>(s.slot[kSlotMxcsr]);
      memcpy(buf + 24, &cur, 4);
      memcpy(buf + 160, &s.slot[kSlotXmm], 256);
      (is64 ? x87_FXRSTOR64 : x87_FXRSTOR)(s, reinterpret_cast<uint64_t>(buf), 0, imm);
    } else {
      s.x87 = X87State{};
    }
  }
  if (rfbm & 2) {
    if (bv & 2) {
      memcpy(&s.slot[kSlotXmm], p + 160, 256);
    } else {
      memset(&s.slot[kSlotXmm], 0, 256);
    }
    s.slot[kSlotMxcsr] = mx;
  }
  return 0;
}

X87_FN(XSAVE) { return xsave_common(s, addr, b, imm, false, false); }
X87_FN(XSAVE64) { return xsave_common(s, addr, b, imm, true, false); }
X87_FN(XSAVEOPT) { return xsave_common(s, addr, b, imm, false, false); }
X87_FN(XSAVEOPT64) { return xsave_common(s, addr, b, imm, true, false); }
X87_FN(XSAVEC) { return xsave_common(s, addr, b, imm, false, true); }
X87_FN(XSAVEC64) { return xsave_common(s, addr, b, imm, true, true); }
X87_FN(XRSTOR) { return xrstor_common(s, addr, b, imm, false); }
X87_FN(XRSTOR64) { return xrstor_common(s, addr, b, imm, true); }

// C rows get the pending-exception check here (host-executed rows get it in run()).
template <X87Fn F, unsigned Flags>
uint64_t c_row(MachineState& s, uint64_t addr, uint64_t b, uint64_t imm) {
  if ((Flags & W) && pending_trap(s, imm)) return 0;
  return F(s, addr, b, imm);
}

}  // namespace

const X87OpInfo kX87Ops[static_cast<unsigned>(X87Op::Count)] = {
#define X87ASM(name, fl, insn) {#name, x87_##name, fl},
#define X87ASMI(name, fl, insn) {#name, x87_##name, fl},
#define X87C(name, fl) {#name, c_row<x87_##name, fl>, fl},
#include "ir/x87ops.def"
#undef X87ASM
#undef X87ASMI
#undef X87C
};

}  // namespace retrace::ir
