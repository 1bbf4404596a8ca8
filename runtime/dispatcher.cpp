// Dispatcher: the loop every guest instruction runs in. See dispatcher.h.
//
//   pc ──► block cache (hash map) ──miss──► frontend decode ─► passes ─► verify ─► insert
//            │ hit                                                              │
//            ▼                                                                  │
//   interpret block ◄──────────────────────────────────────────────────────────┘
//            │ exit: Jump/Branch/Call (direct successor cached in Block::succ),
//            │       Indirect (hash lookup), Syscall (runtime), Trap (guest signal)
//            ▼
//   profile: block count, taken / fall-through edge counts
//
// Guest memory faults: the loop arms a sigsetjmp point; the SIGSEGV/SIGBUS handler sees
// ir::t_fault.inst set (the interpreter was in a guest memory access), records the
// signal and siglongjmps back here, where it becomes a guest signal at the exact guest
// pc of the faulting instruction.
#include "runtime/dispatcher.h"

#include <sys/mman.h>
#include <sys/ucontext.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <mutex>
#include <unordered_set>
#include <cstdio>
#include <cstring>

#include "codecache/code_write_watch.h"
#include "ir/passes.h"
#include "runtime/decode_cache.h"
#include "runtime/guest_memory.h"

namespace retrace::rt {

namespace {
std::mutex g_readable_mu;
std::unordered_set<uint64_t> g_readable_pages;  // guest pages known to be readable
// A direct-mapped memo of that set (page | 1, or 0: page 0 is a page too), which most
// reads hit.
constexpr unsigned kReadableMemo = 256;
uint64_t g_readable_memo[kReadableMemo];
inline uint64_t& readable_memo(uint64_t page) { return g_readable_memo[(page >> 12) & (kReadableMemo - 1)]; }

// f(page) for each page from the one holding lo to the one holding last (a byte address,
// inclusive), without wrapping at the top of the address space: a guest may jump to
// 0xffff'ffff'ffff'fffe.
template <typename F>
void for_pages(uint64_t lo, uint64_t last, F f) {
  const uint64_t end_page = last & ~4095ull;
  for (uint64_t p = lo & ~4095ull;; p += 4096) {
    f(p);
    if (p >= end_page) break;
  }
}
// A block's last byte (a block without guest bytes, a fetch fault, still names its page).
uint64_t last_byte(const ir::Block& b) { return b.end > b.pc ? b.end - 1 : b.pc; }
}  // namespace

void forget_code_pages(uint64_t start, uint64_t end) {
  std::lock_guard<std::mutex> lock(g_readable_mu);
  memset(g_readable_memo, 0, sizeof g_readable_memo);
  if ((end - start) / 4096 > g_readable_pages.size()) {
    for (auto it = g_readable_pages.begin(); it != g_readable_pages.end();)
      it = (*it >= (start & ~4095ull) && *it < end) ? g_readable_pages.erase(it) : std::next(it);
  } else {
    if (end > start) for_pages(start, end - 1, [](uint64_t p) { g_readable_pages.erase(p); });
  }
}

size_t read_guest_code(uint64_t addr, uint8_t* buf, size_t n) {
  // A page is read the first time with a guarded copy (copy_from_guest), so an unmapped
  // or unreadable guest pc reads short instead of faulting retrace; a page read that way
  // once is copied directly afterwards (until munmap/mprotect forget it).
  size_t done = 0;
  while (done < n) {
    // Stop at page boundaries so a readable prefix before an unmapped page is returned.
    uint64_t a = addr + done;
    size_t chunk = std::min<size_t>(n - done, 4096 - (a & 4095));
    {
      // The lock is held across the copy: forget_code_pages (called before a guest munmap
      // or mprotect reaches the kernel) cannot pull the page away mid-copy.
      std::lock_guard<std::mutex> lock(g_readable_mu);
      const uint64_t page = a & ~4095ull;
      uint64_t& memo = readable_memo(page);
      if (memo != (page | 1) && g_readable_pages.count(page)) memo = page | 1;
      if (memo == (page | 1)) {
        memcpy(buf + done, reinterpret_cast<const void*>(a), chunk);
        done += chunk;
        continue;
      }
    }
    // (A guarded copy: an unreadable page fails it, without a fault in retrace.)
    if (!copy_from_guest(buf + done, a, chunk)) break;
    // Readable, but code runs only from executable pages (NX): a page the guest mapped
    // without PROT_EXEC reads as if it were not there, a fetch fault. (A page we know
    // nothing of is taken as executable.) Asked without our lock: the watch's comes first.
    const int prot = codecache::CodeWriteWatch::instance().guest_prot(a);
    if (prot >= 0 && !(prot & PROT_EXEC)) break;
    done += chunk;
    std::lock_guard<std::mutex> lock(g_readable_mu);
    g_readable_pages.insert(a & ~4095ull);
  }
  return done;
}

namespace {

thread_local codecache::CodeCache* t_cache = nullptr;
}  // namespace
void (*g_poke_all_threads)() = nullptr;
namespace {
thread_local ir::MachineState* t_state = nullptr;
const std::vector<std::pair<uint8_t, uint16_t>> t_pinned = backend::pinned_registers();

void fault_handler(int sig, siginfo_t* si, void* ucv) {
  ir::FaultContext& fc = ir::t_fault;
  uint64_t host_pc = static_cast<uint64_t>(static_cast<ucontext_t*>(ucv)->uc_mcontext.gregs[REG_RIP]);
  // A guest write to a page holding translated code (write-protected by us): give the
  // page back, let the write retry, and invalidate at the next safe point.
  if (sig == SIGSEGV && si->si_code == SEGV_ACCERR && (static_cast<ucontext_t*>(ucv)->uc_mcontext.gregs[REG_ERR] & 2) &&
      codecache::CodeWriteWatch::instance().on_write_fault(reinterpret_cast<uint64_t>(si->si_addr))) {
    // Every thread must reach a safe point before running code from that page again.
    if (g_poke_all_threads) g_poke_all_threads();
    else if (t_state) t_state->pending_exit = 1;
    return;
  }
  if (GuestCopy* c = t_guest_copy; c && si->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS) &&
                                    reinterpret_cast<uint64_t>(si->si_addr) - c->lo < c->hi - c->lo)
    siglongjmp(c->jb, 1);  // a guarded copy to or from guest memory (guest_memory.cpp) hit a bad page
  bool in_cache = t_cache && t_cache->contains(host_pc);
  if (fc.jb && (fc.inst || in_cache)) {
    if (sig == SIGFPE && si->si_code >= FPE_FLTDIV && t_state) {
      // An unmasked SSE exception (#XM) in a vector row run under the guest's MXCSR: the
      // hardware set the exception's flag there before it trapped, as the guest's MXCSR
      // shows natively in its signal frame.
      if (const fpregset_t fp = static_cast<ucontext_t*>(ucv)->uc_mcontext.fpregs)
        t_state->slot[ir::kSlotMxcsr] = fp->mxcsr;
    }
    fc.signal = sig;
    fc.code = si->si_code;
    fc.fault_addr = reinterpret_cast<uint64_t>(si->si_addr);
    fc.page_fault_err = sig == SIGSEGV ? static_cast<uint64_t>(static_cast<ucontext_t*>(ucv)->uc_mcontext.gregs[REG_ERR]) : 0;
    fc.in_translated = !fc.inst;
    if (fc.in_translated) {
      const codecache::TranslatedBlock* tb = t_cache->find_host(host_pc);
      fc.guest_pc = tb ? tb->guest_pc_at(host_pc) : 0;
      // Guest registers that lived only in host registers go back to the state: the
      // pinned ones always, the block's cached dirty ones where the recovery table says.
      static const int kGreg[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                    REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};
      const greg_t* g = static_cast<ucontext_t*>(ucv)->uc_mcontext.gregs;
      auto* st = reinterpret_cast<ir::MachineState*>(g[REG_R15]);
      for (const auto& [host, slot] : t_pinned) st->slot[slot] = static_cast<uint64_t>(g[kGreg[host & 15]]);
      if (const codecache::Recovery* r = tb ? tb->recovery_at(host_pc) : nullptr) {
        st->slot[4] += static_cast<uint64_t>(static_cast<int64_t>(r->rsp_lag));  // (rsp: slot 4)
        if (r->flags_in_host) {  // (Eager: the status bits as the host flags hold them)
          st->slot[ir::kSlotCcDst] = static_cast<uint64_t>(g[REG_EFL]) & ir::rflags::kStatus;
          st->slot[ir::kSlotCcOp] = ir::cc_op(ir::CcKind::Eager, ir::Type::I64);
        }
        for (const auto& [host, slot] : r->regs) {
          if (host & codecache::kRecoveryXmm) {
            // A dirty xmm copy: its 16 bytes from the context's FP state.
            const fpregset_t fp = static_cast<ucontext_t*>(ucv)->uc_mcontext.fpregs;
            if (fp) memcpy(&st->slot[slot], &fp->_xmm[host & 15], 16);
          } else {
            st->slot[slot] = static_cast<uint64_t>(g[kGreg[host & 15]]);
          }
        }
      }
    }
    siglongjmp(*fc.jb, 1);
  }
  if (si->si_code <= 0) {
    // Sent with kill/tgkill/sigqueue, not a fault: the guest dies of it as it would
    // natively (its default action).
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  // A fault in retrace itself: report it plainly and die with the signal.
  static const char msg[] = "retrace: internal error: fault outside guest code\n";
  ssize_t w = write(2, msg, sizeof msg - 1);
  (void)w;
  signal(sig, SIG_DFL);
  raise(sig);
}

bool bytes_unchanged(const ir::Block& b) {
  uint8_t buf[4096];
  size_t n = std::min(b.check_bytes.size(), sizeof buf);
  return read_guest_code(b.pc, buf, n) == n && memcmp(buf, b.check_bytes.data(), n) == 0;
}

double secs(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

void install_fault_handlers() {
  static bool done = false;
  if (done) return;
  done = true;
  // Faults are handled on an alternate stack so a guest-triggered overflow of the host
  // stack still reaches the handler.
  static uint8_t altstack[64 * 1024];
  stack_t ss{};
  ss.ss_sp = altstack;
  ss.ss_size = sizeof altstack;
  sigaltstack(&ss, nullptr);
  struct sigaction sa {};
  sa.sa_sigaction = fault_handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, nullptr);
  sigaction(SIGBUS, &sa, nullptr);
  sigaction(SIGFPE, &sa, nullptr);  // #DE from a div in translated code
  // Faults must reach the handler: a fault signal blocked when retrace started (inherited
  // through execve) would make the kernel kill us at the first guarded copy that faults.
  // (The guest's own mask is virtual: signals.cpp.)
  sigset_t faults;
  sigemptyset(&faults);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP}) sigaddset(&faults, sig);
  pthread_sigmask(SIG_UNBLOCK, &faults, nullptr);
  g_guest_copy_guarded.store(true);
}

