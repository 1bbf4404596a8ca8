// Random unit generator: one table entry per kind (mnemonic family under test).
//
// Every instruction is encoded alone by asmjit's validating assembler; a unit whose
// operand choice cannot be encoded (ah together with a REX-requiring operand, ...) is
// thrown away and generated again, so the generator can pick operands freely.
//
// Rules that keep a unit deterministic and safe (SDM vol. 2 is the reference for flags):
//   - memory operands address the scratch buffer through r15, or through a register the
//     unit itself set up just before (an index with a known small value, or a copy of
//     r15 plus a displacement made with lea); registers a unit set up are "pinned" so a
//     later setup in the same unit cannot overwrite them;
//   - locked and implicitly locked accesses are naturally aligned (no split locks);
//   - shift/rotate counts are immediates or a cl the unit loaded, so which flags the
//     instruction leaves undefined is known when it is generated;
//   - div/idiv get a divisor that is odd and not -1 (and r, -3; or r, 1) and a dividend
//     whose upper half is zero (div) or the sign extension of the lower half (idiv),
//     so they cannot raise #DE;
//   - an instruction that reads flags (adc, sbb, rcl, rcr, cmc, setcc, cmovcc, lahf) is
//     preceded by a `cmp` setup when a flag it reads is undefined at that point.
#include <Zydis/Zydis.h>
#include <asmjit/x86.h>

#include <algorithm>
#include <cstring>

#include "tests/diff/difftest.h"

namespace retrace::difftest {

using namespace asmjit;

namespace {

using Rng = std::mt19937_64;
using InstId = asmjit::InstId;

constexpr uint16_t kCondReads[16] = {
    fOF, fOF, fCF, fCF, fZF,       fZF,       fCF | fZF,       fCF | fZF,
    fSF, fSF, fPF, fPF, fSF | fOF, fSF | fOF, fZF | fSF | fOF, fZF | fSF | fOF};

bool encode(InstId id, const std::vector<Operand>& ops, bool lock, std::vector<uint8_t>& out) {
  CodeHolder code;
  if (code.init(Environment::host()) != kErrorOk) return false;
  x86::Assembler a(&code);
  a.addDiagnosticOptions(DiagnosticOptions::kValidateAssembler);
  if (lock) a.lock();
  if (a.emitOpArray(id, ops.data(), ops.size()) != kErrorOk) return false;
  CodeBuffer& buf = code.textSection()->buffer();
  out.assign(buf.data(), buf.data() + buf.size());
  return !out.empty();
}

uint64_t interesting(Rng& rng) {
  static const uint64_t table[] = {0,
                                   1,
                                   2,
                                   ~0ull,
                                   0x7f,
                                   0x80,
                                   0xff,
                                   0x100,
                                   0x7fff,
                                   0x8000,
                                   0xffff,
                                   0x7fffffff,
                                   0x80000000,
                                   0xffffffff,
                                   0x100000000,
                                   0x7fffffffffffffff,
                                   0x8000000000000000,
                                   0xffffffffffffff80,
                                   0xffffffff80000000,
                                   0x00000000ffff8000};
  switch (rng() % 9) {
    case 0:
      return rng() & 0xff;
    case 1:
      return rng() & 0xffff;
    case 2:
      return rng() & 0xffffffff;
    case 3:
      return table[rng() % (sizeof table / sizeof table[0])];
    case 4:
      return static_cast<uint64_t>(-static_cast<int64_t>(rng() % 300));
    case 5:
      return 1ull << (rng() % 64);
    case 6:
      return rng() % 70;
    default:
      return rng();
  }
}

// Builds one unit; any encoding failure marks it failed and the caller retries.
class UnitGen {
 public:
  UnitGen(Rng& r, uint16_t defined, const std::string& kind, bool addr32)
      : rng(r), defined(defined), addr32(addr32) {
    unit.kind = kind;
  }

  Rng& rng;
  uint16_t defined;
  bool addr32;
  Unit unit;
  bool failed = false;
  uint32_t pinned = 0;  // registers set up for this unit's instruction: setups must not touch them

  uint64_t u(uint64_t n) { return rng() % n; }
  bool chance(unsigned pct) { return u(100) < pct; }

  void ins(uint16_t reads, uint16_t defs, uint16_t undefs, InstId id, std::vector<Operand> ops,
           bool lock = false) {
    if (failed) return;
    Insn in;
    if ((reads & ~defined) || !encode(id, ops, lock, in.bytes)) {
      failed = true;
      return;
    }
    // Now and then a null segment prefix (ignored in 64-bit mode) the decoder must skip.
    if (in.bytes.size() < 15 && chance(6)) {
      static const uint8_t kNullSeg[] = {0x26, 0x2e, 0x36, 0x3e};
      in.bytes.insert(in.bytes.begin(), kNullSeg[u(4)]);
    }
    in.reads = reads;
    in.defs = defs;
    in.undefs = undefs;
    defined = static_cast<uint16_t>((defined | defs) & ~undefs);
    unit.insns.push_back(std::move(in));
  }
  // An instruction given as bytes (control transfers whose displacement depends on what
  // follows), inserted at position `at` of the unit.
  void raw(size_t at, std::vector<uint8_t> bytes, uint16_t reads) {
    if (failed) return;
    if (reads & ~defined) {
      failed = true;
      return;
    }
    Insn in;
    in.bytes = std::move(bytes);
    in.reads = reads;
    unit.insns.insert(unit.insns.begin() + static_cast<long>(at), std::move(in));
  }
  // A setup that defines every status flag, when the next instruction reads one that is not.
  void need_flags(uint16_t mask) {
    if (!(mask & ~defined)) return;
    unsigned sz = size_any();
    if (chance(50))
      ins(0, fALL, 0, x86::Inst::kIdCmp, {reg(sz, false), reg(sz, false)});
    else
      ins(0, fALL, 0, x86::Inst::kIdCmp, {reg(sz, false), Imm(imm(sz))});
  }

