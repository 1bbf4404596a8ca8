// File and directory syscalls in a fresh temporary directory: openat, write, pread, lseek,
// fstat, getdents64, rename, unlink, symlink/readlink, ftruncate, fchmod, utimensat,
// getcwd/chdir/fchdir, faccessat, newfstatat, readv/writev, pwrite64, dup, fcntl, statx.
#include "sys.h"
enum { NR_openat = 257, NR_pread64 = 17, NR_pwrite64 = 18, NR_lseek = 8, NR_fstat = 5,
       NR_getdents64 = 217, NR_rename = 82, NR_unlink = 87, NR_mkdir = 83, NR_rmdir = 84,
       NR_symlink = 88, NR_ftruncate = 77, NR_fchmod = 91, NR_utimensat = 280, NR_getcwd = 79,
       NR_chdir = 80, NR_fchdir = 81, NR_faccessat = 269, NR_newfstatat = 262, NR_readv = 19,
       NR_writev = 20, NR_dup = 32, NR_fcntl = 72, NR_statx = 332, NR_unlinkat = 263,
       NR_renameat2 = 316, NR_umask = 95, NR_link = 86, NR_fsync = 74, NR_truncate = 76,
       NR_readlinkat = 267, NR_mkdirat = 258, NR_fchmodat = 268 };
