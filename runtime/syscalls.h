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
//   exit     exit/exit_group end the guest; retrace's own exit path runs.
//   signals  rt_sigaction/rt_sigprocmask are recorded (delivery comes later).
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>

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

  // The kernel name of a syscall number, or nullptr if syscalls.def does not list it.
  static const char* name(uint64_t nr);

  // State the handlers share (syscalls.cpp).
  std::string exe_path;
  GuestRegions& regions;
  bool verbose;
  uint64_t brk_start, brk_cur,
      brk_mapped_end;  // heap: [brk_start, brk_cur), pages to brk_mapped_end
  uint64_t clear_child_tid = 0;
  uint64_t sigmask = 0;
  std::array<GuestSigaction, 65> sigactions{};
  std::set<uint64_t> reported_unsupported;  // --verbose: numbers already reported
  bool exiting = false;
  int exit_status = 0;
};

}  // namespace retrace::rt
