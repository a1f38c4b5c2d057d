#!/usr/bin/env bash
# Builds a minimal root filesystem from Debian's busybox-static: /bin/busybox, one symlink per applet,
# the directories a container expects, and /etc/passwd and /etc/group with root and a user 1000.
set -euo pipefail
rootfs=${1:?usage: make-busybox-rootfs.sh ROOTFS}
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "make-busybox-rootfs: $busybox missing (apt-get install busybox-static)" >&2; exit 1; }
if [ -x "$rootfs/bin/busybox" ] && cmp -s "$busybox" "$rootfs/bin/busybox"; then exit 0; fi
tmp="$rootfs.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,etc,root,home/user,run,var,mnt}
chmod 1777 "$tmp/tmp"
cp "$busybox" "$tmp/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$tmp/bin/$applet"
done
cat > "$tmp/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
user:x:1000:1000:user:/home/user:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
P
cat > "$tmp/etc/group" <<'G'
root:x:0:
user:x:1000:
nogroup:x:65534:
G
echo swiftlet > "$tmp/etc/hostname"
chown 1000:1000 "$tmp/home/user"
rm -rf "$rootfs"
mv "$tmp" "$rootfs"
echo "made $rootfs"
