// Flag decisions that rest on another page's code. A block whose successors define the
// flags before reading them drops its own flag stores (flags dead at its exit), and a
// block that defines them first (or passes them to blocks that do) may be entered by an
// indirect jmp/call that left them unstored. When the successor's page is rewritten
// (mprotect RW, write, mprotect RX) or replaced (munmap, then a file mapped at the same
// address, never writable) by code that reads the flags, those decisions must go too.
// (From the thirteenth session's review, which found both stale in the native tier.)
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const uint8_t kDefines[] = {0x31, 0xc0, 0xb8, 5, 0, 0, 0, 0xc3};        // xor eax,eax; mov eax,5; ret
static const uint8_t kReads[] = {0x9c, 0x58, 0x25, 0xd5, 0x08, 0, 0, 0xc3};    // pushfq; pop rax; and eax,0x8d5; ret

// An indirect call with CF=1 ZF=1 (from an add in the caller's block) or CF=0 ZF=0.
__attribute__((noinline)) static uint64_t call_flags(void* target, int set) {
  uint64_t r;
  __asm__ volatile(
      "mov %[v], %%rcx\n\t"
      "add $1, %%rcx\n\t"
      "call *%[t]\n\t"
      "mov %%rax, %[r]\n\t"
      : [r] "=r"(r)
      : [t] "r"(target), [v] "r"(set ? (uint64_t)-1 : (uint64_t)1)
      : "rax", "rcx", "rdx", "cc", "memory");
  return r;
}
// A plain call (the callee sets the flags itself).
__attribute__((noinline)) static uint64_t call_plain(void* target) {
  uint64_t r;
  __asm__ volatile("call *%[t]\n\tmov %%rax, %[r]" : [r] "=r"(r) : [t] "r"(target) : "rax", "rcx", "rdx", "cc", "memory");
  return r;
}

static void put_jmp(uint8_t* at, const uint8_t* to) {
  const int32_t rel = (int32_t)(to - (at + 5));
  at[0] = 0xe9;
  memcpy(at + 1, &rel, 4);
}

// A page of code from a file, mapped read+exec at `at`.
static void map_code(uint8_t* at, const uint8_t* bytes, size_t n) {
  char path[] = "/tmp/retrace-flags-stale-XXXXXX";
  int fd = mkstemp(path);
  uint8_t page[4096] = {0};
  memcpy(page, bytes, n);
  if (fd < 0 || write(fd, page, sizeof page) != (ssize_t)sizeof page) exit(2);
  if (mmap(at, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) exit(3);
  close(fd);
  unlink(path);
}

int main(void) {
  // 1. B (page 0) = jmp C; C (page 1) defines the flags, then is rewritten to read them.
  //    Calls alternate between B and D (xor eax,eax; ret) so no target is predicted.
  uint8_t* area = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint8_t *B = area + 0x100, *D = area + 0x200, *C = area + 4096;
  put_jmp(B, C);
  D[0] = 0x31, D[1] = 0xc0, D[2] = 0xc3;
  memcpy(C, kDefines, sizeof kDefines);
  mprotect(area, 8192, PROT_READ | PROT_EXEC);
  uint64_t s = 0;
  for (int i = 0; i < 200; ++i) s += call_flags(i & 1 ? (void*)B : (void*)D, 1) + call_flags(D, 0);
  printf("rewritten, before: %llu\n", (unsigned long long)s);
  mprotect(C, 4096, PROT_READ | PROT_WRITE);
  memcpy(C, kReads, sizeof kReads);
  mprotect(C, 4096, PROT_READ | PROT_EXEC);
  for (int i = 0; i < 3; ++i)
    printf("rewritten, after: with CF %#llx, without %#llx\n", (unsigned long long)call_flags(B, 1),
           (unsigned long long)call_flags(B, 0));

  // 2. The same with C's page replaced by a file mapping (as dlclose and dlopen would).
  uint8_t* area2 = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint8_t *B2 = area2 + 0x100, *D2 = area2 + 0x200, *C2 = area2 + 4096;
  map_code(C2, kDefines, sizeof kDefines);
  put_jmp(B2, C2);
  D2[0] = 0x31, D2[1] = 0xc0, D2[2] = 0xc3;
  mprotect(area2, 4096, PROT_READ | PROT_EXEC);
  s = 0;
  for (int i = 0; i < 200; ++i) s += call_flags(i & 1 ? (void*)B2 : (void*)D2, 1);
  printf("remapped, before: %llu\n", (unsigned long long)s);
  munmap(C2, 4096);
  map_code(C2, kReads, sizeof kReads);
  for (int i = 0; i < 3; ++i) printf("remapped, after: with CF %#llx\n", (unsigned long long)call_flags(B2, 1));

  // 3. A direct jmp: A = mov rcx,-1; add rcx,1; jmp C3, with C3 rewritten.
  uint8_t* area3 = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint8_t *A3 = area3 + 0x100, *C3 = area3 + 4096;
  const uint8_t a[] = {0x48, 0xc7, 0xc1, 0xff, 0xff, 0xff, 0xff, 0x48, 0x83, 0xc1, 0x01};
  memcpy(A3, a, sizeof a);
  put_jmp(A3 + sizeof a, C3);
  memcpy(C3, kDefines, sizeof kDefines);
  mprotect(area3, 8192, PROT_READ | PROT_EXEC);
  s = 0;
  for (int i = 0; i < 200; ++i) s += call_plain(A3);
  printf("direct, before: %llu\n", (unsigned long long)s);
  mprotect(C3, 4096, PROT_READ | PROT_WRITE);
  memcpy(C3, kReads, sizeof kReads);
  mprotect(C3, 4096, PROT_READ | PROT_EXEC);
  for (int i = 0; i < 3; ++i) printf("direct, after: %#llx\n", (unsigned long long)call_plain(A3));
  return 0;
}
