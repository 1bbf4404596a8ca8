#include "runtime/syscalls.h"

#include <asm/prctl.h>
#include <asm/unistd_64.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/shm.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/msg.h>
#include <sys/select.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <linux/aio_abi.h>
#include <mqueue.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>

#include "codecache/code_write_watch.h"
#include "ir/flags.h"
#include "runtime/decode_cache.h"
#include "runtime/dispatcher.h"
#include "runtime/guest_stack.h"
#include "runtime/signals.h"
#include "runtime/threads.h"

namespace retrace::rt {

// Every number in the table is the kernel's number for that name.
#define SYSCALL(nr, name, handler) static_assert(nr == __NR_##name, #name);
#define PASS(nr, name, nargs) static_assert(nr == __NR_##name && nargs >= 0 && nargs <= 6, #name);
#include "runtime/syscalls.def"
#undef SYSCALL
#undef PASS

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

// Per guest thread (each runs on its own host thread): this thread's dispatcher returns.
thread_local bool t_exiting = false;
thread_local int t_exit_status = 0;

// Memory-map state (GuestRegions, the brk heap) is shared by every guest thread: the
// handlers that read and change it hold this lock.
std::mutex g_mm_mutex;

// --verbose: the set of numbers already reported is shared by every guest thread.
std::mutex g_report_mutex;
bool first_report(LinuxSyscalls& s, uint64_t nr) {
  std::lock_guard<std::mutex> lock(g_report_mutex);
  return s.reported_unsupported.insert(nr).second;
}

long sys_exit(LinuxSyscalls&, ir::MachineState&, uint64_t, Args a) {
  // exit_group: the process ends (threads.cpp ends the other threads).
  t_exiting = true;
  t_exit_status = static_cast<int>(a[0] & 0xff);
  return 0;
}

long sys_exit_thread(LinuxSyscalls&, ir::MachineState&, uint64_t, Args a) {
  // exit: this thread ends; the process too if it was the last one (threads.cpp).
  threads_exit(static_cast<int>(a[0] & 0xff));
  t_exiting = true;
  t_exit_status = static_cast<int>(a[0] & 0xff);
  return 0;
}

// --- /proc/self ------------------------------------------------------------------------
// The guest's own /proc entries that would name retrace: exe (the guest program), and
// cmdline and auxv (what the guest was started with), as QEMU's user mode does. Other
// /proc/self files come from the kernel.

// Whether p names our own program: /proc/self/exe, /proc/thread-self/exe or /proc/PID/exe
// with our own pid. (cmdline and auxv are recognised from what the kernel opened.)
bool is_self_exe(const std::string& p) {
  constexpr std::string_view kProc = "/proc/", kExe = "/exe";
  if (!p.starts_with(kProc) || !p.ends_with(kExe) || p.size() <= kProc.size() + kExe.size()) return false;
  const std::string_view who = std::string_view(p).substr(kProc.size(), p.size() - kProc.size() - kExe.size());
  return who == "self" || who == "thread-self" || who == std::to_string(getpid());
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

// What an open of our own /proc/PID/cmdline or auxv reads for the guest, asked of what
// the kernel opened (fd), so that every spelling counts (/proc/self, thread-self, our pid,
// one of our threads, relative to a /proc directory): nullptr for anything else.
const std::string* self_proc_copy(const LinuxSyscalls& s, long fd) {
  char link[64], target[128];
  snprintf(link, sizeof link, "/proc/self/fd/%ld", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return nullptr;
  target[n] = 0;
  unsigned long who = 0, task = 0;
  char name[16] = {0};
  int used = 0;
  if (sscanf(target, "/proc/%lu/task/%lu/%15[a-z]%n", &who, &task, name, &used) == 3 && used == n) {
    if (who != static_cast<unsigned long>(getpid())) return nullptr;
  } else if (sscanf(target, "/proc/%lu/%15[a-z]%n", &who, name, &used) == 2 && used == n) {
    char self_task[64];
    snprintf(self_task, sizeof self_task, "/proc/self/task/%lu", who);
    if (who != static_cast<unsigned long>(getpid()) && access(self_task, F_OK) != 0) return nullptr;
  } else {
    return nullptr;
  }
  if (strcmp(name, "cmdline") == 0) return &s.proc_cmdline;
  if (strcmp(name, "auxv") == 0) return &s.proc_auxv;
  return nullptr;
}

// Puts a read-only copy of `text` (a sealed memfd, opened again read-only through
// /proc/self/fd) in place of descriptor fd, keeping its number, close-on-exec flag and
// status flags.
long replace_with_copy(long fd, const std::string& text) {
  const int cloexec = fcntl(static_cast<int>(fd), F_GETFD) & FD_CLOEXEC;
  const int fl = fcntl(static_cast<int>(fd), F_GETFL);
  int mfd = memfd_create("retrace-proc", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (mfd < 0) return fd;  // (the kernel's file, then)
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t w = write(mfd, text.data() + done, text.size() - done);
    if (w <= 0) break;
    done += static_cast<size_t>(w);
  }
  fcntl(mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", mfd);
  const int ro = done == text.size() ? open(path, O_RDONLY | O_CLOEXEC | (fl >= 0 ? fl & (O_NONBLOCK | O_NOATIME) : 0)) : -1;
  close(mfd);
  if (ro < 0) return fd;
  dup3(ro, static_cast<int>(fd), cloexec ? O_CLOEXEC : 0);
  close(ro);
  return fd;
}

// open/openat/openat2 of /proc/self/exe open the guest program, with the caller's flags
// (or its open_how and size, for openat2). Anything else goes to the kernel, with the
// caller's flags and checks; if what it opened is our own cmdline or auxv, the guest
// reads its own instead (a read-only copy in the same descriptor).
long open_or_pass(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a, unsigned path_arg_index, long host_nr) {
  auto p = path_arg(a[path_arg_index]);
  if (p && is_self_exe(*p))
    return host(host_nr, static_cast<uint64_t>(AT_FDCWD), reinterpret_cast<uint64_t>(s.exe_path.c_str()),
                a[path_arg_index + 1], a[path_arg_index + 2]);
  const long fd = pass(s, st, nr, a);
  if (fd < 0 || !p || !(p->ends_with("cmdline") || p->ends_with("auxv"))) return fd;
  const std::string* text = self_proc_copy(s, fd);
  return text ? replace_with_copy(fd, *text) : fd;
}
long sys_open(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) { return open_or_pass(s, st, nr, a, 0, __NR_openat); }
long sys_openat(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) { return open_or_pass(s, st, nr, a, 1, __NR_openat); }
long sys_openat2(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) { return open_or_pass(s, st, nr, a, 1, __NR_openat2); }

// --- guest memory the kernel writes ---------------------------------------------------------
// Pass-through syscalls whose results the kernel writes into guest memory itself: pages of
// it we write-protected for self-modifying code detection get their protection back first
// (as a guest store's write fault would: recorded as written, the code there dropped at
// the next safe point), else the kernel's write would fail with EFAULT. (Retrace's own
// copies to the guest take the write fault as guest code does: guest_memory.cpp.)

// Calls f(address, length) for each guest range syscall nr may write (lengths may be
// generous: only pages we protected are affected). Guest structures that point to more
// (iovecs, msghdrs) are read through guarded copies.
template <typename F>
void kernel_writes(uint64_t nr, Args a, F f) {
  auto iov = [&](uint64_t v, uint64_t count) {
    for (uint64_t i = 0; i < count && i < 1024; ++i) {  // (IOV_MAX)
      struct iovec e;
      if (!copy_from_guest(&e, v + i * sizeof e, sizeof e)) return;  // (the kernel's EFAULT)
      f(reinterpret_cast<uint64_t>(e.iov_base), e.iov_len);
    }
  };
  auto msg = [&](uint64_t m) {
    struct msghdr h;
    f(m, sizeof h);  // (msg_namelen, msg_controllen, msg_flags come back)
    if (!copy_from_guest(&h, m, sizeof h)) return;
    iov(reinterpret_cast<uint64_t>(h.msg_iov), h.msg_iovlen);
    f(reinterpret_cast<uint64_t>(h.msg_name), h.msg_namelen);
    f(reinterpret_cast<uint64_t>(h.msg_control), h.msg_controllen);
  };
  constexpr uint64_t kStat = sizeof(struct stat), kStatx = sizeof(struct statx), kStatfs = sizeof(struct statfs),
                     kRusage = sizeof(struct rusage), kSiginfo = sizeof(siginfo_t), kSockaddr = sizeof(sockaddr_storage),
                     kTimespec = sizeof(struct timespec), kFdSet = sizeof(fd_set);
  switch (nr) {
    case __NR_read: case __NR_pread64: case __NR_getdents64: case __NR_getdents: f(a[1], a[2]); break;
    case __NR_readv: case __NR_preadv: case __NR_preadv2: iov(a[1], a[2]); break;
    case __NR_vmsplice: iov(a[1], a[2]); break;  // (from a pipe's read end: into those buffers)
    case __NR_recvfrom:
      f(a[1], a[2]);
      if (a[4]) { f(a[4], kSockaddr); f(a[5], 4); }
      break;
    case __NR_recvmsg: msg(a[1]); break;
    case __NR_recvmmsg:
      for (uint64_t i = 0; i < a[2] && i < 1024; ++i) {
        msg(a[1] + i * sizeof(struct mmsghdr));
        f(a[1] + i * sizeof(struct mmsghdr), sizeof(struct mmsghdr));  // (msg_len)
      }
      break;
    case __NR_stat: case __NR_fstat: case __NR_lstat: f(a[1], kStat); break;
    case __NR_newfstatat: f(a[2], kStat); break;
    case __NR_statx: f(a[4], kStatx); break;
    case __NR_statfs: case __NR_fstatfs: f(a[1], kStatfs); break;
    case __NR_pipe: case __NR_pipe2: f(a[0], 2 * sizeof(int)); break;
    case __NR_socketpair: f(a[3], 2 * sizeof(int)); break;
    case __NR_getrandom: case __NR_getcwd: f(a[0], a[1]); break;
    case __NR_readlink: f(a[1], a[2]); break;
    case __NR_readlinkat: f(a[2], a[3]); break;
    case __NR_uname: f(a[0], sizeof(struct utsname)); break;
    case __NR_sysinfo: f(a[0], sizeof(struct sysinfo)); break;
    case __NR_times: f(a[0], sizeof(struct tms)); break;
    case __NR_getrusage: f(a[1], kRusage); break;
    case __NR_wait4: f(a[1], 4); f(a[3], kRusage); break;
    case __NR_waitid: f(a[2], kSiginfo); f(a[4], kRusage); break;
    case __NR_accept: case __NR_accept4: case __NR_getsockname: case __NR_getpeername:
      f(a[1], kSockaddr);
      f(a[2], 4);
      break;
    case __NR_getsockopt: f(a[3], 256); f(a[4], 4); break;
    case __NR_poll: case __NR_ppoll: f(a[0], a[1] * 8); break;
    case __NR_select: case __NR_pselect6:
      f(a[1], kFdSet); f(a[2], kFdSet); f(a[3], kFdSet);
      if (nr == __NR_select) f(a[4], sizeof(struct timeval));
      break;
    case __NR_epoll_wait: case __NR_epoll_pwait: case __NR_epoll_pwait2: f(a[1], a[2] * sizeof(struct epoll_event)); break;
    case __NR_nanosleep: f(a[1], kTimespec); break;
    case __NR_clock_nanosleep: f(a[3], kTimespec); break;
    case __NR_clock_getres: f(a[1], kTimespec); break;
    case __NR_getrlimit: f(a[1], sizeof(struct rlimit)); break;
    case __NR_prlimit64: f(a[3], sizeof(struct rlimit)); break;
    case __NR_sched_getaffinity: f(a[2], a[1]); break;
    case __NR_getitimer: f(a[1], sizeof(struct itimerval)); break;
    case __NR_setitimer: f(a[2], sizeof(struct itimerval)); break;
    case __NR_getresuid: case __NR_getresgid: f(a[0], 4); f(a[1], 4); f(a[2], 4); break;
    case __NR_getgroups: f(a[1], a[0] * 4); break;
    case __NR_msgrcv: f(a[1], a[2] + 8); break;  // (mtype, then the text)
    case __NR_msgctl: f(a[2], sizeof(struct msqid_ds)); break;
    case __NR_shmctl: f(a[2], sizeof(struct shmid_ds)); break;
    case __NR_mq_timedreceive: f(a[1], a[2]); f(a[3], 4); break;
    case __NR_mq_getsetattr: f(a[2], sizeof(struct mq_attr)); break;
    case __NR_io_setup: f(a[1], sizeof(aio_context_t)); break;
    case __NR_io_getevents: case __NR_io_pgetevents: f(a[3], a[2] * sizeof(struct io_event)); break;
    case __NR_get_mempolicy: f(a[0], 4); f(a[1], (a[2] + 7) / 8); break;
    case __NR_move_pages: f(a[4], a[1] * 4); break;
    case __NR_name_to_handle_at: f(a[2], sizeof(struct file_handle) + MAX_HANDLE_SZ); f(a[3], sizeof(int)); break;
    default: break;
  }
}

// Gives back the pages we protected in what nr may write; whether there were any.
bool before_kernel_writes(uint64_t nr, Args a) {
  codecache::CodeWriteWatch& w = codecache::CodeWriteWatch::instance();
  bool any = false;
  kernel_writes(nr, a, [&](uint64_t p, uint64_t len) {
    if (p && len) any |= w.before_kernel_write(p, p + len < p ? ~0ull : p + len);
  });
  if (any && g_poke_all_threads) g_poke_all_threads();  // (other threads: a safe point before that code runs again)
  return any;
}

// Syscalls that, when they fail with EFAULT, have consumed nothing and can simply be made
// again: a page given back before a blocking call may have been protected again by
// another thread's translation while it waited.
bool retry_after_efault(uint64_t nr) {
  switch (nr) {
    case __NR_read: case __NR_pread64: case __NR_readv: case __NR_preadv: case __NR_preadv2:
    case __NR_stat: case __NR_fstat: case __NR_lstat: case __NR_newfstatat: case __NR_statx:
    case __NR_statfs: case __NR_fstatfs: case __NR_pipe: case __NR_pipe2: case __NR_socketpair:
    case __NR_getrandom: case __NR_getcwd: case __NR_getdents64: case __NR_getdents:
    case __NR_readlink: case __NR_readlinkat: case __NR_uname: case __NR_sysinfo: case __NR_times:
    case __NR_getrusage: case __NR_clock_getres: case __NR_getrlimit: case __NR_sched_getaffinity:
      return true;
    default:
      return false;
  }
}

// --- time ------------------------------------------------------------------------------
// The guest has no vDSO: its clock_gettime, gettimeofday and time come here as syscalls.
// They are answered through retrace's own (glibc's vDSO calls: no kernel entry) into a
// local, then copied out, so a bad guest pointer is EFAULT as from the kernel.

long sys_clock_gettime(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  struct timespec ts;
  if (clock_gettime(static_cast<clockid_t>(a[0]), &ts) != 0) return -errno;
  return copy_to_guest(a[1], &ts, sizeof ts) ? 0 : -EFAULT;
}

long sys_gettimeofday(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  if (a[1] != 0) return pass(s, st, nr, a);  // (the obsolete timezone: the kernel's)
  if (a[0] == 0) return 0;
  struct timeval tv;
  gettimeofday(&tv, nullptr);
  return copy_to_guest(a[0], &tv, sizeof tv) ? 0 : -EFAULT;
}

long sys_time(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  const time_t t = time(nullptr);
  if (a[0] != 0 && !copy_to_guest(a[0], &t, sizeof t)) return -EFAULT;
  return static_cast<long>(t);
}

long sys_ioctl(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  // Terminal, descriptor-flag and read-only socket requests go to the kernel (they act on
  // the guest's own descriptors; isatty() is TCGETS). Anything else is refused until it
  // is needed and reviewed: some ioctls take pointers inside structures, or act on more
  // than the descriptor.
  switch (static_cast<uint32_t>(a[1])) {
    case TCGETS:
    case TCSETS:
    case TCSETSW:
    case TCSETSF:
    case TCSBRK:
    case TCXONC:
    case TCFLSH:
    case TIOCSCTTY:
    case TIOCNOTTY:
    case TIOCGPGRP:
    case TIOCSPGRP:
    case TIOCGSID:
    case TIOCOUTQ:
    case TIOCGWINSZ:
    case TIOCSWINSZ:
    case TIOCGPTN:
    case TIOCSPTLCK:
    case FIONREAD:
    case FIONBIO:
    case FIOASYNC:
    case FIOCLEX:
    case FIONCLEX:
    case SIOCGIFCONF:
    case SIOCGIFFLAGS:
    case SIOCGIFINDEX:
    case SIOCGIFNAME:
    case SIOCGIFADDR:
    case SIOCGIFHWADDR:
    case SIOCGIFMTU:
      return pass(s, st, nr, a);
    default:
      if (s.verbose)
        fprintf(stderr, "retrace: unsupported ioctl 0x%x on fd %d\n", static_cast<uint32_t>(a[1]),
                static_cast<int>(a[0]));
      return -ENOTTY;
  }
}

// --- memory -----------------------------------------------------------------------------

void code_changed(LinuxSyscalls& s, uint64_t start, uint64_t end) {
  if (s.on_unmap_or_protect) s.on_unmap_or_protect(start, end);
}

// The guest's protection after a successful mmap/mprotect with this prot argument, for
// the SMC watch; -1 when flags (PROT_GROWSDOWN, ...) make it, or its range, not the
// argument's.
int plain_prot(uint64_t prot) {
  return (prot & ~uint64_t{PROT_READ | PROT_WRITE | PROT_EXEC}) ? -1 : static_cast<int>(prot);
}
using GuestChange = codecache::CodeWriteWatch::GuestChange;

// Before a call that replaces whatever is mapped at [start, end) (MAP_FIXED, MREMAP_FIXED),
// which may be retrace itself: claims every part the guest does not own with
// MAP_FIXED_NOREPLACE. False (nothing claimed) if any part is taken, by retrace; the
// guest then gets ENOMEM, as if the range were unusable. `reserved` lists what was claimed
// (to release if the call fails).
bool claim_for_fixed(LinuxSyscalls& s, uint64_t start, uint64_t end,
                     std::vector<std::pair<uint64_t, uint64_t>>& reserved) {
  bool ok = true;
  s.regions.for_each_gap(start, end, [&](uint64_t b, uint64_t e) {
    if (!ok) return;
    long r = host_mmap(b, e - b, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE);
    if (r >= 0 && static_cast<uint64_t>(r) != b) host(__NR_munmap, static_cast<uint64_t>(r), e - b);
    if (r < 0 || static_cast<uint64_t>(r) != b)
      ok = false;
    else
      reserved.emplace_back(b, e);
  });
  if (!ok) {
    for (auto [b, e] : reserved) host(__NR_munmap, b, e - b);
    reserved.clear();
  }
  return ok;
}

// A new guest mapping of len bytes made by `map` (a host mmap or shmat): at addr, over
// whatever is there, when `replacing` (MAP_FIXED, SHM_REMAP), else where the kernel puts
// it. A replacing call may take only the guest's pages (claim_for_fixed; `refused` if some
// are retrace's). Over guest pages the SMC watch gives back what it write-protected there
// first and forgets it after (watching nothing new meanwhile), so the new mapping's
// protection (prot, -1 if not known) is the guest's, and code translated from the
// replaced pages is dropped. The mapping joins GuestRegions.
template <typename F>
long map_guest(LinuxSyscalls& s, uint64_t addr, uint64_t len, bool replacing, int prot, long refused, F map) {
  std::vector<std::pair<uint64_t, uint64_t>> reserved;
  if (replacing && !s.regions.contains(addr, addr + len) && !claim_for_fixed(s, addr, addr + len, reserved))
    return refused;
  const bool replaces = replacing && s.regions.overlaps(addr, addr + len);
  std::optional<GuestChange> change;
  if (replaces) {
    change.emplace();
    change->before(addr, addr + len);
  }
  const long r = map();
  if (replaces) change->after(addr, addr + len, r >= 0 ? prot : -1);
  change.reset();
  if (r < 0) {
    for (auto [b, e] : reserved) host(__NR_munmap, b, e - b);
    return r;
  }
  const uint64_t at = static_cast<uint64_t>(r);
  if (replaces) code_changed(s, at, at + len);
  else codecache::CodeWriteWatch::mapped(at, at + len, prot);
  s.regions.add(at, at + len);
  return r;
}

// Takes [b, e), the guest's, away with `unmap` (a host munmap or shmdt): the blocks decoded
// from it are forgotten before the kernel takes the pages, the SMC watch lets go of them
// around the call, and their translations are dropped after.
template <typename F>
long unmap_guest(LinuxSyscalls& s, uint64_t b, uint64_t e, F unmap) {
  forget_code_pages(b, e);
  long r;
  {
    GuestChange change;
    change.before(b, e);
    r = unmap();
    change.after(b, e, -1);
  }
  if (r < 0) return r;
  code_changed(s, b, e);
  s.regions.remove(b, e);
  return 0;
}

long sys_mmap(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  uint64_t addr = a[0], len = a[1];
  int flags = static_cast<int>(a[3]);
  if (len == 0) return -EINVAL;
  uint64_t plen = page_up(len);
  if (plen < len) return -ENOMEM;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr & (kPageSize - 1)) return -EINVAL;
    if (addr + plen < addr || addr + plen > kUserTop) return -ENOMEM;
  }
  const bool replacing = (flags & MAP_FIXED) && !(flags & MAP_FIXED_NOREPLACE);
  return map_guest(s, addr, plen, replacing, plain_prot(a[2]), -ENOMEM,
                   [&] { return host(__NR_mmap, addr, len, a[2], a[3], a[4], a[5]); });
}

long sys_mremap(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  uint64_t old = a[0], old_size = a[1], new_size = a[2], flags = a[3], new_addr = a[4];
  // The kernel's argument checks first, so that they win over ours (as natively).
  if (flags & ~uint64_t{MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP}) return -EINVAL;
  if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE)) return -EINVAL;
  if (old & (kPageSize - 1)) return -EINVAL;
  uint64_t old_len = page_up(old_size), new_len = page_up(new_size);
  if (new_len == 0 || new_len < new_size || old_len < old_size) return -EINVAL;
  // The source must be the guest's: moving or resizing retrace's own memory would be fatal.
  uint64_t src_end = old + std::max<uint64_t>(old_len, kPageSize);
  if (src_end < old || !s.regions.contains(old, src_end)) return -EFAULT;
  std::vector<std::pair<uint64_t, uint64_t>> reserved;
  if (flags & MREMAP_FIXED) {
    if (new_addr & (kPageSize - 1)) return -EINVAL;
    if (new_addr + new_len < new_addr || new_addr + new_len > kUserTop) return -ENOMEM;
    if (!s.regions.contains(new_addr, new_addr + new_len) &&
        !claim_for_fixed(s, new_addr, new_addr + new_len, reserved))
      return -ENOMEM;
  }
  // Without MREMAP_FIXED the kernel grows in place only into free space, or moves to a
  // free range (MREMAP_MAYMOVE): it cannot replace anything of retrace's.
  long r;
  {
    GuestChange change;  // the SMC watch lets go of both ranges (see sys_mmap)
    change.before(old, old + old_len);
    if (flags & MREMAP_FIXED) change.before(new_addr, new_addr + new_len);
    r = host(__NR_mremap, old, old_size, new_size, flags, new_addr);
    change.after(old, old + old_len, -1);
    if (flags & MREMAP_FIXED) change.after(new_addr, new_addr + new_len, -1);
  }
  if (r < 0) {
    for (auto [b, e] : reserved) host(__NR_munmap, b, e - b);
    return r;
  }
  code_changed(s, old, old + old_len);
  if (flags & MREMAP_FIXED) code_changed(s, new_addr, new_addr + new_len);
  if (!(flags & MREMAP_DONTUNMAP)) s.regions.remove(old, old + old_len);
  codecache::CodeWriteWatch::mapped(static_cast<uint64_t>(r), static_cast<uint64_t>(r) + new_len, -1);
  s.regions.add(static_cast<uint64_t>(r), static_cast<uint64_t>(r) + new_len);
  return r;
}

