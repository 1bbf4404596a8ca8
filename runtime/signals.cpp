// Signal delivery to guest handlers. See signals.h.
#include "runtime/signals.h"

#include <asm/unistd_64.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "ir/flags.h"
#include "ir/x87.h"
#include "runtime/guest_memory.h"
#include "runtime/guest_stack.h"
#include "runtime/threads.h"

// Host handlers are installed with the raw syscall (glibc refuses signals 32 and 33), which
// needs our own restorer.
extern "C" void retrace_signal_restorer();
asm(".text\n"
    ".globl retrace_signal_restorer\n"
    ".hidden retrace_signal_restorer\n"
    ".type retrace_signal_restorer, @function\n"
    "retrace_signal_restorer:\n"
    "  mov $15, %eax\n"
    "  syscall\n"
    "  hlt\n"
    ".size retrace_signal_restorer, . - retrace_signal_restorer\n");

namespace retrace::rt {

namespace {

constexpr uint64_t bit(int sig) { return 1ull << (sig - 1); }

// Kernel constants (x86-64).
constexpr uint64_t kSaNoCldStop = 1, kSaNoCldWait = 2, kSaSiginfo = 4, kSaOnStack = 0x08000000,
                   kSaRestart = 0x10000000, kSaNoDefer = 0x40000000, kSaResetHand = 0x80000000,
                   kSaRestorer = 0x04000000;
constexpr int kSsOnStack = 1, kSsDisable = 2;
constexpr int kSsAutodisarm = 1 << 31;
constexpr int kSiUser = 0, kSiKernel = 0x80, kSiTkill = -6;

// Signals retrace's fault handling owns on the host (synchronous guest faults come through
// the dispatcher), and the two nobody can catch or block.
constexpr uint64_t kFaultSigs = bit(SIGSEGV) | bit(SIGBUS) | bit(SIGFPE) | bit(SIGILL) | bit(SIGTRAP);
constexpr uint64_t kUnblockable = bit(SIGKILL) | bit(SIGSTOP);
constexpr uint64_t kNeverHostBlock = kFaultSigs | kUnblockable;

// The kernel's user-visible frame (arch/x86/include/uapi/asm/sigcontext.h, ucontext.h,
// arch/x86/include/asm/sigframe.h).
struct KSigcontext {
  uint64_t r8, r9, r10, r11, r12, r13, r14, r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
  uint16_t cs, gs, fs, ss;
  uint64_t err, trapno, oldmask, cr2, fpstate;
  uint64_t reserved1[8];
};
struct KStack {
  uint64_t sp;
  int32_t flags, pad;
  uint64_t size;
};
struct KUcontext {
  uint64_t flags, link;
  KStack stack;
  KSigcontext mc;
  uint64_t sigmask;
};
struct KRtSigframe {
  uint64_t pretcode;
  KUcontext uc;
  siginfo_t info;
};
static_assert(sizeof(KSigcontext) == 256);
static_assert(sizeof(KUcontext) == 304);
static_assert(sizeof(siginfo_t) == 128);
static_assert(sizeof(KRtSigframe) == 440);
static_assert(offsetof(KRtSigframe, info) == 312);
constexpr size_t kFpstateSize = 512;  // FXSAVE format (no XSAVE magic: the guest sees no AVX)
constexpr uint64_t kUcFlags = 0x2 | 0x4;  // UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS
// RFLAGS bits sigreturn takes from the frame (the kernel's FIX_EFLAGS).
constexpr uint64_t kFixEflags = ir::rflags::kStatus | ir::rflags::TF | ir::rflags::DF | ir::rflags::AC | (1u << 16);

long raw(long nr, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0) {
  long ret;
  register uint64_t r10 asm("r10") = a3;
  asm volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10) : "rcx", "r11", "memory");
  return ret;
}

struct KSigaction {  // the kernel's struct sigaction
  uint64_t handler, flags, restorer, mask;
};

void host_sigaction(int sig, uint64_t handler, uint64_t flags, uint64_t mask) {
  KSigaction ka{handler, flags | kSaRestorer, reinterpret_cast<uint64_t>(&retrace_signal_restorer), mask};
  raw(__NR_rt_sigaction, static_cast<uint64_t>(sig), reinterpret_cast<uint64_t>(&ka), 0, 8);
}

uint64_t host_mask_get() {
  uint64_t m = 0;
  raw(__NR_rt_sigprocmask, SIG_SETMASK, 0, reinterpret_cast<uint64_t>(&m), 8);
  return m;
}
void host_mask_set(uint64_t m) { raw(__NR_rt_sigprocmask, SIG_SETMASK, reinterpret_cast<uint64_t>(&m), 0, 8); }

