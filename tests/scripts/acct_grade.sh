# tests/scripts/acct_grade.sh — what labs/acct.py grades: the processes
# of acct.sh, with cow_demo touching 16 MiB, so that its memory size
# needs a comp_t exponent (spec §9.6).
accton /var/log/pacct
echo hello
nosuchcommand
sleep 5 &
sleep 1
kill -SEGV %1
wait
cow_demo 4096 > /dev/null
accton
