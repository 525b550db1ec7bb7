#!/usr/bin/env python3
"""tools/bench_linux.py — `make bench-linux`: forkbench on clonix and on
Debian's own i386 Linux, in the same QEMU, cell by cell.

Linux is the linux-image-*-686-unsigned package of the host's Debian
release (tools/fetch-linux.sh fetches and caches it). It boots with an
initramfs built here holding the same static forkbench binary as /init,
our static `true` as the tiny program and the same `true` linked
dynamically against glibc (with glibc's ld-linux.so.2 and libc.so.6 at the
path its PT_INTERP names) as the dynamic one; forkbench powers the machine
off when it is done (-P). clonix boots its disk image with forkbench as
init's command. Both run under the same qemu-system-i386, TCG unless
KVM=1, with the same memory size. The table gives each cell's rate on
both and clonix/Linux (above 1: clonix is faster).
"""
import io
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "host"))
from qemu import Boot, ROOT  # noqa: E402

MEM = os.environ.get("BENCH_MEM", "256M")
ARGS = os.environ.get("BENCH_ARGS", "-s 1") + " -d /bin/true-dyn"


def cpio_newc(entries):
    """A newc cpio archive: entries are (name, mode, data, rdev)."""
    out = io.BytesIO()
    for ino, (name, mode, data, rdev) in enumerate(entries + [("TRAILER!!!", 0, b"", 0)], 1):
        nm = name.encode() + b"\0"
        hdr = "070701" + "".join("%08X" % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev >> 8, rdev & 0xff,
            len(nm), 0))
        out.write(hdr.encode() + nm)
        out.write(b"\0" * (-(110 + len(nm)) % 4))
        out.write(data)
        out.write(b"\0" * (-len(data) % 4))
    return out.getvalue()


GLIBC_LIB = "usr/i686-linux-gnu/lib"     # where true-dyn's PT_INTERP points


def initramfs():
    read = lambda p: open(os.path.join(ROOT, "build", p), "rb").read()
    lib = lambda name: open(os.path.join("/", GLIBC_LIB, name), "rb").read()
    dirs = ["usr", "usr/i686-linux-gnu", GLIBC_LIB]
    entries = [
        ("dev", 0o40755, b"", 0),
        ("dev/console", 0o20600, b"", (5 << 8) | 1),
        ("bin", 0o40755, b"", 0),
        ("bin/true", 0o100755, read("user/bin/true"), 0),
        ("bin/true-dyn", 0o100755, read("bench/true-dyn"), 0),
        ("init", 0o100755, read("user/bench/forkbench"), 0),
    ] + [(d, 0o40755, b"", 0) for d in dirs] + [
        (GLIBC_LIB + "/" + n, 0o100755, lib(n), 0)
        for n in ("ld-linux.so.2", "libc.so.6")]
    path = os.path.join(ROOT, "build", "bench-initrd.cpio")
    with open(path, "wb") as f:
        f.write(cpio_newc(entries))
    return path


def run_linux(vmlinuz):
    cmd = ["timeout", "900", "qemu-system-i386", "-m", MEM, "-nographic",
           "-no-reboot", "-kernel", vmlinuz, "-initrd", initramfs(),
           "-append", "console=ttyS0 quiet panic=-1 rdinit=/init -- -P -t /bin/true "
           + ARGS]
    if os.environ.get("KVM") == "1":
        cmd.insert(2, "-enable-kvm")
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    print("(Linux run: %.0f s wall, QEMU exit %d)" % (time.monotonic() - start,
                                                     r.returncode))
    return r.stdout.replace("\r", "")


def run_clonix():
    with Boot("-- /bin/forkbench " + ARGS, disk=True, timeout=900, mem=MEM) as b:
        b.wait_ok()
        return b.text


def table(text):
    """{(cell, touched): (per second or None, us per op)} from forkbench's
    rows (fixed columns: the name is the first 26 characters)."""
    rows = {}
    for line in text.splitlines():
        tok = line[26:].split()
        if len(line) < 27 or not tok:
            continue
        size, tok = (tok[0] + " MiB", tok[2:]) if tok[1:2] == ["MiB"] else (tok[0], tok[1:])
        try:
            if len(tok) == 5 and tok[2] == "s":
                rows[(line[:26].strip(), size)] = (int(tok[3]), float(tok[4]))
            elif len(tok) == 2:
                rows[(line[:26].strip(), size)] = (None, float(tok[1]))
        except ValueError:
            continue
    return rows


def main():
    vmlinuz = subprocess.run(["bash", os.path.join(ROOT, "tools", "fetch-linux.sh")],
                             capture_output=True, text=True, check=True).stdout.strip()
    print("Linux: %s; clonix: build/kernel.elf; QEMU %s, -m %s, forkbench %s"
          % (os.path.basename(vmlinuz), "KVM" if os.environ.get("KVM") == "1" else "TCG",
             MEM, ARGS))
    linux_text = run_linux(vmlinuz)
    clonix_text = run_clonix()
    linux, clonix = table(linux_text), table(clonix_text)
    if not linux:
        print("no table from Linux; its console said:\n" + linux_text[-3000:])
        return 1
    print("\n%-26s %8s %12s %12s %8s" % ("cell", "touched", "clonix /s",
                                         "Linux /s", "ratio"))
    slower = []
    for key, (rate, us) in clonix.items():
        if key not in linux:
            continue
        lrate, lus = linux[key]
        if rate is None:        # the COW break row: microseconds, lower wins
            ratio = lus / us if us else 0
            print("%-26s %8s %9.1f us %9.1f us %8.2f" % (key + (us, lus, ratio)))
        else:
            ratio = rate / lrate if lrate else 0
            print("%-26s %8s %12d %12d %8.2f" % (key + (rate, lrate, ratio)))
        if ratio < 1:           # every kind of cell counts, exec and COW too
            slower.append(key)
    for text, who in ((clonix_text, "clonix"), (linux_text, "Linux")):
        m = re.search(r"fork at 64 MiB costs ([\d.]+) x", text)
        print("%s: fork at 64 MiB costs %s x fork at 0 MiB" % (who, m and m.group(1)))
    print("cells where clonix is slower than Linux: %d of %d%s"
          % (len(slower), len([k for k in clonix if k in linux]),
             "".join("\n  %s @ %s" % k for k in slower)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
