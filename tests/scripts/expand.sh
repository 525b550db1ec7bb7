# tests/scripts/expand.sh — /bin/sh's expansion, run by test_shell.py:
# each command of a list is expanded when it runs ($? of the one before),
# and unquoted patterns become the sorted names that match.
false; echo "after false: $?"
true; echo "after true: $?"
mkdir /tmp/glob
cd /tmp/glob
echo > a.c; echo > b.c; echo > b.h; echo > .hidden
echo *.c
echo *
echo .*
echo [ab].?
echo [!a]*
echo /tmp/glob/*.h
echo 'a*' "b*" z*
rm a.c b.c b.h .hidden
cd /
rmdir /tmp/glob