Dispatcher::Dispatcher(x86::Mode mode, x86::CodeReader reader, RunOptions opt)
    : fe_(mode), read_(std::move(reader)), opt_(std::move(opt)) {
  if (opt_.tier != Tier::Interp) {
    threshold_ = opt_.tier_threshold >= 0 ? static_cast<unsigned>(opt_.tier_threshold) : opt_.tier == Tier::Native ? 0 : 50;
    cache_native_ = std::make_unique<codecache::CodeCache>(opt_.code_cache_size, opt_.perf_map);
    translator_ = std::make_unique<backend::Translator>(*cache_native_);
  }
}

namespace {
// The guest pcs a block's exit goes to directly (a jmp, a call, both sides of a branch).
int direct_successors(const ir::Block& b, uint64_t out[2]) {
  const ir::Inst& t = b.terminator();
  if (t.op == ir::Op::ExitJmp || t.op == ir::Op::ExitCall) { out[0] = t.imm; return 1; }
  if (t.op == ir::Op::ExitBr) { out[0] = t.imm; out[1] = t.imm2; return 2; }
  return 0;
}
}  // namespace

const codecache::TranslatedBlock* Dispatcher::native_for(ir::Block*& b) {
  if (b->native) {
    // We got here through an exit that missed: refill the inline table's entry (another
    // target with the same hash may have taken it).
    const auto* tb = static_cast<const codecache::TranslatedBlock*>(b->native);
    cache_native_->ib_set(*tb);
    return tb;
  }
  if (b->exec_count.get() < threshold_) return nullptr;
  // (Timed for --stats only: a clock read is a measurable part of a cold block's cost.)
  const bool timed = opt_.stats;
  const auto t0 = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
  const double decode_before = stats_.decode_seconds;
  if (opt_.superblocks && !b->superblock && b->check_bytes.empty() && b->terminator().op == ir::Op::ExitBr) {
    // Hot: decode it again as a superblock (its conditional branches side exits), which
    // replaces it, for the caller too. The old block stays alive (dead) for successor
    // pointers still naming it, which look at its pc and dead flag only: its IR goes.
    const uint64_t pc = b->pc;
    bury(cache_.take(pc));
    b = decode_block(pc, true);
  }
  // Cross-block flag liveness: if every direct successor (already decoded) redefines the
  // flags before reading them, the flags are dead at this block's exit; the same for each
  // side exit's target.
  bool newly_dead = false;
  flag_dep_owner_ = b->pc;  // (the peeks below record what they read: invalidate())
  if (!b->flags_dead_at_exit) {
    uint64_t succ[2];
    const int n = direct_successors(*b, succ);
    bool dead = n > 0;
    for (int i = 0; i < n && dead; ++i) dead = successor_kills_flags(succ[i], 3);
    if (dead) {
      b->flags_dead_at_exit = newly_dead = true;
      stats_.flags_dead_exits++;
    }
  }
  for (ir::Inst& in : b->insts)
    if (in.op == ir::Op::ExitIf && !(in.aux2 & 1) && successor_kills_flags(in.imm, 3)) {
      in.aux2 |= 1;
      newly_dead = true;
    }
  if (newly_dead && b->optimized) ir::run_passes(*b, {"deadflags", "fold", "dce"}, false);
  // Whether an indirect exit that leaves the flags unstored may come straight here.
  b->kills_flags_in = successor_kills_flags(b->pc, 3);
  flag_dep_owner_ = 0;
  // An indirect jmp or call that went to one target nearly every time (at most one change
  // in 16 runs, so a switch or an interpreter's dispatch does not qualify): predicted.
  b->ind_predict = 0;
  if (b->terminator().op == ir::Op::ExitInd && b->terminator().aux != static_cast<uint8_t>(ir::ExitHint::Ret) &&
      !b->marks.empty()) {
    const IndirectProfile* p = ind_profile_.find(b->mark_pc(b->marks.size() - 1));
    if (p && p->runs >= 4 && uint64_t{p->changes} * 16 <= p->runs) {
      b->ind_predict = p->last;
      stats_.ind_predicted++;
    }
  }
  if (!b->optimized) {
    ir::run_passes(*b, opt_.passes, false);
    b->optimized = true;
  }
  const codecache::TranslatedBlock* tb = translator_->translate(*b);
  if (!tb) {
    // Full: drop every translation (nothing runs in the cache while we are here).
    cache_native_->flush();
    tb = translator_->translate(*b);
    if (!tb) stats_.translate_failures++;
  }
  if (tb && cache_native_->stats().flushes == 0) {
    // Translated: the IR is not read again (faults in translated code map back through
    // the translation's own tables). Should the translation go, redecode() makes it again.
    // Once the cache has been flushed, though, translations are kept with their IR: a
    // cache too small for the program's hot code flushes again, and decoding every block
    // again on top of translating it again made such runs 1.8x slower. What the flag
    // liveness peek (successor_kills_flags) reads of it is kept in its memo.
    if (!b->writable_code) {
      uint64_t next[2] = {0, 0};
      const int n = direct_successors(*b, next);
      kills_flags_memo_[b->pc] = FlagsPeek{ir::incoming_flags(*b), {n > 0 ? next[0] : 0, n > 1 ? next[1] : 0},
                                           std::max(b->end, b->pc + 1)};
    }
    std::vector<ir::Inst>().swap(b->insts);
    std::vector<ir::InsnMark>().swap(b->marks);
  }
  if (timed) stats_.translate_seconds += secs(t0, std::chrono::steady_clock::now()) - (stats_.decode_seconds - decode_before);
  if (tb && opt_.perf_map) {
    // Linux perf's JIT symbol map: "START SIZE NAME" per line, hex without 0x.
    if (!perf_map_) {
      char path[64];
      snprintf(path, sizeof path, "/tmp/perf-%d.map", static_cast<int>(getpid()));
      perf_map_ = fopen(path, "a");
    }
    if (perf_map_) {
      fprintf(perf_map_, "%llx %x guest_0x%llx\n", static_cast<unsigned long long>(reinterpret_cast<uint64_t>(tb->code)),
              tb->size, static_cast<unsigned long long>(tb->guest_pc));
      fflush(perf_map_);
    }
  }
  return tb;
}
bool Dispatcher::successor_kills_flags(uint64_t pc, int depth) {
  // What the block at pc does with incoming flags, and where a pass-through goes on.
  ir::IncomingFlags use;
  uint64_t next[2];
  int n = 0;
  uint64_t end = pc + 1;
  auto summarise = [&](const ir::Block& s) {
    use = ir::incoming_flags(s);
    n = direct_successors(s, next);
    end = std::max(s.end, pc + 1);
  };
  const ir::Block* s = cache_.find(pc);
  if (s && s->writable_code) return false;  // may change without a syscall: not to be relied on
  if (s && !s->insts.empty()) {
    summarise(*s);
  } else if (const FlagsPeek* m = kills_flags_memo_.find(pc)) {
    use = m->use;
    for (uint64_t x : m->next) if (x) next[n++] = x;
    end = m->end;
  } else {
    // Not run yet (the other side of a branch, a call's target): decode it to look, without
    // keeping it (it may never run; keeping it would watch its page for writes).
    x86::DecodeOptions dopt;
    dopt.max_insns = opt_.max_block_insns ? opt_.max_block_insns : 1;
    dopt.side_exits = false;  // (only its start and its exits matter here)
    x86::DecodedBlock d = decode_ir(pc, dopt, false);
    if (!d.block || !d.diagnostic.empty() ||
        codecache::CodeWriteWatch::instance().guest_writable(pc, std::max(d.block->end, pc + 1))) {
      use = ir::IncomingFlags::Read;  // undecodable, or writable: the bytes may not stay
    } else {
      summarise(*d.block);
    }
    FlagsPeek memo{use, {n > 0 ? next[0] : 0, n > 1 ? next[1] : 0}, end};
    kills_flags_memo_[pc] = memo;
  }
  // The deciding block rests on this code from here on: invalidate() drops it with it.
  if (flag_dep_owner_ && pc != flag_dep_owner_)
    for_pages(pc, end - 1, [&](uint64_t p) { flag_deps_[p >> 12].insert(flag_dep_owner_); });
  if (use != ir::IncomingFlags::PassThrough) return use == ir::IncomingFlags::Killed;
  // Untouched up to a direct exit: dead if dead on every way on (a few blocks deep).
  if (depth == 0 || n == 0) return false;
  for (int i = 0; i < n; ++i)
    if (!successor_kills_flags(next[i], depth - 1)) return false;
  return true;
}

