#!/usr/bin/env python3
"""tools/flake.py — find guest tests that pass only by luck: run each
program of tests/guest natively on the host many times, several at once
(a real multiprocessor, loaded), and report every run whose exit status
or output differs from the rest.

    python3 tools/flake.py [--runs N] [--jobs J] [--smp N] [PROGRAM ...]

clonix at SMP=1 runs a test on one CPU, which serialises what the program
leaves to chance; the host does not, so a race in a test (or in libc)
shows here first. With --smp N the programs run inside clonix instead, at
SMP=N, one boot after another (each boot uses N host threads): the same
races, met by clonix's own SMP code. `make flake` runs it; it is slow on
purpose and not part of `make test`. Exit status 1 if any program flaked.
"""
import argparse
import collections
import concurrent.futures
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "build", "tests")
# Programs that use what is one per machine or per user: copies of them
# would disturb each other. They run one at a time, with busy loops on
# the other CPUs to keep the machine loaded.
EXCLUSIVE = {
    "t_acct": "acct(2) names one file for the whole system",
    "t_rlimit": "RLIMIT_NPROC counts every process of the user",
}


def run_once(name):
    """One run in a private directory: (status, output)."""
    with tempfile.TemporaryDirectory() as cwd:
        try:
            r = subprocess.run([os.path.join(TESTS, name)], cwd=cwd,
                               capture_output=True, timeout=300)
        except subprocess.TimeoutExpired:
            return "timeout", b""
    return r.returncode, r.stdout


def run_in_clonix(name, smp):
    """One run inside clonix at SMP=smp: (status, output without kernel
    lines); a boot that panicked, hung or leaked counts as its own result."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "host"))
    from oracle import KERNEL_LINE
    from qemu import BootError, run_guest
    try:
        status, lines = run_guest(["/tests/" + name], timeout=300, smp=smp)
    except BootError as e:
        return "boot failed: " + str(e).splitlines()[0], b""
    out = "\n".join(l for l in lines if not KERNEL_LINE.search(l))
    return status, out.encode()


def hogs(n):
    """n busy processes (a loaded machine), to be killed by the caller."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for _ in range(n)]


def check(name, runs, jobs, smp=0):
    """Run name runs times, jobs at once (inside clonix at SMP=smp, one
    at a time, if smp); the odd ones out, described."""
    busy = hogs(jobs - 1) if name in EXCLUSIVE and not smp else []
    try:
        with concurrent.futures.ThreadPoolExecutor(
                1 if busy or name in EXCLUSIVE or smp else jobs) as pool:
            results = list(pool.map(
                lambda _: run_in_clonix(name, smp) if smp else run_once(name),
                range(runs)))
    finally:
        for p in busy:
            p.kill()
            p.wait()
    counts = collections.Counter(results)
    (usual, seen), = counts.most_common(1)
    odd = []
    for (status, out), n in counts.items():
        if (status, out) == usual and status == 0:
            continue
        first = next((a for a, b in zip(out.splitlines(),
                                         usual[1].splitlines()) if a != b),
                     b"(same lines, another count)")
        odd.append("%d of %d runs: status %s; first differing line: %s"
                   % (n, runs, status, first.decode("utf-8", "replace")))
    return odd


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2 * (os.cpu_count() or 1))
    ap.add_argument("--smp", type=int, default=0,
                    help="run inside clonix with this many CPUs")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    names = a.programs or sorted(
        os.path.basename(p) for p in glob.glob(os.path.join(TESTS, "t_*")))
    flaky = 0
    for name in names:
        odd = check(name, a.runs, a.jobs, a.smp)
        how = ("inside clonix at SMP=%d" % a.smp if a.smp else
               "one at a time under load (%s)" % EXCLUSIVE[name]
               if name in EXCLUSIVE else "%d at once" % a.jobs)
        print("%s: %d runs, %s: %s" % (name, a.runs, how,
              "stable" if not odd else "FLAKY"), flush=True)
        for line in odd:
            print("    " + line)
        flaky += bool(odd)
    print("flake: %d of %d programs flaky" % (flaky, len(names)))
    return 1 if flaky else 0


if __name__ == "__main__":
    sys.exit(main())
