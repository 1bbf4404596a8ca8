// Table decoder for the common 64-bit integer forms (see fast_decode.h). Every value
// written here is the value Zydis gives the same field; where Zydis and a shortcut could
// disagree (a prefix the CPU ignores, an alias encoding), the form is left to Zydis.
#include "frontend/x86/fast_decode.h"

#include <cstring>

namespace retrace::x86 {

namespace {

constexpr ZydisMnemonic kAlu[8] = {ZYDIS_MNEMONIC_ADD, ZYDIS_MNEMONIC_OR,  ZYDIS_MNEMONIC_ADC, ZYDIS_MNEMONIC_SBB,
                                   ZYDIS_MNEMONIC_AND, ZYDIS_MNEMONIC_SUB, ZYDIS_MNEMONIC_XOR, ZYDIS_MNEMONIC_CMP};
constexpr ZydisMnemonic kShift[8] = {ZYDIS_MNEMONIC_ROL, ZYDIS_MNEMONIC_ROR, ZYDIS_MNEMONIC_RCL,     ZYDIS_MNEMONIC_RCR,
                                     ZYDIS_MNEMONIC_SHL, ZYDIS_MNEMONIC_SHR, ZYDIS_MNEMONIC_INVALID, ZYDIS_MNEMONIC_SAR};
constexpr ZydisMnemonic kGroup3[8] = {ZYDIS_MNEMONIC_TEST, ZYDIS_MNEMONIC_INVALID, ZYDIS_MNEMONIC_NOT,  ZYDIS_MNEMONIC_NEG,
                                      ZYDIS_MNEMONIC_MUL,  ZYDIS_MNEMONIC_IMUL,    ZYDIS_MNEMONIC_DIV,  ZYDIS_MNEMONIC_IDIV};
constexpr ZydisMnemonic kJcc[16] = {ZYDIS_MNEMONIC_JO,  ZYDIS_MNEMONIC_JNO, ZYDIS_MNEMONIC_JB,  ZYDIS_MNEMONIC_JNB,
                                    ZYDIS_MNEMONIC_JZ,  ZYDIS_MNEMONIC_JNZ, ZYDIS_MNEMONIC_JBE, ZYDIS_MNEMONIC_JNBE,
                                    ZYDIS_MNEMONIC_JS,  ZYDIS_MNEMONIC_JNS, ZYDIS_MNEMONIC_JP,  ZYDIS_MNEMONIC_JNP,
                                    ZYDIS_MNEMONIC_JL,  ZYDIS_MNEMONIC_JNL, ZYDIS_MNEMONIC_JLE, ZYDIS_MNEMONIC_JNLE};
constexpr ZydisMnemonic kCmov[16] = {
    ZYDIS_MNEMONIC_CMOVO, ZYDIS_MNEMONIC_CMOVNO, ZYDIS_MNEMONIC_CMOVB,  ZYDIS_MNEMONIC_CMOVNB,
    ZYDIS_MNEMONIC_CMOVZ, ZYDIS_MNEMONIC_CMOVNZ, ZYDIS_MNEMONIC_CMOVBE, ZYDIS_MNEMONIC_CMOVNBE,
    ZYDIS_MNEMONIC_CMOVS, ZYDIS_MNEMONIC_CMOVNS, ZYDIS_MNEMONIC_CMOVP,  ZYDIS_MNEMONIC_CMOVNP,
    ZYDIS_MNEMONIC_CMOVL, ZYDIS_MNEMONIC_CMOVNL, ZYDIS_MNEMONIC_CMOVLE, ZYDIS_MNEMONIC_CMOVNLE};
constexpr ZydisMnemonic kSet[16] = {ZYDIS_MNEMONIC_SETO, ZYDIS_MNEMONIC_SETNO, ZYDIS_MNEMONIC_SETB,  ZYDIS_MNEMONIC_SETNB,
                                    ZYDIS_MNEMONIC_SETZ, ZYDIS_MNEMONIC_SETNZ, ZYDIS_MNEMONIC_SETBE, ZYDIS_MNEMONIC_SETNBE,
                                    ZYDIS_MNEMONIC_SETS, ZYDIS_MNEMONIC_SETNS, ZYDIS_MNEMONIC_SETP,  ZYDIS_MNEMONIC_SETNP,
                                    ZYDIS_MNEMONIC_SETL, ZYDIS_MNEMONIC_SETNL, ZYDIS_MNEMONIC_SETLE, ZYDIS_MNEMONIC_SETNLE};
constexpr ZydisMnemonic kBt[4] = {ZYDIS_MNEMONIC_BT, ZYDIS_MNEMONIC_BTS, ZYDIS_MNEMONIC_BTR, ZYDIS_MNEMONIC_BTC};

class Decoder {
 public:
  Decoder(const uint8_t* p, size_t n, ZydisDecodedInstruction& in, ZydisDecodedOperand* ops)
      : p_(p), n_(n), in_(in), ops_(ops) {}

