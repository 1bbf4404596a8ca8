// Block decoding loop and the operand helpers handlers use.
//
// A block runs from its first pc to the first instruction that ends it (a control
// transfer, syscall, trap) or to DecodeOptions::max_insns. An instruction no handler
// implements becomes ExitTrap(SIGILL) at its pc, with the bytes in the diagnostic; bytes
// that cannot be read become ExitTrap(SIGSEGV) with si_addr at the unreadable byte.
#include "frontend/x86/frontend.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <array>

#include "frontend/x86/context.h"
#include "frontend/x86/fast_decode.h"

namespace retrace::x86 {

namespace {

struct HandlerTable {
  std::array<Handler, ZYDIS_MNEMONIC_MAX_VALUE + 1> fn{};
  HandlerTable() {
#define X86_HANDLER(mnemonic, f) fn[ZYDIS_MNEMONIC_##mnemonic] = &f;
#include "frontend/x86/handlers.def"
#undef X86_HANDLER
  }
};
const HandlerTable& handlers() {
  static const HandlerTable t;
  return t;
}

ZydisMachineMode zmode(Mode m) {
  return m == Mode::M64 ? ZYDIS_MACHINE_MODE_LONG_64
         : m == Mode::M32 ? ZYDIS_MACHINE_MODE_LEGACY_32
                          : ZYDIS_MACHINE_MODE_REAL_16;
}

}  // namespace

struct Frontend::Impl {
  Mode mode;
  ZydisDecoder dec;
};

Frontend::Frontend(Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->mode = mode;
  ZydisStackWidth sw = mode == Mode::M64 ? ZYDIS_STACK_WIDTH_64 : mode == Mode::M32 ? ZYDIS_STACK_WIDTH_32 : ZYDIS_STACK_WIDTH_16;
  ZydisDecoderInit(&impl_->dec, zmode(mode), sw);
}
Frontend::~Frontend() = default;

DecodedBlock Frontend::decode(uint64_t pc, const CodeReader& read, const DecodeOptions& opt) const {
  DecodedBlock out;
  out.block = std::make_unique<ir::Block>();
  ir::Block& blk = *out.block;
  blk.pc = pc;
  // The IR is built in per-thread vectors that keep their capacity, then copied out at its
  // exact size: one allocation per vector instead of a doubling series per block.
  thread_local std::vector<ir::Inst> t_insts;
  thread_local std::vector<ir::InsnMark> t_marks;
  t_insts.clear();
  t_marks.clear();
  blk.insts.swap(t_insts);
  blk.marks.swap(t_marks);
  struct Finish {
    ir::Block& blk;
    ~Finish() {
      std::vector<ir::Inst> insts(blk.insts.begin(), blk.insts.end());
      std::vector<ir::InsnMark> marks(blk.marks.begin(), blk.marks.end());
      blk.insts.swap(insts);
      blk.marks.swap(marks);
      t_insts.swap(insts);  // (the big buffers go back for the next block)
      t_marks.swap(marks);
    }
  } finish{blk};
  ir::Builder b(blk);
  const HandlerTable& tab = handlers();
  unsigned n = 0;
  bool ended = false;
  // Guest bytes are read a window at a time, not an instruction at a time. A short read
  // means the bytes stop there (an unreadable page): nothing more to read after it.
  uint8_t window[128];
  uint64_t win_pc = pc;
  size_t win_len = 0;
  bool win_short = false;
  while (!ended) {
    if (n >= opt.max_insns || b.out_of_temps(256)) {
      b.emit(Op::ExitJmp, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, pc);
      break;
    }
    if (pc + ZYDIS_MAX_INSTRUCTION_LENGTH > win_pc + win_len && !win_short) {  // (pc only grows)
      win_pc = pc;
      win_len = read(pc, window, sizeof window);
      win_short = win_len < sizeof window;
    }
    const uint8_t* bytes = window + (pc - win_pc);
    const size_t got = std::min<size_t>(ZYDIS_MAX_INSTRUCTION_LENGTH, win_pc + win_len - pc);
    ZydisDecodedInstruction insn;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
    ZyanStatus st = ZYAN_STATUS_FAILED;
    bool fast = false;  // (the fast decoder knows no MMX forms)
    if (got && opt.hidden_operands) {
      st = ZydisDecoderDecodeFull(&impl_->dec, bytes, got, &insn, ops);
    } else if (got && opt.fast_decoder && impl_->mode == Mode::M64 && fast_decode64(bytes, got, insn, ops)) {
      st = ZYAN_STATUS_SUCCESS;
      fast = true;
    } else if (got) {
      // The visible operands only (they come first); the rest read as unused.
      ZydisDecoderContext zctx;
      st = ZydisDecoderDecodeInstruction(&impl_->dec, &zctx, bytes, got, &insn);
      if (ZYAN_SUCCESS(st)) {
        st = ZydisDecoderDecodeOperands(&impl_->dec, &zctx, &insn, ops, insn.operand_count_visible);
        memset(static_cast<void*>(ops + insn.operand_count_visible), 0,
               sizeof(ops[0]) * (insn.operand_count - insn.operand_count_visible));
        insn.operand_count = insn.operand_count_visible;
      }
    }
    b.mark(pc);
    const size_t mark_size = b.size();
    if (!ZYAN_SUCCESS(st)) {
      // Bytes cut short by an unreadable page: a fetch fault (SIGSEGV at the first
      // unreadable byte). Anything else is an invalid opcode (SIGILL).
      bool fetch_fault = got == 0 || (got < ZYDIS_MAX_INSTRUCTION_LENGTH && st == ZYDIS_STATUS_NO_MORE_DATA);
      if (fetch_fault) {
        b.emit(Op::ExitTrap, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, pc, SIGSEGV, pc + got);
        blk.insts.back().aux2 = SEGV_MAPERR;  // (si_code: the kernel's for a fetch from an unmapped page, also at address 0)
        out.diagnostic.clear();
      } else {
        b.emit(Op::ExitTrap, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, pc, SIGILL, pc);
        char buf[160];
        int len = snprintf(buf, sizeof buf, "undecodable instruction at 0x%llx:", static_cast<unsigned long long>(pc));
        for (size_t i = 0; i < got && i < 15 && len < 150; ++i) len += snprintf(buf + len, sizeof buf - len, " %02x", bytes[i]);
        out.diagnostic = buf;
      }
      ++n;
      break;
    }
    Ctx ctx(b, insn, ops, pc, pc + insn.length, impl_->mode);
    ctx.side_exits_ok = opt.side_exits && n + 2 < opt.max_insns && !b.out_of_temps(512);
    ctx.fallthru_hot = opt.fallthru_hot;
    Handler h = tab.fn[insn.mnemonic];
    if (!fast && uses_mmx(insn, ops)) h = h_mmx;
    bool ok = h && h(ctx);
    if (!ok) {
      blk.insts.resize(mark_size);  // drop what the handler emitted before refusing
      b.emit(Op::ExitTrap, Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, pc, SIGILL, pc);
      char buf[200];
      int len = snprintf(buf, sizeof buf, "unsupported instruction %s at 0x%llx:", ZydisMnemonicGetString(insn.mnemonic),
                         static_cast<unsigned long long>(pc));
      for (unsigned i = 0; i < insn.length && len < 180; ++i) len += snprintf(buf + len, sizeof buf - len, " %02x", bytes[i]);
      if (ctx.why && len < 190) snprintf(buf + len, sizeof buf - len, " (%s)", ctx.why);
      out.diagnostic = buf;
      ++n;
      pc += insn.length;
      break;
    }
    ++n;
    pc += insn.length;
    ended = ctx.ended;
  }
  blk.end = pc;
  return out;
}

// ---- Ctx -------------------------------------------------------------------------------

Slot Ctx::gpr_slot(ZydisRegister r) {
  // The general registers by arithmetic on the enum (gpr_bits); others ask Zydis.
  switch (gpr_bits(r)) {
    case 8: {
      const unsigned i = r - ZYDIS_REGISTER_AL;  // al cl dl bl, ah ch dh bh, spl bpl sil dil, r8b..
      return static_cast<Slot>(i < 4 ? i : i - 4);
    }
    case 16: return static_cast<Slot>(r - ZYDIS_REGISTER_AX);
    case 32: return static_cast<Slot>(r - ZYDIS_REGISTER_EAX);
    case 64: return static_cast<Slot>(r - ZYDIS_REGISTER_RAX);
    default: break;
  }
  ZydisRegister big = ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64, r);
  return static_cast<Slot>(ZydisRegisterGetId(big));
}

