// The persistent decode cache (decode_cache.h): entries, the file, and the process's cache.
#include "runtime/decode_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <nmmintrin.h>

#include "ir/host_cpu.h"
#include "ir/vecops.h"
#include "ir/x87.h"

namespace retrace::rt {

namespace {

// A 64-bit hash of bytes, a word at a time (checksums and keys; not cryptographic).
uint64_t hash64(const uint8_t* p, size_t n, uint64_t seed) {
  uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ull);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
  }
  uint64_t w = 0;
  memcpy(&w, p + i, n - i);
  h = (h ^ w ^ (static_cast<uint64_t>(n - i) << 56)) * 0x94d049bb133111ebull;
  return h ^ (h >> 29);
}

// The checksum of an entry or of the index: CRC32-C in three interleaved lanes (SSE4.2,
// part of retrace's host baseline), a few cycles for a block's entry.
__attribute__((target("sse4.2"))) uint64_t checksum(const uint8_t* p, size_t n) {
  uint64_t a = 0, b = 0x9E3779B9, c = 0x7F4A7C15;
  size_t i = 0;
  for (; i + 24 <= n; i += 24) {
    uint64_t w[3];
    memcpy(w, p + i, 24);
    a = _mm_crc32_u64(a, w[0]);
    b = _mm_crc32_u64(b, w[1]);
    c = _mm_crc32_u64(c, w[2]);
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    a = _mm_crc32_u64(a, w);
  }
  uint64_t w = 0;
  if (n > i) memcpy(&w, p + i, n - i);
  a = _mm_crc32_u64(a, w);
  return (a | b << 32) ^ (c << 16) ^ n;
}

size_t pad8(size_t n) { return (n + 7) & ~size_t{7}; }

// An entry: this head, the guest bytes (padded to 8), the IR instructions, the marks, and
// the relocations (instruction index << 2 | field << 1 | shifted; field 0 imm, 1 imm2;
// padded to 8). A relocated field holds its value minus the block's pc (shifted: minus
// pc << 16, an x87 op's x87_imm).
struct EntryHead {
  uint64_t check;  // checksum() of the entry after this field
  uint64_t key;
  uint32_t size;   // the whole entry, a multiple of 8
  uint32_t nbytes;
  uint32_t len;    // block end - pc
  uint32_t ninsts;
  uint32_t nmarks;
  uint16_t next_temp;
  uint16_t nrelocs;
};
static_assert(sizeof(EntryHead) == 40);

struct FileHead {
  char magic[8];
  uint64_t build;  // the retrace binary, the IR's layout and the host CPU features decoding looked at
  uint64_t count;
  uint64_t index_off;  // count (key, offset) pairs, ordered by key; they end the file
  uint64_t size;
  uint64_t index_check;  // checksum() of the index
};
constexpr char kMagic[8] = {'R', 'T', 'D', 'C', 'A', 'C', 'H', '1'};

// A file holds at most kMaxFile bytes of entries; past that it keeps its last run's new ones
// (which the recording stops at, kMaxPending: a large program's start-up, in the order it ran).
constexpr size_t kMaxFile = 64u << 20;
constexpr size_t kMaxPending = kMaxFile;

uint64_t build_identity() {
  static const uint64_t id = [] {
    uint64_t v[12] = {};
    struct stat sb;
    if (stat("/proc/self/exe", &sb) == 0) {
      v[0] = sb.st_dev;
      v[1] = sb.st_ino;
      v[2] = static_cast<uint64_t>(sb.st_size);
      v[3] = static_cast<uint64_t>(sb.st_mtim.tv_sec);
      v[4] = static_cast<uint64_t>(sb.st_mtim.tv_nsec);
    }
    const ir::HostCpu& c = ir::host_cpu();
    v[5] = c.popcnt | c.lzcnt << 1 | c.tzcnt << 2 | c.bmi2 << 3 | c.aes << 4 | c.pclmul << 5;
    v[6] = sizeof(ir::Inst);
    v[7] = sizeof(ir::InsnMark);
    v[8] = sizeof(EntryHead);
    v[9] = 2;  // format version
    return hash64(reinterpret_cast<const uint8_t*>(v), sizeof v, 0x7265747261636521ull);
  }();
  return id;
}

