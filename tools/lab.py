"""tools/lab.py — cut a course assignment out of the real kernel.

A lab is a set of regions of the project's own code, marked where they
stand:

    /* LAB cow: begin do_wp_page */      (or "# LAB ..." in a table or
    ...the solution...                    script, "<!-- LAB ... -->" in
    /* LAB cow: end do_wp_page */         Markdown)

and a file labs/NAME.py that holds, for each region, the stub that
replaces it in the student's copy (it compiles, boots, and fails the
lab's tests honestly), plus what is graded (tools/grade.py). The complete
kernel is the solution, so a lab cannot drift from it: test_labs.py cuts
every lab on every run.

    python3 tools/lab.py start LAB DIR     a student tree in DIR
    python3 tools/lab.py list              the labs, one a line
    python3 tools/lab.py grade-dir LAB SUBMISSION...
                                            grade hand-ins with this tree's
                                            grader (docs/labs/README.md)
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABS = os.path.join(ROOT, "labs")
MARK = re.compile(r"^\s*(?:/\*|#|<!--)\s*LAB (\w+): (begin|end) (\w+)\s*"
                  r"(?:\*/|-->)?\s*$")
GIT_ID = ["-c", "user.name=clonix labs", "-c", "user.email=labs@clonix.invalid"]


def lab_names():
    return sorted(f[:-3] for f in os.listdir(LABS)
                  if f.endswith(".py") and not f.startswith("_"))


def load(name, root=ROOT):
    """labs/NAME.py of the tree at root, as a module."""
    path = os.path.join(root, "labs", name + ".py")
    if not os.path.exists(path):
        sys.exit("lab: no lab %r (try: %s)" % (name, ", ".join(lab_names())))
    spec = importlib.util.spec_from_file_location("lab_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.join(root, "tools"))
    spec.loader.exec_module(mod)
    return mod


def tracked_files(root=ROOT):
    """The project's files: git's list, as they are in the working tree."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True,
                         capture_output=True).stdout.decode()
    return [f for f in out.split("\0")
            if f and os.path.isfile(os.path.join(root, f))]


def regions(text):
    """[(lab, region, first line, last line)] of a file's text, 0-based,
    the marker lines included; a marker out of pairs is an error."""
    found, open_ = [], None
    for i, line in enumerate(text.split("\n")):
        m = MARK.match(line)
        if not m:
            continue
        lab, what, name = m.groups()
        if what == "begin" and not open_:
            open_ = (lab, name, i)
        elif what == "end" and open_ and open_[:2] == (lab, name):
            found.append((lab, name, open_[2], i))
            open_ = None
        else:
            raise ValueError("line %d: %s out of place" % (i + 1, line.strip()))
    if open_:
        raise ValueError("LAB %s: begin %s never ends" % open_[:2])
    return found


def cut(text, lab, stubs):
    """text with lab's regions replaced by their stubs and every other
    lab's markers dropped (their solutions stay). Returns (text, names)."""
    lines, out, done, skip_to = text.split("\n"), [], [], -1
    spans = {first: (l, name, last) for l, name, first, last in regions(text)}
    for i, line in enumerate(lines):
        if i <= skip_to:
            continue
        if i in spans and spans[i][0] == lab:
            _, name, skip_to = spans[i]
            if name not in stubs:
                raise ValueError("labs/%s.py has no stub for region %s" % (lab, name))
            out.extend(stubs[name].strip("\n").split("\n"))
            done.append(name)
        elif not MARK.match(line):
            out.append(line)
    return "\n".join(out), done


def files_of(name, root=ROOT):
    """The files that hold lab name's regions: what a student hands in."""
    found = []
    for f in tracked_files(root):
        try:
            text = open(os.path.join(root, f), encoding="utf-8").read()
        except UnicodeDecodeError:
            continue
        if "LAB " + name + ":" in text and any(r[0] == name for r in regions(text)):
            found.append(f)
    return found


# Files made from others and kept in git: made again from the cut tree,
# so that a call cut from the table is gone from libc's numbers too.
GENERATED = {"libc/include/asm/unistd_32.h": "unistd",
             "libc/include/bits/syscall.h": "sysnames"}


def regenerate(dest):
    for path, what in GENERATED.items():
        out = subprocess.run([sys.executable, "tools/syscalltbl.py", what,
                              "kernel/syscall/syscall_32.tbl"], cwd=dest,
                             check=True, capture_output=True, text=True).stdout
        with open(os.path.join(dest, path), "w") as fh:
            fh.write(out)


