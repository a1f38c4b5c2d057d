# swiftlet — see README.md. Every target installs what it needs from Debian packages.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/swiftlet
DEBIAN_PACKAGES := libseccomp-dev busybox-static runc crun cpio jq strace
BUSYBOX_BUNDLE := spec-examples/busybox

.PHONY: all deps build debug bundle demo test unit integration clean

all: build

# Installs only what is missing; `apt-get update` runs once, and only when something is missing.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

# Release build with the Swift stdlib linked statically (start-up cost, and nothing from /opt/swift needed at run time).
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product swiftlet

debug: deps
	$(SWIFT) build

# The embedded busybox bundle: rootfs made from Debian's busybox-static (not committed).
bundle: deps
	@scripts/make-busybox-rootfs.sh $(BUSYBOX_BUNDLE)/rootfs

demo: build bundle
	@scripts/demo.sh $(RELEASE_BIN)

# Unit tests, then integration tests that drive the release binary as root on real bundles.
test: build bundle
	SWIFTLET_BIN=$(CURDIR)/$(RELEASE_BIN) SWIFTLET_BUNDLE=$(CURDIR)/$(BUSYBOX_BUNDLE) $(SWIFT) test

clean:
	rm -rf .build $(BUSYBOX_BUNDLE)/rootfs