bool same_shape(const ir::Inst& x, const ir::Inst& y) {
  return x.op == y.op && x.type == y.type && x.aux == y.aux && x.aux2 == y.aux2 && x.dst == y.dst && x.a == y.a &&
         x.b == y.b && x.c == y.c && x.pad == y.pad;
}

void note(bool verbose, const std::string& path, const char* what) {
  if (verbose) fprintf(stderr, "retrace: decode cache %s: %s\n", path.c_str(), what);
}

bool write_all(int fd, const uint8_t* p, size_t n) {
  while (n) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= static_cast<size_t>(k);
  }
  return true;
}

// The cache directory kept under kMaxDirBytes and kMaxDirFiles: the files least recently
// used go first (open() touches a file it uses; a run records into one it had not used).
// Temporary files of runs that died while writing go once they are an hour old.
constexpr uint64_t kMaxDirBytes = 1ull << 30;
constexpr size_t kMaxDirFiles = 4096;
void prune(const std::string& dir, const std::string& keep) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  struct File {
    int64_t used;
    uint64_t bytes;
    std::string path;
  };
  std::vector<File> files;
  uint64_t total = 0;
  const int64_t now = time(nullptr);
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    const bool tmp = name.find(".rtdc.tmp.") != std::string::npos;
    if (!tmp && (name.size() < 5 || name.compare(name.size() - 5, 5, ".rtdc") != 0)) continue;
    const std::string path = dir + "/" + name;
    struct stat sb;
    if (lstat(path.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) continue;
    if (tmp) {
      if (now - sb.st_mtime > 3600) unlink(path.c_str());
      continue;
    }
    files.push_back({static_cast<int64_t>(sb.st_mtime), static_cast<uint64_t>(sb.st_size), path});
    total += static_cast<uint64_t>(sb.st_size);
  }
  closedir(d);
  if (total <= kMaxDirBytes && files.size() <= kMaxDirFiles) return;
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.used < b.used; });
  size_t n = files.size();
  for (const File& f : files) {
    if (total <= kMaxDirBytes * 3 / 4 && n <= kMaxDirFiles * 3 / 4) break;
    if (f.path == keep) continue;
    if (unlink(f.path.c_str()) == 0) {
      total -= f.bytes;
      --n;
    }
  }
}

void mkdirs(const std::string& dir) {
  for (size_t i = 1; i <= dir.size(); ++i)
    if (i == dir.size() || dir[i] == '/') mkdir(dir.substr(0, i).c_str(), 0700);
}

}  // namespace

uint64_t decode_variant(const x86::DecodeOptions& opt) {
  return static_cast<uint64_t>(opt.max_insns) | static_cast<uint64_t>(opt.side_exits) << 32 |
         static_cast<uint64_t>(opt.hidden_operands) << 33 | static_cast<uint64_t>(opt.fast_decoder) << 34;
}

uint64_t entry_key(const uint8_t* first16, uint64_t pc, uint64_t variant) {
  return hash64(first16, 16, (variant * 0x9E3779B97F4A7C15ull) ^ (pc & 4095));
}

namespace {
EntryHead head_of(const uint8_t* entry) {
  EntryHead h;
  memcpy(&h, entry, sizeof h);
  return h;
}

// Relocation r (see EntryHead) of insts moved by `by` (the pc; shifted: the pc << 16).
void relocate(ir::Inst* insts, uint32_t r, uint64_t by) {
  ir::Inst& in = insts[r >> 2];
  (r & 2 ? in.imm2 : in.imm) += by << (r & 1 ? 16 : 0);
}
}  // namespace

uint64_t entry_key_of(const uint8_t* entry) { return head_of(entry).key; }

