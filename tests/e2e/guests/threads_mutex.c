// Threads: 4 threads x 100000 increments of a mutex-protected counter, pthread_join
// return values, and per-thread __thread variables.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static __thread long tls_value = 7;
static __thread char tls_buf[64];

static void* work(void* arg) {
  long id = (long)arg;
  tls_value += id * 1000;
  snprintf(tls_buf, sizeof tls_buf, "thread %ld", id);
  for (int i = 0; i < 100000; i++) {
    pthread_mutex_lock(&lock);
    counter++;
    pthread_mutex_unlock(&lock);
    tls_value++;
  }
  // Each thread has its own TID, different from the process's.
  int own_tid = syscall(SYS_gettid) != getpid();
  pthread_mutex_lock(&lock);
  long r = tls_value * 10 + own_tid;
  pthread_mutex_unlock(&lock);
  return (void*)r;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++)
    if (pthread_create(&t[i], NULL, work, (void*)(i + 1)) != 0) return 1;
  for (int i = 0; i < 4; i++) {
    void* r;
    pthread_join(t[i], &r);
    printf("thread %d returned %ld\n", i + 1, (long)r);
  }
  printf("counter %ld (expected 400000)\n", counter);
  printf("main tls %ld, buf '%s'\n", tls_value, tls_buf);
  return counter == 400000 ? 0 : 1;
}
