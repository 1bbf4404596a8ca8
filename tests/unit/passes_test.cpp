// IR passes: what each one does on a small block, what it must refuse, and randomized
// equivalence: random blocks run before and after a pass from the same initial state
// must leave the same global slots, the same flags and take the same exit.
#include <gtest/gtest.h>

#include <cstdio>
#include <csignal>
#include <random>

#include "ir/flags.h"
#include "ir/passes.h"
#include "tests/unit/unit_util.h"

namespace retrace::ir {
namespace {

using test::TestBlock;

std::unique_ptr<Block> clone(const Block& b) {
  auto c = std::make_unique<Block>();
  c->pc = b.pc;
  c->end = b.end;
  c->insts = b.insts;
  c->marks = b.marks;
  c->next_temp = b.next_temp;
  return c;
}

bool run_pass(const char* name, Block& b) {
  const PassInfo* p = find_pass(name);
  EXPECT_NE(p, nullptr) << name;
  return p ? p->fn(b) : false;
}

size_t count_op(const Block& b, Op op) {
  size_t n = 0;
  for (const Inst& in : b.insts) n += in.op == op;
  return n;
}

Slot cond(Builder& b, Cc cc) { return b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(cc)); }

// ---- pass manager ------------------------------------------------------------------------

TEST(PassManager, RegistersPassesByName) {
  for (const char* n : {"fold", "coalesce", "deadflags", "dce"}) {
    const PassInfo* p = find_pass(n);
    ASSERT_NE(p, nullptr) << n;
    EXPECT_STREQ(p->name, n);
    EXPECT_NE(std::string(p->what), "");
  }
  EXPECT_EQ(find_pass("nope"), nullptr);
}

TEST(PassManager, UnknownPassIsAnError) {
  TestBlock t;
  t.exit_jmp(0);
  EXPECT_EQ(run_passes(*t, {"dce", "nope"}, true), "unknown pass nope");
}

TEST(PassManager, RunsInOrderAndReportsEachPass) {
  TestBlock t;
  Slot s = t.b.emit(Op::Add, Type::I64, 0, 3);
  t.b.emit_to(0, Op::Mov, Type::I64, s);
  t.b.konst(Type::I64, 9);  // dead
  t.exit_jmp(0);
  std::vector<std::string> seen;
  std::vector<size_t> sizes;
  std::string err = run_passes(*t, {"coalesce", "dce"}, true, [&](const std::string& n, const Block& b) {
    seen.push_back(n);
    sizes.push_back(b.insts.size());
  });
  EXPECT_EQ(err, "");
  EXPECT_EQ(seen, (std::vector<std::string>{"coalesce", "dce"}));
  EXPECT_EQ(sizes, (std::vector<size_t>{3, 2}));
}

// ---- coalesce ----------------------------------------------------------------------------

TEST(Coalesce, MergesAddAndMovIntoOneInstruction) {
  TestBlock t;
  t->pc = 0x1000;
  t->end = 0x1003;
  t.b.mark(0x1000);
  Slot s = t.b.emit(Op::AddF, Type::I64, 0, 3);
  t.b.emit_to(0, Op::Mov, Type::I64, s);
  t.exit_jmp(0x1003);
  EXPECT_TRUE(run_pass("coalesce", *t));
  EXPECT_EQ(verify(*t), "");
  EXPECT_EQ(print(*t),
            "block 0x1000..0x1003:\n"
            "  ; guest 0x1000\n"
            "  %rax:i64 = addf %rax, %rbx\n"
            "  exitjmp #0x1003\n");
  EXPECT_FALSE(run_pass("coalesce", *t)) << "a second run finds nothing";
}

TEST(Coalesce, Mov32FromA32BitOpAndMov64FromA32BitOp) {
  TestBlock t;
  Slot s = t.b.emit(Op::SubF, Type::I32, 1, 2);
  t.b.emit_to(1, Op::Mov, Type::I32, s);
  Slot u = t.b.emit(Op::Load, Type::I32, 7);
  t.b.emit_to(6, Op::Mov, Type::I64, u);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("coalesce", *t));
  ASSERT_EQ(t->insts.size(), 3u);
  EXPECT_EQ(print(t->insts[0]), "%rcx:i32 = subf %rcx, %rdx");
  EXPECT_EQ(print(t->insts[1]), "%rsi:i32 = load %rdi");
}

TEST(Coalesce, ZeroExtendingLoadIntoARegister) {
  TestBlock t;  // movzx ebp, byte [rdi]; movzx eax, word [rsi]; movsx ecx, byte [rdi] stays
  Slot a = t.b.emit(Op::Load, Type::I8, 7);
  t.b.emit_to(5, Op::Zext, Type::I32, a, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Type::I8));
  Slot w = t.b.emit(Op::Load, Type::I16, 6);
  t.b.emit_to(0, Op::Zext, Type::I64, w, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Type::I16));
  Slot c = t.b.emit(Op::Load, Type::I8, 7);
  t.b.emit_to(1, Op::Sext, Type::I32, c, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Type::I8));
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("coalesce", *t));
  ASSERT_EQ(t->insts.size(), 5u);
  EXPECT_EQ(print(t->insts[0]), "%rbp:i8 = load %rdi");
  EXPECT_EQ(print(t->insts[1]), "%rax:i16 = load %rsi");
  EXPECT_EQ(t->insts[3].op, Op::Sext) << "a sign extension is not a load's";
  EXPECT_EQ(verify(*t), "");
}

