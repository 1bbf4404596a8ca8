// The native tier's backend: lowers an IR block to x86-64 with asmjit and places it in
// the code cache.
//
// Translated code runs with r15 = &MachineState (its slot array is at offset 0): guest
// registers, lazy flags and temps all have a slot [r15 + slot*8]. Eight guest GPRs (rsp
// rax rdi rsi rdx rcx rbx rbp) live in host registers across all translated code; the
// others and the IR's temps are cached in three more host registers within a block (dirty
// ones written back at exits); guest xmm registers and V128 temps are cached in host
// xmm2..xmm15 within a block (write-back as well). Guest flags stay in the host flags
// from a producer to its readers in the same block and are stored lazily only where a
// later block may read them. Guest rsp updates by a constant (push, pop, call, ret) are
// deferred within a block: its host register lags the guest rsp, rsp-based memory
// operands add the lag, and one lea syncs it before other uses, calls and exits. A fault
// in translated code is precise: the pinned registers come from the signal context, and
// a per-range recovery table says where dirty cached GPRs and xmm registers were and by
// how much rsp lagged.
//
// Ops without a native handler here run through ir::interpret_one (one helper call), so
// every op works in this tier from the start; the hot ones (ALU, compares, flags of the
// common kinds, loads/stores, address arithmetic, exits) are emitted inline.
//
// Exits: direct jumps/branches/calls end in a patchable `jmp rel32` to an exit stub;
// when the target is translated the code cache re-points the jmp at it (chaining).
// Indirect exits probe the shared indirect-branch table inline and jump straight to the target
// on a hit. Everything else returns to the dispatcher through the exit trampoline with
// eax = ir::ExitKind and MachineState::rip = the next guest pc.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "codecache/code_cache.h"
#include "ir/interp.h"
#include "ir/ir.h"
#include "ir/state.h"

namespace retrace::backend {

struct TranslateStats {
  uint64_t blocks = 0;
  uint64_t inline_ops = 0;
  uint64_t helper_ops = 0;
  // Blocks translated a second time conservatively (every lazy-flag store kept, xmm copies
  // written through): host code between a flag producer and its readers turned out to
  // clobber the host flags, or a dirty xmm copy would have been dropped unstored.
  uint64_t retranslated = 0;
  // Indirect jmps and calls translated to hand the flags on in the host flags (stored
  // only when the target is not one that defines them before reading).
  uint64_t ind_exits_flags_in_host = 0;
};

// Test hook: when set, flag-free add/sub/and/or/xor count as flag-neutral data moves when
// the translator decides which lazy-flag stores to skip. They are not (their host code
// writes the flags), so every such block must take the retranslation path and still run
// correctly. The differential fuzzer's --assume-alu-neutral sets it.
extern bool g_test_alu_counts_as_neutral;

// Guest GPRs that live in host registers throughout translated code: (host register
// number, guest slot). A fault in translated code reads them from the signal context.
std::vector<std::pair<uint8_t, uint16_t>> pinned_registers();

class Translator {
 public:
  explicit Translator(codecache::CodeCache& cache);
  // nullptr when the cache is full: flush it and try again.
  codecache::TranslatedBlock* translate(const ir::Block& b);
  // Runs translated code from tb until it leaves the code cache; st.rip = next guest pc.
  ir::ExitKind run(ir::MachineState& st, const codecache::TranslatedBlock* tb);
  // Re-emits the trampolines after a flush (they live in the cache's reserved prefix).
  const TranslateStats& stats() const { return stats_; }
  codecache::CodeCache& cache() { return cache_; }

 private:
  void emit_trampolines();
  codecache::CodeCache& cache_;
  using EnterFn = uint32_t (*)(ir::MachineState*, const void*);
  EnterFn enter_ = nullptr;
  const uint8_t* exit_ = nullptr;
  const uint8_t* cond_thunk_ = nullptr;
  const uint8_t* getcf_thunk_ = nullptr;
  TranslateStats stats_;
};

}  // namespace retrace::backend
