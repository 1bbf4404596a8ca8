// retrace_difftest: the differential fuzzer's command line (see tests/diff/README.md).
//
// For each seed: generate a case, run it natively and under retrace (interpreter, one-
// instruction blocks, blocks after the IR passes; native tier with 64-insn blocks, chained
// one-insn blocks, a 4 KiB code cache), compare. A failing case is minimized (shortest
// failing prefix, then earlier units dropped one at a time while it still fails the same
// way) and reported with the seed that reproduces it, the initial state, the minimal
// sequence, the differing fields and the IR that ran (and the host code, native tiers).
#include <asmjit/core.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "tests/diff/difftest.h"
#include "tests/diff/runner.h"
#include "backend/x86_64/translator.h"

using namespace retrace::difftest;

namespace {

struct Options {
  uint64_t first = 1, count = 1000;
  GenOptions gen;
  bool skip_unsupported = false;
  bool verbose = false;
  bool quiet = false;
  bool dump = false;        // print every case's sequence
  bool self_check = false;  // corrupt retrace's result on purpose: every case must fail
  bool assume_alu_neutral = false;  // backend::g_test_alu_counts_as_neutral
  unsigned show = 1;        // detailed reports per culprit kind
  std::vector<Tier> tiers{std::begin(kAllTiers), std::end(kAllTiers)};
};

[[noreturn]] void usage(int status) {
  fprintf(
      status ? stderr : stdout,
      "usage: retrace_difftest [--seeds=A..B | --seed=S --count=N] [--max-len=N] "
      "[--only=KIND[,KIND..]]\n"
      "                        [--tiers=TIER[,TIER..]] [--skip-unsupported] [--show=N] [--verbose]\n"
      "                        [--quiet] [--list]\n"
      "  --seeds=A..B        run the cases with seeds A to B inclusive (default --seed=1 "
      "--count=1000)\n"
      "  --max-len=N         at most N units (instruction under test + its setup) per case (30)\n"
      "  --only=KINDS        generate only these kinds (--list shows them)\n"
      "  --tiers=TIERS       run only these tiers (default all): interp, interp/1-insn-blocks,\n"
      "                      interp+passes, native, native/1-insn-blocks, native/tiny-cache,\n"
      "                      or the groups all-interp, all-native\n"
      "  --skip-unsupported  never generate an instruction the frontend does not support yet;\n"
      "                      without it an unsupported instruction counts as a failure\n"
      "  --show=N            print the full report of N failures per culprit kind (1)\n"
      "  --verbose           also print the whole original sequence and every failure\n"
      "  --dump              print every generated case\n"
      "  --assume-alu-neutral  the translator wrongly takes flag-free ALU ops for data moves\n"
      "                      when skipping lazy-flag stores: its retranslation must catch every\n"
      "                      such block (fails unless some were retranslated)\n"
      "  --self-check        flip one compared bit of retrace's result (a register, a defined\n"
      "                      flag or a scratch byte) in every case; passes only if every\n"
      "                      corruption is reported (checks the comparison itself)\n");
  exit(status);
}

bool arg(const char* a, const char* name, const char** val) {
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0 || a[n] != '=') return false;
  *val = a + n + 1;
  return true;
}

