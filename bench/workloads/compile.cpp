// A compiler's workload for docs/performance.md's large-program measurement: cc1plus (g++'s
// compiler proper, ~260k blocks decoded under retrace) on this file after preprocessing
// (about 30k lines of standard headers).
#include <algorithm>
#include <iostream>
#include <map>
#include <numeric>
#include <vector>
int main() {
  std::map<int, std::vector<int>> m;
  for (int i = 0; i < 1000; i++) m[i % 7].push_back(i * i);
  long s = 0;
  for (auto& [k, v] : m) s += std::accumulate(v.begin(), v.end(), 0L);
  std::cout << s << "\n";
}
