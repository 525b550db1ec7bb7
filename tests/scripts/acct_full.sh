# tests/scripts/acct_full.sh — accounting and a full disk (spec §9.3);
# tests/host/test_acct.py checks what the console and the file say.
# First, with accounting off, all but 8 MiB of the disk goes to a filler:
# the space checks come at most every 30 s, so filling the rest must take
# the same time on any image.
fill -k 8192 /filler
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
rm /filler
