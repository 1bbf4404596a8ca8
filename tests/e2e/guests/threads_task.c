// Threads: /proc/self/task lists exactly the guest threads (retrace adds no host threads of
// its own), while 3 threads wait at a barrier.
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static pthread_barrier_t b;
static void* w(void* a) { pthread_barrier_wait(&b); pthread_barrier_wait(&b); return a; }
int main(void) {
  pthread_barrier_init(&b, 0, 4);
  pthread_t t[3];
  for (int i = 0; i < 3; i++) pthread_create(&t[i], 0, w, 0);
  pthread_barrier_wait(&b);
  int n = 0; DIR* d = opendir("/proc/self/task"); struct dirent* e;
  while ((e = readdir(d))) if (e->d_name[0] != '.') n++;
  closedir(d);
  printf("tasks %d\n", n);
  pthread_barrier_wait(&b);
  for (int i = 0; i < 3; i++) pthread_join(t[i], 0);
  return 0;
}
