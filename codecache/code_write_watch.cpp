#include "codecache/code_write_watch.h"

#include <sched.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

namespace retrace::codecache {
namespace {

constexpr uint64_t kPage = 4096;
constexpr unsigned kSlots = 1u << 16;  // watched pages at most (more: stop watching new ones)
constexpr unsigned kWrittenMax = 4096;

// Table entry: key is page | state (page-aligned, so the low bits are free), 0 when
// empty, kTomb for a removed entry. prot is the guest's protection of the page (what we
// give back; we take PROT_WRITE away). Entries are added, removed, and moved out of kOpen
// only under g_mu; the signal handler only moves kProtected -> kOpening -> kOpen.
constexpr uint64_t kProtected = 1;  // read-only by us: a write fault is ours
constexpr uint64_t kOpening = 2;    // a handler is giving the page its prot back
constexpr uint64_t kOpen = 3;       // prot given back: a write fault here is stale
constexpr uint64_t kTomb = 4;       // page bits 0: never matches a page
struct Entry {
  std::atomic<uint64_t> key{0};
  std::atomic<int> prot{0};
};
Entry g_table[kSlots];
std::atomic<uint64_t> g_count{0};  // entries in the table (changed under g_mu)
std::atomic<uint64_t> g_faults{0};
// Written pages: the handler claims a slot (fetch_add), then stores the page into it;
// publish_locked empties the slots and resets the count once every claimed slot is read.
std::atomic<uint64_t> g_written[kWrittenMax];  // 0: empty (or claimed, not stored yet)
std::atomic<unsigned> g_written_n{0};
std::vector<uint64_t> g_taken;    // published, not yet taken (under g_mu)
std::atomic<bool> g_taken_any{false};
void (*g_publish)(uint64_t start, uint64_t end) = nullptr;
std::mutex g_mu;  // dispatchers and guest mapping syscalls (GuestChange); never the handler
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
std::vector<Range>& g_maps = *new std::vector<Range>;  // (never destroyed: code caches may go after statics)

unsigned hash(uint64_t page) { return static_cast<unsigned>((page >> 12) * 0x9E3779B97F4A7C15ull >> 48) & (kSlots - 1); }

void reload_maps() {
  g_maps.clear();
  FILE* f = fopen("/proc/self/maps", "re");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    // "lo-hi perms ...", hex addresses (parsed by hand: sscanf was most of the cost).
    char* p = line;
    char* e = nullptr;
    const unsigned long long lo = strtoull(p, &e, 16);
    if (e == p || *e != '-') continue;
    p = e + 1;
    const unsigned long long hi = strtoull(p, &e, 16);
    if (e == p || e[0] != ' ' || !e[1] || !e[2] || !e[3]) continue;
    const char* perms = e + 1;
    int prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) | (perms[2] == 'x' ? PROT_EXEC : 0);
    g_maps.push_back({lo, hi, prot});
  }
  fclose(f);
}

// [start, end) changed: what g_maps said of it is stale (whole ranges that touch it go:
// their other pages are re-read on the next miss), and prot >= 0 is what it is now.
// Every other range stays: re-reading /proc/self/maps after each guest mmap or mprotect
// (ld.so makes several per library) was a measurable part of start-up.
void maps_update(uint64_t start, uint64_t end, int prot) {
  if (g_maps.empty()) return;  // (nothing loaded: the next miss reads everything)
  std::erase_if(g_maps, [&](const Range& r) { return r.lo < end && r.hi > start; });
  if (prot >= 0 && start < end) g_maps.push_back({start, end, prot});
}

int prot_of(uint64_t page, bool retry) {
  for (const Range& r : g_maps)
    if (page >= r.lo && page < r.hi) return r.prot;
  if (!retry) return -1;
  reload_maps();
  return prot_of(page, false);
}

// Pages known read-only to the guest and never written through us, the commonest answer
// for code pages, in a direct-mapped memo in front of the two maps (under g_mu; emptied
// whenever a protection or a fault count changes).
constexpr unsigned kRoMemo = 512;
uint64_t g_ro_memo[kRoMemo];  // page | 1, or 0 (page 0 is a page too)
inline uint64_t& ro_memo(uint64_t page) { return g_ro_memo[(page >> 12) & (kRoMemo - 1)]; }
void ro_memo_clear() { memset(g_ro_memo, 0, sizeof g_ro_memo); }

