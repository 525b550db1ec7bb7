"""The repository stands on its own: every rule the code cites is in
docs/ — 'spec §N' in docs/spec.md, 'STYLE n' in docs/style.md,
'docs/design.md §N' there — and nothing points outside the repository."""
import os
import re
import subprocess

from qemu import ROOT

DOCS = os.path.join(ROOT, "docs")


def tracked_files():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True,
                         text=True).stdout.split()
    return [f for f in out if not f.startswith("docs/") and
            os.path.splitext(f)[1] in (".c", ".h", ".asm", ".py", ".sh", ".md",
                                       ".tbl", "") and os.path.isfile(os.path.join(ROOT, f))]


def read(path):
    with open(os.path.join(ROOT, path), errors="replace") as f:
        return f.read()


def sections(doc):
    """{"2": text, "2.3": text, ...}: each heading's number and its body."""
    found, key = {}, None
    for line in read(doc).splitlines():
        m = re.match(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", line)
        if m:
            key = m.group(1)
            found[key] = ""
        elif key:
            found[key] += line + "\n"
    return found


def spec_refs_exist(number, spec):
    """N, N.M (a heading) or N.M.K (item K of heading N.M)."""
    parts = number.split(".")
    if len(parts) <= 2:
        return ".".join(parts) in spec
    head = ".".join(parts[:2])
    return head in spec and re.search(r"^%s\. " % parts[2], spec[head], re.M)


def citations(pattern):
    found = []
    for f in tracked_files():
        for m in re.finditer(pattern, read(f)):
            found.append((f, m.group(1)))
    return found


def test_spec_citations_resolve():
    spec = sections("docs/spec.md")
    cites = citations(r"spec §(\d+(?:\.\d+)*(?:-\d+(?:\.\d+)*)?)")
    assert len(cites) > 40
    bad = []
    for f, ref in cites:
        first, _, last = ref.partition("-")
        if last and "." not in last and "." in first:  # 2.3.8-9
            last = first.rsplit(".", 1)[0] + "." + last
        for n in filter(None, (first, last)):
            if not spec_refs_exist(n.rstrip("."), spec):
                bad.append("%s: spec §%s" % (f, n))
    assert not bad, "citations docs/spec.md lacks: %s" % bad


def test_style_and_design_citations_resolve():
    rules = set(re.findall(r"^(\d+)\. \*\*", read("docs/style.md"), re.M))
    bad = ["%s: STYLE %s" % c for c in citations(r"STYLE (\d+)") if c[1] not in rules]
    design = sections("docs/design.md")
    bad += ["%s: docs/design.md §%s" % c
            for c in citations(r"docs/design\.md §(\d+)") if c[1] not in design]
    assert not bad, bad


def test_nothing_points_outside_the_repository():
    bad = [f for f in tracked_files()
           if re.search(r"\.\./shared|\bDESIGN\.md|\bSTYLE\.md", read(f))]
    assert not bad, "cites documents a clone does not have: %s" % bad
