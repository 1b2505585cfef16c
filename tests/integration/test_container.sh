#!/bin/sh
# Container smoke test: builds the Dockerfile with podman, checks the image
# (non-root user, port 8080, HEALTHCHECK, no compiler), then runs the image's
# filesystem in a chroot (podman run needs cgroups these machines lack; see
# ../shared/docs/CONTAINER.md): `lede extract` on a small page, then
# `lede serve` on a free 127.0.0.1 port with GET /healthz and POST /v1/extract.
#
# Arguments: the lede binary (unused: the image builds its own), the shared
# directory (for tools/base-image.sh). Skips with a clear message, exit 0,
# where podman cannot be installed or used; LEDE_SKIP_CONTAINER=1 skips too.
set -eu
shared=${2:-../shared}
root=$(cd "$(dirname "$0")/../.." && pwd)
image=lede:test
uid=10001 # the image's non-root user (Dockerfile: USER)
start=$(date +%s)

skip() {
  echo "test_container: SKIP: $*"
  exit 0
}
fail() {
  echo "test_container: FAIL: $*" >&2
  exit 1
}

[ "${LEDE_SKIP_CONTAINER:-0}" = 1 ] && skip "LEDE_SKIP_CONTAINER=1"
if ! command -v podman >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || skip "podman is not installed and we are not root to install it"
  [ -f "$shared/tools/base-image.sh" ] || skip "no $shared/tools/base-image.sh to set podman up"
fi
# Installs podman when missing and makes debian:bookworm-slim from Debian
# packages (no registry here); idempotent and quick once done.
if ! bash "$shared/tools/base-image.sh" >/tmp/lede-base-image.log 2>&1; then
  tail -5 /tmp/lede-base-image.log
  skip "podman or the base image could not be set up (see above)"
fi
podman info >/dev/null 2>&1 || skip "podman is installed but does not work here"

work=$(mktemp -d)
pid=""
ctr=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -n "$ctr" ]; then podman rm -f "$ctr" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --format docker keeps HEALTHCHECK, which the OCI image format cannot hold.
echo "test_container: building $image (cached layers make rebuilds quick)"
if ! podman build --isolation chroot --format docker -t "$image" \
  --iidfile "$work/iid" "$root" >"$work/build.log" 2>&1; then
  tail -30 "$work/build.log"
  fail "podman build failed"
fi
built=$(date +%s)
# From here on the image is named by its ID: another checkout building the
# same tag at the same time cannot swap it under us.
image=$(cat "$work/iid")

# The image's metadata.
user=$(podman image inspect "$image" --format '{{.Config.User}}')
ports=$(podman image inspect "$image" --format '{{.Config.ExposedPorts}}')
health=$(podman image inspect "$image" --format '{{.Config.Healthcheck}}')
case "$user" in "" | root | 0 | 0:*) fail "image runs as root (User='$user')" ;; esac
case "$ports" in *8080*) ;; *) fail "port 8080 not exposed ($ports)" ;; esac
case "$health" in *healthz*) ;; *) fail "no HEALTHCHECK on /healthz ($health)" ;; esac

# The image's filesystem.
rootfs="$work/rootfs"
mkdir "$rootfs"
ctr=$(podman create "$image" 2>/dev/null) || fail "podman create failed"
podman export "$ctr" | tar -x -C "$rootfs"
podman rm "$ctr" >/dev/null 2>&1
ctr=""
[ -x "$rootfs/usr/local/bin/lede" ] || fail "no /usr/local/bin/lede in the image"
[ -f "$rootfs/usr/local/share/lede/lede.conf" ] || fail "no lede.conf in the image"
for tool in gcc cc cmake; do
  [ ! -e "$rootfs/usr/bin/$tool" ] || fail "the runtime image holds $tool"
done
grep -q ":$uid:" "$rootfs/etc/passwd" || fail "user $uid missing from /etc/passwd"
[ -x "$rootfs/usr/bin/curl" ] || fail "the HEALTHCHECK's curl is missing from the image"

