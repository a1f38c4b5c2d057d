# swiftlet — see README.md. Every target installs what it needs from Debian packages (as root).
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/swiftlet
BUSYBOX_BUNDLE := spec-examples/busybox
SPLIT_STDLIB := .build-stdlib/linux/libswiftCore.a
# What the build, the tests, the conformance run and the cgroup v2 guest need.
DEBIAN_PACKAGES := libseccomp-dev binutils busybox-static runc crun cpio jq strace util-linux procps python3 qemu-system-x86
BENCH_PACKAGES := hyperfine time

.PHONY: all deps build debug bundle examples demo test test-asan unit conformance test-v2 e2e bench soak fuzz clean

all: build

# Installs only what is missing; `apt-get update` runs once, and only when something is missing.
deps:
	@scripts/install-debian-packages.sh $(DEBIAN_PACKAGES)

# Release build, Swift stdlib linked statically (start-up cost; nothing from /opt/swift needed at run time), from a
# copy of the static stdlib whose functions have their own sections (see linker/split-stdlib-text.py).
build: deps $(SPLIT_STDLIB)
	SWIFTLET_SPLIT_STDLIB=$(CURDIR)/.build-stdlib $(SWIFT) build -c release --static-swift-stdlib --product swiftlet

$(SPLIT_STDLIB): linker/split-stdlib-text.py
	linker/split-stdlib-text.py .build-stdlib

debug: deps
	$(SWIFT) build

# The embedded busybox bundle: rootfs made from Debian's busybox-static (not committed).
bundle: deps
	@scripts/make-busybox-rootfs.sh $(BUSYBOX_BUNDLE)/rootfs

# Every example bundle gets the busybox rootfs.
examples: bundle
	@if [ -x scripts/make-example-rootfs.sh ]; then scripts/make-example-rootfs.sh; fi

demo: build bundle
	@scripts/demo.sh $(RELEASE_BIN)

# Unit tests and integration tests (the release binary, as root, on real bundles), then the runtime-neutral
# conformance suite against swiftlet, then the cgroup tests inside a pure cgroup v2 guest.
test: build examples
	SWIFTLET_BIN=$(CURDIR)/$(RELEASE_BIN) SWIFTLET_BUNDLE=$(CURDIR)/$(BUSYBOX_BUNDLE) $(SWIFT) test
	$(MAKE) --no-print-directory conformance
	$(MAKE) --no-print-directory test-v2
	$(MAKE) --no-print-directory e2e

conformance: build bundle
	conformance/run --runtime $(CURDIR)/$(RELEASE_BIN) --expected-failures conformance/swiftlet-deviations.txt

# Pure cgroup v2, for real: a throwaway qemu guest (software emulation) runs the cgroup library tests, then
# swiftlet itself (limits seen inside the container, pids, OOM, pause/resume, update, ps, events, delete).
test-v2: build bundle
	$(SWIFT) build --build-tests
	scripts/test-cgroup-v2-guest.sh $(CURDIR)/.build/debug/swiftletPackageTests.xctest --testing-library swift-testing --filter CgroupsTests
	scripts/test-cgroup-v2-guest.sh scripts/guest/swiftlet-v2-checks.sh $(CURDIR)/$(RELEASE_BIN)

# containerd, podman and docker (Debian packages, private instances, no network) driving swiftlet;
# RUNTIME=/usr/sbin/runc make e2e runs the same scenarios against runc.
e2e: build
	RUNTIME=$(or $(RUNTIME),$(CURDIR)/$(RELEASE_BIN)) e2e/run

bench: build bundle
	@scripts/install-debian-packages.sh $(BENCH_PACKAGES)
	bench/run --swiftlet $(CURDIR)/$(RELEASE_BIN)

# The unit and integration tests under AddressSanitizer, swiftlet itself built with it too (leak checks off: the
# forked children exit through _exit by design).
test-asan: deps examples
	$(SWIFT) build --scratch-path .build-asan -Xswiftc -sanitize=address --build-tests
	SWIFTLET_BIN=$(CURDIR)/.build-asan/debug/swiftlet SWIFTLET_BUNDLE=$(CURDIR)/$(BUSYBOX_BUNDLE) ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --scratch-path .build-asan -Xswiftc -sanitize=address --skip-build

soak: build bundle
	scripts/soak.sh $(or $(N),1000)

fuzz: deps
	scripts/fuzz.sh $(or $(SECONDS),600)

clean:
	rm -rf .build .build-stdlib $(BUSYBOX_BUNDLE)/rootfs
