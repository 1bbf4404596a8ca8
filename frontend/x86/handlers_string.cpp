// Handlers: movs, stos, lods, scas, cmps (with rep/repe/repne). Each becomes one String
// op that runs the whole instruction, rep loop included (see ir/interp.cpp do_string).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_string(Ctx& c) {
  // movsd/cmpsd are also SSE2 mnemonics (F2 0F 10 / F2 0F C2); only the string forms
  // (opcodes A4..AF in the one-byte map) are handled here.
  if (c.insn.opcode_map != ZYDIS_OPCODE_MAP_DEFAULT || c.insn.opcode < 0xa4 || c.insn.opcode > 0xaf) {
    c.why = "SSE form";
    return false;
  }
  if (c.insn.address_width != 64) {
    c.why = "32-bit address size";
    return false;
  }
  ir::StringOp k;
  switch (c.insn.opcode) {
    case 0xa4: case 0xa5: k = ir::StringOp::Movs; break;
    case 0xa6: case 0xa7: k = ir::StringOp::Cmps; break;
    case 0xaa: case 0xab: k = ir::StringOp::Stos; break;
    case 0xac: case 0xad: k = ir::StringOp::Lods; break;
    case 0xae: case 0xaf: k = ir::StringOp::Scas; break;
    default: return false;
  }
  Type t = (c.insn.opcode & 1) ? ir::int_type(c.insn.operand_width) : Type::I8;
  unsigned rep = 0;
  bool compares = k == ir::StringOp::Cmps || k == ir::StringOp::Scas;
  if (c.repne()) rep = compares ? 2 : 1;
  else if (c.rep()) rep = 1;
  c.emit(Op::String, t, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(static_cast<unsigned>(k) | rep << 4));
  return true;
}

}  // namespace retrace::x86