bool encode_entry(const ir::Block& at_pc, const ir::Block& moved, const uint8_t* bytes, size_t nbytes,
                  uint64_t variant, std::vector<uint8_t>& out) {
  const uint64_t pc = at_pc.pc, len = at_pc.end - at_pc.pc;
  if (at_pc.insts.empty() || at_pc.insts.size() > (1u << 24) || at_pc.end <= pc || nbytes < len || nbytes < 16 ||
      nbytes > (1u << 20) || at_pc.terminator().op == ir::Op::ExitTrap || at_pc.host_addresses ||
      moved.host_addresses || moved.pc != pc + kProbeDelta || moved.end - moved.pc != len ||
      moved.insts.size() != at_pc.insts.size() || moved.marks.size() != at_pc.marks.size() ||
      moved.next_temp != at_pc.next_temp)
    return false;
  for (size_t i = 0; i < at_pc.marks.size(); ++i)
    if (at_pc.marks[i].first_inst != moved.marks[i].first_inst || at_pc.marks[i].off != moved.marks[i].off) return false;
  thread_local std::vector<uint32_t> relocs;
  relocs.clear();
  for (size_t i = 0; i < at_pc.insts.size(); ++i) {
    const ir::Inst &x = at_pc.insts[i], &m = moved.insts[i];
    if (!same_shape(x, m)) return false;
    const uint64_t mine[2] = {x.imm, x.imm2}, theirs[2] = {m.imm, m.imm2};
    for (uint32_t f = 0; f < 2; ++f) {
      if (mine[f] == theirs[f]) continue;
      // An address, or (the x87 ops' imm, x87_imm) an address shifted left by 16.
      const uint32_t shifted = theirs[f] - mine[f] == kProbeDelta << 16;
      if (!shifted && theirs[f] - mine[f] != kProbeDelta) return false;  // neither constant nor an address
      relocs.push_back(static_cast<uint32_t>(i << 2 | f << 1 | shifted));
    }
  }
  if (relocs.size() > 0xffff) return false;
  EntryHead h{};
  h.size = static_cast<uint32_t>(sizeof h + pad8(nbytes) + at_pc.insts.size() * sizeof(ir::Inst) +
                                 at_pc.marks.size() * sizeof(ir::InsnMark) + pad8(relocs.size() * 4));
  h.key = entry_key(bytes, pc, variant);
  h.nbytes = static_cast<uint32_t>(nbytes);
  h.len = static_cast<uint32_t>(len);
  h.ninsts = static_cast<uint32_t>(at_pc.insts.size());
  h.nmarks = static_cast<uint32_t>(at_pc.marks.size());
  h.next_temp = at_pc.next_temp;
  h.nrelocs = static_cast<uint16_t>(relocs.size());
  const size_t base = out.size();
  out.resize(base + h.size, 0);
  uint8_t* e = out.data() + base;
  size_t at = sizeof h;
  memcpy(e + at, bytes, nbytes);
  at += pad8(nbytes);
  auto* insts = reinterpret_cast<ir::Inst*>(e + at);
  memcpy(static_cast<void*>(insts), at_pc.insts.data(), at_pc.insts.size() * sizeof(ir::Inst));
  at += at_pc.insts.size() * sizeof(ir::Inst);
  for (uint32_t r : relocs) relocate(insts, r, -pc);  // (stored relative to the block)
  memcpy(e + at, at_pc.marks.data(), at_pc.marks.size() * sizeof(ir::InsnMark));
  at += at_pc.marks.size() * sizeof(ir::InsnMark);
  if (!relocs.empty()) memcpy(e + at, relocs.data(), relocs.size() * 4);
  memcpy(e, &h, sizeof h);
  h.check = checksum(e + 8, h.size - 8);
  memcpy(e, &h, sizeof h);
  return true;
}

// Whatever the file says, the IR indexes nothing out of range: known ops and types, operands
// and destinations within the block's slots, x87 and vector rows within their tables, an
// exit at the end. (A file another program wrote with a matching checksum must not get a
// wild slot into the interpreter. ir::verify checks more, definitions before uses too,
// but costs about as much as decoding the block again.)
static bool in_bounds(const ir::Block& b) {
  if (b.insts.empty() || b.next_temp > ir::kNumSlots || !ir::has(b.terminator().op, ir::prop::T)) return false;
  for (const ir::Inst& in : b.insts) {
    if (static_cast<unsigned>(in.op) >= ir::kNumOps || in.type > ir::Type::Addr) return false;
    const ir::Slot args[3] = {in.a, in.b, in.c};
    for (unsigned k = 0; k < ir::info(in.op).nargs; ++k)
      if (args[k] >= b.next_temp) return false;  // (kNoSlot too)
    if (ir::has(in.op, ir::prop::R)) {
      const unsigned n = (ir::has(in.op, ir::prop::R2) ? 2 : 1) * (in.type == ir::Type::V128 ? 2 : 1);
      if (in.dst + n > b.next_temp) return false;
    }
    const unsigned row = in.aux | in.aux2 << 8;
    if (in.op == ir::Op::X87 && row >= static_cast<unsigned>(ir::X87Op::Count)) return false;
    if ((in.op == ir::Op::Vec || in.op == ir::Op::VecToInt || in.op == ir::Op::VecFlags || in.op == ir::Op::IntToVec) &&
        row >= static_cast<unsigned>(ir::VecOp::Count))
      return false;
  }
  return true;
}

