// The code cache: executable memory for translated blocks, the guest-pc → host-code map,
// chaining bookkeeping, and the shared indirect-branch table.
//
// Memory is one memfd mapped twice (W^X): an RX view that runs and an RW view that the
// backend writes and patches through. Allocation is a bump pointer; when the cache is full
// it is flushed whole (every translation dropped, chains with them) — the policy of
// DynamoRIO's and QEMU's simplest configurations, correct because the dispatcher flushes
// only from outside translated code.
//
//   RX view:  [ trampolines | block 0 code + exit stubs | block 1 ... | free ... ]
//   RW view:  same bytes, writable (patching a chain writes the rel32 of a jmp here)
//
//   indirect-branch table: kIbEntries entries (direct-mapped on a 16-bit hash of the
//   guest pc; translated code probes it inline for indirect jumps, calls and returns), each
//   two {guest pc, host address} pairs, 32 bytes: the first for every translation, the
//   second only for those that define the flags before reading them
//   (TranslatedBlock::kills_flags), for indirect exits that leave the flags in the host
//   flags rather than storing them (the target must not need them; a miss stores them
//   and tries the first pair). Both pairs of an entry share a cache line and a page (one
//   page fault where a translation goes in, not two). Mapped below 2 GiB when possible,
//   so the probe addresses it with a 32-bit displacement. (Keys and hosts in two separate
//   arrays measured slower: two cache lines per probe.)
#pragma once

#include <cstdint>
#include <forward_list>
#include <memory>
#include <utility>
#include <vector>

#include "codecache/pc_table.h"
#include "ir/ir.h"

namespace retrace::codecache {

inline constexpr unsigned kIbBits = 16;
inline constexpr unsigned kIbEntries = 1u << kIbBits;
// The low 16 bits plus the next 16: with rorx and lea the probe computes it without
// touching the flags. (The low 16 bits alone left 16-byte-aligned function entries
// spread over more than 64 KiB only 4096 of the entries.)
inline constexpr uint64_t ib_index(uint64_t pc) { return (pc + (pc >> kIbBits)) & (kIbEntries - 1); }

struct ChainSite {
  uint32_t rel32_offset;  // offset in the block's code of a jmp's rel32 field
  uint64_t target_pc;
  bool linked = false;
  uint32_t stub_offset = 0;  // where the jmp pointed before linking (its exit stub)
  bool skip_check = false;   // link to the target's unchecked entry (a forward edge)
};

// Where dirty guest GPRs live in host registers during a memory access, so a fault
// there can write them back from the signal context (DynamoRIO-style state recovery).
// An entry with kRecoveryXmm set is a host xmm register (its number in the low bits)
// holding a 16-byte slot pair.
inline constexpr uint8_t kRecoveryXmm = 0x80;
struct Recovery {
  uint32_t start, end;                              // host offsets within the block
  std::vector<std::pair<uint8_t, uint16_t>> regs;   // host GPR number (asmjit id) → guest slot
  int32_t rsp_lag = 0;  // the guest rsp is its host register plus this (deferred push/pop updates)
  // The guest's status flags are in the host flags only (an indirect exit hands them on
  // unstored): a fault here takes them from the context's eflags.
  bool flags_in_host = false;
};

struct TranslatedBlock {
  const ir::Block* block = nullptr;
  uint64_t guest_pc = 0;
  uint8_t* code = nullptr;  // RX address of the entry
  uint32_t size = 0;
  uint32_t unchecked_entry = 0;  // offset of the entry past the pending-exit check
  // Its guest code defines every status flag before reading any (ir::Block::
  // kills_flags_in): it may go in the second indirect-branch table.
  bool kills_flags = false;
  std::vector<ChainSite> chains;
  // host offset of each guest instruction's first host instruction, for mapping faults
  std::vector<std::pair<uint32_t, uint64_t>> pc_map;
  std::vector<Recovery> recovery;
  // Copies of the IR instructions its code hands to the interpreter (helper calls take
  // their address: the block's own IR is dropped once it is translated). A list: the
  // addresses stay put as more are added, and an empty one allocates nothing.
  std::forward_list<ir::Inst> helper_insts;
  // The chain sites linked to this block: (block, index in its chains).
  std::vector<std::pair<TranslatedBlock*, uint32_t>> incoming;
  uint64_t guest_pc_at(uint64_t host) const;
  const Recovery* recovery_at(uint64_t host) const {
    uint64_t off = host - reinterpret_cast<uint64_t>(code);
    for (const auto& r : recovery)
      if (off >= r.start && off < r.end) return &r;
    return nullptr;
  }
};

struct CacheStats {
  uint64_t blocks = 0;
  uint64_t bytes = 0;
  uint64_t flushes = 0;
  uint64_t chain_patches = 0;
};

class CodeCache {
 public:
  // single_view: one anonymous read-write-execute mapping instead of the W^X pair, for
  // `--perf-map` (Linux perf reads /tmp/perf-PID.map only for anonymous executable memory;
  // it names samples in the memfd view after the file).
  explicit CodeCache(size_t capacity, bool single_view = false);
  ~CodeCache();
  CodeCache(const CodeCache&) = delete;
  CodeCache& operator=(const CodeCache&) = delete;