// System V shared memory: shmat maps a segment (its size from IPC_STAT) and shmdt unmaps
// the one attached at an address; both keep GuestRegions and the SMC watch as mmap and
// munmap do, and SHM_REMAP may replace only what the guest owns (as MAP_FIXED).
long sys_shmat(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  struct shmid_ds ds;
  // (Attaching needs read permission, as IPC_STAT does: a bad id or a refusal is the same
  // error either way.)
  if (const long st = host(__NR_shmctl, a[0], IPC_STAT, reinterpret_cast<uint64_t>(&ds)); st != 0) return st;
  const uint64_t len = page_up(ds.shm_segsz);
  const int flags = static_cast<int>(a[2]);
  uint64_t addr = a[1];
  if (addr && (flags & SHM_RND)) addr &= ~(SHMLBA - 1ull);
  const bool replacing = addr && (flags & SHM_REMAP);
  if (replacing && ((addr & (kPageSize - 1)) || addr + len < addr || addr + len > kUserTop)) return -EINVAL;
  const int prot = ((flags & SHM_RDONLY) ? PROT_READ : PROT_READ | PROT_WRITE) | ((flags & SHM_EXEC) ? PROT_EXEC : 0);
  const long r = map_guest(s, addr, len, replacing, prot, -EINVAL, [&] { return host(__NR_shmat, a[0], a[1], a[2]); });
  if (r >= 0) s.shm_attached[static_cast<uint64_t>(r)] = len;
  return r;
}

