// Handlers: misc group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_lahf(Ctx&) { return false; }
bool h_sahf(Ctx&) { return false; }
bool h_clc(Ctx&) { return false; }
bool h_stc(Ctx&) { return false; }
bool h_cmc(Ctx&) { return false; }
bool h_cld(Ctx&) { return false; }
bool h_std(Ctx&) { return false; }
bool h_cpuid(Ctx&) { return false; }
bool h_rdtsc(Ctx&) { return false; }
bool h_in(Ctx&) { return false; }
bool h_out(Ctx&) { return false; }

}  // namespace retrace::x86
