#include "runtime/process.h"

namespace retrace::rt {

std::unique_ptr<GuestProcess> GuestProcess::create(const ProcessSpec& spec, LoadError& err) {
  std::unique_ptr<GuestProcess> p(new GuestProcess);
  p->spec_ = spec;
  if (!load_elf(spec.path, p->image_, err)) return nullptr;
  p->regions_.add(p->image_.start, p->image_.end);

  StackSpec ss;
  ss.argv.push_back(spec.path);
  ss.argv.insert(ss.argv.end(), spec.args.begin(), spec.args.end());
  ss.envp = spec.env;
  ss.execfn = spec.path;
  ss.image = &p->image_;
  if (!build_initial_stack(ss, p->stack_, err)) return nullptr;
  p->regions_.add(p->stack_.lo, p->stack_.hi);

  p->state_ = std::make_unique<ir::MachineState>();
  ir::MachineState& st = *p->state_;
  st.rip = p->image_.entry;
  st.gpr(4) = p->stack_.sp;  // rsp -> argc; every other GPR (rdx: no atexit hook) is 0
  p->syscalls_ = std::make_unique<LinuxSyscalls>(p->image_.real_path, p->image_.brk_start,
                                                 p->regions_, spec.options.verbose);
  p->dispatcher_ = std::make_unique<Dispatcher>(x86::Mode::M64, read_guest_code, spec.options);
  return p;
}

RunResult GuestProcess::run() {
  install_fault_handlers();
  LinuxSyscalls& sys = *syscalls_;
  return dispatcher_->run(*state_, [&sys](ir::MachineState& st) { return sys.handle(st); });
}

}  // namespace retrace::rt
