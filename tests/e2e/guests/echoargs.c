// Prints argc and argv, one per line: the interpreter of the #! script tests.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  u64 argc = sp[0];
  char** argv = (char**)(sp + 1);
  put("argc="); putu(argc); put("\n");
  for (u64 i = 0; i < argc; i++) { put("argv["); putu(i); put("]="); put(argv[i]); put("\n"); }
  return 5;
}
