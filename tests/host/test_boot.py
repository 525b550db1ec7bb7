"""Boot to the banner (QEMU -kernel and GRUB), memory sizes, console keys,
command-line options and trace channels."""
import re
import subprocess

import pytest

from qemu import Boot, ROOT

BANNER = r"clonix [\d.]+ \(i386\): (\d+) MiB RAM, (\d+) frames, (\d+) free"


def boot_to_banner(b):
    m = b.expect(BANNER)
    b.expect(r"'q' powers off")
    return [int(x) for x in m.groups()]


@pytest.mark.parametrize("mem_mib", [32, 128, 768])
def test_banner_reports_memory(boot, mem_mib):
    b = boot(mem="%dM" % mem_mib)
    mib, frames, free = boot_to_banner(b)
    # the BIOS keeps the low megabyte and a little at the top of RAM
    assert mem_mib - 2 <= mib <= mem_mib
    # mem_map and the kernel take less than 3% of RAM, nothing else is used
    assert frames > mem_mib * 256 * 0.97 - 256
    assert free == frames
    b.expect(r"at the banner \d+\.\d{3} ms after the timer started \(tick \d+\)")
    b.send("q")
    assert b.wait() == 0
    # what is in use at the end is init's task and file tables and the
    # flusher thread's stack (a few frames, a few KiB of heap)
    m = re.search(r"power: off \(status 0\); free frames (\d+) of %d, heap "
                  r"(\d+) bytes" % frames, b.text)
    assert m and free - 12 <= int(m.group(1)) < free and int(m.group(2)) < 16384


def test_ram_above_768_mib_is_ignored(boot):
    b = boot(mem="1024M")
    mib, frames, free = boot_to_banner(b)
    assert "memory: ignoring" in b.text
    assert 766 <= mib <= 768
    b.send("q")
    assert b.wait() == 0


def test_ctrl_p_shows_memory(boot):
    b = boot()
    boot_to_banner(b)
    b.send("\x10")
    b.expect(r"PID  TGID  PPID ST +MM/use +FILES/u +FS/u +SIGHND/u +THREADS/n COMMAND")
    m = b.expect(r"Mem-Info: free frames (\d+) of (\d+), heap (\d+) bytes")
    assert int(m.group(2)) - 12 <= int(m.group(1)) < int(m.group(2))
    # init prints the line boot_to_banner waits for just before it goes
    # to sleep: on a loaded host ^P may still find it running (R)
    assert re.search(r"^ +1 +1 +0 [RS] .* init$", b.text, re.M)
    b.expect(r"buddyinfo:( \d+){11}")
    b.send("q")
    assert b.wait() == 0


def test_grub_iso_boots_to_banner(boot):
    """make run's path: BIOS, GRUB on the serial line, multiboot, banner."""
    b = boot(iso=True, timeout=60)
    mib, frames, free = boot_to_banner(b)
    assert mib >= 120
    b.send("q")
    assert b.wait() == 0


def test_make_run_passes_cmdline(boot):
    """make run CMDLINE="..." rebuilds the ISO with it (build/cmdline is
    remade whenever CMDLINE changes), and the kernel sees it."""
    def make_iso(cmdline):
        subprocess.run(["make", "-s", "CMDLINE=" + cmdline, "build/clonix.iso"],
                       cwd=ROOT, check=True, capture_output=True, timeout=300)
    make_iso("trace=boot")
    try:
        b = boot(iso=True, timeout=60)
        b.expect(r"\[boot\] paging_init\(\) done at tick \d+")
        boot_to_banner(b)
        assert re.search(r"^cmdline: .*trace=boot", b.text, re.M)
        b.send("q")
        assert b.wait() == 0
    finally:
        make_iso("")


def test_cmdline_options_and_trace(boot):
    b = boot("trace=boot,nosuch bogus=1 init=/bin/sh")
    b.expect(r"cmdline: unknown trace channel 'nosuch' ignored")
    b.expect(r"cmdline: unknown option 'bogus=1' ignored")
    b.expect(r"\[boot\] paging_init\(\) done at tick \d+")
    b.expect(r"\[boot\] mem_init\(\) done at tick \d+")
    boot_to_banner(b)
    assert re.search(r"^cmdline: .*init=/bin/sh", b.text, re.M)
    b.send("q")
    assert b.wait() == 0


def test_trace_off_prints_nothing(boot):
    b = boot()
    boot_to_banner(b)
    b.send("q")
    b.wait()
    assert "[boot]" not in b.text and "[mm]" not in b.text
