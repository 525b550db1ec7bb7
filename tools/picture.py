#!/usr/bin/env python3
"""tools/picture.py — who shares what, as a picture (make picture).

Boots clonix with /bin/share_demo, which keeps a thread, a fork child and
a CLONE_VM|CLONE_FILES child alive while ps prints the sharing view of
/proc (the id and reference count of each task's mm, files, fs, sighand
and signal) and /proc/PID/frames lists the frames of the fork pair. This
script turns that snapshot into a graphviz graph: tasks, clustered by
thread group, point at the kernel objects they use (one node per object:
a shared object has several arrows and a count above 1), and the fork
pair points at the frames they share copy-on-write. It writes
build/picture.dot and, with graphviz's dot, build/picture.png.

    tools/picture.py [--out build/picture]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "host"))

KINDS = ["mm", "files", "fs", "sighand", "signal"]
COLORS = {"mm": "lightblue", "files": "khaki", "fs": "palegreen",
          "sighand": "pink", "signal": "plum"}
MAX_FRAMES = 8		# frames drawn for the fork pair


def snapshot():
    """share_demo's output lines, from a fresh boot."""
    from qemu import run_guest
    status, lines = run_guest(["/bin/share_demo"], timeout=120)
    if status != 0:
        raise SystemExit("share_demo failed (status %d)" % status)
    return lines


def parse(lines):
    """(tasks, frames): tasks as dicts (pid, tgid, ppid, state, comm and
    kind -> (id, count) or None); frames as {pid: [(frame, users, flags)]}."""
    tasks, frames, owner = [], {}, None
    for line in lines:
        m = re.match(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S)\s+(.*)\s(\S+)$", line)
        f = re.match(r"^frames of (\d+)", line)
        if f:
            owner = int(f.group(1))
            frames[owner] = []
        elif owner and re.match(r"^[0-9a-f]{8} ", line):
            va, frame, users, *flags = line.split()
            frames[owner].append((frame, int(users), flags[0] if flags else ""))
        elif m and not owner:
            objs = m.group(5).split()
            task = {"pid": int(m.group(1)), "tgid": int(m.group(2)),
                    "ppid": int(m.group(3)), "state": m.group(4),
                    "comm": m.group(6)}
            for kind, obj in zip(KINDS, objs):
                task[kind] = None if obj == "-" else tuple(
                    int(x) for x in obj.split("/"))
            tasks.append(task)
    return tasks, frames


def shared_frames(frames):
    """The frames the two processes of the fork pair both map."""
    pids = sorted(frames)
    if len(pids) != 2:
        return []
    a = {fr: (users, flags) for fr, users, flags in frames[pids[0]]}
    return [(fr, users, flags) for fr, users, flags in frames[pids[1]] if fr in a]


def dot(tasks, frames):
    """The graphviz text of the snapshot."""
    out = ["digraph sharing {", "  rankdir=LR; node [fontname=Helvetica];"]
    groups = {}
    for t in tasks:
        groups.setdefault(t["tgid"], []).append(t)
    for tgid, members in sorted(groups.items()):
        out.append('  subgraph cluster_%d { label="thread group %d"; style=rounded;'
                   % (tgid, tgid))
        for t in members:
            out.append('    task%d [label="%s\\npid %d tgid %d" shape=ellipse];'
                       % (t["pid"], t["comm"], t["pid"], t["tgid"]))
        out.append("  }")
    objects = {}
    for t in tasks:
        for kind in KINDS:
            if t[kind]:
                objects[(kind, t[kind][0])] = t[kind][1]
                out.append("  task%d -> %s%d;" % (t["pid"], kind, t[kind][0]))
    for (kind, oid), count in sorted(objects.items()):
        out.append('  %s%d [label="%s %d\\ncount %d" shape=box style=filled '
                   'fillcolor=%s];' % (kind, oid, kind, oid, count, COLORS[kind]))
    for fr, users, flags in shared_frames(frames)[:MAX_FRAMES]:
        out.append('  frame%s [label="frame %s\\n%d users %s" shape=note];'
                   % (fr, fr, users, "COW" if "c" in flags else flags))
        for pid in sorted(frames):
            out.append("  task%d -> frame%s [style=dashed];" % (pid, fr))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "picture"))
    args = ap.parse_args()
    os.environ.setdefault("CLONIX_KERNEL", os.path.join(ROOT, "build", "kernel.elf"))
    os.environ.setdefault("CLONIX_DISK", os.path.join(ROOT, "build", "disk.img"))
    tasks, frames = parse(snapshot())
    with open(args.out + ".dot", "w") as f:
        f.write(dot(tasks, frames))
    print("picture: %s.dot (%d tasks, %d frames shared by the fork pair)"
          % (args.out, len(tasks), len(shared_frames(frames))))
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tpng", "-o", args.out + ".png", args.out + ".dot"],
                       check=True)
        print("picture: %s.png" % args.out)
    else:
        print("picture: install graphviz (tools/deps.sh picture) for the PNG")


if __name__ == "__main__":
    main()