uint64_t num(const char* s) {
  char* end;
  uint64_t v = strtoull(s, &end, 0);
  if (end == s || *end) {
    fprintf(stderr, "retrace_difftest: bad number '%s'\n", s);
    exit(2);
  }
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  const asmjit::CpuFeatures::X86& f = asmjit::CpuInfo::host().features().x86();
  o.gen.bmi1 = f.hasBMI();
  o.gen.bmi2 = f.hasBMI2();
  o.gen.lzcnt = f.hasLZCNT();
  o.gen.popcnt = f.hasPOPCNT();
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    const char* v;
    if (arg(a, "--seeds", &v)) {
      std::string s = v;
      size_t dots = s.find("..");
      if (dots == std::string::npos) {
        o.first = num(v);
        o.count = 1;
      } else {
        o.first = num(s.substr(0, dots).c_str());
        uint64_t last = num(s.substr(dots + 2).c_str());
        if (last < o.first) usage(2);
        o.count = last - o.first + 1;
      }
    } else if (arg(a, "--seed", &v)) {
      o.first = num(v);
    } else if (arg(a, "--count", &v)) {
      o.count = num(v);
    } else if (arg(a, "--max-len", &v)) {
      o.gen.max_len = static_cast<unsigned>(num(v));
    } else if (arg(a, "--show", &v)) {
      o.show = static_cast<unsigned>(num(v));
    } else if (arg(a, "--only", &v)) {
      std::string s = v;
      size_t at = 0;
      while (at <= s.size()) {
        size_t comma = s.find(',', at);
        std::string k = s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        if (!is_kind(k)) {
          fprintf(stderr, "retrace_difftest: unknown kind '%s' (--list shows them)\n", k.c_str());
          exit(2);
        }
        o.gen.only.push_back(k);
        if (comma == std::string::npos) break;
        at = comma + 1;
      }
    } else if (arg(a, "--tiers", &v)) {
      o.tiers.clear();
      std::string s = v;
      for (size_t at = 0; at <= s.size();) {
        size_t comma = s.find(',', at);
        std::string t = s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        bool found = false;
        for (Tier k : kAllTiers)
          if (t == tier_name(k) || (t == "all-native" && is_native(k)) ||
              (t == "all-interp" && !is_native(k))) {
            o.tiers.push_back(k);
            found = true;
          }
        if (!found) {
          fprintf(stderr, "retrace_difftest: unknown tier '%s'\n", t.c_str());
          exit(2);
        }
        if (comma == std::string::npos) break;
        at = comma + 1;
      }
    } else if (!strcmp(a, "--skip-unsupported")) {
      o.skip_unsupported = true;
    } else if (!strcmp(a, "--verbose")) {
      o.verbose = true;
    } else if (!strcmp(a, "--dump")) {
      o.dump = true;
    } else if (!strcmp(a, "--self-check")) {
      o.self_check = true;
    } else if (!strcmp(a, "--assume-alu-neutral")) {
      o.assume_alu_neutral = true;
    } else if (!strcmp(a, "--quiet")) {
      o.quiet = true;
    } else if (!strcmp(a, "--list")) {
      for (const auto& k : all_kinds()) printf("%s\n", k.c_str());
      exit(0);
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(0);
    } else {
      fprintf(stderr, "retrace_difftest: unknown argument '%s'\n", a);
      usage(2);
    }
  }
  return o;
}

const char* const kRegNames[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                   "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

void print_state(const Regs& r) {
  for (unsigned i = 0; i < 16; ++i) {
    if (i == 4)
      printf("    %-3s=%-18s", kRegNames[i], "(not used)");
    else
      printf("    %-3s=0x%016" PRIx64, kRegNames[i], r.gpr[i]);
    if (i % 4 == 3) printf("\n");
  }
  printf("    rflags=0x%" PRIx64 "\n", r.rflags);
}

void print_units(const std::vector<Unit>& units, const char* indent) {
  uint64_t off = 0;
  for (size_t u = 0; u < units.size(); ++u)
    for (size_t i = 0; i < units[u].insns.size(); ++i) {
      const Insn& in = units[u].insns[i];
      std::string bytes;
      for (uint8_t b : in.bytes) {
        char h[4];
        snprintf(h, sizeof h, "%02x ", b);
        bytes += h;
      }
      bool last = i + 1 == units[u].insns.size();
      printf("%s+%-4" PRIu64 " %-33s %-40s %s\n", indent, off, bytes.c_str(),
             disasm(in.bytes, 0x1000 + off).c_str(),
             last ? ("; [" + units[u].kind + "]").c_str() : "; setup");
      off += in.bytes.size();
    }
}

// Smallest sequence that still fails with the same status.
std::vector<Unit> minimize(Runner& r, const Case& c, Status status) {
  std::vector<Unit> units = c.units;
  for (size_t k = 1; k <= units.size(); ++k) {
    std::vector<Unit> prefix(units.begin(), units.begin() + static_cast<long>(k));
    if (r.check(c, prefix).status == status) {
      units = std::move(prefix);
      break;
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = units.size() - 1; i-- > 0;) {
      std::vector<Unit> t = units;
      t.erase(t.begin() + static_cast<long>(i));
      if (!defined_flags(t)) continue;
      if (r.check(c, t).status == status) {
        units = std::move(t);
        changed = true;
      }
    }
  }
  return units;
}

std::string mnemonic_of(const std::string& diagnostic) {
  const char* p = "unsupported instruction ";
  if (diagnostic.rfind(p, 0) == 0) {
    size_t s = strlen(p), e = diagnostic.find(' ', s);
    return diagnostic.substr(s, e - s);
  }
  return diagnostic.substr(0, diagnostic.find(" at "));
}

struct KindStats {
  unsigned count = 0;
  std::string example;  // one-line minimal example
};

}  // namespace

