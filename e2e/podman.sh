#!/usr/bin/env bash
# podman end to end: a private podman (own root, runroot, tmpdir, containers.conf, file locks and events),
# conmon calling the runtime given by --runtime, cgroupfs, no network. TAP on stdout.
# Usage: RUNTIME=/path/to/runtime e2e/podman.sh
set -uo pipefail
. "$(dirname "$0")/lib/common.sh"

e2e_init podman
P="$T/podman"
mkdir -p "$P/networks" "$P/tmp"
# conmon's cgroup (<cgroup-parent>/conmon) is podman's, not the runtime's.
ENGINE_CGROUPS=conmon
# Fixed host paths podman 4.3 uses whatever it is told: the blob-info cache of `podman load` (root's
# default, no setting for it), and the runtime's default state root (conmon passes no --root).
remember_host_path /var/lib/containers
remember_host_path /var/lib/containers/cache
remember_host_path "/run/$RUNTIME_NAME" runtime-root

# As root podman asks for nofile=1048576 and nproc=4194304, which a runtime without CAP_SYS_RESOURCE
# cannot set: ask for the hard limits the runtime inherits instead. podman 4.3 itself sets its own
# RLIMIT_NPROC to 32768 (soft and hard) before conmon starts the runtime, so nproc is capped there too.
hard_limit() { local v; v=$(ulimit -H "$1"); [ "$v" = unlimited ] && v=$2; echo $((v < $2 ? v : $2)); }
NOFILE=$(hard_limit -n 1048576)
NPROC=$(hard_limit -u 32768)

# podman passes --log-format=json --log <userdata>/oci-log only to runtimes whose basename is listed here.
cat > "$P/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$NOFILE:$NOFILE", "nproc=$NPROC:$NPROC"]
netns = "none"

[network]
network_config_dir = "$P/networks"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$P/events.log"
lock_type = "file"
runtime_supports_json = ["crun", "runc", "kata", "runsc", "krun", "$RUNTIME_NAME"]
static_dir = "$P/root/libpod"
tmp_dir = "$P/tmp"
image_copy_tmp_dir = "$P/tmp"
volume_path = "$P/volumes"
conmon_env_vars = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "CONTAINERS_CONF=$P/containers.conf", "CONTAINERS_STORAGE_CONF=$P/storage.conf", "CONTAINERS_REGISTRIES_CONF=$P/registries.conf"]
EOF
cat > "$P/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$P/root"
runroot = "$P/runroot"
EOF
# No registries: nothing can be pulled, a short name resolves only to what was loaded.
echo 'unqualified-search-registries = []' > "$P/registries.conf"
export CONTAINERS_CONF="$P/containers.conf" CONTAINERS_STORAGE_CONF="$P/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$P/registries.conf"

PODMAN=(podman --root "$P/root" --runroot "$P/runroot" --tmpdir "$P/tmp" --runtime "$RUNTIME_WRAPPER"
  --cgroup-manager cgroupfs --events-backend file --storage-driver overlay --network-config-dir "$P/networks")
pm() { "${PODMAN[@]}" "$@"; }
pm_bounded() { timeout 30 "${PODMAN[@]}" "$@"; }
RUN_FLAGS=(--pull never --network none --cgroup-parent "/$CGROUP_PARENT")
pm_run() { pm run "${RUN_FLAGS[@]}" "$@"; }

# Every container gone (bounded) before the directories are removed.
stop_podman() {
  pm_bounded rm --all --force --time 0 >/dev/null 2>&1
  return 0
}
on_exit bounded 30 stop_podman

state_of() { pm_bounded inspect --format '{{.State.Status}}' "$1" 2>/dev/null; }
state_is() { [ "$(state_of "$1")" = "$2" ]; }
remove_container() { pm_bounded rm --force --time 0 "$1" >/dev/null 2>&1; return 0; }

CLI=pm
. "$E2E_LIB/cli-scenarios.sh"

s_tty() {
  local command
  printf -v command '%q ' "${PODMAN[@]}" run -it --rm --name e2e-tty "${RUN_FLAGS[@]}" "$IMAGE" \
    sh -c 'tty; read -r a b; echo sum=$((a + b)); exit 4'
  run_tty "$E2E_STEP_TIMEOUT" /dev/pts/ $'40 2\n' "$command"
  if [ "$RC" -eq 4 ] && grep -q '^/dev/pts/' <<< "$OUT" && grep -q '^sum=42$' <<< "$OUT"; then
    tap_ok "$1"
  else
    tap_not_ok "$1" "want exit 4, a /dev/pts/N terminal and sum=42; got exit $RC, output:" "$OUT" "$(runtime_failures)"
  fi
  remove_container e2e-tty
}

SCENARIOS=(
  "${CLI_SCENARIOS[@]}"
  "check_container_cgroups_removed:container cgroups removed after rm"
)

ready=no
run_captured 120 pm load --input "$IMAGE_TAR"
if [ "$RC" -eq 0 ]; then
  # podman names a docker-archive's tag as it likes (localhost/… in 4.3): take the name it printed.
  IMAGE=$(sed -n 's/^Loaded image[^:]*: *//p' <<< "$OUT" | head -1)
  ready=yes
else
  echo "# podman: image load failed (exit $RC):"
  printf '%s\n' "$OUT" | sed 's/^/#   /'
fi
run_scenarios "$ready" "${SCENARIOS[@]}"
[ -n "${E2E_ARGV_OUT:-}" ] && cp "$RUNTIME_ARGV_LOG" "$E2E_ARGV_OUT"
tap_summary
[ "$E2E_FAILED" -eq 0 ]