  // Space for n bytes; nullptr when full (flush and retry). Returns the RX address.
  uint8_t* alloc(size_t n);
  uint8_t* rw(uint8_t* rx) const { return rx + (rw_base_ - rx_base_); }
  const uint8_t* rx_base() const { return rx_base_; }
  bool contains(uint64_t host_pc) const {
    return host_pc >= reinterpret_cast<uint64_t>(rx_base_) && host_pc < reinterpret_cast<uint64_t>(rx_base_ + used_);
  }

  TranslatedBlock* find(uint64_t guest_pc) const {
    TranslatedBlock* const* t = by_pc_.find(guest_pc);
    return t ? *t : nullptr;
  }
  TranslatedBlock* find_host(uint64_t host_pc) const;
  // Registers a finished translation: patches chains into it and out of it.
  TranslatedBlock* insert(std::unique_ptr<TranslatedBlock> tb);
  void flush();
  // Drops one translation (its guest code changed): jumps chained into it go back to
  // their exit stubs, its inline-table entry is cleared, and the dispatcher will
  // translate the new code. Its bytes stay until the next flush.
  void remove(uint64_t guest_pc);
  // Marks where the permanent part (trampolines) ends: flush keeps everything before it.
  void set_reserved() { reserved_ = used_; }

  // The indirect-branch table: {guest pc, host address} pairs; a key of 0 is empty. (The
  // table starts as zero pages, nothing to initialise or touch at start-up.) A probe for
  // guest pc 0 lands on entry 0, which is empty as ~0, never 0: it misses, as it must.
  static constexpr uint64_t ib_empty(uint64_t i) { return i == 0 ? ~0ull : 0; }
  // Entry i: words 4i, 4i+1 the pair for every translation; 4i+2, 4i+3 the pair for
  // translations that define the flags first.
  uint64_t* ib_table() { return ib_; }
  void ib_set(const TranslatedBlock& t) {
    if (t.guest_pc == 0) return;  // (never cached: see above)
    uint64_t* e = ib_ + 4 * ib_index(t.guest_pc);
    e[0] = t.guest_pc;
    e[1] = reinterpret_cast<uint64_t>(t.code);
    if (t.kills_flags) {
      e[2] = t.guest_pc;
      e[3] = reinterpret_cast<uint64_t>(t.code);
    }
  }
  const CacheStats& stats() const { return stats_; }
  size_t capacity() const { return cap_; }
  size_t used() const { return used_; }

 private:
  void patch(TranslatedBlock& from, ChainSite& site, const TranslatedBlock& target);
  // Chain sites waiting for a translation of their target pc: a list per target, in
  // nodes of pend_ (free ones chained from pend_free_).
  static constexpr uint32_t kNil = ~0u;
  struct Pending {
    TranslatedBlock* from;
    uint32_t idx;   // in from->chains
    uint32_t next;  // the next node for the same target, or kNil
  };
  void add_pending(uint64_t target, TranslatedBlock* from, uint32_t idx);
  void drop_pending(uint64_t target, const TranslatedBlock* from);
  size_t cap_;
  int fd_ = -1;
  uint8_t* rx_base_ = nullptr;
  uint8_t* rw_base_ = nullptr;
  size_t used_ = 0;
  size_t reserved_ = 0;
  PcTable<TranslatedBlock*> by_pc_;  // owns the blocks
  // (RX address, block) in address order: blocks are allocated upwards from the bump
  // pointer, so insertion appends. A removed block leaves its address with no block.
  std::vector<std::pair<uint64_t, TranslatedBlock*>> by_host_;
  PcTable<uint32_t> pending_;  // target pc → first node in pend_
  std::vector<Pending> pend_;
  uint32_t pend_free_ = kNil;
  uint64_t* ib_ = nullptr;  // 4 * kIbEntries words (mmap)
  CacheStats stats_;
};

}  // namespace retrace::codecache
