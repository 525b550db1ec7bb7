"""tools/grade.py — grade a lab by what the kernel does, never by its source.

Each graded test of labs/NAME.py boots the kernel built in this tree
(build/), runs a program from the disk, and judges the output: TAP lines
of a guest test compared with the same program run on the host Linux,
plain output lines compared with Linux, or the kernel's own trace lines
(trace=cow and the like). The lines printed are xv6's kind:

    cow: the child's first writes fault, once a page ........ OK (10/10)

then the score, then one machine-readable line for a teacher's loop:

    GRADE {"lab": "cow", "score": 40, "max": 40, "tests": {...}}

    python3 tools/grade.py [--lab NAME]    (make grade [LAB=NAME])
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "host"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

TAP = re.compile(r"^(ok|not ok) \d+ - (.*)$")
WIDTH = 64


class Graded:
    """One graded test: title, points, the guest command it runs, and
    stub_fails, what its failure says on the lab's stub (test_labs.py
    checks that a cut lab fails each test for that reason)."""

    fetch = None		# a file to copy out of the disk after the run
    linux = False		# also run on the host, to compare

    def __init__(self, title, points, argv, stub_fails, options=""):
        self.title, self.points, self.argv = title, points, list(argv)
        self.stub_fails, self.options = stub_fails, options

    def key(self):
        return (tuple(self.argv), self.options, self.fetch)


class Tap(Graded):
    """The TAP lines of a guest test whose description matches `lines`:
    each must be "ok" in clonix and the same as on Linux (linux=False for
    a clonix-only call: all ok, and `count` of them)."""

    def __init__(self, title, points, argv, lines, stub_fails, linux=True,
                 count=None, options="", trace=None):
        super().__init__(title, points, argv, stub_fails, options)
        self.lines, self.linux, self.count = re.compile(lines), linux, count
        self.trace = trace	# (pattern, at least): trace lines also owed

    def pick(self, lines):
        return [(m.group(1), m.group(2)) for m in map(TAP.match, lines)
                if m and self.lines.search(m.group(2))]

    def judge(self, run, host):
        got = self.pick(run.lines)
        bad = [d for v, d in got if v != "ok"]
        if bad:
            return "not ok in clonix: %s" % bad[0]
        if self.trace:
            why = count_trace(run, *self.trace)
            if why:
                return why
        if self.linux and host is not None:
            want = self.pick(host)
            if not want:
                return "the grader's pattern picks nothing on Linux"
            for (_, w), g in zip(want, [d for _, d in got] + [None] * len(want)):
                if g != w:
                    return "missing in clonix (Linux says it): %s" % w
            return None
        if not got or (self.count and len(got) != self.count):
            return "expected %s TAP lines, clonix printed %d" % (
                self.count or "some", len(got))
        return None


class Output(Graded):
    """The program's lines that match `lines`, compared with Linux's."""

    def __init__(self, title, points, argv, lines, stub_fails, options=""):
        super().__init__(title, points, argv, stub_fails, options)
        self.lines, self.linux = re.compile(lines), True

    def judge(self, run, host):
        if host is None:
            return "the host cannot run i386 programs: no Linux to compare with"
        got = [l for l in run.lines if self.lines.search(l)]
        want = [l for l in host if self.lines.search(l)]
        if not want:
            return "no line matches on Linux"
        for w, g in zip(want, got + [None] * len(want)):
            if g != w:
                return "clonix: %r, Linux: %r" % (g, w)
        return None


class Trace(Graded):
    """At least `at_least` kernel trace lines matching `pattern` (boot
    options such as trace=cow turn the channel on)."""

    def __init__(self, title, points, argv, options, pattern, at_least,
                 stub_fails):
        super().__init__(title, points, argv, stub_fails, options)
        self.pattern, self.at_least = re.compile(pattern), at_least

    def judge(self, run, host):
        return count_trace(run, self.pattern, self.at_least)


def count_trace(run, pattern, at_least):
    """None if the run's console has at_least lines matching pattern."""
    pattern = re.compile(pattern)
    n = sum(1 for l in run.text.split("\n") if pattern.search(l))
    if n < at_least:
        return "%d trace lines match /%s/, want at least %d" % (
            n, pattern.pattern, at_least)
    return None


class Pacct(Graded):
    """An accounting file the run wrote, read by GNU acct's dump-acct
    (the host's): check(rows, trace) says what is wrong, or None. rows
    are dump-acct's columns, trace the kernel's [acct] lines."""

    def __init__(self, title, points, argv, fetch, check, stub_fails,
                 options="trace=acct"):
        super().__init__(title, points, argv, stub_fails, options)
        self.fetch, self.check = fetch, check

    def judge(self, run, host):
        if not run.data:
            return "no accounting file %s" % self.fetch
        with tempfile.NamedTemporaryFile(suffix=".pacct") as f:
            f.write(run.data)
            f.flush()
            r = subprocess.run(["dump-acct", f.name], capture_output=True,
                               text=True, env=dict(os.environ, TZ="UTC"))
        if r.returncode:
            return "dump-acct cannot read it: " + r.stderr.strip()
        rows = [[c.strip() for c in l.split("|")] for l in r.stdout.splitlines()]
        trace = [l for l in run.text.split("\n") if l.startswith("[acct] ")]
        return self.check(rows, trace)


