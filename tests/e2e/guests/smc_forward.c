// Code that rewrites the next block it runs, reached through a forward jump: the store
// faults on the write-protected page (retrace drops the stale translation at its next
// safe point) and the jmp is a forward edge. In the native tier forward chains may enter
// a block past its pending-exit poll; they must not for code on a page the guest can
// write, or the old translation of `patch` runs once more after each rewrite.
//
//   f(_, _, _, c):  mov [rip+3], cl     ; the imm8 of the mov below
//                   jmp patch           ; forward: ends the block
//          patch:   mov eax, 0          ; imm rewritten each call
//                   ret
#include "sys.h"
#define PROT_RWX 7
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20

static const unsigned char kCode[] = {
    0x88, 0x0d, 0x03, 0x00, 0x00, 0x00,  // mov [rip+3], cl
    0xeb, 0x00,                          // jmp +0 (patch)
    0xb8, 0x00, 0x00, 0x00, 0x00,        // patch: mov eax, imm32
    0xc3,                                // ret
};

int main_c(u64* sp, u64 rdx) {
  (void)sp;
  (void)rdx;
  i64 r = sys6(SYS_mmap, 0, 4096, PROT_RWX, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (r < 0) {
    put("mmap failed\n");
    return 1;
  }
  unsigned char* p = (unsigned char*)r;
  for (unsigned i = 0; i < sizeof kCode; ++i) p[i] = kCode[i];
  unsigned (*f)(u64, u64, u64, u64) = (unsigned (*)(u64, u64, u64, u64))p;
  unsigned stale = 0;
  for (unsigned i = 1; i <= 40; ++i) {
    unsigned got = f(0, 0, 0, i);
    if (got != i) {
      put("call ");
      putu(i);
      put(" returned ");
      putu(got);
      put(" (stale code)\n");
      stale++;
    }
  }
  put(stale ? "stale results\n" : "all 40 calls ran the bytes written last\n");
  return stale ? 1 : 0;
}