TEST(Coalesce, ConstIsMaskedToTheMovWidth) {
  TestBlock t;
  Slot c = t.b.emit(Op::Const, Type::I64, kNoSlot, kNoSlot, kNoSlot, 0x123456789ull);
  t.b.emit_to(0, Op::Mov, Type::I32, c);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("coalesce", *t));
  EXPECT_EQ(print(t->insts[0]), "%rax:i32 = const #0x23456789");
}

TEST(Coalesce, ChainsOfMovs) {
  TestBlock t;
  Slot s = t.b.emit(Op::Add, Type::I64, 0, 3);
  Slot m = t.b.emit(Op::Mov, Type::I64, s);
  t.b.emit_to(2, Op::Mov, Type::I64, m);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("coalesce", *t));
  EXPECT_EQ(t->insts.size(), 2u);
  EXPECT_EQ(print(t->insts[0]), "%rdx:i64 = add %rax, %rbx");
}

struct Refusal {
  const char* why;
  void (*build)(Builder&);
};

TEST(Coalesce, LeavesTheMovWhenUnsure) {
  const Refusal cases[] = {
      {"register read in between",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit_to(2, Op::Mov, Type::I64, 0);  // reads rax, the mov's target
         b.emit_to(0, Op::Mov, Type::I64, s);
       }},
      {"register written in between",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit_to(0, Op::Mov, Type::I64, 2);
         b.emit_to(0, Op::Mov, Type::I64, s);
       }},
      {"register read implicitly in between (rep stos reads rax)",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit(Op::String, Type::I8, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(StringOp::Stos));
         b.emit_to(0, Op::Mov, Type::I64, s);
       }},
      {"a trap in between would see the register early",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         Slot l = b.emit(Op::Load, Type::I64, 6);
         b.emit_to(0, Op::Mov, Type::I64, s);
         b.emit(Op::Store, Type::I64, 6, l);
       }},
      {"temp used twice",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit_to(0, Op::Mov, Type::I64, s);
         b.emit_to(2, Op::Mov, Type::I64, s);
       }},
      {"mov.i32 of an i64 result truncates",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit_to(0, Op::Mov, Type::I32, s);
       }},
      {"16-bit result (x86 writes to 16-bit registers merge)",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I16, 1, 3);
         b.emit_to(0, Op::Mov, Type::I64, s);
       }},
      {"two-result op",
       [](Builder& b) {
         Slot q = b.emit(Op::DivU, Type::I64, 2, 0, 1);
         b.emit_to(0, Op::Mov, Type::I64, q);
       }},
      {"target is a lazy-flag slot",
       [](Builder& b) {
         Slot s = b.emit(Op::Add, Type::I64, 1, 3);
         b.emit_to(kSlotCcDst, Op::Mov, Type::I64, s);
       }},
  };
  for (const Refusal& c : cases) {
    TestBlock t;
    c.build(t.b);
    t.exit_jmp(0);
    ASSERT_EQ(verify(*t), "") << c.why;
    std::string before = print(*t);
    EXPECT_FALSE(run_pass("coalesce", *t)) << c.why;
    EXPECT_EQ(print(*t), before) << c.why;
  }
}

TEST(Coalesce, KeepsMarksOnTheirGuestInstructions) {
  TestBlock t;
  t.b.mark(0x10);
  Slot s = t.b.emit(Op::Add, Type::I64, 0, 3);
  t.b.emit_to(0, Op::Mov, Type::I64, s);
  t.b.mark(0x13);
  Slot u = t.b.emit(Op::Sub, Type::I64, 1, 2);
  t.b.emit_to(1, Op::Mov, Type::I64, u);
  t.exit_jmp(0x16);
  EXPECT_TRUE(run_pass("coalesce", *t));
  ASSERT_EQ(t->marks.size(), 2u);
  EXPECT_EQ(t->marks[0].first_inst, 0u);
  EXPECT_EQ(t->marks[1].first_inst, 1u);
  EXPECT_EQ(t->pc_of_inst(1), 0x13u);
}

// ---- deadflags ---------------------------------------------------------------------------

TEST(DeadFlags, DowngradesTheFirstOfTwoFlagWriters) {
  TestBlock t;
  Slot a = t.b.emit(Op::AddF, Type::I64, 0, 3);
  t.b.emit_to(0, Op::Mov, Type::I64, a);
  Slot b = t.b.emit(Op::AddF, Type::I64, 1, 3);
  t.b.emit_to(1, Op::Mov, Type::I64, b);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("deadflags", *t));
  EXPECT_EQ(t->insts[0].op, Op::Add);
  EXPECT_EQ(t->insts[2].op, Op::AddF) << "flags are live at the exit";
  EXPECT_EQ(verify(*t), "");
}

