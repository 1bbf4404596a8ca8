// The handler context: what an instruction handler uses to read operands, write results
// and end the block. Handlers live in handlers_*.cpp and are listed in handlers.def.
#pragma once

#include <Zydis/Zydis.h>

#include "frontend/x86/frontend.h"
#include "ir/ir.h"

namespace retrace::x86 {

using ir::Slot;
using ir::Type;
using ir::Op;

// Width of a general register by its Zydis enum (0: not one), from the enum's layout:
// AL..R15B (AH..BH after BL), AX..R15W, EAX..R15D, RAX..R15, each range contiguous.
// (A call into Zydis per register operand otherwise.)
static_assert(ZYDIS_REGISTER_R15B - ZYDIS_REGISTER_AL == 19 && ZYDIS_REGISTER_AX == ZYDIS_REGISTER_R15B + 1 &&
              ZYDIS_REGISTER_R15W - ZYDIS_REGISTER_AX == 15 && ZYDIS_REGISTER_EAX == ZYDIS_REGISTER_R15W + 1 &&
              ZYDIS_REGISTER_R15D - ZYDIS_REGISTER_EAX == 15 && ZYDIS_REGISTER_RAX == ZYDIS_REGISTER_R15D + 1 &&
              ZYDIS_REGISTER_R15 - ZYDIS_REGISTER_RAX == 15 && ZYDIS_REGISTER_AH - ZYDIS_REGISTER_AL == 4 &&
              ZYDIS_REGISTER_SPL - ZYDIS_REGISTER_AL == 8);
inline unsigned gpr_bits(ZydisRegister r) {
  if (r < ZYDIS_REGISTER_AL || r > ZYDIS_REGISTER_R15) return 0;
  return r <= ZYDIS_REGISTER_R15B ? 8 : r <= ZYDIS_REGISTER_R15W ? 16 : r <= ZYDIS_REGISTER_R15D ? 32 : 64;
}

struct Ctx {
  Ctx(ir::Builder& bld, const ZydisDecodedInstruction& in, const ZydisDecodedOperand* o, uint64_t at,
      uint64_t next, Mode m)
      : b(bld), insn(in), ops(o), pc(at), next_pc(next), mode(m) {}
  ir::Builder& b;
  const ZydisDecodedInstruction& insn;
  const ZydisDecodedOperand* ops;  // insn.operand_count entries; visible ones first
  uint64_t pc;                     // this instruction
  uint64_t next_pc;                // the one after it
  Mode mode;
  bool ended = false;              // a handler emitted the block's exit
  bool side_exits_ok = false;      // a conditional branch may be a side exit (superblocks)
  const std::function<bool(uint64_t)>* fallthru_hot = nullptr;  // DecodeOptions::fallthru_hot
  const char* why = nullptr;       // set by a handler that refuses a form (a literal)

  // --- prefixes and sizes
  bool lock() const { return insn.attributes & ZYDIS_ATTRIB_HAS_LOCK; }
  bool rep() const { return insn.attributes & (ZYDIS_ATTRIB_HAS_REP | ZYDIS_ATTRIB_HAS_REPE); }
  bool repne() const { return insn.attributes & ZYDIS_ATTRIB_HAS_REPNE; }
  unsigned nops() const { return insn.operand_count_visible; }
  Type type(int i) const { return ir::int_type(ops[i].size); }  // operand width as an IR type
  Type osize() const { return ir::int_type(insn.operand_width); }
  Type stack_type() const { return mode == Mode::M64 ? Type::I64 : mode == Mode::M32 ? Type::I32 : Type::I16; }
  bool is_reg(int i) const { return ops[i].type == ZYDIS_OPERAND_TYPE_REGISTER; }
  bool is_mem(int i) const { return ops[i].type == ZYDIS_OPERAND_TYPE_MEMORY; }
  bool is_imm(int i) const { return ops[i].type == ZYDIS_OPERAND_TYPE_IMMEDIATE; }

