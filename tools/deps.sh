#!/usr/bin/env bash
# tools/deps.sh — install the Debian packages clonix builds and tests with
# (docs/design.md §2). Installs only what is missing; safe to run again.
# Usage: tools/deps.sh [gui|picture]
set -euo pipefail

PKGS="gcc-i686-linux-gnu binutils-i686-linux-gnu libc6-dev-i386-cross nasm qemu-system-x86
grub-pc-bin grub-common xorriso mtools e2fsprogs acct python3 python3-pytest
make"
# tools/deps.sh gui: QEMU's window front ends, for make run-vga only (Debian
# keeps them in qemu-system-gui, which --no-install-recommends leaves out)
[ "${1:-}" = gui ] && PKGS="qemu-system-gui"
# tools/deps.sh picture: graphviz, for make picture only
[ "${1:-}" = picture ] && PKGS="graphviz"

missing=()
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all build and test packages are installed"
	exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "deps: installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deps: done"