TEST(FlagLiveness, IncomingFlagsKilledReadOrPassedThrough) {
  {
    TestBlock t;  // mov; sub (defines all status flags); exit
    t.b.emit_to(0, Op::Mov, Type::I64, 1);
    t.b.emit(Op::SubF, Type::I32, 0, 3);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Killed);
    EXPECT_TRUE(flags_killed_before_read(*t));
  }
  {
    TestBlock t;  // a jcc on the incoming flags
    Slot c = cond(t.b, Cc::B);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
  {
    TestBlock t;  // inc keeps CF: not a killer; CF goes on to the next block
    t.b.emit(Op::IncF, Type::I64, 0);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::PassThrough);
  }
  {
    TestBlock t;  // moves only, then a direct call: the flags go on to the callee
    t.b.emit_to(7, Op::Mov, Type::I64, 6);
    t.b.emit(Op::ExitCall, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x100, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::PassThrough);
    EXPECT_FALSE(flags_killed_before_read(*t));
  }
  {
    TestBlock t;  // untouched up to an indirect exit: anyone may read them
    t.b.emit(Op::ExitInd, Type::Void, 0, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(ExitHint::Ret));
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
}

TEST(FlagLiveness, IncomingFlagsThroughPartialWriters) {
  // A writer that keeps some flags (inc/dec keep CF, a rotate by a non-zero constant keeps
  // SF ZF AF PF) only carries those over: a reader of the others reads no incoming flag.
  {
    TestBlock t;  // inc; jc: CF is the incoming one
    t.b.emit(Op::IncF, Type::I64, 0);
    Slot c = cond(t.b, Cc::B);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
  {
    TestBlock t;  // dec; jz: ZF is dec's own; CF flows on through the branch
    t.b.emit(Op::DecF, Type::I64, 0);
    Slot c = cond(t.b, Cc::E);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::PassThrough);
  }
  {
    TestBlock t;  // rol r16, 8 then and: nothing incoming is read (the sqlite3 case)
    Slot k = t.b.konst(Type::I8, 8);
    t.b.emit(Op::RolF, Type::I16, 7, k);
    t.b.emit(Op::AndF, Type::I16, 7, 3);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Killed);
  }
  {
    TestBlock t;  // rol by 8; js: SF is still the incoming one
    Slot k = t.b.konst(Type::I8, 8);
    t.b.emit(Op::RolF, Type::I32, 7, k);
    Slot c = cond(t.b, Cc::S);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
  {
    TestBlock t;  // rol by 32 (masked to 0: the flags stay) then jc: CF is the incoming one
    Slot k = t.b.konst(Type::I8, 32);
    t.b.emit(Op::RolF, Type::I32, 7, k);
    Slot c = cond(t.b, Cc::B);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
  {
    TestBlock t;  // ucomisd/ptest (VecFlags) define every status flag
    t.b.emit(Op::VecFlags, Type::I64, 32, 34, kNoSlot, 0, static_cast<uint8_t>(0));
    Slot c = cond(t.b, Cc::B);
    t.b.emit(Op::ExitBr, Type::Void, c, kNoSlot, kNoSlot, 0x10, 0, 0x20);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Killed);
  }
  {
    TestBlock t;  // inc (keeps CF) then rol by 3 (writes CF, OF): nothing incoming is left
    t.b.emit(Op::IncF, Type::I64, 0);
    Slot k = t.b.konst(Type::I8, 3);
    t.b.emit(Op::RolF, Type::I64, 7, k);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Killed);
  }
  {
    TestBlock t;  // rcl reads CF into its result
    Slot k = t.b.konst(Type::I8, 1);
    t.b.emit(Op::RclF, Type::I64, 7, k);
    t.b.emit(Op::AndF, Type::I64, 7, 3);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Read);
  }
  {
    TestBlock t;  // a shift by cl may keep every flag: the and after it kills them
    t.b.emit(Op::ShlF, Type::I64, 7, 1);
    t.b.emit(Op::AndF, Type::I64, 7, 3);
    t.exit_jmp(0x10);
    EXPECT_EQ(incoming_flags(*t), IncomingFlags::Killed);
  }
}

TEST(FlagLiveness, FlagsReadFromAnInstructionOn) {
  TestBlock t;  // 0: sub  1: cond  2: mov  3: and (kills)  4: exit
  t.b.emit(Op::SubF, Type::I64, 0, 3);
  Slot c = cond(t.b, Cc::E);
  t.b.emit_to(2, Op::Mov, Type::I64, c);
  t.b.emit(Op::AndF, Type::I64, 0, 0);
  t.exit_jmp(0x10);
  EXPECT_TRUE(flags_read_from(*t, 1)) << "the cond reads them";
  EXPECT_FALSE(flags_read_from(*t, 2)) << "the and redefines them before the exit";
  EXPECT_TRUE(flags_read_from(*t, 4)) << "live at the exit unless the successors kill them";
  t->flags_dead_at_exit = true;
  EXPECT_FALSE(flags_read_from(*t, 4));
}

