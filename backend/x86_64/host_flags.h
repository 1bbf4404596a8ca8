// Which host instructions leave the status flags alone, decided from their bytes.
//
// The translator keeps guest flags in the host flags across the host code it emits after
// a flag producer, and must notice any host instruction that writes them. Most of what it
// emits in between is data movement (mov, lea, movzx, push/pop, SSE moves, cmovcc, setcc,
// jcc), which flag_neutral_length() recognises by opcode without a full decoder; anything
// it does not know (0) goes to Zydis, which reads the flag effects from its tables.
// tests/unit/host_flags_test.cpp checks every form it accepts against Zydis.
#pragma once

#include <cstddef>
#include <cstdint>

namespace retrace::backend {

// The length of the instruction at p[0..n) if it is one of the forms above (it writes no
// status flag and is no call); 0 if not, or cut short.
inline size_t flag_neutral_length(const uint8_t* p, size_t n) {
  size_t i = 0;
  bool opsize = false, rexw = false;
  uint8_t rep = 0;  // the F2/F3 prefix, if any
  // Legacy prefixes: at most one 0x66 and one F2/F3 (the SSE moves' mandatory prefixes).
  for (int k = 0; k < 2 && i < n; ++k) {
    if (p[i] == 0x66 && !opsize) { opsize = true; ++i; continue; }
    if ((p[i] == 0xF2 || p[i] == 0xF3) && !rep) { rep = p[i++]; continue; }
    break;
  }
  if (i < n && (p[i] & 0xF0) == 0x40) { rexw = (p[i] & 8) != 0; ++i; }
  if (i >= n) return 0;
  // The ModRM byte at p[at] and what follows it (SIB, displacement): its total length.
  auto modrm_len = [&](size_t at) -> size_t {
    if (at >= n) return 0;
    const uint8_t m = p[at];
    const unsigned mod = m >> 6, rm = m & 7;
    size_t len = 1;
    if (mod == 3) return len;
    if (rm == 4) {
      if (at + 1 >= n) return 0;
      ++len;
      if (mod == 0 && (p[at + 1] & 7) == 5) len += 4;
    } else if (mod == 0 && rm == 5) {
      len += 4;  // rip-relative
    }
    if (mod == 1) len += 1;
    if (mod == 2) len += 4;
    return len;
  };
  auto done = [&](size_t len) -> size_t { return len && len <= n && len <= 15 ? len : 0; };
  const uint8_t op = p[i];
  if (op == 0x0F) {
    if (i + 1 >= n) return 0;
    const uint8_t op2 = p[i + 1];
    const size_t at = i + 2;
    if ((op2 & 0xF0) == 0x80) return rep || opsize ? 0 : done(at + 4);  // jcc rel32
    // movups/movupd/movss/movsd 10 11, movaps/movapd 28 29, movd/movq 6E 7E, movdqa/movdqu 6F 7F,
    // movq D6, cmovcc 4x, setcc 9x, movzx/movsx B6 B7 BE BF.
    // (Each with the mandatory prefixes that make it a move: none, 66, F3 or F2 as listed.)
    if (opsize && rep) return 0;
    const bool sse = ((op2 == 0x10 || op2 == 0x11)) ||
                     ((op2 == 0x28 || op2 == 0x29 || op2 == 0x6E) && !rep) ||
                     ((op2 == 0x6F || op2 == 0x7F || op2 == 0x7E) && rep != 0xF2) ||
                     (op2 == 0xD6 && opsize);
    const bool gpr = (op2 & 0xF0) == 0x40 || (op2 & 0xF0) == 0x90 || op2 == 0xB6 || op2 == 0xB7 || op2 == 0xBE ||
                     op2 == 0xBF;
    if (gpr && rep) return 0;
    if (!sse && !gpr) return 0;
    if ((op2 & 0xF0) == 0x90 && (at >= n || ((p[at] >> 3) & 7) != 0)) return 0;  // setcc is /0
    const size_t m = modrm_len(at);
    return m ? done(at + m) : 0;
  }
  if (rep) return 0;  // rep/repne before a one-byte opcode: not a form emitted here
  if (op >= 0x70 && op <= 0x7F) return done(i + 2);              // jcc rel8
  if (op >= 0x50 && op <= 0x5F) return opsize ? 0 : done(i + 1);  // push/pop r64
  if (op >= 0xB0 && op <= 0xB7) return done(i + 2);              // mov r8, imm8
  if (op >= 0xB8 && op <= 0xBF) return done(i + 1 + (rexw ? 8 : opsize ? 2 : 4));  // mov r, imm
  if (op == 0x88 || op == 0x89 || op == 0x8A || op == 0x8B || op == 0x8D || op == 0x63) {
    if (op == 0x8D && (i + 1 >= n || (p[i + 1] >> 6) == 3)) return 0;  // lea takes memory only
    const size_t m = modrm_len(i + 1);
    return m ? done(i + 1 + m) : 0;
  }
  if (op == 0xC6 || op == 0xC7) {  // mov r/m, imm (the /0 form only)
    if (i + 1 >= n || ((p[i + 1] >> 3) & 7) != 0) return 0;
    const size_t m = modrm_len(i + 1);
    if (!m) return 0;
    const size_t imm = op == 0xC6 ? 1 : opsize && !rexw ? 2 : 4;  // (REX.W outranks 66)
    return done(i + 1 + m + imm);
  }
  return 0;
}

}  // namespace retrace::backend