std::unique_ptr<ir::Block> decode_entry(const uint8_t* entry, size_t size, uint64_t pc) {
  if (size < sizeof(EntryHead)) return nullptr;
  const EntryHead h = head_of(entry);
  const size_t want = sizeof h + pad8(h.nbytes) + static_cast<size_t>(h.ninsts) * sizeof(ir::Inst) +
                      static_cast<size_t>(h.nmarks) * sizeof(ir::InsnMark) + pad8(static_cast<size_t>(h.nrelocs) * 4);
  if (h.size != size || want != size || h.ninsts == 0 || h.len == 0 || h.len > h.nbytes) return nullptr;
  auto b = std::make_unique<ir::Block>();
  b->pc = pc;
  b->end = pc + h.len;
  const uint8_t* at = entry + sizeof h + pad8(h.nbytes);
  // (Entries are 8-aligned in the file and in memory, as their fields are.)
  const auto* insts = reinterpret_cast<const ir::Inst*>(at);
  b->insts.assign(insts, insts + h.ninsts);
  at += h.ninsts * sizeof(ir::Inst);
  const auto* marks = reinterpret_cast<const ir::InsnMark*>(at);
  b->marks.assign(marks, marks + h.nmarks);
  at += h.nmarks * sizeof(ir::InsnMark);
  for (unsigned r = 0; r < h.nrelocs; ++r) {
    uint32_t x;
    memcpy(&x, at + r * 4, 4);
    if ((x >> 2) >= h.ninsts) return nullptr;
    relocate(b->insts.data(), x, pc);
  }
  for (const ir::InsnMark& m : b->marks)
    if (m.first_inst >= h.ninsts || m.off >= h.len) return nullptr;
  b->next_temp = h.next_temp;
  return in_bounds(*b) ? std::move(b) : nullptr;
}

// ---- DecodeCache -----------------------------------------------------------------------
//
// The file is read with pread, not mapped: a mapping's pages would count in the process's
// RSS as long as they stay mapped, and a file cut short underneath it would raise SIGBUS.
// Each thread reads entries through a window of the file (kChunk bytes a read), which the
// in-order lookups walk through like a stream. The descriptor sits high (F_DUPFD, from
// kFdFloor) and is only ever read with pread: a guest that closes it, or reuses its number
// for a file of its own, makes lookups miss (every entry is checked), nothing else.

namespace {
constexpr size_t kChunk = 64 << 10;  // bytes a window reads at once (a lookup out of order: 4K)
constexpr int kFdFloor = 900;

struct Window {
  std::vector<uint8_t> buf;
  uint64_t off = 0;
  size_t len = 0;
  const void* owner = nullptr;  // (the cache it read from, and when)
  uint64_t gen = 0;
};

// fd moved to a high descriptor, out of the guest's way (it numbers its own from 3), and
// closed; -1 when the descriptor limit leaves no room above 64.
int move_high(int fd) {
  struct rlimit rl;
  const rlim_t limit = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_cur : 0;
  const int floor = static_cast<int>(std::min<rlim_t>(kFdFloor, limit > 32 ? limit - 32 : 0));
  const int high = floor >= 64 ? fcntl(fd, F_DUPFD_CLOEXEC, floor) : -1;
  ::close(fd);
  return high;
}
}  // namespace

DecodeCache::~DecodeCache() { close_file(); }

void DecodeCache::close_file() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  count_ = 0;
  index_.clear();
  entries_end_ = 0;
  dir_.clear();
  static std::atomic<uint64_t> g_generation{1};
  generation_ = g_generation.fetch_add(1) + 1;  // (unique across caches: threads' windows name it)
}