// The guest's protection of a page (-1: not a mapping), learned once (under g_mu).
int known_prot(uint64_t page) {
  auto it = g_known.find(page);
  return it != g_known.end() ? it->second : (g_known[page] = prot_of(page, true));
}

Entry* find(uint64_t page) {
  for (unsigned i = hash(page), n = 0; n < kSlots; i = (i + 1) & (kSlots - 1), ++n) {
    uint64_t k = g_table[i].key.load(std::memory_order_acquire);
    if (k == 0) return nullptr;
    if ((k & ~(kPage - 1)) == page && (k & (kPage - 1)) != kTomb) return &g_table[i];
  }
  return nullptr;
}

// A new entry for page, in kOpen (under g_mu; the caller checked that there is room).
Entry* insert(uint64_t page, int prot) {
  for (unsigned i = hash(page);; i = (i + 1) & (kSlots - 1)) {
    uint64_t k = g_table[i].key.load();
    if (k == 0 || k == kTomb) {
      g_table[i].prot.store(prot, std::memory_order_relaxed);
      g_table[i].key.store(page | kOpen, std::memory_order_release);
      g_count++;
      return &g_table[i];
    }
  }
}

// Waits out a handler that is giving page back (it takes no lock, so it finishes), and
// returns the entry's key then (under g_mu: nothing else moves it out of kOpen).
uint64_t settled_key(Entry* e, uint64_t page) {
  uint64_t k;
  while ((k = e->key.load(std::memory_order_acquire)) == (page | kOpening)) sched_yield();
  return k;
}

// Write-protects a kOpen page (under g_mu). The kernel's protection changes first: a
// write fault in between finds kOpen and retries until the entry says kProtected.
bool protect(Entry* e, uint64_t page) {
  if (settled_key(e, page) == (page | kProtected)) return true;
  if (mprotect(reinterpret_cast<void*>(page), kPage, e->prot.load(std::memory_order_relaxed) & ~PROT_WRITE) != 0)
    return false;
  e->key.store(page | kProtected, std::memory_order_release);
  return true;
}

// Gives a page we write-protected its prot back (under g_mu), as a write fault would,
// without recording it as written.
void unprotect(Entry* e, uint64_t page) {
  for (;;) {
    uint64_t k = settled_key(e, page);
    if (k != (page | kProtected)) return;
    if (e->key.compare_exchange_strong(k, page | kOpening, std::memory_order_acq_rel)) break;
  }
  mprotect(reinterpret_cast<void*>(page), kPage, e->prot.load(std::memory_order_relaxed));
  e->key.store(page | kOpen, std::memory_order_release);
}

// The pages of [start, end) the watch knows (under g_mu); every entry's page is known.
std::vector<uint64_t> known_pages(uint64_t start, uint64_t end) {
  std::vector<uint64_t> pages;
  start &= ~(kPage - 1);
  if ((end - start) / kPage > g_known.size()) {
    for (const auto& [p, prot] : g_known)
      if (p >= start && p < end) pages.push_back(p);
  } else {
    for (uint64_t p = start; p < end; p += kPage)
      if (g_known.count(p)) pages.push_back(p);
  }
  return pages;
}

// The guest's mapping or protection of [start, end) changed to prot (-1: unmapped or not
// known), under g_mu. A page the guest can still write keeps its entry in kOpen, so a
// write fault raised while we had it read-only, whose handler runs only now, is retried;
// any other page is forgotten (and a write fault there is the guest's).
void forget_locked(uint64_t start, uint64_t end, int prot) {
  maps_update(start, end, prot);  // (the rest of g_maps stays good)
  ro_memo_clear();
  const bool writable = prot >= 0 && (prot & PROT_WRITE);
  for (uint64_t p : known_pages(start, end)) {
    Entry* e = find(p);
    if (writable) {
      g_known[p] = prot;
      if (e) {
        unprotect(e, p);  // (GuestChange::before did, before the syscall)
        e->prot.store(prot, std::memory_order_relaxed);
      }
      continue;
    }
    g_known.erase(p);
    if (e) {
      unprotect(e, p);
      e->key.store(kTomb, std::memory_order_release);
      g_count--;
    }
  }
}

