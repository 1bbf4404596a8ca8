// Calls and returns in every shape the native tier's return-address stack must survive:
// deep recursion (past its depth limit), mutual recursion, indirect calls through
// function pointers, returns that do not match their call (longjmp in a loop, a callee
// that replaces its own return address, call/pop to read the pc), and ret imm16.
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static uint64_t depth(uint64_t n) {
  if (n == 0) return 1;
  return depth(n - 1) * 3 + n;  // not a tail call
}

__attribute__((noinline)) static int is_odd(unsigned n);
__attribute__((noinline)) static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1) + 0 * n; }
__attribute__((noinline)) static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1) + 0 * n; }

typedef uint64_t (*op_fn)(uint64_t, uint64_t);
__attribute__((noinline)) static uint64_t op_add(uint64_t a, uint64_t b) { return a + b; }
__attribute__((noinline)) static uint64_t op_mul(uint64_t a, uint64_t b) { return a * b + 1; }
__attribute__((noinline)) static uint64_t op_xor(uint64_t a, uint64_t b) { return (a ^ b) + 7; }

static jmp_buf jb;
__attribute__((noinline)) static void jump_out(int v) {
  if (v >= 0) longjmp(jb, v + 1);
}
__attribute__((noinline)) static int nested_jump(int v, int levels) {
  if (levels == 0) {
    jump_out(v);
    return -1;
  }
  return nested_jump(v, levels - 1) + 1;
}

// Replaces its own return address: returns to `landing` instead of its caller.
uint64_t hijack_count;
void landing(void);
__attribute__((noinline, naked, used)) void hijack(void) {
  __asm__ volatile(
      "lea landing(%rip), %rax\n"
      "mov %rax, (%rsp)\n"
      "incq hijack_count(%rip)\n"
      "ret\n");
}
__attribute__((noinline)) static uint64_t via_hijack(void) {
  uint64_t r;
  // hijack returns to `landing`, which jumps back here past the call.
  __asm__ volatile(
      "call hijack\n"
      "jmp 2f\n"
      ".globl landing\n"
      "landing:\n"
      "mov $42, %%rax\n"
      "jmp 3f\n"
      "2: mov $1, %%rax\n"
      "3:\n"
      : "=a"(r)
      :
      : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  return r;
}

// call/pop: reads its own address; the call never returns.
__attribute__((noinline)) static uint64_t get_pc_delta(void) {
  uint64_t a, b;
  __asm__ volatile("call 1f\n1: pop %0\n call 2f\n2: pop %1\n" : "=r"(a), "=r"(b));
  return b - a;
}

// ret $16: the callee pops its stack arguments.
__attribute__((noinline)) static uint64_t ret_imm(void) {
  uint64_t r;
  __asm__ volatile(
      "push $5\n"
      "push $9\n"
      "call 1f\n"
      "jmp 2f\n"
      "1: mov 8(%%rsp), %%rax\n"
      "add 16(%%rsp), %%rax\n"
      "ret $16\n"
      "2:\n"
      : "=a"(r)
      :
      : "memory");
  return r;
}

int main(int argc, char** argv) {
  // Deep: 200000 frames, past the return-address stack's 32768.
  uint64_t d = depth(200000);
  printf("depth %llu\n", (unsigned long long)d);
  printf("even %d odd %d\n", is_even(100001), is_odd(100001));

  op_fn ops[3] = {op_add, op_mul, op_xor};
  uint64_t acc = 1;
  for (int i = 0; i < 300000; ++i) acc = ops[(i * 7 + (int)(acc & 1)) % 3](acc, (uint64_t)i);
  printf("indirect %llu\n", (unsigned long long)acc);

  // 50000 longjmps out of nested frames: returns that never come back.
  int total = 0;
  for (int i = 0; i < 50000; ++i) {
    int v = setjmp(jb);
    if (v == 0) nested_jump(i & 15, i % 5);
    else total += v;
  }
  printf("longjmp %d\n", total);

  uint64_t h = 0;
  for (int i = 0; i < 40000; ++i) h += via_hijack();
  printf("hijack %llu count %llu\n", (unsigned long long)h, (unsigned long long)hijack_count);

  uint64_t pcd = 0;
  for (int i = 0; i < 40000; ++i) pcd += get_pc_delta();
  printf("getpc %llu\n", (unsigned long long)pcd);

  uint64_t r = 0;
  for (int i = 0; i < 1000; ++i) r += ret_imm();
  printf("ret_imm %llu\n", (unsigned long long)r);

  // Deep again after all the unmatched frames: still right.
  printf("depth2 %llu\n", (unsigned long long)depth(50000 + (uint64_t)argc));
  (void)argv;
  return 0;
}
