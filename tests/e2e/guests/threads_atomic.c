// Threads: C11 atomics from 4 threads (lock xadd, lock cmpxchg loops, a spinlock built on
// atomic_exchange) and a many-short-lived-threads loop (200 create/join cycles).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_long adds, cas_total, max_seen;
static atomic_int spin;
static long under_spin;

static void* work(void* arg) {
  long id = (long)arg;
  for (int i = 0; i < 50000; i++) {
    atomic_fetch_add(&adds, 1);
    long old = atomic_load(&cas_total);
    while (!atomic_compare_exchange_weak(&cas_total, &old, old + id)) {
    }
    long m = atomic_load(&max_seen);
    while (m < i && !atomic_compare_exchange_strong(&max_seen, &m, i)) {
    }
    while (atomic_exchange_explicit(&spin, 1, memory_order_acquire)) {
    }
    under_spin += 2;
    atomic_store_explicit(&spin, 0, memory_order_release);
  }
  return NULL;
}

static void* short_lived(void* arg) {
  return (void*)((long)arg * 3 + 1);
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, (void*)(i + 1));
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  printf("adds %ld cas %ld max %ld spin %ld\n", atomic_load(&adds), atomic_load(&cas_total),
         atomic_load(&max_seen), under_spin);
  long sum = 0;
  for (long i = 0; i < 200; i++) {
    pthread_t th;
    void* r;
    if (pthread_create(&th, NULL, short_lived, (void*)i) != 0) return 2;
    pthread_join(th, &r);
    sum += (long)r;
  }
  // Some at once, detached and joinable mixed.
  pthread_t many[16];
  for (long i = 0; i < 16; i++) pthread_create(&many[i], NULL, short_lived, (void*)i);
  for (int i = 0; i < 16; i++) {
    void* r;
    pthread_join(many[i], &r);
    sum += (long)r;
  }
  printf("short-lived sum %ld\n", sum);
  return 0;
}
