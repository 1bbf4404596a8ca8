// x86 frontend: guest bytes -> IR blocks. Zydis decodes; a table maps each mnemonic to a
// handler that emits IR (handlers.def). The frontend never executes anything.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "ir/ir.h"

namespace retrace::x86 {

enum class Mode { M16, M32, M64 };

// Copies up to n guest code bytes at addr into buf; returns how many were readable.
using CodeReader = std::function<size_t(uint64_t addr, uint8_t* buf, size_t n)>;

struct DecodeOptions {
  unsigned max_insns = 64;  // 1 gives one-instruction blocks (a test tier)
  // Zydis decodes only the visible operands (explicit and implicit), which is all the
  // handlers read; true decodes the hidden ones too (a test checks both give the same IR).
  bool hidden_operands = false;
  // 64-bit mode: the common integer forms go through fast_decode64() and only the rest
  // through Zydis (false: Zydis decodes everything; tests compare the two).
  bool fast_decoder = true;
  // Superblocks: a jcc becomes a side exit (ExitIf) and decoding goes on at its
  // fall-through, so straight-line code through not-taken branches is one block.
  bool side_exits = false;
  // When set, a jcc becomes a side exit only if this says its fall-through is worth
  // going on into (the runtime asks its profile: has that code run often).
  const std::function<bool(uint64_t fallthru)>* fallthru_hot = nullptr;
};

// What decoding found wrong, when the block ends in a trap the frontend produced: the
// runtime prints it (one line) when the guest actually reaches that instruction.
struct DecodedBlock {
  std::unique_ptr<ir::Block> block;
  std::string diagnostic;  // empty unless the block ends in a decode/unsupported trap
};

class Frontend {
 public:
  explicit Frontend(Mode mode);
  ~Frontend();
  DecodedBlock decode(uint64_t pc, const CodeReader& read, const DecodeOptions& opt = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace retrace::x86
