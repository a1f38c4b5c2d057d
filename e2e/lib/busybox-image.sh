# Builds the busybox image offline (sourced): the rootfs from Debian's busybox-static (the project's
# make-busybox-rootfs.sh), packed as a docker-archive tar, the one format that containerd's `ctr images
# import`, `podman load` and docker 20.10's `docker load` all read. Nothing is pulled from a registry.
# shellcheck shell=bash

# The name every engine knows the image by after loading it.
E2E_IMAGE_NAME=swiftlet-e2e/busybox:latest

# make_busybox_image OUT_TAR WORK_DIR: writes OUT_TAR; WORK_DIR is scratch and removed afterwards.
make_busybox_image() {
  local out=$1 work=$2
  rm -rf "$work"
  mkdir -p "$work/archive"
  "$REPO_DIR/scripts/make-busybox-rootfs.sh" "$work/rootfs" >/dev/null
  # A reproducible layer: sorted names, fixed mtime, numeric owners (user 1000 owns /home/user).
  tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -cf "$work/layer.tar" .
  local diff_id layer_dir config config_id
  diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
  layer_dir="$work/archive/$diff_id"
  mkdir -p "$layer_dir"
  mv "$work/layer.tar" "$layer_dir/layer.tar"
  echo 1.0 > "$layer_dir/VERSION"
  config=$(jq -cn --arg diff "sha256:$diff_id" '{
      architecture: "amd64", os: "linux", created: "1970-01-01T00:00:00Z",
      config: { Env: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], Cmd: ["sh"], WorkingDir: "/" },
      rootfs: { type: "layers", diff_ids: [$diff] },
      history: [{ created: "1970-01-01T00:00:00Z", created_by: "swiftlet e2e: busybox-static rootfs" }] }')
  config_id=$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)
  printf '%s' "$config" > "$work/archive/$config_id.json"
  jq -cn --arg config "$config_id.json" --arg tag "$E2E_IMAGE_NAME" --arg layer "$diff_id/layer.tar" \
    '[{ Config: $config, RepoTags: [$tag], Layers: [$layer] }]' > "$work/archive/manifest.json"
  tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$work/archive" -cf "$out" .
  rm -rf "$work"
}
