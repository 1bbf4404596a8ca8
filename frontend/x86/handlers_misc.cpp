// Handlers: flag instructions, cpuid, rdtsc, port I/O.
#include <csignal>

#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

// flags = (flags & ~clear) ^ toggle | set, through the materialised RFLAGS image.
void edit_flags(Ctx& c, uint64_t clear, uint64_t set, uint64_t toggle) {
  Slot f = c.emit(Op::GetFlags, Type::I64);
  if (clear) f = c.emit(Op::And, Type::I64, f, c.konst(Type::I64, ~clear));
  if (set) f = c.emit(Op::Or, Type::I64, f, c.konst(Type::I64, set));
  if (toggle) f = c.emit(Op::Xor, Type::I64, f, c.konst(Type::I64, toggle));
  c.emit(Op::SetFlags, Type::Void, f);
}

}  // namespace

bool h_lahf(Ctx& c) {
  Slot f = c.emit(Op::GetFlags, Type::I64);
  c.write_reg(ZYDIS_REGISTER_AH, f);  // SF ZF 0 AF 0 PF 1 CF
  return true;
}

bool h_sahf(Ctx& c) {
  constexpr uint64_t kMask = ir::rflags::SF | ir::rflags::ZF | ir::rflags::AF | ir::rflags::PF | ir::rflags::CF;
  Slot f = c.emit(Op::GetFlags, Type::I64);
  f = c.emit(Op::And, Type::I64, f, c.konst(Type::I64, ~kMask));
  Slot ah = c.read_reg(ZYDIS_REGISTER_AH);
  Slot bits = c.emit(Op::And, Type::I64, ah, c.konst(Type::I64, kMask));
  c.emit(Op::SetFlags, Type::Void, c.emit(Op::Or, Type::I64, f, bits));
  return true;
}

bool h_clc(Ctx& c) { edit_flags(c, ir::rflags::CF, 0, 0); return true; }
bool h_stc(Ctx& c) { edit_flags(c, 0, ir::rflags::CF, 0); return true; }
bool h_cmc(Ctx& c) { edit_flags(c, 0, 0, ir::rflags::CF); return true; }

bool h_cld(Ctx& c) {
  c.emit_to(ir::kSlotCtlFlags, Op::And, Type::I64, ir::kSlotCtlFlags, c.konst(Type::I64, ~ir::rflags::DF));
  return true;
}
bool h_std(Ctx& c) {
  c.emit_to(ir::kSlotCtlFlags, Op::Or, Type::I64, ir::kSlotCtlFlags, c.konst(Type::I64, ir::rflags::DF));
  return true;
}

bool h_cpuid(Ctx& c) { c.emit(Op::Cpuid, Type::Void); return true; }
bool h_rdtsc(Ctx& c) { c.emit(Op::Rdtsc, Type::Void); return true; }

bool h_in(Ctx& c) {
  if (c.mode == Mode::M64) {
    c.trap(SIGSEGV, 0);  // no I/O permission in user mode: #GP
    return true;
  }
  Type t = c.type(0);
  Slot port = c.emit(Op::Zext, Type::I16, c.read(1), ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(c.type(1)));
  c.write(0, c.emit(Op::PortIn, t, port));
  return true;
}

bool h_out(Ctx& c) {
  if (c.mode == Mode::M64) {
    c.trap(SIGSEGV, 0);
    return true;
  }
  Slot port = c.emit(Op::Zext, Type::I16, c.read(0), ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(c.type(0)));
  c.emit(Op::PortOut, c.type(1), port, c.read(1));
  return true;
}

}  // namespace retrace::x86
