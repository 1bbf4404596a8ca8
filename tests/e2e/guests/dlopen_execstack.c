// dlopen of a library that needs an executable stack (PT_GNU_STACK with PF_X, from
// execstack_lib.c): glibc makes the main stack executable with mprotect(PROT_GROWSDOWN)
// and every later thread stack executable. Code copied onto the main stack and onto a
// new thread's stack must then run. Before the dlopen, the same code on the stack faults.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const unsigned char kCode[] = {0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3};  // mov eax, 42; ret

static sigjmp_buf back;
static void on_segv(int sig) { siglongjmp(back, 1); }

// Runs kCode from a buffer on the calling thread's stack: its result, or -1 on SIGSEGV.
static int run_on_stack(void) {
  unsigned char buf[64];
  memcpy(buf, kCode, sizeof kCode);
  __builtin___clear_cache((char*)buf, (char*)buf + sizeof kCode);
  if (sigsetjmp(back, 1)) return -1;
  int (*f)(void) = (int (*)(void))(void*)buf;
  return f();
}

static void* thread_main(void* arg) {
  *(int*)arg = run_on_stack();
  return NULL;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_segv;
  sigaction(SIGSEGV, &sa, NULL);
  printf("code on the main stack before dlopen: %d\n", run_on_stack());

  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 64);
  if (n <= 0) return 1;
  path[n] = 0;
  strcpy(strrchr(path, '/') + 1, "libexecstack.so");
  void* h = dlopen(path, RTLD_NOW);
  if (!h) {
    printf("dlopen: %s\n", strstr(dlerror(), "executable stack") ? "cannot enable executable stack" : "failed");
    return 1;
  }
  int (*answer)(void) = (int (*)(void))dlsym(h, "execstack_answer");
  printf("dlopen: ok, execstack_answer() = %d\n", answer ? answer() : -1);
  printf("code on the main stack after dlopen: %d\n", run_on_stack());
  int r = 0;
  pthread_t t;
  pthread_create(&t, NULL, thread_main, &r);
  pthread_join(t, NULL);
  printf("code on a new thread's stack: %d\n", r);
  return 0;
}
