// argv, envp and the auxiliary vector as the program sees them at _start. Addresses
// differ between native and retrace runs, so only what must match is printed.
#include "sys.h"

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_EXECFN 31

extern char _start[];

static u64* auxv;
static int aux_has(u64 t) { for (u64* a = auxv; a[0] != AT_NULL; a += 2) if (a[0] == t) return 1; return 0; }
static u64 aux(u64 t) { for (u64* a = auxv; a[0] != AT_NULL; a += 2) if (a[0] == t) return a[1]; return ~0ul; }

struct phdr { unsigned type, flags; u64 offset, vaddr, paddr, filesz, memsz, align; };

int main_c(u64* sp, u64 rdx) {
  check("rsp 16-byte aligned at entry", ((u64)sp & 15) == 0);
  check("rdx zero at entry", rdx == 0);
  u64 argc = sp[0];
  char** argv = (char**)(sp + 1);
  put("argc="); putu(argc); put("\n");
  for (u64 i = 0; i < argc; i++) { put("argv["); putu(i); put("]="); put(argv[i]); put("\n"); }
  check("argv[argc] is NULL", argv[argc] == 0);
  char** envp = argv + argc + 1;
  u64 n = 0;
  for (; envp[n]; n++) { put("env "); put(envp[n]); put("\n"); }
  put("envc="); putu(n); put("\n");
  auxv = (u64*)(envp + n + 1);

  static const u64 plain[] = {AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS, AT_CLKTCK,
                              AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE};
  static const char* const names[] = {"AT_PHENT", "AT_PHNUM", "AT_PAGESZ", "AT_BASE", "AT_FLAGS",
                                      "AT_CLKTCK", "AT_UID", "AT_EUID", "AT_GID", "AT_EGID", "AT_SECURE"};
  for (unsigned i = 0; i < sizeof plain / sizeof plain[0]; i++) {
    put(names[i]); put("="); putu(aux(plain[i])); put("\n");
  }
  check("AT_ENTRY is _start", aux(AT_ENTRY) == (u64)_start);
  check("AT_HWCAP present", aux_has(AT_HWCAP));
  check("AT_RANDOM present", aux_has(AT_RANDOM) && aux(AT_RANDOM) != 0);
  put("AT_EXECFN="); put((const char*)aux(AT_EXECFN)); put("\n");
  put("AT_PLATFORM="); put((const char*)aux(AT_PLATFORM)); put("\n");
  check("AT_EXECFN is argv[0]", streq((const char*)aux(AT_EXECFN), argv[0]));
  // The program headers AT_PHDR points at: one of them is the PT_LOAD holding _start.
  struct phdr* ph = (struct phdr*)aux(AT_PHDR);
  u64 bias = (u64)_start;  // find the load bias from the executable segment
  int loads = 0, found = 0;
  for (u64 i = 0; i < aux(AT_PHNUM); i++) {
    if (ph[i].type != 1) continue;
    loads++;
    if (ph[i].flags & 1) bias = (u64)_start - (u64)_start % 4096 - (ph[i].vaddr - ph[i].vaddr % 4096);
  }
  for (u64 i = 0; i < aux(AT_PHNUM); i++)
    if (ph[i].type == 1 && (ph[i].flags & 1) && (u64)_start >= ph[i].vaddr + bias &&
        (u64)_start < ph[i].vaddr + bias + ph[i].memsz)
      found = 1;
  put("PT_LOAD count="); putu((u64)loads); put("\n");
  check("AT_PHDR describes the executable segment", found);
  return 0;
}
