// Small helpers shared by the unit tests.
#pragma once

#include <memory>

#include "ir/interp.h"
#include "ir/ir.h"
#include "ir/state.h"

namespace retrace::test {

// A block and a builder over it (Block holds atomics: it is neither copied nor moved).
struct TestBlock {
  std::unique_ptr<ir::Block> blk = std::make_unique<ir::Block>();
  ir::Builder b{*blk};
  ir::Block& operator*() { return *blk; }
  ir::Block* operator->() { return blk.get(); }
  void exit_jmp(uint64_t to) { b.emit(ir::Op::ExitJmp, ir::Type::Void, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, to); }
};

inline std::unique_ptr<ir::MachineState> new_state() { return std::make_unique<ir::MachineState>(); }

}  // namespace retrace::test
