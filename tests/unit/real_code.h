// Real code for the frontend's unit tests: the executable segments of ELF files on this
// machine, and a CodeReader over a byte vector.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "frontend/x86/frontend.h"
#include "runtime/elf_loader.h"

namespace retrace::test {

// Bytes as hex, for failure messages ("48 89 e5 ...").
inline std::string hex(const uint8_t* p, size_t n) {
  std::string s;
  char b[4];
  for (size_t i = 0; i < n; ++i) {
    snprintf(b, sizeof b, i ? " %02x" : "%02x", p[i]);
    s += b;
  }
  return s;
}

inline x86::CodeReader reader_for(std::vector<uint8_t> bytes, uint64_t base) {
  return [bytes = std::move(bytes), base](uint64_t addr, uint8_t* buf, size_t n) -> size_t {
    if (addr < base || addr >= base + bytes.size()) return 0;
    size_t off = addr - base, k = std::min(n, bytes.size() - off);
    memcpy(buf, bytes.data() + off, k);
    return k;
  };
}

// The executable PT_LOAD segments of a real ELF file (at their link addresses), found
// by the runtime's own header parser. Empty when the file is missing or not an ELF.
inline std::vector<std::pair<uint64_t, std::vector<uint8_t>>> exec_segments(const char* path) {
  std::vector<std::pair<uint64_t, std::vector<uint8_t>>> out;
  FILE* f = fopen(path, "rb");
  if (!f) return out;
  std::vector<uint8_t> file;
  uint8_t buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) file.insert(file.end(), buf, buf + n);
  fclose(f);
  rt::ElfInfo info;
  rt::LoadError err;
  auto read_at = [&](uint64_t off, void* dst, size_t n) {
    if (off > file.size() || n > file.size() - off) return false;
    memcpy(dst, file.data() + off, n);
    return true;
  };
  if (!rt::parse_elf(path, file.size(), read_at, info, err)) return out;
  for (const rt::ElfSegment& seg : info.loads)
    if ((seg.flags & 1) && seg.offset + seg.filesz <= file.size())  // PF_X
      out.emplace_back(seg.vaddr, std::vector<uint8_t>(file.begin() + static_cast<ptrdiff_t>(seg.offset),
                                                       file.begin() + static_cast<ptrdiff_t>(seg.offset + seg.filesz)));
  return out;
}

}  // namespace retrace::test