Dispatcher::~Dispatcher() {
  if (perf_map_) fclose(perf_map_);
}

ir::Block* Dispatcher::lookup(uint64_t pc) {
  if (ir::Block* b = cache_.find(pc)) return b;
  // Superblocks are for translated code. Blocks the interpreter runs first (auto tier)
  // end at their conditional branch and are decoded again as superblocks at tier-up:
  // most blocks never get hot, and a superblock repeats code other blocks start in.
  return decode_block(pc, opt_.superblocks && translator_ && threshold_ == 0);
}

x86::DecodedBlock Dispatcher::decode_ir(uint64_t pc, const x86::DecodeOptions& dopt, bool runs_now) {
  // The persistent decode cache first (decode_cache.h): a hit is the same IR this decode
  // would build, relocated to pc, from the same bytes.
  DecodeCache& dc = process_decode_cache();
  if (dc.loaded()) {
    if (std::unique_ptr<ir::Block> b = dc.find(pc, read_, dopt, runs_now)) return {std::move(b), {}};
  }
  x86::DecodedBlock d = fe_.decode(pc, read_, dopt);
  // A block about to run goes into the file, but not code on a page the guest may write
  // (a JIT's code changes from run to run), nor a look ahead that may never run.
  if (runs_now && dc.recording() && d.diagnostic.empty() &&
      !codecache::CodeWriteWatch::instance().guest_writable(pc, std::max(d.block->end, pc + 1)))
    dc.record(*d.block, fe_, dopt, read_);
  return d;
}

