"""tests/host/conftest.py — shared fixtures and the suite's closing line."""
import pytest

from qemu import Boot


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "smp: also run at SMP=2 by make test-smp (CI's SMP subset)")


@pytest.fixture
def boot():
    """boot(cmdline, mem=..., iso=...) -> a started Boot, killed at teardown."""
    started = []

    def start(cmdline="", **kw):
        b = Boot(cmdline, **kw)
        started.append(b)
        return b

    yield start
    for b in started:
        b.__exit__(None, None, None)


def pytest_terminal_summary(terminalreporter):
    """Print the plain closing line "N passed, N failed" that CI reads."""
    stats = terminalreporter.stats
    passed = len(stats.get("passed", []))
    failed = len(stats.get("failed", [])) + len(stats.get("error", []))
    skipped = len(stats.get("skipped", []))
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    terminalreporter.write_line(line)
