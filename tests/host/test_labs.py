"""The course assignments (docs/labs/), checked on every run: each lab is
cut from this tree as a teacher hands it out (tools/lab.py start), and
the student tree must hold no line of the solution and one commit, build,
boot to the shell, and grade below full marks with every graded test
failing for the reason its labs/NAME.py names (a test that passes on the
stub grades nothing). This tree, with the solutions, gets full marks.
A kernel change that breaks a lab's cut fails here the same day."""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from qemu import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import grade  # noqa: E402
import lab  # noqa: E402

LABS = lab.lab_names()
# A student tree (it has a .lab file) has no regions left to cut: there,
# make grade is the lab's test.
pytestmark = pytest.mark.skipif(os.path.exists(os.path.join(ROOT, ".lab")),
                                reason="a student tree: make grade instead")
BOOT = """
import qemu
with qemu.Boot("", disk=True, timeout=60) as b:
    b.expect(r"^\\$ ")
    b.send("echo booted-to-the-shell\\n")
    b.expect(r"^booted-to-the-shell$")
"""


def clean_env():
    """The environment without make test's paths to this tree's build."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CLONIX_")}


def summary(stdout):
    line = [l for l in stdout.splitlines() if l.startswith("GRADE ")][-1]
    return json.loads(line[len("GRADE "):])


@pytest.mark.parametrize("name", LABS)
def test_main_tree_gets_full_marks(name):
    results = grade.grade(lab.load(name))
    failed = ["%s: %s" % (t.title, why) for t, why in results if why]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("name", LABS)
def test_student_tree_builds_boots_and_fails_each_test(name, tmp_path):
    tree = str(tmp_path / name)
    cut = lab.start(name, tree)
    assert cut, "the lab cut nothing"
    assert lab.leaks(name, tree) == [], "solution lines left in the tree"
    log = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=tree,
                         capture_output=True, text=True, check=True)
    assert log.stdout.strip() == "1", "the student tree has history"
    assert os.path.exists(os.path.join(tree, "LAB.md"))
    env = clean_env()
    r = subprocess.run(["make", "-s", "-j2", "all"], cwd=tree, env=env,
                       capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, "the starter does not build:\n" + r.stderr[-3000:]
    r = subprocess.run([sys.executable, "-c", BOOT], env=env, timeout=120,
                       cwd=os.path.join(tree, "tests", "host"),
                       capture_output=True, text=True)
    assert r.returncode == 0, "the starter does not boot to the shell:\n" + \
        r.stderr[-3000:]
    r = subprocess.run([sys.executable, "tools/grade.py"], cwd=tree, env=env,
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 1, r.stdout + r.stderr
    got = summary(r.stdout)
    assert got["score"] < got["max"]
    for t in lab.load(name).GRADED:
        why = got["why"].get(t.title)
        assert why, "%s passes on the stub" % t.title
        assert re.search(t.stub_fails, why), \
            "%s fails for another reason: %s" % (t.title, why)
    shutil.rmtree(tree)	# 180 MB a tree; kept when a check failed