thread_local ThreadSignals* t_thread = nullptr;
ThreadSignals* g_main = nullptr;  // the first attached thread

void host_handler(int sig, siginfo_t* si, void* ucv) {
  Signals& s = process_signals();
  ThreadSignals* t = t_thread;
  auto* uc = static_cast<ucontext_t*>(ucv);
  if (t) {
    t->info[sig] = *si;
    t->pending.fetch_or(bit(sig));
    // Stay blocked on the host until delivered: further instances queue in the kernel.
    reinterpret_cast<uint64_t*>(&uc->uc_sigmask)[0] |= bit(sig);
    if (t->st) t->st->pending_exit = 1;
  } else {
    s.proc_info[sig] = *si;
    s.proc_pending.fetch_or(bit(sig));
    reinterpret_cast<uint64_t*>(&uc->uc_sigmask)[0] |= bit(sig);
    if (g_main && g_main->st) g_main->st->pending_exit = 1;
  }
}

bool is_handler(uint64_t h) { return h != reinterpret_cast<uint64_t>(SIG_DFL) && h != reinterpret_cast<uint64_t>(SIG_IGN); }

enum class Default { Terminate, Ignore, Stop, Continue };
Default default_action(int sig) {
  switch (sig) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
      return Default::Ignore;
    case SIGCONT:
      return Default::Continue;
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
      return Default::Stop;
    default:
      return Default::Terminate;
  }
}

// Syscalls the kernel restarts after a handler with SA_RESTART (they return -ERESTARTSYS).
bool restartable(uint64_t nr, const ir::MachineState& st) {
  switch (nr) {
    case __NR_read: case __NR_write: case __NR_readv: case __NR_writev: case __NR_pread64:
    case __NR_pwrite64: case __NR_preadv: case __NR_pwritev: case __NR_preadv2: case __NR_pwritev2:
    case __NR_open: case __NR_openat: case __NR_ioctl: case __NR_wait4: case __NR_waitid:
    case __NR_fcntl: case __NR_flock: case __NR_accept: case __NR_accept4: case __NR_recvfrom:
    case __NR_sendto: case __NR_recvmsg: case __NR_sendmsg: case __NR_getrandom: case __NR_sendfile:
    case __NR_splice: case __NR_tee: case __NR_msgrcv: case __NR_msgsnd: case __NR_fsync:
      return true;
    case __NR_futex:
      return ((st.slot[6] & 0x7f) == 0 /* FUTEX_WAIT */ || (st.slot[6] & 0x7f) == 9 /* _BITSET */) &&
             st.slot[10] == 0;  // no timeout (with one the kernel answers EINTR)
    default:
      return false;
  }
}

[[noreturn]] void die_with_message(int sig, const char* what) {
  fflush(stdout);
  fprintf(stderr, "retrace: %s\n", what);
  die_of_signal(sig);
}
// A signal's default action ends the guest (SIGPIPE, SIGTERM, abort()): silent, as the
// process itself is natively, unless --verbose.
[[noreturn]] void die_quietly_with(int sig, const char* what, bool verbose) {
  if (verbose) die_with_message(sig, what);
  fflush(stdout);
  die_of_signal(sig);
}

uint64_t rflags_of(const ir::MachineState& st) {
  return ir::compute_flags(st.slot[ir::kSlotCcOp], st.slot[ir::kSlotCcDst], st.slot[ir::kSlotCcSrc1],
                           st.slot[ir::kSlotCcSrc2]) |
         st.slot[ir::kSlotCtlFlags] | ir::rflags::kFixed;
}

bool on_altstack(const ThreadSignals& t, uint64_t sp) {
  if (t.ss_flags & kSsAutodisarm) return false;
  return sp > t.ss_sp && sp - t.ss_sp <= t.ss_size;
}
int sas_flags(const ThreadSignals& t, uint64_t sp) {
  if (!t.ss_size) return kSsDisable;
  return on_altstack(t, sp) ? kSsOnStack : 0;
}

siginfo_t make_info(int sig, int code) {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = sig;
  si.si_code = code;
  return si;
}

}  // namespace

Signals& process_signals() {
  static Signals* s = new Signals();  // never destroyed: host handlers may still run at exit
  return *s;
}

void sync_host_mask(const ThreadSignals& t) {
  host_mask_set((t.mask | t.pending.load()) & ~kNeverHostBlock);
}

