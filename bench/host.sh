#!/usr/bin/env bash
# Benchmark: decoding N CPUID dumps (default 1000) in one virtcpu process, against the 2 s target.
# Usage: bench/host.sh [N]. The dumps cycle through libvirt's real-CPU test data (7.0.0, 9.0.0,
# 11.3.0 dumps), half as CPU data XML and half as 'cpuid -1r' output, in target/bench/host/workspace/hosts/,
# then as a host set through 'virtcpu lint'.
# Builds target/virtcpu-all.jar and the test classes first unless BENCH_NO_BUILD=1.
# The peer is libvirtd itself: when qemu:///system answers, the time of 'virsh capabilities' (which
# decodes the host CPU, among much else) is measured in the same run for scale.
set -euo pipefail

N=${1:-1000}
TARGET_SECONDS=2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench}/host
DATA=$ROOT/src/test/resources/libvirt-cputestdata
export LC_ALL=C

cd "$ROOT"
. bench/common.sh
bench_prepare dev/virtcpu/bench/HostBench "$WORK"
CP="$WORK/virtcpu-all.jar:$ROOT/target/test-classes"

java -cp "$CP" dev.virtcpu.bench.HostBench generate "$DATA/7.0.0" "$DATA/9.0.0" "$DATA/11.3.0" "$WORK/workspace/hosts" "$N"

# The launcher's JVM flags (server/virtcpu): C1 only, serial GC.
/usr/bin/time -v -o "$WORK/time.txt" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" dev.virtcpu.bench.HostBench decode "$WORK/workspace/hosts" | tee "$WORK/decode.txt"
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
user=$(sed -n 's/.*User time (seconds): //p' "$WORK/time.txt")
sys=$(sed -n 's/.*System time (seconds): //p' "$WORK/time.txt")
seconds=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
verdict=$(awk -v s="$seconds" -v t="$TARGET_SECONDS" 'BEGIN { print (s <= t) ? "within target" : "OVER TARGET" }')
echo "host decode: $N dumps in one process (JVM start included): ${seconds} s wall (CPU ${user} s user + ${sys} s sys," \
     "load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs), peak RSS $((rss / 1024)) MiB; target <= ${TARGET_SECONDS} s: $verdict"

# The product path: 'virtcpu lint' of one domain against a host set of the N dumps (read in parallel,
# each decoded with the set's map), through the launcher.
mkdir -p "$WORK/workspace/domains"
printf '{ "hostSets": { "dumps": ["hosts/*.xml", "hosts/*.cpuid"] }, "defaultHostSet": "dumps" }\n' \
  >"$WORK/workspace/.virtcpu.json"
cat >"$WORK/workspace/domains/guest.xml" <<'XML'
<domain type='kvm'>
  <name>guest</name>
  <memory unit='GiB'>1</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>
</domain>
XML
export VIRTCPU_JAR="$WORK/virtcpu-all.jar"
server/virtcpu lint "$WORK/workspace/domains/guest.xml" >/dev/null 2>&1 || true   # writes the launcher's CDS archive
lint_status=0
/usr/bin/time -v -o "$WORK/lint-time.txt" server/virtcpu lint --format json --severity info "$WORK/workspace/domains" \
  >"$WORK/lint.json" || lint_status=$?
lint_wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/lint-time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
lint_user=$(sed -n 's/.*User time (seconds): //p' "$WORK/lint-time.txt")
lint_hosts=$(sed -n 's/.*"hostsInSets": \([0-9]*\).*/\1/p' "$WORK/lint.json")
echo "lint of one domain against a host set of these dumps: ${lint_wall} s wall (CPU ${lint_user} s user), ${lint_hosts:-?} hosts, exit $lint_status"

# One cold 'virtcpu host FILE' run, as a script would make it per machine.
one=$(ls "$WORK/workspace/hosts" | head -n 1)
start=$(date +%s%N)
server/virtcpu host "$WORK/workspace/hosts/$one" >/dev/null
echo "one 'virtcpu host FILE' run: $(( ($(date +%s%N) - start) / 1000000 )) ms"

if command -v virsh >/dev/null && virsh -c qemu:///system version >/dev/null 2>&1; then
  runs=10
  start=$(date +%s%N)
  for _ in $(seq 1 $runs); do virsh -c qemu:///system capabilities >/dev/null; done
  peer_ms=$(( ($(date +%s%N) - start) / 1000000 / runs ))
  per_dump=$(awk -v s="$seconds" -v n="$N" 'BEGIN { printf "%.2f", s * 1000 / n }')
  echo "peer: 'virsh -c qemu:///system capabilities' (libvirtd $(virsh -c qemu:///system version --daemon | sed -n 's/.*daemon: //p')): ${peer_ms} ms per call;" \
       "virtcpu: ${per_dump} ms per dump; ratio virtcpu/peer $(awk -v a="$per_dump" -v b="$peer_ms" 'BEGIN { printf "%.3f", a / b }')"
else
  echo "peer: libvirtd not answering on qemu:///system (.ci/libvirtd.sh starts it): not measured"
fi