long sys_shmdt(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  auto it = s.shm_attached.find(a[0]);
  if (it == s.shm_attached.end()) return host(__NR_shmdt, a[0]) == 0 ? 0 : -EINVAL;  // (not ours to track)
  const long r = unmap_guest(s, it->first, it->first + it->second, [&] { return host(__NR_shmdt, a[0]); });
  if (r == 0) s.shm_attached.erase(it);
  return r;
}

long sys_munmap(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  uint64_t addr = a[0], len = a[1];
  if ((addr & (kPageSize - 1)) || len == 0) return -EINVAL;
  uint64_t end = page_up(addr + len);
  if (end < addr || end > kUserTop) return -EINVAL;
  // Only what the guest owns is unmapped; the rest is, from the guest's point of view,
  // already a hole, and munmap of a hole succeeds.
  std::vector<std::pair<uint64_t, uint64_t>> owned;
  s.regions.for_each_owned(addr, end, [&](uint64_t b, uint64_t e) { owned.emplace_back(b, e); });
  for (auto [b, e] : owned)
    if (const long r = unmap_guest(s, b, e, [&] { return host(__NR_munmap, b, e - b); }); r < 0) return r;
  return 0;
}

long sys_mprotect(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args args) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  uint64_t a[6] = {args[0], args[1], args[2], args[3], args[4], args[5]};
  uint64_t addr = a[0], len = a[1];
  if (addr & (kPageSize - 1)) return -EINVAL;
  if (len == 0) return 0;
  uint64_t end = page_up(addr + len);
  if (end < addr) return -ENOMEM;
  if ((a[2] & PROT_GROWSDOWN) && addr >= s.stack_lo && addr < s.stack_hi) {
    // PROT_GROWSDOWN: down to the start of a grows-down mapping, which the main stack is
    // natively (glibc's _dl_make_stack_executable asks this when dlopen loads a library
    // that needs an executable stack). The guest stack is a plain mapping of retrace's:
    // the same range by hand, down to the page above its guard page.
    addr = a[0] = s.stack_lo;
    a[1] = end - addr;
    a[2] &= ~static_cast<uint64_t>(PROT_GROWSDOWN);
  }
  if (!s.regions.contains(addr, end)) return -ENOMEM;  // as for an unmapped range
  forget_code_pages(addr, end);  // before the pages may become unreadable
  long r;
  {
    GuestChange change;  // the guest's protection must win over the SMC watch's (see sys_mmap)
    change.before(addr, end);
    r = pass(s, st, nr, a);
    change.after(addr, end, r == 0 ? plain_prot(a[2]) : -1);
  }
  if (r == 0) code_changed(s, addr, end);
  return r;
}