Signals::Signals() {
  // Ignored signals are inherited across execve (nohup, a shell's `trap '' INT`), and so is
  // the blocked mask: the guest starts with what retrace was started with.
  for (int sig = 1; sig <= 64; sig++) {
    if (kNeverHostBlock & bit(sig)) continue;
    KSigaction old{};
    if (raw(__NR_rt_sigaction, static_cast<uint64_t>(sig), 0, reinterpret_cast<uint64_t>(&old), 8) == 0 &&
        old.handler == reinterpret_cast<uint64_t>(SIG_IGN))
      actions_[sig].handler = reinterpret_cast<uint64_t>(SIG_IGN);
  }
}

ThreadSignals& Signals::attach_thread(ir::MachineState& st, const ir::MachineState* parent) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = threads_[&st];
  long tid = raw(__NR_gettid);
  if (slot && slot->tid != tid) {
    // A MachineState freed by a thread that ended without detach_thread, now reused by a
    // new thread: the old record is stale (a host handler may still hold it: keep it).
    (void)slot.release();
    if (g_main && g_main->st == &st && g_main->tid != tid) g_main = nullptr;
  }
  if (!slot) {
    slot = std::make_unique<ThreadSignals>();
    slot->st = &st;
    slot->tid = tid;
    if (parent) {
      auto it = threads_.find(const_cast<ir::MachineState*>(parent));
      if (it != threads_.end()) slot->mask = it->second->mask;
    } else if (t_thread) {
      slot->mask = t_thread->mask;
    } else {
      slot->mask = host_mask_get() & ~kNeverHostBlock;  // inherited across execve
    }
  }
  t_thread = slot.get();
  if (!g_main) g_main = slot.get();
  return *slot;
}

void Signals::detach_thread(ir::MachineState& st) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = threads_.find(&st);
  if (it == threads_.end()) return;
  // Recorded but undelivered signals go to the process (another thread may take them).
  uint64_t p = it->second->pending.exchange(0);
  for (int sig = 1; sig <= 64; sig++)
    if (p & bit(sig)) {
      proc_info[sig] = it->second->info[sig];
      proc_pending.fetch_or(bit(sig));
    }
  if (t_thread == it->second.get()) t_thread = nullptr;
  if (g_main == it->second.get()) g_main = nullptr;
  // Keep the object alive: a host handler may still hold the pointer.
  (void)it->second.release();
  threads_.erase(it);
}

ThreadSignals& Signals::thread(ir::MachineState& st) {
  if (t_thread && t_thread->st == &st) return *t_thread;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = threads_.find(&st);
    if (it != threads_.end() && it->second->tid == raw(__NR_gettid)) {
      if (!t_thread) t_thread = it->second.get();
      return *it->second;
    }
  }
  return attach_thread(st);
}

void Signals::after_fork_child() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (it->second.get() != t_thread) {
      (void)it->second.release();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  g_main = t_thread;
  proc_pending = 0;
  if (t_thread) {
    t_thread->tid = raw(__NR_gettid);
    t_thread->pending = 0;
    t_thread->interrupted_nr = -1;
    sync_host_mask(*t_thread);
  }
}

// --- dispositions ----------------------------------------------------------------------

void Signals::set_disposition(int sig, const GuestSigaction& act) {
  actions_[sig] = act;
  if (kNeverHostBlock & bit(sig)) return;  // faults come through the dispatcher
  if (act.handler == reinterpret_cast<uint64_t>(SIG_IGN)) {
    host_sigaction(sig, reinterpret_cast<uint64_t>(SIG_IGN), 0, 0);
    // Pending instances are discarded.
    proc_pending.fetch_and(~bit(sig));
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [st, t] : threads_) t->pending.fetch_and(~bit(sig));
  } else if (act.handler == reinterpret_cast<uint64_t>(SIG_DFL)) {
    host_sigaction(sig, reinterpret_cast<uint64_t>(SIG_DFL), 0, 0);
  } else {
    // Not SA_RESTART: a blocking host syscall must come back with EINTR so the guest's
    // handler can run; the syscall layer restarts it if the guest asked for SA_RESTART.
    host_sigaction(sig, reinterpret_cast<uint64_t>(&host_handler),
                   kSaSiginfo | kSaOnStack | (act.flags & (kSaNoCldStop | kSaNoCldWait)),
                   ~kNeverHostBlock);
  }
}

long Signals::rt_sigaction(ir::MachineState&, const uint64_t* a) {
  int sig = static_cast<int>(a[0]);
  if (a[3] != 8 || sig < 1 || sig > 64) return -EINVAL;
  GuestSigaction nw;
  if (a[1]) {
    if (sig == SIGKILL || sig == SIGSTOP) return -EINVAL;
    if (!copy_from_guest(&nw, a[1], sizeof nw)) return -EFAULT;
    nw.mask &= ~kUnblockable;
  }
  if (a[2] && !copy_to_guest(a[2], &actions_[sig], sizeof nw)) return -EFAULT;
  if (a[1]) set_disposition(sig, nw);
  return 0;
}

