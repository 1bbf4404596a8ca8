// ELF loader: validates a static x86-64 ELF64 executable and maps it into our own
// address space (guest address == host address), the way the kernel's binfmt_elf does.
//
// Two steps, so that validation can be tested without mapping anything:
//
//   parse_elf()  headers only (ELF header, program headers, PT_INTERP string), read
//                through a callback. Every field that the mapper trusts is checked here;
//                a bad file is a LoadError naming the file, the problem and the offset.
//   load_elf()   opens the file, parses it, reserves the whole image span with one
//                PROT_NONE mapping (MAP_FIXED_NOREPLACE at the link address for ET_EXEC,
//                so retrace's own memory is never clobbered; at kStaticPieBase, or where
//                mmap chooses, for static-PIE ET_DYN), then maps each PT_LOAD inside it:
//
//   p_vaddr-page_off          p_vaddr        p_vaddr+p_filesz     p_vaddr+p_memsz
//        │ file-backed MAP_PRIVATE|MAP_FIXED pages │ zeroed tail │ anonymous zero pages │
//        └─────── from p_offset-page_off ───────────┴─ (partial ─┴──── (reservation) ───┘
//                                                       page)
//   and finally mprotects each segment to the protection its p_flags ask for.
//
// Dynamically linked programs: parse_elf records the PT_INTERP path; the caller
// (GuestProcess) then loads that interpreter with load_elf(..., LoadAs::Interpreter), which
// validates it exactly as strictly and additionally refuses an interpreter that names an
// interpreter itself (as the kernel does).
//
// Not supported (clear errors): ELFCLASS32, big-endian, other machines, ET_REL/ET_CORE,
// PN_XNUM program header counts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace retrace::rt {

// A load failure: `message` names the file and says what is wrong and where; the
// command line prints it as "retrace: <message>" and exits with `exit_code` (127 when the
// file does not exist, like a shell; 126 when it exists but cannot be run).
struct LoadError {
  int exit_code = 126;
  std::string message;
};

struct ElfSegment {
  unsigned index;  // program header number (for messages)
  uint64_t offset, vaddr, filesz, memsz;
  uint32_t flags;  // PF_R | PF_W | PF_X
};

// Validated headers; addresses are link-time (unrelocated) addresses.
struct ElfInfo {
  bool pie = false;  // ET_DYN (static-PIE): relocated by a load bias
  uint64_t entry = 0;
  uint64_t phoff = 0;
  uint16_t phnum = 0;
  uint16_t phentsize = 0;
  std::vector<ElfSegment> loads;  // PT_LOAD, ascending vaddr
  uint64_t lo = 0, hi = 0;        // page-aligned span of all PT_LOADs
  uint64_t max_align = 0;         // largest PT_LOAD p_align (a power of two >= page)
  // Where the program header table is in memory (PT_PHDR, or the PT_LOAD whose file
  // range covers it); 0 if it is not loaded (the stack builder then copies `phdrs`).
  uint64_t phdr_vaddr = 0;
  std::vector<uint8_t> phdrs;  // the raw program header table
  std::string interp;          // PT_INTERP path (dynamically linked), "" if none
  bool exec_stack = false;     // PT_GNU_STACK with PF_X
};

// Reads exactly n bytes at file offset `off`; false if that is not possible.
using ReadAt = std::function<bool(uint64_t off, void* buf, size_t n)>;

// `name` is used in messages only.
bool parse_elf(const std::string& name, uint64_t file_size, const ReadAt& read, ElfInfo& out,
               LoadError& err);

struct LoadedImage {
  uint64_t bias = 0;   // load address - link address (0 for ET_EXEC)
  uint64_t entry = 0;  // relocated
  uint64_t phdr = 0;   // relocated AT_PHDR, 0 if the table is not loaded
  uint16_t phent = 0, phnum = 0;
  std::vector<uint8_t> phdrs;   // raw table (for copying onto the stack if phdr == 0)
  uint64_t start = 0, end = 0;  // mapped span (page-aligned)
  uint64_t brk_start = 0;       // page-aligned end of the highest segment
  std::string real_path;        // canonical absolute path (for /proc/self/exe)
  std::string interp;           // PT_INTERP path, "" for a static program
  // PT_GNU_STACK asks for an executable stack (PF_X). Without the header a 64-bit
  // program's stack is not executable either (the kernel's READ_IMPLIES_EXEC default is
  // for 32-bit programs only).
  bool exec_stack = false;
};

// Preferred load address for static-PIE executables. Far from retrace itself (a PIE at
// 0x55..-0x56.. , its heap after it) and from the top-down mmap area (0x7f..).
inline constexpr uint64_t kStaticPieBase = 0x4000'0000'0000ull;

// Preferred load address of the program interpreter (ld.so). The kernel puts it in the
// mmap area; a fixed spot 1 TiB above the PIE base keeps runs reproducible and leaves the
// top-down mmap area to the libraries ld.so maps.
inline constexpr uint64_t kInterpBase = 0x4100'0000'0000ull;

enum class LoadAs {
  Program,      // the program itself: ET_EXEC at its link address, ET_DYN at kStaticPieBase
  Interpreter,  // a PT_INTERP interpreter: ET_DYN at kInterpBase; must not have PT_INTERP
};

bool load_elf(const std::string& path, LoadedImage& out, LoadError& err,
              LoadAs as = LoadAs::Program);

}  // namespace retrace::rt
