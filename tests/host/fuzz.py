"""tests/host/fuzz.py — run user/test/fuzz/ inside clonix, with a watchdog.

    python3 tests/host/fuzz.py [--seed S] [--calls N] [--per-child C] [--jobs J]

Boots the kernel with `-- /bin/fuzz -s S -n N -c C -j J` and fails, naming the
seed, when the kernel panics, when no progress line comes for WATCHDOG
seconds (a hang), when fuzz itself reports a failure, when the disk is not
e2fsck-clean afterwards, or when init's leak check finds an object not
given back. `make fuzz` runs a million calls; tests/host/test_fuzz.py a
bounded run in `make test`.
"""
import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import Boot, BootError  # noqa: E402

WATCHDOG = 120          # seconds without a progress line: a hang
PROGRESS = re.compile(r"^fuzz: seed \d+: (\d+) calls", re.M)


class FuzzFailure(AssertionError):
    pass


def run_fuzz(seed, calls, per_child=500, jobs=1, mem="128M", log=None,
             first=0):
    """One fuzz run from child `first`; returns (calls, seconds) or raises
    FuzzFailure."""
    replay = ("replay: python3 tests/host/fuzz.py --seed %d --calls %d "
              "--per-child %d --jobs %d" % (seed, calls, per_child, jobs))
    timeout = 300 + calls // 100
    start = time.monotonic()
    with Boot("-- /bin/fuzz -s %d -n %d -c %d -j %d -f %d" % (
              seed, calls, per_child, jobs, first), mem=mem, timeout=timeout,
              disk=True) as b:
        last_count, last_time = -1, time.monotonic()
        while b.proc.poll() is None:
            time.sleep(1)
            text = b.text
            counts = PROGRESS.findall(text)
            if counts and int(counts[-1]) != last_count:
                last_count, last_time = int(counts[-1]), time.monotonic()
                if log:
                    log("fuzz: %s calls after %.0f s" % (counts[-1],
                        time.monotonic() - start))
            if "Kernel panic" in text:
                time.sleep(1)
                break
            if time.monotonic() - last_time > WATCHDOG:
                raise FuzzFailure("seed %d: no progress for %d s (a hang?)"
                                  "\n%s\n%s" % (seed, WATCHDOG, replay,
                                                b.tail()))
        try:
            b.wait_ok()
        except BootError as e:
            raise FuzzFailure("seed %d: %s\n%s" % (seed, e, replay))
        text = b.text
        failed = re.findall(r"^fuzz: FAIL.*$", text, re.M)
        if failed or not re.search(r"^fuzz: done: ", text, re.M):
            raise FuzzFailure("seed %d: %s\n%s\n%s" % (
                seed, "\n".join(failed) or "fuzz did not finish", replay,
                b.tail()))
        leaks = re.findall(r"^init: leak: .*$", text, re.M)
        if leaks or "init: leak check: nothing left allocated" not in text:
            hints = re.findall(r"^fuzz: after child .*$", text, re.M)
            raise FuzzFailure("seed %d: the kernel leaked:\n%s\n%s\n%s" % (
                seed, "\n".join(leaks), "\n".join(hints), replay))
        try:
            b.fsck()
        except BootError as e:
            raise FuzzFailure("seed %d: %s\n%s" % (seed, e, replay))
        done = int(re.search(r"^fuzz: done: seed \d+, (\d+) calls", text,
                             re.M).group(1))
    return done, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--calls", type=int, default=1000000)
    ap.add_argument("--per-child", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2,
                    help="children at once (1 to 8)")
    ap.add_argument("--runs", type=int, default=1,
                    help="consecutive seeds, one boot each")
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1, 1 << 31)
    for s in range(seed, seed + a.runs):
        print("fuzz: seed %d, %d calls, %d per child, %d at once" % (
              s, a.calls, a.per_child, a.jobs), flush=True)
        try:
            done, secs = run_fuzz(s, a.calls, a.per_child, a.jobs,
                                  log=lambda m: print(m, flush=True))
        except FuzzFailure as e:
            print("FAIL: %s" % e, flush=True)
            return 1
        print("fuzz: seed %d passed: %d calls in %.0f s, no panic, no hang, "
              "no leak, e2fsck clean" % (s, done, secs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
