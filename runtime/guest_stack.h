// The guest's initial stack, laid out as the kernel's create_elf_tables() does:
//
//   high ┌──────────────────────────────┐ stack top (end of the mapping)
//        │ 8 zero bytes                 │
//        │ AT_EXECFN string             │
//        │ envp strings                 │
//        │ argv strings                 │
//        │ "x86_64" (AT_PLATFORM)       │
//        │ 16 random bytes (AT_RANDOM)  │
//        │ copy of the program headers  │ only if they are not in a loaded segment
//        │ (padding to 16)              │
//        │ auxv: (type, value) pairs    │ ... AT_NULL (no AT_SYSINFO_EHDR: no vDSO,
//        │                              │  glibc then uses real syscalls)
//        │ envp[0..n-1], NULL           │
//        │ argv[0..argc-1], NULL        │
//   rsp ►│ argc                         │ 16-byte aligned
//        │        ...  8 MiB  ...       │
//   low  │ guard page (PROT_NONE)       │
//        └──────────────────────────────┘
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/elf_loader.h"

namespace retrace::rt {

inline constexpr uint64_t kGuestStackSize = 8ull << 20;  // when RLIMIT_STACK says nothing usable
// The guest's main stack: RLIMIT_STACK's soft limit, as the kernel lets a native stack
// grow (within [128 KiB, 1 GiB]; kGuestStackSize when unlimited).
uint64_t guest_stack_size();

struct StackSpec {
  std::vector<std::string> argv;
  std::vector<std::string> envp;
  std::string execfn;        // AT_EXECFN: the program path as given
  const LoadedImage* image;  // the program: AT_PHDR/PHENT/PHNUM/ENTRY
  uint64_t interp_base = 0;  // AT_BASE: load address of the PT_INTERP interpreter, 0 if none
};

// AT_MINSIGSTKSZ: the signal frame retrace will build (FXSAVE-sized, since CPUID reports
// no AVX), i.e. the classic MINSIGSTKSZ.
inline constexpr uint64_t kGuestMinSigStackSize = 2048;

struct GuestStack {
  uint64_t lo = 0, hi = 0;  // the whole mapping, guard page included
  uint64_t sp = 0;          // initial rsp (points at argc)
  uint64_t guard_end() const { return lo + 4096; }  // [lo, guard_end()): the PROT_NONE guard page
};

bool build_initial_stack(const StackSpec& spec, GuestStack& out, LoadError& err);

}  // namespace retrace::rt
