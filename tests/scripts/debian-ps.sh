# tests/scripts/debian-ps.sh — Debian's ps (procps) inside clonix: procfs
# mounted in the chroot with mount(2), then ps -eLf run by a process of
# four threads (/bin/with_threads), so that its lines show one PID, four
# LWPs and NLWP 4; then unmounted with umount(2). The pipe through cat
# keeps ps from cutting lines to the console's width. The host runs the
# same in its own chroot of the tree (tests/host/test_debian.py).
/opt/busybox/mount -t proc proc /debian/proc
/bin/with_threads 4 /opt/busybox/chroot /debian /bin/ps -eLf | cat
/opt/busybox/umount /debian/proc
