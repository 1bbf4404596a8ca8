// The frontend's output kept across runs: a persistent decode cache, as Rosetta 2 keeps
// its translations on disk and DynamoRIO can persist its code cache. Start-up under
// translation is mostly decoding (ld.so's relocation loop, libc's initialisation: a few
// thousand blocks, each decoded once); the next run of the same program finds them here.
//
// An entry is position-independent and checked against the guest's bytes: it holds the
// bytes a block was decoded from (and up to 16 after them), and its IR with every field
// that held a guest address stored relative to the block's pc. Those fields are found, not
// declared: the block is decoded a second time from the same bytes at pc + kProbeDelta,
// a field that moved by exactly the delta is an address, and anything else that differs
// keeps the block out of the cache. A shared library mapped at another address in the
// next run (ASLR) still finds its blocks, relocated. A hit needs the same bytes at the pc
// now, so self-modifying code, a rebuilt library or a different program with the same
// file name all miss and decode afresh.
//
// One file per program (DIR/NAME-HASH.rtdc; HASH from its path, inode, size and mtime),
// written at exit (and before an execve) by the process that opened it, to a temporary
// name and renamed: concurrent runs of the same program each write a whole file and the
// last rename wins. Its header names the retrace binary and the host CPU features the
// decoder looked at; a file from another build, a truncated or corrupt one (index and
// every entry carry a checksum) is ignored, with a note under --verbose. The directory is
// kept under 1 GiB and 4096 files, the files least recently used going first.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "frontend/x86/frontend.h"
#include "ir/ir.h"

namespace retrace::rt {

constexpr uint64_t kProbeDelta = 0x123456789000ull;  // page-aligned, above 2^32: a 32-bit address differs

// Appends the entry for a freshly decoded block to out; false (out unchanged) when it
// cannot be cached (a trap, too few bytes, an IR field that is neither constant nor
// pc-relative). `moved` is the same bytes decoded at at_pc.pc + kProbeDelta (from `bytes`,
// the block's and those after it). `variant` says which decode options produced it.
bool encode_entry(const ir::Block& at_pc, const ir::Block& moved, const uint8_t* bytes, size_t nbytes,
                  uint64_t variant, std::vector<uint8_t>& out);
// An entry back as a block at pc (its guest addresses relocated there); nullptr when the
// entry is malformed. The caller has compared the bytes.
std::unique_ptr<ir::Block> decode_entry(const uint8_t* entry, size_t size, uint64_t pc);
// The key an entry is found by: the first 16 guest bytes, the pc's offset in its page and
// the decode variant.
uint64_t entry_key(const uint8_t* first16, uint64_t pc, uint64_t variant);
uint64_t entry_key_of(const uint8_t* entry);
// Which decode options an entry belongs to (a block is cached per variant).
uint64_t decode_variant(const x86::DecodeOptions& opt);

class DecodeCache {
 public:
  DecodeCache() = default;
  ~DecodeCache();
  DecodeCache(const DecodeCache&) = delete;
  DecodeCache& operator=(const DecodeCache&) = delete;

  // Uses `file` from now on: maps it when it is a valid cache of this build (else starts
  // empty). Returns whether entries were loaded.
  bool open(const std::string& file, bool verbose);
  bool enabled() const { return !path_.empty(); }
  // Whether record() keeps anything (not in a program's first run, nor in a forked child).
  bool recording() const { return enabled() && !first_run_ && !forked_; }

  // The block at pc decoded from the same bytes before, relocated to pc; nullptr if none.
  // in_order: a block the run needs now (the dispatcher's decode), not a look ahead.
  std::unique_ptr<ir::Block> find(uint64_t pc, const x86::CodeReader& read, const x86::DecodeOptions& opt,
                                  bool in_order = true);
  // Offers a block just decoded (with opt, from read) for the file: decodes its bytes again
  // at another pc to find its address fields. Safe from any thread.
  void record(const ir::Block& fresh, const x86::Frontend& fe, const x86::DecodeOptions& opt,
              const x86::CodeReader& read);
  // Writes the file when this run added enough to it (the process that opened it only: a
  // forked child leaves it to its parent). Returns whether it wrote.
  bool save();

  const std::string& path() const { return path_; }
  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  uint64_t loaded() const { return count_; }
  uint64_t streamed() const { return streamed_.load(std::memory_order_relaxed); }
  uint64_t recorded() const { return recorded_.load(std::memory_order_relaxed); }
  bool first_run() const { return first_run_; }
  // In a forked child: it neither records nor writes (its parent does).
  void after_fork_child();

 private:
  struct Pending {
    uint64_t key;
    size_t off, size;
  };
  void close_file();
  bool reattach();
  const uint8_t* entry_at(uint64_t off, size_t chunk, size_t* size) const;
  std::unique_ptr<ir::Block> take(uint64_t off, size_t chunk, uint64_t key, uint64_t pc, const uint8_t* first,
                                  const x86::CodeReader& read, size_t* size);

  std::string path_;
  bool verbose_ = false;
  std::atomic<bool> first_run_{false};  // no file yet: record nothing, leave an empty one
  std::atomic<bool> forked_{false};     // a forked child's copy
  std::atomic<uint64_t> recorded_{0};   // entries in pending_list_
  int owner_ = 0;           // pid of the process that opened it
  // The file (read with pread): header, entries, then the index (key, offset) by key,
  // which is read whole at open.
  std::atomic<int> fd_{-1};
  std::mutex reattach_mu_;
  uint64_t fd_dev_ = 0, fd_ino_ = 0;  // the file fd_ was opened on
  uint64_t count_ = 0;
  std::vector<uint64_t> index_;  // count_ pairs
  uint64_t entries_end_ = 0;
  uint64_t generation_ = 1;      // (threads' windows and cursors from an earlier open are stale)
  std::vector<uint32_t> dir_;    // first index slot whose key's top dir_bits_ bits are >= k
  unsigned dir_bits_ = 1;
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> streamed_{0};  // hits that were the entry after the previous one
  // Entries this run decoded that the file lacks.
  mutable std::mutex mu_;
  std::vector<uint8_t> pending_;
  std::vector<Pending> pending_list_;
  std::unordered_set<uint64_t> pending_seen_;
};

// The process's cache: every guest thread's dispatcher uses it.
DecodeCache& process_decode_cache();
// The cache file for a program in dir: NAME-HASH.rtdc ("" if the program cannot be stat'ed).
std::string decode_cache_file(const std::string& dir, const std::string& program);
// The directory used when --decode-cache is not given: $RETRACE_CACHE_DIR ("off": none),
// else $XDG_CACHE_HOME/retrace, else $HOME/.cache/retrace.
std::string default_decode_cache_dir();

}  // namespace retrace::rt
