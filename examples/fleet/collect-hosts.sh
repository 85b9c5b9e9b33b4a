#!/usr/bin/env bash
# Collect the CPU of every host of a fleet, over ssh, into files a virtcpu host set reads.
#
#   examples/fleet/collect-hosts.sh [-o DIR] [-m auto|caps|domcaps|cpuid] [-u URI] HOST...
#   examples/fleet/collect-hosts.sh [-o DIR] ... - < hosts.txt     (one host per line)
#
# Per host, -m chooses what to collect (default auto):
#   caps     `virsh -r -c URI capabilities`     -> DIR/HOST.caps.xml    (the host CPU as libvirt sees it)
#   domcaps  `virsh -c URI domcapabilities`     -> DIR/HOST.domcaps.xml (what QEMU/KVM gives a guest there;
#                                                                        needs a read-write connection)
#   cpuid    `cpuid -1r` (Debian package cpuid) -> DIR/HOST.cpuid       (raw CPUID; virtcpu decodes it as
#                                                                        libvirt's capabilities would)
#   auto     caps where virsh answers, otherwise cpuid
# URI defaults to qemu:///system. HOST is anything ssh accepts (user@host, an ~/.ssh/config alias).
# A file is written only when the command succeeded (through a temporary file, so a failed run
# never leaves half a file). Exit status: 0 when every host was collected, 1 otherwise.
# Environment: SSH (default: ssh -o BatchMode=yes -o ConnectTimeout=10), VIRTCPU (a virtcpu launcher:
# when set, each .cpuid file is decoded right away and its model printed).
set -uo pipefail

out=hosts
mode=auto
uri=qemu:///system
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
while getopts "o:m:u:h" opt; do
    case $opt in
        o) out=$OPTARG ;;
        m) mode=$OPTARG ;;
        u) uri=$OPTARG ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
case $mode in auto|caps|domcaps|cpuid) ;; *) usage ;; esac
(($# > 0)) || usage
if [[ $1 == - ]]; then
    mapfile -t hosts < <(grep -v '^[[:space:]]*\(#\|$\)')
else
    hosts=("$@")
fi
read -r -a ssh <<<"${SSH:-ssh -o BatchMode=yes -o ConnectTimeout=10}"
mkdir -p "$out" || exit 1

# collect HOST KIND SUFFIX REMOTE-COMMAND: runs the command on HOST, keeps its stdout as DIR/HOST.SUFFIX.
collect() {
    local host=$1 kind=$2 suffix=$3 cmd=$4 file tmp
    file="$out/${host##*@}.$suffix"
    tmp=$(mktemp "$out/.collect.XXXXXX") || return 1
    if "${ssh[@]}" "$host" "$cmd" </dev/null >"$tmp" 2>"$tmp.err" && [[ -s $tmp ]]; then
        chmod 0644 "$tmp" && mv "$tmp" "$file"
        rm -f "$tmp.err"
        echo "$host: $kind -> $file"
        if [[ $suffix == cpuid && -n ${VIRTCPU:-} ]]; then
            "$VIRTCPU" host "$file" | sed -n 's|.*<model>\(.*\)</model>.*|  decodes to \1|p'
        fi
        return 0
    fi
    echo "$host: $kind failed: $(head -c 300 "$tmp.err" | tr '\n' ' ')" >&2
    rm -f "$tmp" "$tmp.err"
    return 1
}

status=0
for host in "${hosts[@]}"; do
    case $mode in
        caps) collect "$host" "virsh capabilities" caps.xml "virsh -r -c '$uri' capabilities" || status=1 ;;
        domcaps) collect "$host" "virsh domcapabilities" domcaps.xml "virsh -c '$uri' domcapabilities" || status=1 ;;
        cpuid) collect "$host" "cpuid -1r" cpuid "cpuid -1r" || status=1 ;;
        auto)
            if "${ssh[@]}" "$host" "virsh -r -c '$uri' version" </dev/null >/dev/null 2>&1; then
                collect "$host" "virsh capabilities" caps.xml "virsh -r -c '$uri' capabilities" || status=1
            else
                collect "$host" "cpuid -1r" cpuid "cpuid -1r" || status=1
            fi ;;
    esac
done
exit $status
