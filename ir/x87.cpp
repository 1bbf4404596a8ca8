// x87 implementations (see x87.h, x87ops.def).
#include "ir/x87.h"

#include <cstring>

namespace retrace::ir {
namespace {

#define X87_FN(name) uint64_t x87_##name([[maybe_unused]] MachineState& s, [[maybe_unused]] uint64_t addr, \
                                         [[maybe_unused]] uint64_t b, [[maybe_unused]] uint64_t imm)

X87_FN(FNINIT) {
  s.x87 = X87State{};
  return 0;
}
X87_FN(FLDCW) {
  uint16_t v;
  memcpy(&v, reinterpret_cast<const void*>(addr), 2);
  s.x87.fcw = v;
  return 0;
}
X87_FN(FNSTCW) {
  memcpy(reinterpret_cast<void*>(addr), &s.x87.fcw, 2);
  return 0;
}
X87_FN(FNSTSW) { return (s.x87.fsw & ~0x3800u) | ((s.x87.top & 7u) << 11); }

}  // namespace

const X87OpInfo kX87Ops[static_cast<unsigned>(X87Op::Count)] = {
#define X87OP(name) {#name, x87_##name},
#include "ir/x87ops.def"
#undef X87OP
};

}  // namespace retrace::ir
