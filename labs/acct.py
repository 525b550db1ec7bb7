"""Lab acct: the version-3 accounting record (docs/labs/acct.md)."""
import re

from grade import Pacct

STUBS = {
    "encode_comp_t": """\
	/* TODO(lab acct): 13 bits of mantissa, 3 of base-8 exponent;
	 * round on the last octal digit dropped; 0xffff when too big. */
	(void)value;
	return 0;""",
    "encode_float": """\
	/* TODO(lab acct): an IEEE single, built with integer operations
	 * only (the kernel does not use the FPU), mantissa truncated. */
	(void)value;
	return 0;""",
    "fill_ac": """\
	/* TODO(lab acct): every field of the record, from current, its
	 * signal_struct (s->pacct, s->dead, s->start_time) and its leader.
	 * Only the version and the command name are here. */
	*ac = (struct acct_v3){ .ac_version = ACCT_VERSION };
	memcpy(ac->ac_comm, current->group_leader->comm, sizeof(ac->ac_comm) - 1);""",
}

RUN = ["/bin/sh", "/tests/acct.sh"]
NAMES = ["accton", "echo", "sh", "sleep", "sleep", "cow_demo", "cow_demo",
         "accton"]


def comp_t(v):
    """Linux's encode_comp_t, for the expected values."""
    exp = rnd = 0
    while v > 0x1fff:
        rnd, v, exp = v & 4, v >> 3, exp + 1
    if rnd:
        v += 1
        if v > 0x1fff:
            v, exp = v >> 3, exp + 1
    return 0xffff if exp > 7 else (exp << 13) | v


def decode(c):
    return (c & 0x1fff) << (3 * (c >> 13))


def fields(rows, trace):
    names = [r[0] for r in rows]
    if names != NAMES:
        return "commands %s, want %s" % (names, NAMES)
    want = {"flags": ["S", "", "F", "", "DX", "F", "", ""],
            "exit codes": ["0", "0", "127", "0", "0", "0", "0", "0"],
            "ttys": ["console"] * 8, "uids": ["0"] * 8}
    got = {"flags": [r[11] for r in rows], "exit codes": [r[12] for r in rows],
           "ttys": [r[13] for r in rows], "uids": [r[5] for r in rows]}
    for what in want:
        if got[what] != want[what]:
            return "%s %s, want %s" % (what, got[what], want[what])
    if rows[5][10] != rows[6][9]:
        return "cow_demo's child has ppid %s, not its parent's pid %s" % (
            rows[5][10], rows[6][9])
    return None


def memory(rows, trace):
    """The trace line of each record, in the same order, has the exact
    size the record's comp_t stands for."""
    exact = [int(m.group(1)) for m in
             (re.search(r"\(exact (\d+)\)", l) for l in trace) if m]
    if len(exact) != len(rows):
        return "%d records, %d [acct] trace lines" % (len(rows), len(exact))
    if not any(v > 0x1fff for v in exact):
        return "no record of more than 8191 KiB in the trace"
    for r, kib in zip(rows, exact):
        if float(r[7]) != decode(comp_t(kib)):
            return "%s: mem %s KiB, want %d (%d KiB exactly)" % (
                r[0], r[7], decode(comp_t(kib)), kib)
    return None


def elapsed(rows, trace):
    sleeps = [float(r[4]) for r in rows if r[0] == "sleep"]
    if not 90 <= sleeps[-1] <= 300:
        return "sleep 1 ran for %s ticks (AHZ 100), want about 100" % sleeps[-1]
    return None


GRADED = [
    Pacct("fill_ac: flags, exit codes, tty and ids", 10, RUN,
          "/var/log/pacct", lambda rows, trace: fields(rows, trace)
          if len(rows) == len(NAMES) else "%d records" % len(rows),
          r"^flags \["),
    Pacct("encode_comp_t: memory sizes as dump-acct decodes them", 10, RUN,
          "/var/log/pacct", memory, r"^accton: mem 0\.00 KiB, want \d+"),
    Pacct("encode_float: the elapsed time", 5, RUN, "/var/log/pacct",
          elapsed, r"sleep 1 ran for 0\.0 ticks"),
]
