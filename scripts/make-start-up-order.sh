#!/bin/sh
# Regenerates linker/start-up-order.txt: every function `swiftlet run` executes, the container's init first,
# then the `run` process, then what create/start/state/list/delete add. The release link places them in that
# order (lld --symbol-ordering-file; every function has its own section), so the text pages each process
# touches — and the 64 KiB fault-around windows the kernel maps with each fault — are few: text is most of
# swiftlet's and its init's resident set, and many of their page faults (bench (a), (f)).
#
# The lists are exact: scripts/steptrace.c single-steps each command and all its children, so even a function
# run once for ten instructions is named. Slow: ~5 minutes for `run`, ~9 in all. Trace a binary made by `make build`:
# its stdlib functions have their own sections (linker/split-stdlib-text.py), so their names in the list move them too.
#
# Needs root, gcc, jq, a built release swiftlet and the bench rootfs.
# usage: sudo scripts/make-start-up-order.sh [SWIFTLET]        (default .build/release/swiftlet)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
swiftlet=$(realpath "${1:-$repo/.build/release/swiftlet}")
rootfs=$repo/bench/.work/rootfs
[ -d "$rootfs" ] || "$repo/scripts/make-busybox-rootfs.sh" "$rootfs"
work=$(mktemp -d /tmp/swiftlet-order-XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/steptrace" "$repo/scripts/steptrace.c"
mkdir -p "$work/bundle" "$work/root" "$work/trace"
# The bench's config (bench/benchlib/bundles.py: `runc spec`, terminal off, /bin/true), so the list covers what
# bench (a) and (f) run; `swiftlet spec` where runc is missing.
if command -v runc >/dev/null; then (cd "$work/bundle" && runc spec); else (cd "$work/bundle" && "$swiftlet" spec); fi
jq --arg rootfs "$rootfs" '.process.terminal=false | .process.args=["/bin/true"] | .root={"path":$rootfs,"readonly":true}
    | del(.linux.resources) | .linux.cgroupsPath="/swiftlet-order-\(now|floor)"' \
    "$work/bundle/config.json" > "$work/config" && mv "$work/config" "$work/bundle/config.json"

# One trace per command, in the order their functions go into the list. `create` itself is not traced (a "-"
# name): steptrace waits for every tracee, and the init of a created container waits for `start`. `run` covers
# create's code, init included.
commands="run:run --bundle $work/bundle order-run
-create:create --bundle $work/bundle order-c
start:start order-c
state:state order-c
list:list
delete:delete -f order-c"
cat > "$work/inner.sh" <<INNER
#!/bin/sh
echo "\$1" | while IFS=: read -r name args; do
    case \$name in
    -*) $swiftlet --root $work/root \$args </dev/null >/dev/null ;;
    *)  echo "tracing \$name" >&2
        $work/steptrace $work/trace/\$name $swiftlet --root $work/root \$args </dev/null >/dev/null || echo "(\$name failed)" >&2 ;;
    esac
done
INNER
chmod +x "$work/inner.sh"
"$repo/bench/in-cgroup2-namespace.sh" "$work/inner.sh" "$commands"

# Per command: its children first (for run, the container's init), then the command's own process.
for name in $(echo "$commands" | cut -d: -f1 | grep -v '^-'); do
    root=$(cat "$work/trace/$name.root")
    for file in "$work/trace/$name".[0-9]*; do
        [ "$file" = "$work/trace/$name.$root" ] || cat "$file"
    done
    cat "$work/trace/$name.$root"
done > "$work/addresses"
nm -n -S --defined-only "$swiftlet" | awk '(NF == 4 && $3 ~ /^[tTwW]$/) {print $1, $4} (NF == 3 && $2 ~ /^[tTwW]$/) {print $1, $3}' > "$work/symbols"
python3 - "$work/symbols" "$work/addresses" > "$work/order" <<'PY'
import bisect, sys
symbols = [(int(a, 16), n) for a, n in (l.split(None, 1) for l in open(sys.argv[1]))]
starts = [a for a, _ in symbols]
seen = set()
for line in open(sys.argv[2]):
    index = bisect.bisect_right(starts, int(line, 16)) - 1
    name = symbols[index][1].strip() if index >= 0 else None
    if name and name not in seen:
        seen.add(name)
        print(name)
PY
mv "$work/order" "$repo/linker/start-up-order.txt"
echo "$(wc -l < "$repo/linker/start-up-order.txt") functions -> linker/start-up-order.txt"