// --- mask, pending, waits ----------------------------------------------------------------

long Signals::rt_sigprocmask(ir::MachineState& st, const uint64_t* a) {
  if (a[3] != 8) return -EINVAL;
  ThreadSignals& t = thread(st);
  uint64_t old = t.mask;
  if (a[1]) {
    uint64_t m;
    if (!copy_from_guest(&m, a[1], sizeof m)) return -EFAULT;
    m &= ~kUnblockable;
    switch (a[0]) {
      case SIG_BLOCK: t.mask |= m; break;
      case SIG_UNBLOCK: t.mask &= ~m; break;
      case SIG_SETMASK: t.mask = m; break;
      default: return -EINVAL;
    }
  }
  if (a[2] && !copy_to_guest(a[2], &old, sizeof old)) {
    t.mask = old;
    return -EFAULT;
  }
  if (a[1]) {
    sync_host_mask(t);  // the host delivers what became unblocked to host_handler now
    if ((t.pending.load() | proc_pending.load()) & ~t.mask) st.pending_exit = 1;
  }
  return 0;
}

long Signals::rt_sigpending(ir::MachineState& st, const uint64_t* a) {
  if (a[1] != 8) return -EINVAL;
  ThreadSignals& t = thread(st);
  uint64_t host = 0;
  raw(__NR_rt_sigpending, reinterpret_cast<uint64_t>(&host), 8);
  uint64_t p = (host | t.pending.load() | proc_pending.load()) & t.mask;
  if (!copy_to_guest(a[0], &p, sizeof p)) return -EFAULT;
  return 0;
}

// Waits until a signal not in `wait_mask` is recorded (the mask is the guest's for the wait).
static void wait_for_signal(Signals& s, ThreadSignals& t, uint64_t wait_mask) {
  // Block everything on the host first so that a signal recorded between the check and
  // the wait cannot be missed: rt_sigsuspend unblocks atomically.
  host_mask_set(~kNeverHostBlock);
  while (!((t.pending.load() | s.proc_pending.load()) & ~wait_mask)) {
    uint64_t m = (wait_mask | t.pending.load()) & ~kNeverHostBlock;
    raw(__NR_rt_sigsuspend, reinterpret_cast<uint64_t>(&m), 8);
  }
}

long Signals::rt_sigsuspend(ir::MachineState& st, const uint64_t* a) {
  if (a[1] != 8) return -EINVAL;
  uint64_t m;
  if (!copy_from_guest(&m, a[0], sizeof m)) return -EFAULT;
  ThreadSignals& t = thread(st);
  t.saved_mask = t.mask;
  t.restore_saved = true;
  t.mask = m & ~kUnblockable;
  wait_for_signal(*this, t, t.mask);
  sync_host_mask(t);
  st.pending_exit = 1;
  return -EINTR;
}

long Signals::pause(ir::MachineState& st) {
  ThreadSignals& t = thread(st);
  wait_for_signal(*this, t, t.mask);
  sync_host_mask(t);
  st.pending_exit = 1;
  return -EINTR;
}

long Signals::rt_sigtimedwait(ir::MachineState& st, const uint64_t* a) {
  if (a[3] != 8) return -EINVAL;
  uint64_t set;
  if (!copy_from_guest(&set, a[0], sizeof set)) return -EFAULT;
  set &= ~kUnblockable;
  ThreadSignals& t = thread(st);
  for (;;) {
    int sig;
    siginfo_t info;
    if (dequeue(t, sig, info, set)) {
      sync_host_mask(t);
      if (a[1] && !copy_to_guest(a[1], &info, sizeof info)) return -EFAULT;
      return sig;
    }
    // Signals the guest blocks are queued by the host kernel: let it dequeue them.
    long r = raw(__NR_rt_sigtimedwait, reinterpret_cast<uint64_t>(&set), a[1], a[2], 8);
    if (r != -EINTR || !((t.pending.load() | proc_pending.load()) & set)) {
      if (r == -EINTR) st.pending_exit = 1;
      return r;
    }
  }
}

