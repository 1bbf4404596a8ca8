// Code in an RWX page rewritten in place several times, with code run from a second
// mapping in between (the pattern of HotSpot's inline-cache stubs and call sites: the JVM
// rewrites a few bytes of a stub page again and again while it keeps generating code
// elsewhere). Every call must run the bytes written last.
//
// Regression: retrace write-protects a page when it decodes code from it and re-reads
// /proc/self/maps when it meets a mapping it does not know. Read while page `a` was
// write-protected by retrace, the maps showed `a` as r-x; after the first write fault the
// page was then taken for read-only, never protected again, and later rewrites ran stale
// blocks (OpenJDK's javac crashed in vtable stubs or threw ClassCastException).
#include "sys.h"
#define PROT_RWX 7
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20

static unsigned char* map_rwx(void) {
  i64 r = sys6(SYS_mmap, 0, 4096, PROT_RWX, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (r < 0 || (r & 4095)) {
    put("mmap failed\n");
    exit_group(1);
  }
  return (unsigned char*)r;
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

static unsigned call(unsigned char* p) { return ((unsigned (*)(void))p)(); }

static void show(const char* what, unsigned got, unsigned want) {
  put(what);
  put(" = ");
  putu(got);
  put(got == want ? "\n" : " (stale code)\n");
}

int main_c(u64* sp, u64 rdx) {
  unsigned char* a = map_rwx();
  emit(a, 1);
  show("a", call(a), 1);
  // A second mapping, new to retrace: decoding it re-reads the process's mappings while
  // `a` is write-protected.
  unsigned char* b = map_rwx();
  emit(b, 100);
  show("b", call(b), 100);
  // Rewrite `a` again and again (more often than the write-fault limit after which a page
  // stays writable and its blocks check their bytes), and `b` in between.
  for (unsigned i = 2; i <= 8; i++) {
    emit(a, i);
    show("a", call(a), i);
    if (i % 3 == 0) {
      emit(b, 100 + i);
      show("b", call(b), 100 + i);
    }
  }
  return 0;
}
