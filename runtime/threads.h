// Guest threads: every guest thread (clone/clone3 with CLONE_THREAD) runs on its own host
// thread, with its own MachineState and its own Dispatcher (block cache, code cache,
// translator): DynamoRIO's thread-private caches, thread-safe by construction. The guest
// shares memory with every host thread (guest address == host address), so futexes,
// atomics and locks in guest memory work as natively.
//
//   clone(CLONE_VM|CLONE_THREAD|...) ─► threads_clone(): child MachineState = copy of the
//        parent's at the syscall (rax 0, rcx/r11 as the instruction leaves them, rsp = the
//        new stack, FS base = tls) ─► pthread_create (8 MiB host stack; the guest stack
//        is the guest's) ─► the host thread takes its real TID (gettid), writes
//        PARENT_SETTID / CHILD_SETTID, then the parent's clone returns that TID.
//   exit (one thread)   ─► CLONE_CHILD_CLEARTID / set_tid_address: 0 written, futex woken
//        (pthread_join); its Dispatcher is freed. Exit of the last thread ends the process
//        with its status.
//   exit_group / a fatal guest signal in any thread ─► the whole process ends at once
//        (host exit_group / die_of_signal, as the kernel kills every thread).
//
// Code invalidation: the thread that changes a mapping (munmap, mprotect, ...) drops its
// own stale blocks at once; every other thread gets the range queued and its
// MachineState::pending_exit set, and drops them at its next safe point (Dispatcher's
// on_pending, which is threads' safepoint(): pending invalidations first, then the
// signal layer's hook from set_signal_safepoint()).
//
// Memory cost: one Dispatcher per thread: its code cache (RunOptions::code_cache_size of
// virtual memory, mapped twice, touched only as it fills), a 2 MiB indirect-branch table,
// and its decoded blocks (translations are redone per thread).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>

#include "ir/state.h"
#include "runtime/dispatcher.h"

namespace retrace::rt {

class LinuxSyscalls;

// Registers the calling host thread as the main guest thread (GuestProcess::create).
void threads_init(Dispatcher& main_dispatcher, ir::MachineState& main_state, LinuxSyscalls& sys,
                  const RunOptions& opt);

// clone/clone3 with CLONE_THREAD: the child's TID, or -errno.
long threads_clone(ir::MachineState& parent, uint64_t flags, uint64_t stack, uint64_t ptid,
                   uint64_t ctid, uint64_t tls);

// sys_exit (not exit_group) of the calling thread: after it, the thread's dispatcher must
// return (the syscall handler reports an exit); threads_finish_main / the thread's own
// host thread then do the rest.
void threads_exit(int status);

// set_tid_address for the calling thread (written 0 and futex-woken when it exits).
void threads_set_clear_tid(uint64_t addr);
// set_robust_list / get_robust_list for the calling thread (recorded).
void threads_set_robust_list(uint64_t head);
uint64_t threads_robust_list();

// Every change to guest mappings: the calling thread's blocks now, the others' at their
// next safe point.
void threads_invalidate(uint64_t start, uint64_t end);

// Sets pending_exit on every live guest thread (async-signal-safe: for a signal
// handler that must bring all threads to a safe point, e.g. a write into a page holding
// translated code, so another thread cannot run the stale translation after it observes
// the write).
void threads_poke_all();

// Around a host fork: prepare holds the registry lock (so the child does not inherit it
// held by another thread); the parent then calls threads_fork_parent, the child
// threads_after_fork_child (only the calling thread survives a fork).
void threads_fork_prepare();
void threads_fork_parent();
void threads_after_fork_child();

// GuestProcess::run: what the main thread's dispatcher returned → the process's result.
// If the main thread only left with exit(), waits for the last thread. If other threads
// still run when the process ends, ends it here (stats, then host exit_group).
RunResult threads_finish_main(const RunResult& r);

// Makes d.on_pending the threads' safe point (idempotent). A hook the signal layer put
// there before becomes the signal safe-point hook. GuestProcess::run calls it again just
// before running, whatever order the layers were wired in.
void threads_install_safepoint(Dispatcher& d);

// The calling thread's dispatcher (the main one outside guest threads).
Dispatcher* threads_current_dispatcher();
// Number of live guest threads.
int threads_count();

// The signal layer's safe-point hook: runs on the thread that reached the safe point
// (after its pending code invalidations), with its MachineState; may redirect st.rip.
void set_signal_safepoint(std::function<void(ir::MachineState&)> hook);
// Runs f(tid, state) for every live guest thread under the registry lock (f must not call
// back into threads_*). Set st.pending_exit = 1 to bring a thread to its safe point.
void threads_for_each(const std::function<void(pid_t, ir::MachineState&)>& f);

}  // namespace retrace::rt
