#!/bin/bash
# Runs CMD... inside a throwaway pure-cgroup-v2 virtual machine and returns its output and exit code.
#
#   scripts/test-cgroup-v2-guest.sh CMD [ARGS...]
#
# The hosts here are hybrid (v1 controllers + cgroup2 at /sys/fs/cgroup/unified), so cgroup v2 is tested in
# qemu: Debian's kernel package (unpacked, not installed), a busybox-static initramfs built here, the repo
# shared at the same path over 9p, the host's /usr (and /opt/swift) shared read-only so dynamically linked
# host binaries run, cgroup2 at /sys/fs/cgroup with every controller enabled for children. CMD runs as root
# in the repo directory; its stdout+stderr are printed, its exit code is this script's.
#
# Environment: SWIFTLET_GUEST_CACHE (default <repo>/.build-guest: kernel, initramfs, KVM probe result),
# SWIFTLET_GUEST_TIMEOUT (seconds, default 900), SWIFTLET_GUEST_MEMORY (MiB, default 1024),
# SWIFTLET_GUEST_VERBOSE=1 prints the serial console log too.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${SWIFTLET_GUEST_CACHE:-$REPO/.build-guest}
TIMEOUT=${SWIFTLET_GUEST_TIMEOUT:-900}
MEMORY=${SWIFTLET_GUEST_MEMORY:-1024}
GUEST_DIR=$REPO/scripts/guest
# 9p and virtio are modules in Debian's kernel; their dependencies are added from each .ko's depends=.
MODULES=(virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p)

