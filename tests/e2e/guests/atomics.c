// Locked read-modify-writes at every width, as translated code now runs them (the host's own
// xchg, lock xadd, lock add/sub/and/or/xor, lock cmpxchg, and a cmpxchg loop for and/or/xor
// whose flags are read): the values and flags they leave, then each form on an unmapped
// page, where the SIGSEGV must name the faulting instruction and address. Every case runs
// 100 times first, so that the auto tier has translated it too.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static sigjmp_buf jb;
static volatile uint64_t g_rip, g_addr, g_expect;
static volatile int g_code;
static void handler(int sig, siginfo_t* si, void* uv) {
  ucontext_t* u = uv;
  g_rip = (uint64_t)u->uc_mcontext.gregs[REG_RIP];
  g_addr = (uint64_t)si->si_addr;
  g_code = si->si_code;
  siglongjmp(jb, sig);
}

static uint64_t mem[4] __attribute__((aligned(64)));

// One locked instruction on [rdi] with rax as the register operand and rcx as cmpxchg's
// new value; out: rax after it, the memory after it, ZF and CF after it.
#define OP(name, insn)                                                                    \
  __attribute__((noinline)) static void name(uint64_t* p, uint64_t* rax, uint64_t rcx, int* zf, int* cf) { \
    uint64_t a = *rax;                                                                    \
    unsigned char z, c;                                                                   \
    __asm__ volatile("lea 1f(%%rip), %%r11\n\tmov %%r11, g_expect(%%rip)\n\t"            \
                     "cmp %%rax, %%rax\n\t"                                              \
                     "1: " insn "\n\tsetz %1\n\tsetc %2"                                  \
                     : "+a"(a), "=r"(z), "=r"(c)                                         \
                     : "D"(p), "c"(rcx)                                                   \
                     : "memory", "cc", "r11");                                            \
    *rax = a; *zf = z; *cf = c;                                                           \
  }

OP(xadd8, "lock xaddb %%al, (%%rdi)")
OP(xadd16, "lock xaddw %%ax, (%%rdi)")
OP(xadd32, "lock xaddl %%eax, (%%rdi)")
OP(xadd64, "lock xaddq %%rax, (%%rdi)")
OP(xchg8, "xchgb %%al, (%%rdi)")
OP(xchg16, "xchgw %%ax, (%%rdi)")
OP(xchg32, "xchgl %%eax, (%%rdi)")
OP(xchg64, "xchgq %%rax, (%%rdi)")
OP(add32, "lock addl %%eax, (%%rdi)")
OP(sub64, "lock subq %%rax, (%%rdi)")
OP(subimm16, "lock subw $0x1234, (%%rdi)")
OP(and8, "lock andb %%al, (%%rdi)")
OP(or32, "lock orl %%eax, (%%rdi)")
OP(xor64, "lock xorq %%rax, (%%rdi)")
OP(orimm64, "lock orq $-16, (%%rdi)")
OP(inc16, "lock incw (%%rdi)")
OP(cmpxchg8, "lock cmpxchgb %%cl, (%%rdi)")
OP(cmpxchg16, "lock cmpxchgw %%cx, (%%rdi)")
OP(cmpxchg32, "lock cmpxchgl %%ecx, (%%rdi)")
OP(cmpxchg64, "lock cmpxchgq %%rcx, (%%rdi)")

typedef void (*OpFn)(uint64_t*, uint64_t*, uint64_t, int*, int*);
static const struct {
  const char* name;
  OpFn fn;
} kOps[] = {
    {"lock xadd b", xadd8},   {"lock xadd w", xadd16},    {"lock xadd l", xadd32},      {"lock xadd q", xadd64},
    {"xchg b", xchg8},        {"xchg w", xchg16},         {"xchg l", xchg32},           {"xchg q", xchg64},
    {"lock add l", add32},    {"lock sub q", sub64},      {"lock sub w imm", subimm16}, {"lock and b", and8},
    {"lock or l", or32},      {"lock xor q", xor64},      {"lock or q imm", orimm64},   {"lock inc w", inc16},
    {"lock cmpxchg b", cmpxchg8}, {"lock cmpxchg w", cmpxchg16}, {"lock cmpxchg l", cmpxchg32},
    {"lock cmpxchg q", cmpxchg64},
};

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, 0);
  unsigned char* bad = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  // Values whose upper bits would show a result not cut to the operand's width.
  const uint64_t kMem = 0x8899aabbccddeeffull, kRax = 0x1122334455667788ull;
  for (unsigned k = 0; k < sizeof kOps / sizeof kOps[0]; ++k) {
    for (int eq = 0; eq < 2; ++eq) {
      uint64_t rax = 0, m = 0;
      int zf = 0, cf = 0;
      for (int rep = 0; rep < 100; ++rep) {
        mem[0] = kMem;
        rax = eq ? kMem : kRax;  // (cmpxchg: equal, then not; the others: two operands)
        kOps[k].fn(&mem[0], &rax, 0x0102030405060708ull, &zf, &cf);
        m = mem[0];
      }
      printf("%-16s %s rax=%016llx mem=%016llx zf=%d cf=%d\n", kOps[k].name, eq ? "eq " : "neq",
             (unsigned long long)rax, (unsigned long long)m, zf, cf);
    }
  }
  for (unsigned k = 0; k < sizeof kOps / sizeof kOps[0]; ++k) {
    uint64_t rax = kRax;
    int zf, cf;
    int sig = sigsetjmp(jb, 1);
    if (!sig) {
      kOps[k].fn((uint64_t*)(bad + 8), &rax, 1, &zf, &cf);
      printf("%-16s on an unmapped page: no signal\n", kOps[k].name);
    } else {
      printf("%-16s on an unmapped page: signal %d code %d at %s, address page+%lld\n", kOps[k].name, sig, g_code,
             g_rip == g_expect ? "the instruction" : "another pc", (long long)(g_addr - (uint64_t)bad));
    }
  }
  return 0;
}
