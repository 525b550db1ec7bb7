#!/bin/bash
# tools/fetch-linux.sh — Debian's own i386 Linux kernel for `make
# bench-linux`: the newest linux-image-*-686-unsigned package of the
# host's Debian release, fetched with apt-get download (after adding the
# i386 architecture) and unpacked into a cache that `make clean` keeps.
# Prints the path of the vmlinuz. Usage: tools/fetch-linux.sh [cache dir]
set -euo pipefail
CACHE=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/clonix/linux}
mkdir -p "$CACHE"
found=$(ls "$CACHE"/boot/vmlinuz-* 2>/dev/null | head -1 || true)
if [ -n "$found" ]; then
	echo "$found"
	exit 0
fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
if ! dpkg --print-foreign-architectures | grep -qx i386; then
	$SUDO dpkg --add-architecture i386 >&2
	$SUDO apt-get update -qq >&2 || true	# a mirror mid-sync is not fatal
fi
pkg=$(apt-cache search --names-only '^linux-image-[0-9.]+-[0-9]+-686-unsigned$' |
      awk '{print $1}' | sort -V | tail -1)
if [ -z "$pkg" ]; then
	$SUDO apt-get update -qq >&2 || true	# a mirror mid-sync is not fatal
	pkg=$(apt-cache search --names-only '^linux-image-[0-9.]+-[0-9]+-686-unsigned$' |
	      awk '{print $1}' | sort -V | tail -1)
fi
[ -n "$pkg" ] || { echo "fetch-linux: no 686 kernel package found" >&2; exit 1; }
echo "fetch-linux: $pkg (i386)" >&2
(cd "$CACHE" && apt-get download -q "$pkg:i386" >&2)
dpkg-deb -x "$CACHE"/"$pkg"_*_i386.deb "$CACHE"
ls "$CACHE"/boot/vmlinuz-* | head -1
