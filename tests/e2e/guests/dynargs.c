// A dynamically linked PIE without crt files or libraries: ld.so (PT_INTERP) loads it, then jumps
// to its _start with rdx = ld.so's finaliser. Checks the auxv ld.so hands on.
#include "sys.h"
#define AT_PHDR 3
#define AT_PHNUM 5
#define AT_BASE 7
#define AT_ENTRY 9
#define AT_EXECFN 31
#define AT_SYSINFO_EHDR 33
void _start(void);
int main_c(u64* sp, u64 rdx) {
  u64 argc = sp[0];
  char** argv = (char**)(sp + 1);
  u64 n = 0;
  char** envp = argv + argc + 1;
  while (envp[n]) n++;
  u64* auxv = (u64*)(envp + n + 1);
  u64 base = 0, entry = 0, phdr = 0, phnum = 0;
  int vdso = 0;
  for (u64* a = auxv; a[0]; a += 2) {
    if (a[0] == AT_BASE) base = a[1];
    if (a[0] == AT_ENTRY) entry = a[1];
    if (a[0] == AT_PHDR) phdr = a[1];
    if (a[0] == AT_PHNUM) phnum = a[1];
    if (a[0] == AT_SYSINFO_EHDR) vdso = 1;
  }
  put("argc="); putu(argc); put("\n");
  for (u64 i = 0; i < argc; i++) { put("argv["); putu(i); put("]="); put(argv[i]); put("\n"); }
  check("AT_BASE (ld.so) is nonzero", base != 0);
  check("AT_ENTRY is this program's _start", entry == (u64)_start);
  check("AT_PHDR is in this program", phdr != 0 && phnum > 0);
  check("rdx (ld.so's finaliser) is nonzero", rdx != 0);
  (void)vdso;
  return 0;
}
