# tests/scripts/wakeipi.sh — how many reschedule IPIs 300 fork+exec+wait
# rounds cost at SMP=2 (tests/host/test_smp.py). A new task and a task
# woken by an exiting one run on the waking CPU (docs/smp.md §3), so
# almost none; one IPI per wake-up would be about 600.
bb=/opt/busybox/busybox
res() { $bb awk '/^RES:/ { print $2 + $3 }' /proc/interrupts; }
before=$(res)
for i in $($bb seq 300); do /bin/true; done
after=$(res)
echo "reschedule IPIs: $((after - before))"
