// The host CPU features retrace's tiers use beyond its x86-64 + SSE4.2 baseline, taken from
// glibc's record of cpuid (sys/platform/x86.h) once, when first asked.
#pragma once

namespace retrace::ir {

struct HostCpu {
  bool popcnt = false;  // translated code runs the guest's popcnt/lzcnt/tzcnt as they are
  bool lzcnt = false;   // (ABM)
  bool tzcnt = false;   // (BMI1)
  bool bmi2 = false;    // the indirect-branch probe hashes with rorx (flag-neutral: see translator.cpp)
  bool aes = false;     // AES-NI and PCLMULQDQ: the guest sees them (cpuid) only when the host
  bool pclmul = false;  //   runs them (both tiers do: host instructions, intrinsics)
};
const HostCpu& host_cpu();

}  // namespace retrace::ir
