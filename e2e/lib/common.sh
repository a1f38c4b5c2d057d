# Shared by the engine scripts (sourced, not run): TAP output, a cleanup stack run on every exit path,
# bounded waits, and the sweeps that make sure a private engine instance leaves nothing on the host.
# shellcheck shell=bash

E2E_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_DIR=$(dirname "$E2E_LIB")
REPO_DIR=$(dirname "$E2E_DIR")

# Every scenario command gets at most this many seconds; a hung engine fails the scenario, not the run.
E2E_STEP_TIMEOUT=${E2E_STEP_TIMEOUT:-30}

# ---------------------------------------------------------------- TAP
# Lines are unnumbered ("ok - name"), which TAP allows; e2e/run numbers them across engines.
E2E_PASSED=0 E2E_FAILED=0 E2E_SKIPPED=0

tap_ok() { E2E_PASSED=$((E2E_PASSED + 1)); echo "ok - $ENGINE: $1"; }
tap_skip() { E2E_SKIPPED=$((E2E_SKIPPED + 1)); echo "ok - $ENGINE: $1 # SKIP $2"; }
# tap_not_ok NAME [DIAGNOSTIC...]: every diagnostic line is printed as a TAP comment.
tap_not_ok() {
  local name=$1; shift
  E2E_FAILED=$((E2E_FAILED + 1))
  echo "not ok - $ENGINE: $name"
  local line
  for line in "$@"; do printf '%s\n' "$line" | sed 's/^/#   /'; done
}

# Standalone runs close with the summary line; under e2e/run (E2E_NESTED=1) the runner prints it once.
tap_summary() {
  [ -n "${E2E_NESTED:-}" ] && return 0
  echo "$E2E_PASSED passed, $E2E_FAILED failed, $E2E_SKIPPED skipped"
}

# ---------------------------------------------------------------- running commands
# run_captured SECONDS CMD...: runs CMD (a command or a shell function) bounded, stdout+stderr into $OUT,
# exit status into $RC. CMD gets its own process group (set -m), so a timeout ends everything it started.
run_captured() {
  local seconds=$1; shift
  local out="$T/captured.$BASHPID" pid dog
  set -m
  "$@" > "$out" 2>&1 < /dev/null &
  pid=$!
  set +m
  E2E_JOB=$pid
  sleep "$seconds" &
  dog=$!
  # A trapped signal ends `wait -n` early: wait again until CMD or the watchdog has really ended.
  while kill -0 "$pid" 2>/dev/null && kill -0 "$dog" 2>/dev/null; do wait -n "$pid" "$dog"; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null
    wait_until 5 process_gone "$pid" || kill -KILL -- "-$pid" 2>/dev/null
    echo "(e2e: timed out after $seconds s: $*)" >> "$out"
  fi
  kill "$dog" 2>/dev/null
  wait "$dog" 2>/dev/null
  wait "$pid"
  RC=$?
  E2E_JOB=
  OUT=$(cat "$out")
  rm -f "$out"
}

# bounded SECONDS CMD...: CMD (a function too) ended, with everything it started, after SECONDS; its output
# goes to stderr as TAP comments. For the engines' own shutdown, which a hung runtime can hang.
bounded() {
  run_captured "$@"
  [ -z "$OUT" ] || printf '%s\n' "$OUT" | sed 's/^/# /' >&2
}
process_gone() { ! kill -0 "$1" 2>/dev/null; }

# wait_until SECONDS CMD...: polls CMD every 0.1 s until it succeeds; fails after SECONDS.
wait_until() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}

# ---------------------------------------------------------------- scenario checks
# expect_output NAME WANT: passes when the last run_captured exited 0 and printed WANT (trimmed).
expect_output() {
  local name=$1 want=$2 got
  got=$(printf '%s' "$OUT" | tr -d '\r' | sed -e 's/[[:space:]]*$//' -e '/^$/d')
  if [ "$RC" -eq 0 ] && [ "$got" = "$want" ]; then tap_ok "$name"; return 0; fi
  tap_not_ok "$name" "want exit 0 and output: $want" "got exit $RC and output:" "$OUT" "$(runtime_failures)"
  return 1
}

