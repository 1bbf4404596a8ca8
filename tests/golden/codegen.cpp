// retrace_codegen: golden codegen files for the native tier (CONVENTIONS.md, Tests 6; the
// model is FEX's InstructionCountCI). For every case in tests/golden/cases/ it prints, per
// guest instruction, the host instructions the backend emits for it, so a code-quality
// change shows up in review as a diff of tests/golden/expected/<case>.txt.
//
//   cases/<case>.asm ──nasm -f bin (build time)──► <build>/tests/golden/cases/<case>.bin
//        │
//        ▼  bytes placed at kGuestBase (org in the .asm); nothing is executed
//   x86::Frontend::decode (M64, 64-insn blocks) ─► ir::run_passes(RunOptions{}.passes)
//        │   every block reachable through direct exits that stay inside the snippet
//        ▼
//   backend::Translator::translate into a private CodeCache (chains between the
//        │   case's blocks are patched, so they print as `jmp <block 0x...>`)
//        ▼
//   capstone, per TranslatedBlock::pc_map range ─► text ─► compare with / write to
//                                                          expected/<case>.txt
//
// Output stability: nothing host-specific may reach the text. Host code is printed at
// offsets from the block's entry; branch targets outside the block print as
// `<block 0xGUEST>` (another translation of the case; `past its poll` for a forward chain,
// which enters after the pending-exit check) or `<exit>` (the trampolines in the
// cache's reserved prefix); immediates that look like host pointers (helper addresses,
// Inst* operands of helper calls, the indirect-branch table: values in
// [kHostPtrLow, 2^47) outside the guest snippet) print as `<host-ptr>`. Guest constants in
// that range would be masked too, so the cases avoid them.
//
// Layout of one block's text:
//
//   block 0x400000..0x400013
//     0x400000  48 89 d8              mov rax, rbx          <- guest instruction
//               +0     mov rbx, qword ptr [r15 + 0x18]     <- its host instructions
//     ...
//     exit stubs:                                           <- out-of-line tail (stubs and
//               +83    movabs rax, 0x400013                    the trap exit), found as the
//                                                              last (chains + 1) jmp groups
//     3 guest insns → 12 host insns (1 via helper), 6 in exit stubs
//
// "via helper" counts IR ops the backend lowered as a call to the interpreter helper
// (Translator stats), not host instructions.
#include <capstone/capstone.h>

#include <algorithm>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "backend/x86_64/translator.h"
#include "codecache/code_cache.h"
#include "frontend/x86/frontend.h"
#include "ir/passes.h"
#include "runtime/dispatcher.h"

namespace fs = std::filesystem;
using namespace retrace;

namespace {

constexpr uint64_t kGuestBase = 0x400000;  // every case has `org 0x400000`
constexpr uint64_t kHostPtrLow = 0x10000000;
constexpr uint64_t kHostPtrHigh = 1ull << 47;
constexpr size_t kCacheSize = 1 << 20;

struct Options {
  std::string bin_dir = RETRACE_GOLDEN_BIN_DIR;
  std::string expected_dir = RETRACE_GOLDEN_EXPECTED_DIR;
  std::string actual_dir = RETRACE_GOLDEN_ACTUAL_DIR;
  bool bless = false;
  bool print = false;  // write the output to stdout instead of checking or blessing
  bool ir = false;     // --print only: also the IR of each guest instruction
  std::vector<std::string> cases;
};

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, f);
  vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  return buf;
}

std::string hex(uint64_t v) {
  return fmt("0x%" PRIx64, v);
}

// Replaces every whole-token occurrence of `from` (a capstone hex literal) in s.
void replace_token(std::string& s, const std::string& from, const std::string& to) {
  size_t from_pos = 0;
  for (size_t at; (at = s.find(from, from_pos)) != std::string::npos;) {
    size_t end = at + from.size();
    if (end < s.size() && isxdigit(static_cast<unsigned char>(s[end]))) {
      from_pos = end;  // a longer literal that starts the same way
      continue;
    }
    s.replace(at, from.size(), to);
    from_pos = at + to.size();
  }
}

