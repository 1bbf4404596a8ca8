// PcTable: an open-addressing hash table from a guest pc (any 64-bit value: the two that
// mark slots are kept beside the array) to a small, trivially copyable value. Linear probing over a
// power-of-two array kept at most half full (tombstones included), a multiplicative hash
// taking the product's top bits. The code cache's maps are looked up and updated for every
// block translated and every chain made or undone; std::unordered_map's node per entry and
// prime-modulo bucket index made that a measurable part of a large program's tier-up
// (cc1plus: 5.7% of its time in CodeCache::insert).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace retrace::codecache {

template <typename V>
class PcTable {
  static_assert(std::is_trivially_copyable_v<V>, "values are copied when the table grows");

 public:
  // Slot markers. Keys with these values are legal too (a branch target the guest never
  // takes may be any 64-bit value): they live beside the array, in special_.
  static constexpr uint64_t kEmpty = ~0ull;
  static constexpr uint64_t kTomb = ~0ull - 1;

  // The value for key, or nullptr. (Valid until the next insertion.)
  V* find(uint64_t key) {
    if (key >= kTomb) return has_special_[key - kTomb] ? &special_[key - kTomb] : nullptr;
    Entry* e = entry(key);
    return e ? &e->value : nullptr;
  }
  const V* find(uint64_t key) const { return const_cast<PcTable*>(this)->find(key); }

  // The value for key, made (value-initialised) if absent.
  V& operator[](uint64_t key) {
    if (V* v = find(key)) return *v;
    if (key >= kTomb) {
      has_special_[key - kTomb] = true;
      ++count_;
      special_[key - kTomb] = V{};
      return special_[key - kTomb];
    }
    if ((used_ + 1) * 2 > tab_.size()) rehash(count_ + 1);
    size_t i = home(key);
    while (tab_[i].key != kEmpty && tab_[i].key != kTomb) i = (i + 1) & mask();
    if (tab_[i].key == kEmpty) ++used_;
    ++count_;
    tab_[i].key = key;
    tab_[i].value = V{};
    return tab_[i].value;
  }

  bool erase(uint64_t key) {
    if (key >= kTomb) {
      if (!has_special_[key - kTomb]) return false;
      has_special_[key - kTomb] = false;
      --count_;
      return true;
    }
    Entry* e = entry(key);
    if (!e) return false;
    e->key = kTomb;
    --count_;
    return true;
  }

  void clear() {
    tab_.clear();
    tab_.shrink_to_fit();
    count_ = used_ = 0;
    has_special_[0] = has_special_[1] = false;
  }
  size_t size() const { return count_; }

  template <typename F>
  void for_each(F f) {
    for (Entry& e : tab_)
      if (e.key != kEmpty && e.key != kTomb) f(e.key, e.value);
    for (unsigned i = 0; i < 2; ++i)
      if (has_special_[i]) f(kTomb + i, special_[i]);
  }

 private:
  struct Entry {
    uint64_t key = kEmpty;
    V value{};
  };
  Entry* entry(uint64_t key) {
    if (tab_.empty()) return nullptr;
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      Entry& e = tab_[i];
      if (e.key == key) return &e;
      if (e.key == kEmpty) return nullptr;
    }
  }
  size_t mask() const { return tab_.size() - 1; }
  size_t home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  // A table at least four times n (so at most a quarter full after), tombstones dropped.
  void rehash(size_t n) {
    size_t size = 1024;
    unsigned bits = 10;
    while (size < 4 * n) size *= 2, ++bits;
    std::vector<Entry> old;
    old.swap(tab_);
    tab_.assign(size, Entry{});
    shift_ = 64 - bits;
    used_ = 0;
    for (const Entry& e : old) {
      if (e.key == kEmpty || e.key == kTomb) continue;
      size_t i = home(e.key);
      while (tab_[i].key != kEmpty) i = (i + 1) & mask();
      tab_[i] = e;
      ++used_;
    }
  }

  std::vector<Entry> tab_;
  size_t count_ = 0;  // live keys (the special ones too)
  size_t used_ = 0;   // array slots holding a live key or a tombstone
  bool has_special_[2] = {false, false};  // keys kTomb and kEmpty
  V special_[2] = {};
  unsigned shift_ = 54;
};

}  // namespace retrace::codecache
