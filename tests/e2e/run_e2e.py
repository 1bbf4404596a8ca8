#!/usr/bin/env python3
"""End-to-end checks for `retrace run`.

  run_e2e.py compare RETRACE [--opt=RETRACE_OPTION]... -- PROG [ARGS...]
      Runs PROG natively and under retrace; stdout and the exit status (or terminating
      signal) must be identical. Under retrace, stderr must be empty for a normal exit,
      and at most one line starting with "retrace: " when the program dies of a signal (a
      fault in guest code names its pc; a signal's default action is silent, as natively).

  run_e2e.py expect RETRACE [--status=N] [--stdout-file=F] [--stderr-regex=RX] [--opt=...]
                -- PROG [ARGS...]
      Retrace only: exit status, stdout and stderr (RX must match all of it) must match (for behaviour a native run
      cannot show, such as guarding retrace's own memory).

  run_e2e.py decode-cache RETRACE WORKDIR -- PROG [ARGS...]
      The persistent decode cache (RETRACE_CACHE_DIR=WORKDIR/...): PROG's first run leaves an
      empty file, its second records, its third finds nearly every block there; every run's
      stdout is the native one. A corrupt entry, a truncated file and a directory that cannot
      be written change nothing but the count found (with a note under --verbose).

  run_e2e.py bad-inputs RETRACE GOOD_ELF WORKDIR [DYNAMIC_ELF]
      Corrupt copies of GOOD_ELF and other non-programs: each must be refused with the
      right status (126, or 127 when missing) and one stderr line naming the file. With
      DYNAMIC_ELF: copies whose PT_INTERP names a missing file, a text file, a dynamically
      linked program, or is not NUL-terminated.
"""
import os
import re
import shutil
import struct
import subprocess
import sys

TIMEOUT = 120


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd, cwd=None):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, cwd=cwd)
    except subprocess.TimeoutExpired:
        fail("timed out after %ds: %s" % (TIMEOUT, " ".join(cmd)))
    return p


def describe(rc):
    return "killed by signal %d" % -rc if rc < 0 else "exit status %d" % rc


def split_opts(argv):
    if "--" not in argv:
        fail("missing -- before the program")
    i = argv.index("--")
    return argv[:i], argv[i + 1:]


def check_signal_stderr(err, rc):
    lines = err.decode(errors="replace").splitlines()
    if rc < 0:
        # A fault retrace found in guest code says where (one line); a signal's default
        # action (kill, abort, SIGPIPE) ends the guest silently, as natively.
        if len(lines) > 1 or (lines and not lines[0].startswith("retrace: ")):
            fail("a guest killed by a signal may give one 'retrace: ' line on stderr, got:\n"
                 + err.decode(errors="replace"))
    elif lines:
        fail("unexpected stderr from retrace:\n" + err.decode(errors="replace"))


def cmd_compare(argv):
    retrace = argv[0]
    opts, prog = split_opts(argv[1:])
    ropts = [o[len("--opt="):] for o in opts if o.startswith("--opt=")]
    native = run(prog)
    under = run([retrace, "run"] + ropts + ["--"] + prog)
    if native.stdout != under.stdout:
        import difflib
        diff = difflib.unified_diff(native.stdout.decode(errors="replace").splitlines(),
                                    under.stdout.decode(errors="replace").splitlines(),
                                    "native", "retrace", lineterm="")
        fail("stdout differs:\n" + "\n".join(diff) + "\nretrace stderr:\n"
             + under.stderr.decode(errors="replace"))
    if native.returncode != under.returncode:
        fail("native: %s, retrace: %s\nretrace stderr:\n%s" % (
            describe(native.returncode), describe(under.returncode),
            under.stderr.decode(errors="replace")))
    check_signal_stderr(under.stderr, under.returncode)
    print("ok: %s (%s, %d bytes of stdout)" % (" ".join(prog), describe(native.returncode),
                                               len(native.stdout)))


def cmd_expect(argv):
    retrace = argv[0]
    opts, prog = split_opts(argv[1:])
    status = None
    want_out = None
    stderr_rx = None
    ropts = []
    for o in opts:
        if o.startswith("--status="):
            status = int(o.split("=", 1)[1])
        elif o.startswith("--stdout-file="):
            with open(o.split("=", 1)[1], "rb") as f:
                want_out = f.read()
        elif o.startswith("--stderr-regex="):
            stderr_rx = o.split("=", 1)[1]
        elif o.startswith("--opt="):
            ropts.append(o[len("--opt="):])
    p = run([retrace, "run"] + ropts + ["--"] + prog)
    if want_out is not None and p.stdout != want_out:
        fail("stdout:\n%s\nexpected:\n%s\nstderr:\n%s" % (
            p.stdout.decode(errors="replace"), want_out.decode(errors="replace"),
            p.stderr.decode(errors="replace")))
    if status is not None and p.returncode != status:
        fail("%s, expected exit status %d\nstderr:\n%s" % (
            describe(p.returncode), status, p.stderr.decode(errors="replace")))
    if stderr_rx is None:
        check_signal_stderr(p.stderr, p.returncode)
    elif not re.fullmatch(stderr_rx, p.stderr.decode(errors="replace"), re.S):
        fail("stderr does not match /%s/:\n%s" % (stderr_rx, p.stderr.decode(errors="replace")))
    print("ok: %s" % " ".join(prog))