TEST(DeadFlags, KeepsFlagsThatAreReadOrCouldTrap) {
  {
    TestBlock t;  // add; jcc-style read; sub
    t.b.emit(Op::AddF, Type::I32, 0, 3);
    Slot c = cond(t.b, Cc::B);
    t.b.emit_to(2, Op::Mov, Type::I64, c);
    t.b.emit(Op::SubF, Type::I32, 0, 3);
    t.exit_jmp(0);
    EXPECT_FALSE(run_pass("deadflags", *t));
  }
  {
    TestBlock t;  // a helper call between sees the whole frame, flags included
    t.b.emit(Op::AddF, Type::I32, 0, 3);
    t.b.emit(Op::CallHelper, Type::I64, kSlotZero, kSlotZero, kSlotZero);
    t.b.emit(Op::SubF, Type::I32, 0, 3);
    t.exit_jmp(0);
    EXPECT_FALSE(run_pass("deadflags", *t));
  }
  {
    TestBlock t;  // a load between may fault, but no instruction reads the add's flags
    t.b.emit(Op::AddF, Type::I32, 0, 3);
    t.b.emit(Op::Load, Type::I32, 6);
    t.b.emit(Op::SubF, Type::I32, 0, 3);
    t.exit_jmp(0);
    EXPECT_TRUE(run_pass("deadflags", *t));
    EXPECT_EQ(t->insts[0].op, Op::Add);
  }
  {
    TestBlock t;  // inc reads CF, so the add's flags are live
    t.b.emit(Op::AddF, Type::I32, 0, 3);
    Slot i = t.b.emit(Op::IncF, Type::I32, 0);
    t.b.emit_to(0, Op::Mov, Type::I64, i);
    t.exit_jmp(0);
    EXPECT_FALSE(run_pass("deadflags", *t));
  }
  {
    TestBlock t;  // shl may leave flags alone (count 0): not a killer
    t.b.emit(Op::AddF, Type::I32, 0, 3);
    Slot s = t.b.emit(Op::ShlF, Type::I32, 0, 1);
    t.b.emit_to(0, Op::Mov, Type::I64, s);
    t.exit_jmp(0);
    EXPECT_FALSE(run_pass("deadflags", *t));
  }
}

TEST(DeadFlags, IncDecBecomeAddSubOfAConstant) {
  TestBlock t;
  t.b.mark(0x20);
  Slot i = t.b.emit(Op::IncF, Type::I32, 0);
  t.b.emit_to(0, Op::Mov, Type::I64, i);
  t.b.mark(0x22);
  Slot d = t.b.emit(Op::DecF, Type::I8, 1);
  t.b.emit_to(1, Op::Merge8L, Type::I64, 1, d);
  t.b.mark(0x24);
  t.b.emit(Op::XorF, Type::I32, 2, 2);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("deadflags", *t));
  EXPECT_EQ(verify(*t), "");
  EXPECT_EQ(count_op(*t, Op::IncF) + count_op(*t, Op::DecF), 0u) << print(*t);
  EXPECT_EQ(count_op(*t, Op::Const), 2u);
  EXPECT_EQ(count_op(*t, Op::XorF), 1u);
  // Each inserted Const belongs to its guest instruction.
  ASSERT_EQ(t->marks.size(), 3u);
  EXPECT_EQ(t->insts[t->marks[0].first_inst].op, Op::Const);
  EXPECT_EQ(t->insts[t->marks[1].first_inst].op, Op::Const);
  EXPECT_EQ(t->insts[t->marks[2].first_inst].op, Op::XorF);
  EXPECT_EQ(t->insts[t->marks[1].first_inst + 1].op, Op::Sub);
}

TEST(DeadFlags, DeadSetCCIsRemoved) {
  TestBlock t;
  t.b.emit(Op::SetCC, Type::Void, 0, 1, 2, 0, static_cast<uint8_t>(cc_op(CcKind::Sub, Type::I64)));
  t.b.emit(Op::AndF, Type::I64, 0, 1);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("deadflags", *t));
  EXPECT_EQ(count_op(*t, Op::SetCC), 0u);
  EXPECT_EQ(t->insts.size(), 2u);
}

// bt's IR: the flags it keeps (GetFlags marked kGetFlagsKeepForCf), CF from the bit, an
// Eager SetCC of both; then `reader`, then a full flag definition (or none) before the exit.
void bt_block(TestBlock& t, Cc reader, bool killed_after) {
  Slot f = t.b.emit(Op::GetFlags, Type::I64, kNoSlot, kNoSlot, kNoSlot, 0, kGetFlagsKeepForCf);
  Slot cf = t.b.emit(Op::And, Type::I64, 0, t.b.konst(Type::I64, 1));
  Slot kept = t.b.emit(Op::And, Type::I64, f, t.b.konst(Type::I64, rflags::kStatus & ~rflags::CF));
  Slot v = t.b.emit(Op::Or, Type::I64, kept, cf);
  t.b.emit(Op::SetCC, Type::Void, v, kSlotZero, kSlotZero, 0, static_cast<uint8_t>(cc_op(CcKind::Eager, Type::I64)));
  Slot c = cond(t.b, reader);
  t.b.emit_to(1, Op::Zext, Type::I64, c, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Type::I1));
  if (killed_after) t.b.emit(Op::AndF, Type::I64, 2, 3);
  t.exit_jmp(0);
}

