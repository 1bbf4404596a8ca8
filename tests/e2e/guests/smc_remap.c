// Code pages whose mapping changes under the same address: unmapped and mapped again
// (RWX, then RW flipped to RX and back by mprotect, then read-only), with new code written
// each time. Every call must run the bytes written last.
//
// Regression guard: retrace learns page protections from /proc/self/maps once and then
// only updates the ranges a guest mmap, mprotect, munmap or brk touches. A range kept from
// an old mapping (read-only, say) and taken for a new writable one at the same address
// would leave the new page unwatched, and rewrites of it would run stale blocks.
#include "sys.h"
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20

static unsigned char* map_at(u64 hint, int prot, int fixed) {
  i64 r = sys6(SYS_mmap, hint, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS | (fixed ? MAP_FIXED : 0), -1, 0);
  if (r < 0 || (r & 4095)) {
    put("mmap failed\n");
    exit_group(1);
  }
  return (unsigned char*)r;
}

static void protect(unsigned char* p, int prot) {
  if (sys6(SYS_mprotect, (u64)p, 4096, prot, 0, 0, 0) != 0) {
    put("mprotect failed\n");
    exit_group(1);
  }
}

// mov eax, imm32; ret
static void emit(unsigned char* p, unsigned v) {
  p[0] = 0xb8;
  p[1] = (unsigned char)v;
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)(v >> 16);
  p[4] = (unsigned char)(v >> 24);
  p[5] = 0xc3;
}

// Called often enough to be translated in the default tier.
static unsigned call_hot(unsigned char* p) {
  unsigned r = 0;
  for (int i = 0; i < 300; i++) r = ((unsigned (*)(void))p)();
  return r;
}

static void show(const char* what, unsigned got, unsigned want) {
  put(what);
  put(" = ");
  putu(got);
  put(got == want ? "\n" : " (stale code)\n");
}

int main_c(u64* sp, u64 rdx) {
  const int rwx = PROT_READ | PROT_WRITE | PROT_EXEC;
  // Mapped read-only, made writable, then RWX: code rewritten in place there afterwards
  // must be seen (the page's protection is the last one, not the first).
  unsigned char* z = map_at(0, PROT_READ, 0);
  protect(z, PROT_READ | PROT_WRITE);
  protect(z, rwx);
  for (unsigned v = 30; v <= 34; v++) {
    emit(z, v);
    show("r-rw-rwx", call_hot(z), v);
  }
  // Read-only first (as a loaded library's text), run, then gone.
  unsigned char* a = map_at(0, PROT_READ | PROT_WRITE, 0);
  emit(a, 1);
  protect(a, PROT_READ | PROT_EXEC);
  show("rx", call_hot(a), 1);
  const u64 where = (u64)a;
  sys6(SYS_munmap, where, 4096, 0, 0, 0, 0);
  // The same address again, writable and executable: rewrites in place must be seen.
  unsigned char* b = map_at(where, rwx, 1);
  for (unsigned v = 2; v <= 7; v++) {
    emit(b, v);
    show("rwx", call_hot(b), v);
  }
  // Flipped between RW (written) and RX (run), as JITs with W^X do.
  for (unsigned v = 10; v <= 13; v++) {
    protect(b, PROT_READ | PROT_WRITE);
    emit(b, v);
    protect(b, PROT_READ | PROT_EXEC);
    show("w^x", call_hot(b), v);
  }
  // Unmapped, then mapped without MAP_FIXED (the kernel may hand back the same page).
  sys6(SYS_munmap, where, 4096, 0, 0, 0, 0);
  unsigned char* c = map_at(0, rwx, 0);
  for (unsigned v = 20; v <= 24; v++) {
    emit(c, v);
    show("again", call_hot(c), v);
  }
  return 0;
}
