#!/bin/bash
# tools/fetch-deb.sh — one of Debian's i386 packages, fetched with
# apt-get download (after adding the i386 architecture to dpkg, which
# installs nothing) and unpacked into a cache directory that `make clean`
# keeps. Prints that directory.
#   tools/fetch-deb.sh PACKAGE-REGEX CACHE-DIR
# PACKAGE-REGEX picks the newest matching package name (sort -V).
set -euo pipefail
regex=$1 cache=$2
mkdir -p "$cache"
if [ -e "$cache/.unpacked" ]; then
	echo "$cache"
	exit 0
fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
newest() {
	apt-cache search --names-only "$regex" | awk '{print $1}' | sort -V | tail -1
}
if ! dpkg --print-foreign-architectures | grep -qx i386; then
	$SUDO dpkg --add-architecture i386 >&2
	$SUDO apt-get update -qq >&2 || true	# a mirror mid-sync is not fatal
fi
pkg=$(newest)
if [ -z "$pkg" ] || ! apt-cache show "$pkg:i386" >/dev/null 2>&1; then
	$SUDO apt-get update -qq >&2 || true
	pkg=$(newest)
fi
[ -n "$pkg" ] || { echo "fetch-deb: no package matches $regex" >&2; exit 1; }
echo "fetch-deb: $pkg (i386)" >&2
rm -f "$cache"/*.deb
(cd "$cache" && apt-get download -q "$pkg:i386" >&2 2>/dev/null ||
	apt-get download -q "$pkg:i386" >&2)
dpkg-deb -x "$cache"/*_i386.deb "$cache"
touch "$cache/.unpacked"
echo "$cache"
