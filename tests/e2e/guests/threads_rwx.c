// Threads and self-modifying code without mprotect: main patches an immediate inside an
// RWX page in place while a second thread runs that code between patches. With an
// argument, the runner waits by spinning on an atomic flag (no syscall between the patch
// becoming visible and running it), otherwise on a condition variable.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static atomic_int version, done_version;
static int spin_mode;
static long result;
static unsigned char* code;

static void* runner(void* arg) {
  for (int seen = 0; seen < 40;) {
    if (spin_mode) {
      while (atomic_load(&version) == seen) {
      }
    } else {
      pthread_mutex_lock(&m);
      while (atomic_load(&version) == seen) pthread_cond_wait(&cv, &m);
      pthread_mutex_unlock(&m);
    }
    seen = atomic_load(&version);
    int (*fn)(void) = (int (*)(void))code;
    long sum = 0;
    for (int i = 0; i < 100; i++) sum += fn();
    result = sum;
    if (spin_mode) {
      atomic_store(&done_version, seen);
    } else {
      pthread_mutex_lock(&m);
      atomic_store(&done_version, seen);
      pthread_cond_broadcast(&cv);
      pthread_mutex_unlock(&m);
    }
  }
  return arg;
}

int main(int argc, char** argv) {
  spin_mode = argc > 1;
  code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED) return 1;
  // mov eax, imm32 ; add eax, 0 ; ret
  static const unsigned char tmpl[] = {0xb8, 0, 0, 0, 0, 0x83, 0xc0, 0x00, 0xc3};
  memcpy(code, tmpl, sizeof tmpl);
  pthread_t t;
  pthread_create(&t, NULL, runner, NULL);
  int bad = 0;
  for (int v = 1; v <= 40; v++) {
    memcpy(code + 1, &v, 4);  // patch in place
    if (spin_mode) {
      atomic_store(&version, v);
      while (atomic_load(&done_version) != v) {
      }
    } else {
      pthread_mutex_lock(&m);
      atomic_store(&version, v);
      pthread_cond_broadcast(&cv);
      while (atomic_load(&done_version) != v) pthread_cond_wait(&cv, &m);
      pthread_mutex_unlock(&m);
    }
    if (result != 100L * v) bad++;
  }
  pthread_join(t, NULL);
  printf("%d stale results\n", bad);
  return bad != 0;
}