class Capstone {
 public:
  Capstone() {
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h_) != CS_ERR_OK) {
      fprintf(stderr, "retrace_codegen: capstone cs_open failed\n");
      exit(2);
    }
    cs_option(h_, CS_OPT_DETAIL, CS_OPT_ON);
  }
  ~Capstone() { cs_close(&h_); }
  struct Insn {
    uint64_t addr;
    uint16_t size;
    std::string bytes, text;
    bool uncond_jmp = false;  // jmp (any form): ends a straight-line group
    std::vector<uint64_t> imms;
  };
  std::vector<Insn> disasm(const uint8_t* code, size_t n, uint64_t addr) const {
    std::vector<Insn> out;
    cs_insn* insn = nullptr;
    size_t count = cs_disasm(h_, code, n, addr, 0, &insn);
    for (size_t i = 0; i < count; ++i) {
      const cs_insn& c = insn[i];
      Insn o{c.address, c.size, "", std::string(c.mnemonic) + (c.op_str[0] ? " " : "") + c.op_str};
      for (unsigned k = 0; k < c.size; ++k) o.bytes += fmt(k ? " %02x" : "%02x", c.bytes[k]);
      o.uncond_jmp = c.id == X86_INS_JMP || c.id == X86_INS_LJMP;
      const cs_x86& x = c.detail->x86;
      for (unsigned k = 0; k < x.op_count; ++k)
        if (x.operands[k].type == X86_OP_IMM)
          o.imms.push_back(static_cast<uint64_t>(x.operands[k].imm));
        else if (x.operands[k].type == X86_OP_MEM && x.operands[k].mem.base == X86_REG_INVALID &&
                 x.operands[k].mem.disp > 0)
          o.imms.push_back(static_cast<uint64_t>(x.operands[k].mem.disp));  // absolute: may be a host table
      out.push_back(std::move(o));
    }
    cs_free(insn, count);
    return out;
  }

 private:
  csh h_ = 0;
};

struct Case {
  std::string name;
  std::vector<uint8_t> code;
};

class Golden {
 public:
  explicit Golden(const Options& opt) : opt_(opt) {}

  std::string render(const Case& c) {
    const uint64_t lo = kGuestBase, hi = kGuestBase + c.code.size();
    x86::CodeReader reader = [&c, lo, hi](uint64_t addr, uint8_t* buf, size_t n) -> size_t {
      if (addr < lo || addr >= hi) return 0;
      size_t k = std::min<uint64_t>(n, hi - addr);
      memcpy(buf, c.code.data() + (addr - lo), k);
      return k;
    };
    codecache::CodeCache cache(kCacheSize);
    backend::Translator tr(cache);
    const std::vector<std::string> passes = rt::RunOptions{}.passes;
    x86::DecodeOptions dopt;
    dopt.max_insns = rt::RunOptions{}.max_block_insns;
    dopt.side_exits = rt::RunOptions{}.superblocks;

    // Blocks reachable from the entry through direct exits inside the snippet; a call's
    // return address counts as reachable (the callee's ret comes back there).
    std::map<uint64_t, std::unique_ptr<ir::Block>> blocks;
    std::map<uint64_t, uint64_t> helper_ops;  // block pc -> IR ops lowered via the helper
    std::map<uint64_t, std::string> diags;
    std::deque<uint64_t> work{lo};
    std::string out;
    while (!work.empty()) {
      uint64_t pc = work.front();
      work.pop_front();
      if (pc < lo || pc >= hi || blocks.count(pc)) continue;
      x86::DecodedBlock d = fx_.decode(pc, reader, dopt);
      std::string err = ir::run_passes(*d.block, passes, /*verify=*/true);
      if (!err.empty()) return "error: block " + hex(pc) + " does not verify: " + err + "\n";
      const ir::Inst& t = d.block->terminator();
      switch (t.op) {
        case ir::Op::ExitJmp:
          work.push_back(t.imm);
          break;
        case ir::Op::ExitCall:
          work.push_back(t.imm);
          work.push_back(d.block->end);
          break;
        case ir::Op::ExitBr:
          work.push_back(t.imm);
          work.push_back(t.imm2);
          break;
        default:
          break;
      }
      if (!d.diagnostic.empty()) diags[pc] = d.diagnostic;
      uint64_t before = tr.stats().helper_ops;
      if (!tr.translate(*d.block))
        return "error: block " + hex(pc) + " does not fit in the code cache\n";
      helper_ops[pc] = tr.stats().helper_ops - before;
      blocks[pc] = std::move(d.block);
    }

    out += fmt("; %s: guest code at %s, %zu bytes; passes:", c.name.c_str(), hex(lo).c_str(),
               c.code.size());
    for (const auto& p : passes) out += " " + p;
    out += "\n; generated by retrace_codegen; regenerate with tests/golden/bless.sh\n";
    for (const auto& [pc, b] : blocks) {
      const codecache::TranslatedBlock* tb = cache.find(pc);
      out += "\n" + render_block(c, *b, *tb, cache, helper_ops[pc]);
      if (diags.count(pc)) out += "  diagnostic: " + diags[pc] + "\n";
    }
    return out;
  }

