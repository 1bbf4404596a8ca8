// Builder, printer and verifier.
#include <gtest/gtest.h>

#include "tests/unit/unit_util.h"

namespace retrace::ir {
namespace {

using test::TestBlock;

TEST(Builder, EmitAllocatesTempsInOrder) {
  TestBlock t;
  Slot c = t.b.konst(Type::I64, 5);
  Slot s = t.b.emit(Op::Add, Type::I64, 0, c);
  EXPECT_EQ(c, kFirstTemp);
  EXPECT_EQ(s, kFirstTemp + 1);
  EXPECT_EQ(t->next_temp, kFirstTemp + 2);
  EXPECT_EQ(t->insts[1].dst, s);
  EXPECT_EQ(t->insts[1].a, 0);
  EXPECT_EQ(t->insts[1].b, c);
}

TEST(Builder, R2OpAllocatesTwoTemps) {
  TestBlock t;
  Slot q = t.b.emit(Op::DivU, Type::I64, 2, 0, 1);
  Slot next = t.b.konst(Type::I8, 1);
  EXPECT_EQ(q, kFirstTemp);
  EXPECT_EQ(next, kFirstTemp + 2);  // q and q+1 (remainder) are both taken
}

TEST(Builder, NonValueOpsGetNoDestination) {
  TestBlock t;
  Slot a = t.b.emit(Op::Addr, Type::I64, 3, kSlotZero, kNoSlot, 8);
  Slot none = t.b.emit(Op::Store, Type::I32, a, 0);
  EXPECT_EQ(none, kNoSlot);
  EXPECT_EQ(t->insts.back().dst, kNoSlot);
  EXPECT_EQ(t->next_temp, kFirstTemp + 1);
}

TEST(Builder, KonstMasksToItsType) {
  TestBlock t;
  t.b.konst(Type::I8, 0x1ff);
  t.b.konst(Type::I32, ~0ull);
  EXPECT_EQ(t->insts[0].imm, 0xffu);
  EXPECT_EQ(t->insts[1].imm, 0xffffffffu);
}

TEST(Builder, MarksMapInstructionsToGuestPcs) {
  TestBlock t;
  t->pc = 0x1000;
  t.b.mark(0x1000);
  t.b.konst(Type::I64, 1);
  t.b.konst(Type::I64, 2);
  t.b.mark(0x1003);
  t.b.konst(Type::I64, 3);
  t.exit_jmp(0x1005);
  EXPECT_EQ(t->pc_of_inst(0), 0x1000u);
  EXPECT_EQ(t->pc_of_inst(1), 0x1000u);
  EXPECT_EQ(t->pc_of_inst(2), 0x1003u);
  EXPECT_EQ(t->pc_of_inst(3), 0x1003u);
}

TEST(Printer, SlotNames) {
  EXPECT_EQ(slot_name(0), "%rax");
  EXPECT_EQ(slot_name(15), "%r15");
  EXPECT_EQ(slot_name(kSlotZero), "%zero");
  EXPECT_EQ(slot_name(kSlotFsBase), "%fsbase");
  EXPECT_EQ(slot_name(kSlotCcSrc2), "%cc_src2");
  EXPECT_EQ(slot_name(kSlotCtlFlags), "%ctlflags");
  EXPECT_EQ(slot_name(kSlotMxcsr), "%mxcsr");
  EXPECT_EQ(slot_name(xmm_slot(3)), "%xmm3");
  EXPECT_EQ(slot_name(static_cast<Slot>(xmm_slot(3) + 1)), "%xmm3.hi");
  EXPECT_EQ(slot_name(kFirstTemp + 7), "%t7");
  EXPECT_EQ(slot_name(kNoSlot), "_");
}

TEST(Printer, SmallBlockExactText) {
  TestBlock t;
  t->pc = 0x401000;
  t->end = 0x40100b;
  t.b.mark(0x401000);  // add eax, [rbx+rcx*4+8]
  Slot a = t.b.emit(Op::Addr, Type::I64, 3, 1, kNoSlot, 8, 2);
  Slot v = t.b.emit(Op::Load, Type::I32, a);
  Slot s = t.b.emit(Op::AddF, Type::I32, 0, v);
  t.b.emit_to(0, Op::Mov, Type::I32, s);
  t.b.mark(0x401004);  // jl
  Slot c = t.b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Cc::L));
  t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x401020, 0, 0x40100b);
  EXPECT_EQ(print(*t),
            "block 0x401000..0x40100b:\n"
            "  ; guest 0x401000\n"
            "  %t0:i64 = addr %rbx, %rcx [aux=2] #0x8\n"
            "  %t1:i32 = load %t0\n"
            "  %t2:i32 = addf %rax, %t1\n"
            "  %rax:i32 = mov %t2\n"
            "  ; guest 0x401004\n"
            "  %t3:i1 = cond [aux=12]\n"
            "  exitbr %t3 #0x401020 #0x40100b\n");
}

