// x87 operations run against MachineState::x87 with host long double arithmetic (the
// host FPU computes in the same 80-bit format). The op list is x87ops.def.
#pragma once

#include <cstdint>

#include "ir/state.h"

namespace retrace::ir {

enum class X87Op : uint16_t {
#define X87OP(name) name,
#include "ir/x87ops.def"
#undef X87OP
  Count
};

using X87Fn = uint64_t (*)(MachineState&, uint64_t addr, uint64_t b, uint64_t imm);
struct X87OpInfo {
  const char* name;
  X87Fn fn;
};
extern const X87OpInfo kX87Ops[static_cast<unsigned>(X87Op::Count)];
inline uint16_t x87_id(X87Op op) { return static_cast<uint16_t>(op); }

}  // namespace retrace::ir