static bool is_high8(ZydisRegister r) {
  return r == ZYDIS_REGISTER_AH || r == ZYDIS_REGISTER_CH || r == ZYDIS_REGISTER_DH || r == ZYDIS_REGISTER_BH;
}

Slot Ctx::read_reg(ZydisRegister r) {
  Slot s = gpr_slot(r);
  if (is_high8(r)) return emit(Op::Extract8H, Type::I8, s);
  return s;  // narrower reads take the low bits: ops read operands at their width
}

void Ctx::write_reg(ZydisRegister r, Slot v) {
  Slot s = gpr_slot(r);
  switch (gpr_bits(r)) {
    case 64: emit_to(s, Op::Mov, Type::I64, v); break;
    case 32: emit_to(s, Op::Mov, Type::I32, v); break;  // zero-extends
    case 16: emit_to(s, Op::Merge16, Type::I64, s, v); break;
    case 8: emit_to(s, is_high8(r) ? Op::Merge8H : Op::Merge8L, Type::I64, s, v); break;
    default: break;
  }
}

Slot Ctx::addr(int i) {
  if (i < 4 && addr_cache_[i] != ir::kNoSlot) return addr_cache_[i];
  const ZydisDecodedOperandMem& m = ops[i].mem;
  Type at = insn.address_width == 64 ? Type::I64 : Type::I32;
  uint64_t disp = m.disp.has_displacement ? static_cast<uint64_t>(m.disp.value) : 0;
  Slot s;
  if (m.base == ZYDIS_REGISTER_RIP || m.base == ZYDIS_REGISTER_EIP) {
    s = konst(at, next_pc + disp);
  } else {
    Slot base = m.base == ZYDIS_REGISTER_NONE ? ir::kSlotZero : gpr_slot(m.base);
    Slot index = m.index == ZYDIS_REGISTER_NONE ? ir::kSlotZero : gpr_slot(m.index);
    uint8_t sh = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
    s = emit(Op::Addr, at, base, index, ir::kNoSlot, disp, sh);
  }
  if (m.segment == ZYDIS_REGISTER_FS || m.segment == ZYDIS_REGISTER_GS) {
    Slot seg = m.segment == ZYDIS_REGISTER_FS ? ir::kSlotFsBase : ir::kSlotGsBase;
    s = emit(Op::Add, Type::I64, s, seg);
  }
  if (i < 4) addr_cache_[i] = s;
  return s;
}

