// The Linux syscall layer for user-mode guests.
//
// The dispatcher calls LinuxSyscalls::handle() for every guest `syscall` instruction with
// st.rip already pointing after it. Number in rax, arguments in rdi rsi rdx r10 r8 r9,
// result (or -errno) back in rax; like the real instruction, rcx gets the return rip and
// r11 the RFLAGS image.
//
// The table is runtime/syscalls.def (number, name, handler). Most calls are passed to the
// host kernel as they are: guest pointers are host pointers, and the kernel answers
// EFAULT for bad ones. The rest exist because the guest shares the process with retrace:
//
//   memory   mmap/munmap/mprotect/madvise/brk only ever touch ranges the guest owns
//            (GuestRegions); a guest MAP_FIXED over retrace's memory fails with ENOMEM
//            instead of destroying retrace.
//   TLS      arch_prctl writes the guest's FS/GS base slots, never the host's FS.
//   identity readlink("/proc/self/exe") and open("/proc/self/exe") see the guest program.
//   exit     exit ends the calling guest thread (the last one: the process), exit_group
//            the process (threads.cpp); retrace's own exit path runs.
//   signals  dispositions, masks, sigaltstack, delivery and rt_sigreturn: signals.{h,cpp};
//            kill/tgkill to the guest itself are queued there and delivered before the
//            next guest instruction.
//   process  fork/vfork and fork-like clone run on in a host child (memory is copied, so a
//            vfork/CLONE_VM|CLONE_VFORK child gets a copy instead of sharing: posix_spawn
//            works, only its error report to the parent is lost); CLONE_THREAD (clone, clone3)
//            runs the thread on a host thread of its own (threads.cpp).
//            execve re-executes retrace itself on the new program (`reexec` + --argv0).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ir/state.h"
#include "runtime/dispatcher.h"
#include "runtime/guest_memory.h"

namespace retrace::rt {

struct GuestSigaction {  // the kernel's struct sigaction for x86-64 (32 bytes)
  uint64_t handler = 0, flags = 0, restorer = 0, mask = 0;
};

class LinuxSyscalls {
 public:
  // exe_path: canonical path of the guest program (readlink /proc/self/exe);
  // brk_start: page-aligned end of the loaded image.
  LinuxSyscalls(std::string exe_path, uint64_t brk_start, GuestRegions& regions, bool verbose);

  SyscallOutcome handle(ir::MachineState& st);

  // Called with every guest range whose mapping or protection changes (munmap, mprotect,
  // mremap, mmap over guest pages): translated code there must be dropped.
  std::function<void(uint64_t start, uint64_t end)> on_unmap_or_protect;
  // Called in the child right after a fork/vfork/fork-like clone, before it runs guest
  // code again: anything retrace shares with the parent (the MAP_SHARED code cache) must
  // be made the child's own.
  std::function<void()> on_fork_child;
  // How execve runs a new program: retrace's own binary, "run", its options (execve adds
  // --argv0=..., "--", the path and argv[1..]). Empty: execve answers ENOSYS.
  std::vector<std::string> reexec;

  // The kernel name of a syscall number, or nullptr if syscalls.def does not list it.
  static const char* name(uint64_t nr);

  // State the handlers share (syscalls.cpp).
  std::string exe_path;
  // What an open of /proc/self/cmdline and /proc/self/auxv reads: the guest's argv (each
  // argument NUL-terminated) and the auxiliary vector it started with (to AT_NULL).
  std::string proc_cmdline, proc_auxv;
  uint64_t stack_lo = 0, stack_hi = 0;  // the main guest stack, above its guard page
  std::map<uint64_t, uint64_t> shm_attached;  // System V segments attached: address -> length
  GuestRegions& regions;
  bool verbose;
  uint64_t brk_start, brk_cur,
      brk_mapped_end;  // heap: [brk_start, brk_cur), pages to brk_mapped_end
  uint64_t clear_child_tid = 0;
  uint64_t robust_list = 0;                      // set_robust_list head (recorded)
  std::set<uint64_t> reported_unsupported;  // --verbose: numbers already reported
  bool exiting = false;
  int exit_status = 0;
};

// Ends retrace with `sig` as the guest would have died of it (no core file), after
// flushing stdio. Works in a forked child too (signals the calling thread by tid).
[[noreturn]] void die_of_signal(int sig);

}  // namespace retrace::rt
