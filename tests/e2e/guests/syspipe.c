// Pipes and descriptors: pipe2, dup2/dup3, poll/ppoll, select, epoll, fcntl O_NONBLOCK,
// ioctl FIONREAD, socketpair, close and EOF.
#include "sys.h"
enum { NR_pipe = 22, NR_pipe2 = 293, NR_dup2 = 33, NR_dup3 = 292, NR_poll = 7, NR_ppoll = 271,
       NR_select = 23, NR_fcntl = 72, NR_ioctl = 16, NR_epoll_create1 = 291, NR_epoll_ctl = 233,
       NR_epoll_wait = 232, NR_epoll_pwait = 281, NR_socketpair = 53, NR_sendto = 44,
       NR_recvfrom = 45, NR_shutdown = 48 };
struct pollfd { int fd; short events, revents; };
struct epoll_event { unsigned events; unsigned long long data; } __attribute__((packed));
int main_c(u64* sp, u64 rdx) {
  int p[2] = {-1, -1};
  check("pipe2", sys2(NR_pipe2, p, 02000000) == 0 && p[0] >= 3 && p[1] == p[0] + 1);
  check("pipe2 sets FD_CLOEXEC", sys2(NR_fcntl, p[0], 1) == 1);
  struct pollfd pf[2] = {{p[0], 1, 0}, {p[1], 4, 0}};
  check("poll: empty pipe is writable, not readable", sys3(NR_poll, pf, 2, 0) == 1 &&
        pf[0].revents == 0 && pf[1].revents == 4);
  check("write to the pipe", sys3(SYS_write, p[1], "ping", 4) == 4);
  int avail = -1;
  check("ioctl FIONREAD", sys3(NR_ioctl, p[0], 0x541B, &avail) == 0 && avail == 4);
  pf[0].revents = pf[1].revents = 0;
  check("poll: now readable", sys3(NR_poll, pf, 1, 1000) == 1 && pf[0].revents == 1);
  i64 ts[2] = {0, 1000};
  pf[0].revents = 0;
  check("ppoll", sys5(NR_ppoll, pf, 1, ts, 0, 8) == 1 && pf[0].revents == 1);
  u64 rset = 1ul << p[0];
  i64 tv[2] = {1, 0};
  check("select", sys5(NR_select, p[0] + 1, &rset, 0, 0, tv) == 1 && rset == (1ul << p[0]));
  // dup2 the read end onto 10, read through it.
  check("dup2", sys2(NR_dup2, p[0], 10) == 10);
  check("dup2 clears FD_CLOEXEC", sys2(NR_fcntl, 10, 1) == 0);
  check("dup3 O_CLOEXEC", sys3(NR_dup3, p[0], 11, 02000000) == 11 && sys2(NR_fcntl, 11, 1) == 1);
  check("dup3 onto itself is EINVAL", sys3(NR_dup3, 11, 11, 0) == -22);
  char buf[16];
  check("read through the dup", sys3(SYS_read, 10, buf, sizeof buf) == 4 && memeq(buf, "ping", 4));
  // Non-blocking: an empty pipe is EAGAIN.
  i64 fl = sys2(NR_fcntl, 10, 3);
  check("fcntl F_SETFL O_NONBLOCK", sys3(NR_fcntl, 10, 4, fl | 04000) == 0);
  check("empty non-blocking read is EAGAIN", sys3(SYS_read, 10, buf, 1) == -11);
  // epoll
  int ep = (int)sys1(NR_epoll_create1, 02000000);
  check("epoll_create1", ep >= 0);
  struct epoll_event ev = {1, 0x1122334455667788ull};
  check("epoll_ctl ADD", sys4(NR_epoll_ctl, ep, 1, p[0], &ev) == 0);
  struct epoll_event out[2];
  check("epoll_wait: nothing yet", sys4(NR_epoll_wait, ep, out, 2, 0) == 0);
  sys3(SYS_write, p[1], "x", 1);
  check("epoll_wait: readable, data kept",
        sys4(NR_epoll_wait, ep, out, 2, 1000) == 1 && out[0].events == 1 &&
        out[0].data == 0x1122334455667788ull);
  check("epoll_pwait", sys6(NR_epoll_pwait, ep, (u64)out, 2, 0, 0, 8) == 1);
  sys3(SYS_read, p[0], buf, 1);
  sys1(SYS_close, ep);
  // Closing every write end gives EOF.
  sys1(SYS_close, p[1]);
  check("read at EOF is 0", sys3(SYS_read, p[0], buf, 1) == 0);
  pf[0].fd = p[0]; pf[0].events = 1; pf[0].revents = 0;
  check("poll sees POLLHUP", sys3(NR_poll, pf, 1, 0) == 1 && (pf[0].revents & 0x10));
  sys1(SYS_close, p[0]); sys1(SYS_close, 10); sys1(SYS_close, 11);
  check("closed descriptor is EBADF", sys3(SYS_read, 10, buf, 1) == -9);
  // socketpair
  int sv[2];
  check("socketpair", sys4(NR_socketpair, 1, 1, 0, sv) == 0);
  check("sendto", sys6(NR_sendto, sv[0], (u64)"sock", 4, 0, 0, 0) == 4);
  memset_(buf, 0, sizeof buf);
  check("recvfrom", sys6(NR_recvfrom, sv[1], (u64)buf, sizeof buf, 0, 0, 0) == 4 && memeq(buf, "sock", 4));
  check("shutdown", sys2(NR_shutdown, sv[0], 1) == 0 &&
        sys6(NR_recvfrom, sv[1], (u64)buf, sizeof buf, 0, 0, 0) == 0);
  // The old pipe() too, and stdout through dup2.
  int q[2];
  check("pipe", sys1(NR_pipe, q) == 0 && sys2(NR_fcntl, q[0], 1) == 0);
  i64 saved = sys2(NR_dup2, 1, 20);
  sys2(NR_dup2, q[1], 1);
  put("through the pipe");
  sys2(NR_dup2, saved, 1);
  memset_(buf, 0, sizeof buf);
  check("stdout redirected with dup2", sys3(SYS_read, q[0], buf, 16) == 16 && memeq(buf, "through the pipe", 16));
  return 0;
}
