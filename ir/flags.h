// Lazy condition codes (as QEMU's CC_OP and Bochs' lazy flags).
//
// Flag-setting ops record what they computed in four global slots:
//   cc_op   = CcKind << 2 | log2(operation bytes)
//   cc_dst  = the result          cc_src1, cc_src2 = the inputs (kind-specific, see ir.h)
// RFLAGS status bits are derived only when something reads them: a jcc/setcc/cmovcc
// (eval_cond, which has fast paths for the common SUB and LOGIC kinds), pushf, adc, ...
#pragma once

#include <cstdint>

#include "ir/ir.h"

namespace retrace::ir {

// RFLAGS status bits (CF PF AF ZF SF OF) for a lazy state.
uint64_t compute_flags(uint64_t cc_op, uint64_t dst, uint64_t src1, uint64_t src2);
bool compute_cf(uint64_t cc_op, uint64_t dst, uint64_t src1, uint64_t src2);
bool eval_cond(unsigned cc, uint64_t cc_op, uint64_t dst, uint64_t src1, uint64_t src2);
bool cond_from_flags(unsigned cc, uint64_t f);

}  // namespace retrace::ir
