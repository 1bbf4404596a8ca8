#include "codecache/code_cache.h"
#include "codecache/code_write_watch.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace retrace::codecache {

uint64_t TranslatedBlock::guest_pc_at(uint64_t host) const {
  uint64_t off = host - reinterpret_cast<uint64_t>(code);
  uint64_t pc = guest_pc;
  for (const auto& [o, g] : pc_map) {
    if (o > off) break;
    pc = g;
  }
  return pc;
}

CodeCache::CodeCache(size_t capacity, bool single_view) : cap_((capacity + 4095) & ~size_t{4095}) {
  if (single_view) {
    void* m = mmap(nullptr, cap_, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) {
      perror("retrace: code cache mmap");
      abort();
    }
    rx_base_ = rw_base_ = static_cast<uint8_t*>(m);
  } else {
    // W^X: one memfd mapped twice, an RX view that runs and an RW view that is written.
    fd_ = memfd_create("retrace-code-cache", MFD_CLOEXEC);
    if (fd_ < 0 || ftruncate(fd_, static_cast<off_t>(cap_)) != 0) {
      perror("retrace: code cache");
      abort();
    }
    void* rx = mmap(nullptr, cap_, PROT_READ | PROT_EXEC, MAP_SHARED, fd_, 0);
    void* rw = mmap(nullptr, cap_, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
    if (rx == MAP_FAILED || rw == MAP_FAILED) {
      perror("retrace: code cache mmap");
      abort();
    }
    rx_base_ = static_cast<uint8_t*>(rx);
    rw_base_ = static_cast<uint8_t*>(rw);
    // The mappings keep the memory; the descriptor would only use up a guest-visible fd.
    close(fd_);
    fd_ = -1;
  }
  const size_t ib_bytes = 2 * kIbEntries * sizeof(uint64_t);
  void* ib = mmap(nullptr, ib_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  if (ib == MAP_FAILED) ib = mmap(nullptr, ib_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (ib == MAP_FAILED) {
    perror("retrace: indirect-branch table mmap");
    abort();
  }
  ib_ = static_cast<uint64_t*>(ib);  // (zero pages: every entry but the first empty)
  ib_[0] = ib_empty(0);
}

CodeCache::~CodeCache() {
  munmap(rx_base_, cap_);
  if (rw_base_ != rx_base_) munmap(rw_base_, cap_);
  // (The SMC watch's map of protections must not keep these for a later guest mapping.)
  CodeWriteWatch::mapped(reinterpret_cast<uint64_t>(rx_base_), reinterpret_cast<uint64_t>(rx_base_) + cap_, -1);
  if (rw_base_ != rx_base_)
    CodeWriteWatch::mapped(reinterpret_cast<uint64_t>(rw_base_), reinterpret_cast<uint64_t>(rw_base_) + cap_, -1);
  munmap(ib_, 2 * kIbEntries * sizeof(uint64_t));
}

uint8_t* CodeCache::alloc(size_t n) {
  size_t start = (used_ + 15) & ~size_t{15};
  if (start + n > cap_) return nullptr;
  used_ = start + n;
  return rx_base_ + start;
}

TranslatedBlock* CodeCache::find_host(uint64_t host_pc) const {
  auto it = by_host_.upper_bound(host_pc);
  if (it == by_host_.begin()) return nullptr;
  --it;
  TranslatedBlock* tb = it->second;
  return host_pc < reinterpret_cast<uint64_t>(tb->code) + tb->size ? tb : nullptr;
}

void CodeCache::patch(TranslatedBlock& from, ChainSite& site, const TranslatedBlock& to) {
  // Past the target's pending-exit check only if its code cannot change without a
  // syscall: a guest write to a watched page sets pending_exit and must be seen before
  // the stale translation runs again.
  const bool skip = site.skip_check && to.block && !to.block->writable_code;
  const uint8_t* target = to.code + (skip ? to.unchecked_entry : 0);
  uint8_t* field = from.code + site.rel32_offset;
  int64_t rel = reinterpret_cast<int64_t>(target) - reinterpret_cast<int64_t>(field + 4);
  int32_t r32 = static_cast<int32_t>(rel);
  memcpy(rw(field), &r32, 4);
  site.linked = true;
  stats_.chain_patches++;
}

void CodeCache::remove(uint64_t guest_pc) {
  auto it = by_pc_.find(guest_pc);
  if (it == by_pc_.end()) return;
  TranslatedBlock* t = it->second.get();
  // Jumps chained into t return to their exit stubs and wait for a new translation.
  if (auto in = incoming_.find(t); in != incoming_.end()) {
    for (auto [from, idx] : in->second) {
      ChainSite& site = from->chains[idx];
      uint8_t* field = from->code + site.rel32_offset;
      int32_t r32 = static_cast<int32_t>(static_cast<int64_t>(site.stub_offset) - static_cast<int64_t>(site.rel32_offset + 4));
      memcpy(rw(field), &r32, 4);
      site.linked = false;
      pending_.emplace(site.target_pc, std::make_pair(from, idx));
    }
    incoming_.erase(in);
  }
  // t's own chains: forget them wherever they are recorded.
  for (size_t i = 0; i < t->chains.size(); ++i) {
    ChainSite& s = t->chains[i];
    if (s.linked) {
      if (TranslatedBlock* dst = find(s.target_pc)) {
        auto& v = incoming_[dst];
        for (size_t k = 0; k < v.size(); ++k)
          if (v[k].first == t && v[k].second == i) { v[k] = v.back(); v.pop_back(); break; }
      }
    } else {
      auto range = pending_.equal_range(s.target_pc);
      for (auto p = range.first; p != range.second;) p = p->second.first == t ? pending_.erase(p) : std::next(p);
    }
  }
  if (ib_[2 * ib_index(guest_pc)] == guest_pc) ib_[2 * ib_index(guest_pc)] = ib_empty(ib_index(guest_pc));
  if (t->block && t->block->native == t) t->block->native = nullptr;
  by_host_.erase(reinterpret_cast<uint64_t>(t->code));
  by_pc_.erase(it);
  stats_.blocks = by_pc_.size();
}

TranslatedBlock* CodeCache::insert(std::unique_ptr<TranslatedBlock> tb) {
  TranslatedBlock* t = tb.get();
  if (t->block) t->block->native = t;
  by_host_[reinterpret_cast<uint64_t>(t->code)] = t;
  by_pc_[t->guest_pc] = std::move(tb);
  stats_.blocks++;
  stats_.bytes = used_;
  // Chains out of the new block to blocks already translated; the rest wait.
  for (size_t i = 0; i < t->chains.size(); ++i) {
    ChainSite& s = t->chains[i];
    if (TranslatedBlock* dst = find(s.target_pc)) {
      patch(*t, s, *dst);
      incoming_[dst].emplace_back(t, i);
    } else {
      pending_.emplace(s.target_pc, std::make_pair(t, i));
    }
  }
  // Chains into the new block from blocks that were waiting for it.
  auto range = pending_.equal_range(t->guest_pc);
  for (auto it = range.first; it != range.second; ++it) {
    auto [from, idx] = it->second;
    patch(*from, from->chains[idx], *t);
    incoming_[t].emplace_back(from, idx);
  }
  pending_.erase(range.first, range.second);
  ib_set(t->guest_pc, t->code);
  return t;
}

void CodeCache::flush() {
  for (auto& [pc, t] : by_pc_)
    if (t->block && t->block->native == t.get()) t->block->native = nullptr;
  by_pc_.clear();
  by_host_.clear();
  pending_.clear();
  incoming_.clear();
  for (unsigned i = 0; i < kIbEntries; ++i) ib_[2 * i] = ib_empty(i);
  used_ = reserved_;
  stats_.flushes++;
  stats_.bytes = used_;
}

}  // namespace retrace::codecache
