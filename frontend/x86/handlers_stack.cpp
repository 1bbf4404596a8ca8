// Handlers: stack group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_push(Ctx&) { return false; }
bool h_pop(Ctx&) { return false; }
bool h_pushf(Ctx&) { return false; }
bool h_popf(Ctx&) { return false; }
bool h_enter(Ctx&) { return false; }
bool h_leave(Ctx&) { return false; }

}  // namespace retrace::x86
