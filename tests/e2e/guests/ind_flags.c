// Flags live across indirect jumps and calls. The native tier hands the flags of the last
// flag-setting instruction before an indirect jmp or call on in the host flags, storing
// them only when the target is not one that defines them before reading them: this guest
// jumps and calls, with live flags, into targets that read them (directly, and through a
// direct jmp), that define them first, and faults between the flag setter and the jump
// (the handler must see the flags, and the code after sigreturn must get them back); and
// returns with live flags, which are stored as before.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

// Indirect jmps whose targets read the incoming CF (adc, sbb after a pass-through jmp)
// or define the flags first (cmp).
static uint64_t jumps(uint64_t n) {
  uint64_t acc = 0x1234;
  // Each jmp alternates between two targets (one target would be compared inline, as the
  // profile's prediction).
  __asm__ volatile(
      "1:\n\t"
      "lea 10f(%%rip), %%r12\n\t"
      "lea 11f(%%rip), %%r8\n\t"
      "test $1, %[n]\n\t"
      "cmovnz %%r8, %%r12\n\t"
      "mov %[n], %%rax\n\t"
      "and $3, %%rax\n\t"
      "mov $-1, %%rdx\n\t"
      "add %%rax, %%rdx\n\t"  // CF = (n & 3) != 0
      "jmp *%%r12\n\t"
      "10:\n\t"
      "adc $0, %[acc]\n\t"  // reads it
      "jmp 12f\n\t"
      "11:\n\t"
      "sbb $-3, %[acc]\n\t"  // reads it
      "12:\n\t"
      "lea 20f(%%rip), %%r13\n\t"
      "lea 21f(%%rip), %%r8\n\t"
      "test $2, %[n]\n\t"
      "cmovnz %%r8, %%r13\n\t"
      "mov %[n], %%rax\n\t"
      "sub $5, %%rax\n\t"  // CF = n < 5, then targets that define their own
      "jmp *%%r13\n\t"
      "20:\n\t"
      "cmp $7, %%rax\n\t"
      "adc $0, %[acc]\n\t"
      "jmp 22f\n\t"
      "21:\n\t"
      "test $8, %%al\n\t"
      "setz %%dl\n\t"
      "movzbl %%dl, %%edx\n\t"
      "add %%rdx, %[acc]\n\t"
      "22:\n\t"
      "lea 30f(%%rip), %%r14\n\t"
      "lea 32f(%%rip), %%r8\n\t"
      "test $4, %[n]\n\t"
      "cmovnz %%r8, %%r14\n\t"
      "mov %[n], %%rdx\n\t"
      "xor %%rax, %%rdx\n\t"  // ZF, SF, PF of n ^ (n - 5); CF clear
      "jmp *%%r14\n\t"
      "30:\n\t"
      "jmp 31f\n\t"  // untouched through a direct jmp
      "32:\n\t"
      "lea 1(%[acc]), %[acc]\n\t"
      "jmp 31f\n\t"
      "31:\n\t"
      "setp %%al\n\t"
      "sets %%dl\n\t"
      "movzbl %%al, %%eax\n\t"
      "movzbl %%dl, %%edx\n\t"
      "lea (%%rax, %%rdx, 2), %%rax\n\t"
      "imul $31, %[acc], %[acc]\n\t"
      "add %%rax, %[acc]\n\t"
      "dec %[n]\n\t"
      "jnz 1b\n\t"
      : [acc] "+r"(acc), [n] "+r"(n)
      :
      : "rax", "rdx", "r8", "r12", "r13", "r14", "cc", "memory");
  return acc;
}

// Indirect calls with live flags: a callee that reads CF first, one that defines them.
static uint64_t calls(uint64_t n) {
  uint64_t acc = 0;
  __asm__ volatile(
      "sub $128, %%rsp\n\t"  // (past the red zone)
      "jmp 2f\n\t"
      "40:\n\t"
      "setc %%cl\n\t"
      "movzbl %%cl, %%ecx\n\t"
      "add %%rcx, %[acc]\n\t"
      "ret\n\t"
      "41:\n\t"
      "setnc %%cl\n\t"
      "movzbl %%cl, %%ecx\n\t"
      "lea (%[acc], %%rcx, 2), %[acc]\n\t"
      "ret\n\t"
      "50:\n\t"
      "test %%rax, %%rax\n\t"
      "setz %%cl\n\t"
      "movzbl %%cl, %%ecx\n\t"
      "lea (%[acc], %%rcx, 4), %[acc]\n\t"
      "ret\n\t"
      "51:\n\t"
      "cmp $1, %%rax\n\t"
      "adc $16, %[acc]\n\t"
      "ret\n\t"
      "2:\n\t"
      "lea 40b(%%rip), %%r12\n\t"
      "lea 41b(%%rip), %%r8\n\t"
      "test $2, %[n]\n\t"
      "cmovnz %%r8, %%r12\n\t"
      "lea 50b(%%rip), %%r13\n\t"
      "lea 51b(%%rip), %%r8\n\t"
      "test $4, %[n]\n\t"
      "cmovnz %%r8, %%r13\n\t"
      "mov %[n], %%rax\n\t"
      "and $1, %%rax\n\t"
      "xor %%edx, %%edx\n\t"
      "sub %%rax, %%rdx\n\t"  // CF = n odd
      "call *%%r12\n\t"
      "mov %[n], %%rax\n\t"
      "and $2, %%rax\n\t"
      "or $0, %%rax\n\t"
      "call *%%r13\n\t"
      "dec %[n]\n\t"
      "jnz 2b\n\t"
      "add $128, %%rsp\n\t"
      : [acc] "+r"(acc), [n] "+r"(n)
      :
      : "rax", "rcx", "rdx", "r8", "r12", "r13", "cc", "memory");
  return acc;
}