ir::Block* Dispatcher::decode_block(uint64_t pc, bool side_exits) {
  const bool timed = opt_.stats;
  const auto t0 = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
  x86::DecodeOptions dopt;
  dopt.max_insns = opt_.max_block_insns ? opt_.max_block_insns : 1;
  dopt.side_exits = side_exits;
  // At tier-up: only into fall-through code that has run at least half as often as the
  // threshold (a block starts there): cold paths stay out of the superblock.
  std::function<bool(uint64_t)> hot;
  if (side_exits && threshold_ > 0) {
    hot = [this](uint64_t at) {
      const ir::Block* f = cache_.find(at);
      return f && f->exec_count.get() * 2 >= threshold_;
    };
    dopt.fallthru_hot = &hot;
  }
  x86::DecodedBlock d = decode_ir(pc, dopt, true);
  d.block->superblock = side_exits;
  if (ir::Inst& t = d.block->insts.back(); t.op == ir::Op::ExitTrap && t.aux == SIGSEGV && t.aux2 == SEGV_MAPERR &&
                                           codecache::CodeWriteWatch::instance().guest_prot(t.imm2) >= 0)
    t.aux2 = SEGV_ACCERR;  // a fetch from a page that is mapped, but not executable (or not readable)
  if (!d.diagnostic.empty()) diagnostics_[pc] = d.diagnostic;
  const std::string& dump = opt_.dump_ir;
  if (dump == "before" || dump == "all") fprintf(stderr, "%s", ir::print(*d.block).c_str());
#ifndef NDEBUG
  const bool verify_each = true;
#else
  const bool verify_each = opt_.verify_each_pass;
#endif
  // Passes now, or (auto tier) when the block gets hot enough to be translated; dumping
  // and verifying ask for them now.
  const bool defer = opt_.tier == Tier::Auto && threshold_ > 0 && !verify_each && dump.empty();
  std::string err;
  if (!defer) {
    err = ir::run_passes(*d.block, opt_.passes, verify_each,
                         [&](const std::string& pass, const ir::Block& b) {
                           if (dump == "after:" + pass || dump == "all")
                             fprintf(stderr, "; after %s\n%s", pass.c_str(), ir::print(b).c_str());
                         });
    d.block->optimized = true;
  }
  if (err.empty() && (verify_each || !dump.empty())) err = ir::verify(*d.block);
  if (!err.empty()) {
    fprintf(stderr, "retrace: internal error: IR for block 0x%llx does not verify: %s\n%s",
            static_cast<unsigned long long>(pc), err.c_str(), ir::print(*d.block).c_str());
    abort();
  }
  if (dump == "after") fprintf(stderr, "%s", ir::print(*d.block).c_str());
  stats_.blocks_decoded++;
  stats_.ir_insts += d.block->insts.size();
  for_pages(d.block->pc, last_byte(*d.block), [&](uint64_t p) { code_pages_[p].push_back(d.block->pc); });
  const uint64_t code_end = std::max(d.block->end, d.block->pc + 1);
  bool writable = false;
  // (A block without guest bytes, a fetch fault at its first byte, has nothing to watch:
  // no write makes code appear there, and a mapping change drops it through code_pages_.
  // Its page may be a stack or heap page the guest writes all the time.)
  const bool has_bytes = d.block->end > d.block->pc;
  if (!opt_.smc_watch || !has_bytes) writable = codecache::CodeWriteWatch::instance().guest_writable(d.block->pc, code_end);
  else if (!codecache::CodeWriteWatch::instance().watch(d.block->pc, code_end, &writable)) {
    // Self-checking: keep the bytes; the dispatcher and the block's translation compare them.
    d.block->check_bytes.resize(d.block->end - d.block->pc);
    size_t got = read_guest_code(d.block->pc, d.block->check_bytes.data(), d.block->check_bytes.size());
    d.block->check_bytes.resize(got);
  }
  d.block->writable_code = writable || !d.block->check_bytes.empty();
  if (timed) stats_.decode_seconds += secs(t0, std::chrono::steady_clock::now());
  return cache_.insert(std::move(d.block));
}