TEST(Printer, TwoResultsStoresAndConstants) {
  TestBlock t;
  t.b.emit(Op::DivU, Type::I64, 2, 0, 1);
  EXPECT_EQ(print(t->insts.back()), "%t0,%t1:i64 = divu %rdx, %rax, %rcx");
  t.b.emit(Op::Store, Type::I16, 7, 0, kNoSlot, 0x10);
  EXPECT_EQ(print(t->insts.back()), "store.i16 %rdi, %rax #0x10");
  t.b.konst(Type::I64, 0);
  EXPECT_EQ(print(t->insts.back()), "%t2:i64 = const #0x0");  // Const always shows imm
  t.b.emit(Op::ExitTrap, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x1234, 4, 0x1234);
  EXPECT_EQ(print(t->insts.back()), "exittrap [aux=4] #0x1234 #0x1234");
}

// ---- verifier --------------------------------------------------------------------------

TEST(Verifier, AcceptsWellFormedBlock) {
  TestBlock t;
  Slot x = t.b.emit(Op::Add, Type::I64, 0, 3);
  Slot q = t.b.emit(Op::DivU, Type::I64, kSlotZero, x, 1);
  t.b.emit_to(0, Op::Mov, Type::I64, q);
  t.b.emit_to(2, Op::Mov, Type::I64, static_cast<Slot>(q + 1));
  t.b.emit(Op::ExitInd, Type::Void, 0, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(ExitHint::Ret));
  EXPECT_EQ(verify(*t), "");
}

TEST(Verifier, RejectsEmptyBlock) {
  TestBlock t;
  EXPECT_EQ(verify(*t), "block is empty");
}

TEST(Verifier, RejectsMissingTerminator) {
  TestBlock t;
  t.b.emit(Op::Add, Type::I64, 0, 3);
  EXPECT_NE(verify(*t).find("does not end in an exit"), std::string::npos) << verify(*t);
}

TEST(Verifier, RejectsTerminatorInTheMiddle) {
  TestBlock t;
  t.exit_jmp(0x10);
  t.b.emit(Op::Add, Type::I64, 0, 3);
  t.exit_jmp(0x20);
  std::string e = verify(*t);
  EXPECT_NE(e.find("terminator before the end"), std::string::npos) << e;
  EXPECT_NE(e.find("inst 0"), std::string::npos) << e;
}

TEST(Verifier, RejectsTempUsedBeforeDefinition) {
  TestBlock t;
  Slot later = static_cast<Slot>(kFirstTemp + 1);
  t.b.emit(Op::Add, Type::I64, 0, later);  // defines %t0, reads %t1
  t.b.konst(Type::I64, 1);                 // defines %t1
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("%t1 used before definition"), std::string::npos) << e;
}

TEST(Verifier, RejectsTempDefinedTwice) {
  TestBlock t;
  Slot x = t.b.konst(Type::I64, 1);
  t.b.emit_to(x, Op::Const, Type::I64, kNoSlot, kNoSlot, kNoSlot, 2);
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("%t0 defined twice"), std::string::npos) << e;
}

TEST(Verifier, RejectsExtraOperand) {
  TestBlock t;
  t.b.emit(Op::Add, Type::I64, 0, 1, 2);  // Add takes two
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("operand given to an op that takes 2"), std::string::npos) << e;
}

TEST(Verifier, RejectsMissingOperand) {
  TestBlock t;
  t.b.emit(Op::Add, Type::I64, 0);  // b missing
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("operand out of range"), std::string::npos) << e;
}

TEST(Verifier, RejectsWriteToZeroSlot) {
  TestBlock t;
  t.b.emit_to(kSlotZero, Op::Mov, Type::I64, 0);
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("writes the constant-zero slot"), std::string::npos) << e;
}

TEST(Verifier, RejectsOperandOutOfRange) {
  TestBlock t;
  t.b.emit(Op::Add, Type::I64, 0, static_cast<Slot>(kFirstTemp + 40));  // never allocated
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("operand out of range"), std::string::npos) << e;
}

TEST(Verifier, RejectsDestinationOnOpWithoutResult) {
  TestBlock t;
  t.b.emit_to(0, Op::Store, Type::I64, 3, 1);
  t.exit_jmp(0);
  std::string e = verify(*t);
  EXPECT_NE(e.find("destination given to an op without a result"), std::string::npos) << e;
}

TEST(Verifier, RejectsBadScaleAndCondition) {
  TestBlock t;
  t.b.emit(Op::Addr, Type::I64, 3, 1, kNoSlot, 0, 4);
  t.exit_jmp(0);
  EXPECT_NE(verify(*t).find("scale shift above 3"), std::string::npos) << verify(*t);
  TestBlock u;
  u.b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, 16);
  u.exit_jmp(0);
  EXPECT_NE(verify(*u).find("condition code above 15"), std::string::npos) << verify(*u);
}

TEST(Verifier, RejectsUntypedValue) {
  TestBlock t;
  t.b.emit(Op::Add, Type::Void, 0, 1);
  t.exit_jmp(0);
  EXPECT_NE(verify(*t).find("without a type"), std::string::npos) << verify(*t);
}

TEST(OpTable, PropertiesAreConsistent) {
  for (unsigned i = 0; i < kNumOps; ++i) {
    Op op = static_cast<Op>(i);
    SCOPED_TRACE(info(op).name);
    EXPECT_LE(info(op).nargs, 3);
    EXPECT_TRUE(!has(op, prop::R2) || has(op, prop::R));
    EXPECT_TRUE(!has(op, prop::T) || !has(op, prop::R));
    EXPECT_TRUE(!has(op, prop::M) || has(op, prop::TR));  // memory can fault
  }
}

}  // namespace
}  // namespace retrace::ir