def patched(src, dst, patches, truncate=None):
    with open(src, "rb") as f:
        data = bytearray(f.read())
    for off, val in patches:
        data[off:off + len(val)] = val
    if truncate is not None:
        data = data[:truncate]
    with open(dst, "wb") as f:
        f.write(data)
    os.chmod(dst, 0o755)
    return dst


def cmd_bad_inputs(argv):
    retrace, good, work, dynamic = argv[0], argv[1], argv[2], argv[3] if len(argv) > 3 else None
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(good, "rb") as f:
        elf = f.read()
    phoff = struct.unpack_from("<Q", elf, 32)[0]
    phnum = struct.unpack_from("<H", elf, 56)[0]
    # The first PT_LOAD's p_filesz field (p_type 1), to make it reach past the end.
    first_load = next(phoff + 56 * i for i in range(phnum)
                      if struct.unpack_from("<I", elf, phoff + 56 * i)[0] == 1)

    text = os.path.join(work, "text.txt")
    with open(text, "w") as f:
        f.write("this is not a program\n")
    os.chmod(text, 0o755)
    empty = os.path.join(work, "empty")
    open(empty, "w").close()
    os.chmod(empty, 0o755)

    cases = [
        # (name, path, status, regex the message after "retrace: PATH: " must match)
        ("missing file", os.path.join(work, "does-not-exist"), 127, r"No such file or directory$"),
        ("directory", work, 126, r"Is a directory$"),
        ("text file", text, 126, r"not an ELF executable"),
        ("empty file", empty, 126, r"not an ELF executable.*empty"),
        ("truncated ELF", patched(good, os.path.join(work, "truncated"), [], truncate=100), 126,
         r"program header table .* extends past end of file"),
        ("truncated ELF header", patched(good, os.path.join(work, "truncated40"), [], truncate=40), 126,
         r"truncated ELF header"),
        ("wrong machine", patched(good, os.path.join(work, "wrong-machine"), [(18, b"\x03\x00")]), 126,
         r"ELF machine is 3 \(i386\), not x86-64 \(e_machine at offset 0x12\)"),
        ("aarch64", patched(good, os.path.join(work, "aarch64"), [(18, struct.pack("<H", 183))]), 126,
         r"AArch64"),
        ("32-bit ELF", patched(good, os.path.join(work, "elf32"), [(4, b"\x01")]), 126,
         r"32-bit ELF .*offset 0x4"),
        ("big-endian", patched(good, os.path.join(work, "bigendian"), [(5, b"\x02")]), 126,
         r"not a little-endian ELF"),
        ("phdr offset past EOF", patched(good, os.path.join(work, "phoff"),
                                         [(32, struct.pack("<Q", len(elf) + 0x1000))]), 126,
         r"program header table .* extends past end of file"),
        ("segment past EOF", patched(good, os.path.join(work, "filesz"),
                                     [(first_load + 32, struct.pack("<Q", 1 << 40)),
                                      (first_load + 40, struct.pack("<Q", 1 << 40))]), 126,
         r"program header \d+ \(PT_LOAD\) extends past end of file"),
        ("filesz > memsz", patched(good, os.path.join(work, "memsz"),
                                   [(first_load + 40, struct.pack("<Q", 1))]), 126,
         r"p_filesz .* exceeds p_memsz"),
        ("relocatable", patched(good, os.path.join(work, "rel"), [(16, b"\x01\x00")]), 126,
         r"relocatable object"),
        ("bad phentsize", patched(good, os.path.join(work, "phentsize"), [(54, b"\x20\x00")]), 126,
         r"program header entry size is 32"),
        ("entry outside", patched(good, os.path.join(work, "entry"), [(24, struct.pack("<Q", 0x10))]), 126,
         r"entry point 0x10 .* outside every loadable segment"),
    ]
    if dynamic:
        with open(dynamic, "rb") as f:
            dyn = f.read()
        dphoff = struct.unpack_from("<Q", dyn, 32)[0]
        dphnum = struct.unpack_from("<H", dyn, 56)[0]
        interp = next(dphoff + 56 * i for i in range(dphnum)
                      if struct.unpack_from("<I", dyn, dphoff + 56 * i)[0] == 3)
        ioff = struct.unpack_from("<Q", dyn, interp + 8)[0]
        isize = struct.unpack_from("<Q", dyn, interp + 32)[0]

        def with_interp(name, new):
            # Relative interpreter paths are resolved from the working directory (WORKDIR).
            return patched(dynamic, os.path.join(work, name),
                           [(ioff, new.ljust(isize, b"\0")[:isize])])

        shutil.copy(dynamic, os.path.join(work, "dyn-copy"))
        cases += [
            ("missing interpreter", with_interp("interp-missing", b"./no-such-interp"), 127,
             r"interpreter ./no-such-interp: No such file or directory$"),
            ("text-file interpreter", with_interp("interp-text", b"./text.txt"), 126,
             r"interpreter ./text.txt: not an ELF executable"),
            ("dynamically linked interpreter", with_interp("interp-dyn", b"./dyn-copy"), 126,
             r"interpreter ./dyn-copy: names an interpreter itself"),
            ("unterminated PT_INTERP", with_interp("interp-unterminated", b"x" * isize), 126,
             r"PT_INTERP\): interpreter path is not NUL-terminated"),
        ]
    failures = 0
    for name, path, status, rx in cases:
        p = run([retrace, "run", path], cwd=work)
        err = p.stderr.decode(errors="replace")
        lines = err.splitlines()
        prefix = "retrace: %s: " % path
        problems = []
        if p.returncode != status:
            problems.append("%s, expected exit status %d" % (describe(p.returncode), status))
        if len(lines) != 1:
            problems.append("expected one stderr line, got %d" % len(lines))
        elif not lines[0].startswith(prefix):
            problems.append("message does not start with %r" % prefix)
        elif not re.search(rx, lines[0][len(prefix):]):
            problems.append("message does not match /%s/" % rx)
        if p.stdout:
            problems.append("unexpected stdout")
        if problems:
            failures += 1
            print("FAIL %s: %s\n  stderr: %s" % (name, "; ".join(problems), err.strip()))
        else:
            print("ok: %s: %s" % (name, lines[0]))
    if failures:
        sys.exit(1)


