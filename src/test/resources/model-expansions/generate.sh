#!/usr/bin/env bash
# Regenerates libvirt-12.8.0.tsv: every x86 CPU model of libvirt 12.8.0 expanded by libvirt itself,
# independently of virtcpu. For each model M of the chroot's own cpu_map, virsh 12.8.0 (the Debian sid
# chroot of .ci/sid-chroot.sh) runs
#     virsh -c test:///default cpu-baseline --features  <cpu><arch>x86_64</arch><model>M</model></cpu>
# whose required features are exactly M's features. One line per model: NAME<TAB>features (sorted by
# name, space-separated). Run as root: bash src/test/resources/model-expansions/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${VIRTCPU_SID_CHROOT:-/var/cache/virtcpu/sid-chroot}
version=$(chroot "$root" virsh --version)
[[ "$version" == 12.8.0 ]] || { echo "generate.sh: the chroot has virsh $version, not 12.8.0" >&2; exit 1; }
out="$here/libvirt-12.8.0.tsv"
tmp=$(mktemp)
echo "# x86 CPU models of libvirt 12.8.0 expanded by virsh 12.8.0 cpu-baseline --features (generate.sh)" > "$tmp"
for f in "$root"/usr/share/libvirt/cpu_map/x86_*.xml; do
    case $(basename "$f") in x86_features.xml|x86_vendors.xml) continue ;; esac
    for model in $(sed -n "s/^ *<model name='\([^']*\)'>.*/\1/p" "$f"); do
        echo "<cpu><arch>x86_64</arch><model>$model</model></cpu>" > "$root/tmp/virtcpu-expand.xml"
        features=$(chroot "$root" virsh -c test:///default cpu-baseline --features /tmp/virtcpu-expand.xml \
            | sed -n "s/.*policy='require' name='\([^']*\)'.*/\1/p" | sort | tr '\n' ' ' | sed 's/ $//')
        printf '%s\t%s\n' "$model" "$features" >> "$tmp"
    done
done
rm -f "$root/tmp/virtcpu-expand.xml"
{ head -n1 "$tmp"; tail -n +2 "$tmp" | LC_ALL=C sort; } > "$out"
rm -f "$tmp"
echo "generate.sh: $(($(wc -l < "$out") - 1)) models written to $out"