# expect_status NAME WANT: passes when the last run_captured exited WANT.
expect_status() {
  local name=$1 want=$2
  if [ "$RC" -eq "$want" ]; then tap_ok "$name"; return 0; fi
  tap_not_ok "$name" "want exit $want, got exit $RC; output:" "$OUT" "$(runtime_failures)"
  return 1
}

# ---------------------------------------------------------------- cleanup stack
# Cleanups run in reverse order of registration, on normal exit, error and signals alike.
E2E_CLEANUPS=()
on_exit() { E2E_CLEANUPS+=("$*"); }
run_cleanups() {
  local i
  # A second signal must not cut the cleanup short (a handler, not SIG_IGN, which children would inherit).
  trap 'echo "# $ENGINE: signal during cleanup, going on" >&2' INT TERM HUP
  # Whoever reads our output may be gone: a write must fail, not kill the cleanup.
  trap '' PIPE
  for ((i = ${#E2E_CLEANUPS[@]} - 1; i >= 0; i--)); do
    eval "${E2E_CLEANUPS[$i]}" >/dev/null || true
  done
  E2E_CLEANUPS=()
}
e2e_trap() {
  trap 'run_cleanups' EXIT
  # Signals end the script through the EXIT trap, so cleanup runs exactly once.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

# e2e_init ENGINE: the engine's private temp dir ($T), the cleanup trap, the runtime wrapper and the image.
e2e_init() {
  ENGINE=$1
  [ "$(id -u)" -eq 0 ] || { echo "Bail out! $ENGINE: run as root"; exit 1; }
  RUNTIME=${RUNTIME:-$REPO_DIR/.build/release/swiftlet}
  [ -x "$RUNTIME" ] || { echo "Bail out! $ENGINE: runtime $RUNTIME is not executable"; exit 1; }
  RUNTIME_NAME=$(basename "$RUNTIME")
  e2e_trap
  T=$(mktemp -d "/tmp/swiftlet-e2e-$ENGINE.XXXXXX")
  # Every container's cgroup is below this one (swept at the end).
  CGROUP_PARENT="swiftlet-e2e-$ENGINE-$$"
  # Registered first, so it runs last: after the engine's own shutdown.
  on_exit final_sweep
  # shellcheck source=runtime-wrapper.sh
  . "$E2E_LIB/runtime-wrapper.sh"
  make_runtime_wrapper "$T/runtime-bin" "$RUNTIME" "$T/runtime-argv.log"
  # shellcheck source=busybox-image.sh
  . "$E2E_LIB/busybox-image.sh"
  IMAGE_TAR=${E2E_IMAGE_TAR:-}
  [ -n "$IMAGE_TAR" ] || { IMAGE_TAR="$T/busybox-image.tar"; make_busybox_image "$IMAGE_TAR" "$T/image-build"; }
}

# After the engine's own shutdown: every process of the instance, then mounts, cgroups, the private dir,
# and the fixed host paths the engine created.
final_sweep() {
  [ -n "${T:-}" ] && [ -d "$T" ] || return 0
  [ -z "${E2E_JOB:-}" ] || kill -KILL -- "-$E2E_JOB" 2>/dev/null
  kill_instance_processes
  unmount_under "$T"
  remove_cgroups "$CGROUP_PARENT"
  remove_private_dir
  remove_host_paths
}

# Never recursively deleted through a mount: anything still mounted keeps the dir, and is reported.
remove_private_dir() {
  if mounts_under "$T" | grep -q .; then
    echo "# $ENGINE: still mounted under $T, not removing it:" >&2
    mounts_under "$T" >&2
    return 1
  fi
  rm -rf --one-file-system "$T"
}

# ---------------------------------------------------------------- host sweeps
# Mount points below DIR, deepest first (mountinfo field 5, octal escapes decoded).
mounts_under() {
  local dir=$1
  awk -v d="$dir/" '{ p = $5; gsub(/\\040/, " ", p); if (index(p "/", d) == 1) print p }' /proc/self/mountinfo |
    awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-
}

# Unmounts everything below DIR with umount -n (no mtab); lazily when something still holds it.
unmount_under() {
  local dir=$1 point pass
  for pass in 1 2 3; do
    mounts_under "$dir" | grep -q . || return 0
    while IFS= read -r point; do
      umount -n "$point" 2>/dev/null || { [ "$pass" -eq 3 ] && umount -n -l "$point" 2>/dev/null; } || true
    done < <(mounts_under "$dir")
  done
}

# Every process of this instance: those whose command line mentions $T (daemons, shims, conmons, the
# runtime wrapper, engine clients; $T is our own mktemp dir), those in the containers' cgroups (a created
# container's init, a container whose shim died), and everything below them in the process tree (a hung
# runtime's children). Never anything matched by name.
instance_pids() {
  local -A children=() seen=()
  local stat line rest pid ppid args procs queue=()
  for stat in /proc/[0-9]*/stat; do
    { read -r line < "$stat"; } 2>/dev/null || continue
    pid=${stat#/proc/}; pid=${pid%/stat}
    rest=${line##*) }; ppid=${rest#* }; ppid=${ppid%% *}
    children[$ppid]+=" $pid"
    [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
    { mapfile -d '' -t args < "/proc/$pid/cmdline"; } 2>/dev/null || continue
    [[ "${args[*]}" == *"$T"* ]] && queue+=("$pid")
  done
  while IFS= read -r procs; do
    { mapfile -t args < "$procs"; } 2>/dev/null && queue+=("${args[@]}")
  done < <(cgroups_named "$CGROUP_PARENT" | sed 's|$|/cgroup.procs|')
  while [ ${#queue[@]} -gt 0 ]; do
    pid=${queue[0]}; queue=("${queue[@]:1}")
    [ -n "$pid" ] && [ -z "${seen[$pid]:-}" ] || continue
    seen[$pid]=1
    echo "$pid"
    # shellcheck disable=SC2206
    queue+=(${children[$pid]:-})
  done
}
no_instance_processes() { [ -z "$(instance_pids)" ]; }

# TERM, a short bounded wait, then KILL (a container init ignores TERM as pid 1). Frozen (paused) cgroups
# are thawed first: a frozen process does not die of SIGKILL until thawed.
kill_instance_processes() {
  local dir pids
  while IFS= read -r dir; do
    [ -f "$dir/freezer.state" ] && echo THAWED > "$dir/freezer.state" 2>/dev/null
    [ -f "$dir/cgroup.freeze" ] && echo 0 > "$dir/cgroup.freeze" 2>/dev/null
  done < <(cgroups_named "$CGROUP_PARENT")
  pids=$(instance_pids)
  [ -n "$pids" ] || return 0
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null
  wait_until 3 no_instance_processes && return 0
  pids=$(instance_pids)
  # shellcheck disable=SC2086
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null
  wait_until 5 no_instance_processes || echo "# $ENGINE: processes left: $(instance_pids | tr '\n' ' ')" >&2
}

# Removes the cgroup directories named NAME (and what is below) in every hierarchy; they are ours, made for
# this run's containers. Deepest first, rmdir only. A killed process keeps its cgroups busy until it is
# reaped, so busy ones are retried for up to 5 s; what is still there then is reported.
remove_cgroups() {
  local name=$1 dir
  [ -n "$name" ] || return 0
  for _ in $(seq 50); do
    while IFS= read -r dir; do rmdir "$dir" 2>/dev/null; done < <(cgroups_named "$name")
    cgroups_named "$name" | grep -q . || return 0
    sleep 0.1
  done
  cgroups_named "$name" | sed "s/^/# $ENGINE: cannot remove cgroup /" >&2
}
cgroups_named() {
  local name=$1 top
  for top in /sys/fs/cgroup/*/"$name" /sys/fs/cgroup/"$name"; do
    [ -d "$top" ] && find "$top" -depth -type d
  done
  return 0
}

# remember_host_path PATH [runtime-root]: removes PATH at the very end, only if it does not exist now
# (engines create fixed paths such as /run/containerd/s; a pre-existing one belongs to someone else). With
# runtime-root, only if no container state is in it by then: a runtime's default state root, which another
# user could start using meanwhile (what the runtime keeps besides, such as a cache, goes with it).
E2E_HOST_PATHS=()
remember_host_path() {
  [ -e "$1" ] || E2E_HOST_PATHS+=("${2:-rm}:$1")
}
remove_runtime_root() {
  local root=$1
  [ -d "$root" ] || return 0
  if find "$root" -mindepth 2 -maxdepth 2 -name state.json | grep -q .; then
    echo "# $ENGINE: $root holds container state, left" >&2
  else
    rm -rf --one-file-system "$root"
  fi
}
remove_host_paths() {
  local i entry
  for ((i = ${#E2E_HOST_PATHS[@]} - 1; i >= 0; i--)); do
    entry=${E2E_HOST_PATHS[$i]}
    case $entry in
      rm:*) rm -rf --one-file-system "${entry#rm:}" ;;
      runtime-root:*) remove_runtime_root "${entry#runtime-root:}" ;;
    esac
  done
}

# ---------------------------------------------------------------- scenario list
# run_scenarios READY "function:name"...: runs each scenario function with the runtime log marked; when the
# engine is not READY (did not start), every scenario is reported failed, so the count never shrinks.
run_scenarios() {
  local ready=$1 entry; shift
  for entry in "$@"; do
    if [ "$ready" != yes ]; then
      tap_not_ok "${entry#*:}" "the private $ENGINE instance did not start (see above)"
      continue
    fi
    mark_runtime_log
    "${entry%%:*}" "${entry#*:}"
  done
}

# The runtime removes a deleted container's cgroup; only the engine's parent directories may remain, and
# those the engine itself made (ENGINE_CGROUPS, a regex of names such as podman's conmon cgroup).
ENGINE_CGROUPS='^$'
check_container_cgroups_removed() {
  local name=$1 left
  left=$(cgroups_named "$CGROUP_PARENT" | grep -v "/$CGROUP_PARENT\$" |
    grep -vE "/$CGROUP_PARENT/($ENGINE_CGROUPS)\$" || true)
  if [ -z "$left" ]; then tap_ok "$name"; else tap_not_ok "$name" "cgroups left after every container was removed:" "$left"; fi
}

# ---------------------------------------------------------------- interactive (-t) runs
# run_tty SECONDS MARKER INPUT COMMAND: runs COMMAND (a shell string) under script(1), which gives it a
# terminal; once MARKER shows in the output, INPUT is typed. script's stdin is a fifo held open by us until
# the end: with stdin at EOF the engines can lose output. Sets OUT (output, CRs removed) and RC.
run_tty() {
  local seconds=$1 marker=$2 input=$3 command=$4
  local fifo="$T/tty-in.$$" out="$T/tty-out.$$" fd pid
  rm -f "$fifo" "$out"
  mkfifo "$fifo"
  exec {fd}<>"$fifo"
  timeout -k 5 "$seconds" script -qec "$command" /dev/null < "$fifo" > "$out" 2>&1 &
  pid=$!
  # Typed only once the container waits for it; not at all when script already ended.
  if wait_until "$seconds" marker_or_gone "$marker" "$out" "$pid" && kill -0 "$pid" 2>/dev/null; then
    printf '%s' "$input" >&"$fd"
  fi
  wait "$pid"
  RC=$?
  exec {fd}>&-
  OUT=$(tr -d '\r' < "$out")
  rm -f "$fifo" "$out"
}
marker_or_gone() { grep -qF -- "$1" "$2" 2>/dev/null || ! kill -0 "$3" 2>/dev/null; }
