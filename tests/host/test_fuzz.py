"""The bounded fuzz run of `make test`: 20000 random system calls from
user/test/fuzz (two seeds, 10000 each: one child at a time, then three at
once), then no panic, no hang, no leaked object and an e2fsck-clean disk. FUZZ_SEED=N picks other seeds (the
default ones are fixed, so that CI is repeatable); `make fuzz` runs long."""
import os

import pytest

from fuzz import run_fuzz

SEED = int(os.environ.get("FUZZ_SEED", "20261121"))


@pytest.mark.smp
@pytest.mark.parametrize("seed,jobs", [(SEED, 1), (SEED + 1, 3)])
def test_fuzz_bounded(seed, jobs):
    done, _ = run_fuzz(seed, 10000, jobs=jobs)
    assert done >= 10000