page='<!DOCTYPE html><html lang="en"><head><title>Harbour bridge reopens - Example News</title>
<meta property="og:title" content="Harbour bridge reopens after repairs"></head>
<body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday after six months of repairs, the city council said.</p>
<p>About 40,000 vehicles cross the bridge every day, according to the council.</p>
</article></body></html>'
printf '%s\n' "$page" >"$rootfs/tmp/page.html"
chmod 0644 "$rootfs/tmp/page.html"
# Run as the image would: its user, environment, working directory and CMD.
img_env=$(podman image inspect "$image" --format '{{range .Config.Env}}{{.}}{{"\n"}}{{end}}')
workdir=$(podman image inspect "$image" --format '{{.Config.WorkingDir}}')
cmd=$(podman image inspect "$image" --format '{{json .Config.Cmd}}' |
  python3 -c 'import json, shlex, sys; print(shlex.join(json.load(sys.stdin)))')
in_image() {
  # shellcheck disable=SC2086 # one NAME=value per line, no blanks inside
  # exec all the way down (env, chroot, sh -c 'exec ...'): started with &, the
  # PID in $! is then lede's own, and the trap stops the server, not a shell.
  exec env -i $img_env "$@"
}
run_in_image() { # run_in_image [NAME=value...] -- shell command
  vars=""
  while [ "$1" != "--" ]; do
    vars="$vars $1"
    shift
  done
  shift
  # shellcheck disable=SC2086
  in_image $vars chroot --userspec="$uid:$uid" "$rootfs" /bin/sh -c "cd '${workdir:-/}' && exec $*"
}

out=$(run_in_image -- lede extract /tmp/page.html) || fail "lede extract failed in the image"
case "$out" in *'"headline"'*Harbour*) ;; *) fail "lede extract gave no headline: $out" ;; esac
echo "test_container: lede extract in the image: ok"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "test_container: starting the image's CMD ($cmd) on 127.0.0.1:$port"
run_in_image LEDE_PORT="$port" LEDE_BIND=127.0.0.1 -- "$cmd" >"$work/serve.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
# Ready means /readyz answers 200 (the server answers 503 "starting" before
# its models are loaded); /healthz alone does not say requests will be served.
# Bounded by READY_TIMEOUT_S, polled, never a fixed sleep.
ready_timeout=${READY_TIMEOUT_S:-60}
ready_deadline=$(($(date +%s) + ready_timeout))
until [ "$(curl -sS -o "$work/ready.json" -w '%{http_code}' "$url/readyz" 2>/dev/null)" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    pid=""
    if grep -q "not built yet" "$work/serve.log"; then
      echo "test_container: image build and extract: ok ($((built - start)) s build)"
      skip "this tree's lede has no serve command yet; /healthz and /v1/extract not checked"
    fi
    cat "$work/serve.log"
    fail "lede serve exited in the image"
  fi
  if [ "$(date +%s)" -ge "$ready_deadline" ]; then
    cat "$work/serve.log"
    fail "lede serve was not ready (GET /readyz != 200) within $ready_timeout s; last answer: $(cat "$work/ready.json" 2>/dev/null)"
  fi
  sleep 0.1
done
curl -fsS -o "$work/health.json" "$url/healthz" || fail "GET /healthz failed once ready"
grep -q '"ok"' "$work/health.json" || fail "/healthz answered $(cat "$work/health.json")"

code=$(curl -sS -o "$work/article.json" -w '%{http_code}' -H 'Content-Type: text/html' \
  --data-binary @"$rootfs/tmp/page.html" "$url/v1/extract")
[ "$code" = 200 ] || fail "POST /v1/extract answered $code: $(cat "$work/article.json")"
grep -q '"headline": *"Harbour bridge reopens' "$work/article.json" ||
  fail "POST /v1/extract: no headline in $(cat "$work/article.json")"

kill "$pid"
wait "$pid" 2>/dev/null || true
pid=""
end=$(date +%s)
echo "test_container: build $((built - start)) s, run checks $((end - built)) s: /healthz and /v1/extract ok"
echo "test_container: 1 passed, 0 failed"
