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
//   watched: open-addressing table of (page | state, original prot), read lock-free by
//            the signal handler, entries added and removed under a mutex by dispatchers
//   written: lock-free array of pages the handler unprotected since the last drain;
//            draining publishes them to every thread before any_written() turns false
//
// Each watched page is in one of three states, and the kernel's protection of it follows:
//
//   kOpen ──watch(): mprotect(prot & ~W), then──► kProtected
//     ▲                                              │ write fault: the one handler whose
//     └── mprotect(prot) done ◄── kOpening ◄─────────┘ CAS wins restores the page
//
// Write faults on a kOpening or kOpen page are stale (raised while it was read-only, the
// handler ran after another thread's gave it back): the write is retried. A guest
// syscall that changes pages (GuestChange) excludes watch(), gives watched pages in its
// range back before it reaches the kernel and forgets them after: nothing of ours lands
// after the guest's own protection.
//
// Pages that take more than kMaxWriteFaults write faults are no longer protected; blocks
// decoded from them check their own bytes at entry instead.
//
// Writes the kernel makes for the guest (read(2) into a buffer that shares a page with
// translated code) are announced first (before_kernel_write) for the syscalls whose output
// the syscall layer knows (runtime/syscalls.cpp, kernel_writes); copies retrace itself
// makes to guest memory take the write fault as guest code does.
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
  // *writable (if given): whether the guest may write a page of it (guest_writable).
  bool watch(uint64_t start, uint64_t end, bool* writable = nullptr);
  // Whether the guest may write some page of [start, end) (its own protection, as watch
  // sees it). Code there can change without a syscall, so decisions about it that other
  // blocks bake in (linking past its pending-exit check, its flag liveness) are not made.
  bool guest_writable(uint64_t start, uint64_t end);
  // The guest's protection of the page holding addr (PROT_* bits), -1 when it is not a
  // mapping we know of. Code is fetched only from PROT_EXEC pages (NX).
  int guest_prot(uint64_t addr);
  // Signal handler side (async-signal-safe): a write fault at addr. Returns true if it
  // was a watched page (now writable again and recorded), or one another thread's write
  // fault is giving back (this write faulted before that: retrying it is right).
  bool on_write_fault(uint64_t addr);
  // The kernel is about to write [start, end) for the guest (read(2) into a buffer, ...):
  // pages we write-protected there get their protection back and are recorded as written,
  // as a guest write fault would have them (the kernel's write would be EFAULT). Returns
  // whether any page was given back (the caller makes other threads reach a safe point).
  bool before_kernel_write(uint64_t start, uint64_t end);
  // Pages were written (recorded by the handler, or published and not yet taken).
  bool any_written() const;
  // Pages written since the last call (each once; ~0 when too many to list). Publishes
  // them first (publish_written).
  std::vector<uint64_t> take_written();
  // Passes every page write faults recorded to the publisher (once each), which must make
  // every thread drop its blocks from them before that thread next runs translated code:
  // after this returns, the pages recorded before the call are published, also when
  // another thread was publishing them (this waits for it). A thread's safe point calls
  // it before applying its own pending invalidations, so that a write it was poked for is
  // never seen as taken but not yet published.
  void publish_written();
  // Who publishes (threads: every thread's blocks from [start, end) go). Without one,
  // take_written's caller alone drops them.
  void set_publisher(void (*publish)(uint64_t start, uint64_t end));
  // Brackets every guest syscall that changes mappings or protections (munmap, mprotect,
  // mremap, mmap MAP_FIXED, brk shrinking), so that our own mprotect calls land before the
  // guest's and what we knew of the pages is forgotten after it:
  //   GuestChange c;                 // no page gets write-protected until c ends
  //   c.before(start, end);          // pages we write-protected there get their prot back
  //   long r = syscall(...);
  //   c.after(start, end, r == 0 ? new_prot : -1);  // -1: unmapped, failed, or not known
  class GuestChange {
   public:
    GuestChange();
    ~GuestChange();
    GuestChange(const GuestChange&) = delete;
    GuestChange& operator=(const GuestChange&) = delete;
    void before(uint64_t start, uint64_t end);
    void after(uint64_t start, uint64_t end, int prot);
  };
  // [start, end) was newly mapped (prot: its protection, -1 if not known) or unmapped (-1)
  // by something other than a GuestChange bracket: a guest mmap that replaces nothing, a
  // mremap's new range, brk growth, retrace's own munmap. What was known of the range's
  // old mapping is dropped, so a later mapping at the same address is never taken for it.
  static void mapped(uint64_t start, uint64_t end, int prot);
  // Around a host fork while other threads run: the watch's lock is held across it (taken
  // after the mm lock and before the thread registry's, the order everything else uses),
  // released in the parent and made anew in the child, which must not inherit it locked.
  static void fork_prepare();
  static void fork_parent();
  static void fork_child();
  uint64_t pages_watched() const;
  uint64_t write_faults() const;
};

}  // namespace retrace::codecache