// Rets with live flags (an epilogue's add, an or) to return sites that read them and to
// ones that define them first, from the same callee.
static uint64_t rets(uint64_t n) {
  uint64_t acc = 0;
  __asm__ volatile(
      "sub $128, %%rsp\n\t"  // (past the red zone)
      "jmp 2f\n\t"
      "70:\n\t"  // flags from an epilogue-like add
      "sub $24, %%rsp\n\t"
      "mov %[n], %%rax\n\t"
      "and $7, %%rax\n\t"
      "mov %%rax, 8(%%rsp)\n\t"
      "mov $-4, %%rdx\n\t"
      "add 8(%%rsp), %%rdx\n\t"  // CF = (n & 7) >= 4
      "lea 24(%%rsp), %%rsp\n\t"
      "ret\n\t"
      "71:\n\t"
      "mov %[n], %%rax\n\t"
      "and $6, %%rax\n\t"
      "or $0, %%rax\n\t"  // ZF = !(n & 6)
      "ret\n\t"
      "2:\n\t"
      "call 70b\n\t"
      "adc $0, %[acc]\n\t"  // reads CF
      "call 70b\n\t"
      "cmp $5, %%rax\n\t"  // defines them
      "adc $2, %[acc]\n\t"
      "call 71b\n\t"
      "setz %%dl\n\t"  // reads ZF
      "movzbl %%dl, %%edx\n\t"
      "lea (%[acc], %%rdx, 8), %[acc]\n\t"
      "call 71b\n\t"
      "test $1, %[n]\n\t"  // defines them
      "setz %%dl\n\t"
      "movzbl %%dl, %%edx\n\t"
      "imul $7, %[acc], %[acc]\n\t"
      "add %%rdx, %[acc]\n\t"
      "dec %[n]\n\t"
      "jnz 2b\n\t"
      "add $128, %%rsp\n\t"
      : [acc] "+r"(acc), [n] "+r"(n)
      :
      : "rax", "rdx", "cc", "memory");
  return acc;
}

// A fault between the flag setter and the indirect jmp: the handler sees the flags in its
// context, points rsi at readable memory and returns; the target then reads them.
static volatile uint64_t g_flags_seen, g_faults;
static uint64_t good = 7;
static void on_segv(int sig, siginfo_t* si, void* uv) {
  ucontext_t* u = uv;
  g_flags_seen = g_flags_seen * 3 + (u->uc_mcontext.gregs[REG_EFL] & 0x8d5);
  u->uc_mcontext.gregs[REG_RSI] = (greg_t)&good;
  g_faults++;
}
static uint64_t faults(const void* bad, uint64_t x, uint64_t y, int other) {
  uint64_t out;
  __asm__ volatile(
      "lea 60f(%%rip), %%r12\n\t"
      "lea 61f(%%rip), %%r8\n\t"
      "test %[other], %[other]\n\t"
      "cmovnz %%r8, %%r12\n\t"
      "mov %[bad], %%rsi\n\t"
      "mov %[x], %%rax\n\t"
      "add %[y], %%rax\n\t"
      "mov (%%rsi), %%rdx\n\t"  // faults
      "jmp *%%r12\n\t"
      "61:\n\t"
      "setnp %%dl\n\t"
      "movzbl %%dl, %%edx\n\t"
      "add %%rdx, %%rax\n\t"
      "60:\n\t"
      "setc %%cl\n\t"
      "seto %%ch\n\t"
      "setz %%dl\n\t"
      "sets %%dh\n\t"
      "movzwl %%cx, %%ecx\n\t"
      "movzwl %%dx, %%edx\n\t"
      "shl $16, %%rdx\n\t"
      "lea (%%rcx, %%rdx), %[out]\n\t"
      : [out] "=r"(out)
      : [bad] "r"(bad), [x] "r"(x), [y] "r"(y), [other] "r"(other)
      : "rax", "rcx", "rdx", "rsi", "r8", "r12", "cc", "memory");
  return out;
}

int main(void) {
  printf("jumps: %llx\n", (unsigned long long)jumps(1000));
  printf("calls: %llx\n", (unsigned long long)calls(1000));
  printf("rets: %llx\n", (unsigned long long)rets(1000));
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, 0);
  void* bad = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static const uint64_t vals[] = {0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, 0x80, 0xff};
  uint64_t acc = 0;
  for (int i = 0; i < 140; ++i) {
    const uint64_t x = vals[i % 7], y = vals[(i / 7) % 7];
    acc = acc * 131 + faults(bad, x, y, i & 1);
  }
  printf("faults: %llu, flags seen %llx, after sigreturn %llx\n", (unsigned long long)g_faults,
         (unsigned long long)g_flags_seen, (unsigned long long)acc);
  return 0;
}