bool DecodeCache::open(const std::string& file, bool verbose) {
  close_file();
  path_ = file;
  verbose_ = verbose;
  owner_ = getpid();
  // (O_NONBLOCK: a FIFO at the path must not block; a regular file reads the same.)
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  // None yet: this is the program's first run here (or its file went). It leaves an empty
  // file; the next run records. A program run once does not pay for recording.
  first_run_ = fd < 0 && errno == ENOENT;
  if (fd < 0) return false;
  // With too low a descriptor limit for a high one, not kept: no lookups, the run records
  // as usual.
  const int high = move_high(fd);
  if (high < 0) {
    note(verbose, file, "not read (no file descriptor free above 64 for it)");
    return false;
  }
  fd = high;
  struct stat sb;
  FileHead h{};
  const char* bad = nullptr;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || static_cast<size_t>(sb.st_size) < sizeof h ||
      pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) {
    bad = "ignored (not a cache file: too short)";
  } else if (memcmp(h.magic, kMagic, sizeof kMagic) != 0) {
    bad = "ignored (not a cache file)";
  } else if (h.build != build_identity()) {
    bad = "ignored (written by another retrace build or for another CPU)";
  } else if (h.size != static_cast<uint64_t>(sb.st_size) || h.index_off < sizeof h || h.index_off % 8 ||
             h.count > h.size / 16 || h.index_off + h.count * 16 != h.size) {
    bad = "ignored (truncated or corrupt: its sizes do not add up)";
  } else {
    index_.resize(2 * h.count);
    const size_t n = h.count * 16;
    if (pread(fd, index_.data(), n, static_cast<off_t>(h.index_off)) != static_cast<ssize_t>(n))
      bad = "ignored (cannot read its index)";
    else if (checksum(reinterpret_cast<const uint8_t*>(index_.data()), n) != h.index_check)
      bad = "ignored (corrupt: its index does not match its checksum)";
    for (uint64_t i = 1; i < h.count && !bad; ++i)
      if (index_[2 * i] < index_[2 * i - 2]) bad = "ignored (corrupt: its index is out of order)";
  }
  if (bad) {
    ::close(fd);
    note(verbose, file, bad);
    close_file();
    return false;
  }
  futimens(fd, nullptr);  // (used now: the directory's pruning keeps what is used)
  fd_ = fd;
  fd_dev_ = sb.st_dev;
  fd_ino_ = sb.st_ino;
  count_ = h.count;
  entries_end_ = h.index_off;
  // A directory over the index by the keys' top bits (about one key a bucket): a lookup
  // reads one directory word and a bucket, not log2(count) scattered index lines.
  dir_bits_ = 1;
  while (dir_bits_ < 24 && (uint64_t{1} << dir_bits_) < count_) ++dir_bits_;
  dir_.assign((size_t{1} << dir_bits_) + 1, 0);
  for (uint64_t i = 0, k = 0; k <= (uint64_t{1} << dir_bits_); ++k) {
    while (i < count_ && (index_[2 * i] >> (64 - dir_bits_)) < k) ++i;
    dir_[k] = static_cast<uint32_t>(i);
  }
  return count_ > 0;
}

// The guest closed the descriptor, or put a file of its own at its number: the file again
// (the same one: device and inode), at a new high descriptor. The old number is left alone.
bool DecodeCache::reattach() {
  std::lock_guard<std::mutex> lk(reattach_mu_);
  struct stat sb;
  if (fstat(fd_, &sb) == 0 && sb.st_dev == fd_dev_ && sb.st_ino == fd_ino_) return true;  // (another thread did)
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  if (fstat(fd, &sb) != 0 || sb.st_dev != fd_dev_ || sb.st_ino != fd_ino_) {
    ::close(fd);
    return false;
  }
  const int high = move_high(fd);
  if (high < 0) return false;
  fd_ = high;
  return true;
}