def start(name, dest):
    """Write the student tree for lab name into dest (a new folder)."""
    lab = load(name)
    page = os.path.join(ROOT, "docs", "labs", name + ".md")
    if not os.path.exists(page):
        sys.exit("lab: %s has no page %s" % (name, page))
    if os.path.exists(dest) and os.listdir(dest):
        sys.exit("lab: %s exists and is not empty" % dest)
    cut_regions = []
    for f in tracked_files():
        src = os.path.join(ROOT, f)
        dst = os.path.join(dest, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        try:
            text = open(src, encoding="utf-8").read()
        except UnicodeDecodeError:
            shutil.copy2(src, dst)
            continue
        if "LAB " in text:
            text, done = cut(text, name, lab.STUBS)
            cut_regions += done
        with open(dst, "w", encoding="utf-8") as fh:
            fh.write(text)
        shutil.copymode(src, dst)
    regenerate(dest)
    missing = set(lab.STUBS) - set(cut_regions)
    if missing:
        sys.exit("lab: labs/%s.py has stubs for regions not marked in the "
                 "code: %s" % (name, ", ".join(sorted(missing))))
    shutil.copy(page, os.path.join(dest, "LAB.md"))
    with open(os.path.join(dest, ".lab"), "w") as fh:
        fh.write(name + "\n")
    git = ["git"] + GIT_ID
    subprocess.run(git + ["init", "-q"], cwd=dest, check=True)
    subprocess.run(git + ["add", "-A"], cwd=dest, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "clonix lab %s: the starting "
                          "point (read LAB.md)" % name], cwd=dest, check=True)
    return sorted(cut_regions)


def solution_lines(name, root=ROOT):
    """The lines lab name cuts that appear nowhere else in the project:
    what a student tree must not contain (long ones only: a short line
    such as "return 0;" proves nothing)."""
    inside, outside = set(), set()
    for f in tracked_files(root):
        try:
            text = open(os.path.join(root, f), encoding="utf-8").read()
        except UnicodeDecodeError:
            continue
        lines = text.split("\n")
        cut_here = set()
        for lab, _, first, last in (regions(text) if "LAB " in text else []):
            if lab == name:
                cut_here.update(range(first, last + 1))
        for i, line in enumerate(lines):
            (inside if i in cut_here else outside).add(line.strip())
    return {l for l in inside - outside
            if len(l) >= 20 and not MARK.match(l)}


def leaks(name, dest):
    """Lines of lab name's solution found in the tree at dest."""
    secret, found = solution_lines(name), []
    for f in tracked_files(dest):
        try:
            text = open(os.path.join(dest, f), encoding="utf-8").read()
        except UnicodeDecodeError:
            continue
        found += ["%s: %s" % (f, l.strip()) for l in text.split("\n")
                  if l.strip() in secret]
    return found


def grade_dir(name, submissions):
    """Grade each hand-in with this tree's grader and tests: a fresh
    starter tree gets the files the lab lets a student change (files_of)
    from the hand-in, nothing else, so that editing the grader or the
    tests in a hand-in changes nothing."""
    status = 0
    for sub in submissions:
        with tempfile.TemporaryDirectory() as tmp:
            tree = os.path.join(tmp, "tree")
            start(name, tree)
            for f in files_of(name):
                if os.path.isfile(os.path.join(sub, f)):
                    shutil.copy(os.path.join(sub, f), os.path.join(tree, f))
            r = subprocess.run(["make", "-s", "-j2", "-C", tree, "all"],
                               capture_output=True, text=True)
            if r.returncode:
                print('{"lab": "%s", "submission": "%s", "score": 0, '
                      '"error": "does not build"}' % (name, sub))
                status = 1
                continue
            r = subprocess.run([sys.executable, "tools/grade.py", "--lab", name,
                                "--summary-only", "--name", sub], cwd=tree,
                               capture_output=True, text=True)
            print(r.stdout.strip().split("\n")[-1])
    return status


def main(argv):
    if argv[:1] == ["list"]:
        for n in lab_names():
            print(n)
        return 0
    if len(argv) == 3 and argv[0] == "start":
        done = start(argv[1], argv[2])
        print("lab %s: %s written, regions cut: %s; read %s/LAB.md"
              % (argv[1], argv[2], ", ".join(done), argv[2]))
        return 0
    if len(argv) >= 3 and argv[0] == "grade-dir":
        return grade_dir(argv[1], argv[2:])
    print(__doc__.split("\n\n")[-1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
