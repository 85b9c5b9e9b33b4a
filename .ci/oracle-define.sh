#!/usr/bin/env bash
# Record what libvirt says when it defines (and, for the QEMU driver, starts) each domain of a
# fixture directory: the oracle for virtcpu's topology and NUMA rules.
#
# Usage: .ci/oracle-define.sh DIR     (as root; DIR holds CASE.xml files, e.g.
#                                      src/test/resources/oracle/define)
# For each CASE.xml it writes, next to it:
#   CASE.qemu-9.0.0.txt   virsh -c qemu:///system define (libvirt 9.0.0's QEMU driver; .ci/libvirtd.sh)
#   CASE.test-9.0.0.txt   virsh -c test:///default define (the system virsh 9.0.0)
#   CASE.test-12.8.0.txt  virsh -c test:///default define in the sid chroot (.ci/sid-chroot.sh)
#   CASE.qemu-9.0.0.start.txt  when the QEMU driver defined it and virtlogd runs: virsh start, and
#                         the -smp/-numa arguments libvirt gave QEMU (from its log)
# Each file: the command, its exit status, stdout and stderr, exactly as virsh printed them.
# Domains are undefined (and destroyed) right after; their names start with virtcpu-oracle-.
set -uo pipefail
export LC_ALL=C LANG=C
DIR=${1:?usage: $0 DIR}
CHROOT=${VIRTCPU_SID_CHROOT:-/var/cache/virtcpu/sid-chroot}
cd "$DIR" || exit 2

record() {  # output-file, label, command...
    local file=$1 label=$2 out err rc
    shift 2
    out=$(mktemp) err=$(mktemp)
    "$@" >"$out" 2>"$err"
    rc=$?
    { echo "\$ $label"; echo "exit $rc"; echo "stdout:"; cat "$out"; echo "stderr:"; cat "$err"; } >"$file"
    rm -f "$out" "$err"
    return $rc
}

name_of() { sed -n 's:.*<name>\(.*\)</name>.*:\1:p' "$1" | head -n1; }

for xml in *.xml; do
    case=${xml%.xml}
    name=$(name_of "$xml")
    [[ "$name" == virtcpu-oracle-* ]] || { echo "skipping $xml: its <name> must start with virtcpu-oracle-"; continue; }
    if record "$case.qemu-9.0.0.txt" "virsh -c qemu:///system define $xml" virsh -c qemu:///system define "$xml"; then
        if pgrep -x virtlogd >/dev/null; then
            log=/var/log/libvirt/qemu/$name.log
            record "$case.qemu-9.0.0.start.txt" "virsh -c qemu:///system start $name" virsh -c qemu:///system start "$name"
            sleep 1
            # The log keeps every start of the domain: the -smp/-numa lines of the last one.
            { echo "QEMU arguments (from $log):"
              awk '/starting up libvirt/ { last = "" } /^-(smp|numa) / { sub(/ \\$/, ""); last = last $0 "\n" }
                   END { printf "%s", last }' "$log"; } >>"$case.qemu-9.0.0.start.txt"
            virsh -c qemu:///system destroy "$name" >/dev/null 2>&1
        fi
        virsh -c qemu:///system undefine "$name" >/dev/null 2>&1
    fi
    record "$case.test-9.0.0.txt" "virsh -c test:///default define $xml" virsh -c test:///default define "$xml"
    if [[ -f "$CHROOT/.virtcpu-sid-stamp" ]]; then
        mkdir -p "$CHROOT/tmp/virtcpu-oracle"
        cp "$xml" "$CHROOT/tmp/virtcpu-oracle/$xml"
        record "$case.test-12.8.0.txt" "virsh -c test:///default define $xml" \
            chroot "$CHROOT" sh -c "cd /tmp/virtcpu-oracle && virsh -c test:///default define $xml"
        rm -f "$CHROOT/tmp/virtcpu-oracle/$xml"
    fi
done
