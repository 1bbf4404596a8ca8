// A guest Linux process: ties the ELF loader, the initial stack, the syscall layer and
// the dispatcher together. `retrace run` is create() then run().
//
//   create():  load_elf ─► build_initial_stack ─► MachineState (rip = entry, rsp = argc,
//              all other GPRs 0, as the kernel leaves them) ─► LinuxSyscalls (brk after
//              the image; GuestRegions = image + stack)
//   run():     Dispatcher(M64, read_guest_code).run(state, syscalls.handle)
#pragma once

#include <memory>
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
  RunOptions options;
};

class GuestProcess {
 public:
  // nullptr and `err` filled if the program cannot be loaded.
  static std::unique_ptr<GuestProcess> create(const ProcessSpec& spec, LoadError& err);
  RunResult run();
  const Dispatcher& dispatcher() const { return *dispatcher_; }
  const LoadedImage& image() const { return image_; }
  ir::MachineState& state() { return *state_; }

 private:
  GuestProcess() = default;
  ProcessSpec spec_;
  LoadedImage image_;
  GuestStack stack_;
  GuestRegions regions_;
  std::unique_ptr<ir::MachineState> state_;
  std::unique_ptr<LinuxSyscalls> syscalls_;
  std::unique_ptr<Dispatcher> dispatcher_;
};

}  // namespace retrace::rt
