#!/usr/bin/env bash
# Install the system packages virtcpu's tests need (Debian/Ubuntu). Idempotent and
# quiet: packages already installed are skipped; apt-get update runs at most once.
#
# One package per line in PACKAGES; add new ones at the end.
set -euo pipefail

PACKAGES=(
    libvirt-clients   # virsh 9.0.0 oracle, /usr/share/libvirt/cpu_map, virt-xml-validate
    neovim            # editor integration tests
    debootstrap       # .ci/sid-chroot.sh (libvirt 12.8.0 oracle)
    libxml2-utils     # xmllint
    cpuid             # 'cpuid -1r', an input of virtcpu host (live comparison tests)
    libvirt-daemon    # libvirtd for the live tests against qemu:///system (.ci/libvirtd.sh)
    libvirt-daemon-driver-qemu  # its QEMU driver: capabilities, cpu-baseline
    qemu-system-x86   # the QEMU the driver probes (no KVM needed)
    git               # pre-commit hook test (scratch repositories)
    pre-commit        # pre-commit hook test (PreCommitHookIT)
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg -s "$p" >/dev/null 2>&1 || ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    SUDO=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
