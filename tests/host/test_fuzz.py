"""The bounded fuzz run of `make test`: 20000 random system calls from
user/test/fuzz (two seeds, 10000 each), then no panic, no hang, no leaked
object and an e2fsck-clean disk. FUZZ_SEED=N picks other seeds (the
default ones are fixed, so that CI is repeatable); `make fuzz` runs long."""
import os

import pytest

from fuzz import run_fuzz

SEED = int(os.environ.get("FUZZ_SEED", "20261121"))


@pytest.mark.parametrize("seed", [SEED, SEED + 1])
def test_fuzz_bounded(seed):
    done, _ = run_fuzz(seed, 10000)
    assert done == 10000
