// Handlers: string group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_string(Ctx&) { return false; }

}  // namespace retrace::x86
