#include "ir/host_cpu.h"

#include <sys/platform/x86.h>

namespace retrace::ir {

const HostCpu& host_cpu() {
  // glibc's record of the cpuid leaves its loader read at start-up (<sys/platform/x86.h>):
  // no cpuid of our own, each of which is a VM exit (~9 us) on a virtual machine.
  static const HostCpu cpu = [] {
    HostCpu h;
    h.popcnt = CPU_FEATURE_ACTIVE(POPCNT);
    h.pclmul = CPU_FEATURE_ACTIVE(PCLMULQDQ);
    h.aes = CPU_FEATURE_ACTIVE(AES);
    h.lzcnt = CPU_FEATURE_ACTIVE(LZCNT);
    h.tzcnt = CPU_FEATURE_ACTIVE(BMI1);
    h.bmi2 = CPU_FEATURE_ACTIVE(BMI2);
    return h;
  }();
  return cpu;
}

}  // namespace retrace::ir