def cmd_decode_cache(argv):
    retrace, work = argv[0], argv[1]
    _, prog = split_opts(argv[2:])
    shutil.rmtree(work, ignore_errors=True)
    cache = os.path.join(work, "cache")
    native = run(prog)

    def under(*opts, cache_dir=cache):
        env = dict(os.environ, RETRACE_CACHE_DIR=cache_dir)
        p = subprocess.run([retrace, "run", "--stats"] + list(opts) + ["--"] + prog, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT, env=env)
        if p.stdout != native.stdout or p.returncode != native.returncode:
            fail("differs from the native run (%s): stdout %r, stderr:\n%s" % (
                describe(p.returncode), p.stdout[:200], p.stderr.decode(errors="replace")))
        err = p.stderr.decode(errors="replace")
        m = re.search(r"decode cache: (\d+) blocks found \((\d+) next in the file\) in (\S+) \(of (\d+) there\), "
                      r"(\d+) new for it", err)
        if not m:
            fail("no decode cache line in --stats:\n" + err)
        found, streamed, path, there, new = m.groups()
        return int(found), int(streamed), path, int(there), int(new), err

    found, _, path, there, new, err = under()
    if found or there or new or "first run" not in err or os.path.getsize(path) != 48:
        fail("first run: expected nothing found or recorded and an empty 48-byte file:\n" + err)
    found, _, _, there, new, err = under()
    if found or there or new < 100:
        fail("second run: expected blocks recorded:\n" + err)
    size = os.path.getsize(path)
    found, streamed, _, there, _, err = under()
    if there < new or found < there * 9 // 10 or streamed < found * 8 // 10:
        fail("third run: expected nearly all %d recorded blocks found, in order:\n%s" % (new, err))
    print("ok: %d blocks recorded (%d bytes), %d found in the next run (%d in order)" % (new, size, found, streamed))

    # Every entry's IR after its bytes flipped somewhere in the middle of the file: the
    # entries hit are refused by their checksums, the rest still found.
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        for at in range(len(data) // 3, len(data) // 3 + 4096, 64):
            data[at] ^= 0x5a
        f.seek(0)
        f.write(data)
    found2, _, _, there2, _, err = under()
    if there2 != there or not (0 < found2 < found):
        fail("flipped bytes: expected fewer blocks found, not none:\n" + err)
    # Cut short: ignored, said so under --verbose; the run records afresh.
    with open(path, "r+b") as f:
        f.truncate(size // 2)
    found3, _, _, there3, new3, err = under("--verbose")
    if found3 or there3 or "ignored (truncated or corrupt" not in err or new3 < 100:
        fail("truncated file: expected it ignored with a note, and the run recording:\n" + err)
    # Not a cache file at all.
    with open(path, "wb") as f:
        f.write(b"\x7fELF" + b"\0" * 100)
    found4, _, _, _, _, err = under("--verbose")
    if found4 or "ignored (not a cache file)" not in err:
        fail("garbage file: expected it ignored with a note:\n" + err)
    # A directory that cannot be made (below a regular file): runs as before.
    blocker = os.path.join(work, "file")
    open(blocker, "w").close()
    _, _, _, _, _, err = under("--verbose", cache_dir=os.path.join(blocker, "cache"))
    print("ok: corrupt entries refused (%d of %d found), a truncated or foreign file ignored, "
          "an unusable directory harmless" % (found2, there))
    shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    {"compare": cmd_compare, "expect": cmd_expect, "bad-inputs": cmd_bad_inputs,
     "decode-cache": cmd_decode_cache}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
