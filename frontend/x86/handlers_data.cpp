// Handlers: data group (see handlers.def).
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_mov(Ctx&) { return false; }
bool h_movzx(Ctx&) { return false; }
bool h_movsx(Ctx&) { return false; }
bool h_lea(Ctx&) { return false; }
bool h_xchg(Ctx&) { return false; }
bool h_xadd(Ctx&) { return false; }
bool h_cmpxchg(Ctx&) { return false; }
bool h_cmpxchg16b(Ctx&) { return false; }
bool h_bswap(Ctx&) { return false; }
bool h_cbw(Ctx&) { return false; }
bool h_cwd(Ctx&) { return false; }
bool h_nop(Ctx&) { return false; }
bool h_cmovcc(Ctx&) { return false; }
bool h_setcc(Ctx&) { return false; }

}  // namespace retrace::x86
