// Native and retrace execution of a generated case (see runner.h for the code layout).
#include "tests/diff/runner.h"

#include <Zydis/Zydis.h>
#include <asmjit/x86.h>
#include <sys/mman.h>

#include <csetjmp>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "backend/x86_64/translator.h"
#include "codecache/code_cache.h"
#include "frontend/x86/frontend.h"
#include "ir/flags.h"
#include "ir/interp.h"
#include "ir/passes.h"
#include "ir/state.h"
#include "runtime/dispatcher.h"

namespace retrace::difftest {

namespace {

constexpr size_t kCodeCap = 1 << 20;
constexpr size_t kStackSize = 4096;  // retrace's guest stack (callpop, pushret); native uses its own
constexpr unsigned kMaxBlocks = 100000;
constexpr size_t kCacheSize = 1 << 20;   // Tier::Native, Tier::NativeOne
constexpr size_t kTinyCacheSize = 4096;  // Tier::NativeTiny: a few blocks, then a flush
constexpr unsigned kTinyBlockInsns = 2;  // many small blocks: the cache fills mid-case

sigjmp_buf g_jb;
volatile sig_atomic_t g_armed = 0;

void on_signal(int sig, siginfo_t*, void*) {
  if (g_armed) {
    g_armed = 0;
    siglongjmp(g_jb, sig);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void install_handlers() {
  static bool done = false;
  if (done) return;
  done = true;
  struct sigaction sa {};
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP}) sigaction(s, &sa, nullptr);
}

std::vector<uint8_t> assemble(void (*body)(asmjit::x86::Assembler&)) {
  using namespace asmjit;
  CodeHolder code;
  code.init(Environment::host());
  asmjit::x86::Assembler a(&code);
  body(a);
  CodeBuffer& buf = code.textSection()->buffer();
  return {buf.data(), buf.data() + buf.size()};
}

const asmjit::x86::Gp& gpq(unsigned i) {
  static const asmjit::x86::Gp regs[16] = {
      asmjit::x86::rax, asmjit::x86::rcx, asmjit::x86::rdx, asmjit::x86::rbx,
      asmjit::x86::rsp, asmjit::x86::rbp, asmjit::x86::rsi, asmjit::x86::rdi,
      asmjit::x86::r8,  asmjit::x86::r9,  asmjit::x86::r10, asmjit::x86::r11,
      asmjit::x86::r12, asmjit::x86::r13, asmjit::x86::r14, asmjit::x86::r15};
  return regs[i];
}

constexpr int kFlagsOff = static_cast<int>(offsetof(Regs, rflags));

// void thunk(const Regs* in /*rdi*/, Regs* out /*rsi*/): callee-saved registers are saved
// around the sequence; `out` waits on the stack.
void prologue(asmjit::x86::Assembler& a) {
  using namespace asmjit::x86;
  for (auto r : {rbx, rbp, r12, r13, r14, r15}) a.push(r);
  a.push(rsi);
  a.push(qword_ptr(rdi, kFlagsOff));
  a.popfq();
  for (unsigned i = 0; i < 16; ++i)
    if (i != 4 && i != 7) a.mov(gpq(i), qword_ptr(rdi, static_cast<int32_t>(i * 8)));
  a.mov(rdi, qword_ptr(rdi, 7 * 8));
}

void epilogue(asmjit::x86::Assembler& a) {
  using namespace asmjit::x86;
  a.pushfq();
  a.push(rax);
  a.mov(rax, qword_ptr(rsp, 16));
  for (unsigned i = 1; i < 16; ++i)
    if (i != 4) a.mov(qword_ptr(rax, static_cast<int32_t>(i * 8)), gpq(i));
  a.pop(rcx);
  a.mov(qword_ptr(rax, 0), rcx);
  a.pop(rcx);
  a.mov(qword_ptr(rax, kFlagsOff), rcx);
  a.pop(rcx);
  a.cld();
  for (auto r : {r15, r14, r13, r12, rbp, rbx}) a.pop(r);
  a.ret();
}

std::string hex(uint64_t v) {
  char b[24];
  snprintf(b, sizeof b, "0x%016llx", static_cast<unsigned long long>(v));
  return b;
}

const char* const kRegNames[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                   "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

std::string flag_names(uint64_t f) {
  static const struct {
    uint64_t bit;
    const char* n;
  } names[] = {{fCF, "CF"}, {fPF, "PF"}, {fAF, "AF"}, {fZF, "ZF"},
               {fSF, "SF"}, {fOF, "OF"}, {kDF, "DF"}};
  std::string s;
  for (auto& n : names)
    if (f & n.bit) s += s.empty() ? n.n : std::string(" ") + n.n;
  return s.empty() ? "-" : s;
}

// Interprets b; returns the host signal number if it faulted (a retrace bug), else 0.
__attribute__((noinline)) int guarded_interpret(const ir::Block& b, ir::MachineState& st,
                                                ir::Exit& ex) {
  if (int sig = sigsetjmp(g_jb, 1)) return sig;
  g_armed = 1;
  ex = ir::interpret(b, st);
  g_armed = 0;
  return 0;
}

// Runs translated code from tb; returns the host signal number if it faulted, else 0.
__attribute__((noinline)) int guarded_run(backend::Translator& tr, ir::MachineState& st,
                                          const codecache::TranslatedBlock* tb,
                                          ir::ExitKind& kind) {
  if (int sig = sigsetjmp(g_jb, 1)) return sig;
  g_armed = 1;
  kind = tr.run(st, tb);
  g_armed = 0;
  return 0;
}

// Host code of a translation, one instruction a line, grouped by guest instruction
// (TranslatedBlock::pc_map); offsets from the block's entry.
std::string host_code(const codecache::TranslatedBlock& tb) {
  std::string out;
  char line[160];
  snprintf(line, sizeof line, "host code of block 0x%llx (%u bytes):\n",
           static_cast<unsigned long long>(tb.guest_pc), tb.size);
  out += line;
  size_t m = 0;
  for (uint32_t off = 0; off < tb.size;) {
    while (m < tb.pc_map.size() && tb.pc_map[m].first <= off) {
      snprintf(line, sizeof line, "  ; guest 0x%llx\n",
               static_cast<unsigned long long>(tb.pc_map[m].second));
      out += line;
      ++m;
    }
    ZydisDisassembledInstruction d;
    uint64_t at = reinterpret_cast<uint64_t>(tb.code) + off;
    if (!ZYAN_SUCCESS(ZydisDisassembleIntel(ZYDIS_MACHINE_MODE_LONG_64, at, tb.code + off,
                                            tb.size - off, &d))) {
      out += "    (undecodable)\n";
      break;
    }
    snprintf(line, sizeof line, "    +%-5u %s\n", off, d.text);
    out += line;
    off += d.info.length;
  }
  return out;
}

}  // namespace

bool is_native(Tier t) { return t == Tier::Native || t == Tier::NativeOne || t == Tier::NativeTiny; }

const char* tier_name(Tier t) {
  switch (t) {
    case Tier::Block:
      return "interp";
    case Tier::Single:
      return "interp/1-insn-blocks";
    case Tier::Passes:
      return "interp+passes";
    case Tier::Native:
      return "native";
    case Tier::NativeOne:
      return "native/1-insn-blocks";
    case Tier::NativeTiny:
      return "native/tiny-cache";
  }
  return "?";
}

const char* status_name(Status s) {
  switch (s) {
    case Status::Pass:
      return "pass";
    case Status::Mismatch:
      return "mismatch";
    case Status::Unsupported:
      return "unsupported";
    case Status::NativeFault:
      return "native-fault";
    case Status::RetraceFault:
      return "retrace-fault";
    case Status::BadExit:
      return "bad-exit";
    case Status::BadIr:
      return "bad-ir";
  }
  return "?";
}

Runner::Runner() {
  install_handlers();
  code_cap_ = kCodeCap;
  void* p = mmap(nullptr, code_cap_, PROT_READ | PROT_WRITE | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  void* m =
      mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  if (m == MAP_FAILED)
    m = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED || m == MAP_FAILED) throw std::runtime_error("difftest: mmap failed");
  code_ = static_cast<uint8_t*>(p);
  mem_ = static_cast<uint8_t*>(m);
  void* stk = mmap(nullptr, kStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stk == MAP_FAILED) throw std::runtime_error("difftest: mmap failed");
  stack_ = static_cast<uint8_t*>(stk);
  prologue_ = assemble(prologue);
  epilogue_ = assemble(epilogue);
  state_ = new ir::MachineState();
  cache_ = std::make_unique<codecache::CodeCache>(kCacheSize);
  translator_ = std::make_unique<backend::Translator>(*cache_);
  tiny_cache_ = std::make_unique<codecache::CodeCache>(kTinyCacheSize);
  tiny_translator_ = std::make_unique<backend::Translator>(*tiny_cache_);
}

Runner::~Runner() {
  tiny_translator_.reset();
  tiny_cache_.reset();
  translator_.reset();
  cache_.reset();
  delete static_cast<ir::MachineState*>(state_);
  munmap(code_, code_cap_);
  munmap(mem_, 4096);
  munmap(stack_, kStackSize);
}

size_t Runner::place(const std::vector<Unit>& units) {
  size_t at = kCodePad;
  for (unsigned i = 0; i < kCodePad; ++i) code_[i] = static_cast<uint8_t>(i * 0x9d + 0x31);
  memcpy(code_ + at, prologue_.data(), prologue_.size());
  at += prologue_.size();
  seq_start_ = reinterpret_cast<uint64_t>(code_ + at);
  for (const auto& u : units)
    for (const auto& in : u.insns) {
      if (at + in.bytes.size() + epilogue_.size() > code_cap_)
        throw std::runtime_error("difftest: case too long");
      memcpy(code_ + at, in.bytes.data(), in.bytes.size());
      at += in.bytes.size();
    }
  seq_end_ = reinterpret_cast<uint64_t>(code_ + at);
  memcpy(code_ + at, epilogue_.data(), epilogue_.size());
  return seq_end_ - seq_start_;
}

bool Runner::run_native(const Case& c, Regs& out, std::string& err) {
  memcpy(mem_, c.mem.data(), kMemSize);
  out = Regs{};
  auto fn = reinterpret_cast<void (*)(const Regs*, Regs*)>(code_ + kCodePad);
  if (int sig = sigsetjmp(g_jb, 1)) {
    err = "native run raised signal " + std::to_string(sig) + " (generator bug)";
    return false;
  }
  g_armed = 1;
  fn(&c.init, &out);
  g_armed = 0;
  return true;
}

void Runner::init_state(const Case& c) {
  ir::MachineState& st = *static_cast<ir::MachineState*>(state_);
  memcpy(mem_, c.mem.data(), kMemSize);
  for (unsigned i = 0; i < 16; ++i) st.slot[i] = c.init.gpr[i];
  st.slot[kRsp] = reinterpret_cast<uint64_t>(stack_) + kStackSize / 2;
  st.slot[ir::kSlotCcOp] = ir::cc_op(ir::CcKind::Eager, ir::Type::I64);
  st.slot[ir::kSlotCcDst] = c.init.rflags & fALL;
  st.slot[ir::kSlotCcSrc1] = st.slot[ir::kSlotCcSrc2] = 0;
  st.slot[ir::kSlotCtlFlags] = ir::rflags::kFixed | ir::rflags::IF | (c.init.rflags & kDF);
  st.rip = 0;
  st.trap_signal = 0;
}

void Runner::read_back(Regs& out) {
  const ir::MachineState& st = *static_cast<const ir::MachineState*>(state_);
  for (unsigned i = 0; i < 16; ++i) out.gpr[i] = st.slot[i];
  out.rflags = ir::compute_flags(st.slot[ir::kSlotCcOp], st.slot[ir::kSlotCcDst],
                                 st.slot[ir::kSlotCcSrc1], st.slot[ir::kSlotCcSrc2]) |
               (st.slot[ir::kSlotCtlFlags] & kDF);
}

Outcome Runner::run_retrace(const Case& c, Tier tier, Regs& out) {
  Outcome o;
  o.tier = tier;
  ir::MachineState& st = *static_cast<ir::MachineState*>(state_);
  init_state(c);

  const uint64_t S = seq_start_, E = seq_end_;
  x86::CodeReader reader = [S, E](uint64_t addr, uint8_t* buf, size_t n) -> size_t {
    if (addr < S || addr >= E) return 0;
    size_t k = std::min<uint64_t>(n, E - addr);
    memcpy(buf, reinterpret_cast<const void*>(addr), k);
    return k;
  };
  static const x86::Frontend fe(x86::Mode::M64);
  static const std::vector<std::string> passes = rt::RunOptions{}.passes;
  x86::DecodeOptions opt;
  opt.max_insns = tier == Tier::Single ? 1 : 64;
  opt.side_exits = rt::RunOptions{}.superblocks;  // as the runtime decodes (jcc as side exits)

  uint64_t pc = S;
  for (unsigned nblocks = 0; pc != E; ++nblocks) {
    if (nblocks >= kMaxBlocks) {
      o.status = Status::BadExit;
      o.detail =
          "more than " + std::to_string(kMaxBlocks) + " blocks run: a loop in straight-line code";
      return o;
    }
    x86::DecodedBlock d = fe.decode(pc, reader, opt);
    ir::Block& b = *d.block;
    std::string err = ir::verify(b);
    if (err.empty() && tier == Tier::Passes) err = ir::run_passes(b, passes, true);
    if (capture_ir) o.ir += ir::print(b);
    if (!err.empty()) {
      o.status = Status::BadIr;
      o.detail = "verifier: " + err;
      if (!capture_ir) o.ir = ir::print(b);
      return o;
    }
    ir::Exit ex;
    if (int sig = guarded_interpret(b, st, ex)) {
      o.status = Status::RetraceFault;
      o.detail =
          "host signal " + std::to_string(sig) + " while interpreting the block at " + hex(b.pc);
      return o;
    }
    switch (ex.kind) {
      case ir::ExitKind::Jump:
      case ir::ExitKind::Branch:
      case ir::ExitKind::Call:
      case ir::ExitKind::Indirect:
        if (ex.next < S || ex.next > E) {
          o.status = Status::BadExit;
          o.detail = "the block at " + hex(b.pc) + " left to " + hex(ex.next) + ", outside the sequence";
          return o;
        }
        pc = ex.next;
        break;
      case ir::ExitKind::Trap:
        if (ex.next == E && st.trap_signal == SIGSEGV) {
          pc = E;
          break;
        }
        if (st.trap_signal == SIGILL && !d.diagnostic.empty()) {
          o.status = Status::Unsupported;
          o.diagnostic = d.diagnostic;
          o.detail = d.diagnostic;
          return o;
        }
        o.status = Status::BadExit;
        o.detail = "guest signal " + std::to_string(st.trap_signal) + " at " + hex(ex.next) +
                   " (+" + std::to_string(ex.next - S) + ")" +
                   (d.diagnostic.empty() ? "" : ": " + d.diagnostic);
        return o;
      default:
        o.status = Status::BadExit;
        o.detail = "unexpected block exit kind " + std::to_string(static_cast<int>(ex.kind)) +
                   " to " + hex(ex.next);
        return o;
    }
  }
  read_back(out);
  return o;
}

// The native tier, driven the way the dispatcher drives it but without the dispatcher:
// decode (+ passes + verifier), translate, run, follow st.rip. NativeOne and NativeTiny
// translate every block of the sequence before the first run, so the run goes through
// chained jumps (NativeOne) or through a cache that was flushed on the way and misses
// blocks that must be translated again (NativeTiny).
Outcome Runner::run_translated(const Case& c, Tier tier, Regs& out) {
  Outcome o;
  o.tier = tier;
  ir::MachineState& st = *static_cast<ir::MachineState*>(state_);
  init_state(c);
  const bool tiny = tier == Tier::NativeTiny;
  codecache::CodeCache& cache = tiny ? *tiny_cache_ : *cache_;
  backend::Translator& tr = tiny ? *tiny_translator_ : *translator_;
  cache.flush();  // the previous case used the same guest addresses
  NativeStats& ns = native_stats[static_cast<size_t>(tier)];
  ns.cases++;

  const uint64_t S = seq_start_, E = seq_end_;
  x86::CodeReader reader = [S, E](uint64_t addr, uint8_t* buf, size_t n) -> size_t {
    if (addr < S || addr >= E) return 0;
    size_t k = std::min<uint64_t>(n, E - addr);
    memcpy(buf, reinterpret_cast<const void*>(addr), k);
    return k;
  };
  static const x86::Frontend fe(x86::Mode::M64);
  static const std::vector<std::string> passes = rt::RunOptions{}.passes;
  x86::DecodeOptions opt;
  opt.max_insns = tier == Tier::NativeOne ? 1 : tiny ? kTinyBlockInsns : 64;
  opt.side_exits = rt::RunOptions{}.superblocks;

  // Decoded blocks outlive their translations (helper calls point at their Insts).
  std::unordered_map<uint64_t, x86::DecodedBlock> blocks;
  auto block_at = [&](uint64_t pc, std::string& err) -> x86::DecodedBlock* {
    auto it = blocks.find(pc);
    if (it != blocks.end()) return &it->second;
    x86::DecodedBlock d = fe.decode(pc, reader, opt);
    err = ir::verify(*d.block);
    if (err.empty()) err = ir::run_passes(*d.block, passes, true);
    if (capture_ir) o.ir += ir::print(*d.block);
    if (!err.empty()) {
      if (!capture_ir) o.ir = ir::print(*d.block);
      return nullptr;
    }
    return &blocks.emplace(pc, std::move(d)).first->second;
  };
  // The translation of the block at pc; nullptr (o filled in) on failure.
  auto translation = [&](uint64_t pc) -> const codecache::TranslatedBlock* {
    if (const codecache::TranslatedBlock* tb = cache.find(pc)) return tb;
    std::string err;
    x86::DecodedBlock* d = block_at(pc, err);
    if (!d) {
      o.status = Status::BadIr;
      o.detail = "verifier: " + err;
      return nullptr;
    }
    const uint64_t retranslated_before = tr.stats().retranslated;
    const codecache::TranslatedBlock* tb = tr.translate(*d->block);
    if (!tb) {
      cache.flush();  // full: drop everything, as the dispatcher does
      ns.full_flushes++;
      tb = tr.translate(*d->block);
    }
    ns.translations++;
    ns.retranslated += tr.stats().retranslated - retranslated_before;
    if (!tb) {
      o.status = Status::BadExit;
      o.detail = "the block at " + hex(pc) + " does not fit in an empty code cache of " +
                 std::to_string(cache.capacity()) + " bytes";
      return nullptr;
    }
    if (capture_ir) o.ir += host_code(*tb);
    return tb;
  };

  if (tier != Tier::Native) {
    for (uint64_t pc = S; pc < E;) {
      const codecache::TranslatedBlock* tb = translation(pc);
      if (!tb) return o;
      const ir::Block& b = *tb->block;
      if (b.end <= pc || b.terminator().op == ir::Op::ExitTrap) break;
      pc = b.end;
    }
  }

  uint64_t pc = S;
  for (unsigned entries = 0; pc != E; ++entries) {
    if (entries >= kMaxBlocks) {
      o.status = Status::BadExit;
      o.detail =
          "more than " + std::to_string(kMaxBlocks) + " blocks run: a loop in straight-line code";
      return o;
    }
    const codecache::TranslatedBlock* tb = translation(pc);
    if (!tb) return o;
    ir::ExitKind kind{};
    st.rip = 0;
    ns.entries++;
    if (int sig = guarded_run(tr, st, tb, kind)) {
      o.status = Status::RetraceFault;
      o.detail = "host signal " + std::to_string(sig) +
                 " in translated code entered at the block at " + hex(pc);
      return o;
    }
    switch (kind) {
      case ir::ExitKind::Jump:
      case ir::ExitKind::Branch:
      case ir::ExitKind::Call:
      case ir::ExitKind::Indirect:
        if (st.rip < S || st.rip > E) {
          o.status = Status::BadExit;
          o.detail = "translated code left to " + hex(st.rip) + ", outside the sequence";
          return o;
        }
        pc = st.rip;
        break;
      case ir::ExitKind::Trap: {
        if (st.rip == E && st.trap_signal == SIGSEGV) {
          pc = E;
          break;
        }
        // Chaining may have run past the block whose decode failed: find it by range.
        std::string diag;
        for (const auto& [bpc, d] : blocks)
          if (st.rip >= bpc && st.rip <= d.block->end && !d.diagnostic.empty()) diag = d.diagnostic;
        if (st.trap_signal == SIGILL && !diag.empty()) {
          o.status = Status::Unsupported;
          o.diagnostic = o.detail = diag;
          return o;
        }
        o.status = Status::BadExit;
        o.detail = "guest signal " + std::to_string(st.trap_signal) + " at " + hex(st.rip) +
                   " (+" + std::to_string(st.rip - S) + ")" + (diag.empty() ? "" : ": " + diag);
        return o;
      }
      default:
        o.status = Status::BadExit;
        o.detail = "unexpected exit kind " + std::to_string(static_cast<int>(kind)) +
                   " from translated code, rip " + hex(st.rip);
        return o;
    }
  }
  ns.guest_blocks += blocks.size();
  read_back(out);
  return o;
}

bool Runner::supported(const Unit& u, std::string* diagnostic) {
  static const x86::Frontend fe(x86::Mode::M64);
  for (const auto& in : u.insns) {
    const std::vector<uint8_t>& bytes = in.bytes;
    x86::CodeReader reader = [&bytes](uint64_t addr, uint8_t* buf, size_t n) -> size_t {
      if (addr < 0x1000 || addr >= 0x1000 + bytes.size()) return 0;
      size_t k = std::min<uint64_t>(n, 0x1000 + bytes.size() - addr);
      memcpy(buf, bytes.data() + (addr - 0x1000), k);
      return k;
    };
    x86::DecodeOptions opt;
    opt.max_insns = 1;
    x86::DecodedBlock d = fe.decode(0x1000, reader, opt);
    const ir::Inst& t = d.block->terminator();
    if (t.op == ir::Op::ExitTrap && t.aux == SIGILL) {
      if (diagnostic) *diagnostic = d.diagnostic;
      return false;
    }
  }
  return true;
}

void Runner::corrupt(uint64_t seed, uint64_t cmp_flags, Regs& r) {
  std::mt19937_64 rng(seed ^ 0x5eed);
  switch (rng() % 3) {
    case 0: {
      unsigned i;
      do i = static_cast<unsigned>(rng() % 16);
      while (i == kRsp);
      r.gpr[i] ^= 1ull << (rng() % 64);
      break;
    }
    case 1: {
      uint64_t bit;
      do bit = 1ull << (rng() % 12);
      while (!(bit & cmp_flags));
      r.rflags ^= bit;
      break;
    }
    default:
      mem_[rng() % kMemSize] ^= static_cast<uint8_t>(1u << (rng() % 8));
      break;
  }
}

Outcome Runner::check(const Case& c, const std::vector<Unit>& units) {
  Outcome o;
  auto defined = defined_flags(units);
  if (!defined) {
    o.status = Status::NativeFault;
    o.detail = "sequence reads an undefined flag (generator bug)";
    return o;
  }
  place(units);
  Regs native{}, mine{};
  std::string err;
  if (!run_native(c, native, err)) {
    o.status = Status::NativeFault;
    o.detail = err;
    return o;
  }
  std::vector<uint8_t> native_mem(mem_, mem_ + kMemSize);
  const uint64_t cmp_flags = *defined | kDF;

  for (Tier t : tiers) {
    mine = Regs{};
    o = is_native(t) ? run_translated(c, t, mine) : run_retrace(c, t, mine);
    if (o.status != Status::Pass) return o;
    if (corrupt_seed) corrupt(corrupt_seed, cmp_flags, mine);
    std::string diff;
    for (unsigned i = 0; i < 16; ++i)
      if (i != kRsp && native.gpr[i] != mine.gpr[i])
        diff += "  " + std::string(kRegNames[i]) + ": native " + hex(native.gpr[i]) + "  retrace " +
                hex(mine.gpr[i]) + "  (xor " + hex(native.gpr[i] ^ mine.gpr[i]) + ")\n";
    uint64_t fd = (native.rflags ^ mine.rflags) & cmp_flags;
    if (fd)
      diff += "  flags differ in " + flag_names(fd) + ": native " +
              flag_names(native.rflags & cmp_flags) + "  retrace " +
              flag_names(mine.rflags & cmp_flags) + "  (compared: " + flag_names(cmp_flags) + ")\n";
    for (unsigned i = 0; i < kMemSize; ++i)
      if (native_mem[i] != mem_[i]) {
        unsigned j = i;
        while (j < kMemSize && j < i + 16 && native_mem[j] != mem_[j]) ++j;
        char line[160];
        int len = snprintf(line, sizeof line, "  mem[r15%+d]:", static_cast<int>(i) - kMemBase);
        for (unsigned k = i; k < j; ++k)
          len += snprintf(line + len, sizeof line - len, " %02x", native_mem[k]);
        len += snprintf(line + len, sizeof line - len, " (native) vs");
        for (unsigned k = i; k < j && len < 150; ++k)
          len += snprintf(line + len, sizeof line - len, " %02x", mem_[k]);
        diff += line;
        diff += "\n";
        i = j;
      }
    if (!diff.empty()) {
      o.status = Status::Mismatch;
      o.detail = diff;
      return o;
    }
  }
  return o;
}

}  // namespace retrace::difftest