die() { echo "test-cgroup-v2-guest: $*" >&2; exit 2; }
[ $# -ge 1 ] || die "usage: $0 CMD [ARGS...]"
[ "$(id -u)" = 0 ] || die "needs root (9p passthrough shares, apt-get)"

install_packages() {
    local missing=()
    for package in qemu-system-x86 cpio busybox-static; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    echo "installing: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
}

# The package linux-image-amd64 depends on (linux-image-<abi>-amd64, not the cloud flavour: it has no 9p).
fetch_kernel() {
    local package
    package=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
    [ -n "$package" ] || die "cannot find the kernel package behind linux-image-amd64 (apt-get update?)"
    if [ ! -f "$CACHE/kernel/$package.done" ]; then
        echo "fetching $package" >&2
        rm -rf "$CACHE/kernel" && mkdir -p "$CACHE/kernel/deb"
        # apt drops privileges to _apt for downloads; a directory it can write avoids the warning.
        (cd "$CACHE/kernel/deb" && chmod 777 . && apt-get download -q "$package" >/dev/null 2>&1) ||
            { apt-get update -qq && (cd "$CACHE/kernel/deb" && apt-get download -q "$package" >/dev/null); }
        dpkg-deb -x "$CACHE"/kernel/deb/*.deb "$CACHE/kernel/root"
        rm -rf "$CACHE/kernel/deb"
        touch "$CACHE/kernel/$package.done"
    fi
    KERNEL=$(ls "$CACHE"/kernel/root/boot/vmlinuz-* | head -n1)
    MODULE_DIR=$(ls -d "$CACHE"/kernel/root/lib/modules/* | head -n1)
}

# Appends a module and (first) its dependencies to ORDERED, once each.
add_module() {
    local name=$1 file dependency
    [[ " ${ORDERED[*]:-} " == *" $name "* ]] && return
    file=$(find "$MODULE_DIR" -name "$name.ko" -o -name "$name.ko.xz" | head -n1)
    [ -n "$file" ] || return 0   # built into this kernel
    for dependency in $(tr '\0' '\n' <"$file" | grep -a '^depends=' | cut -d= -f2 | tr ',' ' '); do
        add_module "$dependency"
    done
    ORDERED+=("$name")
    MODULE_FILES+=("$file")
}

build_initramfs() {
    INITRD=$CACHE/initramfs.cpio.gz
    local stamp=$CACHE/initramfs.stamp
    local inputs
    inputs="$(sha256sum "$GUEST_DIR/init" /bin/busybox | cut -c1-16 | tr -d '\n') $KERNEL"
    [ -f "$INITRD" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs" ] && return
    local root
    root=$(mktemp -d)
    mkdir -p "$root"/{bb,modules,proc,sys,dev,etc,root,tmp,run,ctl,usr,opt/swift}
    cp /bin/busybox "$root/bb/busybox"
    cp "$GUEST_DIR/init" "$root/init" && chmod 755 "$root/init"
    ORDERED=() MODULE_FILES=()
    local module
    for module in "${MODULES[@]}"; do add_module "$module"; done
    local index=0 file
    for file in "${MODULE_FILES[@]}"; do
        # busybox insmod takes plain .ko files.
        case "$file" in
            *.xz) xz -dc "$file" >"$root/modules/$(printf %02d $index)-${ORDERED[$index]}.ko" ;;
            *) cp "$file" "$root/modules/$(printf %02d $index)-${ORDERED[$index]}.ko" ;;
        esac
        index=$((index + 1))
    done
    # The host is merged-usr: with its /usr shared, these links make its dynamic binaries and loader work.
    ln -s usr/bin "$root/bin"; ln -s usr/sbin "$root/sbin"; ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"
    echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
    echo "root:x:0:" >"$root/etc/group"
    (cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$INITRD.tmp"
    mv "$INITRD.tmp" "$INITRD"
    echo "$inputs" >"$stamp"
    rm -rf "$root"
}

# KVM is probed once (a guest that powers off at once) and the answer cached: here it is unusable (nested,
# no vmx/svm), and TCG works.
choose_accelerator() {
    local cached=$CACHE/accelerator
    if [ ! -f "$cached" ]; then
        local answer=tcg
        if [ -w /dev/kvm ]; then
            local probe
            probe=$(mktemp -d)
            # A subshell so that qemu aborting (what KVM does here) does not print a job message.
            if (timeout 30 qemu-system-x86_64 -machine q35,accel=kvm -cpu max -nodefaults -display none -no-reboot \
                -m 256 -kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0 panic=-1 rdinit=/init swiftlet.probe=1" \
                -serial "file:$probe/log" </dev/null >/dev/null 2>&1) 2>/dev/null && grep -q SWIFTLET-PROBE-OK "$probe/log"; then
                answer=kvm
            fi
            rm -rf "$probe"
        fi
        echo "$answer" >"$cached"
    fi
    ACCEL=$(cat "$cached")
}

run_guest() {
    # Global, for the EXIT trap.
    control=$(mktemp -d /tmp/swiftlet-guest.XXXXXX)
    trap 'rm -rf "$control"' EXIT
    {
        printf 'REPO=%q\n' "$REPO"
        printf 'CWD=%q\n' "$PWD"
    } >"$control/env"
    printf '%q ' "$@" >"$control/cmd"
    echo >>"$control/cmd"
    local shares=(
        -virtfs "local,path=$REPO,mount_tag=repo,security_model=passthrough,id=repo"
        -virtfs "local,path=$control,mount_tag=ctl,security_model=passthrough,id=ctl"
        -virtfs "local,path=/usr,mount_tag=usr,security_model=passthrough,readonly=on,id=usr"
    )
    if [ -d /opt/swift ]; then
        shares+=(-virtfs "local,path=/opt/swift,mount_tag=swift,security_model=passthrough,readonly=on,id=swift")
    fi
    local started=$SECONDS status=0
    timeout "$TIMEOUT" qemu-system-x86_64 -machine "q35,accel=$ACCEL" -cpu max -smp 2 -m "$MEMORY" \
        -nodefaults -display none -no-reboot \
        -kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0 panic=-1 rdinit=/init quiet" \
        -serial "file:$control/console.log" "${shares[@]}" </dev/null >"$control/qemu.log" 2>&1 || status=$?
    [ -f "$control/output" ] && cat "$control/output"
    if [ "${SWIFTLET_GUEST_VERBOSE:-0}" = 1 ] || [ ! -f "$control/rc" ]; then
        echo "--- guest console ($ACCEL, qemu status $status, $((SECONDS - started))s) ---" >&2
        cat "$control/console.log" "$control/qemu.log" >&2 2>/dev/null || true
    fi
    [ -f "$control/rc" ] || die "the guest did not report an exit code (timeout ${TIMEOUT}s or boot failure)"
    return "$(cat "$control/rc")"
}

mkdir -p "$CACHE"
install_packages
fetch_kernel
build_initramfs
choose_accelerator
run_guest "$@"
