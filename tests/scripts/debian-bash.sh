# tests/scripts/debian-bash.sh — run by Debian's own bash (/debian/bin/bash,
# dynamically linked against Debian's libc6) with Debian's coreutils, in
# clonix and in a chroot on the host; tests/host/test_debian.py compares
# the two outputs line by line. Nothing here prints a time or a pid.
export PATH=/usr/bin:/bin
cd /tmp
rm -rf work && mkdir work && cd work
echo "bash $BASH_VERSION"
# pipelines, command substitution, arithmetic, subshells
seq 1 20 | sort -rn | head -3 | tr '\n' ' '; echo
n=$(seq 1 100 | wc -l); echo "lines: $n, sum: $(( $(seq -s + 1 10) ))"
echo "expr: $(expr 6 \* 7)"
( cd /; echo "subshell in $PWD" ); echo "back in $PWD"
x=outer; ( x=inner; echo "subshell sees $x" ); echo "parent keeps $x"
# files: cp, mv, ls -l (no times), stat, wc
printf 'alpha\nbeta\ngamma\n' > a.txt
cp a.txt b.txt && mv b.txt c.txt
ls -l --time-style=+T . | tail -n +2 | tr -s ' ' | cut -d' ' -f1,2,5-7
stat -c '%n %s %F %a' a.txt c.txt
wc -l -c a.txt c.txt | tr -s ' ' | cut -d' ' -f2-
cat a.txt c.txt | sort | uniq -c | tr -s ' ' | cut -d' ' -f2-
# background jobs, wait -n, exit statuses, signals
(sleep 0.2; exit 3) &
(exit 5) &
wait -n; first=$?
wait -n; second=$?
echo "wait -n: $(( first + second ))"
sleep 10 & victim=$!
kill -TERM $victim; wait $victim; echo "killed by TERM: status $?"
trap 'echo caught USR1' USR1
kill -USR1 $$
trap - USR1
# loops, case, functions, here-documents, read
f() { local i s=0; for i in "$@"; do s=$((s + i)); done; echo "sum $s"; }
f 1 2 3 4
for w in apple kiwi fig; do
	case $w in a*) echo "$w starts with a";; *i*) echo "$w has an i";; *) echo "$w";; esac
done
while read -r k v; do echo "$v=$k"; done <<END
one 1
two 2
END
[ "$(date +%s)" -gt 1600000000 ] && echo "date +%s is after 2020"
# times and modes through utimensat and fchmodat
touch -d @1000000000 /tmp/stamp && stat -c '%Y' /tmp/stamp
touch -m -d @1100000000 /tmp/stamp && stat -c '%X %Y' /tmp/stamp
chmod 640 /tmp/stamp && stat -c '%a' /tmp/stamp
rm /tmp/stamp
echo "uname -s: $(uname -s)"
cd /tmp && rm -rf work
echo "done"