RunResult Dispatcher::run(ir::MachineState& st, const SyscallFn& syscall) {
  install_fault_handlers();
  sigjmp_buf jb;
  ir::FaultContext& fc = ir::t_fault;
  run_start_ = std::chrono::steady_clock::now();
  syscall_time_ = 0;
  for (;;) {
    fc.jb = &jb;
    if (sigsetjmp(jb, 1)) {
      // A guest memory access faulted (the handler jumped here); registers are precise
      // at the faulting instruction (state recovery for translated code).
      const ir::Block* b = fc.block;
      uint64_t pc = fc.in_translated ? fc.guest_pc
                    : b ? b->pc_of_inst(static_cast<size_t>(fc.inst - b->insts.data())) : st.rip;
      fc.inst = nullptr;
      fc.in_translated = false;
      st.rip = pc;
      st.trap_signal = fc.signal;
      st.trap_code = fc.code;
      st.trap_addr = fc.signal == SIGFPE ? pc : fc.fault_addr;  // (SIGFPE: si_addr is the instruction)
      st.trap_err = fc.page_fault_err;
      if (on_trap && on_trap(st)) continue;  // a guest handler takes it: resume at st.rip
      RunResult res;
      res.how = RunResult::Signaled;
      res.signal = fc.signal;
      res.pc = pc;
      res.fault_addr = fc.fault_addr;
      char buf[160];
      snprintf(buf, sizeof buf, "guest %s at pc 0x%llx accessing 0x%llx",
               fc.signal == SIGBUS ? "bus error" : fc.signal == SIGFPE ? "arithmetic exception" : "segmentation fault",
               static_cast<unsigned long long>(pc), static_cast<unsigned long long>(fc.fault_addr));
      res.message = buf;
      fc.jb = nullptr;
      t_cache = nullptr;
      stats_.interp_seconds = secs(run_start_, std::chrono::steady_clock::now()) - syscall_time_;
      stats_.syscall_seconds = syscall_time_;
      return res;
    }
    RunResult res;
    if (loop(st, syscall, res)) {
      fc.jb = nullptr;
      t_cache = nullptr;
      stats_.interp_seconds = secs(run_start_, std::chrono::steady_clock::now()) - syscall_time_;
      stats_.syscall_seconds = syscall_time_;
      return res;
    }
  }
}

