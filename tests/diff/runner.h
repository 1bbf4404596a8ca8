// Runs a case natively and under retrace's interpreter tiers and compares the results.
//
//   code page (RWX, fixed address):  [prologue][units' bytes][epilogue]
//                                               ^S            ^E
// Native: the thunk loads every GPR but rsp and RFLAGS from a Regs, falls through the
// sequence, stores them back. Retrace: decode from S with a code reader that sees only
// [S, E), run blocks until the pc reaches E (a block decoded up to E ends in a fetch trap
// at E, which is the normal end here).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/diff/difftest.h"

namespace retrace::difftest {

enum class Tier { Block, Single, Passes };  // 64-insn blocks; 1-insn blocks; blocks + passes
const char* tier_name(Tier t);

enum class Status { Pass, Mismatch, Unsupported, NativeFault, RetraceFault, BadExit, BadIr };
const char* status_name(Status s);

struct Outcome {
  Status status = Status::Pass;
  Tier tier = Tier::Block;
  std::string detail;      // differing fields, the trap, the verifier message
  std::string diagnostic;  // frontend diagnostic (unsupported instruction)
  std::string ir;          // IR of the blocks run, when failing
};

class Runner {
 public:
  Runner();
  ~Runner();
  uint64_t mem_addr() const { return reinterpret_cast<uint64_t>(mem_); }
  // Runs `units` from c's initial state natively and in each tier; the first failure wins.
  Outcome check(const Case& c, const std::vector<Unit>& units);
  // Only asks the frontend whether it supports every instruction of the unit.
  bool supported(const Unit& u, std::string* diagnostic = nullptr);
  bool capture_ir = false;
  uint64_t corrupt_seed = 0;  // nonzero: flip one compared bit of retrace's result (--self-check)
                              // // keep the printed IR of every block run (for reports)

 private:
  size_t place(const std::vector<Unit>& units);  // copies code, returns E - S
  bool run_native(const Case& c, Regs& out, std::string& err);
  Outcome run_retrace(const Case& c, Tier tier, Regs& out);
  void corrupt(uint64_t seed, uint64_t cmp_flags, Regs& r);

  uint8_t* code_ = nullptr;
  size_t code_cap_ = 0;
  uint8_t* mem_ = nullptr;
  std::vector<uint8_t> prologue_, epilogue_;
  uint64_t seq_start_ = 0, seq_end_ = 0;
  void* state_ = nullptr;  // ir::MachineState (large; kept out of this header)
};

}  // namespace retrace::difftest
