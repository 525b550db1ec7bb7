# tests/scripts/acct_full.sh — accounting and a full disk (spec §9.3);
# tests/host/test_acct.py checks what the console and the file say.
accton /var/log/pacct
echo one
cat /dev/zero > /fill
true
rm /fill
echo two
accton
echo first pass:
dumpacct /var/log/pacct
cat /dev/zero > /fill
accton /var/log/pacct
true
accton
rm /fill
echo second pass:
dumpacct /var/log/pacct