int main(int argc, char** argv) {
  Options opt = parse(argc, argv);
  retrace::backend::g_test_alu_counts_as_neutral = opt.assume_alu_neutral;
  Runner runner;
  runner.tiers = opt.tiers;
  opt.gen.addr32 = runner.mem_addr() + kMemSize < (1ull << 31);
  Generator gen(opt.gen, runner.mem_addr());
  std::map<std::string, unsigned>
      skipped_forms;  // --skip-unsupported: mnemonic -> units not generated
  if (opt.skip_unsupported)
    gen.set_filter([&](const Unit& u) {
      std::string diag;
      if (runner.supported(u, &diag)) return true;
      ++skipped_forms[mnemonic_of(diag)];
      return false;
    });

  uint64_t passed = 0, failed = 0, unsupported = 0, empty = 0;
  std::map<std::string, KindStats> culprits;        // failing kind -> stats
  std::map<std::string, KindStats> unsupported_by;  // mnemonic -> stats
  std::map<std::string, unsigned> by_status;

  for (uint64_t n = 0; n < opt.count; ++n) {
    const uint64_t seed = opt.first + n;
    Case c = gen.generate(seed);
    if (c.units.empty()) {
      ++empty;
      continue;
    }
    if (opt.dump) {
      printf("--- seed %" PRIu64 " (%zu units)\n", seed, c.units.size());
      print_units(c.units, "    ");
    }
    if (opt.self_check) {
      runner.corrupt_seed = seed;
      Outcome o = runner.check(c, c.units);
      if (o.status == Status::Mismatch)
        ++passed;
      else {
        ++failed;
        printf("self-check: seed %" PRIu64 ": corruption not reported (%s: %s)\n", seed,
               status_name(o.status), o.detail.c_str());
      }
      continue;
    }
    Outcome o = runner.check(c, c.units);
    if (o.status == Status::Pass) {
      ++passed;
      continue;
    }
    if (o.status == Status::Unsupported) {
      ++unsupported;
      KindStats& ks = unsupported_by[mnemonic_of(o.diagnostic)];
      if (ks.count++ == 0) ks.example = o.diagnostic + " (seed " + std::to_string(seed) + ")";
      continue;
    }
    ++failed;
    ++by_status[status_name(o.status)];
    std::vector<Unit> min = minimize(runner, c, o.status);
    runner.capture_ir = true;
    Outcome m = runner.check(c, min);
    runner.capture_ir = false;
    if (m.status == Status::Pass) m = o;  // minimization is best effort
    const Unit& culprit = min.back();
    KindStats& ks = culprits[culprit.kind];
    if (ks.count == 0) {
      std::string seq;
      for (const auto& u : min)
        for (const auto& in : u.insns) seq += (seq.empty() ? "" : "; ") + disasm(in.bytes, 0x1000);
      ks.example = "seed " + std::to_string(seed) + " [" + tier_name(m.tier) + "]: " + seq;
    }
    bool show = opt.verbose || ks.count < opt.show;
    ++ks.count;
    if (!show || opt.quiet) continue;
    printf("=== FAIL seed=%" PRIu64 " kind=%s status=%s tier=%s\n", seed, culprit.kind.c_str(),
           status_name(m.status), tier_name(m.tier));
    printf("  reproduce: retrace_difftest --seeds=%" PRIu64 " --max-len=%u --tiers=%s%s%s\n", seed,
           opt.gen.max_len, tier_name(m.tier), opt.gen.only.empty() ? "" : " --only=",
           [&] {
             std::string s;
             for (const auto& k : opt.gen.only) s += (s.empty() ? "" : ",") + k;
             return s;
           }()
               .c_str());
    printf("  initial state:\n");
    print_state(c.init);
    if (opt.verbose) {
      printf("  original sequence (%zu units):\n", c.units.size());
      print_units(c.units, "    ");
    }
    printf("  minimal sequence (%zu of %zu units; the last is the culprit):\n", min.size(),
           c.units.size());
    print_units(min, "    ");
    printf("  %s:\n%s", m.status == Status::Mismatch ? "differences" : "problem", m.detail.c_str());
    if (!m.detail.empty() && m.detail.back() != '\n') printf("\n");
    if (!m.ir.empty()) {
      printf("  IR run (%s):\n", tier_name(m.tier));
      size_t at = 0;
      while (at < m.ir.size()) {
        size_t e = m.ir.find('\n', at);
        if (e == std::string::npos) e = m.ir.size();
        printf("    %.*s\n", static_cast<int>(e - at), m.ir.c_str() + at);
        at = e + 1;
      }
    }
    fflush(stdout);
  }

  if (!culprits.empty()) {
    printf("failing kinds (culprit = last unit of the minimized case):\n");
    for (const auto& [k, s] : culprits)
      printf("  %-10s %5u  e.g. %s\n", k.c_str(), s.count, s.example.c_str());
    for (const auto& [k, n] : by_status) printf("  status %s: %u\n", k.c_str(), n);
  }
  if (!unsupported_by.empty()) {
    printf("unsupported instructions hit:\n");
    for (const auto& [k, s] : unsupported_by)
      printf("  %-12s %5u  e.g. %s\n", k.c_str(), s.count, s.example.c_str());
  }
  if (!skipped_forms.empty()) {
    printf("not generated (--skip-unsupported), units rejected per mnemonic:\n ");
    for (const auto& [k, n] : skipped_forms) printf(" %s(%u)", k.c_str(), n);
    printf("\n");
  }
  if (empty) printf("%" PRIu64 " cases had no supported unit and were skipped\n", empty);
  // The native variants must exercise what they are there for; a harness change that
  // quietly stopped chaining or flushing would otherwise pass forever. Enforced for the
  // default mix (the ctest configuration).
  bool coverage_ok = true;
  for (Tier t : opt.tiers) {
    if (!is_native(t)) continue;
    const NativeStats& ns = runner.native_stats[static_cast<size_t>(t)];
    if (!opt.quiet)
      printf("%-22s %" PRIu64 " cases: %" PRIu64 " translations, %" PRIu64 " entries for %" PRIu64
             " blocks, %" PRIu64 " flushes of a full cache\n",
             tier_name(t), ns.cases, ns.translations, ns.entries, ns.guest_blocks, ns.full_flushes);
    // (Only the 64-instruction-block tier has room for producer, op and reader in a block.)
    if (opt.assume_alu_neutral && t == Tier::Native && ns.cases >= 1000 && ns.retranslated == 0) {
      printf("coverage: %s: --assume-alu-neutral but no block was retranslated\n", tier_name(t));
      coverage_ok = false;
    }
    if (opt.assume_alu_neutral && !opt.quiet)
      printf("%-22s %" PRIu64 " blocks retranslated with every lazy-flag store\n", tier_name(t), ns.retranslated);
    if (ns.cases < 1000 || opt.self_check) continue;
    const char* why = nullptr;
    if (t == Tier::NativeOne && ns.entries * 2 > ns.guest_blocks) why = "blocks did not run chained";
    if (t == Tier::NativeTiny && ns.full_flushes == 0) why = "the tiny cache never filled up";
    // Short or restricted cases (--max-len, --only) may legitimately never fill 4 KiB.
    const bool enforce = opt.gen.max_len >= 30 && opt.gen.only.empty();
    if (why) {
      printf("coverage%s: %s: %s\n", enforce ? "" : " (note only, not the default mix)", tier_name(t), why);
      if (enforce) coverage_ok = false;
    }
  }
  uint64_t total_failed = failed + (opt.skip_unsupported ? 0 : unsupported) + (coverage_ok ? 0 : 1);
  printf("%" PRIu64 " passed, %" PRIu64 " failed (%" PRIu64 " mismatch/error, %" PRIu64
         " unsupported%s)\n",
         passed, total_failed, failed, unsupported, opt.skip_unsupported ? ", not counted" : "");
  return total_failed == 0 && passed > 0 ? 0 : 1;
}
