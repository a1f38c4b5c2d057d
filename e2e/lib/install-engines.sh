#!/usr/bin/env bash
# Installs the engines from Debian packages (containerd with ctr, podman with conmon, docker.io) and what
# the harness itself uses. Package scripts must not start the engines' system services: the tests run private
# instances only, so a temporary policy-rc.d refuses every service start (removed only if we made it).
set -euo pipefail
packages=(containerd podman conmon docker.io busybox-static util-linux jq)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# swiftlet e2e: no service starts while installing engines\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  made_policy=1
fi
trap '[ -n "$made_policy" ] && rm -f "$policy"' EXIT
echo "# installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