  bool run() {
    if (!prefixes()) return false;
    uint8_t op;
    if (!next(op)) return false;
    const bool ok = op == 0x0f ? two_byte() : one_byte(op);
    if (!ok || i_ > ZYDIS_MAX_INSTRUCTION_LENGTH) return false;
    in_.length = static_cast<ZyanU8>(i_);
    in_.operand_count = in_.operand_count_visible = static_cast<ZyanU8>(nops_);
    return true;
  }

 private:
  // ---- bytes
  bool next(uint8_t& v) {
    if (i_ >= n_) return false;
    v = p_[i_++];
    return true;
  }
  // A little-endian immediate of `bytes` bytes, sign- or zero-extended to 64 bits.
  bool imm(unsigned bytes, bool sign, uint64_t& v) {
    if (n_ - i_ < bytes) return false;  // (i_ never passes n_)
    uint64_t u = 0;
    for (unsigned k = 0; k < bytes; ++k) u |= static_cast<uint64_t>(p_[i_ + k]) << (8 * k);
    i_ += bytes;
    const unsigned sh = 64 - 8 * bytes;
    v = sign && sh ? static_cast<uint64_t>(static_cast<int64_t>(u << sh) >> sh) : u;
    return true;
  }

  // ---- prefixes: 66, 64/65 (fs/gs), then an optional REX right before the opcode.
  // Endbr64 (f3 0f 1e fa) is the one f3 form taken; every other prefix goes to Zydis.
  bool prefixes() {
    in_.machine_mode = ZYDIS_MACHINE_MODE_LONG_64;
    in_.encoding = ZYDIS_INSTRUCTION_ENCODING_LEGACY;
    in_.stack_width = 64;
    in_.address_width = 64;
    if (n_ >= 4 && p_[0] == 0xf3 && p_[1] == 0x0f && p_[2] == 0x1e && p_[3] == 0xfa) {
      endbr_ = true;
      i_ = 1;
      return true;
    }
    for (;;) {
      if (i_ >= n_) return false;
      const uint8_t b = p_[i_];
      if (b == 0x66) {
        if (opsize_) return false;
        opsize_ = true;
        in_.attributes |= ZYDIS_ATTRIB_HAS_OPERANDSIZE;
      } else if (b == 0x64 || b == 0x65) {
        if (seg_ != ZYDIS_REGISTER_NONE) return false;
        seg_ = b == 0x64 ? ZYDIS_REGISTER_FS : ZYDIS_REGISTER_GS;
        in_.attributes |= b == 0x64 ? ZYDIS_ATTRIB_HAS_SEGMENT_FS : ZYDIS_ATTRIB_HAS_SEGMENT_GS;
      } else {
        break;
      }
      ++i_;
    }
    if ((p_[i_] & 0xf0) == 0x40) {
      rex_ = p_[i_++];
      in_.attributes |= ZYDIS_ATTRIB_HAS_REX;
      in_.raw.rex.W = (rex_ >> 3) & 1;
      in_.raw.rex.R = (rex_ >> 2) & 1;
      in_.raw.rex.X = (rex_ >> 1) & 1;
      in_.raw.rex.B = rex_ & 1;
      in_.raw.rex.offset = static_cast<ZyanU8>(i_ - 1);
    }
    return true;
  }
  bool rexw() const { return rex_ & 8; }
  unsigned rex_r() const { return (rex_ & 4) << 1; }
  unsigned rex_x() const { return (rex_ & 2) << 2; }
  unsigned rex_b() const { return (rex_ & 1) << 3; }

