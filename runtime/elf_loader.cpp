#include "runtime/elf_loader.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/guest_memory.h"

namespace retrace::rt {

namespace {

// Highest user address + 1 on x86-64 with 4-level paging (TASK_SIZE_MAX).
constexpr uint64_t kUserTop = 0x7fff'ffff'f000ull;
// The kernel's default vm.mmap_min_addr; nothing can be mapped below it.
constexpr uint64_t kMinAddr = 0x10000;
// "No absurd sizes": an image larger than this is certainly corrupt.
constexpr uint64_t kMaxImageSpan = 64ull << 30;
constexpr size_t kMaxPhdrTable = 64 * 1024;  // the kernel's limit too

[[gnu::format(printf, 3, 4)]] bool fail(LoadError& err, const std::string& name, const char* fmt,
                                        ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  err.exit_code = 126;
  err.message = name + ": " + buf;
  return false;
}

const char* machine_name(unsigned m) {
  switch (m) {
    case EM_386:
      return "i386";
    case EM_ARM:
      return "ARM";
    case EM_AARCH64:
      return "AArch64";
    case EM_RISCV:
      return "RISC-V";
    case EM_PPC64:
      return "PowerPC64";
    case EM_S390:
      return "s390";
    case EM_MIPS:
      return "MIPS";
    case EM_SPARCV9:
      return "SPARC V9";
    case EM_LOONGARCH:
      return "LoongArch";
    default:
      return nullptr;
  }
}

bool add_overflows(uint64_t a, uint64_t b) {
  return a + b < a;
}

}  // namespace

bool parse_elf(const std::string& name, uint64_t size, const ReadAt& read, ElfInfo& out,
               LoadError& err) {
  out = ElfInfo{};
  unsigned char ident[EI_NIDENT] = {};
  uint64_t got = std::min<uint64_t>(size, EI_NIDENT);
  if (got && !read(0, ident, got)) return fail(err, name, "cannot read the ELF header");
  if (size < SELFMAG || memcmp(ident, ELFMAG, SELFMAG) != 0)
    return fail(err, name, "not an ELF executable (no ELF magic at offset 0%s)",
                size == 0 ? "; the file is empty" : "");
  if (size <= EI_CLASS)
    return fail(err, name, "truncated ELF header (file is %llu bytes)",
                static_cast<unsigned long long>(size));
  if (ident[EI_CLASS] != ELFCLASS64)
    return fail(err, name,
                "%s ELF (e_ident[EI_CLASS]=%u at offset 0x%x) is not supported; only 64-bit x86-64 "
                "programs run",
                ident[EI_CLASS] == ELFCLASS32 ? "32-bit" : "invalid-class", ident[EI_CLASS],
                EI_CLASS);
  if (size <= EI_DATA || ident[EI_DATA] != ELFDATA2LSB)
    return fail(err, name, "not a little-endian ELF (e_ident[EI_DATA]=%u at offset 0x%x)",
                size > EI_DATA ? ident[EI_DATA] : 0, EI_DATA);
  if (size < sizeof(Elf64_Ehdr))
    return fail(err, name, "truncated ELF header (file is %llu bytes, an ELF64 header needs %zu)",
                static_cast<unsigned long long>(size), sizeof(Elf64_Ehdr));
  Elf64_Ehdr eh;
  if (!read(0, &eh, sizeof eh)) return fail(err, name, "cannot read the ELF header");
  if (eh.e_ident[EI_VERSION] != EV_CURRENT)
    return fail(err, name, "unknown ELF version %u (e_ident[EI_VERSION] at offset 0x%x)",
                eh.e_ident[EI_VERSION], EI_VERSION);
  if (eh.e_machine != EM_X86_64) {
    const char* m = machine_name(eh.e_machine);
    return fail(err, name, "ELF machine is %u%s%s%s, not x86-64 (e_machine at offset 0x%zx)",
                eh.e_machine, m ? " (" : "", m ? m : "", m ? ")" : "",
                offsetof(Elf64_Ehdr, e_machine));
  }
  switch (eh.e_type) {
    case ET_EXEC:
      break;
    case ET_DYN:
      out.pie = true;
      break;
    case ET_REL:
      return fail(err, name,
                  "a relocatable object file (ET_REL), not an executable; link it first");
    case ET_CORE:
      return fail(err, name, "a core dump (ET_CORE), not an executable");
    default:
      return fail(err, name, "unknown ELF type %u (e_type at offset 0x%zx)", eh.e_type,
                  offsetof(Elf64_Ehdr, e_type));
  }
  if (eh.e_phnum == 0) return fail(err, name, "no program headers (e_phnum is 0)");
  if (eh.e_phnum == PN_XNUM)
    return fail(err, name, "extended program header count (PN_XNUM) is not supported");
  if (eh.e_phentsize != sizeof(Elf64_Phdr))
    return fail(err, name,
                "program header entry size is %u, expected %zu (e_phentsize at offset 0x%zx)",
                eh.e_phentsize, sizeof(Elf64_Phdr), offsetof(Elf64_Ehdr, e_phentsize));
  uint64_t table = uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  if (table > kMaxPhdrTable)
    return fail(err, name, "program header table too large (%u entries)", eh.e_phnum);
  if (eh.e_phoff >= size || add_overflows(eh.e_phoff, table) || eh.e_phoff + table > size)
    return fail(
        err, name,
        "program header table (%u entries at offset 0x%llx) extends past end of file (size 0x%llx)",
        eh.e_phnum, static_cast<unsigned long long>(eh.e_phoff),
        static_cast<unsigned long long>(size));
  if (eh.e_phoff % alignof(Elf64_Phdr) != 0)
    return fail(err, name, "misaligned program header table (e_phoff 0x%llx)",
                static_cast<unsigned long long>(eh.e_phoff));

  out.entry = eh.e_entry;
  out.phoff = eh.e_phoff;
  out.phnum = eh.e_phnum;
  out.phentsize = eh.e_phentsize;
  out.phdrs.resize(table);
  if (!read(eh.e_phoff, out.phdrs.data(), table))
    return fail(err, name, "cannot read the program header table");
  std::vector<Elf64_Phdr> ph(eh.e_phnum);
  memcpy(ph.data(), out.phdrs.data(), table);

  uint64_t phdr_vaddr = 0;
  bool have_pt_phdr = false;
  for (unsigned i = 0; i < eh.e_phnum; i++) {
    const Elf64_Phdr& p = ph[i];
    uint64_t at = eh.e_phoff + uint64_t{i} * sizeof(Elf64_Phdr);
    auto ull = [](uint64_t v) { return static_cast<unsigned long long>(v); };
    if (p.p_type == PT_INTERP) {
      if (!out.interp.empty()) continue;  // the kernel uses the first one
      // The kernel's checks: a NUL-terminated path of 2..PATH_MAX bytes inside the file.
      if (p.p_filesz < 2 || p.p_filesz > PATH_MAX || p.p_offset >= size ||
          add_overflows(p.p_offset, p.p_filesz) || p.p_offset + p.p_filesz > size)
        return fail(err, name,
                    "program header %u (PT_INTERP at offset 0x%llx): interpreter path 0x%llx+0x%llx "
                    "is empty, too long or past end of file",
                    i, ull(at), ull(p.p_offset), ull(p.p_filesz));
      std::string interp(p.p_filesz, '\0');
      if (!read(p.p_offset, interp.data(), p.p_filesz))
        return fail(err, name, "cannot read the PT_INTERP path (program header %u)", i);
      if (interp.back() != '\0')
        return fail(err, name,
                    "program header %u (PT_INTERP): interpreter path is not NUL-terminated", i);
      interp.resize(strlen(interp.c_str()));  // the kernel stops at the first NUL too
      if (interp.empty())
        return fail(err, name, "program header %u (PT_INTERP): empty interpreter path", i);
      out.interp = interp;
      continue;
    }
    if (p.p_type == PT_GNU_STACK) {
      out.exec_stack = (p.p_flags & PF_X) != 0;
      continue;
    }
    if (p.p_type == PT_PHDR) {
      have_pt_phdr = true;
      phdr_vaddr = p.p_vaddr;
      continue;
    }
    if (p.p_type != PT_LOAD) continue;
    if (p.p_filesz > p.p_memsz)
      return fail(
          err, name,
          "program header %u (PT_LOAD at offset 0x%llx): p_filesz 0x%llx exceeds p_memsz 0x%llx", i,
          ull(at), ull(p.p_filesz), ull(p.p_memsz));
    if (p.p_filesz > 0 && (p.p_offset >= size || add_overflows(p.p_offset, p.p_filesz) ||
                           p.p_offset + p.p_filesz > size))
      return fail(err, name,
                  "program header %u (PT_LOAD) extends past end of file (file range 0x%llx+0x%llx, "
                  "file size 0x%llx)",
                  i, ull(p.p_offset), ull(p.p_filesz), ull(size));
    if (p.p_memsz == 0) continue;  // maps nothing
    if (add_overflows(p.p_vaddr, p.p_memsz) || p.p_vaddr + p.p_memsz > kUserTop)
      return fail(err, name,
                  "program header %u (PT_LOAD) memory range 0x%llx+0x%llx is outside user space", i,
                  ull(p.p_vaddr), ull(p.p_memsz));
    if (p.p_align > 1 && (p.p_align & (p.p_align - 1)) != 0)
      return fail(err, name, "program header %u (PT_LOAD): p_align 0x%llx is not a power of two", i,
                  ull(p.p_align));
    if ((p.p_vaddr - p.p_offset) % kPageSize != 0)
      return fail(err, name,
                  "program header %u (PT_LOAD): p_vaddr 0x%llx and p_offset 0x%llx differ modulo "
                  "the page size",
                  i, ull(p.p_vaddr), ull(p.p_offset));
    if (!out.loads.empty()) {
      const ElfSegment& prev = out.loads.back();
      if (p.p_vaddr < prev.vaddr + prev.memsz)
        return fail(err, name,
                    "program header %u (PT_LOAD at 0x%llx) overlaps or precedes program header %u "
                    "(PT_LOAD ending at 0x%llx)",
                    i, ull(p.p_vaddr), prev.index, ull(prev.vaddr + prev.memsz));
    }
    out.loads.push_back({i, p.p_offset, p.p_vaddr, p.p_filesz, p.p_memsz, p.p_flags});
    out.max_align = std::max<uint64_t>(out.max_align, std::max<uint64_t>(p.p_align, kPageSize));
    // Where the kernel would find the program headers if there is no PT_PHDR.
    if (!have_pt_phdr && phdr_vaddr == 0 && p.p_offset <= eh.e_phoff &&
        eh.e_phoff + table <= p.p_offset + p.p_filesz)
      phdr_vaddr = p.p_vaddr + (eh.e_phoff - p.p_offset);
  }
  if (out.loads.empty()) return fail(err, name, "no loadable segments (no PT_LOAD program header)");
  out.lo = page_down(out.loads.front().vaddr);
  out.hi = page_up(out.loads.back().vaddr + out.loads.back().memsz);
  if (out.hi - out.lo > kMaxImageSpan)
    return fail(err, name, "loadable segments span 0x%llx bytes (0x%llx-0x%llx), which is absurd",
                static_cast<unsigned long long>(out.hi - out.lo),
                static_cast<unsigned long long>(out.lo), static_cast<unsigned long long>(out.hi));
  if (!out.pie && out.lo < kMinAddr)
    return fail(err, name, "loads at 0x%llx, below the lowest mappable address 0x%llx",
                static_cast<unsigned long long>(out.lo), static_cast<unsigned long long>(kMinAddr));
  bool entry_ok = false;
  for (const ElfSegment& s : out.loads)
    if (out.entry >= s.vaddr && out.entry < s.vaddr + s.memsz) entry_ok = true;
  if (!entry_ok)
    return fail(err, name,
                "entry point 0x%llx (e_entry at offset 0x%zx) is outside every loadable segment",
                static_cast<unsigned long long>(out.entry), offsetof(Elf64_Ehdr, e_entry));
  if (have_pt_phdr) {
    // PT_PHDR must point into loaded memory, else glibc would read garbage.
    bool in = false;
    for (const ElfSegment& s : out.loads)
      if (phdr_vaddr >= s.vaddr && phdr_vaddr + table <= s.vaddr + s.memsz) in = true;
    if (!in) phdr_vaddr = 0;
  }
  out.phdr_vaddr = phdr_vaddr;
  return true;
}

namespace {

int prot_of(uint32_t pf) {
  return ((pf & PF_R) ? PROT_READ : 0) | ((pf & PF_W) ? PROT_WRITE : 0) |
         ((pf & PF_X) ? PROT_EXEC : 0);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

bool load_elf(const std::string& path, LoadedImage& out, LoadError& err, LoadAs as) {
  out = LoadedImage{};
  Fd f;
  f.fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (f.fd < 0) {
    int e = errno;
    err.exit_code = e == ENOENT || e == ENOTDIR ? 127 : 126;
    err.message = path + ": " + strerror(e);
    return false;
  }
  struct stat st;
  if (fstat(f.fd, &st) != 0) return fail(err, path, "%s", strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail(err, path, "Is a directory");
  if (!S_ISREG(st.st_mode)) return fail(err, path, "not a regular file");
  // Like execve: the file must be executable by us (`retrace run` of a file without +x
  // fails as the native run would).
  if (access(path.c_str(), X_OK) != 0) return fail(err, path, "%s", strerror(errno));

  uint64_t size = static_cast<uint64_t>(st.st_size);
  int fd = f.fd;
  ReadAt read = [fd](uint64_t off, void* buf, size_t n) {
    size_t done = 0;
    while (done < n) {
      ssize_t r =
          pread(fd, static_cast<char*>(buf) + done, n - done, static_cast<off_t>(off + done));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      done += static_cast<size_t>(r);
    }
    return true;
  };
  ElfInfo info;
  if (!parse_elf(path, size, read, info, err)) return false;
  if (as == LoadAs::Interpreter && !info.interp.empty()) {
    std::string ip;
    for (char c : info.interp) ip.push_back(c < 0x20 || c > 0x7e ? '?' : c);  // for a terminal
    return fail(err, path, "names an interpreter itself (PT_INTERP %s); an interpreter must be "
                "statically linked", ip.c_str());
  }

  // Reserve the whole span first: one address range, owned by the guest, that the
  // segments are then mapped into with MAP_FIXED (safe: it is ours).
  uint64_t span = info.hi - info.lo;
  void* base = MAP_FAILED;
  constexpr int kReserve = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
  if (!info.pie) {
    base = mmap(reinterpret_cast<void*>(info.lo), span, PROT_NONE, kReserve | MAP_FIXED_NOREPLACE,
                -1, 0);
    if (base == MAP_FAILED) {
      int e = errno;
      if (e == EEXIST)
        return fail(err, path,
                    "cannot be loaded at its link address 0x%llx-0x%llx: the range is in use by "
                    "retrace itself",
                    static_cast<unsigned long long>(info.lo),
                    static_cast<unsigned long long>(info.hi));
      return fail(err, path, "cannot map 0x%llx-0x%llx: %s",
                  static_cast<unsigned long long>(info.lo),
                  static_cast<unsigned long long>(info.hi), strerror(e));
    }
    if (reinterpret_cast<uint64_t>(base) != info.lo) {  // kernels before 4.17 ignore NOREPLACE
      munmap(base, span);
      return fail(err, path, "cannot be loaded at its link address 0x%llx: the range is in use",
                  static_cast<unsigned long long>(info.lo));
    }
  } else {
    uint64_t align = std::max<uint64_t>(info.max_align, kPageSize);
    uint64_t pref = as == LoadAs::Interpreter ? kInterpBase : kStaticPieBase;
    uint64_t want = (pref + align - 1) & ~(align - 1);
    base =
        mmap(reinterpret_cast<void*>(want), span, PROT_NONE, kReserve | MAP_FIXED_NOREPLACE, -1, 0);
    if (base != MAP_FAILED && reinterpret_cast<uint64_t>(base) != want) {
      munmap(base, span);
      base = MAP_FAILED;
    }
    if (base == MAP_FAILED) {
      // Anywhere, aligned to the largest p_align: over-reserve, then trim.
      uint64_t extra = align > kPageSize ? align : 0;
      void* raw = mmap(nullptr, span + extra, PROT_NONE, kReserve, -1, 0);
      if (raw == MAP_FAILED)
        return fail(err, path, "cannot reserve 0x%llx bytes for the program: %s",
                    static_cast<unsigned long long>(span), strerror(errno));
      uint64_t r = reinterpret_cast<uint64_t>(raw);
      uint64_t a = (r + align - 1) & ~(align - 1);
      if (a > r) munmap(raw, a - r);
      if (r + span + extra > a + span)
        munmap(reinterpret_cast<void*>(a + span), r + span + extra - (a + span));
      base = reinterpret_cast<void*>(a);
    }
  }
  uint64_t bias = reinterpret_cast<uint64_t>(base) - info.lo;
  auto undo = [&] { munmap(base, span); };

  for (const ElfSegment& s : info.loads) {
    uint64_t vstart = s.vaddr + bias;
    uint64_t page = page_down(vstart);
    uint64_t file_end = vstart + s.filesz;  // end of the file-backed bytes
    uint64_t mem_end = vstart + s.memsz;
    if (s.filesz > 0) {
      // Writable while we zero the partial page; final protections are applied below.
      void* m =
          mmap(reinterpret_cast<void*>(page), page_up(file_end) - page, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_FIXED, fd, static_cast<off_t>(s.offset - (vstart - page)));
      if (m == MAP_FAILED) {
        int e = errno;
        undo();
        return fail(err, path, "cannot map program header %u (PT_LOAD) at 0x%llx: %s", s.index,
                    static_cast<unsigned long long>(page), strerror(e));
      }
      // bss that starts inside the last file page: the rest of that page holds whatever
      // follows in the file, and must read as zero -- up to the end of the page, not just
      // to p_memsz, as the kernel's padzero() does: ld.so's startup allocator hands out
      // the tail of its last bss page assuming it is zero.
      if (mem_end > file_end && (file_end & (kPageSize - 1)) != 0)
        memset(reinterpret_cast<void*>(file_end), 0, page_up(file_end) - file_end);
    }
    // Pages past page_up(file_end) stay anonymous zero pages from the reservation.
  }
  for (const ElfSegment& s : info.loads) {
    uint64_t page = page_down(s.vaddr + bias);
    uint64_t end = page_up(s.vaddr + bias + s.memsz);
    if (mprotect(reinterpret_cast<void*>(page), end - page, prot_of(s.flags)) != 0) {
      int e = errno;
      undo();
      return fail(err, path, "cannot set protections of program header %u: %s", s.index,
                  strerror(e));
    }
  }

  out.bias = bias;
  out.entry = info.entry + bias;
  out.phdr = info.phdr_vaddr ? info.phdr_vaddr + bias : 0;
  out.phent = info.phentsize;
  out.phnum = info.phnum;
  out.phdrs = std::move(info.phdrs);
  out.start = info.lo + bias;
  out.end = info.hi + bias;
  out.brk_start = out.end;
  char* rp = realpath(path.c_str(), nullptr);
  out.real_path = rp ? rp : path;
  free(rp);
  out.interp = std::move(info.interp);
  out.exec_stack = info.exec_stack;
  return true;
}

}  // namespace retrace::rt