long sys_madvise(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
  uint64_t addr = a[0], len = a[1];
  if (addr & (kPageSize - 1)) return -EINVAL;
  if (len == 0) return 0;
  uint64_t end = page_up(addr + len);
  if (end < addr) return -EINVAL;
  if (!s.regions.contains(addr, end)) return -ENOMEM;
  return pass(s, st, nr, a);
}

long sys_brk(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  std::lock_guard<std::mutex> mm_lock(g_mm_mutex);
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
    codecache::CodeWriteWatch::mapped(s.brk_mapped_end, end, PROT_READ | PROT_WRITE);
    s.regions.add(s.brk_mapped_end, end);
    s.brk_mapped_end = end;
  } else if (end < s.brk_mapped_end) {
    // As a munmap: code decoded from the heap's tail (and the SMC watch's hold on those
    // pages) must not outlive it, or it would be taken for the pages brk maps there next.
    const uint64_t old_end = s.brk_mapped_end;
    forget_code_pages(end, old_end);
    {
      GuestChange change;
      change.before(end, old_end);
      host(__NR_munmap, end, old_end - end);
      change.after(end, old_end, -1);
    }
    s.regions.remove(end, old_end);
    s.brk_mapped_end = end;
    code_changed(s, end, old_end);
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

long sys_set_tid_address(LinuxSyscalls&, ir::MachineState&, uint64_t, Args a) {
  // Per thread: written 0 and futex-woken when the thread exits (threads.cpp).
  threads_set_clear_tid(a[0]);
  return host(__NR_gettid);
}

// --- signals (runtime/signals.cpp: dispositions, masks, delivery, sigreturn) --------------

long sys_rt_sigaction(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().rt_sigaction(st, a);
}
long sys_rt_sigprocmask(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().rt_sigprocmask(st, a);
}
long sys_rt_sigpending(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().rt_sigpending(st, a);
}
long sys_rt_sigsuspend(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().rt_sigsuspend(st, a);
}
long sys_pause(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args) {
  return process_signals().pause(st);
}
long sys_rt_sigtimedwait(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().rt_sigtimedwait(st, a);
}
long sys_sigaltstack(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args a) {
  return process_signals().sigaltstack(st, a);
}
long sys_rt_sigreturn(LinuxSyscalls&, ir::MachineState& st, uint64_t, Args) {
  return process_signals().rt_sigreturn(st);
}

// Signals to the guest itself are queued by the signal layer (delivered before the next
// guest instruction); to anyone else they go to the host kernel.
long sys_kill(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  int sig = static_cast<int>(a[1]);
  if (static_cast<pid_t>(a[0]) == getpid() && sig != SIGKILL && sig != SIGSTOP)
    return process_signals().send_self(st, sig, false, nullptr);
  return pass(s, st, nr, a);
}

long sys_tkill(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  int sig = static_cast<int>(a[1]);
  if (static_cast<pid_t>(a[0]) == gettid() && sig != SIGKILL && sig != SIGSTOP)
    return process_signals().send_self(st, sig, true, nullptr);
  return pass(s, st, nr, a);
}

long sys_tgkill(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  int sig = static_cast<int>(a[2]);
  if (static_cast<pid_t>(a[0]) == getpid() && static_cast<pid_t>(a[1]) == gettid() && sig != SIGKILL &&
      sig != SIGSTOP)
    return process_signals().send_self(st, sig, true, nullptr);
  return pass(s, st, nr, a);
}

// A signal to the guest itself with the guest's own siginfo at `info` (sigqueue,
// pthread_sigqueue): its si_value goes along.
long send_self_with_info(ir::MachineState& st, int sig, bool thread_directed, uint64_t info_ptr) {
  siginfo_t info;
  if (!copy_from_guest(&info, info_ptr, sizeof info)) return -EFAULT;
  if (info.si_code >= 0 || info.si_code == SI_TKILL) return -EPERM;  // as the kernel
  return process_signals().send_self(st, sig, thread_directed, &info);
}

// sigqueue / pthread_sigqueue to the guest itself: the caller's siginfo (si_value).
long sys_rt_sigqueueinfo(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  int sig = static_cast<int>(a[1]);
  if (static_cast<pid_t>(a[0]) != getpid() || sig == SIGKILL || sig == SIGSTOP) return pass(s, st, nr, a);
  return send_self_with_info(st, sig, false, a[2]);
}

long sys_rt_tgsigqueueinfo(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  int sig = static_cast<int>(a[2]);
  if (static_cast<pid_t>(a[0]) != getpid() || static_cast<pid_t>(a[1]) != gettid() || sig == SIGKILL ||
      sig == SIGSTOP)
    return pass(s, st, nr, a);
  return send_self_with_info(st, sig, true, a[3]);
}

// --- process control ------------------------------------------------------------------

long sys_set_robust_list(LinuxSyscalls&, ir::MachineState&, uint64_t, Args a) {
  // Recorded per thread, not passed: the host thread's robust list is retrace's (its glibc
  // registered it), and the kernel would walk the guest's only when the host thread ends,
  // after the guest thread's stack may be reused (pthread_join returns at the cleared TID).
  // threads.cpp walks it at the guest thread's exit, as the kernel's exit_robust_list.
  if (a[1] != 24) return -EINVAL;  // sizeof(struct robust_list_head)
  threads_set_robust_list(a[0]);
  return 0;
}

long sys_get_robust_list(LinuxSyscalls&, ir::MachineState&, uint64_t, Args a) {
  if (a[0] != 0 && static_cast<pid_t>(a[0]) != gettid()) return -EPERM;
  uint64_t head = threads_robust_list(), len = 24;
  if (!copy_to_guest(a[1], &head, sizeof head) || !copy_to_guest(a[2], &len, sizeof len))
    return -EFAULT;
  return 0;
}

long sys_prctl(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  switch (a[0]) {
    case PR_SET_PDEATHSIG:
    case PR_GET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_NAME:
    case PR_GET_NAME:
    case PR_GET_KEEPCAPS:
    case PR_CAPBSET_READ:
    case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_CHILD_SUBREAPER:
    case PR_SET_CHILD_SUBREAPER:
    case 0x53564d41:  // PR_SET_VMA (naming anonymous mappings)
      return pass(s, st, nr, a);
    default:
      if (s.verbose)
        fprintf(stderr, "retrace: unsupported prctl option %llu\n",
                static_cast<unsigned long long>(a[0]));
      return -EINVAL;
  }
}

// A host fork while other guest threads (host threads) may be inside retrace: retrace's
// own locks are held across it (the child must not inherit them locked), and a plain fork
// goes through glibc's fork(), which does the same for malloc and stdio.
long host_fork(uint64_t hflags, uint64_t ptid, uint64_t ctid) {
  constexpr uint64_t kTidFlags = CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID;
  std::unique_lock<std::mutex> mm_lock(g_mm_mutex);
  codecache::CodeWriteWatch::fork_prepare();
  threads_fork_prepare();
  long r;
  if ((hflags & ~(kTidFlags | CSIGNAL)) == 0 && (hflags & CSIGNAL) == SIGCHLD) {
    r = fork();
    if (r < 0) {
      r = -errno;
    } else if (r == 0) {
      uint32_t tid = static_cast<uint32_t>(host(__NR_gettid));
      if (hflags & CLONE_CHILD_SETTID) copy_to_guest(ctid, &tid, sizeof tid);
    } else if (hflags & CLONE_PARENT_SETTID) {
      uint32_t tid = static_cast<uint32_t>(r);
      copy_to_guest(ptid, &tid, sizeof tid);
    }
  } else {
    r = host(__NR_clone, hflags, 0, ptid, ctid, 0);
  }
  if (r != 0) {
    threads_fork_parent();  // the child resets the registry (on_fork_child)
    codecache::CodeWriteWatch::fork_parent();
  } else {
    codecache::CodeWriteWatch::fork_child();
  }
  return r;
}

long sys_fork(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args) {
  // vfork too: the child gets a copy of memory instead of sharing it, which is what a
  // correct vfork child (exec or _exit right away) cannot tell apart.
  long r = host_fork(SIGCHLD, 0, 0);
  if (r == 0 && s.on_fork_child) s.on_fork_child();
  return r;
}

long sys_clone(LinuxSyscalls& s, ir::MachineState& st, uint64_t, Args a) {
  uint64_t flags = a[0], stack = a[1], ptid = a[2], ctid = a[3], tls = a[4];
  bool vm = flags & CLONE_VM, vfork = flags & CLONE_VFORK;
  if (flags & CLONE_THREAD) {
    // A thread (glibc's pthread_create): its own host thread (threads.cpp). The kernel's
    // rules: CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM.
    if (!(flags & CLONE_SIGHAND) || !vm) return -EINVAL;
    return threads_clone(st, flags, stack, ptid, ctid, tls);
  }
  if (vm && !vfork) {
    if (s.verbose && first_report(s, __NR_clone))
      fprintf(stderr, "retrace: clone with CLONE_VM (threads) is not supported yet\n");
    return -ENOSYS;
  }
  // The host child runs retrace on a copy of retrace's stack (stack argument 0) and keeps
  // retrace's TLS; the guest's new stack and TLS go into the child's guest state.
  uint64_t hflags = flags & ~static_cast<uint64_t>(CLONE_VM | CLONE_VFORK | CLONE_SIGHAND |
                                                   CLONE_SETTLS);
  long r = host_fork(hflags, ptid, ctid);
  if (r == 0) {
    if (s.on_fork_child) s.on_fork_child();
    if (stack) st.gpr(4) = stack;
    if (flags & CLONE_SETTLS) st.slot[ir::kSlotFsBase] = tls;
    if (flags & CLONE_CHILD_CLEARTID) threads_set_clear_tid(ctid);
  }
  return r;
}

long sys_clone3(LinuxSyscalls& s, ir::MachineState& st, uint64_t, Args a) {
  struct {  // the kernel's struct clone_args (CLONE_ARGS_SIZE_VER0..2)
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
        set_tid_size, cgroup;
  } ca{};
  if (a[1] < 64 || a[1] > 4096) return -EINVAL;  // smaller than VER0, or absurd
  if (!copy_from_guest(&ca, a[0], std::min<uint64_t>(a[1], sizeof ca))) return -EFAULT;
  // Threads only; anything else answers ENOSYS and glibc falls back to clone (the
  // fork-like path above).
  if (!(ca.flags & CLONE_THREAD) || ca.set_tid_size || ca.cgroup ||
      (ca.flags & (CLONE_PIDFD | CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET |
                   CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)))
    return -ENOSYS;
  if (ca.exit_signal || !(ca.flags & CLONE_SIGHAND) || !(ca.flags & CLONE_VM)) return -EINVAL;
  if (!ca.stack != !ca.stack_size) return -EINVAL;
  (void)s;
  return threads_clone(st, ca.flags, ca.stack ? ca.stack + ca.stack_size : 0, ca.parent_tid,
                       ca.child_tid, ca.tls);
}

// Reads a NULL-terminated guest array of string pointers (argv, envp).
bool read_string_array(uint64_t p, std::vector<std::string>& out) {
  constexpr size_t kMaxStrings = 1 << 20, kMaxString = 128 * 1024;  // MAX_ARG_STRLEN
  for (size_t i = 0; p; i++) {
    if (i >= kMaxStrings) return false;
    uint64_t sp;
    if (!copy_from_guest(&sp, p + i * 8, 8)) return false;
    if (!sp) break;
    auto str = read_guest_string(sp, kMaxString);
    if (!str) return false;
    out.push_back(std::move(*str));
  }
  return true;
}

long exec_path(LinuxSyscalls& s, std::optional<std::string> path, Args a);

long sys_execve(LinuxSyscalls& s, ir::MachineState&, uint64_t, Args a) {
  auto path = path_arg(a[0]);
  if (!path) return -EFAULT;
  return exec_path(s, std::move(path), a);
}

// execveat(dirfd, path, argv, envp, flags) (fexecve: AT_EMPTY_PATH on an fd): the program
// named as a path, then as execve. An fd's path is the file it was opened from (a deleted
// one, or one closed by the exec itself, runs through a copy of the descriptor).
long sys_execveat(LinuxSyscalls& s, ir::MachineState& st, uint64_t nr, Args a) {
  if (s.reexec.empty()) return pass(s, st, nr, a);
  constexpr uint64_t kEmptyPath = 0x1000, kNoFollow = 0x100;
  if (a[4] & ~(kEmptyPath | kNoFollow)) return -EINVAL;
  auto name = path_arg(a[1]);
  if (!name) return -EFAULT;
  const int dirfd = static_cast<int>(a[0]);
  auto fd_path = [](int fd) -> std::optional<std::string> {
    char link[64], buf[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    if (n <= 0) return std::nullopt;
    return std::string(buf, static_cast<size_t>(n));
  };
  std::string path;
  int keep = -1;  // a descriptor made to survive the exec (closed again if it fails)
  if (name->empty()) {
    if (!(a[4] & kEmptyPath)) return -ENOENT;
    auto p = fd_path(dirfd);
    if (!p) return -EBADF;
    struct stat by_fd, by_name;
    if (fstat(dirfd, &by_fd) != 0) return -errno;
    if ((*p)[0] == '/' && stat(p->c_str(), &by_name) == 0 && by_name.st_dev == by_fd.st_dev && by_name.st_ino == by_fd.st_ino) {
      path = *p;
    } else {
      // Not reachable by its name any more: a descriptor that survives the exec.
      keep = fcntl(dirfd, F_DUPFD, 3);
      if (keep < 0) return -errno;
      path = "/proc/self/fd/" + std::to_string(keep);
    }
  } else if ((*name)[0] == '/' || dirfd == AT_FDCWD) {
    path = *name;
  } else {
    auto dir = fd_path(dirfd);
    if (!dir) return -EBADF;
    path = *dir + "/" + *name;
  }
  if (a[4] & kNoFollow) {
    struct stat sb;
    if (lstat(path.c_str(), &sb) == 0 && S_ISLNK(sb.st_mode)) return -ELOOP;
  }
  const uint64_t args[3] = {a[1], a[2], a[3]};  // (argv and envp where execve has them)
  const long r = exec_path(s, path, args);  // (returns only on failure)
  if (keep >= 0) close(keep);
  return r;
}

// execve of path with the guest's argv (a[1]) and envp (a[2]): under retrace again (the
// same options), or natively with --no-follow-exec.
long exec_path(LinuxSyscalls& s, std::optional<std::string> path, Args a) {
  if (s.reexec.empty()) {
    // --no-follow-exec: the new program replaces the process and runs natively.
    if (is_self_exe(*path)) path = s.exe_path;
    fflush(stdout);
    fflush(stderr);
    process_decode_cache().save();
    return host(__NR_execve, reinterpret_cast<uint64_t>(path->c_str()), a[1], a[2]);
  }
  // /proc/self/exe names the guest program (busybox re-executes itself that way), not
  // retrace: exec what it would natively.
  if (is_self_exe(*path)) path = s.exe_path;
  std::vector<std::string> argv, envp;
  if (!read_string_array(a[1], argv) || !read_string_array(a[2], envp)) return -EFAULT;
  // The errors execve itself would give, before retrace replaces itself: a shell searching
  // PATH relies on ENOENT/EACCES/ENOEXEC coming back.
  if (path->empty()) return -ENOENT;
  struct stat sb;
  if (stat(path->c_str(), &sb) != 0) return -errno;
  if (!S_ISREG(sb.st_mode)) return -EACCES;
  if (access(path->c_str(), X_OK) != 0) return -errno;
  int fd = open(path->c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  char magic[4] = {};
  ssize_t n = pread(fd, magic, sizeof magic, 0);
  close(fd);
  bool elf = n == 4 && memcmp(magic, "\x7f" "ELF", 4) == 0;
  bool script = n >= 2 && magic[0] == '#' && magic[1] == '!';
  if (!elf && !script) return -ENOEXEC;

  std::vector<std::string> args = s.reexec;
  args.push_back("--argv0=" + (argv.empty() ? std::string() : argv[0]));
  args.push_back("--");
  args.push_back(*path);
  for (size_t i = 1; i < argv.size(); i++) args.push_back(argv[i]);
  std::vector<char*> cargv, cenvp;
  for (auto& x : args) cargv.push_back(x.data());
  cargv.push_back(nullptr);
  for (auto& x : envp) cenvp.push_back(x.data());
  cenvp.push_back(nullptr);
  fflush(stdout);
  fflush(stderr);
  process_decode_cache().save();  // (this image ends here if the execve works)
  return host(__NR_execve, reinterpret_cast<uint64_t>(s.reexec[0].c_str()),
              reinterpret_cast<uint64_t>(cargv.data()), reinterpret_cast<uint64_t>(cenvp.data()));
}

using Handler = long (*)(LinuxSyscalls&, ir::MachineState&, uint64_t, Args);

}  // namespace

LinuxSyscalls::LinuxSyscalls(std::string exe, uint64_t brk, GuestRegions& r, bool v)
    : exe_path(std::move(exe)),
      regions(r),
      verbose(v),
      brk_start(brk),
      brk_cur(brk),
      brk_mapped_end(brk) {
  process_signals();  // dispositions and mask inherited across execve (signals.cpp)
}

const char* LinuxSyscalls::name(uint64_t nr) {
  switch (nr) {
#define SYSCALL(n, nm, handler) \
  case n:                       \
    return #nm;
#define PASS(n, nm, nargs) SYSCALL(n, nm, pass)
#include "runtime/syscalls.def"
#undef SYSCALL
#undef PASS
    default:
      return nullptr;
  }
}

SyscallOutcome LinuxSyscalls::handle(ir::MachineState& st) {
  uint64_t nr = st.gpr(0);
  uint64_t a[6] = {st.gpr(7), st.gpr(6), st.gpr(2), st.gpr(10), st.gpr(8), st.gpr(9)};
  Handler h = nullptr;
  int nargs = 6;
  switch (nr) {
#define SYSCALL(n, nm, handler) \
  case n:                       \
    h = handler;                \
    break;
#define PASS(n, nm, count) \
  case n:                  \
    h = pass;              \
    nargs = count;         \
    break;
#include "runtime/syscalls.def"
#undef SYSCALL
#undef PASS
    default:
      break;
  }
  for (int i = nargs; i < 6; i++) a[i] = 0;
  long r;
  if (h && h != unsupported) {
    const bool watched = codecache::CodeWriteWatch::instance().pages_watched() != 0;
    if (watched) before_kernel_writes(nr, a);
    r = h(*this, st, nr, a);
    if (r == -EFAULT && watched && retry_after_efault(nr) && before_kernel_writes(nr, a)) r = h(*this, st, nr, a);
  } else {
    r = -ENOSYS;
    if (verbose && first_report(*this, nr)) {  // one line per number
      const char* n = name(nr);
      if (n)
        fprintf(stderr, "retrace: unsupported syscall %llu (%s)\n",
                static_cast<unsigned long long>(nr), n);
      else
        fprintf(stderr, "retrace: unsupported syscall %llu\n", static_cast<unsigned long long>(nr));
    }
  }
  if (t_exiting) {
    t_exiting = false;
    return {true, t_exit_status};
  }
  // What the `syscall` instruction itself does: rcx = return rip, r11 = RFLAGS.
  st.gpr(0) = static_cast<uint64_t>(r);
  st.gpr(1) = st.rip;
  st.gpr(11) = ir::compute_flags(st.slot[ir::kSlotCcOp], st.slot[ir::kSlotCcDst],
                                 st.slot[ir::kSlotCcSrc1], st.slot[ir::kSlotCcSrc2]) |
               st.slot[ir::kSlotCtlFlags] | ir::rflags::kFixed;
  process_signals().after_syscall(st, nr, r);  // EINTR restarts, rt_sigreturn's rcx/r11
  return {};
}

void die_of_signal(int sig) {
  fflush(stdout);
  fflush(stderr);
  struct rlimit none = {0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);  // also stops pipe core handlers (systemd-coredump)
  struct sigaction sa {};
  sa.sa_handler = SIG_DFL;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  // Not raise(): after a guest fork, glibc's cached thread id in retrace's TLS is the
  // parent's. Ask the kernel who we are.
  host(__NR_tgkill, static_cast<uint64_t>(host(__NR_getpid)),
       static_cast<uint64_t>(host(__NR_gettid)), static_cast<uint64_t>(sig));
  // Signals whose default action is to ignore (SIGCHLD, ...) cannot end us: report the
  // status a shell would show.
  _exit(128 + sig);
}

}  // namespace retrace::rt