long Signals::sigaltstack(ir::MachineState& st, const uint64_t* a) {
  ThreadSignals& t = thread(st);
  uint64_t sp = st.gpr(4);
  KStack nw{}, old{t.ss_sp, sas_flags(t, sp) | (t.ss_flags & kSsAutodisarm), 0, t.ss_size};
  if (a[0]) {
    if (!copy_from_guest(&nw, a[0], sizeof nw)) return -EFAULT;
    if (on_altstack(t, sp)) return -EPERM;
    int mode = nw.flags & ~kSsAutodisarm;
    if (mode != 0 && mode != kSsDisable && mode != kSsOnStack) return -EINVAL;
    if (mode != kSsDisable && nw.size < kGuestMinSigStackSize) return -ENOMEM;
  }
  if (a[1] && !copy_to_guest(a[1], &old, sizeof old)) return -EFAULT;
  if (a[0]) {
    bool off = (nw.flags & ~kSsAutodisarm) == kSsDisable;
    t.ss_sp = off ? 0 : nw.sp;
    t.ss_size = off ? 0 : nw.size;
    t.ss_flags = off ? kSsDisable : (nw.flags & kSsAutodisarm);
  }
  return 0;
}

// --- sending -----------------------------------------------------------------------------

void Signals::queue(ThreadSignals& t, int sig, const siginfo_t& info, bool thread_directed) {
  if (!thread_directed && (t.mask & bit(sig))) {
    // Another live guest thread that does not block it takes it at its next safe point.
    std::vector<ir::MachineState*> live;
    threads_for_each([&](pid_t, ir::MachineState& s) { live.push_back(&s); });
    std::lock_guard<std::mutex> lock(mu_);
    for (ir::MachineState* ls : live) {
      auto it = threads_.find(ls);
      if (ls == t.st || it == threads_.end() || (it->second->mask & bit(sig))) continue;
      proc_info[sig] = info;
      proc_pending.fetch_or(bit(sig));
      ls->pending_exit = 1;
      return;
    }
    // Every thread blocks it: it stays pending on the process, where a thread's sigwait
    // (which may be waiting in the host's rt_sigtimedwait right now) or a later unblock
    // takes it. The host kernel keeps it there: each thread's host mask is its guest mask.
    // (kill(2) fills in the same SI_USER siginfo; rt_sigqueueinfo takes a guest's own
    // negative si_code, and refuses SI_USER from a thread other than the main one.)
    const long r = info.si_code >= 0
                       ? raw(__NR_kill, static_cast<uint64_t>(getpid()), static_cast<uint64_t>(sig))
                       : raw(__NR_rt_sigqueueinfo, static_cast<uint64_t>(getpid()), static_cast<uint64_t>(sig),
                             reinterpret_cast<uint64_t>(&info));
    if (r == 0) return;
  }
  if (!(t.pending.load() & bit(sig))) t.info[sig] = info;  // standard signals do not queue twice
  t.pending.fetch_or(bit(sig));
  t.st->pending_exit = 1;
}

long Signals::send_self(ir::MachineState& st, int sig, bool thread_directed, const siginfo_t* given) {
  if (sig < 0 || sig > 64) return -EINVAL;
  if (sig == 0) return 0;
  ThreadSignals& t = thread(st);
  uint64_t h = actions_[sig].handler;
  bool blocked = t.mask & bit(sig);
  if (h == reinterpret_cast<uint64_t>(SIG_IGN) && !blocked) return 0;
  if (h == reinterpret_cast<uint64_t>(SIG_DFL) && !blocked) {
    switch (default_action(sig)) {
      case Default::Ignore:
      case Default::Continue:
        return 0;
      case Default::Stop:
        return raw(__NR_tgkill, static_cast<uint64_t>(getpid()), static_cast<uint64_t>(gettid()),
                   static_cast<uint64_t>(sig));
      case Default::Terminate: {
        // As natively: the process dies of it without a word (its parent sees the signal);
        // --verbose says so.
        char buf[96];
        snprintf(buf, sizeof buf, "the guest sent itself signal %d (%s)", sig, strsignal(sig));
        die_quietly_with(sig, buf, verbose);
      }
    }
  }
  siginfo_t info = given ? *given : make_info(sig, thread_directed ? kSiTkill : kSiUser);
  info.si_signo = sig;
  if (!given) {
    info.si_pid = getpid();
    info.si_uid = getuid();
  }
  queue(t, sig, info, thread_directed);
  sync_host_mask(t);
  return 0;
}

// --- delivery ----------------------------------------------------------------------------

bool Signals::dequeue(ThreadSignals& t, int& sig, siginfo_t& info, uint64_t allowed) {
  // Synchronous-looking (fault) signals first, then the lowest number; thread before process.
  for (int pass = 0; pass < 2; pass++) {
    uint64_t p = (pass == 0 ? t.pending.load() : proc_pending.load()) & allowed;
    if (!p) continue;
    uint64_t pick = (p & kFaultSigs) ? (p & kFaultSigs) : p;
    sig = __builtin_ctzll(pick) + 1;
    if (pass == 0) {
      info = t.info[sig];
      t.pending.fetch_and(~bit(sig));
    } else {
      info = proc_info[sig];
      proc_pending.fetch_and(~bit(sig));
    }
    return true;
  }
  return false;
}

