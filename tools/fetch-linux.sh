#!/bin/bash
# tools/fetch-linux.sh — Debian's own i386 Linux kernel for `make
# bench-linux`: the newest linux-image-*-686-unsigned package of the
# host's Debian release (tools/fetch-deb.sh). Prints the path of the
# vmlinuz. Usage: tools/fetch-linux.sh [cache dir]
set -euo pipefail
CACHE=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/clonix/linux}
found=$(ls "$CACHE"/boot/vmlinuz-* 2>/dev/null | head -1 || true)
if [ -z "$found" ]; then
	bash "$(dirname "$0")/fetch-deb.sh" \
		'^linux-image-[0-9.]+-[0-9]+-686-unsigned$' "$CACHE" >/dev/null
fi
ls "$CACHE"/boot/vmlinuz-* | head -1
