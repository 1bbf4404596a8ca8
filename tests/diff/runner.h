// Runs a case natively, under retrace's interpreter tiers and under its native tier, and
// compares the results.
//
//   code page (RWX, fixed address):  [prologue][units' bytes][epilogue]
//                                               ^S            ^E
// Native: the thunk loads every GPR but rsp and RFLAGS from a Regs, falls through the
// sequence, stores them back. Retrace: decode from S with a code reader that sees only
// [S, E), run blocks until the pc reaches E (a block decoded up to E ends in a fetch trap
// at E, which is the normal end here).
//
// Native tier (backend::Translator, a private CodeCache per configuration, flushed before
// every case because every case reuses the same guest addresses):
//
//   S ─► [tb0] ──chained jmp──► [tb1] ──► ... ──► [tbN: ExitTrap(SIGSEGV) at E]
//          │ exit stub (next block not translated yet)          │ trap exit
//          ▼                                                    ▼
//        Translator::run returns, st.rip = next pc      run returns Trap, st.rip == E: done
//
// The block at E is never decoded as code of its own, so the fetch trap is what leaves
// the cache at the end whichever way the blocks were chained.
#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "tests/diff/difftest.h"

namespace retrace::codecache {
class CodeCache;
}
namespace retrace::backend {
class Translator;
}

namespace retrace::difftest {

enum class Tier {
  Block,       // interpreter, 64-insn blocks
  Single,      // interpreter, 1-insn blocks
  Passes,      // interpreter, 64-insn blocks after the default passes
  Native,      // native tier, 64-insn blocks + passes, translated on first use
  NativeOne,   // native tier, 1-insn blocks + passes, all translated up front (chained)
  NativeTiny,  // native tier, 2-insn blocks + passes, 4 KiB cache (flushed and redone)
};
inline constexpr Tier kAllTiers[] = {Tier::Block,  Tier::Single,    Tier::Passes,
                                     Tier::Native, Tier::NativeOne, Tier::NativeTiny};
const char* tier_name(Tier t);
bool is_native(Tier t);

enum class Status { Pass, Mismatch, Unsupported, NativeFault, RetraceFault, BadExit, BadIr };
const char* status_name(Status s);

// What the native tiers did, summed over all cases (shows each variant exercises what it is
// there for: chaining, flushes on a full cache).
struct NativeStats {
  uint64_t cases = 0;
  uint64_t translations = 0;
  uint64_t full_flushes = 0;   // translate() returned nullptr: flushed and retried
  uint64_t entries = 0;        // Translator::run calls
  uint64_t guest_blocks = 0;   // blocks the sequence consists of (sum over cases)
  uint64_t retranslated = 0;   // translated again with every lazy-flag store kept
};

struct Outcome {
  Status status = Status::Pass;
  Tier tier = Tier::Block;
  std::string detail;      // differing fields, the trap, the verifier message
  std::string diagnostic;  // frontend diagnostic (unsupported instruction)
  std::string ir;          // IR of the blocks run, when failing (+ host code, native tiers)
};

class Runner {
 public:
  Runner();
  ~Runner();
  uint64_t mem_addr() const { return reinterpret_cast<uint64_t>(mem_); }
  // Runs `units` from c's initial state natively and in each tier; the first failure wins.
  Outcome check(const Case& c, const std::vector<Unit>& units);
  // The tiers check() runs (default: all of kAllTiers).
  std::vector<Tier> tiers{std::begin(kAllTiers), std::end(kAllTiers)};
  // Only asks the frontend whether it supports every instruction of the unit.
  bool supported(const Unit& u, std::string* diagnostic = nullptr);
  NativeStats native_stats[std::size(kAllTiers)];
  bool capture_ir = false;     // keep the printed IR (and host code) of every block run
  uint64_t corrupt_seed = 0;  // nonzero: flip one compared bit of retrace's result (--self-check)

 private:
  size_t place(const std::vector<Unit>& units);  // copies code, returns E - S
  bool run_native(const Case& c, Regs& out, std::string& err);
  void init_state(const Case& c);
  Outcome run_retrace(const Case& c, Tier tier, Regs& out);
  Outcome run_translated(const Case& c, Tier tier, Regs& out);
  void read_back(Regs& out);
  void corrupt(uint64_t seed, uint64_t cmp_flags, Regs& r);

  uint8_t* code_ = nullptr;
  size_t code_cap_ = 0;
  uint8_t* mem_ = nullptr;
  uint8_t* stack_ = nullptr;  // rsp of the retrace runs (rsp is not compared)
  std::vector<uint8_t> prologue_, epilogue_;
  uint64_t seq_start_ = 0, seq_end_ = 0;
  void* state_ = nullptr;  // ir::MachineState (large; kept out of this header)
  std::unique_ptr<codecache::CodeCache> cache_, tiny_cache_;
  std::unique_ptr<backend::Translator> translator_, tiny_translator_;
};

}  // namespace retrace::difftest
