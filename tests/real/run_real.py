#!/usr/bin/env python3
"""Real programs, natively and under retrace, compared byte for byte (stdout, and exit
status; stderr too where the program's stderr is deterministic).

    run_real.py --retrace build/retrace [--tier=auto] [--opt=OPTION]... [--progs DIR] [FILTER...]

Prints one line per failure and ends with `N passed, M failed`.
"""
import argparse, os, shutil, signal, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The JDK's own directory (the /usr/bin entries are alternatives symlinks).
JDK = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("javac") or "/usr/bin/javac")))


def cases(work, progs):
    text = os.path.join(work, "words.txt")
    with open(text, "w") as f:
        for i in range(20000):
            f.write(f"line {i * 7919 % 10007} word{i % 97} {'abc' * (i % 5)}\n")
    tree = os.path.join(work, "tree")
    for d in ("a", "a/b", "c"):
        os.makedirs(os.path.join(tree, d), exist_ok=True)
    for name in ("a/x.txt", "a/b/y.txt", "c/z.dat", "top.txt"):
        with open(os.path.join(tree, name), "w") as f:
            f.write(name * 10)
    with open(os.path.join(work, "hello.c"), "w") as f:
        f.write('#include <stdio.h>\nint main(void) { printf("%d\\n", 6 * 7); return 0; }\n')
    with open(os.path.join(work, "hello.cpp"), "w") as f:
        f.write("#include <iostream>\n#include <map>\n#include <numeric>\n#include <stdexcept>\n#include <string>\n#include <vector>\n"
                "int main() {\n"
                "  std::map<int, std::vector<long>> m;\n"
                "  for (int i = 0; i < 1000; i++) m[i % 7].push_back(long(i) * i);\n"
                "  long s = 0;\n"
                "  for (auto& [k, v] : m) s += std::accumulate(v.begin(), v.end(), 0L) * (k + 1);\n"
                "  try { throw std::runtime_error(std::to_string(s)); }\n"
                "  catch (const std::exception& e) { std::cout << \"caught \" << e.what() << '\\n'; }\n"
                "}\n")
    with open(os.path.join(work, "Hello.java"), "w") as f:
        f.write("import java.util.*;\n"
                "public class Hello {\n"
                "  public static void main(String[] a) {\n"
                "    Map<String, Integer> m = new TreeMap<>();\n"
                "    long s = 0;\n"
                "    for (int i = 0; i < 300000; i++) { s += i % 7; m.merge(\"k\" + (i % 50), i, Integer::sum); }\n"
                "    System.out.println(\"hello \" + s + \" \" + m.size() + \" \" + m.get(\"k7\") + \" \" + String.join(\",\", a));\n"
                "  }\n"
                "}\n")
    bb = "/bin/busybox"
    sh = lambda script: [bb, "sh", "-c", script]
    c = [
        # busybox (static) applets and shell scripts
        ("busybox-sh-pipes", sh("n=0; for i in $(seq 1 30); do x=$(echo $i | cat); n=$((n+x)); done; echo $n")),
        ("busybox-sort", [bb, "sort", "-k2", text]),
        ("busybox-md5sum", [bb, "md5sum", text]),
        ("busybox-sha256sum", [bb, "sha256sum", text]),
        ("busybox-gzip-roundtrip", sh(f"{bb} gzip -c {text} | {bb} gzip -d | {bb} md5sum")),
        ("busybox-awk", [bb, "awk", "{s += $2} END {print s, NR}", text]),
        ("busybox-sed", [bb, "sed", "-n", "s/word1\\([0-9]\\)/W\\1/p", text]),
        ("busybox-grep", [bb, "grep", "-c", "word42", text]),
        ("busybox-wc", [bb, "wc", text]),
        ("busybox-tar", sh(f"cd {tree} && {bb} tar cf - a c top.txt | {bb} tar tf - | {bb} sort")),
        ("busybox-find", sh(f"cd {tree} && {bb} find . | {bb} sort")),
        # Debian dynamically linked programs
        ("gzip", ["/usr/bin/gzip", "-c", "-n", text]),
        ("gzip-d", sh(f"/usr/bin/gzip -c -n {text} | /usr/bin/gzip -d | /usr/bin/sha256sum")),
        ("bzip2", ["/usr/bin/bzip2", "-c", text]),
        ("xz", ["/usr/bin/xz", "-c", "-T1", text]),
        ("sort", ["/usr/bin/sort", text]),
        ("sha256sum", ["/usr/bin/sha256sum", text]),
        ("ls", ["/bin/ls", "-R", tree]),
        ("sqlite3", ["/usr/bin/sqlite3", ":memory:",
                     "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x<20000) "
                     "SELECT count(*), sum(x*x % 97), group_concat(x % 10, '') FROM n WHERE x % 1000 = 7;"]),
        ("lua5.4", ["/usr/bin/lua5.4", "-e",
                    "local t={} for i=1,50000 do t[#t+1]=i*i%1000 end table.sort(t) print(t[1],t[#t],#t, string.format('%.6f', math.sin(1)))"]),
        ("perl", ["/usr/bin/perl", "-e",
                  "my %h; $h{$_ % 101} += $_ for 1..100000; print join(',', map {\"$_=$h{$_}\"} sort {$a<=>$b} keys %h), \"\\n\"; printf(\"%.10f\\n\", atan2(1,1)*4)"]),
        ("python3", ["/usr/bin/python3", "-S", "-c",
                     "import math,json; d={str(i):i*i for i in range(5000)}; print(len(json.dumps(d)), sum(d.values()), math.factorial(50), round(math.pi, 12))"]),
        # the compiler driver, cc1 (SSE4.2 line scanning), as and ld, all under retrace
        ("gcc", sh(f"cd {work} && /usr/bin/gcc -O2 -o hello hello.c && ./hello")),
        # g++: cc1plus, a large program (about 260k blocks decoded; pcmpestri in its lexer),
        # on templates, iostreams and exceptions; the program it writes then runs too
        ("g++", sh(f"cd {work} && /usr/bin/g++ -O1 -o hellocc hello.cpp && ./hellocc")),
        # git: a repository made, committed to (fixed dates: the same hashes) and packed
        ("git", sh(f"cd {work} && rm -rf repo && /usr/bin/git init -q repo && cd repo && "
                   f"cp {text} words.txt && /usr/bin/git add words.txt && "
                   "GIT_AUTHOR_DATE='2026-01-01T00:00:00Z' GIT_COMMITTER_DATE='2026-01-01T00:00:00Z' "
                   "/usr/bin/git -c user.email=r@example.org -c user.name=retrace -c commit.gpgsign=false "
                   "commit -q -m words && /usr/bin/git log --format='%H %s' --stat && /usr/bin/git gc -q && "
                   "/usr/bin/git count-objects -v | /bin/busybox grep -v size")),
        ("python3-subprocess", ["/usr/bin/python3", "-c",
                                "import subprocess; print(subprocess.run(['/bin/echo','child'],capture_output=True).stdout)"]),
        # OpenJDK: javac (HotSpot's JIT rewrites its own code while running it), then the
        # class it wrote, each run wholly under retrace (threads, signals, SMC).
        ("javac", sh(f"cd {work} && rm -rf out && {JDK}/bin/javac -d out Hello.java && {JDK}/bin/java -cp out Hello x y")),
    ]
    for prog in ("cxx_exceptions", "floats", "jit", "smc", "sse42_strings", "mmx_blend"):
        p = os.path.join(progs, prog)
        if os.path.exists(p):
            c.append((prog, [p]))
    return c  # a missing program fails its case (./setup.sh installs them all)


