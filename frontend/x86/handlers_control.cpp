// Handlers: control transfer and traps. Every handler here ends the block.
//
// Direct calls end in ExitCall (target + return address) and returns in ExitInd with the
// Ret hint, so later tiers can keep a return-address stack.
#include <csignal>

#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

uint64_t target_of(Ctx& c, int i) {
  ZyanU64 t = 0;
  ZydisCalcAbsoluteAddress(&c.insn, &c.ops[i], c.pc, &t);
  if (c.mode != Mode::M64) t &= c.insn.operand_width == 16 ? 0xffff : 0xffffffff;
  return t;
}

}  // namespace

bool h_jmp(Ctx& c) {
  if (c.is_imm(0)) {
    c.exit_jmp(target_of(c, 0));
    return true;
  }
  if (c.ops[0].type == ZYDIS_OPERAND_TYPE_POINTER || (c.is_mem(0) && c.insn.operand_width > 64) ||
      (c.insn.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)) {
    c.why = "far jump";
    return false;
  }
  c.exit_ind(c.read_as(0, c.stack_type()), ir::ExitHint::Jmp);
  return true;
}

bool h_jcc(Ctx& c) {
  unsigned cc = c.insn.opcode & 0xf;
  c.branch(c.cond(cc), target_of(c, 0), c.next_pc);
  return true;
}

bool h_jrcxz(Ctx& c) {
  Type t = ir::int_type(c.insn.address_width);
  Slot z = c.emit(Op::CmpEq, t, c.reg(1), ir::kSlotZero);
  c.exit_br(z, target_of(c, 0), c.next_pc);
  return true;
}

bool h_loop(Ctx& c) {  // loop, loope, loopne: count in rcx/ecx, flags untouched
  Type t = ir::int_type(c.insn.address_width);
  Slot rcx = c.reg(1);
  Slot n = c.emit(Op::Sub, t, rcx, c.konst(t, 1));
  if (t == Type::I64 || t == Type::I32) c.emit_to(rcx, Op::Mov, t, n);
  else c.emit_to(rcx, Op::Merge16, Type::I64, rcx, n);
  Slot go = c.emit(Op::CmpNe, t, rcx, ir::kSlotZero);
  if (c.insn.mnemonic == ZYDIS_MNEMONIC_LOOPE || c.insn.mnemonic == ZYDIS_MNEMONIC_LOOPNE) {
    Slot z = c.cond(c.insn.mnemonic == ZYDIS_MNEMONIC_LOOPE ? static_cast<unsigned>(ir::Cc::E) : static_cast<unsigned>(ir::Cc::NE));
    go = c.emit(Op::And, Type::I1, go, z);
  }
  c.exit_br(go, target_of(c, 0), c.next_pc);
  return true;
}

bool h_call(Ctx& c) {
  Type st = c.stack_type();
  if (c.insn.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR) {
    c.why = "far call";
    return false;
  }
  if (c.is_imm(0)) {
    uint64_t target = target_of(c, 0);
    c.push(c.konst(st, c.next_pc), st);
    c.emit(Op::ExitCall, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, target, 0, c.next_pc);
    c.ended = true;
    return true;
  }
  // The target is read before the push: `call [rsp+8]` uses the old rsp, and `call rsp`
  // the old value (a guest register is copied; a load is already a temp of its own).
  Slot target = c.read_as(0, st);
  if (!ir::is_temp(target)) target = c.emit(Op::Mov, st, target);
  c.push(c.konst(st, c.next_pc), st);
  c.exit_ind(target, ir::ExitHint::Call);
  return true;
}

bool h_ret(Ctx& c) {
  if (c.insn.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR) {
    c.why = "far return";
    return false;
  }
  Type st = c.stack_type();
  Slot target = c.pop(st);
  if (c.nops() >= 1 && c.is_imm(0) && c.ops[0].imm.value.u) {
    Slot rsp = c.reg(4);
    c.emit_to(rsp, Op::Add, Type::I64, rsp, c.konst(Type::I64, c.ops[0].imm.value.u & 0xffff));
  }
  c.exit_ind(target, ir::ExitHint::Ret);
  return true;
}

bool h_syscall(Ctx& c) {
  if (c.mode != Mode::M64) return false;
  // As the hardware does: rcx = return rip, r11 = rflags. The runtime handles the call.
  c.emit_to(c.reg(1), Op::Const, Type::I64, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, c.next_pc);
  c.emit_to(c.reg(11), Op::GetFlags, Type::I64);
  c.emit(Op::ExitSyscall, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, c.next_pc);
  c.ended = true;
  return true;
}

bool h_ud2(Ctx& c) {
  c.trap(SIGILL, c.pc);
  return true;
}

bool h_int3(Ctx& c) {
  // A trap, not a fault: the reported rip is the instruction after int3.
  c.emit(Op::ExitTrap, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, c.next_pc, SIGTRAP, 0);
  c.ended = true;
  return true;
}

bool h_int(Ctx& c) {
  uint64_t n = c.ops[0].imm.value.u & 0xff;
  if (c.mode == Mode::M64) {
    if (n == 3) return h_int3(c);
    if (n == 0x80) {
      c.why = "32-bit system calls (int 0x80) are not supported";
      return false;
    }
    c.trap(SIGSEGV, 0);  // #GP from a user-mode int n, as Linux reports it
    return true;
  }
  c.why = "software interrupts in 16/32-bit mode need the PC runtime";
  return false;
}

bool h_hlt(Ctx& c) {
  if (c.mode == Mode::M64) {
    c.trap(SIGSEGV, 0);  // privileged in user mode
    return true;
  }
  c.emit(Op::ExitHlt, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, c.next_pc);
  c.ended = true;
  return true;
}

}  // namespace retrace::x86
