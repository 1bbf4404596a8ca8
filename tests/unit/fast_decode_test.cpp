// fast_decode64() against Zydis. The fast path must give every field the frontend reads
// the value Zydis gives it, or decline: over every instruction of real binaries, over
// every byte offset of libc's text (whatever garbage that decodes to), and over random
// byte strings built from prefixes and the opcodes it knows. And the IR the frontend
// builds must come out the same either way.
#include "frontend/x86/fast_decode.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "ir/ir.h"
#include "tests/unit/real_code.h"

namespace retrace::x86 {
namespace {

using test::exec_segments;
using test::hex;
using test::reader_for;

// Every field fast_decode.h promises, printed; two decodes agree when the strings do.
std::string fields(const ZydisDecodedInstruction& in, const ZydisDecodedOperand* ops) {
  char buf[512];
  std::string s;
  snprintf(buf, sizeof buf,
           "%s len=%u mode=%d enc=%d map=%d op=%02x sw=%u ow=%u aw=%u n=%u/%u attr=%llx bt=%d modrm=%u/%u/%u "
           "rex=%u%u%u%u",
           ZydisMnemonicGetString(in.mnemonic), in.length, in.machine_mode, in.encoding, in.opcode_map, in.opcode,
           in.stack_width, in.operand_width, in.address_width, in.operand_count, in.operand_count_visible,
           static_cast<unsigned long long>(in.attributes & kFastAttributes), in.meta.branch_type, in.raw.modrm.mod,
           in.raw.modrm.reg, in.raw.modrm.rm, in.raw.rex.W, in.raw.rex.R, in.raw.rex.X, in.raw.rex.B);
  s = buf;
  for (unsigned i = 0; i < in.operand_count_visible; ++i) {
    const ZydisDecodedOperand& o = ops[i];
    snprintf(buf, sizeof buf, " | #%u t=%d sz=%u vis=%d ", o.id, o.type, o.size, o.visibility);
    s += buf;
    switch (o.type) {
      case ZYDIS_OPERAND_TYPE_REGISTER: s += ZydisRegisterGetString(o.reg.value); break;
      case ZYDIS_OPERAND_TYPE_MEMORY:
        snprintf(buf, sizeof buf, "mem%d %s:[%s+%s*%u%s%lld]", o.mem.type, ZydisRegisterGetString(o.mem.segment),
                 ZydisRegisterGetString(o.mem.base), ZydisRegisterGetString(o.mem.index), o.mem.scale,
                 o.mem.disp.has_displacement ? " disp " : " nodisp ", static_cast<long long>(o.mem.disp.value));
        s += buf;
        break;
      case ZYDIS_OPERAND_TYPE_IMMEDIATE:
        snprintf(buf, sizeof buf, "imm s=%d rel=%d %llx", o.imm.is_signed, o.imm.is_relative,
                 static_cast<unsigned long long>(o.imm.value.u));
        s += buf;
        break;
      default: break;
    }
  }
  return s;
}

// Decodes as the frontend's Zydis path does: visible operands only, counted as all.
struct Reference {
  ZydisDecoder dec;
  Reference() { ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64); }
  bool decode(const uint8_t* p, size_t n, ZydisDecodedInstruction& in, ZydisDecodedOperand* ops) const {
    ZydisDecoderContext ctx;
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&dec, &ctx, p, n, &in))) return false;
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeOperands(&dec, &ctx, &in, ops, in.operand_count_visible))) return false;
    in.operand_count = in.operand_count_visible;
    return true;
  }
};

// Compares one decode; counts what the fast path took and remembers the first difference.
struct Comparison {
  Reference ref;
  size_t tried = 0, fast = 0, differing = 0;
  std::string first;
  void at(const uint8_t* p, size_t n) {
    ++tried;
    ZydisDecodedInstruction fi, zi;
    ZydisDecodedOperand fo[ZYDIS_MAX_OPERAND_COUNT], zo[ZYDIS_MAX_OPERAND_COUNT];
    if (!fast_decode64(p, n, fi, fo)) return;
    ++fast;
    const std::string f = fields(fi, fo);
    const std::string z = ref.decode(p, n, zi, zo) ? fields(zi, zo) : "(Zydis: does not decode)";
    if (f != z && differing++ == 0) first = hex(p, n) + "\n  fast:  " + f + "\n  Zydis: " + z;
  }
};

const char* const kBinaries[] = {"/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2", "/usr/bin/python3",
                                 "/usr/bin/perl", "/usr/bin/sqlite3", "/usr/bin/lua5.4", "/bin/busybox", "/bin/bzip2"};

TEST(FastDecode, AgreesWithZydisOnEveryInstructionOfRealBinaries) {
  Comparison c;
  Reference ref;
  size_t binaries = 0;
  for (const char* path : kBinaries) {
    const auto segs = exec_segments(path);
    if (segs.empty()) continue;
    ++binaries;
    for (const auto& [vaddr, bytes] : segs) {
      (void)vaddr;
      for (size_t off = 0; off < bytes.size();) {
        const size_t n = std::min<size_t>(ZYDIS_MAX_INSTRUCTION_LENGTH, bytes.size() - off);
        c.at(bytes.data() + off, n);
        ZydisDecodedInstruction zi;
        ZydisDecodedOperand zo[ZYDIS_MAX_OPERAND_COUNT];
        off += ref.decode(bytes.data() + off, n, zi, zo) ? zi.length : 1;
      }
    }
  }
  EXPECT_GE(binaries, 2u);  // libc and python3 at least (setup.sh installs the others)
  EXPECT_EQ(c.differing, 0u) << c.first;
  // The fast path is only worth having if it takes most real instructions.
  EXPECT_GT(c.fast * 100, c.tried * 70) << c.fast << " of " << c.tried;
  printf("fast path took %zu of %zu instructions (%zu binaries)\n", c.fast, c.tried, binaries);
}

