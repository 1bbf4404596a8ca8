#include "runtime/syscalls.h"

#include <asm/prctl.h>
#include <asm/unistd_64.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <set>

#include "ir/flags.h"

namespace retrace::rt {

// Every number in the table is the kernel's number for that name.
#define SYSCALL(nr, name, handler) static_assert(nr == __NR_##name, #name);
#include "runtime/syscalls.def"
#undef SYSCALL

namespace {

constexpr uint64_t kUserTop = 0x7fff'ffff'f000ull;

using Args = const uint64_t*;

// A raw host syscall: returns the kernel's value (-errno on failure), no libc errno.
long host(uint64_t nr, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
          uint64_t a4 = 0, uint64_t a5 = 0) {
  long ret;
  register uint64_t r10 asm("r10") = a3;
  register uint64_t r8 asm("r8") = a4;
  register uint64_t r9 asm("r9") = a5;
  asm volatile("syscall"
               : "=a"(ret)
               : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
               : "rcx", "r11", "memory");
  return ret;
}

long host_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd = -1, uint64_t off = 0) {
  return host(__NR_mmap, addr, len, static_cast<uint64_t>(prot), static_cast<uint64_t>(flags),
              static_cast<uint64_t>(static_cast<int64_t>(fd)), off);
}

long pass(LinuxSyscalls&, ir::MachineState&, uint64_t nr, Args a) {
  return host(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

long unsupported(LinuxSyscalls&, ir::MachineState&, uint64_t, Args) {
  return -ENOSYS;
}

long sys_exit(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  // Single-threaded for now: exit of the only thread ends the process, like exit_group.
  s.exiting = true;
  s.exit_status = static_cast<int>(a[0] & 0xff);
  return 0;
}

// --- /proc/self/exe ---------------------------------------------------------------------

bool is_self_exe(const std::string& p) {
  return p == "/proc/self/exe" || p == "/proc/thread-self/exe" ||
         p == "/proc/" + std::to_string(getpid()) + "/exe";
}

// Reads a path argument; nullopt if unreadable (the caller then lets the kernel answer).
std::optional<std::string> path_arg(uint64_t p) {
  return p ? read_guest_string(p, PATH_MAX) : std::nullopt;
}

long write_link(LinuxSyscalls& s, uint64_t buf, uint64_t size) {
  if (static_cast<int64_t>(size) <= 0) return -EINVAL;
  size_t n = std::min<size_t>(size, s.exe_path.size());  // no NUL, like readlink(2)
  return copy_to_guest(buf, s.exe_path.data(), n) ? static_cast<long>(n) : -EFAULT;
}

long sys_readlink(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  auto p = path_arg(a[0]);
  if (p && is_self_exe(*p)) return write_link(s, a[1], a[2]);
  return pass(s, st, nr, a);
}

long sys_readlinkat(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  auto p = path_arg(a[1]);
  if (p && is_self_exe(*p)) return write_link(s, a[2], a[3]);
  return pass(s, st, nr, a);
}

long sys_open(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  auto p = path_arg(a[0]);
  if (p && is_self_exe(*p))
    return host(__NR_openat, static_cast<uint64_t>(AT_FDCWD),
                reinterpret_cast<uint64_t>(s.exe_path.c_str()), a[1], a[2]);
  return pass(s, st, nr, a);
}

long sys_openat(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  auto p = path_arg(a[1]);
  if (p && is_self_exe(*p))
    return host(__NR_openat, static_cast<uint64_t>(AT_FDCWD),
                reinterpret_cast<uint64_t>(s.exe_path.c_str()), a[2], a[3]);
  return pass(s, st, nr, a);
}

long sys_ioctl(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  // Read-only terminal queries go to the kernel (isatty() is TCGETS); anything that could
  // change state shared with retrace is refused until it is needed and reviewed.
  switch (static_cast<uint32_t>(a[1])) {
    case TCGETS:
    case TIOCGWINSZ:
    case TIOCGPGRP:
    case FIONREAD:
      return pass(s, st, nr, a);
    default:
      if (s.verbose)
        fprintf(stderr, "retrace: unsupported ioctl 0x%x on fd %d\n", static_cast<uint32_t>(a[1]),
                static_cast<int>(a[0]));
      return -ENOTTY;
  }
}

// --- memory -----------------------------------------------------------------------------

long sys_mmap(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  uint64_t addr = a[0], len = a[1];
  int flags = static_cast<int>(a[3]);
  if (len == 0) return -EINVAL;
  uint64_t plen = page_up(len);
  if (plen < len) return -ENOMEM;
  std::vector<std::pair<uint64_t, uint64_t>> reserved;
  auto release = [&] {
    for (auto [b, e] : reserved) host(__NR_munmap, b, e - b);
  };
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr & (kPageSize - 1)) return -EINVAL;
    if (addr + plen < addr || addr + plen > kUserTop) return -ENOMEM;
    if (!(flags & MAP_FIXED_NOREPLACE) && !s.regions.contains(addr, addr + plen)) {
      // MAP_FIXED would silently replace whatever is there, which may be retrace itself.
      // Claim every part the guest does not own with MAP_FIXED_NOREPLACE first; if any of
      // it is taken (by retrace), the guest gets ENOMEM, as if the range were unusable.
      bool ok = true;
      s.regions.for_each_gap(addr, addr + plen, [&](uint64_t b, uint64_t e) {
        if (!ok) return;
        long r = host_mmap(b, e - b, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE);
        if (r >= 0 && static_cast<uint64_t>(r) != b)
          host(__NR_munmap, static_cast<uint64_t>(r), e - b);
        if (r < 0 || static_cast<uint64_t>(r) != b)
          ok = false;
        else
          reserved.emplace_back(b, e);
      });
      if (!ok) {
        release();
        return -ENOMEM;
      }
    }
  }
  long r = host(__NR_mmap, addr, len, a[2], a[3], a[4], a[5]);
  if (r < 0) {
    release();
    return r;
  }
  s.regions.add(static_cast<uint64_t>(r), static_cast<uint64_t>(r) + plen);
  return r;
}

long sys_munmap(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  uint64_t addr = a[0], len = a[1];
  if ((addr & (kPageSize - 1)) || len == 0) return -EINVAL;
  uint64_t end = page_up(addr + len);
  if (end < addr || end > kUserTop) return -EINVAL;
  // Only what the guest owns is unmapped; the rest is, from the guest's point of view,
  // already a hole, and munmap of a hole succeeds.
  std::vector<std::pair<uint64_t, uint64_t>> owned;
  s.regions.for_each_owned(addr, end, [&](uint64_t b, uint64_t e) { owned.emplace_back(b, e); });
  for (auto [b, e] : owned) {
    long r = host(__NR_munmap, b, e - b);
    if (r < 0) return r;
  }
  s.regions.remove(addr, end);
  return 0;
}

long sys_mprotect(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  uint64_t addr = a[0], len = a[1];
  if (addr & (kPageSize - 1)) return -EINVAL;
  if (len == 0) return 0;
  uint64_t end = page_up(addr + len);
  if (end < addr) return -ENOMEM;
  if (!s.regions.contains(addr, end)) return -ENOMEM;  // as for an unmapped range
  return pass(s, st, nr, a);
}

long sys_madvise(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  uint64_t addr = a[0], len = a[1];
  if (addr & (kPageSize - 1)) return -EINVAL;
  if (len == 0) return 0;
  uint64_t end = page_up(addr + len);
  if (end < addr) return -EINVAL;
  if (!s.regions.contains(addr, end)) return -ENOMEM;
  return pass(s, st, nr, a);
}

long sys_brk(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  // Kernel semantics: the result is the new break, or the old one if the request is
  // refused (below the start, or the memory is not available).
  uint64_t want = a[0];
  if (want < s.brk_start || want > kUserTop) return static_cast<long>(s.brk_cur);
  uint64_t end = page_up(want);
  if (end > s.brk_mapped_end) {
    long r = host_mmap(s.brk_mapped_end, end - s.brk_mapped_end, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE);
    if (r >= 0 && static_cast<uint64_t>(r) != s.brk_mapped_end) {
      host(__NR_munmap, static_cast<uint64_t>(r), end - s.brk_mapped_end);
      r = -EEXIST;
    }
    if (r < 0) return static_cast<long>(s.brk_cur);
    s.regions.add(s.brk_mapped_end, end);
    s.brk_mapped_end = end;
  } else if (end < s.brk_mapped_end) {
    host(__NR_munmap, end, s.brk_mapped_end - end);
    s.regions.remove(end, s.brk_mapped_end);
    s.brk_mapped_end = end;
  }
  s.brk_cur = want;
  return static_cast<long>(want);
}

// --- process ----------------------------------------------------------------------------

long sys_arch_prctl(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  // The guest's FS/GS bases live in its MachineState; the host FS (retrace's own TLS) is
  // never touched.
  switch (a[0]) {
    case ARCH_SET_FS:
    case ARCH_SET_GS:
      if (a[1] >= kUserTop) return -EPERM;
      st.slot[a[0] == ARCH_SET_FS ? ir::kSlotFsBase : ir::kSlotGsBase] = a[1];
      return 0;
    case ARCH_GET_FS:
    case ARCH_GET_GS: {
      uint64_t v = st.slot[a[0] == ARCH_GET_FS ? ir::kSlotFsBase : ir::kSlotGsBase];
      return copy_to_guest(a[1], &v, sizeof v) ? 0 : -EFAULT;
    }
    default:
      return -EINVAL;
  }
}

long sys_set_tid_address(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  s.clear_child_tid = a[0];
  return host(__NR_gettid);
}

// --- signals (recorded; delivery is not implemented yet) ---------------------------------

constexpr uint64_t sigbit(int sig) {
  return 1ull << (sig - 1);
}

long sys_rt_sigaction(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  int sig = static_cast<int>(a[0]);
  if (a[3] != 8 || sig < 1 || sig > 64) return -EINVAL;
  GuestSigaction nw;
  if (a[1]) {
    if (sig == SIGKILL || sig == SIGSTOP) return -EINVAL;
    if (!copy_from_guest(&nw, a[1], sizeof nw)) return -EFAULT;
  }
  if (a[2] && !copy_to_guest(a[2], &s.sigactions[sig], sizeof nw)) return -EFAULT;
  if (a[1]) s.sigactions[sig] = nw;
  return 0;
}

long sys_rt_sigprocmask(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  if (a[3] != 8) return -EINVAL;
  uint64_t old = s.sigmask;
  if (a[1]) {
    uint64_t m;
    if (!copy_from_guest(&m, a[1], sizeof m)) return -EFAULT;
    m &= ~(sigbit(SIGKILL) | sigbit(SIGSTOP));
    switch (a[0]) {
      case SIG_BLOCK:
        s.sigmask |= m;
        break;
      case SIG_UNBLOCK:
        s.sigmask &= ~m;
        break;
      case SIG_SETMASK:
        s.sigmask = m;
        break;
      default:
        return -EINVAL;
    }
  }
  if (a[2] && !copy_to_guest(a[2], &old, sizeof old)) {
    s.sigmask = old;
    return -EFAULT;
  }
  return 0;
}

using Handler = long (*)(LinuxSyscalls&, ir::MachineState&, uint64_t, Args);

}  // namespace

