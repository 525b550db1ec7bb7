#!/usr/bin/env python3
"""tools/style-check.py — the docs/style.md rules a script can check.

For every C and assembly file of the kernel (kernel/, boot/), of the user
programs (user/), of libc's sources (libc/src/) and of the guest tests
(tests/guest/): a first line naming the file (the source-map line, rule
15); at most 600 lines a file; functions of at most 60 lines
(copy_process 120) and no more than 3 levels of indentation inside them
(rule 14). In the kernel, also a median function of at most 20 lines, and
<...> includes only of the shared ABI headers (asm/, linux/, and clonix/
for the calls of clonix's own) and the
compiler's freestanding ones (rule 10). Everywhere: no comment about the
project's history ("for now", "until the signals issue", "issue 8": rule
15), in kernel/, libc/, user/ and tests/.
Prints each violation and exits 1 if there is any.
"""
import os
import re
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_FILE_LINES = 600
MAX_FUNC_LINES = {"copy_process": 120}
DEFAULT_MAX_FUNC = 60
MAX_MEDIAN = 20
MAX_TABS = 4            # function body at 1 tab + 3 levels
FREESTANDING = {"stdarg.h", "stddef.h", "stdint.h", "stdbool.h"}
FUNC_START = re.compile(r"^[A-Za-z_][\w\s\*]*?\b(\w+)\s*\([^;]*$")
# words that date a comment: they describe a stage of the project, and
# turn false when it moves on
HISTORY = re.compile(r"\bfor now\b|\b(the|this|next|later|an?) [\w-]+ issue\b|"
                     r"\bissue \d+|\buntil the \w+ (issue|stage|turn)\b",
                     re.IGNORECASE)


def sources(tops=("kernel", "boot")):
    for top in tops:
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith((".c", ".h", ".asm")):
                    yield os.path.relpath(os.path.join(dirpath, f), ROOT)


def functions(lines):
    """(name, first line, last line) of each top-level C function."""
    i = 0
    while i < len(lines):
        m = FUNC_START.match(lines[i])
        if m and not lines[i].startswith(("static inline", "#")):
            j = i
            while j < len(lines) and lines[j] != "{" and not lines[j].endswith(";"):
                j += 1
            if j < len(lines) and lines[j] == "{":
                k = j
                while k < len(lines) and lines[k] != "}":
                    k += 1
                yield m.group(1), i, k
                i = k
        i += 1


def check_file(path, problems, lengths, kernel=True):
    with open(os.path.join(ROOT, path)) as f:
        lines = f.read().splitlines()
    first = lines[0] if lines else ""
    if not re.match(r"^(/\*|;) %s — " % re.escape(path), first):
        problems.append("%s:1: first line must be the source-map line "
                        "'/* %s — ...'" % (path, path))
    if len(lines) > MAX_FILE_LINES:
        problems.append("%s: %d lines (max %d)" % (path, len(lines), MAX_FILE_LINES))
    for n, line in enumerate(lines if kernel else [], 1):
        m = re.match(r"#include <(.*)>", line)
        if m and not (m.group(1) in FREESTANDING or
                      m.group(1).startswith(("asm/", "linux/", "clonix/"))):
            problems.append("%s:%d: kernel code may include only asm/, linux/, "
                            "clonix/ and freestanding headers, not <%s>"
                            % (path, n, m.group(1)))
    if not path.endswith(".c"):
        return
    for name, start, end in functions(lines):
        length = end - start + 1
        lengths.append(length)
        limit = MAX_FUNC_LINES.get(name, DEFAULT_MAX_FUNC)
        if length > limit:
            problems.append("%s:%d: %s() is %d lines (max %d)"
                            % (path, start + 1, name, length, limit))
        for n in range(start, end):
            tabs = len(lines[n]) - len(lines[n].lstrip("\t"))
            if tabs > MAX_TABS and not lines[n - 1].rstrip().endswith(
                    (",", "&&", "||", "(", "?", ":", "\\", "=", "+", "|")):
                problems.append("%s:%d: more than 3 levels of indentation in %s()"
                                % (path, n + 1, name))


def history_comments(problems):
    """Rule 15: comments say why, about the code as it is now."""
    for top in ("kernel", "boot", "libc", "user", "tests"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if not f.endswith((".c", ".h", ".asm", ".py", ".sh")):
                    continue
                path = os.path.relpath(os.path.join(dirpath, f), ROOT)
                with open(os.path.join(ROOT, path), errors="replace") as fh:
                    for n, line in enumerate(fh, 1):
                        if HISTORY.search(line):
                            problems.append("%s:%d: a comment about the project's "
                                            "history, not the code: %s"
                                            % (path, n, line.strip()))


def main():
    problems, lengths = [], []
    for path in sources():
        check_file(path, problems, lengths)
    for path in sources(("user", "libc/src", "tests/guest")):
        check_file(path, problems, [], kernel=False)
    history_comments(problems)
    if lengths and statistics.median(lengths) > MAX_MEDIAN:
        problems.append("median function length %.1f (max %d)"
                        % (statistics.median(lengths), MAX_MEDIAN))
    for p in problems:
        print(p)
    print("style-check: %d functions, median %.1f lines, longest %d; %d problem(s)"
          % (len(lengths), statistics.median(lengths) if lengths else 0,
             max(lengths) if lengths else 0, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