 private:
  std::string host_text(const Capstone::Insn& in, const codecache::TranslatedBlock& tb,
                        const codecache::CodeCache& cache, uint64_t lo, uint64_t hi) const {
    const uint64_t base = reinterpret_cast<uint64_t>(tb.code);
    std::string text = in.text;
    for (uint64_t v : in.imms) {
      std::string to;
      if (v >= base && v < base + tb.size)
        to = fmt("+%" PRIu64, v - base);
      else if (const codecache::TranslatedBlock* other = cache.find_host(v);
               other && other->code == reinterpret_cast<const uint8_t*>(v))
        to = "<block " + hex(other->guest_pc) + ">";
      else if (other && other->code + other->unchecked_entry == reinterpret_cast<const uint8_t*>(v))
        to = "<block " + hex(other->guest_pc) + " past its poll>";  // a forward chain
      else if (cache.contains(v))
        to = "<exit>";
      else if (v >= kHostPtrLow && v < kHostPtrHigh && !(v >= lo && v <= hi))
        to = "<host-ptr>";
      else
        continue;
      replace_token(text, hex(v), to);
    }
    return text;
  }

  std::string render_block(const Case& c, const ir::Block& b, const codecache::TranslatedBlock& tb,
                           const codecache::CodeCache& cache, uint64_t helpers) {
    const uint64_t lo = kGuestBase, hi = kGuestBase + c.code.size();
    std::string out = fmt("block %s..%s\n", hex(b.pc).c_str(), hex(b.end).c_str());
    const uint64_t base = reinterpret_cast<uint64_t>(tb.code);
    std::vector<Capstone::Insn> host = cs_.disasm(tb.code, tb.size, base);
    // Drop the section padding after the last jmp (zero bytes decode as `add [rax], al`).
    while (!host.empty() && !host.back().uncond_jmp) host.pop_back();
    // The out-of-line tail: one stub per chain site plus the trap exit, each ending in jmp.
    size_t tail_groups = tb.chains.size() + 1, body_end = host.size();
    for (size_t i = host.size(); i-- > 0 && tail_groups > 0;) {
      if (host[i].uncond_jmp && i + 1 < host.size()) {
        if (--tail_groups == 0) body_end = i + 1;
      }
    }
    if (tail_groups > 0) body_end = host.size();  // unexpected shape: print it all as body
    // Guest instructions in this block, from the marks (pc_map has one entry per mark).
    std::vector<Capstone::Insn> guest;
    for (size_t m = 0; m < b.marks.size(); ++m) {
      uint64_t pc = b.mark_pc(m);
      auto g = cs_.disasm(c.code.data() + (pc - lo), std::min<uint64_t>(15, hi - pc), pc);
      if (g.empty())
        guest.push_back({pc, 0, "", "(undecodable)"});
      else
        guest.push_back(g.front());
    }
    size_t body_insns = 0, h = 0;
    for (size_t m = 0; m < tb.pc_map.size(); ++m) {
      const uint64_t pc = tb.pc_map[m].second;
      const Capstone::Insn* g = m < guest.size() ? &guest[m] : nullptr;
      out += fmt("  %s  %-24s %s\n", hex(pc).c_str(), g ? g->bytes.c_str() : "",
                 g ? g->text.c_str() : "?");
      if (opt_.ir) {
        size_t first = b.marks[m].first_inst,
               last = m + 1 < b.marks.size() ? b.marks[m + 1].first_inst : b.insts.size();
        for (size_t i = first; i < last; ++i)
          out += "            ; " + ir::print(b.insts[i]) + "\n";
      }
      const uint64_t next_off = m + 1 < tb.pc_map.size() ? tb.pc_map[m + 1].first : UINT64_MAX;
      for (; h < body_end && host[h].addr - base < next_off; ++h, ++body_insns)
        out += fmt("            +%-5" PRIu64 " %s\n", host[h].addr - base,
                   host_text(host[h], tb, cache, lo, hi).c_str());
    }
    size_t stub_insns = host.size() - body_end;
    if (stub_insns) {
      out += "  exit stubs:\n";
      for (size_t i = body_end; i < host.size(); ++i)
        out += fmt("            +%-5" PRIu64 " %s\n", host[i].addr - base,
                   host_text(host[i], tb, cache, lo, hi).c_str());
    }
    out +=
        fmt("  %zu guest insns \u2192 %zu host insns (%" PRIu64 " via helper), %zu in exit stubs\n",
            b.marks.size(), body_insns, helpers, stub_insns);
    return out;
  }

