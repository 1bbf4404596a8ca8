// The interpreter tier: runs one IR block against a MachineState.
//
// Dispatch is computed goto over a label table generated from ops.def, so a missing op
// is a compile error. Profiling (block and edge counts) is done by the caller's dispatch
// loop (runtime/dispatcher), not inside op bodies.
#pragma once

#include <csetjmp>
#include <cstdint>

#include "ir/ir.h"
#include "ir/state.h"

namespace retrace::ir {

enum class ExitKind : uint8_t { Jump, Branch, Indirect, Call, Syscall, Trap, Halt };

struct Exit {
  ExitKind kind;
  uint8_t hint;   // ExitHint for Indirect
  bool taken;     // Branch: whether the taken edge was followed
  uint64_t next;  // next guest pc (the faulting pc for Trap)
};

Exit interpret(const Block& b, MachineState& st);

// Runs one non-terminator instruction (the native tier's fallback for ops it does not
// emit inline). guest_pc is the guest instruction it belongs to. Returns true when it
// raised a guest signal: st.trap_* say which, st.rip = guest_pc.
bool interpret_one(const Inst& in, MachineState& st, uint64_t guest_pc);

// Guest memory faults. Guest addresses are host addresses, so a bad guest access faults
// in retrace's own process. Before each memory-touching op the interpreter records which
// instruction it is running; the runtime's SIGSEGV/SIGBUS handler, seeing `inst` set,
// records the fault and siglongjmps to `jb` (set by the dispatch loop).
struct FaultContext {
  const Block* block = nullptr;
  const Inst* inst = nullptr;
  sigjmp_buf* jb = nullptr;
  uint64_t fault_addr = 0;
  uint64_t page_fault_err = 0;  // the host's page-fault error code (bit 1: a write)
  int signal = 0;
  int code = 0;
  // Set by the fault handler when the fault was in translated code (inst is then null).
  bool in_translated = false;
  uint64_t guest_pc = 0;
};
extern thread_local FaultContext t_fault;

// cpuid as implemented by retrace: exactly the features the frontend and tiers support.
void cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4]);

}  // namespace retrace::ir
