// Integer-loop benchmark guest: freestanding (no libc), so it runs under every tier from
// the first day. Usage: intloop [ITERATIONS]; prints a checksum so runs can be compared.
typedef unsigned long u64;

static long sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}

static u64 parse(const char* s) {
  u64 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u64)(*s++ - '0');
  return v;
}

static int fmt(char* out, u64 v) {
  char tmp[24];
  int n = 0, k = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) out[k++] = tmp[--n];
  return k;
}

__attribute__((noinline)) static u64 work(u64 n) {
  u64 a = 1, b = 0x9e3779b97f4a7c15ull, c = 0;
  for (u64 i = 0; i < n; ++i) {
    a += i ^ b;
    b = (b << 7) | (b >> 57);
    c += (a & 0xff) * 3;
    if (a & 0x100) c ^= b;
    b -= c;
  }
  return a ^ b ^ c;
}

__attribute__((used)) static void start_c(long* sp) {
  long argc = sp[0];
  char** argv = (char**)(sp + 1);
  u64 n = argc > 1 ? parse(argv[1]) : 50000000;
  u64 r = work(n);
  char buf[64];
  int k = fmt(buf, r);
  buf[k++] = '\n';
  sys3(1, 1, (long)buf, k);
  sys3(231, 0, 0, 0);
}

__asm__(".globl _start\n_start:\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call start_c\n  hlt\n");
