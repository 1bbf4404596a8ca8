// C++ exceptions unwinding through several translated frames, with destructors running.
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

static int destroyed = 0;
struct Guard {
  int id;
  ~Guard() { destroyed += id; }
};

__attribute__((noinline)) int leaf(int n) {
  Guard g{n};
  if (n % 7 == 3) throw std::runtime_error("leaf " + std::to_string(n));
  return n * 2;
}
__attribute__((noinline)) int middle(int n) {
  Guard g{100};
  std::vector<int> v(n % 5 + 1, n);
  return leaf(n) + static_cast<int>(v.size());
}

int main() {
  long sum = 0;
  int caught = 0;
  for (int i = 0; i < 2000; ++i) {
    try {
      sum += middle(i);
    } catch (const std::exception& e) {
      ++caught;
      if (i < 20) std::printf("caught: %s\n", e.what());
    }
  }
  std::printf("sum=%ld caught=%d destroyed=%d\n", sum, caught, destroyed);
  return caught == 286 ? 0 : 1;
}
