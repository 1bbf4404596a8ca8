// System V semaphores, shared memory and message queues, POSIX message queues (with a signal from
// mq_notify), Linux AIO and a few calls the kernel decides alone (mlockall, ioprio,
// unshare of the file table, kcmp): each gives what it gives natively.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

union semun { int val; struct semid_ds* buf; unsigned short* array; };

static volatile int notified;
static void on_usr1(int sig, siginfo_t* si, void* uc) { notified = si->si_code == SI_MESGQ ? 1 : -1; }

int main(void) {
  alarm(20);
  // Semaphores: a parent and a child hand a token back and forth.
  int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
  union semun arg = {.val = 0};
  printf("semget/semctl SETVAL: %s\n", sem >= 0 && semctl(sem, 0, SETVAL, arg) == 0 ? "ok" : strerror(errno));
  pid_t child = fork();
  if (child == 0) {
    struct sembuf down = {0, -1, 0}, up = {1, 1, 0};
    for (int i = 0; i < 50; i++) { semop(sem, &down, 1); semop(sem, &up, 1); }
    _exit(0);
  }
  int rounds = 0;
  for (int i = 0; i < 50; i++) {
    struct sembuf up = {0, 1, 0}, down = {1, -1, 0};
    if (semop(sem, &up, 1) == 0 && semop(sem, &down, 1) == 0) rounds++;
  }
  int status;
  waitpid(child, &status, 0);
  struct timespec none = {0, 0};
  struct sembuf try_down = {1, -1, 0};
  errno = 0;
  int r = semtimedop(sem, &try_down, 1, &none);
  printf("semaphore rounds %d, child status %d, semtimedop on zero: %d %s\n", rounds, WEXITSTATUS(status), r,
         errno == EAGAIN ? "EAGAIN" : strerror(errno));
  semctl(sem, 0, IPC_RMID);

  // System V shared memory: a child attaches the segment, reads what the parent wrote and
  // answers; detaching, then attaching again at the same address with SHM_REMAP over a
  // mapping of the guest's own.
  int shm = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
  char* mem = shmat(shm, NULL, 0);
  printf("shmget/shmat: %s\n", shm >= 0 && mem != (char*)-1 ? "ok" : strerror(errno));
  strcpy(mem, "from the parent");
  child = fork();
  if (child == 0) {
    char* c = shmat(shm, NULL, 0);
    int same = strcmp(c, "from the parent") == 0;
    strcpy(c + 8192, same ? "child read it" : "child saw something else");
    shmdt(c);
    _exit(0);
  }
  waitpid(child, &status, 0);
  printf("the child's answer on the third page: %s\n", mem + 8192);
  int dt = shmdt(mem);
  errno = 0;
  int dt2 = shmdt(mem);
  printf("shmdt: %d, shmdt again: %d %s\n", dt, dt2, errno == EINVAL ? "EINVAL" : strerror(errno));
  char* anon = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char* again = shmat(shm, anon, SHM_REMAP | SHM_RDONLY);
  printf("shmat SHM_REMAP over an anonymous mapping: %s, reads %s\n", again == anon ? "at that address" : strerror(errno),
         again == anon ? again : "-");
  struct shmid_ds sds;
  shmctl(shm, IPC_STAT, &sds);
  printf("shmctl IPC_STAT: size %zu, attached %lu\n", (size_t)sds.shm_segsz, (unsigned long)sds.shm_nattch);
  shmdt(again);
  shmctl(shm, IPC_RMID, NULL);

  // System V message queue: two types, received out of order by type.
  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  struct { long type; char text[32]; } m1 = {1, "first"}, m2 = {2, "second"}, in;
  msgsnd(q, &m1, sizeof m1.text, 0);
  msgsnd(q, &m2, sizeof m2.text, 0);
  ssize_t n = msgrcv(q, &in, sizeof in.text, 2, 0);
  printf("msgrcv type 2: %zd %ld %s\n", n, in.type, in.text);
  n = msgrcv(q, &in, sizeof in.text, 0, 0);
  printf("msgrcv any: %zd %ld %s\n", n, in.type, in.text);
  struct msqid_ds ds;
  r = msgctl(q, IPC_STAT, &ds);
  printf("msgctl IPC_STAT: %d, %lu messages\n", r, (unsigned long)ds.msg_qnum);
  msgctl(q, IPC_RMID, NULL);

  // POSIX message queue, with a notification signal on the first message.
  char name[64];
  snprintf(name, sizeof name, "/retrace-ipc-%d", getpid());
  struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 64};
  mqd_t mq = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
  if (mq == (mqd_t)-1) {
    printf("mq_open: %s\n", strerror(errno));
  } else {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    printf("mq_notify: %d\n", mq_notify(mq, &ev));
    mq_send(mq, "low", 4, 1);
    mq_send(mq, "high", 5, 9);
    for (int i = 0; i < 100 && !notified; i++) usleep(1000);
    char buf[64];
    unsigned prio = 0;
    n = mq_receive(mq, buf, sizeof buf, &prio);
    printf("mq_receive: %zd %s prio %u, notified %d\n", n, buf, prio, notified);
    mq_getattr(mq, &attr);
    printf("mq_getattr: %ld left\n", attr.mq_curmsgs);
    mq_close(mq);
    mq_unlink(name);
  }

  // Linux AIO: a read of a file through io_submit/io_getevents.
  aio_context_t ctx = 0;
  if (syscall(SYS_io_setup, 8, &ctx) == 0) {
    char path[] = "/tmp/retrace-aio-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    write(fd, "asynchronous", 12);
    char buf[16] = {0};
    struct iocb cb = {.aio_lio_opcode = IOCB_CMD_PREAD, .aio_fildes = fd, .aio_buf = (unsigned long)buf,
                      .aio_nbytes = 12, .aio_offset = 0};
    struct iocb* cbs[1] = {&cb};
    long s = syscall(SYS_io_submit, ctx, 1, cbs);
    struct io_event e;
    long g = syscall(SYS_io_getevents, ctx, 1, 1, &e, NULL);
    printf("aio: submitted %ld, events %ld, result %lld, data %s\n", s, g, (long long)e.res, buf);
    syscall(SYS_io_destroy, ctx);
    close(fd);
  } else {
    printf("io_setup: %s\n", strerror(errno));
  }

  // The kernel's own answers.
  printf("mlockall/munlockall: %d %d\n", mlockall(MCL_CURRENT) == 0 || errno == ENOMEM || errno == EPERM,
         munlockall());
  printf("ioprio_get: %s\n", syscall(SYS_ioprio_get, 1 /*IOPRIO_WHO_PROCESS*/, 0) >= 0 ? "ok" : strerror(errno));
  printf("unshare(CLONE_FILES): %d\n", unshare(CLONE_FILES));
  printf("kcmp of a descriptor with its dup: %ld\n", syscall(SYS_kcmp, getpid(), getpid(), 0 /*KCMP_FILE*/, 1, dup(1)));
  return 0;
}
