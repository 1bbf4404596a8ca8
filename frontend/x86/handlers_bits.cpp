// Handlers: bits group (see handlers.def). Not implemented yet: each refuses, so the
// guest gets SIGILL with a diagnostic.
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_bt(Ctx&) { return false; }
bool h_bsf(Ctx&) { return false; }
bool h_bsr(Ctx&) { return false; }
bool h_lzcnt(Ctx&) { return false; }
bool h_tzcnt(Ctx&) { return false; }
bool h_popcnt(Ctx&) { return false; }
bool h_andn(Ctx&) { return false; }
bool h_bextr(Ctx&) { return false; }
bool h_blsi(Ctx&) { return false; }
bool h_blsr(Ctx&) { return false; }
bool h_blsmsk(Ctx&) { return false; }
bool h_bzhi(Ctx&) { return false; }
bool h_pdep(Ctx&) { return false; }
bool h_pext(Ctx&) { return false; }
bool h_shiftx(Ctx&) { return false; }
bool h_rorx(Ctx&) { return false; }
bool h_mulx(Ctx&) { return false; }

}  // namespace retrace::x86
