#include "runtime/guest_stack.h"

#include <elf.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include "ir/interp.h"
#include "runtime/guest_memory.h"

namespace retrace::rt {

uint64_t guest_stack_size() {
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return kGuestStackSize;
  const uint64_t lo = 128ull << 10, hi = 1ull << 30;
  uint64_t n = std::min<uint64_t>(std::max<uint64_t>(rl.rlim_cur, lo), hi);
  return (n + 4095) & ~uint64_t{4095};
}

bool build_initial_stack(const StackSpec& spec, GuestStack& out, LoadError& err) {
  // The kernel refuses argument lists over a quarter of the stack limit (E2BIG).
  size_t strings = spec.execfn.size() + 1;
  for (const auto& s : spec.argv) strings += s.size() + 1;
  for (const auto& s : spec.envp) strings += s.size() + 1;
  size_t pointers = (spec.argv.size() + spec.envp.size() + 3) * 8;
  const uint64_t stack_size = guest_stack_size();
  if (strings + pointers > stack_size / 4) {  // the kernel's ARG_MAX: a quarter of the stack
    err.exit_code = 126;
    err.message = spec.execfn + ": Argument list too long";
    return false;
  }

  size_t total = stack_size + kPageSize;
  const int prot = PROT_READ | PROT_WRITE | (spec.image && spec.image->exec_stack ? PROT_EXEC : 0);
  void* m = mmap(nullptr, total, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (m == MAP_FAILED) {
    err.exit_code = 126;
    err.message = spec.execfn + ": cannot map the guest stack: " + strerror(errno);
    return false;
  }
  uint64_t lo = reinterpret_cast<uint64_t>(m);
  mprotect(m, kPageSize, PROT_NONE);  // guard: an overflow faults instead of running on
  out.lo = lo;
  out.hi = lo + total;

  // This is our fresh mapping, so writing it directly is safe.
  uint64_t p = out.hi - 8;
  memset(reinterpret_cast<void*>(p), 0, 8);
  auto push_bytes = [&](const void* data, size_t n) {
    p -= n;
    memcpy(reinterpret_cast<void*>(p), data, n);
    return p;
  };
  auto push_str = [&](const std::string& s) { return push_bytes(s.c_str(), s.size() + 1); };

  uint64_t execfn = push_str(spec.execfn);
  std::vector<uint64_t> envp(spec.envp.size()), argv(spec.argv.size());
  for (size_t i = spec.envp.size(); i-- > 0;) envp[i] = push_str(spec.envp[i]);
  for (size_t i = spec.argv.size(); i-- > 0;) argv[i] = push_str(spec.argv[i]);
  uint64_t platform = push_str("x86_64");
  uint8_t rnd[16];
  if (getrandom(rnd, sizeof rnd, 0) != static_cast<ssize_t>(sizeof rnd))
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = static_cast<uint8_t>(rand());
  p &= ~uint64_t{15};
  uint64_t random = push_bytes(rnd, sizeof rnd);

  const LoadedImage& img = *spec.image;
  uint64_t phdr = img.phdr;
  if (phdr == 0 && !img.phdrs.empty()) {
    p &= ~uint64_t{7};
    phdr = push_bytes(img.phdrs.data(), img.phdrs.size());
  }

  uint32_t id[4];
  ir::cpuid(1, 0, id);
  // The kernel's order (create_elf_tables), minus AT_SYSINFO_EHDR: there is no vDSO.
  std::vector<std::pair<uint64_t, uint64_t>> aux = {
      {AT_MINSIGSTKSZ, kGuestMinSigStackSize},
      {AT_HWCAP, id[3]},  // cpuid(1).edx as retrace implements it, like the kernel's
      {AT_PAGESZ, kPageSize},
      {AT_CLKTCK, 100},
      {AT_PHDR, phdr},
      {AT_PHENT, img.phent},
      {AT_PHNUM, img.phnum},
      {AT_BASE, spec.interp_base},
      {AT_FLAGS, 0},
      {AT_ENTRY, img.entry},
      {AT_UID, getuid()},
      {AT_EUID, geteuid()},
      {AT_GID, getgid()},
      {AT_EGID, getegid()},
      {AT_SECURE, 0},
      {AT_RANDOM, random},
      {AT_HWCAP2, 0},
      {AT_EXECFN, execfn},
      {AT_PLATFORM, platform},
      {AT_NULL, 0},
  };

  std::vector<uint64_t> table;
  table.push_back(spec.argv.size());
  table.insert(table.end(), argv.begin(), argv.end());
  table.push_back(0);
  table.insert(table.end(), envp.begin(), envp.end());
  table.push_back(0);
  for (auto [k, v] : aux) {
    table.push_back(k);
    table.push_back(v);
  }
  p = (p - table.size() * 8) & ~uint64_t{15};
  memcpy(reinterpret_cast<void*>(p), table.data(), table.size() * 8);
  out.sp = p;
  return true;
}

}  // namespace retrace::rt
