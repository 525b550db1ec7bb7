# tests/scripts/acct.sh — process accounting on, a few processes that
# end in different ways, accounting off; tests/host/test_acct.py and the
# lab acct's grader (labs/acct.py) read the file from the image with GNU
# acct's dump-acct and lastcomm. cow_demo touches 16 MiB, so that its
# memory size needs a comp_t exponent (spec §9.6).
accton /var/log/pacct
echo hello
nosuchcommand
sleep 5 &
sleep 1
kill -SEGV %1
wait
cow_demo 4096 > /dev/null
accton
dumpacct /var/log/pacct
lastcomm /var/log/pacct
