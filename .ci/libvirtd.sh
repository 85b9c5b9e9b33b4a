#!/usr/bin/env bash
# Start (once) the libvirtd that virtcpu's live tests compare against: `virsh -c qemu:///system
# capabilities` and `cpu-baseline` of libvirt 9.0.0's QEMU driver (Debian 12 packages
# libvirt-daemon, libvirt-daemon-driver-qemu, qemu-system-x86; KVM is not needed).
# Idempotent: returns at once when qemu:///system answers. Also loads the cpuid and msr kernel
# modules (for `virtcpu host --local`) where the kernel has them.
#
# Soft failure: without root, or when the daemon does not come up, it says why and exits 0; the
# tests that need the daemon then skip, or fail under CI=true.
set -uo pipefail

log() { echo "libvirtd: $*"; }

if [[ $(id -u) -ne 0 ]]; then
    log "not root: not starting libvirtd (the live tests need qemu:///system)"
    exit 0
fi

for module in cpuid msr; do
    [[ -e /dev/cpu/0/$module ]] || modprobe "$module" 2>/dev/null || log "no $module kernel module (/dev/cpu/0/$module)"
done

if virsh -c qemu:///system version >/dev/null 2>&1; then
    log "qemu:///system is answering"
    exit 0
fi
command -v libvirtd >/dev/null 2>&1 || { log "libvirtd is not installed (.ci/install-deps.sh)"; exit 0; }

# libvirtd resolves the compiled-in QEMU user and group (Debian: libvirt-qemu) even when qemu.conf
# names others; Debian's libvirt-daemon-system would create them, libvirt-daemon does not.
getent group libvirt-qemu >/dev/null || groupadd --system libvirt-qemu
getent passwd libvirt-qemu >/dev/null || useradd --system --gid libvirt-qemu --no-create-home \
    --home-dir /var/lib/libvirt --shell /usr/sbin/nologin libvirt-qemu

# QEMU (run only to probe its capabilities) runs as root, so no directory needs other owners.
conf=/etc/libvirt/qemu.conf
mkdir -p /etc/libvirt /var/log/libvirt /var/lib/libvirt /var/cache/libvirt
touch "$conf"
grep -q '^[[:space:]]*user[[:space:]]*=' "$conf" || echo 'user = "root"' >>"$conf"
grep -q '^[[:space:]]*group[[:space:]]*=' "$conf" || echo 'group = "root"' >>"$conf"

log "starting libvirtd -d"
libvirtd -d || { log "libvirtd -d failed (see /var/log/libvirt/libvirtd.log)"; exit 0; }
for _ in $(seq 1 60); do
    if virsh -c qemu:///system version >/dev/null 2>&1; then
        log "qemu:///system is answering ($(virsh -c qemu:///system version --daemon 2>/dev/null | grep -i daemon))"
        exit 0
    fi
    sleep 1
done
log "qemu:///system does not answer after 60 s (see /var/log/libvirt/libvirtd.log)"
exit 0
