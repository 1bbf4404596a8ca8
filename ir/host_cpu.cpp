#include "ir/host_cpu.h"

namespace retrace::ir {

namespace {
struct Regs {
  unsigned a, b, c, d;
};
Regs cpuid(unsigned leaf) {
  Regs r;
  __asm__("cpuid" : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d) : "a"(leaf), "c"(0));
  return r;
}
}  // namespace

const HostCpu& host_cpu() {
  static const HostCpu cpu = [] {
    HostCpu h;
    const unsigned max_leaf = cpuid(0).a, max_ext = cpuid(0x80000000u).a;
    const Regs l1 = cpuid(1);
    h.popcnt = l1.c & (1u << 23);
    h.pclmul = l1.c & (1u << 1);
    h.aes = l1.c & (1u << 25);
    if (max_ext >= 0x80000001u) h.lzcnt = cpuid(0x80000001u).c & (1u << 5);
    if (max_leaf >= 7) {  // (past the last leaf, Intel repeats it)
      const Regs l7 = cpuid(7);
      h.tzcnt = l7.b & (1u << 3);
      h.bmi2 = l7.b & (1u << 8);
    }
    return h;
  }();
  return cpu;
}

}  // namespace retrace::ir
