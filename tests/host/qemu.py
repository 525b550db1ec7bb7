"""tests/host/qemu.py — boot clonix headless in QEMU and read its serial line.

A Boot runs qemu-system-i386 with the serial port on stdin/stdout, a
-no-reboot machine (a triple fault ends QEMU instead of looping) and the
isa-debug-exit device, through which the kernel reports a status: QEMU then
exits with (status << 1) | 1. TCG unless KVM=1 is in the environment:
/dev/kvm exists on our machines but cannot run a 32-bit guest with paging,
so its presence proves nothing (docs/design.md §5).
"""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL = os.environ.get("CLONIX_KERNEL", os.path.join(ROOT, "build/kernel.elf"))
ISO = os.environ.get("CLONIX_ISO", os.path.join(ROOT, "build/clonix.iso"))
DISK = os.environ.get("CLONIX_DISK", os.path.join(ROOT, "build/disk.img"))
DISK4K = os.environ.get("CLONIX_DISK4K", os.path.join(ROOT, "build/disk4k.img"))

STATUS_OK = 0
STATUS_FAIL = 1
STATUS_PANIC = 0x7F
TAIL_LINES = 40


class BootError(AssertionError):
    """A boot that panicked, reset, hung or ended with the wrong status."""


class Boot:
    """One QEMU run; use as a context manager so QEMU never outlives a test."""

    def __init__(self, cmdline="", mem="128M", timeout=30, iso=False,
                 disk=False, smp=None):
        self.timeout = timeout
        self.disk = None
        self.deadline = time.monotonic() + timeout
        self.out = bytearray()
        self.lock = threading.Condition()
        args = ["qemu-system-i386", "-m", mem, "-serial", "stdio",
                "-display", "none", "-monitor", "none", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        smp = smp or int(os.environ.get("SMP", "1") or 1)
        if os.environ.get("KVM") == "1":
            args += ["-accel", "kvm"]
        else:   # several CPUs need one host thread each (multi-threaded TCG)
            args += ["-accel", "tcg,thread=multi" if smp > 1 else "tcg"]
        if smp > 1:
            args += ["-smp", str(smp)]
        args += os.environ.get("QEMU_EXTRA", "").split()   # -s, -monitor ...
        if disk:
            # a private copy: every boot starts from the built image
            fd, self.disk = tempfile.mkstemp(suffix=".img")
            os.close(fd)
            shutil.copyfile(disk if isinstance(disk, str) else DISK, self.disk)
            args += ["-drive", "file=%s,format=raw,if=ide,index=0" % self.disk]
        if iso:
            args += ["-cdrom", ISO, "-boot", "d"]
        else:
            args += ["-kernel", KERNEL, "-append", cmdline]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for chunk in iter(lambda: self.proc.stdout.read1(4096), b""):
            with self.lock:
                self.out += chunk
                self.lock.notify_all()
        with self.lock:
            self.lock.notify_all()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.reader.join(timeout=5)
        if self.disk:
            os.unlink(self.disk)
            self.disk = None

    def fsck(self):
        """e2fsck -fn on this boot's disk: any complaint fails the test."""
        r = subprocess.run(["e2fsck", "-fn", self.disk], capture_output=True,
                           text=True)
        if r.returncode != 0:
            self.fail("e2fsck -fn found errors (exit %d):\n%s"
                      % (r.returncode, r.stdout[-3000:]))
        return r.stdout

    def debugfs_cat(self, path):
        """A file's contents as the host reads them from the image."""
        r = subprocess.run(["debugfs", "-R", "cat " + path, self.disk],
                           capture_output=True)
        return r.stdout

    @property
    def text(self):
        """The transcript so far, with CRs and terminal escapes removed."""
        with self.lock:
            raw = self.out.decode("utf-8", "replace")
        raw = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)
        return raw.replace("\r", "")

    def tail(self, n=TAIL_LINES):
        return "\n".join(self.text.splitlines()[-n:])

    def fail(self, why):
        raise BootError("%s\n--- last %d serial lines ---\n%s"
                        % (why, TAIL_LINES, self.tail()))

    def expect(self, pattern, start=0):
        """Wait for a regex in the transcript (from offset start on)."""
        rx = re.compile(pattern, re.M)
        with self.lock:
            while True:
                m = rx.search(self.text, start)
                if m:
                    return m
                if "Kernel panic" in self.text:
                    break
                left = self.deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    break
                self.lock.wait(min(left, 0.5))
        self.fail("never saw /%s/" % pattern)

    def send(self, data):
        self.proc.stdin.write(data.encode() if isinstance(data, str) else data)
        self.proc.stdin.flush()

    def wait(self):
        """Wait for QEMU to end; return the kernel's status, or fail."""
        try:
            rc = self.proc.wait(timeout=max(self.deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.reader.join(timeout=5)
            self.fail("timed out after %d s" % self.timeout)
        self.reader.join(timeout=5)
        if rc == 0 or not rc & 1:
            self.fail("QEMU ended with %d: a reset (triple fault) or a QEMU "
                      "error, not a power-off" % rc)
        return rc >> 1

    def wait_ok(self, bugs_expected=False):
        """The run must end in a clean power-off (status 0), and, unless
        the run provokes them on purpose (the mm self-tests), without a
        "BUG:" line: a kernel bug it reported and survived is still a bug."""
        status = self.wait()
        if "Kernel panic" in self.text:
            self.fail("kernel panic")
        bug = re.search(r"^BUG: .*$", self.text, re.M)
        if bug and not bugs_expected:
            self.fail("the kernel reported a bug: %s" % bug.group(0))
        if status != STATUS_OK:
            self.fail("power-off status %d, expected 0" % status)
        return self.text


def run(cmdline="", **kw):
    """Boot, wait for the end, return (status, transcript) without judging."""
    with Boot(cmdline, **kw) as b:
        status = b.wait()
        return status, b.text


INIT_DONE = re.compile(r"^init: \S+ (exited with status (\d+)|killed by signal (\d+))$", re.M)


def after_mounts(text):
    """The console lines after the kernel mounted its file systems."""
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if l == "vfs: mounted root (ext2)")
    while start + 1 < len(lines) and lines[start + 1].startswith("vfs: mounted "):
        start += 1
    return lines[start + 1:]


def run_guest(argv, mem="128M", timeout=60, disk=True, options="", smp=None):
    """Boot with the disk, run argv as init's command, check the disk.

    Returns (exit status, the program's output lines): what came after the
    root was mounted and before init reported the end, less kernel lines.
    options are kernel command line options (threads_max=64, trace=mm);
    smp, the number of CPUs (default: the SMP environment variable, 1).
    """
    with Boot(options + " -- " + " ".join(argv), mem=mem, timeout=timeout,
              disk=disk, smp=smp) as b:
        b.wait_ok()
        b.fsck()
        text = b.text
    lines = after_mounts(text)
    m = INIT_DONE.search(text)
    if not m:
        raise BootError("init never reported the end of %s\n%s" % (argv, text[-3000:]))
    end = next(i for i, l in enumerate(lines) if INIT_DONE.match(l))
    status = int(m.group(2)) if m.group(2) is not None else 128 + int(m.group(3))
    leaks = re.findall(r"^init: leak: .*$", text, re.M)
    if leaks or "init: leak check: nothing left allocated" not in text:
        raise BootError("the kernel leaked across %s:\n%s" % (argv, "\n".join(leaks)))
    return status, lines[:end]
