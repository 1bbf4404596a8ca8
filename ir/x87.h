// x87 operations run against MachineState::x87. Most rows execute the guest's own
// instruction on the host FPU between frstor and fnsave (see x87ops.def, x87.cpp); the
// op list with each row's flags is x87ops.def.
#pragma once

#include <cstdint>

#include "ir/state.h"

namespace retrace::ir {

// Row flags (what x87.cpp does around a row); documented in x87ops.def.
namespace x87f {
inline constexpr unsigned W = 1, C = 2, E = 4, L = 8, LIP = 16, ENV = 32, FXS = 64, FX64 = 128, FXR = 256,
                          FA = 512, FC = 1024, R1 = 2048, R2 = 4096, RI = 8192, PU = 16384,
                          FK = 32768, M = 65536;  // M: has a memory operand (set by the table)
}

enum class X87Op : uint16_t {
#define X87ASM(name, flags, insn) name,
#define X87ASMI(name, flags, insn) name,
#define X87C(name, flags) name,
#include "ir/x87ops.def"
#undef X87ASM
#undef X87ASMI
#undef X87C
  Count
};

// The X87 IR op's imm: st(i) index, the 11-bit FOP and the guest pc (for FIP, and the pc a
// pending-exception SIGFPE reports).
inline constexpr uint64_t x87_imm(unsigned sti, unsigned fop, uint64_t pc) {
  return (sti & 7u) | (static_cast<uint64_t>(fop & 0x7ffu) << 3) | (pc << 16);
}

using X87Fn = uint64_t (*)(MachineState&, uint64_t addr, uint64_t b, uint64_t imm);
struct X87OpInfo {
  const char* name;
  X87Fn fn;
  unsigned flags;
};
extern const X87OpInfo kX87Ops[static_cast<unsigned>(X87Op::Count)];
inline uint16_t x87_id(X87Op op) { return static_cast<uint16_t>(op); }

}  // namespace retrace::ir
