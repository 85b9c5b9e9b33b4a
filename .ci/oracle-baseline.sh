#!/usr/bin/env bash
# Run both cpu-baseline oracles on one file and print their outputs:
#   - the system virsh (Debian 12: libvirt 9.0.0) with /usr/share/libvirt/cpu_map
#   - libvirt 12.8.0's virsh in the sid chroot made by .ci/sid-chroot.sh
# Usage: .ci/oracle-baseline.sh FILE [--features]
# Output per oracle: a header, stdout, stderr and the exit status, exactly as virsh printed
# them (the chroot run sees the file as /tmp/virtcpu-oracle/<name>, which shows up in the
# "File '…' does not contain any <cpu> element" message).
set -uo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
    echo "usage: $0 FILE [--features]" >&2
    exit 2
fi
FILE=$1
shift
FLAGS=("$@")
CHROOT=${VIRTCPU_SID_CHROOT:-/var/cache/virtcpu/sid-chroot}
export LC_ALL=C LANG=C

show() {  # label, command...
    local label=$1 out err rc
    shift
    out=$(mktemp) err=$(mktemp)
    "$@" >"$out" 2>"$err"
    rc=$?
    echo "===== $label: $*"
    echo "----- stdout"
    cat "$out"
    echo "----- stderr"
    cat "$err"
    echo "----- exit status $rc"
    rm -f "$out" "$err"
}

if command -v virsh >/dev/null 2>&1; then
    show "virsh $(virsh --version)" virsh -c test:///default cpu-baseline "${FLAGS[@]}" "$FILE"
else
    echo "===== system virsh: not found (install libvirt-clients)"
fi

if [[ -f "$CHROOT/.virtcpu-sid-stamp" ]]; then
    mkdir -p "$CHROOT/tmp/virtcpu-oracle"
    name=$(basename "$FILE")
    cp "$FILE" "$CHROOT/tmp/virtcpu-oracle/$name"
    show "virsh $(chroot "$CHROOT" virsh --version) (chroot $CHROOT)" \
        chroot "$CHROOT" virsh -c test:///default cpu-baseline "${FLAGS[@]}" "/tmp/virtcpu-oracle/$name"
    rm -f "$CHROOT/tmp/virtcpu-oracle/$name"
else
    echo "===== sid virsh: no chroot at $CHROOT (run .ci/sid-chroot.sh)"
fi