TEST(DeadFlags, BtReadsTheFlagsItKeepsOnlyWhenSomethingButCfReadsThem) {
  {
    TestBlock t;  // jc / setc, then every flag redefined: the read goes (0 kept)
    bt_block(t, Cc::B, true);
    EXPECT_TRUE(run_pass("deadflags", *t));
    EXPECT_EQ(count_op(*t, Op::GetFlags), 0u) << print(*t);
    EXPECT_EQ(print(t->insts[0]), "%t0:i64 = const #0x0");
    EXPECT_EQ(verify(*t), "");
    EXPECT_TRUE(run_pass("fold", *t));
    EXPECT_EQ(count_op(*t, Op::Or), 0u) << "0 | cf is cf: " << print(*t);
  }
  {
    TestBlock t;  // jz reads ZF, which bt keeps
    bt_block(t, Cc::E, true);
    run_pass("deadflags", *t);
    EXPECT_EQ(count_op(*t, Op::GetFlags), 1u) << print(*t);
  }
  {
    TestBlock t;  // nothing redefines them: the next block may read any flag
    bt_block(t, Cc::B, false);
    run_pass("deadflags", *t);
    EXPECT_EQ(count_op(*t, Op::GetFlags), 1u) << print(*t);
  }
  {
    TestBlock t;  // an unmarked GetFlags (pushf, lahf) is a reader like any other
    Slot f = t.b.emit(Op::GetFlags, Type::I64);
    t.b.emit_to(0, Op::Mov, Type::I64, f);
    t.b.emit(Op::AndF, Type::I64, 2, 3);
    t.exit_jmp(0);
    run_pass("deadflags", *t);
    EXPECT_EQ(count_op(*t, Op::GetFlags), 1u);
  }
}

TEST(DeadFlags, StaysOutOfBlocksThatTouchTheRawFlagSlots) {
  TestBlock t;
  t.b.emit(Op::AddF, Type::I64, 0, 3);
  t.b.emit(Op::AndF, Type::I64, 0, 3);
  t.b.emit_to(5, Op::Mov, Type::I64, kSlotCcSrc1);  // sees the add's cc_src1 (AndF leaves it)
  t.exit_jmp(0);
  EXPECT_FALSE(run_pass("deadflags", *t));
}

// ---- dce / fold ----------------------------------------------------------------------------

TEST(Dce, RemovesUnusedValuesToAFixedPoint) {
  TestBlock t;
  Slot c = t.b.konst(Type::I64, 1);       // only used by the dead add
  Slot x = t.b.emit(Op::Add, Type::I64, 0, c);
  t.b.emit(Op::Mul, Type::I64, x, x);     // dead
  Slot k = t.b.konst(Type::I64, 2);       // used by a global write: stays
  t.b.emit_to(3, Op::Mov, Type::I64, k);
  t.b.emit(Op::Load, Type::I64, 6);       // may trap: stays
  t.b.emit(Op::AddF, Type::I64, 0, 1);    // writes flags: stays
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("dce", *t));
  EXPECT_EQ(verify(*t), "");
  EXPECT_EQ(print(*t),
            "block 0x0..0x0:\n"
            "  %t3:i64 = const #0x2\n"
            "  %rbx:i64 = mov %t3\n"
            "  %t4:i64 = load %rsi\n"
            "  %t5:i64 = addf %rax, %rcx\n"
            "  exitjmp #0x0\n");
  EXPECT_FALSE(run_pass("dce", *t));
}

TEST(Fold, ConstantOperandsBecomeConst) {
  TestBlock t;
  Slot a = t.b.konst(Type::I32, 0xfffffff0);
  Slot b = t.b.konst(Type::I32, 0x20);
  Slot s = t.b.emit(Op::Add, Type::I32, a, b);                                // 0x10
  Slot p = t.b.emit(Op::Addr, Type::I64, s, kSlotZero, kNoSlot, 0x100, 3);   // 0x110
  Slot x = t.b.emit(Op::Sext, Type::I64, a, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Type::I8));
  t.b.emit_to(0, Op::Mov, Type::I64, p);
  t.b.emit_to(1, Op::Mov, Type::I64, x);
  Slot sel = t.b.emit(Op::Select, Type::I64, 2, 3, b);  // condition 0x20: bit 0 clear -> b
  t.b.emit_to(4, Op::Mov, Type::I64, sel);
  Slot keep = t.b.emit(Op::Addr, Type::I64, 3, kSlotZero, kNoSlot, 8);  // base not constant
  t.b.emit_to(5, Op::Mov, Type::I64, keep);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("fold", *t));
  EXPECT_EQ(verify(*t), "");
  EXPECT_EQ(print(t->insts[2]), "%t2:i32 = const #0x10");
  EXPECT_EQ(print(t->insts[3]), "%t3:i64 = const #0x110");
  EXPECT_EQ(print(t->insts[4]), "%t4:i64 = const #0xfffffffffffffff0");
  EXPECT_EQ(print(t->insts[5]), "%rax:i64 = const #0x110");
  EXPECT_EQ(print(t->insts[7]), "%t5:i64 = mov %rbx");
  EXPECT_EQ(t->insts[9].op, Op::Addr);
}

