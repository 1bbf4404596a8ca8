// A normal static glibc program (needs whatever glibc's startup needs).
#include <stdio.h>
int main(int argc, char** argv) {
  printf("hello from glibc, argc=%d\n", argc);
  return 3;
}
