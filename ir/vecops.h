// Vector operations named by the Vec, VecToInt, VecFlags and IntToVec IR ops. The table
// (vecops.def) is the single list; implementations run the same SSE instruction on the
// host where one exists (guest and host share the ISA).
#pragma once

#include <cstdint>

namespace retrace::ir {

struct V128 {
  uint64_t lo, hi;
};

enum class VecOp : uint16_t {
#define VECOP(name, kind, fp) name,
#include "ir/vecops.def"
#undef VECOP
  Count
};

struct VecOpInfo {
  const char* name;
  char kind;  // 'V', 'I', 'F', 'X'
  bool fp;
  V128 (*v)(V128, V128, uint8_t);
  uint64_t (*i)(V128, V128, uint8_t);       // also F: returns RFLAGS status bits
  V128 (*x)(uint64_t, V128, uint8_t);
};

extern const VecOpInfo kVecOps[static_cast<unsigned>(VecOp::Count)];
inline const VecOpInfo& vec_info(unsigned id) { return kVecOps[id]; }
inline uint16_t vec_id(VecOp op) { return static_cast<uint16_t>(op); }

}  // namespace retrace::ir
