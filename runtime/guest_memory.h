// Guest memory as the runtime sees it: which address ranges belong to the guest, and
// safe copies to and from guest pointers.
//
// retrace runs the guest in its own address space (guest address == host address), so
// the guest's mappings sit next to retrace's own code, heap, stacks and libraries. The
// syscall layer must never let a guest munmap/mprotect/MAP_FIXED destroy retrace; to
// decide, it keeps GuestRegions, the set of page ranges the guest owns (its loaded
// image, its stack, its brk heap, and everything it mmapped itself):
//
//     std::map<start, end>      disjoint, non-adjacent, page-aligned [start, end) ranges
//     ────────────────────────────────────────────────────────────────────────────────
//     0x400000 ──image── 0x4c7000   0x4c7000+brk ...   0x7f..stack..   0x7f..mmaps..
//                 (adjacent ranges are merged, so a range covers many mappings)
//
// Guest pointers are never dereferenced by retrace's C++ code outside copy_from_guest and
// copy_to_guest, whose copies are guarded by the fault handler (or, before it is
// installed, go through process_vm_readv/writev on our own pid), so a bad pointer becomes
// EFAULT instead of a host crash.
#pragma once

#include <setjmp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace retrace::rt {

inline constexpr uint64_t kPageSize = 4096;
inline constexpr uint64_t page_down(uint64_t a) {
  return a & ~(kPageSize - 1);
}
inline constexpr uint64_t page_up(uint64_t a) {
  return (a + kPageSize - 1) & ~(kPageSize - 1);
}

class GuestRegions {
 public:
  // Ranges are [start, end); callers pass page-aligned bounds.
  void add(uint64_t start, uint64_t end);
  void remove(uint64_t start, uint64_t end);
  bool contains(uint64_t start, uint64_t end) const;  // entirely inside guest ranges
  bool overlaps(uint64_t start, uint64_t end) const;
  // Calls f(start, end) for each sub-range of [start, end) that is NOT guest-owned.
  template <typename F>
  void for_each_gap(uint64_t start, uint64_t end, F f) const;
  // Calls f(start, end) for each sub-range of [start, end) that IS guest-owned.
  template <typename F>
  void for_each_owned(uint64_t start, uint64_t end, F f) const;
  const std::map<uint64_t, uint64_t>& ranges() const { return map_; }

 private:
  std::map<uint64_t, uint64_t> map_;  // start -> end
};

template <typename F>
void GuestRegions::for_each_gap(uint64_t start, uint64_t end, F f) const {
  uint64_t cur = start;
  auto it = map_.upper_bound(start);
  if (it != map_.begin()) --it;
  for (; it != map_.end() && it->first < end && cur < end; ++it) {
    if (it->second <= cur) continue;
    if (it->first > cur) f(cur, it->first);
    cur = it->second;
  }
  if (cur < end) f(cur, end);
}

template <typename F>
void GuestRegions::for_each_owned(uint64_t start, uint64_t end, F f) const {
  auto it = map_.upper_bound(start);
  if (it != map_.begin()) --it;
  for (; it != map_.end() && it->first < end; ++it) {
    uint64_t s = std::max(start, it->first), e = std::min(end, it->second);
    if (s < e) f(s, e);
  }
}

// Both return false (and copy nothing useful) if any byte is not accessible.
// Guarded copies: once the fault handler is installed (g_guest_copy_guarded), a copy is a
// memcpy during which a fault inside the guest range [lo, hi) jumps back through jb
// (dispatcher.cpp's handler) and the copy fails; before that, process_vm_readv/writev.
struct GuestCopy {
  sigjmp_buf jb;
  uint64_t lo, hi;
};
extern thread_local GuestCopy* t_guest_copy;
extern std::atomic<bool> g_guest_copy_guarded;
bool copy_from_guest(void* dst, uint64_t guest_src, size_t n);
bool copy_to_guest(uint64_t guest_dst, const void* src, size_t n);
// Reads a NUL-terminated guest string of at most max bytes; nullopt on a bad pointer or
// when no NUL is found within max bytes.
std::optional<std::string> read_guest_string(uint64_t guest_src, size_t max = 4096);

}  // namespace retrace::rt
