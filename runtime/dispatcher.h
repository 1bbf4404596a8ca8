// The dispatcher: finds (or decodes) the block at the guest pc, runs it in the current
// tier, counts what it ran (block and edge profiles), and hands syscalls and traps to the
// runtime. It is the only loop guest code runs in.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "backend/x86_64/translator.h"
#include "codecache/code_cache.h"
#include "codecache/pc_table.h"
#include "frontend/x86/frontend.h"
#include "ir/interp.h"
#include "ir/passes.h"
#include "ir/state.h"

namespace retrace::rt {

enum class Tier { Interp, Native, Auto };

struct RunOptions {
  Tier tier = Tier::Auto;
  unsigned max_block_insns = 64;  // 1: one-instruction blocks
  // Tier-up: a block is translated when it has run this many times in the interpreter
  // (0 = on first use). --tier=native defaults to 0, --tier=auto to 50.
  int tier_threshold = -1;        // -1: the tier's default
  size_t code_cache_size = 64 << 20;
  bool stats = false;
  // Verify the IR after every pass (always on in debug builds; release builds verify each
  // block once, after the passes).
  bool verify_each_pass = false;
  bool perf_map = false;          // write /tmp/perf-PID.map entries for translated blocks
  bool superblocks = true;        // conditional branches as side exits (DecodeOptions::side_exits)
  bool smc_watch = true;          // write-protect writable pages holding decoded code
  bool verbose = false;
  std::string dump_ir;            // "", "before", "after", "after:PASS"
  // fold again: ops that lost their flags (xor r,r) become constants; coalesce again once
  // dce has dropped the dead flag computations that kept a result from moving into its
  // register (tzcnt, imul, whose flags read the result).
  std::vector<std::string> passes = {"fold", "coalesce", "deadflags", "fold", "dce", "coalesce"};
};

// What the syscall layer tells the dispatcher after handling a syscall.
struct SyscallOutcome {
  bool exit = false;  // the guest process ends (exit_group, or exit of its last thread)
  int status = 0;
};
using SyscallFn = std::function<SyscallOutcome(ir::MachineState&)>;

struct RunResult {
  enum How { Exited, Signaled } how = Exited;
  int status = 0;       // exit status (Exited)
  int signal = 0;       // terminating signal (Signaled)
  uint64_t pc = 0;      // where a terminating signal was raised
  uint64_t fault_addr = 0;
  std::string message;  // one-line diagnostic for a terminating signal, if any
};

struct Stats {
  uint64_t guest_insns = 0;    // guest instructions executed
  uint64_t blocks_run = 0;
  uint64_t blocks_decoded = 0;
  uint64_t ir_insts = 0;       // IR instructions in decoded blocks (after passes)
  uint64_t syscalls = 0;
  double decode_seconds = 0;
  double interp_seconds = 0;   // time in the interpreter tier, syscalls excluded
  double syscall_seconds = 0;
  double native_seconds = 0;   // time inside translated code (measured with --stats)
  uint64_t native_entries = 0; // dispatcher → translated code transitions
  uint64_t translate_failures = 0;
  uint64_t native_exits[8] = {};  // by ir::ExitKind: why translated code came back
  uint64_t invalidations = 0;
  uint64_t code_writes = 0;       // pages invalidated because the guest wrote to them
  uint64_t flags_dead_exits = 0;  // blocks whose exit flags were found dead (successors)
  double translate_seconds = 0;   // tier-up: flag-liveness peeks, passes, host code (decoding not included)
  uint64_t dispatch_lookups = 0;  // block lookups by the dispatcher (indirect and unchained exits)
  uint64_t succ_hits = 0;         // next block found as the previous one's cached successor
  uint64_t table_lookups = 0;     // next block looked up in the block table
  uint64_t ind_predicted = 0;     // translated indirect jmps/calls given a predicted target
  uint64_t redecoded = 0;         // translated blocks decoded again after their translation went
};

class BlockCache {
 public:
  // Guest pc to decoded block, in the code cache's open-addressing table (PcTable): a new
  // block's lookup misses it on every first execution, and std::unordered_map's prime
  // modulo and node chains made that miss expensive. A direct-mapped memo of recent
  // lookups sits in front of it.
  BlockCache() = default;
  ~BlockCache() {
    tab_.for_each([](uint64_t, ir::Block*& b) { delete b; });
  }
  BlockCache(const BlockCache&) = delete;
  BlockCache& operator=(const BlockCache&) = delete;
  ir::Block* find(uint64_t pc) const {
    ir::Block*& m = memo_[(pc ^ (pc >> 12)) & (kMemo - 1)];
    if (m && m->pc == pc) return m;
    ir::Block* const* b = tab_.find(pc);
    if (!b) return nullptr;
    m = *b;
    return m;
  }
  ir::Block* insert(std::unique_ptr<ir::Block> b) {
    ir::Block*& slot = tab_[b->pc];
    if (slot) {  // a block it replaces
      forget(b->pc);
      delete slot;
    }
    return slot = b.release();
  }
  size_t size() const { return tab_.size(); }
  template <typename F> void for_each(F f) const {
    const_cast<codecache::PcTable<ir::Block*>&>(tab_).for_each([&](uint64_t, ir::Block*& b) { f(*b); });
  }
  void erase(uint64_t pc) { take(pc).reset(); }
  std::unique_ptr<ir::Block> take(uint64_t pc) {
    ir::Block** b = tab_.find(pc);
    if (!b) return nullptr;
    std::unique_ptr<ir::Block> owned(*b);
    forget(pc);
    tab_.erase(pc);
    return owned;
  }

