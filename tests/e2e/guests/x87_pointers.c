// The x87 instruction and data pointers as the host CPU keeps them (FIP, FCS, FOP, FDP,
// FDS through fnstenv, fxsave and fxsave64, around frstor/fxrstor and an unmasked
// exception): Intel and AMD differ, and retrace must show what the CPU it runs on shows.
// Addresses are printed relative to this program's code and data, so the output
// is the same from run to run; native and retrace must agree.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct env {
  uint16_t fcw, r0, fsw, r1, ftw, r2;
  uint32_t fip;
  uint16_t fcs, fop;
  uint32_t fdp;
  uint16_t fds, r3;
};
static double d = 2.0;
static uint8_t fx[512] __attribute__((aligned(64)));
static uint8_t image[108];

int main(void);
// FIP as an offset from main (the same in every run, natively and under retrace), or 0.
static const char* rel_ip(uint64_t ip, int is64) {
  static char buf[32];
  if (!ip) return "0";
  long off = is64 ? (long)(ip - (uintptr_t)&main) : (long)(int32_t)((uint32_t)ip - (uint32_t)(uintptr_t)&main);
  snprintf(buf, sizeof buf, "main%+ld", off);
  return buf;
}
static const char* rel_dp(uint64_t dp) { return dp == (uint32_t)(uintptr_t)&d || dp == (uintptr_t)&d ? "&d" : dp ? "other" : "0"; }

static void env(const char* what, const struct env* e) {
  printf("%-30s fnstenv fip=%s fcs=%04x fop=%03x fdp=%s fds=%04x\n", what, rel_ip(e->fip, 0), e->fcs, e->fop,
         rel_dp(e->fdp), e->fds);
}
static void fxs(const char* what, int is64) {
  uint16_t fop, fcs;
  uint64_t fip, fdp;
  memcpy(&fop, fx + 6, 2);
  memcpy(&fip, fx + 8, 8);
  memcpy(&fdp, fx + 16, 8);
  memcpy(&fcs, fx + 12, 2);
  if (!is64) fip &= 0xffffffff, fdp &= 0xffffffff;
  printf("%-30s fxsave%s fip=%s fop=%03x fdp=%s%s\n", what, is64 ? "64" : "  ", rel_ip(fip, is64), fop,
         rel_dp(fdp), is64 ? "" : (fcs ? " fcs set" : " fcs=0"));
}

int main(void) {
  struct env e;
  asm volatile("fninit; fld1; fnstenv %0" : "=m"(e));
  env("fld1", &e);
  asm volatile("fninit; fldl %1; fnstenv %0" : "=m"(e) : "m"(d));
  env("fld m64", &e);
  asm volatile("fninit; fldl %1; fld1; fnstenv %0" : "=m"(e) : "m"(d));
  env("fld m64; fld1", &e);
  asm volatile("fninit; fldl %1; fnclex; fnstenv %0" : "=m"(e) : "m"(d));
  env("fld m64; fnclex", &e);
  asm volatile("fninit; fnstenv %0" : "=m"(e));
  env("fninit", &e);
  asm volatile("fninit; fldl %1; fincstp; fnstenv %0" : "=m"(e) : "m"(d));
  env("fld m64; fincstp", &e);
  asm volatile("fninit; fldl %1; fstpl %1; fnstenv %0" : "=m"(e), "+m"(d));
  env("fld; fstp m64", &e);
  asm volatile("fninit; fldl %1; fnsave %2; fld1; frstor %2; fnstenv %0" : "=m"(e), "+m"(d), "+m"(image));
  env("fnsave; fld1; frstor", &e);
  asm volatile("fninit; fld1; fldz; fdiv %%st(0),%%st(1); fnstenv %0" : "=m"(e));
  env("masked divide by zero", &e);
  {
    uint16_t cw = 0x37b;
    asm volatile("fninit; fldcw %1; fld1; fldz; fdivrp %%st(0),%%st(1); fnstenv %0; fninit" : "=m"(e) : "m"(cw));
    env("unmasked divide by zero", &e);
  }
  memset(fx, 0xaa, sizeof fx);
  asm volatile("fninit; fldl %1; fxsave64 %0" : "=m"(fx) : "m"(d));
  fxs("fld m64", 1);
  memset(fx, 0xaa, sizeof fx);
  asm volatile("fninit; fldl %1; fxsave %0" : "=m"(fx) : "m"(d));
  fxs("fld m64", 0);
  {
    uint16_t cw = 0x37b;
    memset(fx, 0xaa, sizeof fx);
    asm volatile("fninit; fldcw %1; fld1; fldz; fdivrp %%st(0),%%st(1); fxsave64 %0; fninit" : "=m"(fx) : "m"(cw));
    fxs("unmasked divide by zero", 1);
    memset(fx, 0xaa, sizeof fx);
    asm volatile("fninit; fldcw %1; fld1; fldz; fdivrp %%st(0),%%st(1); fxsave %0; fninit" : "=m"(fx) : "m"(cw));
    fxs("unmasked divide by zero", 0);
  }
  asm volatile("fninit; fldl %2; fxsave64 %1; fld1; fxrstor64 %1; fnstenv %0" : "=m"(e), "+m"(fx) : "m"(d));
  env("fxsave64; fld1; fxrstor64", &e);
  return 0;
}
