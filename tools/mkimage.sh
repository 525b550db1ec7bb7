#!/usr/bin/env bash
# tools/mkimage.sh — build the ext2 root disk from a staged tree, without
# root privileges: mke2fs -d copies the tree, debugfs adds the device
# nodes (mknod needs no privilege inside an image), e2fsck checks it.
#   tools/mkimage.sh BUILD_DIR IMAGE [SIZE_MIB] [BLOCK_SIZE]
set -euo pipefail
build=$1 img=$2 size=${3:-96} bsize=${4:-1024}
root=$build/root.$(basename "$img")

rm -rf "$root" && mkdir -p "$root"/{bin,sbin,etc,dev/shm,tmp,var/log,tests,root,home,proc}
cp "$build"/user/bin/* "$build"/user/demo/* "$build"/user/bench/* \
   "$build"/user/test/* "$root"/bin/
mv "$root"/bin/init "$root"/sbin/init
cp "$build"/tests/t_* tests/scripts/*.sh "$root"/tests/
mkdir -p "$root"/tests/glibc
cp "$build"/tests/glibc/t_* "$root"/tests/glibc/
rm -f "$root"/tests/glibc/*.d
# the same tests dynamically linked, with glibc's interpreter and libc at
# the cross toolchain's path (the path their PT_INTERP and RUNPATH name)
mkdir -p "$root"/tests/dyn "$root"/usr/i686-linux-gnu/lib
cp "$build"/tests/dyn/t_* "$root"/tests/dyn/
rm -f "$root"/tests/dyn/*.d
cp "$build"/bench/true-dyn "$root"/bin/true-dyn
cp /usr/i686-linux-gnu/lib/ld-linux.so.2 /usr/i686-linux-gnu/lib/libc.so.6 \
   /usr/i686-linux-gnu/lib/libgcc_s.so.1 \
   "$root"/usr/i686-linux-gnu/lib/
cp user/etc/* "$root"/etc/
# Debian's busybox, one hard link per applet (argv[0] picks the applet;
# clonix does not follow symbolic links on ext2)
mkdir -p "$root"/opt/busybox
cp "$build"/busybox "$root"/opt/busybox/busybox
for a in sh ash ls cat wc sort find sed awk grep xargs kill sleep time ps \
	 top echo printf test true false head tail tr cut uniq env mkdir rm \
	 cp mv date expr seq basename dirname id uname pwd free uptime readlink \
	 chroot mount umount; do
	ln "$root"/opt/busybox/busybox "$root"/opt/busybox/$a
done
# Debian's bash and coreutils with their libraries: chroot /debian /bin/bash
if [ -d "$build"/debian ]; then
	cp -a "$build"/debian "$root"/debian
	rm -f "$root"/debian/.fetched "$root"/debian/dev/null
fi
# programs of the user's own (README "Linux's own programs")
if [ -d "$build"/extra ] && [ -n "$(ls "$build"/extra)" ]; then
	mkdir -p "$root"/opt/extra
	cp "$build"/extra/* "$root"/opt/extra/
fi
chmod 1777 "$root"/tmp

rm -f "$img"
# ext2, 1 KiB blocks (or as asked), 128-byte inodes, and none of the optional features
# the kernel does not implement (htree, resize inode, xattrs).
mke2fs -q -F -t ext2 -b "$bsize" -I 128 -O ^dir_index,^resize_inode,^ext_attr \
	-L clonix -E root_owner=0:0 -d "$root" "$img" "${size}M"
debugfs -w "$img" -f - >/dev/null <<'CMDS'
cd /dev
mknod null c 1 3
mknod zero c 1 5
mknod tty c 5 0
mknod console c 5 1
mknod full c 1 7
mknod random c 1 8
mknod urandom c 1 9
mknod tasks c 240 0
mknod kstat c 240 1
mknod fail-nth c 240 2
sif /dev/null mode 020666
sif /dev/zero mode 020666
sif /dev/full mode 020666
sif /dev/random mode 020666
sif /dev/urandom mode 020666
sif /dev/tty mode 020666
sif /dev/console mode 020600
sif /dev/tasks mode 020444
sif /dev/kstat mode 020444
sif /dev/fail-nth mode 020666
CMDS
if [ -d "$root"/debian/dev ]; then
	debugfs -w "$img" -f - >/dev/null <<'CMDS'
cd /debian/dev
mknod null c 1 3
mknod zero c 1 5
mknod full c 1 7
mknod random c 1 8
mknod urandom c 1 9
mknod tty c 5 0
mknod console c 5 1
sif /debian/dev/null mode 020666
sif /debian/dev/zero mode 020666
sif /debian/dev/full mode 020666
sif /debian/dev/random mode 020666
sif /debian/dev/urandom mode 020666
sif /debian/dev/tty mode 020666
sif /debian/dev/console mode 020600
CMDS
fi
e2fsck -fn "$img" >/dev/null
echo "image: $img (${size} MiB ext2, $bsize-byte blocks)"