// The entry at off through a thread's window (read again from off when it does not hold
// it whole); nullptr when off does not start a plausible entry.
const uint8_t* DecodeCache::entry_at(uint64_t off, size_t chunk, size_t* size) const {
  if (fd_ < 0 || off < sizeof(FileHead) || off % 8 || off + sizeof(EntryHead) > entries_end_) return nullptr;
  thread_local Window w[2];  // [0]: in order (a stream), [1]: out of order
  Window& win = w[chunk == kChunk ? 0 : 1];
  auto fill = [&](size_t n) {
    n = static_cast<size_t>(std::min<uint64_t>(n, entries_end_ - off));
    if (win.buf.size() < n) win.buf.resize(n);
    ssize_t k = pread(fd_, win.buf.data(), n, static_cast<off_t>(off));
    if (k < 0 && errno == EBADF && const_cast<DecodeCache*>(this)->reattach())
      k = pread(fd_, win.buf.data(), n, static_cast<off_t>(off));
    win.off = off;
    win.len = k > 0 ? static_cast<size_t>(k) : 0;
    win.owner = this;
    win.gen = generation_;
  };
  const auto holds = [&](uint64_t a, uint64_t n) {
    return win.owner == this && win.gen == generation_ && a >= win.off && a + n <= win.off + win.len;
  };
  if (!holds(off, sizeof(EntryHead))) fill(chunk);
  if (!holds(off, sizeof(EntryHead))) return nullptr;
  const EntryHead h = head_of(win.buf.data() + (off - win.off));
  if (h.size < sizeof h || h.size % 8 || off + h.size > entries_end_) return nullptr;
  if (!holds(off, h.size)) fill(std::max<size_t>(chunk, h.size));
  if (!holds(off, h.size)) return nullptr;
  *size = h.size;
  return win.buf.data() + (off - win.off);
}

std::unique_ptr<ir::Block> DecodeCache::take(uint64_t off, size_t chunk, uint64_t key, uint64_t pc,
                                             const uint8_t* first, const x86::CodeReader& read, size_t* size_out) {
  size_t size = 0;
  const uint8_t* e = entry_at(off, chunk, &size);
  if (!e) return nullptr;
  const EntryHead h = head_of(e);
  if (h.key != key || sizeof h + pad8(h.nbytes) > size || h.nbytes < 16) return nullptr;
  thread_local std::vector<uint8_t> now;
  now.resize(h.nbytes);
  memcpy(now.data(), first, 16);
  if (read(pc + 16, now.data() + 16, h.nbytes - 16) != h.nbytes - 16) return nullptr;
  if (memcmp(now.data(), e + sizeof h, h.nbytes) != 0) return nullptr;
  if (checksum(e + 8, size - 8) != h.check) return nullptr;
  std::unique_ptr<ir::Block> b = decode_entry(e, size, pc);
  if (!b) return nullptr;
  hits_.fetch_add(1, std::memory_order_relaxed);
  *size_out = size;
  return b;
}

std::unique_ptr<ir::Block> DecodeCache::find(uint64_t pc, const x86::CodeReader& read, const x86::DecodeOptions& opt,
                                             bool in_order) {
  if (count_ == 0 || opt.fallthru_hot) return nullptr;
  uint8_t first[16];
  if (read(pc, first, sizeof first) != sizeof first) return nullptr;
  const uint64_t key = entry_key(first, pc, decode_variant(opt));
  // Entries are in the order the run that wrote them decoded them, and a run of the same
  // program mostly decodes in that order again: the entry after the last one found is
  // tried first (the file is read as a stream), the index only when that misses.
  thread_local uint64_t t_next = 0;
  thread_local uint64_t t_gen = 0;
  if (t_gen != generation_) t_next = 0, t_gen = generation_;
  size_t size = 0;
  if (in_order && t_next) {
    if (std::unique_ptr<ir::Block> b = take(t_next, kChunk, key, pc, first, read, &size)) {
      t_next += size;
      streamed_.fetch_add(1, std::memory_order_relaxed);
      return b;
    }
  }
  const uint64_t bucket = key >> (64 - dir_bits_);
  size_t i = dir_[bucket];
  const size_t stop = dir_[bucket + 1];
  while (i < stop && index_[2 * i] < key) ++i;
  for (; i < stop && index_[2 * i] == key; ++i) {
    std::unique_ptr<ir::Block> b = take(index_[2 * i + 1], in_order ? kChunk : 4096, key, pc, first, read, &size);
    if (!b) continue;
    if (in_order) t_next = index_[2 * i + 1] + size;
    return b;
  }
  return nullptr;
}

