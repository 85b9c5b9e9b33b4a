#!/usr/bin/env bash
# Fetch (once) the cpu_map directories of Debian's libvirt packages that the machine does not have
# installed, so tests can check that each map virtcpu bundles equals a fresh import of that
# release's cpu_map:
#
#   7.0.0   bullseye  libvirt0        -> $DIR/7.0.0/cpu_map
#   11.3.0  trixie    libvirt-common  -> $DIR/11.3.0/cpu_map
#
# (9.0.0 is the installed bookworm libvirt0's /usr/share/libvirt/cpu_map, 12.8.0 the sid chroot's.)
# The suites go into a private sources file used only to download these two .debs: nothing is
# installed and the system's apt configuration is not touched. Each directory gets a stamp file
# (PACKAGE VERSION) that the tests check; when it exists the release is skipped.
#
# Soft failure like .ci/sid-chroot.sh: if a package cannot be fetched the script prints
# "skipping <release> cpu_map: <reason>" and exits 0; the tests then skip, or fail under CI.
#
# Environment:
#   VIRTCPU_CPU_MAPS      target directory (default /var/cache/virtcpu/cpu-maps)
#   VIRTCPU_DEBIAN_MIRROR Debian mirror (default http://deb.debian.org/debian; bullseye falls back
#                         to http://archive.debian.org/debian once it has moved there)
set -uo pipefail

DIR=${VIRTCPU_CPU_MAPS:-/var/cache/virtcpu/cpu-maps}
MIRROR=${VIRTCPU_DEBIAN_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
APT_DIR="$DIR/.apt"

log() { echo "debian-cpu-maps: $*"; }

# release suite package
RELEASES=(
    "7.0.0 bullseye libvirt0"
    "11.3.0 trixie libvirt-common"
)

stamp_ok() { [[ -f "$DIR/$1/stamp" && -f "$DIR/$1/cpu_map/index.xml" ]]; }

missing=()
for r in "${RELEASES[@]}"; do
    read -r release _ _ <<<"$r"
    if stamp_ok "$release"; then log "ready: $DIR/$release ($(cat "$DIR/$release/stamp"))"; else missing+=("$r"); fi
done
((${#missing[@]} == 0)) && exit 0

if ! mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/archives/partial" 2>/dev/null || [[ ! -w "$APT_DIR" ]]; then
    log "skipping: cannot write $DIR (run as root or set VIRTCPU_CPU_MAPS)"
    exit 0
fi
[[ -f "$KEYRING" ]] || { log "skipping: $KEYRING is missing (Debian's debian-archive-keyring)"; exit 0; }

APT=(-o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache::Archives="$APT_DIR/archives"
     -o Dir::State::Status=/dev/null -o APT::Sandbox::User="$(id -un)" -o Debug::NoLocking=1)

# Download-only sources: the suites these releases come from.
write_sources() {  # bullseye mirror
    {
        echo "deb [signed-by=$KEYRING] $1 bullseye main"
        echo "deb [signed-by=$KEYRING] $MIRROR trixie main"
    } >"$APT_DIR/sources.list"
}

update() {
    apt-get "${APT[@]}" -qq update >"$APT_DIR/update.log" 2>&1
}

write_sources "$MIRROR"
if ! update || ! apt-cache "${APT[@]}" show libvirt0/bullseye >/dev/null 2>&1; then
    log "bullseye not found on $MIRROR; trying http://archive.debian.org/debian"
    write_sources "http://archive.debian.org/debian"
    update || log "NOTE: apt-get update reported errors (see $APT_DIR/update.log)"
fi

for r in "${missing[@]}"; do
    read -r release suite package <<<"$r"
    work=$(mktemp -d)
    if ! (cd "$work" && apt-get "${APT[@]}" -qq download "$package/$suite" >"$work/download.log" 2>&1); then
        log "skipping $release cpu_map: cannot download $package/$suite ($(tail -n1 "$work/download.log"))"
        rm -rf "$work"
        continue
    fi
    deb=$(ls "$work"/*.deb)
    version=$(dpkg-deb -f "$deb" Version)
    if [[ "$version" != "$release"-* ]]; then
        log "skipping $release cpu_map: $package/$suite is version $version, not $release"
        rm -rf "$work"
        continue
    fi
    dpkg-deb -x "$deb" "$work/root"
    if [[ ! -f "$work/root/usr/share/libvirt/cpu_map/index.xml" ]]; then
        log "skipping $release cpu_map: $package $version has no usr/share/libvirt/cpu_map"
        rm -rf "$work"
        continue
    fi
    rm -rf "${DIR:?}/$release"
    mkdir -p "$DIR/$release"
    cp -r "$work/root/usr/share/libvirt/cpu_map" "$DIR/$release/cpu_map"
    echo "$package $version" >"$DIR/$release/stamp"
    rm -rf "$work"
    log "ready: $DIR/$release ($package $version from $suite)"
done
rm -rf "$APT_DIR"
exit 0
