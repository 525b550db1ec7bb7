# tests/scripts/acct.sh — process accounting on, a few processes that
# end in different ways, accounting off; tests/host/test_acct.py reads
# the file from the image with GNU acct's dump-acct and lastcomm.
accton /var/log/pacct
echo hello
nosuchcommand
sleep 5 &
sleep 1
kill -SEGV %1
wait
cow_demo 8
accton
dumpacct /var/log/pacct
lastcomm /var/log/pacct
