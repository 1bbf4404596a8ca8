// flag_neutral_length() against Zydis. Whenever it calls an instruction flag-neutral, Zydis
// must decode the same bytes to the same length, as no call, writing no status flag: over
// every byte offset of libc's text, over random byte strings made of the prefixes and
// opcodes it knows, and over the host instructions asmjit emits for the translator's data
// moves (which it must also recognise: that is what makes it worth having).
#include "backend/x86_64/host_flags.h"

#include <Zydis/Zydis.h>
#include <asmjit/x86.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/unit/real_code.h"

namespace retrace::backend {
namespace {

using test::hex;

// Zydis's decode of the instruction at p[0..n): false if it does not decode.
bool zydis_decode(const uint8_t* p, size_t n, ZydisDecodedInstruction& in) {
  static const ZydisDecoder dec = [] {
    ZydisDecoder d;
    ZydisDecoderInit(&d, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    return d;
  }();
  ZydisDecoderContext ctx;
  return ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&dec, &ctx, p, n, &in));
}

// Zydis's verdict: the length if the bytes decode to an instruction that writes no status
// flag and is no call; 0 otherwise.
size_t zydis_neutral_length(const uint8_t* p, size_t n) {
  ZydisDecodedInstruction in;
  if (!zydis_decode(p, n, in)) return 0;
  constexpr ZydisAccessedFlagsMask kStatus =
      ZYDIS_CPUFLAG_CF | ZYDIS_CPUFLAG_PF | ZYDIS_CPUFLAG_AF | ZYDIS_CPUFLAG_ZF | ZYDIS_CPUFLAG_SF | ZYDIS_CPUFLAG_OF;
  if (in.mnemonic == ZYDIS_MNEMONIC_CALL) return 0;
  if (in.cpu_flags && ((in.cpu_flags->modified | in.cpu_flags->set_0 | in.cpu_flags->set_1 | in.cpu_flags->undefined) & kStatus))
    return 0;
  return in.length;
}

// Every claim of the fast path over p[0..n) at each offset must be Zydis's too.
int check_claims(const uint8_t* p, size_t n, int* claims, int max_report = 10) {
  int bad = 0;
  for (size_t off = 0; off < n; ++off) {
    const size_t left = std::min<size_t>(15, n - off);
    const size_t fast = flag_neutral_length(p + off, left);
    if (!fast) continue;
    ++*claims;
    const size_t z = zydis_neutral_length(p + off, left);
    if (z != fast) {
      if (bad++ < max_report)
        ADD_FAILURE() << "fast path says neutral, length " << fast << "; Zydis says " << z << ": " << hex(p + off, left);
    }
  }
  return bad;
}

TEST(HostFlags, ClaimsOverLibcTextAgreeWithZydis) {
  auto segs = test::exec_segments("/lib/x86_64-linux-gnu/libc.so.6");
  ASSERT_FALSE(segs.empty());
  int claims = 0;
  for (auto& [addr, bytes] : segs) check_claims(bytes.data(), bytes.size(), &claims);
  EXPECT_GT(claims, 100000);  // (libc's text is mostly data movement)
}

TEST(HostFlags, ClaimsOverRandomPrefixedOpcodesAgreeWithZydis) {
  std::mt19937_64 rng(7);
  const uint8_t prefixes[] = {0x66, 0xF2, 0xF3, 0x40, 0x41, 0x44, 0x48, 0x49, 0x4C, 0x4D, 0x4F, 0x0F};
  const uint8_t opcodes[] = {0x88, 0x89, 0x8A, 0x8B, 0x8D, 0x63, 0xC6, 0xC7, 0xB0, 0xB8, 0xBF, 0x50, 0x5F,
                             0x70, 0x7F, 0x0F, 0x10, 0x11, 0x28, 0x29, 0x6E, 0x7E, 0x6F, 0x7F, 0xD6, 0x44,
                             0x94, 0x9F, 0xB6, 0xB7, 0xBE, 0xBF, 0x80, 0x8F, 0x01, 0x00};
  int claims = 0, bad = 0;
  for (int t = 0; t < 400000 && bad < 10; ++t) {
    uint8_t buf[15];
    size_t k = 0;
    const int np = static_cast<int>(rng() % 4);
    for (int i = 0; i < np; ++i) buf[k++] = prefixes[rng() % sizeof prefixes];
    while (k < 4) buf[k++] = opcodes[rng() % sizeof opcodes];
    while (k < sizeof buf) buf[k++] = static_cast<uint8_t>(rng());
    const size_t fast = flag_neutral_length(buf, sizeof buf);
    if (!fast) continue;
    ++claims;
    const size_t z = zydis_neutral_length(buf, sizeof buf);
    if (z != fast && bad++ < 10)
      ADD_FAILURE() << "fast " << fast << " Zydis " << z << ": " << hex(buf, sizeof buf);
  }
  EXPECT_GT(claims, 10000);
}

TEST(HostFlags, RecognisesTheTranslatorsDataMoves) {
  using namespace asmjit;
  CodeHolder code;
  code.init(Environment::host());
  asmjit::x86::Assembler a(&code);
  const asmjit::x86::Gp regs[] = {asmjit::x86::rax, asmjit::x86::rcx, asmjit::x86::rbx, asmjit::x86::rsp, asmjit::x86::rbp, asmjit::x86::rsi, asmjit::x86::r8, asmjit::x86::r12, asmjit::x86::r13, asmjit::x86::r15};
  std::vector<size_t> starts;
  auto mark = [&] { starts.push_back(a.offset()); };
  for (const asmjit::x86::Gp& d : regs) {
    for (const asmjit::x86::Gp& b : regs) {
      for (int32_t disp : {0, 8, -8, 0x82d8, -0x1000}) {
        asmjit::x86::Mem m = asmjit::x86::qword_ptr(b, disp);
        mark(); a.mov(d, m);
        mark(); a.mov(m, d);
        mark(); a.mov(asmjit::x86::dword_ptr(b, disp), d.r32());
        mark(); a.mov(asmjit::x86::byte_ptr(b, disp), d.r8());
        mark(); a.mov(asmjit::x86::word_ptr(b, disp), d.r16());
        mark(); a.lea(d, m);
        mark(); a.movzx(d.r32(), asmjit::x86::byte_ptr(b, disp));
        mark(); a.movsx(d, asmjit::x86::word_ptr(b, disp));
        mark(); a.movsxd(d, asmjit::x86::dword_ptr(b, disp));
        mark(); a.mov(asmjit::x86::qword_ptr(b, disp), Imm(7));
        mark(); a.mov(asmjit::x86::byte_ptr(b, disp), Imm(7));
        mark(); a.cmovne(d, m);
        mark(); a.movdqu(asmjit::x86::xmm5, asmjit::x86::ptr(b, disp));
        mark(); a.movdqu(asmjit::x86::ptr(b, disp), asmjit::x86::xmm12);
        mark(); a.movq(asmjit::x86::xmm3, asmjit::x86::ptr(b, disp));
        if (d != asmjit::x86::rsp) { mark(); a.lea(d, asmjit::x86::ptr(b, d, 3, disp)); }  // (rsp is no index)
      }
      mark(); a.mov(d, b);
      mark(); a.mov(d.r32(), b.r32());
      mark(); a.movzx(d.r32(), b.r8());
      mark(); a.cmovl(d, b);
      mark(); a.movq(asmjit::x86::xmm7, d);
      mark(); a.movq(d, asmjit::x86::xmm9);
    }
    mark(); a.mov(d, Imm(0x123456789abcull));
    mark(); a.mov(d.r32(), Imm(5));
    mark(); a.mov(d.r8(), Imm(5));
    mark(); a.push(d);
    mark(); a.pop(d);
    mark(); a.sete(d.r8());
    mark(); a.mov(asmjit::x86::qword_ptr_abs(0x40c98000), d);
  }
  Label l = a.newLabel();
  mark(); a.long_().jne(l);
  mark(); a.jne(l);
  a.bind(l);
  mark();
  const uint8_t* p = code.textSection()->data();
  const size_t total = code.textSection()->bufferSize();
  ASSERT_EQ(starts.back(), total);
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    const uint8_t* at = p + starts[i];
    const size_t n = starts[i + 1] - starts[i];
    const size_t fast = flag_neutral_length(at, total - starts[i]);
    EXPECT_EQ(fast, n) << hex(at, n);
    EXPECT_EQ(zydis_neutral_length(at, n), n) << hex(at, n);
  }
  // And what writes flags is not claimed.
  CodeHolder c2;
  c2.init(Environment::host());
  asmjit::x86::Assembler b(&c2);
  b.add(asmjit::x86::rax, asmjit::x86::rcx);
  b.sub(asmjit::x86::qword_ptr(asmjit::x86::r15, 8), Imm(1));
  b.xor_(asmjit::x86::eax, asmjit::x86::eax);
  b.test(asmjit::x86::ebp, asmjit::x86::ebp);
  b.shl(asmjit::x86::rax, asmjit::x86::cl);
  b.call(asmjit::x86::rdx);
  const uint8_t* q = c2.textSection()->data();
  const size_t qn = c2.textSection()->bufferSize();
  for (size_t off = 0; off < qn;) {
    EXPECT_EQ(flag_neutral_length(q + off, qn - off), 0u) << hex(q + off, qn - off);
    ZydisDecodedInstruction in;
    ASSERT_TRUE(zydis_decode(q + off, qn - off, in));
    off += in.length;
  }
}

}  // namespace
}  // namespace retrace::backend
