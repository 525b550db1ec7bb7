# /etc/debian.sh — enter Debian's own userland (tools/fetch-debian.sh put
# it under /debian): procfs mounted in it, then Debian's bash, interactive,
# with a clean environment. Run it with: sh /etc/debian.sh (make
# run-debian boots straight into it). 'exit' comes back here.
/opt/busybox/mount -t proc proc /debian/proc
/opt/busybox/chroot /debian /usr/bin/env -i HOME=/root TERM=vt100 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash
/opt/busybox/umount /debian/proc