 private:
  static constexpr size_t kMemo = 8192;
  void forget(uint64_t pc) {
    ir::Block*& m = memo_[(pc ^ (pc >> 12)) & (kMemo - 1)];
    if (m && m->pc == pc) m = nullptr;
  }
  codecache::PcTable<ir::Block*> tab_;  // owns the blocks
  mutable std::vector<ir::Block*> memo_ = std::vector<ir::Block*>(kMemo, nullptr);
};

class Dispatcher {
 public:
  Dispatcher(x86::Mode mode, x86::CodeReader reader, RunOptions opt);
  ~Dispatcher();
  // Runs guest code from st.rip until the guest exits or is killed by a signal.
  RunResult run(ir::MachineState& st, const SyscallFn& syscall);

  // Guest code in [start, end) changed or went away (munmap, mprotect, mremap, MAP_FIXED,
  // self-modifying code): drop what was decoded and translated from it.
  void invalidate(uint64_t start, uint64_t end);
  // In a forked child: stop sharing the parent's code cache.
  void after_fork_in_child();

  // Signal hooks for the runtime. on_trap sees each synchronous guest signal (st.trap_*
  // filled, st.rip = the faulting/trapping instruction, registers precise); returning true
  // means it built a handler frame and execution continues at st.rip. on_pending runs at
  // the next safe point after something set st.pending_exit (an asynchronous signal);
  // it may redirect st.rip.
  std::function<bool(ir::MachineState&)> on_trap;
  std::function<void(ir::MachineState&)> on_pending;
  // Guest code in [start, end) was overwritten (self-modifying code). Default: this
  // dispatcher's invalidate(); a multi-threaded runtime broadcasts it to every thread.
  std::function<void(uint64_t, uint64_t)> on_code_write;
  const Stats& stats() const { return stats_; }
  const BlockCache& cache() const { return cache_; }
  void print_stats(FILE* out) const;

 private:
  bool loop(ir::MachineState& st, const SyscallFn& syscall, RunResult& res);
  ir::Block* lookup(uint64_t pc);
  ir::Block* decode_block(uint64_t pc, bool side_exits);
  // The frontend's IR for the block at pc, from the decode cache or decoded (and offered to
  // the cache when runs_now: the block is about to run, not a look ahead).
  x86::DecodedBlock decode_ir(uint64_t pc, const x86::DecodeOptions& dopt, bool runs_now);
  // b's translation, made when b is hot enough (nullptr: not yet, or it failed). A block
  // decoded again as a superblock for it replaces b.
  const codecache::TranslatedBlock* native_for(ir::Block*& b);
  // Moves a block out of use (to the graveyard: successor pointers may still name it).
  void bury(std::unique_ptr<ir::Block> b);
  // A new decode of a block whose IR was dropped at translation; it replaces b.
  ir::Block* redecode(ir::Block* b);
  x86::Frontend fe_;
  x86::CodeReader read_;
  RunOptions opt_;
  BlockCache cache_;
  std::unordered_map<uint64_t, std::string> diagnostics_;  // pc -> decode diagnostic
  // Successors not decoded yet, decoded only to learn whether they redefine the flags
  // before reading them (cross-block flag liveness); cleared on invalidation.
  struct FlagsPeek {
    ir::IncomingFlags use;
    uint64_t next[2];  // direct successors (0: none)
    uint64_t end;      // one past its last byte
  };
  codecache::PcTable<FlagsPeek> kills_flags_memo_;
  bool successor_kills_flags(uint64_t pc, int depth);
  // Whose flag decisions read which code: by each page (number) of a block the peek looked
  // at (not the deciding block itself), the deciding blocks' pcs, each once (a block
  // decides again at every translation, after a flush too). A block's flags_dead_at_exit,
  // side exits' dead-flag bits and kills_flags_in rest on its successors' code; when that
  // code goes (invalidate), so does the deciding block.
  std::unordered_map<uint64_t, std::unordered_set<uint64_t>> flag_deps_;
  uint64_t flag_dep_owner_ = 0;  // the block whose tier-up is peeking (0: none)
  // Indirect-target profile (interpreter tier), by the guest pc of an indirect jmp or
  // call: its last target, how often it ran and how often the target changed. A site
  // that nearly always goes to one target gets an inline compare and a chained jump there.
  struct IndirectProfile {
    uint64_t last = 0;
    uint32_t runs = 0;
    uint32_t changes = 0;
  };
  codecache::PcTable<IndirectProfile> ind_profile_;  // (every interpreted indirect exit updates it)
  std::unordered_map<uint64_t, std::vector<uint64_t>> code_pages_;  // page -> pcs of blocks decoded from it
  std::vector<std::unique_ptr<ir::Block>> graveyard_;  // invalidated blocks (others' succ may point here)
  Stats stats_;
  unsigned threshold_ = 0;
  bool invalidated_ = false;
  FILE* perf_map_ = nullptr;
  std::chrono::steady_clock::time_point run_start_;
  double syscall_time_ = 0;
  std::unique_ptr<codecache::CodeCache> cache_native_;
  std::unique_ptr<backend::Translator> translator_;
};

// Installs retrace's SIGSEGV/SIGBUS handlers that turn faults in guest memory accesses
// into guest signals (see ir::FaultContext). Idempotent.
void install_fault_handlers();

// Reads guest code safely (an unmapped address reads as 0 bytes, never a host crash).
// Pages it has read once are remembered as readable until forget_code_pages() drops them
// (munmap/mprotect reach it through Dispatcher::invalidate).
size_t read_guest_code(uint64_t addr, uint8_t* buf, size_t n);
void forget_code_pages(uint64_t start, uint64_t end);

// Set by the thread registry: asks every guest thread to reach a safe point
// (async-signal-safe; used when a guest write hits translated code).
extern void (*g_poke_all_threads)();

}  // namespace retrace::rt
