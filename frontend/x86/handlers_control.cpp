// Handlers: control group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_jmp(Ctx&) { return false; }
bool h_jcc(Ctx&) { return false; }
bool h_jrcxz(Ctx&) { return false; }
bool h_loop(Ctx&) { return false; }
bool h_call(Ctx&) { return false; }
bool h_ret(Ctx&) { return false; }
bool h_syscall(Ctx&) { return false; }
bool h_ud2(Ctx&) { return false; }
bool h_int3(Ctx&) { return false; }
bool h_int(Ctx&) { return false; }
bool h_hlt(Ctx&) { return false; }

}  // namespace retrace::x86
