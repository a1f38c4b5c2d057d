#!/usr/bin/env bash
# Gives every spec-examples/*/ bundle (a directory with a config.json) its rootfs: a symlink to the busybox
# bundle's rootfs, which is made first when missing. The links are gitignored (spec-examples/.gitignore).
set -euo pipefail
examples=${1:-"$(cd "$(dirname "$0")/.." && pwd)/spec-examples"}
busybox_rootfs="$examples/busybox/rootfs"
"$(dirname "$0")/make-busybox-rootfs.sh" "$busybox_rootfs"
for bundle in "$examples"/*/; do
  bundle=${bundle%/}
  [ -f "$bundle/config.json" ] && [ "$bundle" != "$examples/busybox" ] || continue
  if [ -e "$bundle/rootfs" ] && [ ! -L "$bundle/rootfs" ]; then
    echo "make-example-rootfs: $bundle/rootfs exists and is not a link; left alone" >&2
    continue
  fi
  ln -sfn ../busybox/rootfs "$bundle/rootfs"
done