void Signals::apply_restart(ir::MachineState& st, ThreadSignals& t, const GuestSigaction* handler) {
  if (t.interrupted_nr < 0) return;
  uint64_t nr = static_cast<uint64_t>(t.interrupted_nr);
  t.interrupted_nr = -1;
  if (st.rip != t.interrupted_rip || st.gpr(0) != static_cast<uint64_t>(-EINTR)) return;
  bool restart = !handler || ((handler->flags & kSaRestart) && restartable(nr, st));
  if (restart) {
    st.gpr(0) = nr;
    st.rip -= 2;  // back onto the `syscall` instruction
  }
}

void Signals::setup_frame(ir::MachineState& st, ThreadSignals& t, int sig, const siginfo_t& info, uint64_t trapno,
                          uint64_t err, uint64_t cr2) {
  GuestSigaction act = actions_[sig];
  apply_restart(st, t, &act);
  if (!(act.flags & kSaRestorer)) die_with_message(SIGSEGV, "guest signal handler without SA_RESTORER");
  uint64_t orig_sp = st.gpr(4);
  uint64_t sp = orig_sp - 128;  // red zone
  bool entering_alt = false;
  if ((act.flags & kSaOnStack) && t.ss_size && sas_flags(t, sp) == 0) {
    sp = t.ss_sp + t.ss_size;
    entering_alt = true;
  }
  uint64_t fx = (sp - kFpstateSize) & ~63ull;
  sp = fx - sizeof(KRtSigframe);
  sp = ((sp + 8) & ~15ull) - 8;  // rsp + 8 is 16-byte aligned at handler entry

  uint64_t old_mask = t.restore_saved ? t.saved_mask : t.mask;
  t.restore_saved = false;

  KRtSigframe f;
  memset(&f, 0, sizeof f);
  f.pretcode = act.restorer;
  f.uc.flags = kUcFlags;
  f.uc.stack = {t.ss_sp, t.ss_flags == kSsDisable ? kSsDisable : t.ss_flags, 0, t.ss_size};
  if (!t.ss_size) f.uc.stack.flags = kSsDisable;
  KSigcontext& m = f.uc.mc;
  m.r8 = st.gpr(8); m.r9 = st.gpr(9); m.r10 = st.gpr(10); m.r11 = st.gpr(11);
  m.r12 = st.gpr(12); m.r13 = st.gpr(13); m.r14 = st.gpr(14); m.r15 = st.gpr(15);
  m.rdi = st.gpr(7); m.rsi = st.gpr(6); m.rbp = st.gpr(5); m.rbx = st.gpr(3);
  m.rdx = st.gpr(2); m.rax = st.gpr(0); m.rcx = st.gpr(1); m.rsp = orig_sp;
  m.rip = st.rip;
  m.eflags = rflags_of(st);
  m.cs = 0x33;
  m.ss = 0x2b;
  m.err = err;
  m.trapno = trapno;
  m.oldmask = old_mask;
  m.cr2 = cr2;
  m.fpstate = fx;
  f.uc.sigmask = old_mask;
  f.info = info;

  alignas(16) uint8_t fxbuf[kFpstateSize] = {};
  ir::kX87Ops[ir::x87_id(ir::X87Op::FXSAVE64)].fn(st, reinterpret_cast<uint64_t>(fxbuf), 0, 0);
  memset(fxbuf + 464, 0, 48);  // sw_reserved: no xstate
  if (!copy_to_guest(fx, fxbuf, sizeof fxbuf) || !copy_to_guest(sp, &f, sizeof f)) {
    // The kernel forces SIGSEGV when the frame cannot be written.
    char buf[96];
    snprintf(buf, sizeof buf, "cannot write the signal frame for signal %d at 0x%llx", sig,
             static_cast<unsigned long long>(sp));
    die_with_message(SIGSEGV, buf);
  }
  if (entering_alt && (t.ss_flags & kSsAutodisarm)) {
    t.ss_sp = 0;
    t.ss_size = 0;
    t.ss_flags = kSsDisable;
  }

  st.gpr(7) = static_cast<uint64_t>(sig);
  st.gpr(6) = sp + offsetof(KRtSigframe, info);
  st.gpr(2) = sp + offsetof(KRtSigframe, uc);
  st.gpr(0) = 0;
  st.gpr(4) = sp;
  st.rip = act.handler;
  st.slot[ir::kSlotCtlFlags] &= ~(ir::rflags::DF | ir::rflags::TF);
  // The handler starts with a clean FPU (the kernel's fpu__clear_user_states).
  st.x87 = ir::X87State{};
  for (unsigned i = 0; i < 32; i++) st.slot[ir::kSlotXmm + i] = 0;
  st.slot[ir::kSlotMxcsr] = 0x1f80;

  t.mask |= act.mask | ((act.flags & kSaNoDefer) ? 0 : bit(sig));
  t.mask &= ~kUnblockable;
  if (act.flags & kSaResetHand) {
    GuestSigaction dfl = act;
    dfl.handler = reinterpret_cast<uint64_t>(SIG_DFL);  // only the handler, as the kernel
    set_disposition(sig, dfl);
  }
}

