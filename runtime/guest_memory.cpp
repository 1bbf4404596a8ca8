#include "runtime/guest_memory.h"

#include <sys/uio.h>
#include <setjmp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace retrace::rt {

void GuestRegions::add(uint64_t start, uint64_t end) {
  if (start >= end) return;
  // Merge with every range that overlaps or touches [start, end).
  auto it = map_.upper_bound(start);
  if (it != map_.begin() && std::prev(it)->second >= start) --it;
  while (it != map_.end() && it->first <= end) {
    start = std::min(start, it->first);
    end = std::max(end, it->second);
    it = map_.erase(it);
  }
  map_.emplace(start, end);
}

void GuestRegions::remove(uint64_t start, uint64_t end) {
  if (start >= end) return;
  auto it = map_.upper_bound(start);
  if (it != map_.begin()) --it;
  while (it != map_.end() && it->first < end) {
    uint64_t s = it->first, e = it->second;
    if (e <= start) {
      ++it;
      continue;
    }
    it = map_.erase(it);
    if (s < start) map_.emplace(s, start);
    if (e > end) {
      map_.emplace(end, e);
      break;
    }
  }
}

bool GuestRegions::contains(uint64_t start, uint64_t end) const {
  if (start >= end) return true;
  auto it = map_.upper_bound(start);
  if (it == map_.begin()) return false;
  --it;
  return it->first <= start && it->second >= end;  // ranges are merged, so one must cover
}

bool GuestRegions::overlaps(uint64_t start, uint64_t end) const {
  bool any = false;
  for_each_owned(start, end, [&](uint64_t, uint64_t) { any = true; });
  return any;
}

thread_local GuestCopy* t_guest_copy = nullptr;
std::atomic<bool> g_guest_copy_guarded{false};

namespace {

// A plain memcpy to or from guest memory [guest, guest + n), with the fault handler armed
// to jump back here when a fault hits that range (as the kernel's exception tables do for
// copy_to_user). sigsetjmp without the signal mask: the handler runs with SA_NODEFER and
// the fault signals are never blocked on the host, so nothing is left blocked. A write to
// a page the SMC watch protects is the handler's as any guest write is (it gives the page
// back and the copy goes on). (Nested in a signal handler that interrupted another copy,
// the outer one comes back after.)
bool guarded_copy(void* dst, const void* src, size_t n, uint64_t guest) {
  GuestCopy c;
  c.lo = guest;
  c.hi = guest + n;
  GuestCopy* const outer = t_guest_copy;
  if (sigsetjmp(c.jb, 0)) {
    t_guest_copy = outer;
    return false;
  }
  t_guest_copy = &c;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  memcpy(dst, src, n);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  t_guest_copy = outer;
  return true;
}

// process_vm_{readv,writev} on our own pid (before the fault handler is installed: tools
// and tests): the kernel validates the guest range, so a bad pointer is an error return,
// never a fault in retrace.
bool vm_copy(bool write, void* local_buf, uint64_t guest, size_t n) {
  if (g_guest_copy_guarded.load(std::memory_order_relaxed))
    return write ? guarded_copy(reinterpret_cast<void*>(guest), local_buf, n, guest)
                 : guarded_copy(local_buf, reinterpret_cast<const void*>(guest), n, guest);
  size_t done = 0;
  while (done < n) {
    struct iovec local = {static_cast<char*>(local_buf) + done, n - done};
    struct iovec remote = {reinterpret_cast<void*>(guest + done), n - done};
    ssize_t r = write ? process_vm_writev(getpid(), &local, 1, &remote, 1, 0)
                      : process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (r <= 0) return false;
    done += static_cast<size_t>(r);
  }
  return true;
}

}  // namespace

bool copy_from_guest(void* dst, uint64_t guest_src, size_t n) {
  return n == 0 || vm_copy(false, dst, guest_src, n);
}

bool copy_to_guest(uint64_t guest_dst, const void* src, size_t n) {
  return n == 0 || vm_copy(true, const_cast<void*>(src), guest_dst, n);
}

std::optional<std::string> read_guest_string(uint64_t guest_src, size_t max) {
  std::string out;
  char buf[256];
  uint64_t a = guest_src;
  while (out.size() < max) {
    // Never read across a page boundary in one go: the string may end just before an
    // unmapped page.
    size_t chunk =
        std::min<size_t>({sizeof buf, kPageSize - (a & (kPageSize - 1)), max - out.size()});
    if (!copy_from_guest(buf, a, chunk)) return std::nullopt;
    for (size_t i = 0; i < chunk; i++) {
      if (buf[i] == '\0') return out;
      out.push_back(buf[i]);
    }
    a += chunk;
  }
  return std::nullopt;
}

}  // namespace retrace::rt
