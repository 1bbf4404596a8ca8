// Threads: producer/consumer over a bounded queue with condition variables; 2 producers,
// 2 consumers, a deterministic checksum of everything consumed.
#include <pthread.h>
#include <stdio.h>

#define QSIZE 8
#define PER_PRODUCER 20000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static long queue[QSIZE];
static int head, tail, count, producers_left = 2;

static void* producer(void* arg) {
  long base = (long)arg;
  for (long i = 0; i < PER_PRODUCER; i++) {
    pthread_mutex_lock(&m);
    while (count == QSIZE) pthread_cond_wait(&not_full, &m);
    queue[tail] = base + i;
    tail = (tail + 1) % QSIZE;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&m);
  }
  pthread_mutex_lock(&m);
  producers_left--;
  pthread_cond_broadcast(&not_empty);
  pthread_mutex_unlock(&m);
  return NULL;
}

struct result { long sum, xor, n; };

static void* consumer(void* arg) {
  struct result* r = arg;
  for (;;) {
    pthread_mutex_lock(&m);
    while (count == 0 && producers_left > 0) pthread_cond_wait(&not_empty, &m);
    if (count == 0) {
      pthread_mutex_unlock(&m);
      return NULL;
    }
    long v = queue[head];
    head = (head + 1) % QSIZE;
    count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&m);
    r->sum += v;
    r->xor ^= v * 2654435761u;
    r->n++;
  }
}

int main(void) {
  pthread_t p[2], c[2];
  struct result r[2] = {{0, 0, 0}, {0, 0, 0}};
  for (int i = 0; i < 2; i++) pthread_create(&c[i], NULL, consumer, &r[i]);
  for (long i = 0; i < 2; i++) pthread_create(&p[i], NULL, producer, (void*)(i * 1000000));
  for (int i = 0; i < 2; i++) pthread_join(p[i], NULL);
  for (int i = 0; i < 2; i++) pthread_join(c[i], NULL);
  printf("consumed %ld items, sum %ld, xor %lx\n", r[0].n + r[1].n, r[0].sum + r[1].sum,
         r[0].xor ^ r[1].xor);
  return 0;
}