  unsigned size_any() { return 1u << u(4); }
  unsigned size_wide() { return 2u << u(3); }
  unsigned size_32_64() { return chance(50) ? 4 : 8; }

  static x86::Gp gp(unsigned id, unsigned sz) {
    switch (sz) {
      case 1:
        return x86::gpb_lo(id);
      case 2:
        return x86::gpw(id);
      case 4:
        return x86::gpd(id);
      default:
        return x86::gpq(id);
    }
  }
  unsigned reg_id(bool write, uint32_t excl = 0) {
    for (;;) {
      unsigned id = static_cast<unsigned>(u(16));
      if (id == kRsp || (write && id == kBaseReg) || (excl >> id & 1)) continue;
      return id;
    }
  }
  // A register operand; 8-bit ones are ah..bh a quarter of the time.
  x86::Gp reg(unsigned sz, bool write, uint32_t excl = 0) {
    if (sz == 1 && chance(25)) {
      for (int tries = 0; tries < 8; ++tries) {
        unsigned id = static_cast<unsigned>(u(4));
        if (!(excl >> id & 1)) return x86::gpb_hi(id);
      }
    }
    return gp(reg_id(write, excl), sz);
  }
  // A setup-only register (not pinned, not excluded), pinned from now on.
  unsigned setup_reg(uint32_t excl = 0) {
    unsigned id = reg_id(true, excl | pinned);
    pinned |= 1u << id;
    return id;
  }
  int64_t imm(unsigned sz) {
    int64_t v;
    switch (u(4)) {
      case 0:
        v = static_cast<int64_t>(u(5)) - 2;
        break;
      case 1:
        v = static_cast<int64_t>(interesting(rng));
        break;
      default:
        v = static_cast<int64_t>(rng());
        break;
    }
    switch (sz) {
      case 1:
        return static_cast<int8_t>(v);
      case 2:
        return static_cast<int16_t>(v);
      default:
        return static_cast<int32_t>(v);
    }
  }
  // A memory operand of sz bytes inside the scratch buffer, aligned to `align`.
  x86::Mem mem(unsigned sz, unsigned align = 1) {
    int64_t off = static_cast<int64_t>(u(2 * kMemSpan - 16)) - kMemSpan;
    off &= ~static_cast<int64_t>(align - 1);
    // 32-bit addressing computes the same address: the buffer is below 2 GiB.
    const unsigned asz = addr32 && chance(15) ? 4 : 8;
    const x86::Gp base = gp(kBaseReg, asz);
    switch (u(10)) {
      case 6:
      case 7: {  // [r15 + idx*scale + disp], idx set just before
        unsigned idx = setup_reg();
        unsigned shift = static_cast<unsigned>(u(4));
        int64_t k = static_cast<int64_t>(u(17)) - 8;
        ins(0, 0, 0, x86::Inst::kIdMov, {x86::gpq(idx), Imm(k)});
        return x86::ptr(base, gp(idx, asz), shift, static_cast<int32_t>(off - k * (1 << shift)),
                        sz);
      }
      case 8:
      case 9: {  // [b + disp] or [b + idx*scale + disp], b = r15 + d made by lea
        unsigned b = setup_reg();
        int64_t d = static_cast<int64_t>(u(201)) - 100;
        ins(0, 0, 0, x86::Inst::kIdLea,
            {x86::gpq(b), x86::ptr(x86::gpq(kBaseReg), static_cast<int32_t>(d))});
        if (chance(50)) return x86::ptr(gp(b, asz), static_cast<int32_t>(off - d), sz);
        unsigned idx = setup_reg();
        unsigned shift = static_cast<unsigned>(u(4));
        int64_t k = static_cast<int64_t>(u(9));
        ins(0, 0, 0, x86::Inst::kIdMov, {x86::gpd(idx), Imm(k)});
        return x86::ptr(gp(b, asz), gp(idx, asz), shift,
                        static_cast<int32_t>(off - d - k * (1 << shift)), sz);
      }
      default:
        return x86::ptr(base, static_cast<int32_t>(off), sz);
    }
  }
  // Register or memory operand.
  Operand rm(unsigned sz, bool write, unsigned mem_pct = 35, unsigned align = 1) {
    if (chance(mem_pct)) return mem(sz, align);
    return reg(sz, write);
  }
  int pick_cond() {
    int usable[16], n = 0;
    for (int cc = 0; cc < 16; ++cc)
      if (!(kCondReads[cc] & ~defined)) usable[n++] = cc;
    if (n == 0 || chance(5)) {
      need_flags(fALL);
      return static_cast<int>(u(16));
    }
    return usable[u(static_cast<uint64_t>(n))];
  }
};

namespace I = x86::Inst;

// ---- kinds -------------------------------------------------------------------------------

void g_mov(UnitGen& g, InstId) {
  unsigned sz = g.size_any();
  switch (g.u(5)) {
    case 0:
      g.ins(0, 0, 0, I::kIdMov, {g.reg(sz, true), g.reg(sz, false)});
      break;
    case 1: {
      Operand m = g.mem(sz);
      g.ins(0, 0, 0, I::kIdMov, {g.reg(sz, true), m});
      break;
    }
    case 2: {
      Operand m = g.mem(sz);
      g.ins(0, 0, 0, I::kIdMov, {m, g.reg(sz, false)});
      break;
    }
    case 3: {
      int64_t v = sz == 8 && g.chance(50) ? static_cast<int64_t>(interesting(g.rng)) : g.imm(sz);
      if (sz == 4 && g.chance(30)) v = static_cast<int64_t>(static_cast<uint32_t>(v));
      g.ins(0, 0, 0, I::kIdMov, {g.reg(sz, true), Imm(v)});
      break;
    }
    default: {
      Operand m = g.mem(sz);
      g.ins(0, 0, 0, I::kIdMov, {m, Imm(g.imm(sz))});
      break;
    }
  }
}

void g_movx(UnitGen& g, InstId id) {
  unsigned dsz, ssz;
  if (id == I::kIdMovsxd) {
    dsz = 8;
    ssz = 4;
  } else {
    dsz = g.size_wide();
    ssz = dsz == 2 ? 1 : (g.chance(50) ? 1 : 2);
  }
  Operand src = g.rm(ssz, false, 40);
  g.ins(0, 0, 0, id, {g.reg(dsz, true), src});
}

void g_lea(UnitGen& g, InstId) {
  unsigned dsz = g.size_wide();
  bool a32 = g.chance(30);
  unsigned asz = a32 ? 4 : 8;
  x86::Gp base = UnitGen::gp(g.reg_id(false), asz);
  int32_t disp = 0;
  switch (g.u(4)) {
    case 0:
      disp = 0;
      break;
    case 1:
      disp = static_cast<int32_t>(g.u(256)) - 128;
      break;
    default:
      disp = static_cast<int32_t>(g.rng());
      break;
  }
  x86::Mem m = g.chance(40) ? x86::ptr(base, disp)
                            : x86::ptr(base, UnitGen::gp(g.reg_id(false), asz),
                                       static_cast<unsigned>(g.u(4)), disp);
  g.ins(0, 0, 0, I::kIdLea, {g.reg(dsz, true), m});
}

void g_alu2(UnitGen& g, InstId id) {
  bool logic = id == I::kIdAnd || id == I::kIdOr || id == I::kIdXor || id == I::kIdTest;
  bool reads_cf = id == I::kIdAdc || id == I::kIdSbb;
  bool writes = id != I::kIdCmp && id != I::kIdTest;
  if (reads_cf) g.need_flags(fCF);
  uint16_t reads = reads_cf ? fCF : 0;
  uint16_t defs = logic ? fALL & ~fAF : fALL, undefs = logic ? fAF : 0;
  unsigned sz = g.size_any();
  unsigned form = static_cast<unsigned>(g.u(5));
  if (id == I::kIdTest && form == 1) form = 2;
  switch (form) {
    case 0: {
      x86::Gp d = g.reg(sz, writes);
      x86::Gp s = g.chance(15) ? d : g.reg(sz, false);  // xor eax, eax and friends
      g.ins(reads, defs, undefs, id, {d, s});
      break;
    }
    case 1: {
      Operand m = g.mem(sz);
      g.ins(reads, defs, undefs, id, {g.reg(sz, writes), m});
      break;
    }
    case 2:
    case 4: {
      bool lock = writes && g.chance(30);
      Operand m = g.mem(sz, lock ? sz : 1);
      Operand s = form == 2 ? Operand(g.reg(sz, false)) : Operand(Imm(g.imm(sz)));
      g.ins(reads, defs, undefs, id, {m, s}, lock);
      break;
    }
    default:
      g.ins(reads, defs, undefs, id, {g.reg(sz, writes), Imm(g.imm(sz))});
      break;
  }
}

void g_unary(UnitGen& g, InstId id) {
  uint16_t defs = 0;
  if (id == I::kIdNeg) defs = fALL;
  if (id == I::kIdInc || id == I::kIdDec) defs = fALL & ~fCF;
  unsigned sz = g.size_any();
  bool lock = g.chance(15);
  Operand d = lock ? Operand(g.mem(sz, sz)) : g.rm(sz, true);
  g.ins(0, defs, 0, id, {d}, lock);
}

// Count operand for shifts/rotates: an immediate, or cl loaded by a setup (pinned first so
// a memory operand's setup cannot clobber rcx). Returns the raw count.
unsigned shift_count(UnitGen& g, unsigned sz, Operand& dst, Operand& cnt, unsigned max_raw = 256) {
  unsigned k =
      g.chance(30) ? static_cast<unsigned>(g.u(max_raw)) : static_cast<unsigned>(g.u(sz * 8 + 2));
  k = std::min(k, max_raw - 1);
  if (g.chance(15)) k = 1;
  if (g.chance(30)) {
    g.pinned |= 1u << 1;
    dst = g.rm(sz, true);
    g.ins(0, 0, 0, I::kIdMov, {x86::ecx, Imm(k)});
    cnt = x86::cl;
  } else {
    dst = g.rm(sz, true);
    cnt = Imm(k);
  }
  return k;
}

void g_shift(UnitGen& g, InstId id) {
  unsigned sz = g.size_any();
  Operand dst, cnt;
  unsigned c = shift_count(g, sz, dst, cnt) & (sz == 8 ? 63 : 31);
  uint16_t defs = 0, undefs = 0;
  if (c) {
    defs = fSF | fZF | fPF;
    undefs = fAF;
    bool cf_ok = id == I::kIdSar || c < sz * 8;  // SDM: SHL/SHR CF undefined for count >= size
    (cf_ok ? defs : undefs) |= fCF;
    (c == 1 ? defs : undefs) |= fOF;
  }
  g.ins(0, defs, undefs, id, {dst, cnt});
}

void g_rotate(UnitGen& g, InstId id) {
  bool rc = id == I::kIdRcl || id == I::kIdRcr;
  if (rc) g.need_flags(fCF);
  unsigned sz = g.size_any();
  Operand dst, cnt;
  unsigned c = shift_count(g, sz, dst, cnt) & (sz == 8 ? 63 : 31);
  uint16_t defs = 0, undefs = 0;
  if (c) {
    defs = fCF;
    (c == 1 ? defs : undefs) |= fOF;
  }
  g.ins(rc ? fCF : 0, defs, undefs, id, {dst, cnt});
}

void g_shxd(UnitGen& g, InstId id) {
  unsigned sz = g.size_wide();
  Operand dst, cnt;
  unsigned raw = shift_count(g, sz, dst, cnt, sz == 2 ? 17 : 256);
  unsigned c = raw & (sz == 8 ? 63 : 31);
  uint16_t defs = 0, undefs = 0;
  if (c) {
    defs = fCF | fSF | fZF | fPF;
    undefs = fAF;
    (c == 1 ? defs : undefs) |= fOF;
  }
  g.ins(0, defs, undefs, id, {dst, g.reg(sz, false), cnt});
}

void g_mul1(UnitGen& g, InstId id) {
  unsigned sz = g.size_any();
  Operand src = g.rm(sz, false);
  uint16_t defs = fCF | fOF, undefs = fALL & ~(fCF | fOF);
  if (sz == 1)
    g.ins(0, defs, undefs, id, {x86::ax, src});
  else
    g.ins(0, defs, undefs, id, {UnitGen::gp(2, sz), UnitGen::gp(0, sz), src});
}

void g_imul(UnitGen& g, InstId id) {
  uint16_t defs = fCF | fOF, undefs = fALL & ~(fCF | fOF);
  switch (g.u(3)) {
    case 0:
      g_mul1(g, id);
      break;
    case 1: {
      unsigned sz = g.size_wide();
      Operand src = g.rm(sz, false);
      g.ins(0, defs, undefs, id, {g.reg(sz, true), src});
      break;
    }
    default: {
      unsigned sz = g.size_wide();
      Operand src = g.rm(sz, false);
      g.ins(0, defs, undefs, id, {g.reg(sz, true), src, Imm(g.imm(sz))});
      break;
    }
  }
}

void g_div(UnitGen& g, InstId id) {
  unsigned sz = g.size_any();
  bool sign = id == I::kIdIdiv;
  g.pinned |= 1u << 0 | 1u << 2;  // rax, rdx: the dividend
  Operand src;
  if (g.chance(35)) {
    src = g.mem(sz);
  } else if (sz == 1) {
    // ah is overwritten by the dividend setup; al is fine (it divides itself).
    do src = g.reg(1, true);
    while (src.as<x86::Gp>().isGpbHi() && src.as<x86::Gp>().id() == 0);
  } else {
    src = UnitGen::gp(g.reg_id(true, 1u << 2), sz);
  }
  // Divisor odd and not -1: no #DE from zero or from MIN / -1.
  g.ins(0, fALL & ~fAF, fAF, I::kIdAnd, {src, Imm(-3)});
  g.ins(0, fALL & ~fAF, fAF, I::kIdOr, {src, Imm(1)});
  if (sign) {
    switch (sz) {
      case 1:
        g.ins(0, 0, 0, I::kIdCbw, {x86::ax});
        break;
      case 2:
        g.ins(0, 0, 0, I::kIdCwd, {x86::dx, x86::ax});
        break;
      case 4:
        g.ins(0, 0, 0, I::kIdCdq, {x86::edx, x86::eax});
        break;
      default:
        g.ins(0, 0, 0, I::kIdCqo, {x86::rdx, x86::rax});
        break;
    }
  } else {
    switch (sz) {
      case 1:
        g.ins(0, 0, 0, I::kIdMov, {x86::ah, Imm(0)});
        break;
      case 2:
        g.ins(0, fALL & ~fAF, fAF, I::kIdXor, {x86::dx, x86::dx});
        break;
      default:
        g.ins(0, fALL & ~fAF, fAF, I::kIdXor, {x86::edx, x86::edx});
        break;
    }
  }
  if (sz == 1)
    g.ins(0, 0, fALL, id, {x86::ax, src});
  else
    g.ins(0, 0, fALL, id, {UnitGen::gp(2, sz), UnitGen::gp(0, sz), src});
}

void g_bt(UnitGen& g, InstId id) {
  unsigned sz = g.size_wide();
  bool writes = id != I::kIdBt;
  uint16_t defs = fCF, undefs = fOF | fSF | fAF | fPF;
  switch (g.u(4)) {
    case 0:
      g.ins(0, defs, undefs, id, {g.reg(sz, writes), g.reg(sz, false)});
      break;
    case 1:
      g.ins(0, defs, undefs, id, {g.reg(sz, writes), Imm(g.u(256))});
      break;
    case 2: {
      bool lock = writes && g.chance(30);
      Operand m = g.mem(sz, lock ? sz : 1);
      g.ins(0, defs, undefs, id, {m, Imm(g.u(256))}, lock);
      break;
    }
    default: {  // [mem] + bit offset register: the offset reaches +-32 bytes
      bool lock = writes && g.chance(30);
      unsigned r = g.setup_reg();
      int64_t k = static_cast<int64_t>(g.u(512)) - 256;
      Operand m = g.mem(sz, lock ? sz : 1);
      g.ins(0, 0, 0, I::kIdMov, {x86::gpq(r), Imm(k)});
      g.ins(0, defs, undefs, id, {m, UnitGen::gp(r, sz)}, lock);
      break;
    }
  }
}

// dst, r/m source; sometimes the source is made zero first (the interesting case).
void g_bitscan(UnitGen& g, InstId id) {
  uint16_t defs = 0, undefs = 0;
  if (id == I::kIdBsf || id == I::kIdBsr) {
    defs = fZF;
    undefs = fALL & ~fZF;
  } else if (id == I::kIdPopcnt)
    defs = fALL;
  else {
    defs = fCF | fZF;
    undefs = fOF | fSF | fAF | fPF;
  }
  unsigned sz = g.size_wide();
  Operand src = g.rm(sz, false);
  if (src.isReg() && g.chance(20)) {
    unsigned r = src.as<x86::Gp>().id();
    if (r != kBaseReg) g.ins(0, 0, 0, I::kIdMov, {UnitGen::gp(r, 4), Imm(0)});
  }
  g.ins(0, defs, undefs, id, {g.reg(sz, true), src});
}

void g_andn(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  Operand src = g.rm(sz, false);
  g.ins(0, fSF | fZF | fCF | fOF, fAF | fPF, id, {g.reg(sz, true), g.reg(sz, false), src});
}

// r/m plus a control register: bextr (start | len << 8), bzhi (index), sarx/shlx/shrx (count).
void g_ctl3(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  uint16_t defs = 0, undefs = 0;
  if (id == I::kIdBextr) {
    defs = fZF | fCF | fOF;
    undefs = fAF | fSF | fPF;
  }
  if (id == I::kIdBzhi) {
    defs = fZF | fCF | fSF | fOF;
    undefs = fAF | fPF;
  }
  Operand src = g.rm(sz, false);
  x86::Gp ctl;
  if (g.chance(50)) {
    unsigned r = g.setup_reg();
    uint64_t v = id == I::kIdBextr ? (g.u(72) | g.u(72) << 8) : g.u(80);
    if (g.chance(20)) v |= g.rng() & ~0xffffull;  // upper bits ignored
    g.ins(0, 0, 0, I::kIdMov, {x86::gpq(r), Imm(static_cast<int64_t>(v))});
    ctl = UnitGen::gp(r, sz);
  } else {
    ctl = g.reg(sz, false);
  }
  g.ins(0, defs, undefs, id, {g.reg(sz, true), src, ctl});
}

void g_bls(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  Operand src = g.rm(sz, false);
  g.ins(0, fSF | fZF | fCF | fOF, fAF | fPF, id, {g.reg(sz, true), src});
}

void g_pdep(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  Operand src = g.rm(sz, false);
  g.ins(0, 0, 0, id, {g.reg(sz, true), g.reg(sz, false), src});
}

void g_rorx(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  Operand src = g.rm(sz, false);
  g.ins(0, 0, 0, id, {g.reg(sz, true), src, Imm(g.u(256))});
}

void g_mulx(UnitGen& g, InstId id) {
  unsigned sz = g.size_32_64();
  Operand src = g.rm(sz, false);
  unsigned hi = g.reg_id(true);
  unsigned lo = g.reg_id(true, 1u << hi);
  g.ins(0, 0, 0, id, {UnitGen::gp(hi, sz), UnitGen::gp(lo, sz), src, UnitGen::gp(2, sz)});
}

void g_bswap(UnitGen& g, InstId id) {
  g.ins(0, 0, 0, id, {g.reg(g.size_32_64(), true)});
}

void g_xchg(UnitGen& g, InstId id) {
  unsigned sz = g.size_any();
  if (g.chance(50)) {
    g.ins(0, 0, 0, id, {g.reg(sz, true), g.reg(sz, true)});
  } else {
    bool lock = g.chance(30);
    Operand m = g.mem(sz, sz);  // implicitly locked: keep it aligned
    if (g.chance(50))
      g.ins(0, 0, 0, id, {m, g.reg(sz, true)}, lock);
    else
      g.ins(0, 0, 0, id, {g.reg(sz, true), m});
  }
}

void g_xadd_cmpxchg(UnitGen& g, InstId id) {
  unsigned sz = g.size_any();
  bool cx = id == I::kIdCmpxchg;
  if (cx) g.pinned |= 1u << 0;
  bool lock = g.chance(40);
  Operand dst = lock || g.chance(40) ? Operand(g.mem(sz, lock ? sz : 1)) : Operand(g.reg(sz, true));
  if (cx && g.chance(40))
    g.ins(0, 0, 0, I::kIdMov, {UnitGen::gp(0, sz), dst});  // take the equal path
  Operand src = g.reg(sz, true);
  if (cx)
    g.ins(0, fALL, 0, id, {dst, src, UnitGen::gp(0, sz)}, lock && dst.isMem());
  else
    g.ins(0, fALL, 0, id, {dst, src}, lock && dst.isMem());
}

// cmpxchg16b m128 / cmpxchg8b m64: rdx:rax (edx:eax) against memory, rcx:rbx (ecx:ebx)
// stored; half the time the pair is loaded from memory first so the exchange succeeds.
// cmpxchg16b needs a 16-aligned operand, cmpxchg8b any alignment.
void g_cmpxchg_pair(UnitGen& g, InstId id) {
  g.pinned |= 0xf;  // rax rcx rdx rbx
  const bool wide = id == I::kIdCmpxchg16b;
  const unsigned half = wide ? 8 : 4;
  x86::Mem m = g.mem(2 * half, wide ? 16 : 1);
  auto reg = [&](unsigned id) { return wide ? x86::Gp(x86::gpq(id)) : x86::Gp(x86::gpd(id)); };
  const x86::Gp ax = reg(x86::Gp::kIdAx), dx = reg(x86::Gp::kIdDx);
  if (g.chance(50)) {
    x86::Mem lo = m, hi = m;
    lo.setSize(half);
    hi.setSize(half);
    hi.addOffset(half);
    g.ins(0, 0, 0, I::kIdMov, {ax, lo});
    g.ins(0, 0, 0, I::kIdMov, {dx, hi});
  }
  const x86::Gp cx = reg(x86::Gp::kIdCx), bx = reg(x86::Gp::kIdBx);
  g.ins(0, fZF, 0, id, {m, dx, ax, cx, bx}, g.chance(50));
}

void g_setcc(UnitGen& g, InstId) {
  int cc = g.pick_cond();
  Operand d = g.rm(1, true, 30);
  g.ins(kCondReads[cc], 0, 0, I::setccFromCond(static_cast<x86::CondCode>(cc)), {d});
}

void g_cmovcc(UnitGen& g, InstId) {
  int cc = g.pick_cond();
  unsigned sz = g.size_wide();
  Operand src = g.rm(sz, false);
  g.ins(kCondReads[cc], 0, 0, I::cmovccFromCond(static_cast<x86::CondCode>(cc)),
        {g.reg(sz, true), src});
}

void g_cbw(UnitGen& g, InstId) {
  switch (g.u(3)) {
    case 0:
      g.ins(0, 0, 0, I::kIdCbw, {x86::ax});
      break;
    case 1:
      g.ins(0, 0, 0, I::kIdCwde, {x86::eax});
      break;
    default:
      g.ins(0, 0, 0, I::kIdCdqe, {x86::rax});
      break;
  }
}

void g_cwd(UnitGen& g, InstId) {
  switch (g.u(3)) {
    case 0:
      g.ins(0, 0, 0, I::kIdCwd, {x86::dx, x86::ax});
      break;
    case 1:
      g.ins(0, 0, 0, I::kIdCdq, {x86::edx, x86::eax});
      break;
    default:
      g.ins(0, 0, 0, I::kIdCqo, {x86::rdx, x86::rax});
      break;
  }
}

constexpr uint16_t kLahfFlags = fSF | fZF | fAF | fPF | fCF;
void g_lahf(UnitGen& g, InstId id) {
  g.need_flags(kLahfFlags);
  g.ins(kLahfFlags, 0, 0, id, {x86::ah});
}
void g_sahf(UnitGen& g, InstId id) {
  g.ins(0, kLahfFlags, 0, id, {x86::ah});
}

void g_flag(UnitGen& g, InstId id) {
  if (id == I::kIdCmc) g.need_flags(fCF);
  g.ins(id == I::kIdCmc ? fCF : 0, id == I::kIdCld || id == I::kIdStd ? 0 : fCF, 0, id, {});
}

void g_nop(UnitGen& g, InstId id) {
  if (g.chance(30)) {
    g.ins(0, 0, 0, id, {});
  } else {
    unsigned sz = g.chance(50) ? 2 : 4;
    x86::Mem m = x86::ptr(x86::gpq(g.reg_id(false)), x86::gpq(g.reg_id(false)),
                          static_cast<unsigned>(g.u(4)), static_cast<int32_t>(g.u(256)), sz);
    g.ins(0, 0, 0, id, {m});
  }
}

// Loads from [rip + disp], disp pointing back into the code page (see kCodePad).
void g_riprel(UnitGen& g, InstId) {
  unsigned sz = g.size_any();
  x86::Mem m = x86::ptr(x86::rip, -static_cast<int32_t>(16 + g.u(kCodePad - 32)), sz);
  switch (g.u(5)) {
    case 0:
      g.ins(0, 0, 0, I::kIdMov, {g.reg(sz, true), m});
      break;
    case 1:
      g.ins(0, fALL, 0, I::kIdAdd, {g.reg(sz, true), m});
      break;
    case 2:
      g.ins(0, fALL, 0, I::kIdCmp, {g.reg(sz, false), m});
      break;
    case 3:
      g.ins(0, fALL & ~fAF, fAF, I::kIdXor, {g.reg(sz, true), m});
      break;
    default: {
      m.setSize(g.chance(50) ? 1 : 2);
      g.ins(0, 0, 0, I::kIdMovzx, {g.reg(m.size() == 1 ? g.size_wide() : 4, true), m});
      break;
    }
  }
}

// ---- control transfers ------------------------------------------------------------------
// They only ever go forward inside their own unit, so the sequence stays straight-line
// code as a whole; each one ends a block, which makes the translated code exit, chain
// or probe the indirect-branch table. A skipped instruction touches no flags (the flag
// bookkeeping is linear) and only writes a register the unit owns.

// An instruction that may be skipped: writes one register, no flags.
size_t skippable(UnitGen& g) {
  size_t before = g.unit.insns.size();
  unsigned sz = g.size_32_64();
  switch (g.u(3)) {
    case 0: g.ins(0, 0, 0, I::kIdMov, {g.reg(sz, true), Imm(g.u(1u << 31))}); break;
    case 1: g.ins(0, 0, 0, I::kIdNot, {g.reg(sz, true)}); break;
    default: g.ins(0, 0, 0, I::kIdLea, {g.reg(sz, true), x86::ptr(x86::gpq(g.reg_id(false)), 8)}); break;
  }
  return g.failed ? 0 : g.unit.insns[before].bytes.size();
}

// jcc rel8 over one instruction (taken or not, depending on the flags).
void g_jcc(UnitGen& g, InstId) {
  int cc = g.pick_cond();
  size_t at = g.unit.insns.size();
  size_t n = skippable(g);
  g.raw(at, {static_cast<uint8_t>(0x70 + cc), static_cast<uint8_t>(n)}, kCondReads[cc]);
}

// jmp rel8 / rel32 over one instruction that never runs.
void g_jmp(UnitGen& g, InstId) {
  size_t at = g.unit.insns.size();
  size_t n = skippable(g);
  if (g.chance(50)) g.raw(at, {0xeb, static_cast<uint8_t>(n)}, 0);
  else g.raw(at, {0xe9, static_cast<uint8_t>(n), 0, 0, 0}, 0);
}

// lea r, [rip + k] with k chosen so r = the address just past the next `after` bytes.
void lea_past(UnitGen& g, unsigned r, size_t after) {
  std::vector<uint8_t> b;
  if (!encode(I::kIdLea, {x86::gpq(r), x86::ptr(x86::rip, static_cast<int32_t>(after))}, false, b)) {
    g.failed = true;
    return;
  }
  g.raw(g.unit.insns.size(), std::move(b), 0);
}

// lea r, [rip + k]; jmp r  (or: mov [r15 + d], r; jmp [r15 + d]), the target being the
// next instruction. r holds a code address, the same in both runs.
void g_jmpind(UnitGen& g, InstId) {
  unsigned r = g.reg_id(true);
  if (g.chance(60)) {
    std::vector<uint8_t> jmp = {static_cast<uint8_t>(r >= 8 ? 0x41 : 0x40), 0xff,
                                static_cast<uint8_t>(0xe0 | (r & 7))};
    lea_past(g, r, jmp.size());
    g.raw(g.unit.insns.size(), jmp, 0);
  } else {
    int32_t d = static_cast<int32_t>(g.u(kMemSpan / 8)) * 8;
    std::vector<uint8_t> mov = {static_cast<uint8_t>(r >= 8 ? 0x4d : 0x49), 0x89,
                                static_cast<uint8_t>(0x87 | (r & 7) << 3), 0, 0, 0, 0};  // mov [r15+d32], r
    std::vector<uint8_t> jmp = {0x41, 0xff, 0xa7, 0, 0, 0, 0};  // jmp qword [r15 + d32]
    memcpy(&mov[3], &d, 4);
    memcpy(&jmp[3], &d, 4);
    lea_past(g, r, mov.size() + jmp.size());
    g.raw(g.unit.insns.size(), mov, 0);
    g.raw(g.unit.insns.size(), jmp, 0);
  }
}

// call +0; pop r: a call whose return address is popped (ExitCall, push through rsp).
void g_callpop(UnitGen& g, InstId) {
  unsigned r = g.reg_id(true);
  g.raw(g.unit.insns.size(), {0xe8, 0, 0, 0, 0}, 0);
  g.ins(0, 0, 0, I::kIdPop, {x86::gpq(r)});
}

// lea r, [rip + k]; push r; ret: a return to the next instruction (ExitInd, return hint).
void g_pushret(UnitGen& g, InstId) {
  unsigned r = g.reg_id(true);
  std::vector<uint8_t> push = {static_cast<uint8_t>(0x50 | (r & 7))};
  if (r >= 8) push.insert(push.begin(), 0x41);
  lea_past(g, r, push.size() + 1);
  g.raw(g.unit.insns.size(), push, 0);
  g.raw(g.unit.insns.size(), {0xc3}, 0);
}

enum Feature : uint8_t { kBase, kBmi1, kBmi2, kLzcnt, kPopcnt };

struct KindDef {
  const char* name;
  void (*gen)(UnitGen&, InstId);
  InstId id;
  unsigned weight;
  Feature feature;
};

const KindDef kKinds[] = {
    {"mov", g_mov, I::kIdMov, 6, kBase},
    {"movzx", g_movx, I::kIdMovzx, 3, kBase},
    {"movsx", g_movx, I::kIdMovsx, 3, kBase},
    {"movsxd", g_movx, I::kIdMovsxd, 2, kBase},
    {"lea", g_lea, I::kIdLea, 4, kBase},
    {"add", g_alu2, I::kIdAdd, 5, kBase},
    {"adc", g_alu2, I::kIdAdc, 4, kBase},
    {"sub", g_alu2, I::kIdSub, 5, kBase},
    {"sbb", g_alu2, I::kIdSbb, 4, kBase},
    {"and", g_alu2, I::kIdAnd, 4, kBase},
    {"or", g_alu2, I::kIdOr, 4, kBase},
    {"xor", g_alu2, I::kIdXor, 4, kBase},
    {"cmp", g_alu2, I::kIdCmp, 4, kBase},
    {"test", g_alu2, I::kIdTest, 4, kBase},
    {"inc", g_unary, I::kIdInc, 3, kBase},
    {"dec", g_unary, I::kIdDec, 3, kBase},
    {"neg", g_unary, I::kIdNeg, 3, kBase},
    {"not", g_unary, I::kIdNot, 2, kBase},
    {"shl", g_shift, I::kIdShl, 4, kBase},
    {"shr", g_shift, I::kIdShr, 4, kBase},
    {"sar", g_shift, I::kIdSar, 4, kBase},
    {"rol", g_rotate, I::kIdRol, 3, kBase},
    {"ror", g_rotate, I::kIdRor, 3, kBase},
    {"rcl", g_rotate, I::kIdRcl, 3, kBase},
    {"rcr", g_rotate, I::kIdRcr, 3, kBase},
    {"shld", g_shxd, I::kIdShld, 3, kBase},
    {"shrd", g_shxd, I::kIdShrd, 3, kBase},
    {"mul", g_mul1, I::kIdMul, 3, kBase},
    {"imul", g_imul, I::kIdImul, 4, kBase},
    {"div", g_div, I::kIdDiv, 3, kBase},
    {"idiv", g_div, I::kIdIdiv, 3, kBase},
    {"bt", g_bt, I::kIdBt, 2, kBase},
    {"bts", g_bt, I::kIdBts, 2, kBase},
    {"btr", g_bt, I::kIdBtr, 2, kBase},
    {"btc", g_bt, I::kIdBtc, 2, kBase},
    {"bsf", g_bitscan, I::kIdBsf, 2, kBase},
    {"bsr", g_bitscan, I::kIdBsr, 2, kBase},
    {"lzcnt", g_bitscan, I::kIdLzcnt, 2, kLzcnt},
    {"tzcnt", g_bitscan, I::kIdTzcnt, 2, kBmi1},
    {"popcnt", g_bitscan, I::kIdPopcnt, 2, kPopcnt},
    {"andn", g_andn, I::kIdAndn, 2, kBmi1},
    {"bextr", g_ctl3, I::kIdBextr, 2, kBmi1},
    {"blsi", g_bls, I::kIdBlsi, 2, kBmi1},
    {"blsr", g_bls, I::kIdBlsr, 2, kBmi1},
    {"blsmsk", g_bls, I::kIdBlsmsk, 2, kBmi1},
    {"bzhi", g_ctl3, I::kIdBzhi, 2, kBmi2},
    {"pdep", g_pdep, I::kIdPdep, 2, kBmi2},
    {"pext", g_pdep, I::kIdPext, 2, kBmi2},
    {"sarx", g_ctl3, I::kIdSarx, 2, kBmi2},
    {"shlx", g_ctl3, I::kIdShlx, 2, kBmi2},
    {"shrx", g_ctl3, I::kIdShrx, 2, kBmi2},
    {"rorx", g_rorx, I::kIdRorx, 2, kBmi2},
    {"mulx", g_mulx, I::kIdMulx, 2, kBmi2},
    {"bswap", g_bswap, I::kIdBswap, 2, kBase},
    {"xchg", g_xchg, I::kIdXchg, 3, kBase},
    {"cmpxchg", g_xadd_cmpxchg, I::kIdCmpxchg, 3, kBase},
    {"xadd", g_xadd_cmpxchg, I::kIdXadd, 3, kBase},
    {"cmpxchg16b", g_cmpxchg_pair, I::kIdCmpxchg16b, 1, kBase},
    {"cmpxchg8b", g_cmpxchg_pair, I::kIdCmpxchg8b, 1, kBase},
    {"setcc", g_setcc, I::kIdNone, 5, kBase},
    {"cmovcc", g_cmovcc, I::kIdNone, 5, kBase},
    {"cbw", g_cbw, I::kIdNone, 2, kBase},
    {"cwd", g_cwd, I::kIdNone, 2, kBase},
    {"lahf", g_lahf, I::kIdLahf, 2, kBase},
    {"sahf", g_sahf, I::kIdSahf, 2, kBase},
    {"clc", g_flag, I::kIdClc, 1, kBase},
    {"stc", g_flag, I::kIdStc, 1, kBase},
    {"cmc", g_flag, I::kIdCmc, 1, kBase},
    {"cld", g_flag, I::kIdCld, 1, kBase},
    {"std", g_flag, I::kIdStd, 1, kBase},
    {"nop", g_nop, I::kIdNop, 1, kBase},
    {"riprel", g_riprel, I::kIdNone, 2, kBase},
    {"jcc", g_jcc, I::kIdNone, 3, kBase},
    {"jmp", g_jmp, I::kIdNone, 1, kBase},
    {"jmpind", g_jmpind, I::kIdNone, 2, kBase},
    {"callpop", g_callpop, I::kIdNone, 1, kBase},
    {"pushret", g_pushret, I::kIdNone, 1, kBase},
};

bool available(const KindDef& k, const GenOptions& o) {
  switch (k.feature) {
    case kBmi1:
      return o.bmi1;
    case kBmi2:
      return o.bmi2;
    case kLzcnt:
      return o.lzcnt;
    case kPopcnt:
      return o.popcnt;
    default:
      return true;
  }
}

}  // namespace

std::vector<std::string> all_kinds() {
  std::vector<std::string> v;
  for (const auto& k : kKinds) v.push_back(k.name);
  return v;
}

bool is_kind(const std::string& name) {
  for (const auto& k : kKinds)
    if (name == k.name) return true;
  return false;
}

std::optional<uint16_t> defined_flags(const std::vector<Unit>& units) {
  uint16_t d = fALL;
  for (const auto& u : units)
    for (const auto& in : u.insns) {
      if (in.reads & ~d) return std::nullopt;
      d = static_cast<uint16_t>((d | in.defs) & ~in.undefs);
    }
  return d;
}

Generator::Generator(const GenOptions& opt, uint64_t mem_addr) : opt_(opt), mem_addr_(mem_addr) {}

Case Generator::generate(uint64_t seed) {
  Rng rng(seed);
  Case c;
  c.seed = seed;
  for (auto& r : c.init.gpr) r = interesting(rng);
  c.init.gpr[kRsp] = 0;
  c.init.gpr[kBaseReg] = mem_addr_ + kMemBase;
  c.init.rflags = (rng() & fALL) | 0x202;
  c.mem.resize(kMemSize);
  for (unsigned i = 0; i < kMemSize; i += 8) {
    uint64_t v = rng() % 4 == 0 ? interesting(rng) : rng();
    memcpy(&c.mem[i], &v, 8);
  }

  std::vector<const KindDef*> kinds;
  std::vector<unsigned> weights;
  for (const auto& k : kKinds) {
    if (!available(k, opt_)) continue;
    if (!opt_.only.empty() &&
        std::find(opt_.only.begin(), opt_.only.end(), k.name) == opt_.only.end())
      continue;
    kinds.push_back(&k);
    weights.push_back(k.weight);
  }
  if (kinds.empty()) return c;
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());

  unsigned n = 1 + static_cast<unsigned>(rng() % std::max(1u, opt_.max_len));
  uint16_t defined = fALL;
  for (unsigned i = 0; i < n; ++i) {
    for (int attempt = 0; attempt < 40; ++attempt) {
      const KindDef& k = *kinds[pick(rng)];
      UnitGen g(rng, defined, k.name, opt_.addr32);
      k.gen(g, k.id);
      if (g.failed || g.unit.insns.empty()) continue;
      if (accept_ && !accept_(g.unit)) continue;
      defined = g.defined;
      c.units.push_back(std::move(g.unit));
      break;
    }
  }
  return c;
}

std::string disasm(const std::vector<uint8_t>& bytes, uint64_t addr) {
  ZydisDisassembledInstruction d;
  if (!ZYAN_SUCCESS(
          ZydisDisassembleIntel(ZYDIS_MACHINE_MODE_LONG_64, addr, bytes.data(), bytes.size(), &d)))
    return "(undecodable)";
  return d.text;
}

}  // namespace retrace::difftest