class Run:
    """One boot of the kernel with a command: its text and its lines."""

    def __init__(self, argv, options, timeout, fetch=None):
        import qemu
        self.error, self.text, self.lines, self.data = None, "", [], b""
        try:
            with qemu.Boot(options + " -- " + " ".join(argv), timeout=timeout,
                           disk=True) as b:
                try:
                    b.wait_ok()
                except qemu.BootError:
                    pass
                self.text = b.text
                if fetch:
                    self.data = b.debugfs_cat(fetch)
        except OSError as e:
            self.error = "could not start QEMU: %s" % e
            return
        if "Kernel panic" in self.text:
            self.error = "kernel panic: " + self.text.split("Kernel panic")[1][:120]
        elif not qemu.INIT_DONE.search(self.text):
            self.error = "%s did not finish in %d s" % (argv[0], timeout)
        elif re.search(r"^init: leak: ", self.text, re.M):
            self.error = "the kernel leaked: " + re.search(
                r"^init: leak: (.*)$", self.text, re.M).group(1)
        if "vfs: mounted root (ext2)" in self.text:
            self.lines = qemu.after_mounts(self.text)


def host_run(argv):
    """The same program's lines on the host Linux, or None if the host
    cannot run i386 programs (then only clonix's verdicts count)."""
    name = argv[0].lstrip("/")
    places = [os.path.join(ROOT, "build", name)] + [
        os.path.join(ROOT, "build", "user", d, os.path.basename(name))
        for d in ("bin", "demo", "test")]
    path = next((p for p in places if os.path.exists(p)), None)
    if not path:
        return None
    with tempfile.TemporaryDirectory() as cwd:
        try:
            r = subprocess.run([path] + argv[1:], cwd=cwd, capture_output=True,
                               text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return None
    return r.stdout.splitlines()


def grade(lab, timeout=120, jobs=2):
    """[(test, None or why it failed)] for lab's graded tests."""
    keys = list(dict.fromkeys(t.key() for t in lab.GRADED))
    with ThreadPoolExecutor(jobs) as pool:
        runs = dict(zip(keys, pool.map(
            lambda k: Run(list(k[0]), k[1], timeout, k[2]), keys)))
        linux = [k for k in keys if any(t.key() == k and t.linux
                                        for t in lab.GRADED)]
        hosts = dict(zip(linux, pool.map(lambda k: host_run(list(k[0])), linux)))
    results = []
    for t in lab.GRADED:
        run = runs[t.key()]
        why = t.judge(run, hosts.get(t.key()))
        if run.error:	# what went wrong before it, first
            why = "%s (then: %s)" % (why, run.error) if why else run.error
        results.append((t, why))
    return results


def report(name, results, summary_only=False, who=None):
    score = sum(t.points for t, why in results if not why)
    total = sum(t.points for t, _ in results)
    if not summary_only:
        for t, why in results:
            head = "%s: %s " % (name, t.title)
            verdict = " %s (%d/%d)" % ("OK" if not why else "FAIL",
                                       0 if why else t.points, t.points)
            print(head + "." * max(3, WIDTH - len(head)) + verdict)
            if why:
                print("    " + why)
        print("Score: %d/%d" % (score, total))
    line = {"lab": name, "score": score, "max": total,
            "tests": {t.title: (0 if why else t.points) for t, why in results},
            "why": {t.title: why for t, why in results if why}}
    if who:
        line["submission"] = who
    print("GRADE " + json.dumps(line))
    return score, total


def main():
    import lab as labs
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lab", help="one lab (default: .lab in a student "
                    "tree, every lab in the project)")
    ap.add_argument("--summary-only", action="store_true")
    ap.add_argument("--name", help="the submission's name, for the summary")
    ap.add_argument("--timeout", type=int, default=120)
    args = ap.parse_args()
    names = [args.lab] if args.lab else None
    if not names and os.path.exists(os.path.join(ROOT, ".lab")):
        names = [open(os.path.join(ROOT, ".lab")).read().strip()]
    full = True
    for name in names or labs.lab_names():
        score, total = report(name, grade(labs.load(name), args.timeout),
                              args.summary_only, args.name)
        full &= score == total
    return 0 if full else 1


if __name__ == "__main__":
    sys.exit(main())
