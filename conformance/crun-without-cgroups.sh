#!/bin/sh
# crun as the harness's runtime on a hybrid cgroup host: crun refuses hybrid hierarchies, so it runs without a
# cgroup manager (run the harness under bench/in-cgroup2-namespace.sh). Its cgroup results are not comparable.
exec "${CRUN:-/usr/bin/crun}" --cgroup-manager=disabled "$@"
