#include "runtime/process.h"

#include <cstdlib>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "codecache/code_write_watch.h"
#include "runtime/decode_cache.h"
#include "runtime/signals.h"
#include "runtime/threads.h"

namespace retrace::rt {

namespace {

// The kernel reads this much of a file to recognise `#!` (BINPRM_BUF_SIZE).
constexpr size_t kScriptBuf = 256;

std::string printable(const std::string& s) {
  std::string o;
  for (char c : s) o.push_back(c < 0x20 || c > 0x7e ? '?' : c);
  return o;
}

// The auxiliary vector of a stack build_initial_stack just laid out (sp: argc, argv,
// NULL, envp, NULL, then the pairs), as /proc/self/auxv gives it: through AT_NULL.
std::string initial_auxv(uint64_t sp) {
  const auto* w = reinterpret_cast<const uint64_t*>(sp);
  w += w[0] + 2;  // argc, argv[], NULL
  while (*w) ++w;  // envp[]
  const uint64_t* aux = ++w;
  while (w[0] != 0) w += 2;  // (AT_NULL is type 0)
  w += 2;
  return std::string(reinterpret_cast<const char*>(aux), reinterpret_cast<const char*>(w));
}

}  // namespace

bool resolve_script(const std::string& path, const std::vector<std::string>& argv,
                    ResolvedExec& out, LoadError& err) {
  out.elf = path;
  out.argv = argv;
  for (int depth = 0;; depth++) {
    char buf[kScriptBuf];
    ssize_t n = -1;
    int fd = open(out.elf.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      n = pread(fd, buf, sizeof buf, 0);
      close(fd);
    }
    // Not readable, or not a script: load_elf reports whatever is wrong with it.
    if (n < 2 || buf[0] != '#' || buf[1] != '!') return true;
    const std::string& script = out.elf;
    std::string line(buf + 2, static_cast<size_t>(n) - 2);
    size_t nl = line.find('\n');
    bool complete = nl != std::string::npos;
    if (complete) line.resize(nl);
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    size_t i = 0;
    while (i < line.size() && blank(line[i])) i++;
    size_t name_end = i;
    while (name_end < line.size() && !blank(line[name_end]) && line[name_end] != '\0') name_end++;
    std::string interp = line.substr(i, name_end - i);
    size_t a = name_end;
    while (a < line.size() && blank(line[a])) a++;
    size_t a_end = line.find('\0', a);
    if (a_end == std::string::npos) a_end = line.size();
    while (a_end > a && blank(line[a_end - 1])) a_end--;
    std::string arg = line.substr(a, a_end - a);
    // Like the kernel: an over-long first line is only acceptable if what it needs (the
    // interpreter and its argument) was complete within the buffer.
    if (interp.empty() || (!complete && a_end == line.size())) {
      err.exit_code = 126;
      err.message = script + (interp.empty() ? ": #! line names no interpreter"
                                             : ": #! line is longer than 256 bytes");
      return false;
    }
    if (depth >= kMaxScriptDepth) {
      err.exit_code = 126;
      err.message = path + ": too many levels of #! interpreters (at most " +
                    std::to_string(kMaxScriptDepth) + ")";
      return false;
    }
    if (access(interp.c_str(), F_OK) != 0) {
      int e = errno;
      err.exit_code = e == ENOENT || e == ENOTDIR ? 127 : 126;
      err.message = script + ": " + printable(interp) + ": bad interpreter: " + strerror(e);
      return false;
    }
    std::vector<std::string> nargv = {interp};
    if (!arg.empty()) nargv.push_back(arg);
    nargv.push_back(script);  // the path as given, like the kernel's bprm->filename
    nargv.insert(nargv.end(), out.argv.begin() + (out.argv.empty() ? 0 : 1), out.argv.end());
    out.argv = std::move(nargv);
    out.elf = interp;
  }
}

void invalidate_translated_code(Dispatcher* d, uint64_t start, uint64_t end) {
  // Every guest munmap/mprotect/mremap/MAP_FIXED reaches this.
  d->invalidate(start, end);
}

void after_fork_in_child(Dispatcher* d) {
  d->after_fork_in_child();
}

std::unique_ptr<GuestProcess> GuestProcess::create(const ProcessSpec& spec, LoadError& err) {
  std::unique_ptr<GuestProcess> p(new GuestProcess);
  p->spec_ = spec;
  std::vector<std::string> argv = {spec.argv0 ? *spec.argv0 : spec.path};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  ResolvedExec exec;
  if (!resolve_script(spec.path, argv, exec, err)) return nullptr;
  if (!load_elf(exec.elf, p->image_, err)) {
    if (exec.elf != spec.path) {  // a script's interpreter: name the script too
      err.message = spec.path + ": bad interpreter: " + err.message;
    }
    return nullptr;
  }
  p->regions_.add(p->image_.start, p->image_.end);
  uint64_t entry = p->image_.entry;
  if (!p->image_.interp.empty()) {
    if (!load_elf(p->image_.interp, p->interp_, err, LoadAs::Interpreter)) {
      err.message = exec.elf + ": interpreter " + err.message;
      return nullptr;
    }
    p->regions_.add(p->interp_.start, p->interp_.end);
    entry = p->interp_.entry;
  }

  StackSpec ss;
  ss.argv = exec.argv;
  ss.envp = spec.env;
  ss.execfn = spec.path;
  ss.image = &p->image_;
  ss.interp_base = p->interp_.start ? p->interp_.bias : 0;
  if (!build_initial_stack(ss, p->stack_, err)) return nullptr;
  p->regions_.add(p->stack_.lo, p->stack_.hi);

  p->state_ = std::make_unique<ir::MachineState>();
  ir::MachineState& st = *p->state_;
  st.rip = entry;
  st.gpr(4) = p->stack_.sp;  // rsp -> argc; every other GPR (rdx: no atexit hook) is 0
  p->dispatcher_ = std::make_unique<Dispatcher>(x86::Mode::M64, read_guest_code, spec.options);
  p->syscalls_ = std::make_unique<LinuxSyscalls>(p->image_.real_path, p->image_.brk_start,
                                                 p->regions_, spec.options.verbose);
  p->syscalls_->reexec = spec.reexec;
  for (const std::string& arg : exec.argv) p->syscalls_->proc_cmdline.append(arg.c_str(), arg.size() + 1);
  p->syscalls_->proc_auxv = initial_auxv(p->stack_.sp);
  p->syscalls_->stack_lo = p->stack_.guard_end();
  p->syscalls_->stack_hi = p->stack_.hi;
  // The process's name (comm: /proc/self/comm and status, ps, pgrep) is the program's, as
  // execve would have made it: the last component of its path, at most 15 bytes.
  const std::string base = spec.path.substr(spec.path.find_last_of('/') + 1);
  prctl(PR_SET_NAME, base.substr(0, 15).c_str(), 0, 0, 0);
  process_signals().verbose = spec.options.verbose;
  process_signals().stack_guard_lo = p->stack_.lo;
  process_signals().stack_guard_hi = p->stack_.guard_end();
  // Guest threads (threads.cpp): the calling thread drops stale code at once, every other
  // thread at its next safe point; a forked child keeps only the forking thread.
  threads_init(*p->dispatcher_, *p->state_, *p->syscalls_, spec.options);
  // (The SMC watch has let go of those pages already, around the guest's syscall: see
  // CodeWriteWatch::GuestChange in syscalls.cpp.)
  p->syscalls_->on_unmap_or_protect = [](uint64_t start, uint64_t end) { threads_invalidate(start, end); };
  // Self-modifying code found by write protection: every thread drops those blocks. The
  // watch publishes written pages itself before it stops reporting them (so no thread sees
  // them neither pending nor written); the dispatcher's take_written then repeats it.
  codecache::CodeWriteWatch::instance().set_publisher(&threads_invalidate);
  p->dispatcher_->on_code_write = [](uint64_t start, uint64_t end) { threads_invalidate(start, end); };
  p->syscalls_->on_fork_child = [] {
    threads_after_fork_child();
    process_signals().after_fork_child();
    process_decode_cache().after_fork_child();
  };
  // Signals (signals.cpp): synchronous faults and traps, and the safe-point hook for
  // asynchronous ones (threads.cpp runs it after its own safe-point work).
  p->dispatcher_->on_trap = [](ir::MachineState& st) { return process_signals().on_trap(st); };
  set_signal_safepoint([](ir::MachineState& st) { process_signals().on_pending(st); });
  return p;
}

RunResult GuestProcess::run() {
  install_fault_handlers();
  LinuxSyscalls& sys = *syscalls_;
  threads_install_safepoint(*dispatcher_);  // whatever order on_pending was set in
  process_signals().attach_thread(*state_);  // the main guest thread's signal state
  RunResult r = dispatcher_->run(*state_, [&sys](ir::MachineState& st) { return sys.handle(st); });
  return threads_finish_main(r);  // waits for the last thread if main only called exit()
}

}  // namespace retrace::rt