def run(argv, timeout):
    # In a session of its own, so that a timeout kills the whole pipeline (a shell case's
    # children too), not just the shell. Standard input is an empty pipe, not the caller's,
    # so both runs of a case read the same (nothing): `git gc` reads revisions from it.
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return "timeout", b"", b""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--retrace", required=True)
    ap.add_argument("--tier", default="auto")
    ap.add_argument("--opt", action="append", default=[])
    ap.add_argument("--progs", default="")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--skip", action="append", default=[], help="case to leave out (repeatable)")
    ap.add_argument("filter", nargs="*")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="retrace-real-")
    passed = failed = 0
    try:
        for name, argv in cases(work, a.progs):
            if (a.filter and not any(f in name for f in a.filter)) or name in a.skip:
                continue
            if not os.path.exists(argv[0]):
                failed += 1
                print(f"FAIL {name}: {argv[0]} is not installed (./setup.sh installs it)")
                continue
            n = run(argv, a.timeout)
            if n[0] != 0 or not n[1]:
                # A case that fails natively, or prints nothing, would compare nothing.
                failed += 1
                print(f"FAIL {name}: natively it exited {n[0]} with {len(n[1])} bytes of output; stderr: {n[2].decode(errors='replace').strip()[:300]}")
                continue
            r = run([a.retrace, "run", f"--tier={a.tier}"] + a.opt + ["--"] + argv, a.timeout)
            if n[0] == r[0] and n[1] == r[1]:
                passed += 1
            else:
                failed += 1
                why = f"status native {n[0]} retrace {r[0]}" if n[0] != r[0] else "stdout differs"
                print(f"FAIL {name}: {why}; retrace stderr: {r[2].decode(errors='replace').strip()[:300]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
