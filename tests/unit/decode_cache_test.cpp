// The persistent decode cache (runtime/decode_cache.h). An entry must give back, at any
// pc its bytes are found at, exactly the IR a fresh decode there builds: checked over every
// block of real binaries, moved to another address. The file must survive a round trip and
// refuse what does not match: other bytes at the pc, a corrupt entry, a corrupt or
// truncated file.
#include "runtime/decode_cache.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ir/ir.h"
#include "tests/unit/real_code.h"

namespace retrace::rt {
namespace {

using test::exec_segments;
using test::reader_for;
using x86::CodeReader;
using x86::DecodedBlock;
using x86::DecodeOptions;
using x86::Frontend;
using x86::Mode;

// Somewhere else entirely, as a library loaded at another base would be.
constexpr uint64_t kElsewhere = 0x3e5a1000000ull;

std::string text(const ir::Block& b) {
  char buf[64];
  snprintf(buf, sizeof buf, "[%llx, %llx) temps %u\n", static_cast<unsigned long long>(b.pc),
           static_cast<unsigned long long>(b.end), b.next_temp);
  std::string s = buf + ir::print(b);
  for (const ir::InsnMark& m : b.marks) s += " m" + std::to_string(m.first_inst) + "@" + std::to_string(m.off);
  return s;
}

struct Walk {
  size_t blocks = 0, traps = 0, cached = 0, refused = 0, differing = 0;
  std::string first, first_refused;
};

// Every block of a binary's text (each starting where the one before ended), entries made
// at its link address and read back at kElsewhere above it.
Walk walk(const char* path, const DecodeOptions& opt) {
  Walk w;
  Frontend fe(Mode::M64);
  for (const auto& [vaddr, bytes] : exec_segments(path)) {
    const CodeReader here = reader_for(bytes, vaddr);
    const CodeReader probe = reader_for(bytes, vaddr + kProbeDelta);
    const CodeReader there = reader_for(bytes, vaddr + kElsewhere);
    for (uint64_t pc = vaddr; pc < vaddr + bytes.size();) {
      const DecodedBlock a = fe.decode(pc, here, opt);
      const uint64_t next = std::max(a.block->end, pc + 1);
      ++w.blocks;
      if (!a.diagnostic.empty() || a.block->terminator().op == ir::Op::ExitTrap) {
        ++w.traps;  // (bytes that do not decode, unsupported instructions, ud2/int3/hlt)
      } else {
        const DecodedBlock m = fe.decode(pc + kProbeDelta, probe, opt);
        std::vector<uint8_t> snap(a.block->end - pc + 16);
        snap.resize(here(pc, snap.data(), snap.size()));
        std::vector<uint8_t> entry;
        if (encode_entry(*a.block, *m.block, snap.data(), snap.size(), decode_variant(opt), entry)) {
          ++w.cached;
          const std::unique_ptr<ir::Block> back = decode_entry(entry.data(), entry.size(), pc + kElsewhere);
          const DecodedBlock fresh = fe.decode(pc + kElsewhere, there, opt);
          const std::string want = text(*fresh.block), got = back ? text(*back) : "(no block)";
          if (got != want && w.differing++ == 0) w.first = "entry:\n" + got + "\nfresh decode:\n" + want;
          EXPECT_EQ(entry_key_of(entry.data()), entry_key(snap.data(), pc + kElsewhere, decode_variant(opt)));
        } else if (w.refused++ == 0) {
          w.first_refused = "at pc:\n" + text(*a.block) + "\nat pc + kProbeDelta:\n" + text(*m.block);
        }
      }
      pc = next;
    }
  }
  return w;
}

TEST(DecodeCache, EveryBlockOfRealCodeComesBackAsAFreshDecodeElsewhere) {
  for (const char* path : {"/lib/x86_64-linux-gnu/libc.so.6", "/usr/bin/python3"}) {
    const Walk w = walk(path, DecodeOptions{});
    SCOPED_TRACE(path);
    EXPECT_GT(w.blocks, 20000u);
    // Every block that does not end in a trap is cacheable, but for a few whose bytes run
    // into the end of the text (fewer than 16 to key them by).
    EXPECT_EQ(w.cached + w.refused + w.traps, w.blocks);
    EXPECT_LT(w.refused, 8u) << w.cached << " cached, " << w.traps << " traps; the first refused:\n" << w.first_refused;
    EXPECT_GT(w.cached, w.blocks / 2);
    EXPECT_EQ(w.differing, 0u) << w.first;
  }
}

TEST(DecodeCache, SuperblocksAndOneInstructionBlocksToo) {
  DecodeOptions sb;
  sb.side_exits = true;
  DecodeOptions one;
  one.max_insns = 1;
  for (const DecodeOptions& opt : {sb, one}) {
    const Walk w = walk("/lib64/ld-linux-x86-64.so.2", opt);
    EXPECT_LT(w.refused, 8u);
    EXPECT_GT(w.cached, w.blocks / 2);
    EXPECT_EQ(w.differing, 0u) << w.first;
  }
}

TEST(DecodeCache, AnEntryThatIndexesOutOfRangeIsRefused) {
  // A block of real code, its entry, then the entry edited the way a forged file could
  // (its checksum is checked before this, by the cache): an operand slot past the block's
  // temps, an unknown op, an x87 row past the table. Each is refused; the unedited entry
  // decodes.
  const auto segs = exec_segments("/lib64/ld-linux-x86-64.so.2");
  ASSERT_FALSE(segs.empty());
  const auto& [vaddr, bytes] = segs[0];
  Frontend fe(Mode::M64);
  const DecodedBlock a = fe.decode(vaddr, reader_for(bytes, vaddr));
  const DecodedBlock m = fe.decode(vaddr + kProbeDelta, reader_for(bytes, vaddr + kProbeDelta));
  std::vector<uint8_t> entry;
  ASSERT_TRUE(encode_entry(*a.block, *m.block, bytes.data(), 64, decode_variant({}), entry));
  ASSERT_NE(decode_entry(entry.data(), entry.size(), vaddr), nullptr);
  uint32_t nbytes;
  memcpy(&nbytes, entry.data() + 20, 4);
  const size_t first = 40 + ((nbytes + 7) & ~7u);  // (the first instruction)
  const size_t n = a.block->insts.size();
  for (int edit = 0; edit < 3; ++edit) {
    std::vector<uint8_t> bad = entry;
    for (size_t i = 0; i < n; ++i) {
      ir::Inst in;
      memcpy(static_cast<void*>(&in), bad.data() + first + i * sizeof in, sizeof in);
      if (edit == 0 && ir::info(in.op).nargs > 0) in.a = 0xfff0;
      if (edit == 1 && i == 0) in.op = static_cast<ir::Op>(ir::kNumOps);
      if (edit == 2 && i == 0) {
        in.op = ir::Op::X87;
        in.aux = in.aux2 = 0xff;
      }
      memcpy(bad.data() + first + i * sizeof in, &in, sizeof in);
    }
    EXPECT_EQ(decode_entry(bad.data(), bad.size(), vaddr), nullptr) << "edit " << edit;
  }
}

// A temporary directory, removed with its files.
struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/retrace-dc-XXXXXX";
    path = mkdtemp(t) ? t : "";
  }
  ~TempDir() {
    if (!path.empty()) (void)!system(("rm -rf '" + path + "'").c_str());
  }
};

