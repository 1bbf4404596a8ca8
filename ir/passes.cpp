// IR passes (placeholder: the pass list is empty until the passes land).
#include "ir/passes.h"

namespace retrace::ir {

const std::vector<PassInfo>& all_passes() {
  static const std::vector<PassInfo> passes;
  return passes;
}

const PassInfo* find_pass(const std::string& name) {
  for (const auto& p : all_passes())
    if (name == p.name) return &p;
  return nullptr;
}

std::string run_passes(Block& b, const std::vector<std::string>& names, bool verify,
                       const std::function<void(const std::string&, const Block&)>& after) {
  for (const auto& n : names) {
    const PassInfo* p = find_pass(n);
    if (!p) continue;
    p->fn(b);
    if (verify) {
      std::string err = ir::verify(b);
      if (!err.empty()) return "after " + n + ": " + err;
    }
    if (after) after(n, b);
  }
  return {};
}

}  // namespace retrace::ir