// Moves the pages write faults recorded into g_taken and has the publisher drop every
// thread's blocks from them (under g_mu). The count drops to 0 only after that, so until
// then any_written() stays true, and another thread's publish_written/take_written waits
// here for the publication to be complete.
void publish_locked() {
  unsigned done = 0;
  bool flushed = false;
  for (;;) {
    unsigned c = g_written_n.load(std::memory_order_acquire);
    if (c == done) {
      if (g_written_n.compare_exchange_strong(c, 0, std::memory_order_acq_rel)) return;
      continue;  // more were recorded meanwhile
    }
    for (unsigned i = done; i < c && i < kWrittenMax; ++i) {
      uint64_t p;
      // A handler on another thread between its fetch_add and its store: it finishes.
      while ((p = g_written[i].exchange(0, std::memory_order_acq_rel)) == 0) sched_yield();
      g_taken.push_back(p);
      g_fault_count[p]++;  // re-protected (g_known keeps its prot) when code is decoded from it again
      ro_memo_clear();
      if (g_publish) g_publish(p, p + kPage);
    }
    if (c > kWrittenMax && !flushed) {  // overflowed: everything goes
      flushed = true;
      g_taken.push_back(~0ull);
      if (g_publish) g_publish(0, ~0ull);
    }
    g_taken_any.store(true, std::memory_order_release);
    done = c;
  }
}

}  // namespace

CodeWriteWatch& CodeWriteWatch::instance() {
  static CodeWriteWatch w;
  return w;
}

bool CodeWriteWatch::watch(uint64_t start, uint64_t end, bool* writable) {
  std::lock_guard<std::mutex> lock(g_mu);
  bool protectable = true, any_writable = false;
  for (uint64_t p = start & ~(kPage - 1); p < end; p += kPage) {
    if (ro_memo(p) == (p | 1)) continue;  // read-only, no write faults: nothing to watch
    if (auto fc = g_fault_count.find(p); fc != g_fault_count.end() && fc->second >= kMaxWriteFaults) {
      protectable = false;  // written too often: left writable, blocks self-check
      any_writable = true;
      continue;
    }
    const int prot = known_prot(p);
    if (prot < 0 || (prot & PROT_WRITE)) any_writable = true;
    if (prot >= 0 && !(prot & PROT_WRITE)) ro_memo(p) = p | 1;
    if (prot < 0 || !(prot & PROT_WRITE)) continue;  // the guest cannot write it
    Entry* e = find(p);
    if (!e) {
      if (g_count.load() >= kSlots / 2) {
        protectable = false;  // table full: left writable, blocks self-check
        continue;
      }
      e = insert(p, prot);
    }
    if (!protect(e, p)) protectable = false;
  }
  if (writable) *writable = any_writable;
  return protectable;
}

bool CodeWriteWatch::guest_writable(uint64_t start, uint64_t end) {
  std::lock_guard<std::mutex> lock(g_mu);
  for (uint64_t p = start & ~(kPage - 1); p < end; p += kPage) {
    if (ro_memo(p) == (p | 1)) continue;
    const int prot = known_prot(p);
    if (prot < 0 || (prot & PROT_WRITE)) return true;  // (not a mapping we know: assume so)
  }
  return false;
}

int CodeWriteWatch::guest_prot(uint64_t addr) {
  std::lock_guard<std::mutex> lock(g_mu);
  return known_prot(addr & ~(kPage - 1));
}

