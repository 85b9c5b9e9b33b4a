#!/usr/bin/env bash
# Benchmark: 'virsh -c test:///default cpu-baseline' against 'virtcpu baseline' on generated host sets.
# Usage: bench/baseline.sh [RUNS]   (RUNS per measurement, default 15; see bench/README.md)
set -euo pipefail

RUNS=${1:-15}
SIZES=(1 100 1000 10000)
SEED=20240901
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAP9=/usr/share/libvirt/cpu_map
WORK=${BENCH_DIR:-$ROOT/target/bench}
export LC_ALL=C

cd "$ROOT"
command -v virsh >/dev/null || { echo "bench: virsh not found (apt-get install libvirt-clients)" >&2; exit 2; }
[ -f "$MAP9/index.xml" ] || { echo "bench: $MAP9 missing (libvirt 9.0.0 cpu_map)" >&2; exit 2; }
if [ ! -f target/virtcpu-all.jar ]; then
  echo "building target/virtcpu-all.jar ..." >&2
  mvn -q -o package -DskipTests >&2
fi
if [ ! -f target/test-classes/dev/virtcpu/bench/BaselineTiming.class ]; then
  mvn -q -o test-compile >&2
fi
mkdir -p "$WORK"
# A private copy of the jar: a rebuild of target/ during the run must not invalidate the launcher's
# class-data-sharing archive (written next to the jar) or break the run half-way.
cp target/virtcpu-all.jar "$WORK/virtcpu-all.jar"
export VIRTCPU_JAR=$WORK/virtcpu-all.jar
rm -f "$WORK/virtcpu-all.jsa"
VIRTCPU=$ROOT/server/virtcpu

# --- host files: Intel models of the 9.0.0 map, each with 8 random extra features (fixed seed) ----------
models=$(grep -l "<vendor name='Intel'/>" "$MAP9"/x86_*.xml | xargs -n1 basename | sed 's/^x86_//; s/\.xml$//' | sort)
features=$(grep -o "<feature name='[^']*'" "$MAP9/x86_features.xml" | sed "s/.*name='//; s/'$//")
gen_hosts() { # N FILE
  awk -v n="$1" -v seed="$SEED" -v models="$(echo $models)" -v features="$(echo $features)" 'BEGIN {
    srand(seed); nm = split(models, m, " "); nf = split(features, f, " ");
    for (i = 0; i < n; i++) {
      printf "<cpu>\n  <arch>x86_64</arch>\n  <model>%s</model>\n  <vendor>Intel</vendor>\n", m[(i % nm) + 1];
      delete used;
      for (k = 0; k < 8; k++) { j = int(rand() * nf) + 1; if (!(j in used)) { used[j] = 1; printf "  <feature name=\047%s\047/>\n", f[j] } }
      printf "</cpu>\n";
    } }' > "$2"
}

median_ms() { # command... ; prints the median wall time in ms over RUNS runs (after one warm-up run)
  local t=() i s e
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < RUNS; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

use_hyperfine=0
if command -v hyperfine >/dev/null; then use_hyperfine=1; fi
measure() { # label command...
  if [ $use_hyperfine = 1 ]; then
    local json=$WORK/hf.json
    hyperfine -N -w 1 -r "$RUNS" --export-json "$json" "$(printf '%q ' "${@:2}")" >/dev/null 2>&1
    awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); printf "%.1f", $2 * 1000; exit }' "$json"
  else
    median_ms "${@:2}"
  fi
}

echo "virsh $(virsh --version), $(java -version 2>&1 | head -1), $(nproc) CPUs, RUNS=$RUNS, timer: $([ $use_hyperfine = 1 ] && echo hyperfine || echo 'date +%s%N loop')"
# first run writes the class-data-sharing archive next to the jar
"$VIRTCPU" baseline --cpu-map "$MAP9" /dev/null >/dev/null 2>&1 || true
printf '%-7s %10s %14s %8s %16s %8s  %s\n' hosts virsh_ms virtcpu9_ms ratio virtcpu_bundled ratio outputs
for n in "${SIZES[@]}"; do
  f=$WORK/hosts-$n.xml
  [ -f "$f" ] || gen_hosts "$n" "$f"
  virsh -c test:///default cpu-baseline "$f" > "$WORK/virsh-$n.out" 2>&1 || true
  "$VIRTCPU" baseline --cpu-map "$MAP9" "$f" > "$WORK/virtcpu-$n.out" 2>&1 || true
  same=identical; cmp -s "$WORK/virsh-$n.out" "$WORK/virtcpu-$n.out" || same=DIFFERENT
  tv=$(measure virsh virsh -c test:///default cpu-baseline "$f")
  t9=$(measure virtcpu9 "$VIRTCPU" baseline --cpu-map "$MAP9" "$f")
  tb=$(measure virtcpub "$VIRTCPU" baseline "$f")
  printf '%-7s %10s %14s %8s %16s %8s  %s\n' "$n" "$tv" "$t9" "$(awk -v a="$t9" -v b="$tv" 'BEGIN{printf "%.2f", a/b}')" \
    "$tb" "$(awk -v a="$tb" -v b="$tv" 'BEGIN{printf "%.2f", a/b}')" "$same"
done

CP=target/classes:target/test-classes:$(ls ~/.m2/repository/info/picocli/picocli/*/picocli-*.jar | head -1)
echo "in-process Baseline.compute only (parse once, 200 warm-up, 50 timed):"
java -cp "$CP" dev.virtcpu.bench.BaselineTiming "$WORK/hosts-10000.xml" "$MAP9" 200 50
java -cp "$CP" dev.virtcpu.bench.BaselineTiming "$WORK/hosts-10000.xml" - 200 50