void DecodeCache::record(const ir::Block& fresh, const x86::Frontend& fe, const x86::DecodeOptions& opt,
                         const x86::CodeReader& read) {
  if (!recording() || opt.fallthru_hot || fresh.insts.empty() || fresh.end <= fresh.pc || fresh.host_addresses ||
      fresh.terminator().op == ir::Op::ExitTrap)
    return;
  const uint64_t pc = fresh.pc, len = fresh.end - fresh.pc;
  if (len > (1u << 16)) return;
  std::vector<uint8_t> bytes(len + 16);
  const size_t got = read(pc, bytes.data(), bytes.size());
  if (got < len || got < 16) return;
  bytes.resize(got);
  const uint64_t variant = decode_variant(opt);
  const uint64_t key = entry_key(bytes.data(), pc, variant);
  const uint64_t id = hash64(bytes.data(), got, key);
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (pending_.size() >= kMaxPending || pending_seen_.count(id)) return;
  }
  // The same bytes elsewhere: what moves with the pc is an address.
  const uint64_t base = pc + kProbeDelta;
  const x86::CodeReader snapshot = [&](uint64_t a, uint8_t* out, size_t n) -> size_t {
    if (a < base || a - base >= got) return 0;
    const size_t k = std::min<size_t>(n, got - (a - base));
    memcpy(out, bytes.data() + (a - base), k);
    return k;
  };
  const x86::DecodedBlock moved = fe.decode(base, snapshot, opt);
  if (!moved.block || !moved.diagnostic.empty()) return;
  std::lock_guard<std::mutex> lk(mu_);
  if (pending_seen_.count(id)) return;
  const size_t at = pending_.size();
  if (!encode_entry(fresh, *moved.block, bytes.data(), got, variant, pending_)) return;
  pending_seen_.insert(id);
  pending_list_.push_back({key, at, pending_.size() - at});
  recorded_.fetch_add(1, std::memory_order_relaxed);
}

void DecodeCache::after_fork_child() {
  // The parent writes the file; the child (one thread now) neither records nor saves, and
  // never takes mu_, which another of the parent's threads may have held at the fork.
  forked_ = true;
}