namespace {
enum class GiveBack { NotOurs, GivenBack, Stale };
// A write to a page: if we write-protected it, its protection goes back and the page is
// recorded as written (async-signal-safe: the fault handler's path).
GiveBack give_back(uint64_t page) {
  // A few rounds: the entry may be forgotten (and its slot reused) under us.
  for (int round = 0; round < 4; ++round) {
    Entry* e = find(page);
    if (!e) return GiveBack::NotOurs;
    uint64_t k = e->key.load(std::memory_order_acquire);
    if (k == (page | kOpening) || k == (page | kOpen)) {
      // Another thread's fault is giving (or gave) the page back; this write faulted while
      // it was read-only. Retry it (it faults again until the kernel has the new prot).
      return GiveBack::Stale;
    }
    if (k != (page | kProtected)) continue;
    if (!e->key.compare_exchange_strong(k, page | kOpening, std::memory_order_acq_rel)) continue;
    if (mprotect(reinterpret_cast<void*>(page), kPage, e->prot.load(std::memory_order_relaxed)) != 0) {
      e->key.store(page | kProtected, std::memory_order_release);  // still read-only: the guest's fault
      return GiveBack::NotOurs;
    }
    e->key.store(page | kOpen, std::memory_order_release);
    g_faults++;
    unsigned n = g_written_n.fetch_add(1, std::memory_order_acq_rel);
    if (n < kWrittenMax) g_written[n].store(page, std::memory_order_release);
    return GiveBack::GivenBack;
  }
  return GiveBack::NotOurs;
}
}  // namespace

bool CodeWriteWatch::on_write_fault(uint64_t addr) { return give_back(addr & ~(kPage - 1)) != GiveBack::NotOurs; }

bool CodeWriteWatch::before_kernel_write(uint64_t start, uint64_t end) {
  if (g_count.load(std::memory_order_acquire) == 0 || start >= end) return false;
  bool any = false;
  const uint64_t first = start & ~(kPage - 1);
  if ((end - first) / kPage <= kSlots / 16) {
    for (uint64_t p = first; p < end && p >= first; p += kPage) any |= give_back(p) == GiveBack::GivenBack;
  } else {
    // (A long range: the table's live entries in it, not every page of it.)
    for (Entry& e : g_table) {
      const uint64_t k = e.key.load(std::memory_order_acquire), page = k & ~(kPage - 1);
      if ((k & (kPage - 1)) == kProtected && page >= first && page < end) any |= give_back(page) == GiveBack::GivenBack;
    }
  }
  return any;
}

bool CodeWriteWatch::any_written() const {
  return g_written_n.load(std::memory_order_acquire) != 0 || g_taken_any.load(std::memory_order_acquire);
}

void CodeWriteWatch::set_publisher(void (*publish)(uint64_t start, uint64_t end)) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_publish = publish;
}

void CodeWriteWatch::publish_written() {
  std::lock_guard<std::mutex> lock(g_mu);
  publish_locked();
}

std::vector<uint64_t> CodeWriteWatch::take_written() {
  std::lock_guard<std::mutex> lock(g_mu);
  publish_locked();
  std::vector<uint64_t> out;
  out.swap(g_taken);
  g_taken_any.store(false, std::memory_order_release);
  return out;
}

void CodeWriteWatch::fork_prepare() { g_mu.lock(); }
void CodeWriteWatch::fork_parent() { g_mu.unlock(); }
void CodeWriteWatch::fork_child() { new (&g_mu) std::mutex; }

CodeWriteWatch::GuestChange::GuestChange() { g_mu.lock(); }
CodeWriteWatch::GuestChange::~GuestChange() { g_mu.unlock(); }

void CodeWriteWatch::GuestChange::before(uint64_t start, uint64_t end) {
  for (uint64_t p : known_pages(start, end))
    if (Entry* e = find(p)) unprotect(e, p);
}

void CodeWriteWatch::GuestChange::after(uint64_t start, uint64_t end, int prot) {
  forget_locked(start, end, prot);
}

void CodeWriteWatch::mapped(uint64_t start, uint64_t end, int prot) {
  std::lock_guard<std::mutex> lock(g_mu);
  maps_update(start, end, prot);
}

uint64_t CodeWriteWatch::pages_watched() const { return g_count.load(); }
uint64_t CodeWriteWatch::write_faults() const { return g_faults.load(); }

}  // namespace retrace::codecache
