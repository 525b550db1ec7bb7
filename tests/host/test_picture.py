"""tools/picture.py (make picture) draws what the guest says: a node per
task and per kernel object, an arrow per use, and each object's count is
the number of tasks that use it; the fork pair shares its frames
copy-on-write. (The PNG needs graphviz; the graph text does not.)"""
import os
import sys

from qemu import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import picture  # noqa: E402


def test_picture_matches_the_guest():
    tasks, frames = picture.parse(picture.snapshot())
    text = picture.dot(tasks, frames)
    demo = [t for t in tasks if t["comm"] == "share_demo"]
    assert len(demo) == 4, "the leader, its thread, the fork and the VM child"
    for t in tasks:
        assert "task%d [" % t["pid"] in text
    uses = {}
    for t in tasks:
        for kind in picture.KINDS:
            if t[kind]:
                uses.setdefault((kind, t[kind][0]), []).append(t[kind][1])
    for (kind, oid), counts in uses.items():
        assert text.count("%s%d [" % (kind, oid)) == 1
        assert set(counts) == {len(counts)}, \
            "%s %d: count %s, used by %d tasks" % (kind, oid, counts, len(counts))
    shared = picture.shared_frames(frames)
    assert len(shared) >= 3
    # two mappings, and the page cache for a page of the program's file
    assert all(users == 2 + ("f" in flags) and "c" in flags
               for _, users, flags in shared)
    assert any("f" not in flags for _, _, flags in shared), "anonymous ones too"
