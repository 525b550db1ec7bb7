# tests/scripts/pipeline.sh — the shell: pipelines, redirections, $?,
# quoting, variables, background jobs and wait. Checked by
# tests/host/test_shell.py against the expected output there.
echo hello | cat | cat
echo 'single  quoted' "double $HOME" \$HOME
NAME=clonix
echo "name=$NAME"
echo first > /tmp/out.txt
echo second >> /tmp/out.txt
cat < /tmp/out.txt | cat
false
echo "status $?"
true; echo "status $?"
ls /nonexistent 2> /tmp/err.txt
echo "ls status $?"
cat /tmp/err.txt | cat > /dev/null
echo bg1 > /tmp/bg.txt &
wait
cat /tmp/bg.txt
mkdir /tmp/dir; cd /tmp/dir; pwd; cd /; rmdir /tmp/dir
nosuchcommand
echo "not found status $?"
rm /tmp/out.txt /tmp/err.txt /tmp/bg.txt
echo "written by clonix" > /tmp/hello.txt