  // Operand width of a form with a byte variant (byte=true) or the usual 16/32/64 one.
  // A 66 prefix the CPU would ignore (byte forms, or under REX.W) goes to Zydis.
  bool width(bool byte, unsigned& w) {
    if (byte) {
      if (opsize_) return false;
      w = 8;
    } else if (rexw()) {
      if (opsize_) return false;
      w = 64;
    } else {
      w = opsize_ ? 16 : 32;
    }
    in_.operand_width = static_cast<ZyanU8>(w);
    return true;
  }
  // Forms whose operand size is 64 by default (push, pop, near call/jmp): no 66 taken.
  bool width64() {
    if (opsize_) return false;
    in_.operand_width = 64;
    return true;
  }

  ZydisRegister gpr(unsigned bits, unsigned idx) const {
    switch (bits) {
      case 8: return static_cast<ZydisRegister>(ZYDIS_REGISTER_AL + (rex_ && idx >= 4 ? idx + 4 : idx));
      case 16: return static_cast<ZydisRegister>(ZYDIS_REGISTER_AX + idx);
      case 32: return static_cast<ZydisRegister>(ZYDIS_REGISTER_EAX + idx);
      default: return static_cast<ZydisRegister>(ZYDIS_REGISTER_RAX + idx);
    }
  }

  // ---- operands
  ZydisDecodedOperand& add(ZydisOperandType t, unsigned size, ZydisOperandVisibility vis) {
    ZydisDecodedOperand& o = ops_[nops_];
    memset(static_cast<void*>(&o), 0, sizeof o);
    o.id = static_cast<ZyanU8>(nops_++);
    o.type = t;
    o.size = static_cast<ZyanU16>(size);
    o.visibility = vis;
    return o;
  }
  void reg_op(ZydisRegister r, unsigned size, ZydisOperandVisibility vis = ZYDIS_OPERAND_VISIBILITY_EXPLICIT) {
    add(ZYDIS_OPERAND_TYPE_REGISTER, size, vis).reg.value = r;
  }
  void imm_op(unsigned size, bool sign, bool rel, uint64_t v,
              ZydisOperandVisibility vis = ZYDIS_OPERAND_VISIBILITY_EXPLICIT) {
    ZydisDecodedOperand& o = add(ZYDIS_OPERAND_TYPE_IMMEDIATE, size, vis);
    o.imm.is_signed = sign;
    o.imm.is_relative = rel;
    o.imm.value.u = v;
  }
  // Reads an immediate of `bytes` bytes and adds it as an operand of `size` bits.
  bool read_imm(unsigned bytes, unsigned size, bool sign, bool rel = false) {
    uint64_t v;
    if (!imm(bytes, sign, v)) return false;
    imm_op(size, sign, rel, v);
    return true;
  }

