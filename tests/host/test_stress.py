"""Stress: 200 processes x 10 threads, each thread forking, exec'ing,
vforking, starting threads and using pipes for 10 s, with accounting on
(user/test/stress). Afterwards no error, every object counter balances
(init's leak check), the disk is e2fsck-clean, and the accounting file
holds exactly one well-formed version-3 record per exited process, which
GNU acct's dump-acct reads."""
import os
import re
import subprocess
import tempfile

import pytest

from qemu import Boot


@pytest.mark.smp
def test_200_processes_of_10_threads_with_accounting():
    with Boot("-- /bin/stress -p 200 -t 10 -s 10 -a /var/log/stress.acct",
              disk=True, timeout=600, mem="512M") as b:
        b.wait_ok()
        b.fsck()
        data = b.debugfs_cat("/var/log/stress.acct")
        text = b.text
    summary = re.search(r"^stress: (\d+) processes x 10 threads for 10 s: "
                        r"(\d+) forks, (\d+) fork\+exec, (\d+) vforks.* "
                        r"(\d+) errors$", text, re.M)
    assert summary, text[-3000:]
    started, forks, execs, vforks, errors = map(int, summary.groups())
    assert started == 200 and errors == 0
    assert min(forks, execs, vforks) > 200, "too little happened: %s" % \
        summary.group(0)
    assert "init: leak check: nothing left allocated" in text
    expected = int(re.search(r"^stress: records expected: (\d+)$", text,
                             re.M).group(1))
    assert expected == started + forks + execs + vforks + 1
    assert len(data) == 64 * expected
    assert all(data[i + 1] == 3 for i in range(0, len(data), 64))
    with tempfile.NamedTemporaryFile(suffix=".pacct") as f:
        f.write(data)
        f.flush()
        rows = subprocess.run(["dump-acct", f.name], capture_output=True,
                              text=True, check=True,
                              env=dict(os.environ, TZ="UTC")).stdout.splitlines()
    comms = [r.split("|")[0].strip() for r in rows]
    assert len(comms) == expected
    assert set(comms) == {"stress", "true"}
    assert comms.count("true") == execs