  // --- operands
  // Value of operand i at its own width (memory operands are loaded, immediates are
  // sign-extended to the operand width as x86 does).
  Slot read(int i);
  // Value of operand i read at width t (immediates sign-extended to t).
  Slot read_as(int i, Type t);
  // Writes v (of operand i's width) to operand i: 64/32-bit register writes are direct
  // (32-bit zero-extends), 16/8-bit ones merge; memory operands store to the same address
  // that read() used.
  void write(int i, Slot v);
  // Effective address of memory operand i, segment base and RIP-relative included.
  Slot addr(int i);

  // --- registers (Zydis register enums, any width)
  static Slot gpr_slot(ZydisRegister r);  // slot of the enclosing 64-bit register
  Slot read_reg(ZydisRegister r);
  void write_reg(ZydisRegister r, Slot v);
  Slot reg(unsigned gpr) const { return static_cast<Slot>(gpr); }  // 0=rax .. 15=r15

  // --- emit helpers
  Slot konst(Type t, uint64_t v) { return b.konst(t, v); }
  Slot emit(Op op, Type t, Slot a = ir::kNoSlot, Slot bb = ir::kNoSlot, Slot c = ir::kNoSlot,
            uint64_t imm = 0, uint8_t aux = 0, uint64_t imm2 = 0) {
    return b.emit(op, t, a, bb, c, imm, aux, imm2);
  }
  void emit_to(Slot dst, Op op, Type t, Slot a = ir::kNoSlot, Slot bb = ir::kNoSlot,
               Slot c = ir::kNoSlot, uint64_t imm = 0, uint8_t aux = 0, uint64_t imm2 = 0) {
    b.emit_to(dst, op, t, a, bb, c, imm, aux, imm2);
  }
  Slot cond(unsigned cc) { return emit(Op::Cond, Type::I1, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(cc)); }
  void push(Slot v, Type t);   // store at [rsp - size], then rsp -= size
  Slot pop(Type t);            // load [rsp], then rsp += size

  // --- exits
  void exit_jmp(uint64_t target) { emit(Op::ExitJmp, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, target); ended = true; }
  void exit_br(Slot c, uint64_t taken, uint64_t fallthru) { emit(Op::ExitBr, Type::Void, c, ir::kNoSlot, ir::kNoSlot, taken, 0, fallthru); ended = true; }
  // A conditional branch: a side exit when the block may go on (superblocks), else the
  // block's exit.
  void branch(Slot c, uint64_t taken, uint64_t fallthru) {
    if (side_exits_ok && taken != fallthru && (!fallthru_hot || (*fallthru_hot)(fallthru)))
      emit(Op::ExitIf, Type::Void, c, ir::kNoSlot, ir::kNoSlot, taken);
    else exit_br(c, taken, fallthru);
  }
  // An indirect call also names its return address (imm2), for the return-address stack.
  void exit_ind(Slot target, ir::ExitHint h) {
    emit(Op::ExitInd, Type::Void, target, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(h),
         h == ir::ExitHint::Call ? next_pc : 0);
    ended = true;
  }
  void trap(int signal, uint64_t fault_addr = 0) { emit(Op::ExitTrap, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, pc, static_cast<uint8_t>(signal), fault_addr); ended = true; }

 private:
  Slot addr_cache_[4] = {ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot};
};

using Handler = bool (*)(Ctx&);  // false: this form is not implemented (guest SIGILL)

#define X86_HANDLER(mnemonic, fn) bool fn(Ctx&);
#include "frontend/x86/handlers.def"
#undef X86_HANDLER
// An MMX register among the visible operands: the instruction goes to h_mmx whatever its
// mnemonic's handler (SSE mnemonics have MMX forms).
bool uses_mmx(const ZydisDecodedInstruction& insn, const ZydisDecodedOperand* ops);

}  // namespace retrace::x86