// Every byte offset of libc's text: misaligned starts give prefix runs, odd ModRM/SIB
// forms and truncations that instruction boundaries never show.
TEST(FastDecode, AgreesWithZydisAtEveryByteOffsetOfLibc) {
  Comparison c;
  const auto segs = exec_segments("/lib/x86_64-linux-gnu/libc.so.6");
  ASSERT_FALSE(segs.empty());
  for (const auto& [vaddr, bytes] : segs) {
    (void)vaddr;
    for (size_t off = 0; off < bytes.size(); ++off)
      c.at(bytes.data() + off, std::min<size_t>(ZYDIS_MAX_INSTRUCTION_LENGTH, bytes.size() - off));
  }
  EXPECT_GT(c.tried, 1000000u);
  EXPECT_EQ(c.differing, 0u) << c.first;
}

// Random byte strings shaped like instructions: prefixes (including the ones the fast
// path refuses), an opcode it knows or a random one, random ModRM/SIB/immediates, and a
// random length cut (an instruction cut short must be declined, as Zydis fails it).
TEST(FastDecode, AgreesWithZydisOnRandomInstructionShapedBytes) {
  static const uint8_t kPrefixes[] = {0x66, 0x64, 0x65, 0xf0, 0xf2, 0xf3, 0x2e, 0x3e, 0x26, 0x36, 0x67};
  static const uint8_t kOpcodes[] = {0x01, 0x03, 0x05, 0x29, 0x31, 0x39, 0x3b, 0x50, 0x5d, 0x63, 0x68, 0x69, 0x6a, 0x6b,
                                     0x74, 0x7f, 0x80, 0x81, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8d,
                                     0x8f, 0x90, 0x98, 0x99, 0xa8, 0xa9, 0xb0, 0xb8, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc6,
                                     0xc7, 0xc9, 0xd0, 0xd1, 0xd2, 0xd3, 0xe8, 0xe9, 0xeb, 0xf6, 0xf7, 0xfe, 0xff};
  static const uint8_t kOpcodes0f[] = {0x05, 0x1e, 0x1f, 0x40, 0x44, 0x4f, 0x84, 0x8f, 0x90, 0x95, 0x9f, 0xa3,
                                       0xab, 0xaf, 0xb3, 0xb6, 0xb7, 0xba, 0xbb, 0xbe, 0xbf};
  std::mt19937_64 rng(20261122);
  Comparison c;
  for (int iter = 0; iter < 2000000; ++iter) {
    uint8_t b[ZYDIS_MAX_INSTRUCTION_LENGTH];
    for (uint8_t& x : b) x = static_cast<uint8_t>(rng());
    size_t i = 0;
    const uint64_t r = rng();
    for (unsigned k = 0, np = r % 3; k < np; ++k) b[i++] = kPrefixes[rng() % sizeof kPrefixes];
    if ((r >> 8) % 4 != 0) b[i++] = static_cast<uint8_t>(0x40 | (rng() & 0xf));  // REX
    switch ((r >> 16) % 4) {
      case 0: case 1: b[i++] = kOpcodes[rng() % sizeof kOpcodes]; break;
      case 2: b[i++] = 0x0f; b[i++] = kOpcodes0f[rng() % sizeof kOpcodes0f]; break;
      default: break;  // random opcode byte
    }
    if ((r >> 24) % 16 == 0) {  // endbr64 and its near misses
      b[0] = 0xf3, b[1] = 0x0f, b[2] = 0x1e, b[3] = (r >> 32) % 2 ? 0xfa : static_cast<uint8_t>(rng());
    }
    const size_t n = (r >> 40) % 4 == 0 ? 1 + (r >> 48) % ZYDIS_MAX_INSTRUCTION_LENGTH : sizeof b;
    c.at(b, n);
  }
  EXPECT_EQ(c.differing, 0u) << c.first;
  EXPECT_GT(c.fast, 200000u);  // the shapes reach the fast path often
}

// The frontend's IR is the same with and without the fast path, one instruction per block
// over python3's text (diagnostics of refused forms included).
TEST(FastDecode, FrontendBuildsTheSameIrWithAndWithoutTheFastPath) {
  const auto segs = exec_segments("/usr/bin/python3");
  ASSERT_FALSE(segs.empty());
  Frontend fe(Mode::M64);
  size_t compared = 0, differing = 0;
  std::string first;
  for (const auto& [vaddr, bytes] : segs) {
    const CodeReader rd = reader_for(bytes, vaddr);
    DecodeOptions fast, zydis;
    fast.max_insns = zydis.max_insns = 1;
    zydis.fast_decoder = false;
    for (uint64_t pc = vaddr; pc < vaddr + bytes.size();) {
      DecodedBlock a = fe.decode(pc, rd, fast), b = fe.decode(pc, rd, zydis);
      const std::string ta = ir::print(*a.block) + a.diagnostic, tb = ir::print(*b.block) + b.diagnostic;
      ++compared;
      if (ta != tb && differing++ == 0) first = "fast:\n" + ta + "\nZydis:\n" + tb;
      pc = std::max(a.block->end, pc + 1);
    }
  }
  EXPECT_GT(compared, 100000u);
  EXPECT_EQ(differing, 0u) << first;
}

}  // namespace
}  // namespace retrace::x86
