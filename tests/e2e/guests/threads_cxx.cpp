// Threads from C++: std::thread, std::mutex, std::atomic, thread_local, std::async.
#include <atomic>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

static thread_local int tl = 100;

int main() {
  std::mutex m;
  long total = 0;
  std::atomic<long> a{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; i++)
    ts.emplace_back([&, i] {
      tl += i;
      for (int k = 0; k < 20000; k++) {
        std::lock_guard<std::mutex> g(m);
        total += tl;
      }
      a.fetch_add(i, std::memory_order_relaxed);
    });
  for (auto& t : ts) t.join();
  auto f = std::async(std::launch::async, [] { return tl * 2 + 1; });
  std::printf("total %ld atomic %ld async %d main tl %d\n", total, a.load(), f.get(), tl);
  return 0;
}
