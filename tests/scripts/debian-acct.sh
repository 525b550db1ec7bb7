# tests/scripts/debian-acct.sh — clonix's process accounting read by
# Debian's own GNU lastcomm (/debian/usr/bin/lastcomm) inside clonix;
# tests/host/test_debian.py reads the same file with the host's lastcomm.
accton /debian/tmp/pacct
echo hello
sleep 1
/opt/busybox/chroot /debian /bin/bash -c 'exit 3'
accton
/opt/busybox/chroot /debian /usr/bin/lastcomm -f /tmp/pacct
