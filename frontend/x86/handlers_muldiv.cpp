// Handlers: muldiv group (see handlers.def). Not implemented yet: each refuses, so the
// guest gets SIGILL with a diagnostic.
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_mul(Ctx&) { return false; }
bool h_imul(Ctx&) { return false; }
bool h_div(Ctx&) { return false; }
bool h_idiv(Ctx&) { return false; }

}  // namespace retrace::x86