TEST(Fold, IdentitiesWithZero) {
  TestBlock t;
  Slot z = t.b.konst(Type::I64, 0);
  Slot o = t.b.emit(Op::Or, Type::I32, 1, z);    // x | 0  -> mov.i32 x
  Slot a = t.b.emit(Op::Add, Type::I64, z, 2);   // 0 + x  -> mov x
  Slot s = t.b.emit(Op::Sub, Type::I64, 3, z);   // x - 0  -> mov x
  Slot n = t.b.emit(Op::Sub, Type::I64, z, 3);   // 0 - x  stays
  Slot k = t.b.emit(Op::And, Type::I64, 5, z);   // x & 0  -> 0
  t.b.emit_to(0, Op::Mov, Type::I64, o);
  t.b.emit_to(6, Op::Mov, Type::I64, a);
  t.b.emit_to(7, Op::Mov, Type::I64, s);
  t.b.emit_to(8, Op::Mov, Type::I64, n);
  t.b.emit_to(9, Op::Mov, Type::I64, k);
  t.exit_jmp(0);
  EXPECT_TRUE(run_pass("fold", *t));
  EXPECT_EQ(verify(*t), "");
  EXPECT_EQ(print(t->insts[1]), "%t1:i32 = mov %rcx");
  EXPECT_EQ(print(t->insts[2]), "%t2:i64 = mov %rdx");
  EXPECT_EQ(print(t->insts[3]), "%t3:i64 = mov %rbx");
  EXPECT_EQ(t->insts[4].op, Op::Sub);
  EXPECT_EQ(print(t->insts[5]), "%t5:i64 = const #0x0");
}

// ---- randomized equivalence ----------------------------------------------------------------

class RandomBlocks {
 public:
  explicit RandomBlocks(uint64_t seed) : rng_(seed) {}

  uint64_t u(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }
  bool chance(unsigned pct) { return u(100) < pct; }
  uint64_t value() {
    switch (u(6)) {
      case 0: return u(4);
      case 1: return ~0ull - u(3);
      case 2: return (1ull << u(64)) - u(2);
      case 3: return u(1u << 16);
      default: return rng_();
    }
  }
  Type width() {
    static const Type w[] = {Type::I8, Type::I16, Type::I32, Type::I64, Type::I32, Type::I64};
    return w[u(6)];
  }

  void init(MachineState& st) {
    for (Slot s = 0; s < 16; ++s) st.slot[s] = value();
    st.slot[kSlotFsBase] = rng_();
    st.slot[kSlotGsBase] = rng_();
    static const CcKind kinds[] = {CcKind::Eager, CcKind::Add, CcKind::Sub, CcKind::Logic, CcKind::Inc, CcKind::Dec};
    CcKind k = kinds[u(6)];
    st.slot[kSlotCcOp] = cc_op(k, width());
    st.slot[kSlotCcDst] = value();
    st.slot[kSlotCcSrc1] = value();
    st.slot[kSlotCcSrc2] = (k == CcKind::Inc || k == CcKind::Dec) ? u(2) : value();
    for (Slot s = kSlotMxcsr + 1; s < kFirstTemp; ++s) st.slot[s] = value();  // seg bases, xmm
  }

  // A block of pure ops, flag ops and flag readers over the GPRs, with the odd trapping
  // op (a divide that may fault, a port read with no bus) and a random exit.
  std::unique_ptr<Block> block() {
    TestBlock t;
    temps_.clear();
    deferred_.clear();
    const unsigned n = 1 + static_cast<unsigned>(u(30));
    for (unsigned i = 0; i < n; ++i) {
      if (i % 4 == 0) t.b.mark(0x1000 + i);
      step(t.b);
      flush_some(t.b, false);
    }
    flush_some(t.b, true);
    switch (u(3)) {
      case 0: t.exit_jmp(0x2000); break;
      case 1: t.b.emit(Op::ExitBr, Type::Void, cond(t.b, static_cast<Cc>(u(16))), kNoSlot, kNoSlot, 0x3000, 0, 0x4000); break;
      default: t.b.emit(Op::ExitInd, Type::Void, operand(t.b), kNoSlot, kNoSlot, 0, static_cast<uint8_t>(u(3))); break;
    }
    return std::move(t.blk);
  }

