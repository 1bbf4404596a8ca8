// Indirect jumps and calls against the native tier's predicted targets: sites that go to
// one target long enough to be translated with an inline compare and a chained jump or
// call there (the interpreter's indirect-target profile), and then go somewhere else.
// - calls through a function pointer that changes after hundreds of calls (and back);
// - sibling calls (jmp *reg at -O2) through a pointer that changes;
// - calls into libc through the GOT (targets above 4 GiB in a PIE's address space);
// - a switch jump table whose case is constant for a long run, then varies;
// - computed gotos (an interpreter's dispatch: never one target).
// The checksums must match native in every tier.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t (*fn_t)(uint64_t);
__attribute__((noinline)) static uint64_t f_add(uint64_t x) { return x + 3; }
__attribute__((noinline)) static uint64_t f_mul(uint64_t x) { return x * 5 + 1; }
__attribute__((noinline)) static uint64_t f_xor(uint64_t x) { return (x ^ 0x5a5a) + 7; }

// volatile: the compiler cannot turn the calls through it into direct ones.
static fn_t volatile current = f_add;

__attribute__((noinline)) static uint64_t call_through(uint64_t x) { return current(x) + 1; }
// A sibling call: `jmp *reg` at -O2 (no frame of its own).
__attribute__((noinline)) static uint64_t tail_through(uint64_t x) { return current(x); }

__attribute__((noinline)) static uint64_t sw(unsigned k, uint64_t x) {
  switch (k) {
    case 0: return x + 11;
    case 1: return x * 3;
    case 2: return x ^ 0xff;
    case 3: return x - 5;
    case 4: return x << 1;
    case 5: return x >> 1;
    case 6: return ~x;
    default: return x + k;
  }
}

__attribute__((noinline)) static uint64_t run_ops(const unsigned char* prog, size_t n, uint64_t acc) {
  static void* const ops[] = {&&op_inc, &&op_dbl, &&op_neg, &&op_end};
  size_t pc = 0;
#define NEXT goto* ops[pc < n ? prog[pc++] : 3]
  NEXT;
op_inc:
  acc += 1;
  NEXT;
op_dbl:
  acc *= 2;
  NEXT;
op_neg:
  acc = ~acc;
  NEXT;
op_end:
  return acc;
#undef NEXT
}

int main(int argc, char** argv) {
  (void)argv;
  uint64_t sum = 0;
  // Phases: one target for 3000 calls (translated with it predicted), another for 1000
  // (every call misses the prediction), the first again, then alternating.
  const fn_t order[] = {f_add, f_mul, f_add, f_xor};
  const int runs[] = {3000, 1000, 1000, 0};
  for (int phase = 0; phase < 4; ++phase) {
    for (int i = 0; i < (runs[phase] ? runs[phase] : 2000); ++i) {
      current = runs[phase] ? order[phase] : ((i & 1) ? f_mul : f_xor);
      sum = sum * 31 + call_through((uint64_t)i + (uint64_t)argc);
      sum = sum * 31 + tail_through((uint64_t)i);
    }
  }
  printf("calls %llu\n", (unsigned long long)sum);

  // Through libc (PLT/GOT): always the same targets.
  char buf[64], out[64];
  uint64_t lib = 0;
  for (int i = 0; i < 4000; ++i) {
    snprintf(buf, sizeof buf, "%d", i);
    lib += strlen(buf);
    memcpy(out, buf, sizeof buf);
    lib += (unsigned char)out[0] + (uint64_t)strtoul(buf, NULL, 10);
  }
  printf("libc %llu\n", (unsigned long long)lib);

  // A switch: case 2 for a long run, then every case.
  uint64_t s = 1;
  for (int i = 0; i < 3000; ++i) s = sw(2, s) + (uint64_t)i;
  for (int i = 0; i < 3000; ++i) s = sw((unsigned)(i * 7) % 9, s);
  printf("switch %llu\n", (unsigned long long)s);

  // Computed gotos: the dispatch sites never settle on one target.
  unsigned char prog[97];
  for (size_t i = 0; i < sizeof prog; ++i) prog[i] = (unsigned char)((i * 5 + i / 3) % 3);
  uint64_t acc = 0;
  for (int i = 0; i < 500; ++i) acc = run_ops(prog, sizeof prog - (size_t)(i % 7), acc + (uint64_t)i);
  printf("goto %llu\n", (unsigned long long)acc);
  return 0;
}
