#!/usr/bin/env python3
"""tools/pacct.py — decode a BSD process-accounting file (Linux acct_v3
records, 64 bytes each), from a file or straight from a clonix disk image.

    tools/pacct.py FILE
    tools/pacct.py --image build/disk.img [/var/log/pacct]

One line a record: command, flags (S F C D X), exit status, uid, gid,
pid, ppid, user and system time and elapsed time (AHZ ticks), memory
(KiB), minor and major faults, tty (major,minor), start time (UTC).
comp_t and the float are decoded as spec §9.6-9.7 says."""
import argparse
import datetime
import struct
import subprocess
import sys

RECORD = struct.Struct("<BBHIIIIIIf8H16s")
FLAGS = [(0x02, "S"), (0x01, "F"), (0x04, "C"), (0x08, "D"), (0x10, "X")]


def comp(c):
    """comp_t: 13-bit mantissa, 3-bit base-8 exponent."""
    return (c & 0x1FFF) << (3 * (c >> 13))


def records(data):
    for off in range(0, len(data) - len(data) % 64, 64):
        (flag, version, tty, exitcode, uid, gid, pid, ppid, btime, etime,
         utime, stime, mem, _io, _rw, minflt, majflt, _swaps,
         comm) = RECORD.unpack_from(data, off)
        yield dict(comm=comm.split(b"\0")[0].decode(errors="replace"),
                   flags="".join(c if flag & b else " " for b, c in FLAGS),
                   version=version, exit=exitcode, uid=uid, gid=gid, pid=pid,
                   ppid=ppid, utime=comp(utime), stime=comp(stime),
                   etime=etime, mem=comp(mem), minflt=comp(minflt),
                   majflt=comp(majflt), tty="%d,%d" % (tty >> 8, tty & 0xFF),
                   btime=datetime.datetime.fromtimestamp(
                       btime, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S"))


def read_image(image, path):
    r = subprocess.run(["debugfs", "-R", "cat " + path, image],
                       capture_output=True, check=True)
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default="/var/log/pacct")
    ap.add_argument("--image", help="read FILE from this ext2 image")
    a = ap.parse_args()
    data = read_image(a.image, a.file) if a.image else open(a.file, "rb").read()
    for r in records(data):
        if r["version"] != 3:
            print("(a record of version %d: not v3)" % r["version"])
            continue
        print("{comm:<16} {flags} exit {exit:#06x} uid {uid:<5} gid {gid:<5} "
              "pid {pid:<5} ppid {ppid:<5} utime {utime:<6} stime {stime:<6} "
              "etime {etime:<8.1f} mem {mem:<6} minflt {minflt:<6} "
              "majflt {majflt:<4} tty {tty:<5} {btime}".format(**r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
