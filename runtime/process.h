// A guest Linux process: ties the ELF loader, the initial stack, the syscall layer and
// the dispatcher together. `retrace run` is create() then run().
//
//   create():  resolve `#!` scripts (the kernel's binfmt_script: up to kMaxScriptDepth
//              nested interpreters) ─► load_elf(program) ─► for PT_INTERP,
//              load_elf(interpreter, LoadAs::Interpreter) and start there ─►
//              build_initial_stack (AT_BASE = interpreter base, AT_ENTRY/AT_PHDR = the
//              program's) ─► MachineState (rip = entry, rsp = argc, all other GPRs 0, as
//              the kernel leaves them) ─► LinuxSyscalls (brk after the program;
//              GuestRegions = images + stack)
//   run():     Dispatcher(M64, read_guest_code).run(state, syscalls.handle)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ir/state.h"
#include "runtime/dispatcher.h"
#include "runtime/elf_loader.h"
#include "runtime/guest_memory.h"
#include "runtime/guest_stack.h"
#include "runtime/syscalls.h"

namespace retrace::rt {

struct ProcessSpec {
  std::string path;               // the program, as given (argv[0], AT_EXECFN)
  std::vector<std::string> args;  // argv[1..]
  std::vector<std::string> env;   // envp
  std::optional<std::string> argv0;  // argv[0] if not the path (execve, `--argv0=`)
  std::vector<std::string> reexec;   // how a guest execve runs retrace (LinuxSyscalls::reexec)
  RunOptions options;
};

// The kernel's BINPRM_MAX_RECURSION: a script's interpreter may be a script, 4 deep.
inline constexpr int kMaxScriptDepth = 4;

// What `#!` resolution gives: the ELF file to load and the argv it gets.
struct ResolvedExec {
  std::string elf;                // the ELF program (the innermost #! interpreter)
  std::vector<std::string> argv;  // its full argv (argv[0] included)
};

// Follows `#!` lines from `path` the way execve does: argv becomes
// [interpreter, optional-argument, script-path, original argv[1..]]. Errors are shaped like
// a shell's: 127 if the script's interpreter does not exist, 126 otherwise.
bool resolve_script(const std::string& path, const std::vector<std::string>& argv,
                    ResolvedExec& out, LoadError& err);

// The hook every change to guest mappings goes through (munmap, mprotect, mremap, mmap
// over existing pages): translated code for [start, end) must be dropped. It will call
// Dispatcher::invalidate(start, end) once the dispatcher has it; until then it only
// counts (blocks are re-decoded only when the cache misses, so stale code could run).
void invalidate_translated_code(Dispatcher* d, uint64_t start, uint64_t end);

// The hook run in a forked child before it runs guest code: the native tier's code cache
// is a MAP_SHARED memfd (dual-mapped W^X), so after fork parent and child would write
// translations into the same pages. It must call something like
// Dispatcher::after_fork_in_child() (unshare: copy the cache into a fresh memfd mapped at
// the same addresses, or flush and remap) once the dispatcher has it; until then it does
// nothing, and forked children under the native tier can crash (see runtime/README.md).
void after_fork_in_child(Dispatcher* d);

class GuestProcess {
 public:
  // nullptr and `err` filled if the program cannot be loaded.
  static std::unique_ptr<GuestProcess> create(const ProcessSpec& spec, LoadError& err);
  RunResult run();
  const Dispatcher& dispatcher() const { return *dispatcher_; }
  const LoadedImage& image() const { return image_; }
  const LoadedImage& interp() const { return interp_; }  // start == 0: static program
  ir::MachineState& state() { return *state_; }

 private:
  GuestProcess() = default;
  ProcessSpec spec_;
  LoadedImage image_;
  LoadedImage interp_;
  GuestStack stack_;
  GuestRegions regions_;
  std::unique_ptr<ir::MachineState> state_;
  std::unique_ptr<LinuxSyscalls> syscalls_;
  std::unique_ptr<Dispatcher> dispatcher_;
};

}  // namespace retrace::rt