 private:
  Slot gpr() { return static_cast<Slot>(u(16)); }
  Slot operand(Builder& b) {
    unsigned r = static_cast<unsigned>(u(100));
    if (r < 45 || temps_.empty()) return r < 3 ? kSlotZero : r < 90 ? gpr() : b.konst(Type::I64, value());
    if (r < 85) return temps_[u(temps_.size())];
    return b.konst(width(), value());
  }
  void writeback(Builder& b, Slot v, Type t) {
    if (chance(25)) {  // write it back later, with other instructions in between
      deferred_.push_back(v);
      return;
    }
    store(b, v, t);
  }
  void flush_some(Builder& b, bool all) {
    while (!deferred_.empty() && (all || chance(30))) {
      size_t k = u(deferred_.size());
      Slot v = deferred_[k];
      deferred_.erase(deferred_.begin() + static_cast<std::ptrdiff_t>(k));
      b.emit_to(gpr(), chance(75) ? Op::Mov : Op::Merge8L, Type::I64, v, kNoSlot);
      if (b.block().insts.back().op == Op::Merge8L) {
        b.block().insts.back().b = v;
        b.block().insts.back().a = b.block().insts.back().dst;
      }
    }
  }
  void store(Builder& b, Slot v, Type t) {
    switch (u(6)) {
      case 0: case 1: b.emit_to(gpr(), Op::Mov, Type::I64, v); break;
      case 2: b.emit_to(gpr(), Op::Mov, Type::I32, v); break;
      case 3: { Slot g = gpr(); b.emit_to(g, Op::Merge8L, Type::I64, g, v); break; }
      case 4: { Slot g = gpr(); b.emit_to(g, t == Type::I16 ? Op::Merge16 : Op::Merge8H, Type::I64, g, v); break; }
      default: temps_.push_back(v); break;  // stays a temp for later ops
    }
  }
  void step(Builder& b) {
    static const Op bin[] = {Op::Add, Op::Sub, Op::Mul, Op::And, Op::Or, Op::Xor, Op::Shl, Op::Shr, Op::Sar,
                             Op::Rol, Op::Ror, Op::MulHiU, Op::MulHiS, Op::CmpEq, Op::CmpLtS, Op::CmpLeU,
                             Op::AddF, Op::SubF, Op::AndF, Op::OrF, Op::XorF, Op::ShlF, Op::ShrF, Op::SarF,
                             Op::RolF, Op::RorF, Op::RclF, Op::RcrF, Op::AddF, Op::SubF, Op::AndF};
    static const Op un[] = {Op::Not, Op::Neg, Op::Popcnt, Op::Mov, Op::NegF, Op::IncF, Op::DecF, Op::Extract8H};
    const Type t = width();
    switch (u(20)) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: {
        Op op = bin[u(sizeof bin / sizeof bin[0])];
        Slot a = operand(b), c = operand(b);
        if (chance(30)) { b.emit_to(gpr(), op, chance(50) ? Type::I64 : Type::I32, a, c); return; }
        writeback(b, b.emit(op, t, a, c), t);
        return;
      }
      case 8: case 9: case 10: {
        Op op = un[u(sizeof un / sizeof un[0])];
        writeback(b, b.emit(op, op == Op::Extract8H ? Type::I8 : t, operand(b)), t);
        return;
      }
      case 11: {
        Slot cf = b.emit(Op::GetCF, Type::I1);
        writeback(b, b.emit(chance(50) ? Op::AdcF : Op::SbbF, t, operand(b), operand(b), cf), t);
        return;
      }
      case 12: writeback(b, cond(b, static_cast<Cc>(u(16))), Type::I8); return;
      case 13: writeback(b, b.emit(Op::GetFlags, Type::I64), Type::I64); return;
      case 14: {
        Slot c = cond(b, static_cast<Cc>(u(16)));
        writeback(b, b.emit(Op::Select, t, operand(b), operand(b), c), t);
        return;
      }
      case 15: {
        Type from = t == Type::I8 ? Type::I8 : chance(50) ? Type::I8 : Type::I16;
        writeback(b, b.emit(chance(50) ? Op::Zext : Op::Sext, chance(50) ? Type::I64 : Type::I32, operand(b),
                            kNoSlot, kNoSlot, 0, static_cast<uint8_t>(from)), t);
        return;
      }
      case 16: {
        static const CcKind kinds[] = {CcKind::Eager, CcKind::Add, CcKind::Sub, CcKind::Logic};
        b.emit(Op::SetCC, Type::Void, operand(b), operand(b), operand(b), 0,
               static_cast<uint8_t>(cc_op(kinds[u(4)], t)));
        return;
      }
      case 17: {
        Slot a = b.emit(Op::Addr, chance(50) ? Type::I64 : Type::I32, operand(b), operand(b), kNoSlot, value(),
                        static_cast<uint8_t>(u(4)));
        writeback(b, a, Type::I64);
        return;
      }
      case 18: {  // a divide: traps (SIGFPE) for many random inputs, which checks precise state
        Slot q = b.emit(chance(50) ? Op::DivU : Op::DivS, t, operand(b), operand(b), operand(b));
        writeback(b, q, t);
        writeback(b, static_cast<Slot>(q + 1), t);
        return;
      }
      default:
        if (chance(10)) { writeback(b, b.emit(Op::PortIn, Type::I8, operand(b)), Type::I8); return; }
        writeback(b, b.konst(t, value()), t);
        return;
    }
  }

  std::mt19937_64 rng_;
  std::vector<Slot> temps_;
  std::vector<Slot> deferred_;  // temps waiting for their register write
};