bool DecodeCache::save() {
  if (!enabled() || forked_ || getpid() != owner_) return false;
  if (first_run_) {
    // The empty file, only where there is none: a first run that ends after a later run
    // recorded must not overwrite what that one wrote. (Cut short, it is ignored.)
    first_run_ = false;
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return false;
    FileHead h{};
    memcpy(h.magic, kMagic, sizeof kMagic);
    h.build = build_identity();
    h.index_off = h.size = sizeof h;
    h.index_check = checksum(nullptr, 0);
    const bool ok = write_all(fd, reinterpret_cast<const uint8_t*>(&h), sizeof h);
    ::close(fd);
    return ok;
  }
  std::lock_guard<std::mutex> lk(mu_);
  const size_t fresh = pending_list_.size();
  // A few new blocks are not worth rewriting a large file for: they are decoded again.
  if (fresh < 16 || fresh * 32 < count_) return false;
  struct Item {
    uint64_t key;
    const uint8_t* p;  // a new entry; nullptr: the old file's, at off
    size_t size;
    uint64_t off;
  };
  std::vector<Item> items;
  items.reserve(count_ + fresh);
  // The file's entries in their order, then this run's (past kMaxFile: this run's new
  // ones only, so a program whose runs differ a lot starts its file over).
  // Old entries are copied as they are read (items hold their file offsets), each checked
  // as a lookup checks it, and only from the file this run opened (the guest may have closed
  // its descriptor, or put a file of its own at that number).
  struct stat sb;
  const bool same_file = fd_ >= 0 && ((fstat(fd_, &sb) == 0 && sb.st_dev == fd_dev_ && sb.st_ino == fd_ino_) || reattach());
  if (same_file && sizeof(FileHead) + entries_end_ + pending_.size() + (count_ + fresh) * 16 <= kMaxFile) {
    std::vector<uint64_t> offs;
    offs.reserve(count_);
    for (uint64_t i = 0; i < count_; ++i) offs.push_back(index_[2 * i + 1]);
    std::sort(offs.begin(), offs.end());  // (in file order: the order the runs decoded them)
    for (uint64_t off : offs) {
      size_t size = 0;
      const uint8_t* e = entry_at(off, kChunk, &size);
      if (e && checksum(e + 8, size - 8) == head_of(e).check) items.push_back({entry_key_of(e), nullptr, size, off});
    }
  }
  for (const Pending& p : pending_list_) items.push_back({p.key, pending_.data() + p.off, p.size, 0});
  std::string tmp = path_ + ".tmp." + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {  // (left by a run with this pid that died while writing)
    unlink(tmp.c_str());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  }
  if (fd < 0) {
    note(verbose_, path_, (std::string("not written: ") + strerror(errno)).c_str());
    return false;
  }
  FileHead h{};
  memcpy(h.magic, kMagic, sizeof kMagic);
  h.build = build_identity();
  h.count = items.size();
  std::vector<std::pair<uint64_t, uint64_t>> index;
  index.reserve(items.size());
  std::vector<uint8_t> buf;
  buf.reserve(1 << 20);
  bool ok = true;
  uint64_t off = sizeof h;
  buf.resize(sizeof h);  // (the head is written last, over this)
  for (const Item& it : items) {
    size_t size = it.size;
    const uint8_t* p = it.p ? it.p : entry_at(it.off, kChunk, &size);
    if (!p || size != it.size) {
      ok = false;
      break;
    }
    index.emplace_back(it.key, off);
    buf.insert(buf.end(), p, p + it.size);
    off += it.size;
    if (buf.size() >= (1u << 20)) {
      ok = ok && write_all(fd, buf.data(), buf.size());
      buf.clear();
    }
  }
  std::stable_sort(index.begin(), index.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  h.index_off = off;
  h.size = off + index.size() * 16;
  h.index_check = checksum(reinterpret_cast<const uint8_t*>(index.data()), index.size() * 16);
  static_assert(sizeof(std::pair<uint64_t, uint64_t>) == 16);
  ok = ok && write_all(fd, buf.data(), buf.size());
  ok = ok && write_all(fd, reinterpret_cast<const uint8_t*>(index.data()), index.size() * 16);
  ok = ok && pwrite(fd, &h, sizeof h, 0) == static_cast<ssize_t>(sizeof h);
  ok = (::close(fd) == 0) && ok;
  if (!ok || rename(tmp.c_str(), path_.c_str()) != 0) {
    note(verbose_, path_, (std::string("not written: ") + strerror(errno)).c_str());
    unlink(tmp.c_str());
    return false;
  }
  if (!items.empty()) prune(path_.substr(0, path_.find_last_of('/')), path_);
  // This run's entries are on disk now: a second save (before an execve, then at exit)
  // writes only what came after.
  pending_.clear();
  pending_list_.clear();
  recorded_.store(0, std::memory_order_relaxed);
  return true;
}

DecodeCache& process_decode_cache() {
  static DecodeCache* c = new DecodeCache;  // (never destroyed: threads may decode until the process ends)
  return *c;
}

std::string decode_cache_file(const std::string& dir_in, const std::string& program) {
  struct stat sb;
  if (dir_in.empty() || stat(program.c_str(), &sb) != 0) return "";
  std::string dir = dir_in;
  if (dir[0] != '/') {  // (relative to where retrace started, not where the guest goes)
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return "";
    dir = std::string(cwd) + "/" + dir;
  }
  char real[PATH_MAX];
  std::string id = realpath(program.c_str(), real) ? real : program;
  const uint64_t v[5] = {sb.st_dev, sb.st_ino, static_cast<uint64_t>(sb.st_size),
                         static_cast<uint64_t>(sb.st_mtim.tv_sec), static_cast<uint64_t>(sb.st_mtim.tv_nsec)};
  id.append(reinterpret_cast<const char*>(v), sizeof v);
  const uint64_t h = hash64(reinterpret_cast<const uint8_t*>(id.data()), id.size(), 0x6465636f6465ull);
  std::string name = program.substr(program.find_last_of('/') + 1).substr(0, 40);
  for (char& ch : name)
    if (!isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-') ch = '_';
  char hex[17];
  snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  mkdirs(dir);
  return dir + "/" + name + "-" + hex + ".rtdc";
}

std::string default_decode_cache_dir() {
  if (const char* d = getenv("RETRACE_CACHE_DIR")) return strcmp(d, "off") == 0 ? "" : d;
  if (const char* x = getenv("XDG_CACHE_HOME"); x && x[0] == '/') return std::string(x) + "/retrace";
  if (const char* home = getenv("HOME"); home && home[0] == '/') return std::string(home) + "/.cache/retrace";
  return "";
}

}  // namespace retrace::rt
