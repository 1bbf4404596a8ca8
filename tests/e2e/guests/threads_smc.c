// Threads: one thread rewrites code (mprotect RW, write, mprotect RX; and munmap + mmap
// MAP_FIXED at the same address) that another thread runs. The runner must never see a
// stale translation: every thread's blocks from the changed range are dropped.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int version, done_version, stop;
static long result;
static unsigned char* code;

static void emit(int v) {
  // mov eax, v ; add eax, 0 ; ret
  unsigned char buf[] = {0xb8, 0, 0, 0, 0, 0x83, 0xc0, 0x00, 0xc3};
  memcpy(buf + 1, &v, 4);
  memcpy(code, buf, sizeof buf);
}

static void* runner(void* arg) {
  int seen = 0;
  for (;;) {
    pthread_mutex_lock(&m);
    while (version == seen && !stop) pthread_cond_wait(&cv, &m);
    if (stop) {
      pthread_mutex_unlock(&m);
      return arg;
    }
    seen = version;
    pthread_mutex_unlock(&m);
    int (*fn)(void) = (int (*)(void))code;
    long sum = 0;
    for (int i = 0; i < 100; i++) sum += fn();  // often enough to be translated
    pthread_mutex_lock(&m);
    result = sum;
    done_version = seen;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
  }
}

int main(void) {
  code = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED) return 1;
  emit(0);
  mprotect(code, 4096, PROT_READ | PROT_EXEC);
  pthread_t t;
  pthread_create(&t, NULL, runner, NULL);
  int bad = 0;
  for (int v = 1; v <= 40; v++) {
    pthread_mutex_lock(&m);
    if (v % 4 == 0) {  // replace the mapping itself
      munmap(code, 4096);
      void* p = mmap(code, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
      if (p != code) return 2;
    } else {
      mprotect(code, 4096, PROT_READ | PROT_WRITE);
    }
    emit(v);
    mprotect(code, 4096, PROT_READ | PROT_EXEC);
    version = v;
    pthread_cond_broadcast(&cv);
    while (done_version != v) pthread_cond_wait(&cv, &m);
    if (result != 100L * v) bad++;
    printf("version %d: %ld\n", v, result);
    pthread_mutex_unlock(&m);
  }
  pthread_mutex_lock(&m);
  stop = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&m);
  pthread_join(t, NULL);
  printf("%d stale results\n", bad);
  return bad != 0;
}