bool Dispatcher::loop(ir::MachineState& st, const SyscallFn& syscall, RunResult& res) {
  ir::FaultContext& fc = ir::t_fault;
  double& syscall_time = syscall_time_;
  auto& t_start = run_start_;
  (void)t_start;
  ir::Block* prev = nullptr;
  int prev_edge = -1;
  t_cache = cache_native_.get();
  t_state = &st;
  uint64_t pc = st.rip;
  codecache::CodeWriteWatch& watch = codecache::CodeWriteWatch::instance();
  for (;;) {
    if (st.pending_exit) {
      // A safe point: an asynchronous event (signal) asked translated code to come back.
      st.pending_exit = 0;
      st.rip = pc;
      if (on_pending) on_pending(st);
      pc = st.rip;
      prev = nullptr;
    }
    if (watch.any_written()) {
      // Self-modifying code: drop what was decoded from the written pages.
      for (uint64_t page : watch.take_written()) {
        uint64_t lo = page == ~0ull ? 0 : page, hi = page == ~0ull ? ~0ull : page + 4096;
        stats_.code_writes++;
        if (on_code_write) on_code_write(lo, hi);
        else invalidate(lo, hi);
      }
      prev = nullptr;
      if (st.pending_exit) continue;  // (set meanwhile: a safe point first)
    }
    if (invalidated_) {
      invalidated_ = false;
      prev = nullptr;
    }
    ir::Block* b = nullptr;
    if (prev && prev_edge >= 0) {
      b = prev->succ[prev_edge].load(std::memory_order_relaxed);
      if (b && (b->pc != pc || b->dead)) b = nullptr;
      if (b) stats_.succ_hits++;
    }
    if (!b) {
      stats_.table_lookups++;
      b = lookup(pc);
      if (prev && prev_edge >= 0) prev->succ[prev_edge].store(b, std::memory_order_relaxed);
    }
    if (!b->native && b->insts.empty()) b = redecode(b);  // (translated once, translation gone)
    if (!b->check_bytes.empty() && !bytes_unchanged(*b)) {
      // A self-checking block whose guest bytes changed: decode it again.
      stats_.code_writes++;
      if (on_code_write) on_code_write(b->pc, b->end);
      else invalidate(b->pc, b->end);
      prev = nullptr;
      continue;
    }
    // (native_for's own first checks, here: most interpreted blocks are not hot yet.)
    const codecache::TranslatedBlock* tb =
        translator_ && (b->native || b->exec_count.get() >= threshold_) ? native_for(b) : nullptr;
    b->exec_count.inc();
    stats_.blocks_run++;
    ir::Exit e;
    if (tb) {
      // Native tier: runs chained blocks until an exit the code cache cannot follow.
      stats_.native_entries++;
      std::chrono::steady_clock::time_point t0;
      if (opt_.stats) t0 = std::chrono::steady_clock::now();
      ir::ExitKind k = translator_->run(st, tb);
      stats_.native_exits[static_cast<unsigned>(k) & 7]++;
      if (opt_.stats) stats_.native_seconds += secs(t0, std::chrono::steady_clock::now());
      prev = nullptr;
      if (k != ir::ExitKind::Syscall && k != ir::ExitKind::Trap && k != ir::ExitKind::Halt) {
        // An exit the code cache could not follow (unchained jump or branch, indirect-table
        // miss): look the target up. Profiles of translated code are not counted here.
        stats_.dispatch_lookups++;
        pc = st.rip;
        continue;
      }
      e = {k, 0, true, st.rip};
    } else {
      stats_.guest_insns += b->marks.size();
      e = ir::interpret(*b, st);
    }
    fc.inst = nullptr;
    prev = b;
    prev_edge = -1;
    switch (e.kind) {
      case ir::ExitKind::Jump:
      case ir::ExitKind::Call:
        b->edge_taken.inc();
        prev_edge = 0;
        break;
      case ir::ExitKind::Branch:
        if (e.hint == static_cast<uint8_t>(ir::ExitHint::Side)) break;  // a side exit: no edge slot
        if (e.taken) b->edge_taken.inc(); else b->edge_fallthru.inc();
        prev_edge = e.taken ? 0 : 1;
        break;
      case ir::ExitKind::Indirect:
        // (succ[0], unused by an indirect exit, remembers its last target: checked by pc
        // like any cached successor. A ret from a function called in a loop, a PLT jump.)
        prev_edge = 0;
        if (e.hint != static_cast<uint8_t>(ir::ExitHint::Ret) && translator_) {
          IndirectProfile& p = ind_profile_[b->mark_pc(b->marks.size() - 1)];  // (the jmp or call: the block's last instruction)
          if (p.runs >= (1u << 30)) break;  // (enough: a block the native tier could not take)
          if (p.runs && p.last != e.next) p.changes++;
          p.last = e.next;
          p.runs++;
        }
        break;
      case ir::ExitKind::Syscall: {
        st.rip = e.next;
        auto t0 = std::chrono::steady_clock::now();
        SyscallOutcome o = syscall(st);
        syscall_time += secs(t0, std::chrono::steady_clock::now());
        stats_.syscalls++;
        if (o.exit) {
          res.how = RunResult::Exited;
          res.status = o.status;
          return true;
        }
        e.next = st.rip;  // the syscall layer may redirect (rt_sigreturn, execve)
        prev = nullptr;
        break;
      }
      case ir::ExitKind::Trap: {
        // Instructions before the trapping one did run; the trapping one did not.
        st.rip = e.next;
        if (on_trap && on_trap(st)) {  // a guest handler takes it
          pc = st.rip;
          prev = nullptr;
          continue;
        }
        res.how = RunResult::Signaled;
        res.signal = st.trap_signal;
        res.pc = e.next;
        res.fault_addr = st.trap_addr;
        const ir::Block* tb_block = cache_.find(e.next);
        auto it = diagnostics_.find(b->pc);
        if (tb_block == nullptr && it == diagnostics_.end()) {
          // Native code may have chained past b: find the block whose decode failed here.
          for (const auto& [bpc, msg] : diagnostics_) {
            const ir::Block* db = cache_.find(bpc);
            if (db && e.next >= db->pc && e.next < db->end) { it = diagnostics_.find(bpc); break; }
          }
        }
        char buf[200];
        if (it != diagnostics_.end() && st.trap_signal == SIGILL) {
          res.message = it->second;
        } else if (st.trap_signal == SIGSEGV && st.trap_addr != 0 && st.trap_addr >= e.next && st.trap_addr < e.next + 16) {
          snprintf(buf, sizeof buf, "guest jumped to unmapped or non-executable address 0x%llx",
                   static_cast<unsigned long long>(st.trap_addr));
          res.message = buf;
        } else {
          snprintf(buf, sizeof buf, "guest %s at pc 0x%llx", strsignal(st.trap_signal), static_cast<unsigned long long>(e.next));
          res.message = buf;
        }
        return true;
      }
      case ir::ExitKind::Halt:
        break;
    }
    pc = e.next;
  }
}

