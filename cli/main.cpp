// retrace command line (placeholder until the runtime lands).
#include <cstdio>
int main() {
  std::fprintf(stderr, "retrace: not built yet\n");
  return 2;
}