#define AT_FDCWD (-100)
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000
struct kstat {  // x86-64 struct stat
  u64 dev, ino, nlink;
  unsigned mode, uid, gid, pad0;
  u64 rdev;
  i64 size, blksize, blocks;
  i64 atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
  i64 unused[3];
};
struct iov { const void* base; u64 len; };
static char dir[64];
static void mkname(void) {
  // /tmp/retrace-e2e-<pid>: printed nowhere, so native and retrace outputs match.
  const char* p = "/tmp/retrace-e2e-";
  int i = 0;
  while (*p) dir[i++] = *p++;
  char b[24]; int j = 23; b[j] = 0; u64 v = (u64)sys0(SYS_getpid);
  do { b[--j] = (char)('0' + v % 10); v /= 10; } while (v);
  while (b[j]) dir[i++] = b[j++];
  dir[i] = 0;
}
static void sort_names(char names[][32], int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0; j--) {
      char* a = names[j - 1]; char* b = names[j];
      int k = 0; while (a[k] && a[k] == b[k]) k++;
      if ((unsigned char)a[k] <= (unsigned char)b[k]) break;
      char t[32]; for (int m = 0; m < 32; m++) { t[m] = a[m]; a[m] = b[m]; b[m] = t[m]; }
    }
}
int main_c(u64* sp, u64 rdx) {
  mkname();
  sys1(NR_umask, 022);
  check("mkdir", sys2(NR_mkdir, dir, 0755) == 0);
  check("mkdir again is EEXIST", sys2(NR_mkdir, dir, 0755) == -17);
  i64 dfd = sys4(NR_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  check("open the directory", dfd >= 0);
  i64 fd = sys4(NR_openat, dfd, "a.txt", O_RDWR | O_CREAT | O_EXCL, 0644);
  check("openat relative to a directory fd", fd >= 0);
  check("write", sys3(SYS_write, fd, "hello, file\n", 12) == 12);
  struct iov iv[2] = {{"abc", 3}, {"defg\n", 5}};
  check("writev", sys3(NR_writev, fd, iv, 2) == 8);
  char buf[64];
  memset_(buf, 0, sizeof buf);
  check("pread", sys4(NR_pread64, fd, buf, 5, 7) == 5 && memeq(buf, "file\n", 5));
  check("lseek SEEK_CUR", sys3(NR_lseek, fd, 0, 1) == 20);
  check("lseek SEEK_SET", sys3(NR_lseek, fd, 2, 0) == 2);
  char r1[4], r2[4];
  struct iov rv[2] = {{r1, 3}, {r2, 4}};
  check("readv", sys3(NR_readv, fd, rv, 2) == 7 && memeq(r1, "llo", 3) && memeq(r2, ", fi", 4));
  check("pwrite", sys4(NR_pwrite64, fd, "XY", 2, 0) == 2);
  check("lseek SEEK_END", sys3(NR_lseek, fd, 0, 2) == 20);
  struct kstat st;
  check("fstat", sys2(NR_fstat, fd, &st) == 0);
  put("size="); putu((u64)st.size); put(" mode="); putx(st.mode); put(" nlink="); putu(st.nlink); put("\n");
  check("fsync", sys1(NR_fsync, fd) == 0);
  check("ftruncate", sys2(NR_ftruncate, fd, 4) == 0 && sys2(NR_fstat, fd, &st) == 0 && st.size == 4);
  check("fchmod", sys2(NR_fchmod, fd, 0600) == 0 && sys2(NR_fstat, fd, &st) == 0 &&
                  (st.mode & 07777) == 0600);
  i64 ts[4] = {1000000000, 5, 1200000000, 7};
  check("utimensat", sys4(NR_utimensat, dfd, "a.txt", ts, 0) == 0);
  check("newfstatat", sys4(NR_newfstatat, dfd, "a.txt", &st, 0) == 0 && st.mtime == 1200000000 &&
                      st.mtime_ns == 7 && st.atime == 1000000000);
  char sx[256];
  memset_(sx, 0, sizeof sx);
  check("statx", sys5(NR_statx, dfd, "a.txt", 0, 0x7ff, sx) == 0 && *(u64*)(sx + 40) == 4);
  i64 fd2 = sys1(NR_dup, fd);
  check("dup", fd2 > fd);
  check("fcntl F_GETFD", sys2(NR_fcntl, fd2, 1) == 0 && sys2(NR_fcntl, dfd, 1) == 1);
  check("fcntl F_GETFL", (sys2(NR_fcntl, fd2, 3) & 3) == O_RDWR);
  sys1(SYS_close, fd2);
  sys1(SYS_close, fd);
  check("faccessat R_OK", sys3(NR_faccessat, dfd, "a.txt", 4) == 0);
  check("faccessat missing is ENOENT", sys3(NR_faccessat, dfd, "nope", 0) == -2);
  check("mkdirat", sys3(NR_mkdirat, dfd, "sub", 0700) == 0);
  check("symlink", sys2(NR_symlink, "a.txt", "") == -2);
  char path[128];
  // b.txt, c.lnk, sub/ in the directory (by chdir, so relative paths work).
  char cwd0[4096];
  i64 n = sys2(NR_getcwd, cwd0, sizeof cwd0);
  check("getcwd", n > 0);
  i64 odir = sys4(NR_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY, 0);
  check("chdir", sys1(NR_chdir, dir) == 0);
  n = sys2(NR_getcwd, path, sizeof path);
  check("getcwd after chdir is the directory", n > 0 && streq(path, dir));
  check("rename", sys2(NR_rename, "a.txt", "b.txt") == 0);
  check("rename missing is ENOENT", sys2(NR_rename, "a.txt", "x") == -2);
  check("link", sys2(NR_link, "b.txt", "hard") == 0 && sys4(NR_newfstatat, AT_FDCWD, "hard", &st, 0) == 0 &&
                st.nlink == 2);
  check("symlink", sys2(NR_symlink, "b.txt", "c.lnk") == 0);
  n = sys4(NR_readlinkat, AT_FDCWD, "c.lnk", buf, sizeof buf);
  check("readlinkat", n == 5 && memeq(buf, "b.txt", 5));
  check("truncate", sys2(NR_truncate, "c.lnk", 2) == 0 && sys4(NR_newfstatat, AT_FDCWD, "b.txt", &st, 0) == 0 &&
                    st.size == 2);
  check("renameat2 RENAME_NOREPLACE onto an existing file is EEXIST",
        sys5(NR_renameat2, AT_FDCWD, "hard", AT_FDCWD, "b.txt", 1) == -17);
  // getdents64: the names, sorted (directory order is the filesystem's business).
  i64 lfd = sys4(NR_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY, 0);
  char names[16][32];
  int count = 0;
  char dents[1024];
  for (;;) {
    i64 got = sys3(NR_getdents64, lfd, dents, sizeof dents);
    if (got <= 0) { check("getdents64 ends with 0", got == 0); break; }
    for (i64 off = 0; off < got;) {
      unsigned short reclen = *(unsigned short*)(dents + off + 16);
      unsigned char type = *(unsigned char*)(dents + off + 18);
      const char* name = dents + off + 19;
      if (count < 16) {
        int k = 0;
        names[count][k++] = "?pc?d?b?-?l?s"[type & 15];
        names[count][k++] = ' ';
        while (*name && k < 31) names[count][k++] = *name++;
        names[count][k] = 0;
        count++;
      }
      off += reclen;
    }
  }
  sys1(SYS_close, lfd);
  sort_names(names, count);
  for (int i = 0; i < count; i++) { put("entry: "); put(names[i]); put("\n"); }
  check("unlink", sys1(NR_unlink, "b.txt") == 0 && sys1(NR_unlink, "c.lnk") == 0 &&
                  sys1(NR_unlink, "hard") == 0);
  check("unlink missing is ENOENT", sys1(NR_unlink, "b.txt") == -2);
  check("unlinkat AT_REMOVEDIR", sys3(NR_unlinkat, AT_FDCWD, "sub", 0x200) == 0);
  check("fchdir back", sys1(NR_fchdir, odir) == 0);
  n = sys2(NR_getcwd, path, sizeof path);
  check("getcwd is back", n > 0 && streq(path, cwd0));
  check("rmdir", sys1(NR_rmdir, dir) == 0);
  check("rmdir again is ENOENT", sys1(NR_rmdir, dir) == -2);
  check("open with a bad path pointer is EFAULT", sys4(NR_openat, AT_FDCWD, 8, 0, 0) == -14);
  return 0;
}
