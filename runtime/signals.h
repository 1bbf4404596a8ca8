// Signal delivery to guest handlers, as the Linux kernel does it for x86-64.
//
// Process-wide (Signals): the guest's dispositions (struct sigaction per signal) and a
// process-directed pending set. Per guest thread (ThreadSignals, keyed by its
// MachineState): the blocked mask, sigaltstack, the thread's pending set with a siginfo
// per signal, sigsuspend's saved mask, an interrupted syscall to restart.
//
// Where signals come from:
//   - synchronous faults and traps (SIGSEGV SIGBUS SIGFPE SIGILL SIGTRAP): the dispatcher
//     calls on_trap() with st.trap_* and precise registers. Retrace's fault handler owns
//     those host signals; blocked or ignored faults kill the process as the kernel does.
//   - asynchronous host signals the guest handles (SIGALRM SIGCHLD SIGUSR1 ...): a host
//     handler records them (siginfo included) on the current thread's ThreadSignals and
//     sets pending_exit; it also blocks that signal on the host until it is delivered, so
//     further instances stay queued in the host kernel.
//   - signals the guest sends itself (kill/tkill/tgkill/rt_sigqueueinfo): recorded the
//     same way by the syscall handler.
// The host signal mask of a guest thread mirrors the guest's (plus signals recorded and
// not yet delivered), so the host kernel queues what the guest blocks (sigpending,
// sigtimedwait and signalfd see them) and picks the receiving thread as it would natively.
//
// Delivery (on_pending at safe points, on_trap): default action, ignore, or a
// kernel-shaped rt_sigframe (pretcode = sa_restorer, ucontext with sigcontext and an
// FXSAVE-format fpstate, siginfo) on the guest stack or the sigaltstack. rt_sigreturn
// restores it. A host syscall that returned EINTR because of a recorded signal is
// restarted (rip -= 2, rax = nr) when the handler has SA_RESTART and the call is one the
// kernel restarts, or when no handler ran.
//
// Threads: call attach_thread() on the host thread that runs a guest thread before it runs
// guest code (the main thread is attached by GuestProcess::run), detach_thread() when it
// ends.
#pragma once

#include <array>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "ir/state.h"
#include "runtime/syscalls.h"

namespace retrace::rt {

struct ThreadSignals {
  ir::MachineState* st = nullptr;
  long tid = 0;                      // the host thread running it
  uint64_t mask = 0;                 // guest blocked set (bit sig-1)
  uint64_t saved_mask = 0;           // sigsuspend: the mask to restore after delivery
  bool restore_saved = false;
  uint64_t ss_sp = 0, ss_size = 0;   // sigaltstack
  int ss_flags = 2;                  // SS_DISABLE
  std::atomic<uint64_t> pending{0};  // recorded, not delivered yet
  siginfo_t info[65] = {};           // siginfo of each pending signal (host == guest layout)
  // A syscall that returned -EINTR with a signal recorded: restarted or not at delivery.
  int64_t interrupted_nr = -1;
  uint64_t interrupted_rip = 0;
  // rt_sigreturn: rcx/r11 from the frame (the syscall layer would overwrite them).
  bool sigreturned = false;
  uint64_t sigreturn_rcx = 0, sigreturn_r11 = 0;
};

class Signals {
 public:
  Signals();
  // --verbose: a guest ended by a signal's default action says so on stderr.
  bool verbose = false;
  // The main guest stack's guard page [lo, hi): natively the stack is a grows-down mapping
  // with nothing below it, so an overflow there is SEGV_MAPERR on a page not present.
  uint64_t stack_guard_lo = 0, stack_guard_hi = 0;

  // Threads (see above). parent: the creating thread's state (mask is inherited).
  ThreadSignals& attach_thread(ir::MachineState& st, const ir::MachineState* parent = nullptr);
  void detach_thread(ir::MachineState& st);
  ThreadSignals& thread(ir::MachineState& st);
  // In a forked child: only the forking thread exists, nothing is pending.
  void after_fork_child();

  // Dispatcher hooks.
  bool on_trap(ir::MachineState& st);
  void on_pending(ir::MachineState& st);

  // Syscalls (args as LinuxSyscalls passes them: rdi rsi rdx r10 r8 r9).
  long rt_sigaction(ir::MachineState& st, const uint64_t* a);
  long rt_sigprocmask(ir::MachineState& st, const uint64_t* a);
  long rt_sigpending(ir::MachineState& st, const uint64_t* a);
  long rt_sigsuspend(ir::MachineState& st, const uint64_t* a);
  long pause(ir::MachineState& st);
  long rt_sigtimedwait(ir::MachineState& st, const uint64_t* a);
  long sigaltstack(ir::MachineState& st, const uint64_t* a);
  long rt_sigreturn(ir::MachineState& st);
  // A signal the guest sends itself (thread: tkill/tgkill, else kill). info: si_code and
  // the sender fields (nullptr: SI_USER / SI_TKILL from this process).
  long send_self(ir::MachineState& st, int sig, bool thread_directed, const siginfo_t* info);
  // After every syscall (EINTR bookkeeping, rt_sigreturn's rcx/r11).
  void after_syscall(ir::MachineState& st, uint64_t nr, long result);

  GuestSigaction action(int sig) const { return actions_[sig]; }

  // Process-directed signals recorded by a host thread that runs no guest thread.
  std::atomic<uint64_t> proc_pending{0};
  siginfo_t proc_info[65] = {};

 private:
  bool dequeue(ThreadSignals& t, int& sig, siginfo_t& info, uint64_t allowed);
  void setup_frame(ir::MachineState& st, ThreadSignals& t, int sig, const siginfo_t& info,
                   uint64_t trapno, uint64_t err, uint64_t cr2);
  void apply_restart(ir::MachineState& st, ThreadSignals& t, const GuestSigaction* handler);
  void set_disposition(int sig, const GuestSigaction& act);
  void queue(ThreadSignals& t, int sig, const siginfo_t& info, bool thread_directed);

  std::array<GuestSigaction, 65> actions_{};
  std::mutex mu_;
  std::unordered_map<ir::MachineState*, std::unique_ptr<ThreadSignals>> threads_;
};

// The process's signal state (one per process: host signal handlers are process-wide).
Signals& process_signals();

// The guest thread's host signal mask: guest mask plus recorded-pending, never the
// signals retrace's fault handling needs. Applies it to the calling host thread.
void sync_host_mask(const ThreadSignals& t);

}  // namespace retrace::rt
