# tests/scripts/busybox.sh — Debian's busybox-static, unmodified: run by
# tests/host/test_busybox.py as "/opt/busybox/sh /tests/busybox.sh" inside
# clonix and with the same binary on the host; the outputs must match.
# Nothing printed may depend on pids, times or the machine.
PATH=${BB:-/opt/busybox}
cd "${WORK:-/tmp}" || exit 1
rm -rf bbtest
mkdir bbtest && cd bbtest || exit 1

echo "== pipelines"
printf 'pear\napple\nfig\napple\n' > fruit
cat fruit | sort | uniq -c | sed 's/^ *//'
sort -r fruit | head -2
wc -l < fruit
grep -c apple fruit
awk '{ n += length($0) } END { print "chars", n }' fruit
seq 1 100 | awk '{ s += $1 } END { print "sum", s }'
printf 'b 2\na 1\nc 3\n' | sort -k2 -n | cut -d' ' -f1 | tr '\n' ' '; echo
echo "a,b,c" | tr , '\n' | tail -1

echo "== subshells and variables"
x=outer
(x=inner; echo "in: $x")
echo "out: $x"
echo "$(echo nested $(echo twice))"
i=0
while [ $i -lt 3 ]; do i=$((i + 1)); echo "loop $i"; done
for f in a b c; do echo "item $f"; done | tr a-z A-Z
case "$x" in out*) echo "case matched";; *) echo "case missed";; esac
echo "expr: $(expr 6 \* 7)"
v=$(sh -c 'echo from a child shell')
echo "$v"

echo "== files"
mkdir -p d/e
echo one > d/a.txt
echo two > d/e/b.txt
find d -type f | sort
find d -name '*.txt' | xargs cat | sort
ls d | sort
ls -d d/e
cp d/a.txt d/c.txt && mv d/c.txt d/e/ && ls d/e | sort
rm -r d && [ ! -e d ] && echo "removed"
echo "root:x:0:0" | cut -d: -f1
basename /a/b/c.txt .txt
dirname /a/b/c.txt

echo "== jobs, traps and exit codes"
sleep 10 &
kill %1
wait
echo "killed the background job"
sleep 10 &
p=$!
kill -TERM $p
wait $p
echo "wait for a killed child: $?"
trap 'echo caught USR1' USR1
kill -USR1 $$
trap - USR1
(sleep 0; echo "from the background") &
wait
false || echo "false failed as expected"
sh -c 'exit 3'
echo "child exit $?"
sh -c 'kill -9 $$'
echo "killed child: $?"
time true 2> timing
echo "time: $?, $(wc -l < timing) lines"

echo "== ps, top and /proc"
ps -o pid,comm | awk -v p=$$ '$1 == p { print "ps lists the shell as", $2 }'
ps | head -1
top -b -n1 | grep -c '^ *PID'
[ "$(readlink /proc/self/exe)" != "" ] && echo "/proc/self/exe is a link"
[ "$(cat /proc/$$/comm)" = sh ] && echo "/proc/\$\$/comm is sh"
grep -c '^MemTotal:' /proc/meminfo
set -- $(cat /proc/loadavg)
[ $# -eq 5 ] && echo "loadavg has 5 fields"
cd ..
rm -rf bbtest
echo "== done"