  // ModRM (with SIB and displacement); the memory operand is kept until rm_op() places it.
  bool modrm() {
    uint8_t b;
    if (!next(b)) return false;
    in_.attributes |= ZYDIS_ATTRIB_HAS_MODRM;
    mod_ = b >> 6;
    reg_ = ((b >> 3) & 7) | rex_r();
    const unsigned rm = b & 7;
    in_.raw.modrm.mod = mod_;
    in_.raw.modrm.reg = (b >> 3) & 7;
    in_.raw.modrm.rm = rm;
    in_.raw.modrm.offset = static_cast<ZyanU8>(i_ - 1);
    if (mod_ == 3) {
      rm_ = rm | rex_b();
      return true;
    }
    ZydisDecodedOperandMem& m = mem_;
    m = {};
    m.type = ZYDIS_MEMOP_TYPE_MEM;
    unsigned disp_bytes = mod_ == 1 ? 1 : mod_ == 2 ? 4 : 0;
    if (rm == 4) {
      uint8_t sib;
      if (!next(sib)) return false;
      in_.attributes |= ZYDIS_ATTRIB_HAS_SIB;
      const unsigned index = ((sib >> 3) & 7) | rex_x(), base = sib & 7;
      if (index != 4) {
        m.index = gpr(64, index);
        m.scale = static_cast<ZyanU8>(1u << (sib >> 6));
      }
      if (base == 5 && mod_ == 0) disp_bytes = 4;  // no base, disp32
      else m.base = gpr(64, base | rex_b());
    } else if (rm == 5 && mod_ == 0) {
      m.base = ZYDIS_REGISTER_RIP;
      disp_bytes = 4;
      in_.attributes |= ZYDIS_ATTRIB_IS_RELATIVE;
    } else {
      m.base = gpr(64, rm | rex_b());
    }
    if (disp_bytes) {
      uint64_t d;
      if (!imm(disp_bytes, true, d)) return false;
      m.disp.has_displacement = ZYAN_TRUE;
      m.disp.value = static_cast<ZyanI64>(d);
    }
    m.segment = seg_ != ZYDIS_REGISTER_NONE                                         ? seg_
                : (m.base == ZYDIS_REGISTER_RSP || m.base == ZYDIS_REGISTER_RBP) ? ZYDIS_REGISTER_SS
                                                                                   : ZYDIS_REGISTER_DS;
    return true;
  }
  bool is_mem() const { return mod_ != 3; }
  // The r/m operand: a register of `bits`, or the memory operand (of mem_size bits when
  // given, an address-generation operand for lea).
  void rm_op(unsigned bits, unsigned mem_size = 0, bool agen = false) {
    if (mod_ == 3) {
      reg_op(gpr(bits, rm_), bits);
      return;
    }
    ZydisDecodedOperand& o = add(ZYDIS_OPERAND_TYPE_MEMORY, mem_size ? mem_size : bits, ZYDIS_OPERAND_VISIBILITY_EXPLICIT);
    o.mem = mem_;
    if (agen) o.mem.type = ZYDIS_MEMOP_TYPE_AGEN;
  }
  void reg_field_op(unsigned bits) { reg_op(gpr(bits, reg_), bits); }
  // A segment prefix on an instruction without a memory operand goes to Zydis.
  bool seg_ok() const { return seg_ == ZYDIS_REGISTER_NONE || mod_ != 3; }

  void set(ZydisMnemonic m, uint8_t opcode, ZydisOpcodeMap map = ZYDIS_OPCODE_MAP_DEFAULT) {
    in_.mnemonic = m;
    in_.opcode = opcode;
    in_.opcode_map = map;
  }
  void branch(ZydisBranchType bt) {
    in_.meta.branch_type = bt;
    in_.attributes |= ZYDIS_ATTRIB_IS_RELATIVE;
  }