LinuxSyscalls::LinuxSyscalls(std::string exe, uint64_t brk, GuestRegions& r, bool v)
    : exe_path(std::move(exe)),
      regions(r),
      verbose(v),
      brk_start(brk),
      brk_cur(brk),
      brk_mapped_end(brk) {}

const char* LinuxSyscalls::name(uint64_t nr) {
  switch (nr) {
#define SYSCALL(n, nm, handler) \
  case n:                       \
    return #nm;
#include "runtime/syscalls.def"
#undef SYSCALL
    default:
      return nullptr;
  }
}

SyscallOutcome LinuxSyscalls::handle(ir::MachineState& st) {
  uint64_t nr = st.gpr(0);
  const uint64_t a[6] = {st.gpr(7), st.gpr(6), st.gpr(2), st.gpr(10), st.gpr(8), st.gpr(9)};
  Handler h = nullptr;
  switch (nr) {
#define SYSCALL(n, nm, handler) \
  case n:                       \
    h = handler;                \
    break;
#include "runtime/syscalls.def"
#undef SYSCALL
    default:
      break;
  }
  long r;
  if (h && h != unsupported) {
    r = h(*this, st, nr, a);
  } else {
    r = -ENOSYS;
    if (verbose && reported_unsupported.insert(nr).second) {  // one line per number
      const char* n = name(nr);
      if (n)
        fprintf(stderr, "retrace: unsupported syscall %llu (%s)\n",
                static_cast<unsigned long long>(nr), n);
      else
        fprintf(stderr, "retrace: unsupported syscall %llu\n", static_cast<unsigned long long>(nr));
    }
  }
  if (exiting) return {true, exit_status};
  // What the `syscall` instruction itself does: rcx = return rip, r11 = RFLAGS.
  st.gpr(0) = static_cast<uint64_t>(r);
  st.gpr(1) = st.rip;
  st.gpr(11) = ir::compute_flags(st.slot[ir::kSlotCcOp], st.slot[ir::kSlotCcDst],
                                 st.slot[ir::kSlotCcSrc1], st.slot[ir::kSlotCcSrc2]) |
               st.slot[ir::kSlotCtlFlags] | ir::rflags::kFixed;
  return {};
}

}  // namespace retrace::rt