  const Options& opt_;
  x86::Frontend fx_{x86::Mode::M64};
  Capstone cs_;
};

[[noreturn]] void usage(int status) {
  fprintf(status ? stderr : stdout,
          "usage: retrace_codegen [--bless | --print [--ir]] [--bin-dir=DIR] [--expected-dir=DIR] "
          "[CASE...]\n"
          "  (no mode)        check: render every case and compare with expected/<case>.txt;\n"
          "                   a mismatch prints a unified diff and the exit status is 1\n"
          "  --bless          rewrite expected/<case>.txt from the current backend\n"
          "  --print          write the rendering to stdout (--ir: with each instruction's IR)\n"
          "  CASE...          only these cases (default: every case listed in BIN_DIR/cases.txt)\n"
          "defaults: --bin-dir=%s --expected-dir=%s\n",
          RETRACE_GOLDEN_BIN_DIR, RETRACE_GOLDEN_EXPECTED_DIR);
  exit(status);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--bless")
      o.bless = true;
    else if (a == "--print")
      o.print = true;
    else if (a == "--ir")
      o.ir = true;
    else if (a.rfind("--bin-dir=", 0) == 0)
      o.bin_dir = a.substr(10);
    else if (a.rfind("--expected-dir=", 0) == 0)
      o.expected_dir = a.substr(15);
    else if (a == "--help" || a == "-h")
      usage(0);
    else if (a.rfind("--", 0) == 0) {
      fprintf(stderr, "retrace_codegen: unknown option '%s'\n", a.c_str());
      usage(2);
    } else
      o.cases.push_back(a);
  }
  if (o.bless && o.print) usage(2);
  if (o.ir && !o.print) {
    fprintf(stderr, "retrace_codegen: --ir only goes with --print (the golden files have no IR)\n");
    exit(2);
  }
  return o;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

