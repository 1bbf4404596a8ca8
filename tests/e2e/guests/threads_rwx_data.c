// Threads and write-protection SMC detection: four threads keep writing data into an RWX
// page that also holds code a fifth thread keeps running (each write fault re-enables the
// page, each re-decode re-protects it, so faults from several threads race).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
static unsigned char* page;
static atomic_int stop;
static void* writer(void* a) {
  volatile long* slot = (volatile long*)(page + 2048 + 64 * (long)a);
  for (long i = 0; i < 200000; i++) *slot = i;
  return a;
}
static void* runner(void* a) {
  int (*fn)(void) = (int (*)(void))page;
  long s = 0;
  while (!atomic_load(&stop)) s += fn();
  return (void*)s;
}
int main(void) {
  page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static const unsigned char code[] = {0xb8, 1, 0, 0, 0, 0xc3};
  memcpy(page, code, sizeof code);
  pthread_t r, w[4];
  pthread_create(&r, NULL, runner, NULL);
  for (long i = 0; i < 4; i++) pthread_create(&w[i], NULL, writer, (void*)i);
  for (int i = 0; i < 4; i++) pthread_join(w[i], NULL);
  atomic_store(&stop, 1);
  pthread_join(r, NULL);
  printf("done\n");
  return 0;
}
