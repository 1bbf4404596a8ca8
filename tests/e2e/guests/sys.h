// Freestanding support for the e2e guests: raw syscalls, _start, tiny printing helpers.
// Built with -nostdlib -ffreestanding -mgeneral-regs-only, so guests use only the
// instructions any tier runs; no libc, no SSE.
#pragma once

typedef unsigned long u64;
typedef long i64;

static inline i64 sys6(i64 n, u64 a, u64 b, u64 c, u64 d, u64 e, u64 f) {
  i64 r;
  register u64 r10 __asm__("r10") = d;
  register u64 r8 __asm__("r8") = e;
  register u64 r9 __asm__("r9") = f;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return r;
}
#define sys0(n) sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6(n, (u64)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6(n, (u64)(a), (u64)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6(n, (u64)(a), (u64)(b), (u64)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (u64)(a), (u64)(b), (u64)(c), (u64)(d), 0, 0)
#define sys5(n, a, b, c, d, e) sys6(n, (u64)(a), (u64)(b), (u64)(c), (u64)(d), (u64)(e), 0)

enum { SYS_read = 0, SYS_write = 1, SYS_open = 2, SYS_close = 3, SYS_mmap = 9, SYS_mprotect = 10,
       SYS_munmap = 11, SYS_brk = 12, SYS_readlink = 89, SYS_exit = 60, SYS_arch_prctl = 158,
       SYS_exit_group = 231, SYS_getpid = 39, SYS_uname = 63 };

static inline u64 slen(const char* s) { u64 n = 0; while (s[n]) n++; return n; }
static inline void put(const char* s) { sys3(SYS_write, 1, s, slen(s)); }
static inline void putn(const char* s, u64 n) { sys3(SYS_write, 1, s, n); }
static inline void putu(u64 v) {
  char b[24]; int i = 23; b[i] = 0;
  do { b[--i] = (char)('0' + v % 10); v /= 10; } while (v);
  put(b + i);
}
static inline void puti(i64 v) { if (v < 0) { put("-"); putu((u64)-v); } else putu((u64)v); }
static inline void putx(u64 v) {
  char b[20]; int i = 19; b[i] = 0;
  do { b[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
  b[--i] = 'x'; b[--i] = '0';
  put(b + i);
}
static inline void memset_(void* p, int c, u64 n) { volatile char* q = (volatile char*)p; while (n--) *q++ = (char)c; }
static inline int memeq(const void* a, const void* b, u64 n) { const char* x = (const char*)a; const char* y = (const char*)b; while (n--) if (*x++ != *y++) return 0; return 1; }
static inline int streq(const char* a, const char* b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static inline void check(const char* what, int ok) { put(what); put(ok ? ": ok\n" : ": FAILED\n"); }
static inline void __attribute__((noreturn)) exit_group(int code) {
  sys1(SYS_exit_group, code);
  __builtin_unreachable();
}

// _start: rdi = initial rsp (argc), rsi = initial rdx (the kernel's atexit hook: 0).
int main_c(u64* sp, u64 rdx);
__asm__(".globl _start\n"
        "_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov %rsp, %rdi\n"
        "  mov %rdx, %rsi\n"
        "  call start_c\n"
        "  hlt\n");
void __attribute__((used, noreturn)) start_c(u64* sp, u64 rdx) { exit_group(main_c(sp, rdx)); }
