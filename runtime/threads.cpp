// Guest threads on host threads. See threads.h.
#include "runtime/threads.h"

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

#include "codecache/code_write_watch.h"
#include "runtime/decode_cache.h"
#include "ir/flags.h"
#include "runtime/guest_memory.h"
#include "runtime/process.h"
#include "runtime/signals.h"
#include "runtime/syscalls.h"

namespace retrace::rt {

namespace {

constexpr size_t kHostStackSize = 8 << 20;   // retrace's own stack for a guest thread
constexpr size_t kAltStackSize = 64 << 10;   // fault handler stack (see install_fault_handlers)

struct ThreadRec {
  bool main = false;
  pid_t tid = 0;
  ir::MachineState* st = nullptr;
  std::unique_ptr<ir::MachineState> own_st;  // guest threads other than the first
  Dispatcher* d = nullptr;
  std::unique_ptr<Dispatcher> own_d;
  const ir::MachineState* parent_st = nullptr;  // the cloning thread's, until started
  uint64_t clone_flags = 0, ptid = 0, ctid = 0;
  uint64_t clear_tid = 0;     // CLONE_CHILD_CLEARTID / set_tid_address
  uint64_t robust_list = 0;   // set_robust_list (recorded)
  bool exited = false;        // left with exit() (not exit_group)
  bool last = false;          // ... as the last thread: the process ends with `status`
  int status = 0;
  std::mutex pend_mu;
  std::vector<std::pair<uint64_t, uint64_t>> pending;  // code ranges to drop at a safe point
};

struct Registry {
  std::mutex mu;
  std::condition_variable cv;  // the main thread waits here after its own exit()
  std::vector<ThreadRec*> threads;  // registered (started or starting), not yet cleaned up
  int live = 0;                     // guest threads that have not called exit()
  ThreadRec* main = nullptr;
  bool main_waiting = false;        // the main thread left with exit(): it takes the result
  bool have_result = false;
  RunResult result;
  std::atomic<bool> ending{false};  // the process is ending: other threads park
  LinuxSyscalls* sys = nullptr;
  Dispatcher* main_d = nullptr;
  RunOptions opt;
  std::function<void(ir::MachineState&)> sig_hook;
};

Registry& reg() {
  static Registry* r = new Registry;  // never destroyed: threads may outlive main()'s return
  return *r;
}

thread_local ThreadRec* t_self = nullptr;

// Every live guest thread's MachineState, for threads_poke_all() from a signal handler
// (lock-free). States are never freed, only reused (pool), so a poke that races with a
// thread's exit at worst gives another thread a spurious safe point.
constexpr size_t kPokeSlots = 4096;
std::atomic<ir::MachineState*> g_poke[kPokeSlots];
std::atomic<size_t> g_poke_used{0};  // slots ever taken: the rest are null (and untouched)

void poke_clear_all() {
  const size_t used = g_poke_used.load(std::memory_order_acquire);
  for (size_t i = 0; i < used; ++i) g_poke[i].store(nullptr);
}
std::vector<std::unique_ptr<ir::MachineState>> g_state_pool;  // under Registry::mu

void poke_register(ir::MachineState* st) {
  for (size_t i = 0; i < kPokeSlots; ++i) {
    ir::MachineState* expected = nullptr;
    if (g_poke[i].compare_exchange_strong(expected, st)) {
      size_t used = g_poke_used.load(std::memory_order_relaxed);
      while (used < i + 1 && !g_poke_used.compare_exchange_weak(used, i + 1)) {}
      return;
    }
  }
}

void poke_unregister(ir::MachineState* st) {
  const size_t used = g_poke_used.load(std::memory_order_acquire);
  for (size_t i = 0; i < used; ++i) {
    ir::MachineState* expected = st;
    if (g_poke[i].compare_exchange_strong(expected, nullptr)) return;
  }
}

[[noreturn]] void park() {
  for (;;) pause();
}

void safepoint(ir::MachineState& st) {
  Registry& r = reg();
  // Code writes found by write protection (this thread may have been poked for one) reach
  // every thread's pending list first, also when another thread is draining them right now.
  if (codecache::CodeWriteWatch::instance().any_written()) codecache::CodeWriteWatch::instance().publish_written();
  if (ThreadRec* self = t_self) {
    std::vector<std::pair<uint64_t, uint64_t>> todo;
    {
      std::lock_guard<std::mutex> g(self->pend_mu);
      todo.swap(self->pending);
    }
    for (auto [s, e] : todo) invalidate_translated_code(self->d, s, e);
  }
  if (r.ending.load()) park();
  std::function<void(ir::MachineState&)> hook;
  {
    std::lock_guard<std::mutex> g(r.mu);
    hook = r.sig_hook;
  }
  if (hook) hook(st);
}

void install_safepoint(Dispatcher& d) {
  using Fn = void (*)(ir::MachineState&);
  if (const Fn* f = d.on_pending.target<Fn>(); f && *f == &safepoint) return;
  if (d.on_pending) {  // the signal layer got there first: its hook runs after ours
    std::lock_guard<std::mutex> g(reg().mu);
    if (!reg().sig_hook) reg().sig_hook = std::move(d.on_pending);
  }
  d.on_pending = &safepoint;
}

void futex_wake_both(uint64_t addr) {
  syscall(SYS_futex, addr, FUTEX_WAKE, 1, nullptr, nullptr, 0);
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

// The kernel's handle_futex_death: a robust futex the dying thread still owns gets
// FUTEX_OWNER_DIED (its next locker sees EOWNERDEAD) and one waiter is woken.
void futex_death(uint64_t uaddr, pid_t tid, bool pi, bool pending_op) {
  if (uaddr & 3) return;
  for (int tries = 0; tries < 100; tries++) {
    uint32_t uval;
    if (!copy_from_guest(&uval, uaddr, sizeof uval)) return;
    if (pending_op && !pi && uval == 0) {  // died between unlock and list removal
      futex_wake_both(uaddr);
      return;
    }
    if ((uval & FUTEX_TID_MASK) != static_cast<uint32_t>(tid)) return;
    uint32_t mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    // The word is readable guest memory the guest itself locked (so writable).
    if (__atomic_compare_exchange_n(reinterpret_cast<uint32_t*>(uaddr), &uval, mval, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
      if (!pi && (uval & FUTEX_WAITERS)) futex_wake_both(uaddr);
      return;
    }
  }
}

// The kernel's exit_robust_list, for the guest thread's list (set_robust_list is recorded,
// not passed: the host thread's list is retrace's glibc's). Before the clear-TID write,
// while the guest thread's memory (its struct pthread holds the head) is still its own.
void walk_robust_list(ThreadRec* t) {
  if (!t->robust_list || !t->tid) return;
  struct {
    uint64_t next;
    int64_t futex_offset;
    uint64_t list_op_pending;
  } head;
  if (!copy_from_guest(&head, t->robust_list, sizeof head)) return;
  uint64_t pending = head.list_op_pending & ~1ull;
  bool pending_pi = head.list_op_pending & 1;
  uint64_t entry = head.next & ~1ull;
  bool pi = head.next & 1;
  for (int limit = 2048; entry != t->robust_list && entry && limit > 0; limit--) {  // ROBUST_LIST_LIMIT
    uint64_t next;
    if (!copy_from_guest(&next, entry, sizeof next)) break;
    if (entry != pending) futex_death(entry + static_cast<uint64_t>(head.futex_offset), t->tid, pi, false);
    entry = next & ~1ull;
    pi = next & 1;
  }
  if (pending) futex_death(pending + static_cast<uint64_t>(head.futex_offset), t->tid, pending_pi, true);
}

// CLONE_CHILD_CLEARTID / set_tid_address at thread exit, as the kernel's mm_release does.
void clear_tid(ThreadRec* t) {
  if (!t->clear_tid) return;
  uint32_t zero = 0;
  if (!copy_to_guest(t->clear_tid, &zero, sizeof zero)) return;
  futex_wake_both(t->clear_tid);
}

// exit_group, or a guest signal that kills the process, from a thread while others run:
// every thread ends at once, as the kernel does it.
[[noreturn]] void end_process(const RunResult& res) {
  reg().ending.store(true);
  process_decode_cache().save();  // (exit_group or a fatal signal with other threads alive)
  if (res.how == RunResult::Signaled) {
    if (!res.message.empty()) fprintf(stderr, "retrace: %s\n", res.message.c_str());
    die_of_signal(res.signal);
  }
  fflush(stdout);
  fflush(stderr);
  syscall(SYS_exit_group, res.status & 0xff);
  _exit(res.status & 0xff);
}

void unregister(ThreadRec* t) {
  Registry& r = reg();
  r.threads.erase(std::remove(r.threads.begin(), r.threads.end(), t), r.threads.end());
}

struct Handshake {
  ThreadRec* t;
  std::mutex mu;
  std::condition_variable cv;
  bool started = false;
  pid_t tid = 0;
};

void* thread_main(void* arg) {
  Registry& r = reg();
  ThreadRec* t;
  {
    auto* h = static_cast<Handshake*>(arg);
    t = h->t;
    t_self = t;
    pid_t tid = static_cast<pid_t>(syscall(SYS_gettid));
    {
      std::lock_guard<std::mutex> g(r.mu);
      t->tid = tid;
    }
    uint32_t v = static_cast<uint32_t>(tid);
    if (t->clone_flags & CLONE_PARENT_SETTID) copy_to_guest(t->ptid, &v, sizeof v);
    if (t->clone_flags & CLONE_CHILD_SETTID) copy_to_guest(t->ctid, &v, sizeof v);
    if (t->clone_flags & CLONE_CHILD_CLEARTID) t->clear_tid = t->ctid;
    // Signal state (mask inherited) while the parent still waits in clone.
    process_signals().attach_thread(*t->st, t->parent_st);
    t->parent_st = nullptr;
    std::lock_guard<std::mutex> g(h->mu);
    h->tid = tid;
    h->started = true;
    h->cv.notify_one();
    // h belongs to the parent from here on.
  }

  // The fault handler runs on an alternate stack; sigaltstack is per thread.
  void* alt = mmap(nullptr, kAltStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (alt != MAP_FAILED) {
    stack_t ss{};
    ss.ss_sp = alt;
    ss.ss_size = kAltStackSize;
    sigaltstack(&ss, nullptr);
  }

  t->own_d = std::make_unique<Dispatcher>(x86::Mode::M64, read_guest_code, r.opt);
  t->d = t->own_d.get();
  t->d->on_trap = r.main_d->on_trap;
  t->d->on_code_write = r.main_d->on_code_write;
  install_safepoint(*t->d);
  LinuxSyscalls* sys = r.sys;
  RunResult res = t->d->run(*t->st, [sys](ir::MachineState& st) {
    SyscallOutcome o = sys->handle(st);
    if (reg().ending.load()) park();
    return o;
  });

  if (!t->exited) end_process(res);  // exit_group or a fatal signal in this thread

  // exit() of this thread: nothing of it runs guest code any more, so its guest stack may
  // be reused as soon as pthread_join sees the cleared TID.
  process_signals().detach_thread(*t->st);
  t->own_d.reset();
  walk_robust_list(t);
  clear_tid(t);
  if (alt != MAP_FAILED) {
    stack_t ss{};
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, nullptr);
    munmap(alt, kAltStackSize);
  }
  poke_unregister(t->st);
  std::unique_lock<std::mutex> lk(r.mu);
  unregister(t);
  bool last = t->last;
  int status = t->status;
  g_state_pool.push_back(std::move(t->own_st));
  delete t;
  if (last) {
    if (r.main_waiting) {  // the main thread returns the process's status
      r.result = RunResult{};
      r.result.status = status;
      r.have_result = true;
      r.cv.notify_all();
      return nullptr;
    }
    lk.unlock();
    RunResult ex;
    ex.status = status;
    end_process(ex);  // a forked child whose main thread is gone
  }
  return nullptr;
}

ThreadRec* self_or_main() {
  return t_self ? t_self : reg().main;
}

}  // namespace

void threads_init(Dispatcher& d, ir::MachineState& st, LinuxSyscalls& sys, const RunOptions& opt) {
  g_poke_all_threads = threads_poke_all;  // code-write faults reach every thread
  Registry& r = reg();
  auto* m = new ThreadRec;
  m->main = true;
  m->st = &st;
  m->d = &d;
  m->tid = static_cast<pid_t>(syscall(SYS_gettid));
  {
    std::lock_guard<std::mutex> g(r.mu);
    r.sys = &sys;
    r.main_d = &d;
    r.opt = opt;
    r.main = m;
    r.threads.assign(1, m);  // a new process (tests may create several in turn)
    r.live = 1;
    r.main_waiting = false;
    r.have_result = false;
  }
  t_self = m;
  poke_clear_all();
  poke_register(&st);
  install_safepoint(d);
}

long threads_clone(ir::MachineState& parent, uint64_t flags, uint64_t stack, uint64_t ptid,
                   uint64_t ctid, uint64_t tls) {
  Registry& r = reg();
  if (!r.main_d) return -ENOSYS;
  auto* t = new ThreadRec;
  {
    std::lock_guard<std::mutex> g(r.mu);
    if (!g_state_pool.empty()) {
      t->own_st = std::move(g_state_pool.back());
      g_state_pool.pop_back();
    }
  }
  if (t->own_st)
    *t->own_st = parent;
  else
    t->own_st = std::make_unique<ir::MachineState>(parent);
  ir::MachineState& c = *t->own_st;
  c.pending_exit = 0;
  // The child returns from the same `syscall` with 0; rcx and r11 as the instruction
  // leaves them.
  c.gpr(0) = 0;
  c.gpr(1) = parent.rip;
  c.gpr(11) = ir::compute_flags(parent.slot[ir::kSlotCcOp], parent.slot[ir::kSlotCcDst],
                                parent.slot[ir::kSlotCcSrc1], parent.slot[ir::kSlotCcSrc2]) |
              parent.slot[ir::kSlotCtlFlags] | ir::rflags::kFixed;
  if (stack) c.gpr(4) = stack;
  if (flags & CLONE_SETTLS) c.slot[ir::kSlotFsBase] = tls;
  t->st = &c;
  t->parent_st = &parent;
  t->clone_flags = flags;
  t->ptid = ptid;
  t->ctid = ctid;
  {
    std::lock_guard<std::mutex> g(r.mu);
    r.threads.push_back(t);
    r.live++;
  }
  poke_register(t->st);
  Handshake h;
  h.t = t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kHostStackSize);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t th;
  int e = pthread_create(&th, &attr, thread_main, &h);
  pthread_attr_destroy(&attr);
  if (e != 0) {
    {
      std::lock_guard<std::mutex> g(r.mu);
      unregister(t);
      r.live--;
    }
    poke_unregister(t->st);
    {
      std::lock_guard<std::mutex> g(r.mu);
      g_state_pool.push_back(std::move(t->own_st));
    }
    delete t;
    return -EAGAIN;
  }
  std::unique_lock<std::mutex> lk(h.mu);
  h.cv.wait(lk, [&] { return h.started; });
  return h.tid;
}

void threads_exit(int status) {
  Registry& r = reg();
  std::lock_guard<std::mutex> g(r.mu);
  ThreadRec* self = self_or_main();
  if (!self || self->exited) return;
  self->exited = true;
  self->status = status;
  r.live--;
  self->last = r.live == 0;
  if (self->main && !self->last) r.main_waiting = true;
}

void threads_set_clear_tid(uint64_t addr) {
  if (ThreadRec* self = self_or_main()) self->clear_tid = addr;
}

void threads_set_robust_list(uint64_t head) {
  if (ThreadRec* self = self_or_main()) self->robust_list = head;
}

uint64_t threads_robust_list() {
  ThreadRec* self = self_or_main();
  return self ? self->robust_list : 0;
}

void threads_invalidate(uint64_t start, uint64_t end) {
  Registry& r = reg();
  ThreadRec* self = self_or_main();
  if (self && self->d) invalidate_translated_code(self->d, start, end);  // now, on this thread
  std::lock_guard<std::mutex> g(r.mu);
  for (ThreadRec* t : r.threads) {
    if (t == self || t->exited) continue;
    {
      std::lock_guard<std::mutex> pg(t->pend_mu);
      t->pending.emplace_back(start, end);
    }
    t->st->pending_exit = 1;  // after the push: the safe point clears it before taking the list
  }
}

void threads_poke_all() {
  const size_t used = g_poke_used.load(std::memory_order_acquire);
  for (size_t i = 0; i < used; ++i)
    if (ir::MachineState* st = g_poke[i].load(std::memory_order_acquire)) st->pending_exit = 1;
}

void threads_fork_prepare() {
  reg().mu.lock();
}

void threads_fork_parent() {
  reg().mu.unlock();
}

void threads_after_fork_child() {
  Registry& r = reg();
  // Only this thread exists in the child. The registry lock was held across the fork
  // (threads_fork_prepare); the per-thread locks of the others are gone with them.
  new (&r.mu) std::mutex;
  new (&r.cv) std::condition_variable;
  ThreadRec* self = self_or_main();
  r.threads.clear();
  if (self) {
    new (&self->pend_mu) std::mutex;
    self->pending.clear();
    self->tid = static_cast<pid_t>(syscall(SYS_gettid));
    r.threads.push_back(self);
    if (self->d) after_fork_in_child(self->d);
  }
  poke_clear_all();
  if (self) poke_register(self->st);
  if (r.main != self) r.main = nullptr;  // the main thread's record stays (leaked) in the parent's copy
  r.live = 1;
  r.main_waiting = false;
  r.have_result = false;
  r.ending.store(false);
}

RunResult threads_finish_main(const RunResult& res) {
  Registry& r = reg();
  ThreadRec* self = t_self;
  if (!self || !self->main) return res;
  if (self->exited) {
    if (self->last) return res;
    // The main thread left with exit() (pthread_exit in main): the process lives on until
    // its last thread exits, with that thread's status.
    walk_robust_list(self);
    clear_tid(self);
    std::unique_lock<std::mutex> lk(r.mu);
    r.cv.wait(lk, [&] { return r.have_result; });
    return r.result;
  }
  bool others;
  {
    std::lock_guard<std::mutex> g(r.mu);
    others = r.live > 1;
  }
  if (!others) return res;
  // exit_group or a fatal signal while other threads run: end every thread now (retrace's
  // shared state must not be torn down under them).
  if (r.opt.stats && r.main_d) r.main_d->print_stats(stderr);
  end_process(res);
}

void threads_install_safepoint(Dispatcher& d) {
  install_safepoint(d);
}

Dispatcher* threads_current_dispatcher() {
  ThreadRec* self = self_or_main();
  return self ? self->d : nullptr;
}

int threads_count() {
  std::lock_guard<std::mutex> g(reg().mu);
  return reg().live;
}

void set_signal_safepoint(std::function<void(ir::MachineState&)> hook) {
  std::lock_guard<std::mutex> g(reg().mu);
  reg().sig_hook = std::move(hook);
}

void threads_for_each(const std::function<void(pid_t, ir::MachineState&)>& f) {
  Registry& r = reg();
  std::lock_guard<std::mutex> g(r.mu);
  for (ThreadRec* t : r.threads)
    if (!t->exited && t->tid) f(t->tid, *t->st);
}

}  // namespace retrace::rt