bool write_file(const fs::path& p, const std::string& s) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << s;
  return static_cast<bool>(f);
}

}  // namespace

int main(int argc, char** argv) {
  Options opt = parse(argc, argv);
  setenv("RETRACE_TEST_BMI2", "1", 1);  // (host-independent text: rorx in the probes on every host)
  std::vector<std::string> all;
  {
    std::string list;
    if (!read_file(fs::path(opt.bin_dir) / "cases.txt", list)) {
      fprintf(stderr, "retrace_codegen: %s/cases.txt not found (build the golden_cases target)\n",
              opt.bin_dir.c_str());
      return 2;
    }
    std::istringstream s(list);
    for (std::string n; s >> n;) all.push_back(n);
  }
  std::vector<std::string> names = opt.cases.empty() ? all : opt.cases;
  for (const auto& n : names)
    if (std::find(all.begin(), all.end(), n) == all.end()) {
      fprintf(stderr, "retrace_codegen: unknown case '%s' (cases are tests/golden/cases/*.asm)\n",
              n.c_str());
      return 2;
    }

  Golden g(opt);
  unsigned failed = 0, blessed = 0, passed = 0;
  for (const auto& n : names) {
    Case c{n, {}};
    std::string bin;
    if (!read_file(fs::path(opt.bin_dir) / (n + ".bin"), bin) || bin.empty()) {
      fprintf(stderr, "retrace_codegen: %s/%s.bin missing or empty (nasm output)\n",
              opt.bin_dir.c_str(), n.c_str());
      return 2;
    }
    c.code.assign(bin.begin(), bin.end());
    std::string text = g.render(c);
    fs::path expected = fs::path(opt.expected_dir) / (n + ".txt");
    if (opt.print) {
      fputs(text.c_str(), stdout);
      continue;
    }
    if (opt.bless) {
      std::string old;
      bool same = read_file(expected, old) && old == text;
      if (!same && !write_file(expected, text)) {
        fprintf(stderr, "retrace_codegen: cannot write %s\n", expected.c_str());
        return 2;
      }
      printf("%-16s %s\n", n.c_str(), same ? "unchanged" : "blessed");
      blessed += !same;
      continue;
    }
    std::string want;
    if (!read_file(expected, want)) {
      printf("FAIL %s: no expected file %s (run tests/golden/bless.sh)\n", n.c_str(),
             expected.c_str());
      ++failed;
      continue;
    }
    if (want == text) {
      ++passed;
      continue;
    }
    ++failed;
    fs::create_directories(opt.actual_dir);
    fs::path actual = fs::path(opt.actual_dir) / (n + ".txt");
    write_file(actual, text);
    printf("FAIL %s: host code differs from %s\n", n.c_str(), expected.c_str());
    fflush(stdout);
    std::string cmd = "diff -u --label expected/" + n + ".txt --label actual/" + n + ".txt '" +
                      expected.string() + "' '" + actual.string() + "'";
    if (system(cmd.c_str()) == -1) printf("  (diff not available; compare %s)\n", actual.c_str());
  }
  if (opt.print) return 0;
  if (opt.bless) {
    printf("%u of %zu expected files rewritten in %s\n", blessed, names.size(),
           opt.expected_dir.c_str());
    return 0;
  }
  // An expected file without a case is stale (a renamed or deleted case).
  if (opt.cases.empty())
    for (const auto& e : fs::directory_iterator(opt.expected_dir))
      if (e.path().extension() == ".txt" &&
          std::find(all.begin(), all.end(), e.path().stem().string()) == all.end()) {
        printf("FAIL stale expected file %s: no case %s.asm (delete it)\n", e.path().c_str(),
               e.path().stem().c_str());
        ++failed;
      }
  printf("golden codegen: %u passed, %u failed%s\n", passed, failed,
         failed ? " (if the change is intended: tests/golden/bless.sh, then review the diff)" : "");
  return failed ? 1 : 0;
}
