#!/bin/bash
# tools/fetch-debian.sh — Debian's own i386 userland for /debian in the
# image: bash, coreutils, procps (ps), GNU acct (lastcomm), the
# libraries they need and the terminal descriptions (ncurses-base, for
# bash's line editing), fetched with apt-get download (after
# adding the i386 architecture to dpkg, which installs nothing), unpacked
# with dpkg-deb into a cache that `make clean` keeps, then copied, less
# documentation and character-set modules, into the tree given.
#   tools/fetch-debian.sh TREE
set -euo pipefail
tree=$1
cache=${XDG_CACHE_HOME:-$HOME/.cache}/clonix/debian
PKGS="libc6 libtinfo6 bash coreutils libacl1 libattr1 libgmp10 libselinux1
      libpcre2-8-0 acct procps libncursesw6 libproc2-0 libsystemd0 libcap2
      libgcrypt20 liblz4-1 liblzma5 libzstd1 libgpg-error0"
ALL_PKGS="ncurses-base"		# architecture "all": no :i386
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
mkdir -p "$cache"
if [ "$(cat "$cache/.unpacked" 2>/dev/null)" != "$(echo $PKGS $ALL_PKGS)" ]; then
	if ! dpkg --print-foreign-architectures | grep -qx i386; then
		$SUDO dpkg --add-architecture i386 >&2
		$SUDO apt-get update -qq >&2 || true
	fi
	rm -rf "$cache"/root "$cache"/*.deb
	args="$(for p in $PKGS; do printf '%s:i386 ' "$p"; done) $ALL_PKGS"
	(cd "$cache" && apt-get download -q $args >&2 2>/dev/null ||
		{ $SUDO apt-get update -qq >&2 || true; apt-get download -q $args >&2; })
	mkdir -p "$cache"/root
	for d in "$cache"/*.deb; do
		dpkg-deb -x "$d" "$cache"/root
	done
	echo $PKGS $ALL_PKGS > "$cache/.unpacked"	# the cache is good for this list
fi
rm -rf "$tree" && mkdir -p "$tree"
cp -a "$cache"/root/. "$tree"/
rm -rf "$tree"/usr/share/doc "$tree"/usr/share/man "$tree"/usr/share/info \
       "$tree"/usr/share/locale "$tree"/usr/lib/i386-linux-gnu/gconv
mkdir -p "$tree"/tmp "$tree"/dev "$tree"/proc "$tree"/tests "$tree"/root
# the one user there is, so that ls -l and lastcomm print names, not ids
echo "root:x:0:0:root:/root:/bin/bash" > "$tree"/etc/passwd
echo "root:x:0:" > "$tree"/etc/group
chmod 1777 "$tree"/tmp
echo "fetch-debian: $(du -sh "$tree" | cut -f1) in $tree" >&2
