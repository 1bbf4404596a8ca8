// retrace command line.
//
//   retrace run [options] [--] PROGRAM [ARGS...]
//
// The guest's stdio is ours, and retrace's exit status is the guest's: its exit code, or,
// when the guest is killed by a signal, that same signal re-raised on retrace itself so
// the shell sees exactly what a native run shows (139 for SIGSEGV, 132 for SIGILL, ...).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/decode_cache.h"
#include "runtime/process.h"

extern char** environ;

namespace {

constexpr const char* kVersion = "0.1.0";

void usage(FILE* out) {
  fprintf(out,
          "usage: retrace run [options] [--] PROGRAM [ARGS...]\n"
          "       retrace --help | --version\n"
          "\n"
          "Runs an x86-64 Linux program (static, static-PIE, dynamically linked through its\n"
          "PT_INTERP loader, or a #! script) under dynamic binary translation. Its stdin/stdout/stderr are retrace's; the exit status is the\n"
          "program's (killed by a signal: the same signal, as in a native run).\n"
          "\n"
          "options for run:\n"
          "  --tier=interp|native|auto  execution tier (default auto: blocks start in the\n"
          "                             interpreter and are translated once hot; native\n"
          "                             translates every block before it first runs)\n"
          "  --tier-threshold=N         executions before a block is translated (auto: 50)\n"
          "  --code-cache=SIZE          translated-code budget, flushed when full (default 64M)\n"
          "  --no-follow-exec           programs the guest execve()s run natively (default:\n"
          "                             they run under retrace with the same options)\n"
          "  --verify-ir                run the IR verifier after every pass (debug builds\n"
          "                             always do; release builds verify each block once)\n"
          "  --decode-cache=DIR|off     keep decoded blocks in DIR for the program's next runs\n"
          "                             (default: $RETRACE_CACHE_DIR, else $XDG_CACHE_HOME/retrace\n"
          "                             or ~/.cache/retrace; RETRACE_CACHE_DIR=off: none)\n"
          "  --no-superblocks           end every block at its conditional branch (default:\n"
          "                             decoding goes on past one, which becomes a side exit)\n"
          "  --perf-map                 write /tmp/perf-PID.map so `perf report` names\n"
          "                             translated blocks by guest address\n"
          "  --max-block-insns=N        at most N guest instructions per block (1..4096,\n"
          "                             default 64; 1 gives one-instruction blocks)\n"
          "  --dump-ir=before|after|after:PASS|all\n"
          "                             print each block's IR to stderr before the passes,\n"
          "                             after all of them, after the named pass, or all\n"
          "  --stats                    print execution statistics to stderr at exit\n"
          "  --verbose                  report unsupported syscalls and other runtime notes\n"
          "  --argv0=STRING             the program's argv[0] (default: PROGRAM as given;\n"
          "                             a PROGRAM without '/' is searched in PATH)\n"
          "  --help                     this text\n"
          "\n"
          "exit status: the program's; 126 if it cannot be run (not an x86-64 ELF, corrupt,\n"
          "bad interpreter); 127 if it (or its interpreter) does not exist; 2 for a usage error.\n");
}

[[noreturn]] void usage_error(const std::string& what) {
  fprintf(stderr, "retrace: %s\n(see retrace --help)\n", what.c_str());
  exit(2);
}

bool starts_with(const std::string& s, const char* p) {
  return s.rfind(p, 0) == 0;
}

int cmd_run(int argc, char** argv) {
  retrace::rt::ProcessSpec spec;
  bool no_follow_exec = false;
  std::string decode_cache_dir = retrace::rt::default_decode_cache_dir();
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
    } else if (starts_with(a, "--argv0=")) {
      spec.argv0 = a.substr(8);
      continue;  // not passed on to programs the guest execs
    } else if (starts_with(a, "--tier=")) {
      std::string t = a.substr(7);
      if (t != "interp" && t != "native" && t != "auto")
        usage_error("unknown tier '" + t + "' (expected interp, native or auto)");
      opt.tier = t == "interp" ? retrace::rt::Tier::Interp : t == "native" ? retrace::rt::Tier::Native
                                                                       : retrace::rt::Tier::Auto;
    } else if (a == "--no-follow-exec") {
      no_follow_exec = true;
    } else if (a == "--verify-ir") {
      opt.verify_each_pass = true;
    } else if (a == "--perf-map") {
      opt.perf_map = true;
    } else if (starts_with(a, "--decode-cache=")) {
      decode_cache_dir = a.substr(15);
      if (decode_cache_dir.empty()) usage_error("--decode-cache needs a directory or 'off'");
      if (decode_cache_dir == "off") decode_cache_dir.clear();
    } else if (a == "--no-superblocks") {
      opt.superblocks = false;
    } else if (starts_with(a, "--tier-threshold=")) {
      std::string v = a.substr(17);
      char* end = nullptr;
      unsigned long n = v.empty() ? 0 : strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end || n > 1000000000ul)
        usage_error("--tier-threshold needs a number of executions, not '" + v + "'");
      opt.tier_threshold = static_cast<int>(n);
    } else if (starts_with(a, "--code-cache=")) {
      std::string v = a.substr(13);
      char* end = nullptr;
      unsigned long long n = v.empty() ? 0 : strtoull(v.c_str(), &end, 10);
      if (end && (*end == 'k' || *end == 'K')) { n <<= 10; ++end; }
      else if (end && (*end == 'm' || *end == 'M')) { n <<= 20; ++end; }
      else if (end && (*end == 'g' || *end == 'G')) { n <<= 30; ++end; }
      if (v.empty() || *end || n < 4096 || n > (4ull << 30))
        usage_error("--code-cache needs a size from 4K to 4G (suffix K, M or G), not '" + v + "'");
      opt.code_cache_size = static_cast<size_t>(n);
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
  // A guest execve runs retrace again, with the same options, on the new program
  // (unless --no-follow-exec: then the new program runs natively).
  if (!no_follow_exec) {
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
      spec.reexec = {std::string(self, static_cast<size_t>(n)), "run"};
      for (int j = 0; j < i; j++) {
        std::string o = argv[j];
        if (o != "--" && !starts_with(o, "--argv0=")) spec.reexec.push_back(o);
      }
    }
  }
  spec.path = argv[i];
  // Like a shell (and valgrind): a name without '/' is searched in PATH; the program then
  // sees the name as argv[0] and the full path as AT_EXECFN, as after execvp.
  if (spec.path.find('/') == std::string::npos) {
    const char* env_path = getenv("PATH");
    std::string dirs = env_path ? env_path : "/usr/local/bin:/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::string dir = dirs.substr(start, end - start);
      std::string cand = (dir.empty() ? std::string(".") : dir) + "/" + spec.path;
      struct stat sb;
      if (stat(cand.c_str(), &sb) == 0 && S_ISREG(sb.st_mode) && access(cand.c_str(), X_OK) == 0) {
        if (!spec.argv0) spec.argv0 = spec.path;
        spec.path = cand;
        break;
      }
      start = end + 1;
    }
  }
  for (int j = i + 1; j < argc; j++) spec.args.push_back(argv[j]);
  for (char** e = environ; e && *e; e++) spec.env.push_back(*e);

  retrace::rt::LoadError err;
  auto proc = retrace::rt::GuestProcess::create(spec, err);
  if (!proc) {
    fprintf(stderr, "retrace: %s\n", err.message.c_str());
    return err.exit_code;
  }
  // --stats goes to a copy of stderr made now: programs close their stdout and stderr
  // before exiting (coreutils' close_stdout). It is used only if that descriptor still
  // names the same file at exit (the guest may have closed it and opened another there).
  int stats_fd = -1;
  struct stat stats_st = {};
  if (opt.stats) {
    stats_fd = fcntl(2, F_DUPFD_CLOEXEC, 100);
    if (stats_fd >= 0 && fstat(stats_fd, &stats_st) != 0) stats_fd = -1;
  }
  // The persistent decode cache: blocks this program's earlier runs decoded.
  if (!decode_cache_dir.empty()) {
    const std::string file = retrace::rt::decode_cache_file(decode_cache_dir, spec.path);
    if (!file.empty()) retrace::rt::process_decode_cache().open(file, opt.verbose);
  }
  retrace::rt::RunResult r = proc->run();
  if (opt.stats) {
    struct stat now;
    FILE* out = nullptr;
    if (stats_fd >= 0 && fstat(stats_fd, &now) == 0 && now.st_dev == stats_st.st_dev && now.st_ino == stats_st.st_ino)
      out = fdopen(stats_fd, "w");
    proc->dispatcher().print_stats(out ? out : stderr);
    if (out) fflush(out);
  }
  retrace::rt::process_decode_cache().save();
  if (r.how == retrace::rt::RunResult::Signaled) {
    if (!r.message.empty()) fprintf(stderr, "retrace: %s\n", r.message.c_str());
    retrace::rt::die_of_signal(r.signal);
  }
  // Nothing left to tear down that anyone would see: exit without destroying the process
  // (freeing every block and translation is a measurable part of a short program's run);
  // atexit handlers and stdio flushing still run.
  exit(r.status & 0xff);
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
