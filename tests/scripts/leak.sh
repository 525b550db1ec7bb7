# tests/scripts/leak.sh — leaves a process running on purpose: init's
# leak check must report it (tests/host/test_leakcheck.py).
/bin/sleep 100 &
