"""docs/tour.md is a tested reading order (STYLE 24): every file:function
it names exists, every kernel .c file is on it, and every command of its
process-creation walk runs and prints what the tour says it prints."""
import glob
import os
import re
import subprocess
import sys

import pytest

from qemu import ROOT, Boot

TOUR = os.path.join(ROOT, "docs", "tour.md")


def tour_refs():
    with open(TOUR) as f:
        return re.findall(r"`([\w/.]+\.(?:c|asm)):(\w+)`", f.read())


def test_tour_names_exist():
    refs = tour_refs()
    assert refs
    for path, func in refs:
        with open(os.path.join(ROOT, path)) as f:
            src = f.read()
        pattern = (r"^%s:" % func if path.endswith(".asm")
                   else r"^[\w\s\*]*\b%s\(" % re.escape(func))
        assert re.search(pattern, src, re.M), "%s:%s not found" % (path, func)


def test_every_kernel_file_is_on_the_tour():
    listed = {path for path, _ in tour_refs()}
    for path in glob.glob(os.path.join(ROOT, "kernel", "**", "*.c"), recursive=True):
        rel = os.path.relpath(path, ROOT)
        assert rel in listed, "%s is not on docs/tour.md" % rel


def test_style_check_passes():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "style-check.py")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout


def test_style_check_catches_a_long_function():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import importlib
    sc = importlib.import_module("style-check")
    lines = ["static void f(void)", "{"] + ["\tx();"] * 70 + ["}"]
    assert [(n, e - s + 1) for n, s, e in sc.functions(lines)] == [("f", 73)]


def test_readme_lists_every_implemented_syscall():
    """README's table must keep up with kernel/syscall/syscall_32.tbl."""
    with open(os.path.join(ROOT, "kernel", "syscall", "syscall_32.tbl")) as f:
        names = [l.split()[2] for l in f
                 if l.strip() and not l.startswith("#") and len(l.split()) == 4]
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    missing = [n for n in names if "`%s`" % n not in readme]
    assert not missing, "README does not list: %s" % missing


def tour_commands():
    """The ``` blocks of the tour: ($ command line, [expected lines])."""
    with open(TOUR) as f:
        blocks = re.findall(r"^```\n(.*?)^```", f.read(), re.M | re.S)
    cmds = []
    for block in blocks:
        for line in block.splitlines():
            if line.startswith("$ "):
                cmds.append((line[2:], []))
            elif cmds:
                cmds[-1][1].append(line)
    return cmds


def expected_pattern(line):
    return re.compile("".join(".*?" if part == "\u2026" else re.escape(part)
                              for part in re.split("(\u2026)", line)) + "$")


@pytest.mark.parametrize("cmd,expected", tour_commands(),
                         ids=[c for c, _ in tour_commands()])
def test_tour_command_shows_what_the_tour_says(cmd, expected):
    words = cmd.split()
    cmdline = " ".join(["--", "/bin/" + words[0]] + words[1:])
    with Boot(cmdline, disk=True, timeout=240) as b:
        b.wait_ok()
        lines = b.text.splitlines()
    at = 0
    for want in expected:
        pat = expected_pattern(want)
        while at < len(lines) and not pat.match(lines[at]):
            at += 1
        assert at < len(lines), "%r: no line %r (in order)" % (cmd, want)
        at += 1