bool Signals::on_trap(ir::MachineState& st) {
  ThreadSignals& t = thread(st);
  int sig = st.trap_signal;
  const uint64_t trap_err = st.trap_err;  // this trap's only (a later one may not set it)
  st.trap_err = 0;
  if (sig < 1 || sig > 64) return false;
  GuestSigaction act = actions_[sig];
  // A blocked or ignored fault is fatal (the kernel forces the default action).
  if (!is_handler(act.handler) || (t.mask & bit(sig))) return false;
  siginfo_t info = make_info(sig, st.trap_code);
  uint64_t trapno = 0, err = 0, cr2 = 0;
  switch (sig) {
    case SIGSEGV:
    case SIGBUS: {
      if (st.trap_code == 0) info.si_code = st.trap_addr ? 1 /* SEGV_MAPERR */ : kSiKernel;
      const bool stack_overflow = sig == SIGSEGV && st.trap_addr >= stack_guard_lo && st.trap_addr < stack_guard_hi;
      if (stack_overflow) info.si_code = 1;  // SEGV_MAPERR: below the stack, natively nothing is mapped
      if (info.si_code != kSiKernel) {
        info.si_addr = reinterpret_cast<void*>(st.trap_addr);
        trapno = 14;
        // The host's error code when the fault was a real one (user, write, present
        // bits as the kernel reported them), else user-mode plus present for ACCERR.
        err = trap_err ? (trap_err & 0x1f) : 4 | (info.si_code == 2 /* SEGV_ACCERR */ ? 1 : 0);
        if (stack_overflow) err &= ~1ull;  // (not present)
        cr2 = st.trap_addr;
      } else {
        trapno = 13;
      }
      break;
    }
    case SIGFPE:
      if (st.trap_code == 0) info.si_code = 1;  // FPE_INTDIV
      info.si_addr = reinterpret_cast<void*>(st.rip);
      trapno = info.si_code == 1 || info.si_code == 2 ? 0 : 16;
      break;
    case SIGILL:
      if (st.trap_code == 0) info.si_code = 2;  // ILL_ILLOPN
      info.si_addr = reinterpret_cast<void*>(st.rip);
      trapno = 6;
      break;
    case SIGTRAP:
      info.si_code = kSiKernel;  // int3
      trapno = 3;
      break;
    default:
      break;
  }
  setup_frame(st, t, sig, info, trapno, err, cr2);
  sync_host_mask(t);  // siglongjmp to the dispatcher restored an older host mask
  if ((t.pending.load() | proc_pending.load()) & ~t.mask) st.pending_exit = 1;
  return true;
}

void Signals::on_pending(ir::MachineState& st) {
  ThreadSignals& t = thread(st);
  bool handled = false;
  for (;;) {
    int sig;
    siginfo_t info;
    if (!dequeue(t, sig, info, ~t.mask)) break;
    GuestSigaction act = actions_[sig];
    if (act.handler == reinterpret_cast<uint64_t>(SIG_IGN)) continue;
    if (act.handler == reinterpret_cast<uint64_t>(SIG_DFL)) {
      switch (default_action(sig)) {
        case Default::Ignore:
        case Default::Continue:
          continue;
        case Default::Stop:
          raw(__NR_tgkill, static_cast<uint64_t>(getpid()), static_cast<uint64_t>(gettid()), static_cast<uint64_t>(sig));
          continue;
        case Default::Terminate: {
          char buf[96];
          snprintf(buf, sizeof buf, "guest killed by signal %d (%s)", sig, strsignal(sig));
          die_quietly_with(sig, buf, verbose);
        }
      }
    }
    setup_frame(st, t, sig, info, 0, 0, 0);
    handled = true;
  }
  if (!handled) {
    apply_restart(st, t, nullptr);
    if (t.restore_saved) {
      t.mask = t.saved_mask;
      t.restore_saved = false;
    }
  }
  sync_host_mask(t);
}

