// Threads racing the write-protection SMC watch, as HotSpot's GC and compiler threads do on
// its code heap. Many RWX pages each hold a small function and data.
//
//   faults    Per page and round: every thread calls the page's function (so it is decoded
//             and the page write-protected), meets the others at a spin barrier, then all
//             write into the page at once, thread 0 rewriting the function's immediate.
//             Several threads then take a write fault on the same page together; each
//             fault must be taken as the watch's, also one whose handler runs after another
//             thread's has given the page back. After the next barrier every thread must see
//             the new immediate.
//   mprotect  One thread keeps mprotecting a code page RWX (unchanged) and writing data into
//             it while another keeps running code from it (each mprotect drops the page's
//             blocks, so it is decoded and write-protected again while the guest's mprotect
//             is under way).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

enum { kThreads = 3, kPages = 512, kRounds = 3, kPage = 4096 };
static unsigned char* pages;
static atomic_int arrived;
static atomic_int generation;
static atomic_long mismatches;

static void barrier(void) {
  int gen = atomic_load(&generation);
  if (atomic_fetch_add(&arrived, 1) == kThreads - 1) {
    atomic_store(&arrived, 0);
    atomic_fetch_add(&generation, 1);
    return;
  }
  for (int spins = 0; atomic_load(&generation) == gen; spins++)
    if (spins > 200) sched_yield();  // two cores: a waiter must not starve the last thread
}

static void emit(unsigned char* p, int v) {
  // mov eax, v ; ret
  unsigned char buf[] = {0xb8, 0, 0, 0, 0, 0xc3};
  memcpy(buf + 1, &v, 4);
  memcpy(p, buf, sizeof buf);
}

static void* fault_worker(void* arg) {
  long id = (long)arg;
  for (int pg = 0; pg < kPages; pg++) {
    unsigned char* p = pages + (long)pg * kPage;
    int (*fn)(void) = (int (*)(void))p;
    for (int r = 0; r < kRounds; r++) {
      if (fn() != pg * 16 + r) atomic_fetch_add(&mismatches, 1);
      barrier();
      if (id == 0) emit(p, pg * 16 + r + 1);
      else *(volatile long*)(p + 2048 + 64 * id) = r;
      barrier();
    }
    if (fn() != pg * 16 + kRounds) atomic_fetch_add(&mismatches, 1);
  }
  return NULL;
}

static atomic_int stop;
static atomic_int runner_started;
static void* runner(void* arg) {
  int (*fn)(void) = (int (*)(void))pages;
  long s = fn();
  atomic_store(&runner_started, 1);
  while (!atomic_load(&stop)) s += fn();
  return (void*)s;
}

int main(int argc, char** argv) {
  int prot = PROT_READ | PROT_WRITE | PROT_EXEC;
  pages = mmap(NULL, (long)kPages * kPage, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED) return 1;
  if (argc > 1 && strcmp(argv[1], "mprotect") == 0) {
    emit(pages, 7);
    pthread_t t;
    pthread_create(&t, NULL, runner, NULL);
    // (The runner has run the code once before the race starts: natively the main thread
    // could finish all its rounds before the runner was ever scheduled, and whether it ran
    // was then up to the scheduler.)
    while (!atomic_load(&runner_started)) sched_yield();
    for (long i = 0; i < 20000; i++) {
      if (mprotect(pages, kPage, prot) != 0) return 2;
      *(volatile long*)(pages + 2048) = i;
      if (i % 64 == 0) sched_yield();  // let the runner decode the page again
    }
    atomic_store(&stop, 1);
    void* s;
    pthread_join(t, &s);
    printf("mprotect: done, runner %s\n", (long)s > 0 ? "ran" : "never ran");
    return 0;
  }
  for (int pg = 0; pg < kPages; pg++) emit(pages + (long)pg * kPage, pg * 16);
  pthread_t t[kThreads];
  for (long i = 1; i < kThreads; i++) pthread_create(&t[i], NULL, fault_worker, (void*)i);
  fault_worker(0);
  for (long i = 1; i < kThreads; i++) pthread_join(t[i], NULL);
  printf("faults: %d pages x %d rounds, %ld stale results\n", kPages, kRounds, atomic_load(&mismatches));
  return 0;
}
