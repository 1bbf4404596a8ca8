// Self-modifying code detection by page protection (as DynamoRIO and QEMU user mode).
//
// When a block is decoded from a guest page that is writable, the page is made
// read-only (its execute bit unchanged). A guest write to it then faults; the fault
// handler gives the page its protection back, records it as written, asks the running
// thread to come back to the dispatcher at the next block entry (pending_exit), and
// returns so the write retries and succeeds. At that safe point the dispatcher drops
// every block decoded from the page. Pages the guest itself munmaps or mprotects are
// forgotten (its new protection stands; blocks there are invalidated anyway).
//
//   watched: open-addressing table of (page, original prot), read lock-free by the
//            signal handler, written under a mutex by dispatchers
//   written: lock-free array of pages the handler unprotected since the last drain
//
// Pages that take more than kMaxWriteFaults write faults are no longer protected; blocks
// decoded from them check their own bytes at entry instead.
//
// Known limit: a write into a watched page made by the kernel on the guest's behalf
// (read(2) into a buffer that shares a page with translated code) returns EFAULT.
#pragma once

#include <cstdint>
#include <vector>

namespace retrace::codecache {

class CodeWriteWatch {
 public:
  static CodeWriteWatch& instance();
  // A block was decoded from guest bytes [start, end). Returns false when a page of it
  // is written too often to protect (DynamoRIO's fallback): the caller then makes the
  // block self-checking instead (it compares its guest bytes before running).
  bool watch(uint64_t start, uint64_t end);
  // Signal handler side (async-signal-safe): a write fault at addr. Returns true if it
  // was a watched page (now writable again and recorded).
  bool on_write_fault(uint64_t addr);
  bool any_written() const;
  // Pages written since the last call (each once).
  std::vector<uint64_t> take_written();
  // The guest changed [start, end) itself (munmap, mprotect, MAP_FIXED).
  void forget(uint64_t start, uint64_t end);
  uint64_t pages_watched() const;
  uint64_t write_faults() const;
};

}  // namespace retrace::codecache