Slot Ctx::read_as(int i, Type t) {
  const ZydisDecodedOperand& o = ops[i];
  switch (o.type) {
    case ZYDIS_OPERAND_TYPE_REGISTER: return read_reg(o.reg.value);
    case ZYDIS_OPERAND_TYPE_MEMORY: return emit(Op::Load, t, addr(i));
    case ZYDIS_OPERAND_TYPE_IMMEDIATE: {
      uint64_t v = o.imm.value.u;
      if (o.imm.is_signed) v = static_cast<uint64_t>(o.imm.value.s);
      return konst(t, v);
    }
    default: return konst(t, 0);
  }
}

Slot Ctx::read(int i) { return read_as(i, type(i)); }

void Ctx::write(int i, Slot v) {
  const ZydisDecodedOperand& o = ops[i];
  if (o.type == ZYDIS_OPERAND_TYPE_REGISTER) write_reg(o.reg.value, v);
  else if (o.type == ZYDIS_OPERAND_TYPE_MEMORY) emit(Op::Store, type(i), addr(i), v);
}

void Ctx::push(Slot v, Type t) {
  unsigned bytes = ir::type_bits(t) / 8;
  Slot rsp = reg(4);
  // Store first, so a faulting push leaves rsp unchanged (precise fault).
  emit(Op::Store, t, rsp, v, ir::kNoSlot, static_cast<uint64_t>(-static_cast<int64_t>(bytes)));
  emit_to(rsp, Op::Sub, Type::I64, rsp, konst(Type::I64, bytes));
}

Slot Ctx::pop(Type t) {
  unsigned bytes = ir::type_bits(t) / 8;
  Slot rsp = reg(4);
  Slot v = emit(Op::Load, t, rsp);
  emit_to(rsp, Op::Add, Type::I64, rsp, konst(Type::I64, bytes));
  return v;
}

}  // namespace retrace::x86