TEST(DecodeCache, TheFileRoundTripsAndRefusesWhatDoesNotMatch) {
  const auto segs = exec_segments("/lib/x86_64-linux-gnu/libc.so.6");
  ASSERT_FALSE(segs.empty());
  const auto& [vaddr, bytes] = segs[0];
  TempDir dir;
  ASSERT_FALSE(dir.path.empty());
  const std::string file = dir.path + "/libc-test.rtdc";
  Frontend fe(Mode::M64);
  const DecodeOptions opt;
  const CodeReader here = reader_for(bytes, vaddr);

  // First run: nothing recorded, an empty file left behind.
  std::vector<uint64_t> pcs, ends;
  {
    DecodeCache c;
    EXPECT_FALSE(c.open(file, false));
    EXPECT_TRUE(c.first_run());
    uint64_t pc = vaddr;
    for (int i = 0; i < 400; ++i) {
      const DecodedBlock d = fe.decode(pc, here, opt);
      c.record(*d.block, fe, opt, here);
      pc = std::max(d.block->end, pc + 1);
    }
    EXPECT_EQ(c.recorded(), 0u);
    EXPECT_TRUE(c.save());
  }
  // Second run: records the blocks it decodes.
  {
    DecodeCache c;
    EXPECT_FALSE(c.open(file, false));  // (valid, but empty)
    EXPECT_FALSE(c.first_run());
    uint64_t pc = vaddr;
    for (int i = 0; i < 400; ++i) {
      const DecodedBlock d = fe.decode(pc, here, opt);
      if (d.diagnostic.empty()) c.record(*d.block, fe, opt, here);
      if (d.diagnostic.empty() && d.block->terminator().op != ir::Op::ExitTrap) {
        pcs.push_back(pc);
        ends.push_back(d.block->end);
      }
      pc = std::max(d.block->end, pc + 1);
    }
    EXPECT_GT(c.recorded(), 350u);
    EXPECT_TRUE(c.save());
  }
  // Third run, with the library elsewhere: every block found, as a fresh decode there.
  const CodeReader there = reader_for(bytes, vaddr + kElsewhere);
  {
    DecodeCache c;
    EXPECT_TRUE(c.open(file, false));
    EXPECT_GT(c.loaded(), 350u);
    size_t found = 0;
    for (uint64_t pc : pcs) {
      const auto b = c.find(pc + kElsewhere, there, opt);
      if (!b) continue;
      ++found;
      EXPECT_EQ(text(*b), text(*fe.decode(pc + kElsewhere, there, opt).block));
    }
    EXPECT_EQ(found, c.loaded());
    EXPECT_GE(c.streamed(), found * 9 / 10);  // (asked for in the order they were recorded: read as a stream)
    // Other options are other entries.
    DecodeOptions one;
    one.max_insns = 1;
    EXPECT_EQ(c.find(pcs[0] + kElsewhere, there, one), nullptr);
    // One byte of a block changed, its first or its last (past the 16 the key is made of):
    // that block misses, the next one is still found.
    size_t k = 5;
    while (k + 1 < pcs.size() && ends[k] - pcs[k] < 24) ++k;
    ASSERT_LT(k + 1, pcs.size());
    for (uint64_t at : {pcs[k], ends[k] - 1}) {
      std::vector<uint8_t> changed = bytes;
      changed[at - vaddr] ^= 0x01;
      EXPECT_EQ(c.find(pcs[k] + kElsewhere, reader_for(changed, vaddr + kElsewhere), opt), nullptr);
      EXPECT_NE(c.find(pcs[k + 1] + kElsewhere, reader_for(changed, vaddr + kElsewhere), opt), nullptr);
    }
  }
  // The descriptor closed under it (a guest's closefrom): the file is opened again.
  {
    DecodeCache c;
    EXPECT_TRUE(c.open(file, false));
    for (int fd = 64; fd < 1024; ++fd) close(fd);
    size_t found = 0;
    for (uint64_t pc : pcs) found += c.find(pc + kElsewhere, there, opt) != nullptr;
    EXPECT_EQ(found, c.loaded());
  }
  // A flipped bit in an entry's IR: that entry is refused (its checksum), the rest found.
  std::vector<uint8_t> image;
  {
    FILE* f = fopen(file.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    uint8_t buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) image.insert(image.end(), buf, buf + n);
    fclose(f);
  }
  auto write_image = [&](const std::vector<uint8_t>& img) {
    FILE* f = fopen(file.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    fwrite(img.data(), 1, img.size(), f);
    fclose(f);
  };
  {
    // The first entry follows the 48-byte head; its IR follows its 40-byte head and bytes.
    std::vector<uint8_t> bad = image;
    uint32_t nbytes;
    memcpy(&nbytes, bad.data() + 48 + 20, 4);
    bad[48 + 40 + ((nbytes + 7) & ~7u) + 8] ^= 0x10;  // (the first instruction's b operand)
    write_image(bad);
    DecodeCache c;
    EXPECT_TRUE(c.open(file, false));
    EXPECT_EQ(c.find(pcs[0] + kElsewhere, there, opt), nullptr);
    EXPECT_NE(c.find(pcs[1] + kElsewhere, there, opt), nullptr);
  }
  // Truncated, or another file altogether: ignored, and nothing found.
  for (size_t keep : {image.size() / 2, size_t{20}, size_t{0}}) {
    write_image(std::vector<uint8_t>(image.begin(), image.begin() + static_cast<ptrdiff_t>(keep)));
    DecodeCache c;
    EXPECT_FALSE(c.open(file, false)) << keep;
    EXPECT_EQ(c.find(pcs[1] + kElsewhere, there, opt), nullptr);
  }
  {
    std::vector<uint8_t> bad = image;
    bad[bad.size() - 3] ^= 0xff;  // (in the index)
    write_image(bad);
    DecodeCache c;
    EXPECT_FALSE(c.open(file, false));
  }
}

TEST(DecodeCache, ItsDirectoryKeepsTheFilesUsedLast) {
  // 4200 files (over the 4096 kept), the oldest used longest ago; a run that records prunes
  // the directory to three quarters of the limit, oldest first, never its own file.
  TempDir dir;
  ASSERT_FALSE(dir.path.empty());
  const time_t now = time(nullptr);
  for (int i = 0; i < 4200; ++i) {
    const std::string f = dir.path + "/old" + std::to_string(i) + ".rtdc";
    FILE* fp = fopen(f.c_str(), "wb");
    ASSERT_NE(fp, nullptr);
    fclose(fp);
    const struct timespec t[2] = {{now - 100000 + i, 0}, {now - 100000 + i, 0}};
    utimensat(AT_FDCWD, f.c_str(), t, 0);
  }
  const auto segs = exec_segments("/lib64/ld-linux-x86-64.so.2");
  ASSERT_FALSE(segs.empty());
  const auto& [vaddr, bytes] = segs[0];
  const CodeReader here = reader_for(bytes, vaddr);
  Frontend fe(Mode::M64);
  const std::string file = dir.path + "/ld-test.rtdc";
  for (int run = 0; run < 2; ++run) {  // (the first leaves an empty file, the second records)
    DecodeCache c;
    c.open(file, false);
    uint64_t pc = vaddr;
    for (int i = 0; i < 100; ++i) {
      const DecodedBlock d = fe.decode(pc, here, DecodeOptions{});
      if (d.diagnostic.empty()) c.record(*d.block, fe, DecodeOptions{}, here);
      pc = std::max(d.block->end, pc + 1);
    }
    EXPECT_TRUE(c.save());
  }
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) n += e.path().extension() == ".rtdc";
  EXPECT_EQ(n, 4096u * 3 / 4);
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_FALSE(std::filesystem::exists(dir.path + "/old0.rtdc"));
  EXPECT_TRUE(std::filesystem::exists(dir.path + "/old4199.rtdc"));
}

}  // namespace
}  // namespace retrace::rt
