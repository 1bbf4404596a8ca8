// retrace command line.
//
//   retrace run [options] [--] PROGRAM [ARGS...]
//
// The guest's stdio is ours, and retrace's exit status is the guest's: its exit code, or,
// when the guest is killed by a signal, that same signal re-raised on retrace itself so
// the shell sees exactly what a native run shows (139 for SIGSEGV, 132 for SIGILL, ...).
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/process.h"

extern char** environ;

namespace {

constexpr const char* kVersion = "0.1.0";

void usage(FILE* out) {
  fprintf(out,
          "usage: retrace run [options] [--] PROGRAM [ARGS...]\n"
          "       retrace --help | --version\n"
          "\n"
          "Runs a static x86-64 Linux program (ET_EXEC or static-PIE) under dynamic binary\n"
          "translation. Its stdin/stdout/stderr are retrace's; the exit status is the\n"
          "program's (killed by a signal: the same signal, as in a native run).\n"
          "\n"
          "options for run:\n"
          "  --tier=interp|native|auto  execution tier (default auto). The native tier is not\n"
          "                             implemented yet: native and auto run the interpreter.\n"
          "  --max-block-insns=N        at most N guest instructions per block (1..4096,\n"
          "                             default 64; 1 gives one-instruction blocks)\n"
          "  --dump-ir=before|after|after:PASS|all\n"
          "                             print each block's IR to stderr before the passes,\n"
          "                             after all of them, after the named pass, or all\n"
          "  --stats                    print execution statistics to stderr at exit\n"
          "  --verbose                  report unsupported syscalls and other runtime notes\n"
          "  --help                     this text\n"
          "\n"
          "exit status: the program's; 126 if it cannot be run (not a static x86-64 ELF,\n"
          "corrupt, dynamically linked); 127 if it does not exist; 2 for a usage error.\n");
}

[[noreturn]] void usage_error(const std::string& what) {
  fprintf(stderr, "retrace: %s\n(see retrace --help)\n", what.c_str());
  exit(2);
}

bool starts_with(const std::string& s, const char* p) {
  return s.rfind(p, 0) == 0;
}

// Dies of `sig` the way the guest would have, without leaving a core file behind.
[[noreturn]] void die_of_signal(int sig) {
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
  raise(sig);
  // Signals whose default action is to ignore (SIGCHLD, ...) cannot end us: report the
  // status a shell would show.
  _exit(128 + sig);
}

int cmd_run(int argc, char** argv) {
  retrace::rt::ProcessSpec spec;
  retrace::rt::RunOptions& opt = spec.options;
  int i = 0;
  for (; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--") {
      i++;
      break;
    }
    if (!starts_with(a, "--")) break;  // the program
    if (a == "--help") {
      usage(stdout);
      return 0;
    } else if (a == "--stats") {
      opt.stats = true;
    } else if (a == "--verbose") {
      opt.verbose = true;
    } else if (starts_with(a, "--tier=")) {
      std::string t = a.substr(7);
      if (t != "interp" && t != "native" && t != "auto")
        usage_error("unknown tier '" + t + "' (expected interp, native or auto)");
      // Until the backend lands, every tier is the interpreter.
      opt.tier = retrace::rt::Tier::Interp;
    } else if (starts_with(a, "--max-block-insns=")) {
      std::string v = a.substr(18);
      char* end = nullptr;
      unsigned long n = v.empty() ? 0 : strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end || n < 1 || n > 4096)
        usage_error("--max-block-insns needs a number from 1 to 4096, not '" + v + "'");
      opt.max_block_insns = static_cast<unsigned>(n);
    } else if (starts_with(a, "--dump-ir=")) {
      std::string d = a.substr(10);
      if (d != "before" && d != "after" && d != "all" &&
          !(starts_with(d, "after:") && d.size() > 6))
        usage_error("--dump-ir takes before, after, after:PASS or all, not '" + d + "'");
      opt.dump_ir = d;
    } else {
      usage_error("unknown option '" + a + "'");
    }
  }
  if (i >= argc) usage_error("run: no program given");
  spec.path = argv[i];
  for (int j = i + 1; j < argc; j++) spec.args.push_back(argv[j]);
  for (char** e = environ; e && *e; e++) spec.env.push_back(*e);

  retrace::rt::LoadError err;
  auto proc = retrace::rt::GuestProcess::create(spec, err);
  if (!proc) {
    fprintf(stderr, "retrace: %s\n", err.message.c_str());
    return err.exit_code;
  }
  retrace::rt::RunResult r = proc->run();
  if (opt.stats) proc->dispatcher().print_stats(stderr);
  if (r.how == retrace::rt::RunResult::Signaled) {
    if (!r.message.empty()) fprintf(stderr, "retrace: %s\n", r.message.c_str());
    die_of_signal(r.signal);
  }
  return r.status & 0xff;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(stdout);
    return 0;
  }
  if (cmd == "--version") {
    printf("retrace %s\n", kVersion);
    return 0;
  }
  if (cmd == "run") return cmd_run(argc - 2, argv + 2);
  usage_error("unknown command '" + cmd + "'");
}
