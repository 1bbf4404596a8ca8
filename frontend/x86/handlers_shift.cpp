// Handlers: shift group (see handlers.def). Not implemented yet: each refuses, so the
// guest gets SIGILL with a diagnostic.
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_shl(Ctx&) { return false; }
bool h_shr(Ctx&) { return false; }
bool h_sar(Ctx&) { return false; }
bool h_rol(Ctx&) { return false; }
bool h_ror(Ctx&) { return false; }
bool h_rcl(Ctx&) { return false; }
bool h_rcr(Ctx&) { return false; }
bool h_shld(Ctx&) { return false; }
bool h_shrd(Ctx&) { return false; }

}  // namespace retrace::x86