void Dispatcher::invalidate(uint64_t start, uint64_t end) {
  // Blocks decoded from [start, end) are stale: drop them, every translation (chains into
  // them live in other blocks' code) and every cached successor pointer. Called between
  // blocks (from a syscall), never from inside translated code.
  forget_code_pages(start, end);
  kills_flags_memo_.clear();
  // Blocks decoded from pages in the range (page index), then the exact overlap.
  std::vector<uint64_t> stale;
  auto consider = [&](const std::vector<uint64_t>& pcs) {
    for (uint64_t pc : pcs)
      if (const ir::Block* b = cache_.find(pc); b && b->pc < end && std::max(b->end, b->pc + 1) > start) stale.push_back(pc);
  };
  if ((end - start) / 4096 < code_pages_.size()) {
    if (end > start)
      for_pages(start, end - 1, [&](uint64_t p) {
        if (auto it = code_pages_.find(p); it != code_pages_.end()) consider(it->second);
      });
  } else {
    for (const auto& [p, pcs] : code_pages_)
      if (p + 4096 > start && p < end) consider(pcs);
  }
  // Blocks whose flag decisions read code in the range go too (they are decoded and
  // decide again when they next run): their successors' new code may read the flags.
  if (!flag_deps_.empty() && end > start) {
    auto drop_deps = [&](uint64_t page) {
      auto it = flag_deps_.find(page);
      if (it == flag_deps_.end()) return;
      for (uint64_t owner : it->second)  // (recorded under each page the block read spans)
        if (cache_.find(owner)) stale.push_back(owner);
      flag_deps_.erase(it);
    };
    if ((end - start) / 4096 < flag_deps_.size()) {
      for_pages(start, end - 1, [&](uint64_t p) { drop_deps(p >> 12); });
    } else {
      std::vector<uint64_t> pages;
      for (const auto& [p, v] : flag_deps_)
        if (((p + 1) << 12) > start && (p << 12) < end) pages.push_back(p);
      for (uint64_t p : pages) drop_deps(p);
    }
  }
  std::sort(stale.begin(), stale.end());
  stale.erase(std::unique(stale.begin(), stale.end()), stale.end());
  if (stale.empty()) return;
  ind_profile_.clear();  // (a guess at worst, checked where it is used: only to start afresh)
  // Only the stale translations go (chains into them are unlinked); the rest stay.
  if (cache_native_)
    for (uint64_t pc : stale) cache_native_->remove(pc);
  for (uint64_t pc : stale) {
    std::unique_ptr<ir::Block> b = cache_.take(pc);
    if (!b) continue;
    for_pages(b->pc, last_byte(*b), [&](uint64_t p) {
      auto it = code_pages_.find(p);
      if (it == code_pages_.end()) return;
      auto& v = it->second;
      v.erase(std::remove(v.begin(), v.end(), pc), v.end());
      if (v.empty()) code_pages_.erase(it);
    });
    diagnostics_.erase(pc);
    bury(std::move(b));
  }
  stats_.invalidations++;
  invalidated_ = true;
}

void Dispatcher::bury(std::unique_ptr<ir::Block> b) {
  // Successors caching it see the dead flag (and the pc) and look up again; nothing else
  // reads it, so its IR goes now.
  b->dead = true;
  std::vector<ir::Inst>().swap(b->insts);
  std::vector<ir::InsnMark>().swap(b->marks);
  graveyard_.push_back(std::move(b));
  if (graveyard_.size() > 65536) {
    // Bound the graveyard: forget every cached successor, then free it.
    cache_.for_each([&](const ir::Block& blk) {
      auto& mb = const_cast<ir::Block&>(blk);
      mb.succ[0].store(nullptr, std::memory_order_relaxed);
      mb.succ[1].store(nullptr, std::memory_order_relaxed);
    });
    graveyard_.clear();
  }
}

