#include "codecache/code_cache.h"
#include "codecache/code_write_watch.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
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
  const size_t ib_bytes = 4 * kIbEntries * sizeof(uint64_t);
  void* ib = mmap(nullptr, ib_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  if (ib == MAP_FAILED) ib = mmap(nullptr, ib_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (ib == MAP_FAILED) {
    perror("retrace: indirect-branch table mmap");
    abort();
  }
  ib_ = static_cast<uint64_t*>(ib);  // (zero pages: every entry but the first empty)
  ib_[0] = ib_[2] = ib_empty(0);
}

CodeCache::~CodeCache() {
  by_pc_.for_each([](uint64_t, TranslatedBlock*& t) { delete t; });
  munmap(rx_base_, cap_);
  if (rw_base_ != rx_base_) munmap(rw_base_, cap_);
  // (The SMC watch's map of protections must not keep these for a later guest mapping.)
  CodeWriteWatch::mapped(reinterpret_cast<uint64_t>(rx_base_), reinterpret_cast<uint64_t>(rx_base_) + cap_, -1);
  if (rw_base_ != rx_base_)
    CodeWriteWatch::mapped(reinterpret_cast<uint64_t>(rw_base_), reinterpret_cast<uint64_t>(rw_base_) + cap_, -1);
  munmap(ib_, 4 * kIbEntries * sizeof(uint64_t));
}

uint8_t* CodeCache::alloc(size_t n) {
  size_t start = (used_ + 15) & ~size_t{15};
  if (start + n > cap_) return nullptr;
  used_ = start + n;
  return rx_base_ + start;
}

TranslatedBlock* CodeCache::find_host(uint64_t host_pc) const {
  auto it = std::upper_bound(by_host_.begin(), by_host_.end(), host_pc,
                             [](uint64_t pc, const std::pair<uint64_t, TranslatedBlock*>& e) { return pc < e.first; });
  if (it == by_host_.begin()) return nullptr;
  TranslatedBlock* tb = std::prev(it)->second;  // (null: a removed block's bytes)
  return tb && host_pc < reinterpret_cast<uint64_t>(tb->code) + tb->size ? tb : nullptr;
}

void CodeCache::add_pending(uint64_t target, TranslatedBlock* from, uint32_t idx) {
  uint32_t n;
  if (pend_free_ != kNil) {
    n = pend_free_;
    pend_free_ = pend_[n].next;
  } else {
    n = static_cast<uint32_t>(pend_.size());
    pend_.push_back({});
  }
  // The table holds the first node + 1, so that a new key's value-initialised 0 is "none".
  uint32_t& head = pending_[target];
  pend_[n] = {from, idx, head - 1};  // (head 0: none, and 0 - 1 is kNil)
  head = n + 1;
}

void CodeCache::drop_pending(uint64_t target, const TranslatedBlock* from) {
  uint32_t* head = pending_.find(target);
  if (!head) return;
  uint32_t prev = kNil;
  for (uint32_t n = *head - 1; n != kNil;) {
    const uint32_t next = pend_[n].next;
    if (pend_[n].from == from) {
      if (prev == kNil) *head = next + 1;  // (kNil + 1 == 0: no list left)
      else pend_[prev].next = next;
      pend_[n].next = pend_free_;
      pend_free_ = n;
    } else {
      prev = n;
    }
    n = next;
  }
  if (*head == 0) pending_.erase(target);
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
  TranslatedBlock* t = find(guest_pc);
  if (!t) return;
  // Jumps chained into t return to their exit stubs and wait for a new translation.
  for (auto [from, idx] : t->incoming) {
    ChainSite& site = from->chains[idx];
    uint8_t* field = from->code + site.rel32_offset;
    int32_t r32 = static_cast<int32_t>(static_cast<int64_t>(site.stub_offset) - static_cast<int64_t>(site.rel32_offset + 4));
    memcpy(rw(field), &r32, 4);
    site.linked = false;
    add_pending(site.target_pc, from, idx);
  }
  // t's own chains: forget them wherever they are recorded.
  for (size_t i = 0; i < t->chains.size(); ++i) {
    ChainSite& s = t->chains[i];
    if (s.linked) {
      if (TranslatedBlock* dst = find(s.target_pc)) {
        auto& v = dst->incoming;
        for (size_t k = 0; k < v.size(); ++k)
          if (v[k].first == t && v[k].second == i) { v[k] = v.back(); v.pop_back(); break; }
      }
    } else {
      drop_pending(s.target_pc, t);
    }
  }
  uint64_t* e = ib_ + 4 * ib_index(guest_pc);
  for (int k : {0, 2})
    if (e[k] == guest_pc) e[k] = ib_empty(ib_index(guest_pc));
  if (t->block && t->block->native == t) t->block->native = nullptr;
  const uint64_t code = reinterpret_cast<uint64_t>(t->code);
  auto it = std::lower_bound(by_host_.begin(), by_host_.end(), code,
                             [](const std::pair<uint64_t, TranslatedBlock*>& e, uint64_t c) { return e.first < c; });
  if (it != by_host_.end() && it->first == code) it->second = nullptr;
  by_pc_.erase(guest_pc);
  delete t;
  stats_.blocks = by_pc_.size();
}

TranslatedBlock* CodeCache::insert(std::unique_ptr<TranslatedBlock> tb) {
  if (find(tb->guest_pc)) remove(tb->guest_pc);  // (a stale translation of the same pc)
  TranslatedBlock* t = tb.release();
  if (t->block) t->block->native = t;
  const uint64_t code = reinterpret_cast<uint64_t>(t->code);
  if (by_host_.empty() || by_host_.back().first < code) {
    by_host_.emplace_back(code, t);
  } else {  // (not above the last: only if allocation ever stops being a bump pointer)
    auto it = std::lower_bound(by_host_.begin(), by_host_.end(), code,
                               [](const std::pair<uint64_t, TranslatedBlock*>& e, uint64_t c) { return e.first < c; });
    if (it != by_host_.end() && it->first == code) it->second = t;
    else by_host_.insert(it, {code, t});
  }
  by_pc_[t->guest_pc] = t;
  stats_.blocks++;
  stats_.bytes = used_;
  // Chains out of the new block to blocks already translated; the rest wait.
  for (size_t i = 0; i < t->chains.size(); ++i) {
    ChainSite& s = t->chains[i];
    if (TranslatedBlock* dst = find(s.target_pc)) {
      patch(*t, s, *dst);
      dst->incoming.emplace_back(t, static_cast<uint32_t>(i));
    } else {
      add_pending(s.target_pc, t, static_cast<uint32_t>(i));
    }
  }
  // Chains into the new block from blocks that were waiting for it.
  if (uint32_t* head = pending_.find(t->guest_pc)) {
    for (uint32_t n = *head - 1; n != kNil;) {
      const Pending p = pend_[n];
      patch(*p.from, p.from->chains[p.idx], *t);
      t->incoming.emplace_back(p.from, p.idx);
      pend_[n].next = pend_free_;
      pend_free_ = n;
      n = p.next;
    }
    pending_.erase(t->guest_pc);
  }
  ib_set(*t);
  return t;
}

void CodeCache::flush() {
  by_pc_.for_each([](uint64_t, TranslatedBlock*& t) {
    if (t->block && t->block->native == t) t->block->native = nullptr;
    delete t;
  });
  by_pc_.clear();
  by_host_.clear();
  pending_.clear();
  pend_.clear();
  pend_free_ = kNil;
  for (unsigned i = 0; i < kIbEntries; ++i) ib_[4 * i] = ib_[4 * i + 2] = ib_empty(i);
  used_ = reserved_;
  stats_.flushes++;
  stats_.bytes = used_;
}

}  // namespace retrace::codecache
