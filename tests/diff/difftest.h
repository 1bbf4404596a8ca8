// Differential fuzzer: random straight-line x86-64 code, run natively and under retrace.
//
// The host is the oracle (CONVENTIONS.md, Tests 2). A case is a seeded random sequence of
// *units*; a unit is one instruction under test plus the setup instructions that make it
// safe and deterministic (a known bit offset before `bt [mem], reg`, a nonzero divisor and
// small dividend before `div`, a known index register before [base + idx*scale + disp]).
//
//   case  = initial GPRs + RFLAGS status bits + scratch memory bytes + units[]
//   unit  = kind ("add", "shl", "cmovcc", ...) + insns[] (setup..., the instruction)
//   insn  = bytes + flags read / defined / made undefined (SDM), so the generator never
//           emits an instruction that reads an undefined flag and the comparison only
//           looks at flags that are defined at the end.
//
// RIP-relative loads (kind "riprel") read up to kCodePad bytes back from the instruction:
// the code page starts with kCodePad fixed bytes, so they stay inside it.
//
// Memory: one scratch buffer at a fixed address shared by both runs (the native run
// goes first, its result is saved, the buffer is reset, then retrace runs). r15 holds
// kMemBase throughout and is never written, so every GPR, pointers included, compares
// equal between the runs. rsp is never an explicit operand (callpop/pushret push and pop).
//
//   scratch page (kMemSize bytes)
//   +----------------------------+----------------------------+
//   | -kMemBase ...          -1  | 0 ...       kMemSize-kMemBase |   offsets from r15
//   +----------------------------+----------------------------+
//                                ^ r15
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace retrace::difftest {

inline constexpr unsigned kMemSize = 1024;
inline constexpr int kMemBase = 512;  // r15 = scratch + kMemBase
inline constexpr int kMemSpan = 400;  // generated offsets stay in [-kMemSpan, kMemSpan)
inline constexpr unsigned kBaseReg = 15;
inline constexpr unsigned kCodePad = 256;
inline constexpr unsigned kRsp = 4;

// RFLAGS status bits.
inline constexpr uint16_t fCF = 1 << 0, fPF = 1 << 2, fAF = 1 << 4, fZF = 1 << 6, fSF = 1 << 7,
                          fOF = 1 << 11;
inline constexpr uint16_t fALL = fCF | fPF | fAF | fZF | fSF | fOF;
inline constexpr uint64_t kDF = 1 << 10;

// The register file both runs start from and end in. The native thunk relies on the layout.
struct Regs {
  uint64_t gpr[16];
  uint64_t rflags;
};

struct Insn {
  std::vector<uint8_t> bytes;
  uint16_t reads = 0;   // status flags it reads
  uint16_t defs = 0;    // status flags it leaves defined
  uint16_t undefs = 0;  // status flags it leaves undefined
};

struct Unit {
  std::string kind;
  std::vector<Insn> insns;  // setup instructions first, the instruction under test last
};

struct Case {
  uint64_t seed = 0;
  Regs init{};
  std::vector<uint8_t> mem;  // kMemSize initial bytes
  std::vector<Unit> units;
};

// Status flags defined after running `units` from a fully defined RFLAGS, or nullopt when
// some instruction reads a flag that is undefined at that point.
std::optional<uint16_t> defined_flags(const std::vector<Unit>& units);

struct GenOptions {
  unsigned max_len = 30;          // units per case: 1..max_len
  std::vector<std::string> only;  // restrict to these kinds (empty: all)
  bool bmi1 = false, bmi2 = false, lzcnt = false, popcnt = false;  // host features
  bool addr32 = false;  // the scratch buffer is below 2 GiB: [r15d + ...] (67 prefix) reaches it
};

// All kinds the generator knows, in table order.
std::vector<std::string> all_kinds();
bool is_kind(const std::string& k);

// Deterministic: the same seed, scratch address and options give the same case.
// `accept`, if given, can veto a unit (used to skip instructions retrace does not yet support).
class Generator {
 public:
  Generator(const GenOptions& opt, uint64_t mem_addr);
  template <typename F>
  void set_filter(F f) {
    accept_ = f;
  }
  Case generate(uint64_t seed);

 private:
  GenOptions opt_;
  uint64_t mem_addr_;
  std::function<bool(const Unit&)> accept_;
};

// Intel-syntax text of one instruction (Zydis), for reports.
std::string disasm(const std::vector<uint8_t>& bytes, uint64_t addr);

}  // namespace retrace::difftest
