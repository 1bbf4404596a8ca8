// Pass manager: named, optional IR passes run in a given order.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ir/ir.h"

namespace retrace::ir {

using PassFn = bool (*)(Block&);  // returns true when it changed the block

struct PassInfo {
  const char* name;
  PassFn fn;
  const char* what;  // one line for --help and docs
};

const std::vector<PassInfo>& all_passes();

// True when the block defines all status flags before anything in it reads them (or can
// observe them): flags produced by a predecessor are then dead at that predecessor's exit.
bool flags_killed_before_read(const Block& b);
// What a block does with the flags it is entered with: defines them all before any read
// (Killed), may read or observe them (Read), or leaves them untouched up to a direct exit
// (PassThrough: the answer is its successors').
enum class IncomingFlags { Killed, Read, PassThrough };
IncomingFlags incoming_flags(const Block& b);
// True when the flags as they stand before instruction i may be read or observed from i on
// (by an RF op, an op that observes the whole frame, or the next block).
bool flags_read_from(const Block& b, size_t i);
// The same up to the block's terminator, which does not count (an indirect exit that
// hands the flags on itself: the backend's ExitInd).
bool flags_read_before_exit(const Block& b, size_t i);
// True when instruction i itself reads the flags it finds (an RF op, but not a shift by a
// constant count that x86's masking leaves non-zero: that one only defines them).
bool reads_flags(const Block& b, size_t i);
const PassInfo* find_pass(const std::string& name);

// Runs the named passes in order. With verify, the verifier runs after each pass and the
// first failure is returned ("after PASS: ..."); `after` sees the block after each pass.
std::string run_passes(Block& b, const std::vector<std::string>& names, bool verify,
                       const std::function<void(const std::string&, const Block&)>& after = {});

}  // namespace retrace::ir