// --- rt_sigreturn ------------------------------------------------------------------------

long Signals::rt_sigreturn(ir::MachineState& st) {
  ThreadSignals& t = thread(st);
  uint64_t ucp = st.gpr(4);  // the restorer's `ret` popped pretcode: rsp is &uc
  KUcontext uc;
  if (!copy_from_guest(&uc, ucp, sizeof uc)) die_with_message(SIGSEGV, "rt_sigreturn with a bad frame");
  const KSigcontext& m = uc.mc;
  if (m.fpstate) {
    alignas(16) uint8_t fxbuf[kFpstateSize];
    if (!copy_from_guest(fxbuf, m.fpstate, sizeof fxbuf)) die_with_message(SIGSEGV, "rt_sigreturn with a bad fpstate");
    uint32_t mx;
    memcpy(&mx, fxbuf + 24, 4);
    mx &= 0xffff;  // reserved MXCSR bits would fault fxrstor (the kernel refuses the frame)
    memcpy(fxbuf + 24, &mx, 4);
    ir::kX87Ops[ir::x87_id(ir::X87Op::FXRSTOR64)].fn(st, reinterpret_cast<uint64_t>(fxbuf), 0, 0);
  } else {
    st.x87 = ir::X87State{};
    for (unsigned i = 0; i < 32; i++) st.slot[ir::kSlotXmm + i] = 0;
    st.slot[ir::kSlotMxcsr] = 0x1f80;
  }
  st.gpr(8) = m.r8; st.gpr(9) = m.r9; st.gpr(10) = m.r10; st.gpr(11) = m.r11;
  st.gpr(12) = m.r12; st.gpr(13) = m.r13; st.gpr(14) = m.r14; st.gpr(15) = m.r15;
  st.gpr(7) = m.rdi; st.gpr(6) = m.rsi; st.gpr(5) = m.rbp; st.gpr(3) = m.rbx;
  st.gpr(2) = m.rdx; st.gpr(1) = m.rcx; st.gpr(4) = m.rsp;
  st.rip = m.rip;
  uint64_t fl = (rflags_of(st) & ~kFixEflags) | (m.eflags & kFixEflags);
  st.slot[ir::kSlotCcOp] = ir::cc_op(ir::CcKind::Eager, ir::Type::I64);
  st.slot[ir::kSlotCcDst] = fl & ir::rflags::kStatus;
  st.slot[ir::kSlotCcSrc1] = 0;
  st.slot[ir::kSlotCcSrc2] = 0;
  constexpr uint64_t kCtl = ir::rflags::DF | ir::rflags::AC;
  st.slot[ir::kSlotCtlFlags] = (st.slot[ir::kSlotCtlFlags] & ~kCtl) | (fl & kCtl);

  t.mask = uc.sigmask & ~kUnblockable;
  t.restore_saved = false;
  t.interrupted_nr = -1;
  // The altstack settings saved in the frame come back (unless we are on the alt stack).
  if (!on_altstack(t, m.rsp)) {
    int mode = uc.stack.flags & ~kSsAutodisarm;
    if (mode == kSsDisable) {
      t.ss_sp = 0;
      t.ss_size = 0;
      t.ss_flags = kSsDisable;
    } else if (mode == 0 && uc.stack.size >= kGuestMinSigStackSize) {
      t.ss_sp = uc.stack.sp;
      t.ss_size = uc.stack.size;
      t.ss_flags = uc.stack.flags & kSsAutodisarm;
    }
  }
  sync_host_mask(t);
  if ((t.pending.load() | proc_pending.load()) & ~t.mask) st.pending_exit = 1;
  t.sigreturned = true;
  t.sigreturn_rcx = m.rcx;
  t.sigreturn_r11 = m.r11;
  return static_cast<long>(m.rax);
}

void Signals::after_syscall(ir::MachineState& st, uint64_t nr, long result) {
  ThreadSignals& t = thread(st);
  if (t.sigreturned) {
    t.sigreturned = false;
    if (nr == __NR_rt_sigreturn) {
      st.gpr(1) = t.sigreturn_rcx;
      st.gpr(11) = t.sigreturn_r11;
      return;
    }
  }
  if (result == -EINTR && ((t.pending.load() | proc_pending.load()) & ~t.mask)) {
    t.interrupted_nr = static_cast<int64_t>(nr);
    t.interrupted_rip = st.rip;
    st.pending_exit = 1;
  } else if ((t.pending.load() | proc_pending.load()) & ~t.mask) {
    st.pending_exit = 1;
  }
}

}  // namespace retrace::rt