  // ---- opcodes
  bool one_byte(uint8_t op) {
    const bool no_seg = seg_ == ZYDIS_REGISTER_NONE;
    unsigned w;
    if (op < 0x40 && (op & 7) < 6) {  // the ALU group: add/or/adc/sbb/and/sub/xor/cmp
      set(kAlu[op >> 3], op);
      const bool byte = (op & 1) == 0;
      if (!width(byte, w)) return false;
      switch (op & 7) {
        case 0: case 1:
          if (!modrm() || !seg_ok()) return false;
          rm_op(w);
          reg_field_op(w);
          return true;
        case 2: case 3:
          if (!modrm() || !seg_ok()) return false;
          reg_field_op(w);
          rm_op(w);
          return true;
        default:  // al/ax/eax/rax, imm
          if (!no_seg) return false;
          reg_op(gpr(w, 0), w, ZYDIS_OPERAND_VISIBILITY_IMPLICIT);
          return read_imm(w == 8 ? 1 : w == 16 ? 2 : 4, w == 64 ? 32 : w, true);
      }
    }
    if (op >= 0x50 && op <= 0x5f) {  // push/pop r64
      if (!no_seg || !width64()) return false;
      set(op < 0x58 ? ZYDIS_MNEMONIC_PUSH : ZYDIS_MNEMONIC_POP, op);
      reg_op(gpr(64, (op & 7) | rex_b()), 64);
      return true;
    }
    if (op >= 0x70 && op <= 0x7f) {  // jcc rel8
      if (!no_seg || opsize_ || rex_) return false;
      set(kJcc[op & 0xf], op);
      in_.operand_width = 64;
      branch(ZYDIS_BRANCH_TYPE_SHORT);
      return read_imm(1, 8, true, true);
    }
    if (op >= 0xb0 && op <= 0xbf) {  // mov r, imm
      if (!no_seg) return false;
      const bool byte = op < 0xb8;
      if (!width(byte, w)) return false;
      set(ZYDIS_MNEMONIC_MOV, op);
      reg_op(gpr(w, (op & 7) | rex_b()), w);
      return read_imm(w / 8, w, true);
    }
    switch (op) {
      case 0x63:  // movsxd r64, r/m32
        if (!rexw() || opsize_) return false;
        set(ZYDIS_MNEMONIC_MOVSXD, op);
        in_.operand_width = 64;
        if (!modrm() || !seg_ok()) return false;
        reg_field_op(64);
        rm_op(32);
        return true;
      case 0x68: case 0x6a:  // push imm
        if (!no_seg || !width64()) return false;
        set(ZYDIS_MNEMONIC_PUSH, op);
        return op == 0x68 ? read_imm(4, 32, true) : read_imm(1, 8, true);
      case 0x69: case 0x6b:  // imul r, r/m, imm
        if (!width(false, w) || !modrm() || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_IMUL, op);
        reg_field_op(w);
        rm_op(w);
        return op == 0x6b ? read_imm(1, 8, true) : read_imm(w == 16 ? 2 : 4, w == 16 ? 16 : 32, true);
      case 0x80: case 0x81: case 0x83: {  // group 1: op r/m, imm
        if (!width(op == 0x80, w) || !modrm() || !seg_ok()) return false;
        set(kAlu[(reg_ & 7)], op);
        rm_op(w);
        if (op == 0x83) return read_imm(1, 8, true);
        return read_imm(w == 8 ? 1 : w == 16 ? 2 : 4, w == 64 ? 32 : w, true);
      }
      case 0x84: case 0x85: case 0x86: case 0x87: case 0x88: case 0x89:  // test, xchg, mov r/m, r
        if (!width((op & 1) == 0, w) || !modrm() || !seg_ok()) return false;
        set(op < 0x86 ? ZYDIS_MNEMONIC_TEST : op < 0x88 ? ZYDIS_MNEMONIC_XCHG : ZYDIS_MNEMONIC_MOV, op);
        rm_op(w);
        reg_field_op(w);
        return true;
      case 0x8a: case 0x8b:  // mov r, r/m
        if (!width(op == 0x8a, w) || !modrm() || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_MOV, op);
        reg_field_op(w);
        rm_op(w);
        return true;
      case 0x8d:  // lea
        if (!no_seg || !width(false, w) || !modrm() || !is_mem()) return false;
        set(ZYDIS_MNEMONIC_LEA, op);
        reg_field_op(w);
        rm_op(w, 64, true);
        return true;
      case 0x8f:  // pop r/m64
        if (!width64() || !modrm() || (reg_ & 7) != 0 || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_POP, op);
        rm_op(64);
        return true;
      case 0x90:  // nop (66 90 too); with a REX (41 90 is xchg r8d, eax) it goes to Zydis
        if (!no_seg || rex_) return false;
        set(ZYDIS_MNEMONIC_NOP, op);
        in_.operand_width = opsize_ ? 16 : 32;
        return true;
      case 0x98: case 0x99:  // cbw/cwde/cdqe, cwd/cdq/cqo (no visible operands)
        if (!no_seg || !width(false, w)) return false;
        if (op == 0x98)
          set(w == 64 ? ZYDIS_MNEMONIC_CDQE : w == 32 ? ZYDIS_MNEMONIC_CWDE : ZYDIS_MNEMONIC_CBW, op);
        else
          set(w == 64 ? ZYDIS_MNEMONIC_CQO : w == 32 ? ZYDIS_MNEMONIC_CDQ : ZYDIS_MNEMONIC_CWD, op);
        return true;
      case 0xa8: case 0xa9:  // test al/ax/eax/rax, imm
        if (!no_seg || !width(op == 0xa8, w)) return false;
        set(ZYDIS_MNEMONIC_TEST, op);
        reg_op(gpr(w, 0), w, ZYDIS_OPERAND_VISIBILITY_IMPLICIT);
        return read_imm(w == 8 ? 1 : w == 16 ? 2 : 4, w == 64 ? 32 : w, true);
      case 0xc0: case 0xc1: case 0xd0: case 0xd1: case 0xd2: case 0xd3: {  // shifts and rotates
        if (!width((op & 1) == 0, w) || !modrm() || !seg_ok()) return false;
        const ZydisMnemonic m = kShift[reg_ & 7];
        if (m == ZYDIS_MNEMONIC_INVALID) return false;
        set(m, op);
        rm_op(w);
        if (op <= 0xc1) return read_imm(1, 8, false);
        if (op <= 0xd1) imm_op(8, false, false, 1, ZYDIS_OPERAND_VISIBILITY_IMPLICIT);
        else reg_op(ZYDIS_REGISTER_CL, 8, ZYDIS_OPERAND_VISIBILITY_IMPLICIT);
        return true;
      }
      case 0xc2: case 0xc3:  // ret [imm16]
        if (!no_seg || opsize_ || rex_) return false;
        set(ZYDIS_MNEMONIC_RET, op);
        in_.operand_width = 64;
        in_.meta.branch_type = ZYDIS_BRANCH_TYPE_NEAR;
        return op == 0xc3 || read_imm(2, 16, false);
      case 0xc6: case 0xc7:  // mov r/m, imm
        if (!width(op == 0xc6, w) || !modrm() || (reg_ & 7) != 0 || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_MOV, op);
        rm_op(w);
        return read_imm(w == 8 ? 1 : w == 16 ? 2 : 4, w == 64 ? 32 : w, true);
      case 0xc9:  // leave
        if (!no_seg || !width64() || rex_) return false;
        set(ZYDIS_MNEMONIC_LEAVE, op);
        return true;
      case 0xe8: case 0xe9: case 0xeb:  // call/jmp rel
        if (!no_seg || opsize_ || rex_) return false;
        set(op == 0xe8 ? ZYDIS_MNEMONIC_CALL : ZYDIS_MNEMONIC_JMP, op);
        in_.operand_width = 64;
        branch(op == 0xeb ? ZYDIS_BRANCH_TYPE_SHORT : ZYDIS_BRANCH_TYPE_NEAR);
        return op == 0xeb ? read_imm(1, 8, true, true) : read_imm(4, 32, true, true);
      case 0xf6: case 0xf7: {  // group 3: test/not/neg/mul/imul/div/idiv
        if (!width(op == 0xf6, w) || !modrm() || !seg_ok()) return false;
        const ZydisMnemonic m = kGroup3[reg_ & 7];
        if (m == ZYDIS_MNEMONIC_INVALID) return false;
        set(m, op);
        rm_op(w);
        if (m == ZYDIS_MNEMONIC_TEST) return read_imm(w == 8 ? 1 : w == 16 ? 2 : 4, w == 64 ? 32 : w, true);
        return true;
      }
      case 0xfe: case 0xff: {  // inc/dec; call/jmp/push r/m64
        if (!modrm()) return false;
        const unsigned r = reg_ & 7;
        if (r <= 1) {
          if (!width(op == 0xfe, w) || !seg_ok()) return false;
          set(r == 0 ? ZYDIS_MNEMONIC_INC : ZYDIS_MNEMONIC_DEC, op);
          rm_op(w);
          return true;
        }
        if (op == 0xfe || r == 3 || r == 5 || r == 7 || !width64() || !seg_ok()) return false;
        set(r == 2 ? ZYDIS_MNEMONIC_CALL : r == 4 ? ZYDIS_MNEMONIC_JMP : ZYDIS_MNEMONIC_PUSH, op);
        if (r != 6) in_.meta.branch_type = ZYDIS_BRANCH_TYPE_NEAR;
        rm_op(64);
        return true;
      }
      default:
        return false;
    }
  }