std::string hex(uint64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

testing::AssertionResult same_outcome(const MachineState& x, const Exit& ex, const MachineState& y, const Exit& ey) {
  for (Slot s = 0; s < kFirstTemp; ++s) {
    if (s >= kSlotCcOp && s <= kSlotCcSrc2) continue;
    if (x.slot[s] != y.slot[s])
      return testing::AssertionFailure() << slot_name(s) << ": " << hex(x.slot[s]) << " vs " << hex(y.slot[s]);
  }
  uint64_t fx = compute_flags(x.slot[kSlotCcOp], x.slot[kSlotCcDst], x.slot[kSlotCcSrc1], x.slot[kSlotCcSrc2]);
  uint64_t fy = compute_flags(y.slot[kSlotCcOp], y.slot[kSlotCcDst], y.slot[kSlotCcSrc1], y.slot[kSlotCcSrc2]);
  // At a trap, flags no later instruction reads may differ by design (deadflags does not
  // keep flags alive for signal handlers only; docs/ir.md). Everywhere else: exact.
  bool trapped = ex.kind == ExitKind::Trap && ey.kind == ExitKind::Trap;
  if (fx != fy && !trapped) return testing::AssertionFailure() << "flags " << hex(fx) << " vs " << hex(fy);
  if (ex.kind != ey.kind || ex.next != ey.next || ex.taken != ey.taken || ex.hint != ey.hint)
    return testing::AssertionFailure() << "exit " << static_cast<int>(ex.kind) << "@" << hex(ex.next) << " vs "
                                       << static_cast<int>(ey.kind) << "@" << hex(ey.next);
  if (x.trap_signal != y.trap_signal || x.trap_addr != y.trap_addr)
    return testing::AssertionFailure() << "trap " << x.trap_signal << " vs " << y.trap_signal;
  return testing::AssertionSuccess();
}

struct PropertyResult {
  unsigned blocks = 0, changed = 0, traps = 0;
  size_t insts_before = 0, insts_after = 0;
};

PropertyResult check_equivalence(const std::vector<std::string>& passes, uint64_t seed, unsigned nblocks) {
  RandomBlocks gen(seed);
  PropertyResult res;
  auto s0 = test::new_state(), s1 = test::new_state(), s2 = test::new_state();
  for (unsigned i = 0; i < nblocks; ++i) {
    std::unique_ptr<Block> before = gen.block();
    if (verify(*before) != "") {
      ADD_FAILURE() << "generator made a bad block: " << verify(*before) << "\n" << print(*before);
      return res;
    }
    std::unique_ptr<Block> after = clone(*before);
    bool changed = false;
    for (const std::string& p : passes) changed |= find_pass(p)->fn(*after);
    std::string err = verify(*after);
    if (!err.empty()) {
      ADD_FAILURE() << "verifier after passes: " << err << "\nbefore:\n" << print(*before) << "after:\n" << print(*after);
      return res;
    }
    for (unsigned run = 0; run < 3; ++run) {
      gen.init(*s0);
      *s1 = *s0;
      *s2 = *s0;
      Exit e1 = interpret(*before, *s1);
      Exit e2 = interpret(*after, *s2);
      testing::AssertionResult same = same_outcome(*s1, e1, *s2, e2);
      if (!same) {
        ADD_FAILURE() << same.message() << "\nbefore:\n" << print(*before) << "after:\n" << print(*after);
        return res;
      }
      res.traps += e1.kind == ExitKind::Trap;
    }
    ++res.blocks;
    res.changed += changed;
    res.insts_before += before->insts.size();
    res.insts_after += after->insts.size();
  }
  return res;
}

constexpr unsigned kRandomBlocks = 3000;

TEST(PassEquivalence, Fold) {
  PropertyResult r = check_equivalence({"fold"}, 1, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_GT(r.changed, kRandomBlocks / 20) << "the generator must give the pass work";
}

TEST(PassEquivalence, Coalesce) {
  PropertyResult r = check_equivalence({"coalesce"}, 2, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_GT(r.changed, kRandomBlocks / 4);
  EXPECT_GT(r.traps, 100u) << "some blocks must trap part-way";
}

TEST(PassEquivalence, DeadFlags) {
  PropertyResult r = check_equivalence({"deadflags"}, 3, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_GT(r.changed, kRandomBlocks / 4);
}

TEST(PassEquivalence, Dce) {
  PropertyResult r = check_equivalence({"dce"}, 4, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_GT(r.changed, kRandomBlocks / 10);
}

TEST(PassEquivalence, DefaultPipelineAndFoldFirst) {
  PropertyResult r = check_equivalence({"coalesce", "deadflags", "dce"}, 5, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_LT(r.insts_after, r.insts_before);
  r = check_equivalence({"fold", "coalesce", "deadflags", "dce", "fold", "coalesce", "dce"}, 6, kRandomBlocks);
  EXPECT_EQ(r.blocks, kRandomBlocks);
  EXPECT_LT(r.insts_after, r.insts_before);
}

}  // namespace
}  // namespace retrace::ir
