// Threads: lock adc, lock sbb and lock neg on shared counters from 4 threads. Each is a
// read-modify-write with no atomic instruction of its own on the host: retrace does it as
// a compare-and-swap, and retries the instruction when another thread got in between (it
// had lost such updates). Then single-threaded: the flags each one leaves.
#include <pthread.h>
#include <stdio.h>

static long x, y, z = 5;

static void* work(void* arg) {
  for (int i = 0; i < 100000; i++) {
    __asm__ volatile("stc\n\tlock adcq $0, %0" : "+m"(x) : : "cc");  // x += 0 + CF
    __asm__ volatile("stc\n\tlock sbbq $1, %0" : "+m"(y) : : "cc");  // y -= 1 + CF
    __asm__ volatile("lock negq %0" : "+m"(z) : : "cc");              // an even count: z as it was
    __asm__ volatile("lock negl %0" : "+m"(*(int*)&z) : : "cc");     // (and the low half's)
    __asm__ volatile("lock negl %0" : "+m"(*(int*)&z) : : "cc");
  }
  return NULL;
}

static unsigned flags_after(const char* which, long* p) {
  unsigned char cf, zf, sf, of;
  if (which[0] == 'a')
    __asm__ volatile("stc\n\tlock adcq $0, %4\n\tsetc %0\n\tsetz %1\n\tsets %2\n\tseto %3"
                     : "=r"(cf), "=r"(zf), "=r"(sf), "=r"(of), "+m"(*p) : : "cc");
  else if (which[0] == 's')
    __asm__ volatile("stc\n\tlock sbbq $0, %4\n\tsetc %0\n\tsetz %1\n\tsets %2\n\tseto %3"
                     : "=r"(cf), "=r"(zf), "=r"(sf), "=r"(of), "+m"(*p) : : "cc");
  else
    __asm__ volatile("lock negq %4\n\tsetc %0\n\tsetz %1\n\tsets %2\n\tseto %3"
                     : "=r"(cf), "=r"(zf), "=r"(sf), "=r"(of), "+m"(*p) : : "cc");
  return cf | zf << 1 | sf << 2 | of << 3;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, NULL);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  printf("x %ld y %ld z %ld\n", x, y, z);
  long v[] = {-1, 0x7fffffffffffffff, 0, (long)0x8000000000000000ull};
  for (int k = 0; k < 4; k++) {
    long a = v[k], s = v[k], n = v[k];
    unsigned fa = flags_after("adc", &a), fs = flags_after("sbb", &s), fn = flags_after("neg", &n);
    printf("%lx: adc %lx cf/zf/sf/of %x, sbb %lx %x, neg %lx %x\n", v[k], a, fa, s, fs, n, fn);
  }
  return 0;
}
