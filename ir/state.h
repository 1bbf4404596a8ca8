// MachineState: the slot frame the IR addresses, one per guest thread.
//
// The runtime's guest thread embeds it; the interpreter and (later) translated code read
// and write it directly. Slot layout is documented in ir.h.
#pragma once

#include <cstdint>

#include "ir/ir.h"

namespace retrace::ir {

struct PortIo;  // PC guests: port I/O callbacks (devices/ fills it)

// x87 FPU state: 80-bit registers as host long double (same ISA, same precision).
struct X87State {
  long double st[8] = {};  // physical registers; st(i) is st[(top + i) & 7]
  uint16_t fcw = 0x037f;   // control word: all exceptions masked, 64-bit precision, nearest
  uint16_t fsw = 0;        // status word without TOP (TOP is kept in `top`)
  uint16_t ftw = 0xffff;   // tag word: 11 = empty for every register
  unsigned top = 0;
  uint64_t last_ip = 0, last_dp = 0;
  uint16_t last_opcode = 0;
  uint16_t last_cs = 0;    // FCS: the code segment of FIP (0 where the CPU deprecates it)
};

struct alignas(64) MachineState {
  uint64_t slot[kNumSlots] = {};
  uint64_t rip = 0;
  X87State x87;

  // Filled by the interpreter when a TR op raises a guest signal.
  int trap_signal = 0;
  int trap_code = 0;
  uint64_t trap_addr = 0;
  uint64_t trap_err = 0;  // page-fault error code of a memory fault (0: not known)

  // Set (by a signal handler, another thread) to make translated code return to the
  // dispatcher at the next block entry: the safe point for asynchronous events.
  volatile uint32_t pending_exit = 0;

  // The native tier's: host stack pointer at entry to translated code, and the lowest
  // it lets the return-address stack (host call/ret pairs for guest call/ret) grow to.
  uint64_t host_rsp = 0;
  uint64_t ras_limit = 0;

  PortIo* ports = nullptr;
  // Runtime helpers for CallHelper (JVM natives, ...): helper[imm](state, a, b, c).
  using Helper = uint64_t (*)(MachineState&, uint64_t, uint64_t, uint64_t);
  const Helper* helpers = nullptr;
  unsigned num_helpers = 0;

  uint64_t& gpr(unsigned i) { return slot[i]; }
  MachineState() {
    slot[kSlotCtlFlags] = rflags::kFixed | rflags::IF;
    slot[kSlotCcOp] = cc_op(CcKind::Eager, Type::I64);
    slot[kSlotMxcsr] = 0x1f80;
  }
};

struct PortIo {
  virtual ~PortIo() = default;
  virtual uint64_t in(uint16_t port, unsigned bytes) = 0;
  virtual void out(uint16_t port, unsigned bytes, uint64_t value) = 0;
};

}  // namespace retrace::ir