ir::Block* Dispatcher::redecode(ir::Block* b) {
  // Its IR went when it was translated, and the translation is gone (a full cache was
  // flushed, or a fork started a private cache): decode it again, as hot as it was.
  const uint64_t pc = b->pc, runs = b->exec_count.get();
  const bool superblock = b->superblock;
  bury(cache_.take(pc));
  ir::Block* nb = decode_block(pc, superblock);
  nb->exec_count.inc(runs);
  stats_.redecoded++;
  return nb;
}

void Dispatcher::after_fork_in_child() {
  // The code cache is a shared memfd mapping: a forked child must not write into its
  // parent's. It starts a private one (translations are redone on demand).
  if (!cache_native_) return;
  cache_.for_each([](const ir::Block& b) { b.native = nullptr; });  // translations of the old cache
  translator_.reset();
  cache_native_ = std::make_unique<codecache::CodeCache>(opt_.code_cache_size, opt_.perf_map);
  translator_ = std::make_unique<backend::Translator>(*cache_native_);
  t_cache = cache_native_.get();
  invalidated_ = true;
}

void Dispatcher::print_stats(FILE* out) const {
  const Stats& s = stats_;
  double mips = s.interp_seconds > 0 ? s.guest_insns / s.interp_seconds / 1e6 : 0;
  fprintf(out, "retrace stats:\n");
  fprintf(out, "  guest instructions   %llu\n", static_cast<unsigned long long>(s.guest_insns));
  fprintf(out, "  blocks executed      %llu\n", static_cast<unsigned long long>(s.blocks_run));
  fprintf(out, "  blocks decoded       %llu (%llu IR insts)\n", static_cast<unsigned long long>(s.blocks_decoded),
          static_cast<unsigned long long>(s.ir_insts));
  fprintf(out, "  syscalls             %llu\n", static_cast<unsigned long long>(s.syscalls));
  if (const DecodeCache& dc = process_decode_cache(); dc.enabled())
    fprintf(out, "  decode cache: %llu blocks found (%llu next in the file) in %s (of %llu there), %llu new for it%s\n",
            static_cast<unsigned long long>(dc.hits()), static_cast<unsigned long long>(dc.streamed()), dc.path().c_str(),
            static_cast<unsigned long long>(dc.loaded()), static_cast<unsigned long long>(dc.recorded()),
            dc.first_run() ? " (the program's first run: recorded from its next)" : "");
  double interp = s.interp_seconds - s.decode_seconds - s.translate_seconds - s.native_seconds;
  mips = interp > 0 ? s.guest_insns / interp / 1e6 : 0;
  fprintf(out, "  time: decode %.3fs  translate %.3fs  interpreter+dispatch %.3fs  translated code %.3fs  syscalls %.3fs\n",
          s.decode_seconds, s.translate_seconds, interp, s.native_seconds, s.syscall_seconds);
  fprintf(out, "  interpreted guest insns/s  %.1f M\n", mips);
  fprintf(out, "  next block: %llu from the previous block's cached successor, %llu looked up in the block table\n",
          static_cast<unsigned long long>(s.succ_hits), static_cast<unsigned long long>(s.table_lookups));
  if (translator_) {
    const auto& cs = cache_native_->stats();
    const auto& ts = translator_->stats();
    fprintf(out, "  native tier: threshold %u, %llu blocks translated (%llu ops inline, %llu via helper; %llu translated again conservatively: every lazy-flag store kept, xmm copies written through)\n", threshold_,
            static_cast<unsigned long long>(ts.blocks), static_cast<unsigned long long>(ts.inline_ops),
            static_cast<unsigned long long>(ts.helper_ops), static_cast<unsigned long long>(ts.retranslated));
    fprintf(out, "  code cache: %zu of %zu bytes used, %llu flushes, %llu chain patches, %llu translated blocks decoded again (their IR goes at translation, until a first flush)\n",
            cache_native_->used(), cache_native_->capacity(), static_cast<unsigned long long>(cs.flushes),
            static_cast<unsigned long long>(cs.chain_patches), static_cast<unsigned long long>(s.redecoded));
    fprintf(out, "  dispatcher: %llu entries into translated code, %llu lookups for exits not chained or missed in the inline table\n",
            static_cast<unsigned long long>(s.native_entries), static_cast<unsigned long long>(s.dispatch_lookups));
    fprintf(out, "  indirect jmps/calls translated with a predicted target (profile): %llu\n",
            static_cast<unsigned long long>(s.ind_predicted));
    fprintf(out, "  blocks with flags dead at exit (successors redefine them): %llu; indirect jmps/calls handing the flags on unstored: %llu\n",
            static_cast<unsigned long long>(s.flags_dead_exits), static_cast<unsigned long long>(ts.ind_exits_flags_in_host));
    fprintf(out, "  invalidations %llu (%llu pages written by the guest: self-modifying code)\n",
            static_cast<unsigned long long>(s.invalidations), static_cast<unsigned long long>(s.code_writes));
    fprintf(out, "  exits from translated code: %llu unchained jump, %llu unchained branch, %llu indirect miss, %llu unchained call, %llu syscall, %llu trap\n",
            static_cast<unsigned long long>(s.native_exits[0]), static_cast<unsigned long long>(s.native_exits[1]),
            static_cast<unsigned long long>(s.native_exits[2]), static_cast<unsigned long long>(s.native_exits[3]),
            static_cast<unsigned long long>(s.native_exits[4]), static_cast<unsigned long long>(s.native_exits[5]));
  }
}

}  // namespace retrace::rt
