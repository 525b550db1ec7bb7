#!/bin/bash
# tools/fetch-busybox.sh — Debian's busybox-static for i386, a Linux
# program clonix runs unmodified (/opt/busybox in the image). Copies the
# binary to OUT. Usage: tools/fetch-busybox.sh OUT [cache dir]
set -euo pipefail
out=$1
CACHE=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/clonix/busybox}
bash "$(dirname "$0")/fetch-deb.sh" '^busybox-static$' "$CACHE" >/dev/null
cp "$CACHE/bin/busybox" "$out"
