// A fast path in front of Zydis for the common 64-bit integer instructions.
//
// Decoding dominates start-up (Zydis spends about 1,300 host instructions on each guest
// instruction), and a handful of one- and two-byte opcodes make up most of real code:
// mov, lea, the ALU group, push/pop, jcc/jmp/call/ret, shifts, movzx/movsx, cmovcc, setcc.
// fast_decode64() decodes those forms by table and fills the fields of
// ZydisDecodedInstruction / ZydisDecodedOperand that the frontend reads, with the values
// Zydis gives them. Anything else (SSE, x87, string ops, lock/rep/addr-size prefixes,
// a redundant prefix, an invalid form) returns false, and the caller asks Zydis.
//
// Fields filled: machine_mode, mnemonic, length, encoding, opcode_map, opcode,
// stack_width, operand_width, address_width, operand_count (= operand_count_visible),
// the attribute bits in kFastAttributes, meta.branch_type, raw.modrm, raw.rex; per
// visible operand: id, visibility, type, size, reg / mem / imm. Everything else is zero.
// Unit tests compare these fields, and the IR built from them, with Zydis over every
// instruction of real binaries and over random bytes (tests/unit/fast_decode_test.cpp).
#pragma once

#include <Zydis/Zydis.h>

#include <cstddef>
#include <cstdint>

namespace retrace::x86 {

// The attribute bits a fast-decoded instruction carries; the others read as 0.
constexpr ZydisInstructionAttributes kFastAttributes =
    ZYDIS_ATTRIB_HAS_MODRM | ZYDIS_ATTRIB_HAS_SIB | ZYDIS_ATTRIB_HAS_REX | ZYDIS_ATTRIB_IS_RELATIVE |
    ZYDIS_ATTRIB_HAS_LOCK | ZYDIS_ATTRIB_HAS_REP | ZYDIS_ATTRIB_HAS_REPE | ZYDIS_ATTRIB_HAS_REPNE |
    ZYDIS_ATTRIB_HAS_OPERANDSIZE | ZYDIS_ATTRIB_HAS_ADDRESSSIZE | ZYDIS_ATTRIB_HAS_SEGMENT_FS |
    ZYDIS_ATTRIB_HAS_SEGMENT_GS;

// Decodes one instruction from p[0..n) in 64-bit mode. True: insn and ops[0 ..
// insn.operand_count_visible) are filled as above. False: not a form this decoder knows
// (or cut short); insn and ops are unspecified.
bool fast_decode64(const uint8_t* p, size_t n, ZydisDecodedInstruction& insn, ZydisDecodedOperand* ops);

}  // namespace retrace::x86