  bool two_byte() {
    uint8_t op;
    if (!next(op)) return false;
    const bool no_seg = seg_ == ZYDIS_REGISTER_NONE;
    unsigned w;
    if (endbr_) {  // f3 0f 1e fa
      if (op != 0x1e || !modrm()) return false;
      set(ZYDIS_MNEMONIC_ENDBR64, op, ZYDIS_OPCODE_MAP_0F);
      in_.operand_width = 32;
      return true;
    }
    if (op >= 0x40 && op <= 0x4f) {  // cmovcc
      if (!width(false, w) || !modrm() || !seg_ok()) return false;
      set(kCmov[op & 0xf], op, ZYDIS_OPCODE_MAP_0F);
      reg_field_op(w);
      rm_op(w);
      return true;
    }
    if (op >= 0x80 && op <= 0x8f) {  // jcc rel32
      if (!no_seg || opsize_ || rex_) return false;
      set(kJcc[op & 0xf], op, ZYDIS_OPCODE_MAP_0F);
      in_.operand_width = 64;
      branch(ZYDIS_BRANCH_TYPE_NEAR);
      return read_imm(4, 32, true, true);
    }
    if (op >= 0x90 && op <= 0x9f) {  // setcc r/m8
      if (!width(true, w) || !modrm() || !seg_ok()) return false;
      set(kSet[op & 0xf], op, ZYDIS_OPCODE_MAP_0F);
      rm_op(8);
      return true;
    }
    switch (op) {
      case 0x05:  // syscall
        if (!no_seg || opsize_ || rex_) return false;
        set(ZYDIS_MNEMONIC_SYSCALL, op, ZYDIS_OPCODE_MAP_0F);
        in_.operand_width = 64;
        return true;
      case 0x1f:  // nop r/m (the multi-byte nop)
        if (!width(false, w) || !modrm() || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_NOP, op, ZYDIS_OPCODE_MAP_0F);
        rm_op(w);
        reg_field_op(w);
        return true;
      case 0xa3: case 0xab: case 0xb3: case 0xbb:  // bt/bts/btr/btc r/m, r
        if (!width(false, w) || !modrm() || !seg_ok()) return false;
        set(kBt[(op >> 3) & 3], op, ZYDIS_OPCODE_MAP_0F);
        rm_op(w);
        reg_field_op(w);
        return true;
      case 0xba:  // bt/bts/btr/btc r/m, imm8
        if (!width(false, w) || !modrm() || (reg_ & 7) < 4 || !seg_ok()) return false;
        set(kBt[reg_ & 3], op, ZYDIS_OPCODE_MAP_0F);
        rm_op(w);
        return read_imm(1, 8, false);
      case 0xaf:  // imul r, r/m
        if (!width(false, w) || !modrm() || !seg_ok()) return false;
        set(ZYDIS_MNEMONIC_IMUL, op, ZYDIS_OPCODE_MAP_0F);
        reg_field_op(w);
        rm_op(w);
        return true;
      case 0xb6: case 0xb7: case 0xbe: case 0xbf:  // movzx/movsx r, r/m8/16
        if (!width(false, w) || !modrm() || !seg_ok()) return false;
        set(op < 0xbe ? ZYDIS_MNEMONIC_MOVZX : ZYDIS_MNEMONIC_MOVSX, op, ZYDIS_OPCODE_MAP_0F);
        reg_field_op(w);
        rm_op((op & 1) ? 16 : 8);
        return true;
      default:
        return false;
    }
  }

  const uint8_t* p_;
  size_t n_;
  size_t i_ = 0;
  ZydisDecodedInstruction& in_;
  ZydisDecodedOperand* ops_;
  unsigned nops_ = 0;
  bool opsize_ = false, endbr_ = false;
  uint8_t rex_ = 0;
  ZydisRegister seg_ = ZYDIS_REGISTER_NONE;
  unsigned mod_ = 3, reg_ = 0, rm_ = 0;
  ZydisDecodedOperandMem mem_{};
};

}  // namespace

bool fast_decode64(const uint8_t* p, size_t n, ZydisDecodedInstruction& insn, ZydisDecodedOperand* ops) {
  memset(static_cast<void*>(&insn), 0, sizeof insn);
  return Decoder(p, n, insn, ops).run();
}

}  // namespace retrace::x86
