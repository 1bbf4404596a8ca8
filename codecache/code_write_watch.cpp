#include "codecache/code_write_watch.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace retrace::codecache {
namespace {

constexpr uint64_t kPage = 4096;
constexpr unsigned kSlots = 1u << 16;  // watched pages at most (more: stop watching new ones)
constexpr unsigned kWrittenMax = 4096;

// Table entry: page | 1 when live (page-aligned, so bit 0 is free), 0 when empty, 2 for
// a removed entry. prot is the page's protection before we took PROT_WRITE away.
struct Entry {
  std::atomic<uint64_t> key{0};
  std::atomic<int> prot{0};
};
Entry g_table[kSlots];
std::atomic<uint64_t> g_count{0};
std::atomic<uint64_t> g_faults{0};
std::atomic<uint64_t> g_written[kWrittenMax];
std::atomic<unsigned> g_written_n{0};
std::atomic<bool> g_any{false};
std::mutex g_mu;  // dispatcher side only
constexpr unsigned kMaxWriteFaults = 4;
std::unordered_map<uint64_t, unsigned> g_fault_count;  // page -> write faults so far (under g_mu)

// The guest's protection of pages code was decoded from (-1: not a mapping), kept until
// the guest changes the page itself (forget). It is the guest's, not what the kernel has
// now: /proc/self/maps shows the pages we write-protected as read-only, so it is read only
// for pages not known yet. Whether a page is write-protected right now is the table's
// business (a live entry), not this map's.
std::unordered_map<uint64_t, int> g_known;  // page -> prot
struct Range {
  uint64_t lo, hi;
  int prot;
};
std::vector<Range> g_maps;

unsigned hash(uint64_t page) { return static_cast<unsigned>((page >> 12) * 0x9E3779B97F4A7C15ull >> 48) & (kSlots - 1); }

void reload_maps() {
  g_maps.clear();
  FILE* f = fopen("/proc/self/maps", "re");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    unsigned long long lo, hi;
    char perms[8] = {};
    if (sscanf(line, "%llx-%llx %7s", &lo, &hi, perms) != 3) continue;
    int prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) | (perms[2] == 'x' ? PROT_EXEC : 0);
    g_maps.push_back({lo, hi, prot});
  }
  fclose(f);
}

int prot_of(uint64_t page, bool retry) {
  for (const Range& r : g_maps)
    if (page >= r.lo && page < r.hi) return r.prot;
  if (!retry) return -1;
  reload_maps();
  return prot_of(page, false);
}

Entry* find(uint64_t page) {
  for (unsigned i = hash(page), n = 0; n < kSlots; i = (i + 1) & (kSlots - 1), ++n) {
    uint64_t k = g_table[i].key.load(std::memory_order_acquire);
    if (k == 0) return nullptr;
    if (k == (page | 1)) return &g_table[i];
  }
  return nullptr;
}

}  // namespace

CodeWriteWatch& CodeWriteWatch::instance() {
  static CodeWriteWatch w;
  return w;
}

bool CodeWriteWatch::watch(uint64_t start, uint64_t end) {
  std::lock_guard<std::mutex> lock(g_mu);
  bool protectable = true;
  for (uint64_t p = start & ~(kPage - 1); p < end; p += kPage) {
    if (auto fc = g_fault_count.find(p); fc != g_fault_count.end() && fc->second >= kMaxWriteFaults) {
      protectable = false;  // written too often: left writable, blocks self-check
      continue;
    }
    auto it = g_known.find(p);
    const int prot = it != g_known.end() ? it->second : (g_known[p] = prot_of(p, true));
    if (prot < 0 || !(prot & PROT_WRITE)) continue;  // the guest cannot write it
    if (find(p)) continue;                           // write-protected already
    if (g_count.load() >= kSlots / 2) {
      protectable = false;  // table full: left writable, blocks self-check
      continue;
    }
    for (unsigned i = hash(p);; i = (i + 1) & (kSlots - 1)) {
      uint64_t k = g_table[i].key.load();
      if (k == 0 || k == 2) {
        g_table[i].prot.store(prot, std::memory_order_relaxed);
        g_table[i].key.store(p | 1, std::memory_order_release);
        break;
      }
    }
    g_count++;
    mprotect(reinterpret_cast<void*>(p), kPage, prot & ~PROT_WRITE);
  }
  return protectable;
}

bool CodeWriteWatch::on_write_fault(uint64_t addr) {
  uint64_t page = addr & ~(kPage - 1);
  Entry* e = find(page);
  if (!e) return false;
  mprotect(reinterpret_cast<void*>(page), kPage, e->prot.load(std::memory_order_relaxed));
  e->key.store(2, std::memory_order_release);  // no longer watched
  g_count--;
  g_faults++;
  unsigned n = g_written_n.fetch_add(1);
  if (n < kWrittenMax) g_written[n].store(page, std::memory_order_release);
  g_any.store(true, std::memory_order_release);
  return true;
}

bool CodeWriteWatch::any_written() const { return g_any.load(std::memory_order_acquire); }

std::vector<uint64_t> CodeWriteWatch::take_written() {
  std::lock_guard<std::mutex> lock(g_mu);
  std::vector<uint64_t> out;
  g_any.store(false);
  unsigned n = g_written_n.exchange(0);
  if (n > kWrittenMax) {
    out.push_back(~0ull);  // overflowed: the caller drops everything
    n = kWrittenMax;
  }
  for (unsigned i = 0; i < n; ++i) {
    uint64_t p = g_written[i].load(std::memory_order_acquire);
    out.push_back(p);
    g_fault_count[p]++;  // re-protected (g_known keeps its prot) when code is decoded from it again
  }
  return out;
}

void CodeWriteWatch::forget(uint64_t start, uint64_t end) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_maps.clear();  // protections changed: re-read on the next miss
  std::vector<uint64_t> pages;
  if ((end - start) / kPage > g_known.size()) {
    for (const auto& [p, prot] : g_known)
      if (p + kPage > start && p < end) pages.push_back(p);
  } else {
    for (uint64_t p = start & ~(kPage - 1); p < end; p += kPage)
      if (g_known.count(p)) pages.push_back(p);
  }
  for (uint64_t p : pages) {
    g_known.erase(p);
    if (Entry* e = find(p)) {
      e->key.store(2, std::memory_order_release);
      g_count--;
    }
  }
}

uint64_t CodeWriteWatch::pages_watched() const { return g_count.load(); }
uint64_t CodeWriteWatch::write_faults() const { return g_faults.load(); }

}  // namespace retrace::codecache
