// Handlers: alu group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_add(Ctx&) { return false; }
bool h_adc(Ctx&) { return false; }
bool h_sub(Ctx&) { return false; }
bool h_sbb(Ctx&) { return false; }
bool h_and(Ctx&) { return false; }
bool h_or(Ctx&) { return false; }
bool h_xor(Ctx&) { return false; }
bool h_cmp(Ctx&) { return false; }
bool h_test(Ctx&) { return false; }
bool h_inc(Ctx&) { return false; }
bool h_dec(Ctx&) { return false; }
bool h_neg(Ctx&) { return false; }
bool h_not(Ctx&) { return false; }

}  // namespace retrace::x86
