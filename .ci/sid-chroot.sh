#!/usr/bin/env bash
# Create (once) a Debian sid chroot that provides libvirt 12.8.0's virsh, used by
# virtcpu's differential tests as the 12.8.0 oracle:
#
#   chroot "$DIR" virsh -c test:///default cpu-baseline /tmp/FILE
#
# The chroot lives outside the checkout:
#   ${VIRTCPU_SID_CHROOT:-/var/cache/virtcpu/sid-chroot}
# A stamp file ($DIR/.virtcpu-sid-stamp) records the virsh version; when it exists
# the script returns immediately.
#
# Soft failure: if the chroot cannot be built or verified, the script prints
# "skipping 12.8.0 oracle: <reason>", writes no stamp and exits 0, so CI can decide
# what to do (the differential test checks the stamp).
#
# Environment:
#   VIRTCPU_SID_CHROOT   chroot directory (default /var/cache/virtcpu/sid-chroot)
#   VIRTCPU_SID_MIRROR   Debian mirror (default: the mirror apt uses on this machine)
#   VIRTCPU_SID_EXPECT   expected virsh version (default 12.8.0; a mismatch is only reported)
set -uo pipefail

DIR=${VIRTCPU_SID_CHROOT:-/var/cache/virtcpu/sid-chroot}
STAMP="$DIR/.virtcpu-sid-stamp"
EXPECT=${VIRTCPU_SID_EXPECT:-12.8.0}

log()  { echo "sid-chroot: $*"; }
skip() { echo "sid-chroot: skipping 12.8.0 oracle: $*"; exit 0; }

if [[ -f "$STAMP" ]]; then
    log "ready: $DIR ($(head -n1 "$STAMP"))"
    exit 0
fi

[[ $(id -u) -eq 0 ]] || skip "must run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed"

# The Debian mirror apt uses here (first non-security Debian URI), unless overridden.
find_mirror() {
    local f uri
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        while read -r uri; do
            case "$uri" in
                *security*) ;;
                */debian|*/debian/) echo "${uri%/}"; return 0 ;;
            esac
        done < <(sed -n -e 's/^[[:space:]]*URIs:[[:space:]]*//p' \
                        -e 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' "$f" \
                 | tr ' ' '\n' | grep -v '^$')
    done
    echo "http://deb.debian.org/debian"
}
MIRROR=${VIRTCPU_SID_MIRROR:-$(find_mirror)}

# Unmount anything a failed debootstrap left mounted below $DIR, then remove it.
cleanup_dir() {
    local m
    if [[ -d "$DIR" ]]; then
        while read -r m; do
            umount -l "$m" 2>/dev/null || true
        done < <(awk -v d="$DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
        if awk -v d="$DIR/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
            log "WARNING: mounts remain below $DIR; not removing it"
            return
        fi
        rm -rf --one-file-system "$DIR"
    fi
}

mkdir -p "$(dirname "$DIR")" || skip "cannot create $(dirname "$DIR")"
exec 9>"$DIR.lock" || skip "cannot create lock file $DIR.lock"
flock 9
if [[ -f "$STAMP" ]]; then      # another run finished while we waited
    log "ready: $DIR ($(head -n1 "$STAMP"))"
    exit 0
fi

# A directory without stamp is an interrupted earlier attempt: start over.
if [[ -e "$DIR" ]]; then
    log "removing incomplete chroot $DIR"
    cleanup_dir
fi

LOG="$DIR.debootstrap.log"
log "creating Debian sid chroot in $DIR from $MIRROR (takes a few minutes; log: $LOG)"
start=$(date +%s)
if ! debootstrap --variant=minbase --include=libvirt-clients sid "$DIR" "$MIRROR" >"$LOG" 2>&1; then
    tail -n 5 "$LOG" | sed 's/^/sid-chroot:   /'
    cleanup_dir
    skip "debootstrap failed (see $LOG)"
fi
log "debootstrap finished in $(( $(date +%s) - start )) s"

# Verify: virsh runs and computes a baseline on the test driver.
version=$(chroot "$DIR" virsh --version 2>&1) || skip "chroot virsh --version failed: $version"
log "virsh --version in chroot: $version"
if [[ "$version" != "$EXPECT" ]]; then
    log "NOTE: expected virsh $EXPECT, sid currently has $version"
fi

mkdir -p "$DIR/tmp"
cat > "$DIR/tmp/virtcpu-sid-check.xml" <<'XML'
<cpu>
  <arch>x86_64</arch>
  <model>Skylake-Client</model>
  <vendor>Intel</vendor>
  <feature name='vmx'/>
  <feature name='invtsc'/>
</cpu>
XML
if ! out=$(chroot "$DIR" virsh -c test:///default cpu-baseline /tmp/virtcpu-sid-check.xml 2>&1); then
    skip "chroot virsh cpu-baseline failed: $out"
fi
rm -f "$DIR/tmp/virtcpu-sid-check.xml"
grep -q "<model fallback='forbid'>Skylake-Client</model>" <<<"$out" \
    || skip "unexpected cpu-baseline output in chroot: $out"
log "cpu-baseline check in chroot: OK"

{
    echo "virsh $version"
    echo "created $(date -u +%Y-%m-%dT%H:%M:%SZ) from $MIRROR in $(( $(date +%s) - start )) s"
} > "$STAMP"
log "ready: $DIR (virsh $version)"
