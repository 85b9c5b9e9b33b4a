#!/usr/bin/env bash
# Benchmark of the language server (not a test; prints numbers): a generated 2 000-line domain with a
# <cpu> block, host sets of 100, 1 000 and 10 000 hosts, real stdio sessions through the launcher.
#   didChange -> publishDiagnostics latency (200 edits after 20 warm-up: feature names and model text
#   inside <cpu>, and lines outside it), completion latency (200 requests), process start -> first
#   diagnostics (median of 5), resident memory with the 1 000-host set; with the launcher's flags also
#   didChange -> publishDiagnostics latency and resident memory with the 10 000-host set.
# JVM variants of 'virtcpu lsp' are compared: the launcher's flags (C1 only, AppCDS archive from an
# earlier session), a first session without the archive, and the full JIT.
# LemMinX 0.31.1 is measured on the same document when its uber jar is in ~/.m2.
# Usage: bench/lsp.sh            (BENCH_DIR overrides the work directory, default target/bench-lsp)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-lsp}
LEMMINX=${LEMMINX_JAR:-$HOME/.m2/repository/org/eclipse/lemminx/org.eclipse.lemminx/0.31.1/org.eclipse.lemminx-0.31.1-uber.jar}
export LC_ALL=C
cd "$ROOT"

if [ ! -f target/virtcpu-all.jar ] || [ -n "$(find src/main -newer target/virtcpu-all.jar -type f | head -n 1)" ]; then
  echo "building target/virtcpu-all.jar ..." >&2
  mvn -q -o package -DskipTests >&2 || { [ -f target/virtcpu-all.jar ] || exit 2; echo "bench: build failed; measuring the existing jar" >&2; }
fi
if [ ! -f target/test-classes/dev/virtcpu/bench/LspBench.class ] || [ src/test/java/dev/virtcpu/bench/LspBench.java -nt target/test-classes/dev/virtcpu/bench/LspBench.class ]; then
  mvn -q -o test-compile >&2 || { [ -f target/test-classes/dev/virtcpu/bench/LspBench.class ] || exit 2; echo "bench: test-compile failed; using the compiled harness" >&2; }
fi
mkdir -p "$WORK"
# A private copy of the jar (and of its class-data-sharing archive): a rebuild of target/ during the
# run must not change what is measured.
cp target/virtcpu-all.jar "$WORK/virtcpu-all.jar"
rm -f "$WORK"/*.jsa
export VIRTCPU_JAR=$WORK/virtcpu-all.jar
HARNESS=(java -XX:+UseSerialGC -cp "$ROOT/target/test-classes:$WORK/virtcpu-all.jar" dev.virtcpu.bench.LspBench "$WORK")
SERVER=("$ROOT/server/virtcpu" lsp)

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== workspace: $WORK (2000-line domain; host sets of 100, 1000 and 10000 generated hosts)"

RESULTS=$WORK/results.txt
: > "$RESULTS"
variant() { # label JAVA_OPTS
  echo
  echo "-- virtcpu lsp, $1${2:+ (VIRTCPU_JAVA_OPTS='$2')}"
  { VIRTCPU_JAVA_OPTS="$2" "${HARNESS[@]}" start "${SERVER[@]}"
    VIRTCPU_JAVA_OPTS="$2" "${HARNESS[@]}" latency "${SERVER[@]}"
    VIRTCPU_JAVA_OPTS="$2" "${HARNESS[@]}" memory "${SERVER[@]}"
    [ -z "${3:-}" ] || VIRTCPU_JAVA_OPTS="$2" "${HARNESS[@]}" latency10k "${SERVER[@]}"; } | sed "s/^/[$1] /" | tee -a "$RESULTS" | sed "s/^\[$1\] //"
}
num() { # label line-prefix field-name: the number after the first FIELD in the first matching result line
  grep -F "[$1] $2" "$RESULTS" | head -n 1 | awk -v k="$3" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'
}


# The launcher writes an AppCDS archive of a language-server session's classes on the first session's
# exit and uses it from then on. The variants control the archive themselves, so the launcher's own
# archive handling is off; the training session makes the archive a second session would use.
export VIRTCPU_NO_CDS=1
JSA=$WORK/virtcpu-lsp.jsa
VIRTCPU_JAVA_OPTS="-XX:ArchiveClassesAtExit=$JSA -Xlog:cds=off -Xlog:cds+dynamic=off" "${HARNESS[@]}" start "${SERVER[@]}" >/dev/null

variant "launcher flags" "-XX:SharedArchiveFile=$JSA -Xshare:auto" with-10000-hosts
variant "first session (no archive yet)" ""
variant "full JIT" "-XX:SharedArchiveFile=$JSA -Xshare:auto -XX:TieredStopAtLevel=4"

if [ -f "$LEMMINX" ]; then
  echo
  echo "-- LemMinX 0.31.1 ($LEMMINX), same document, no extension"
  { "${HARNESS[@]}" start-peer java -cp "$LEMMINX" org.eclipse.lemminx.XMLServerLauncher
    "${HARNESS[@]}" latency-peer java -cp "$LEMMINX" org.eclipse.lemminx.XMLServerLauncher; } | sed "s/^/[lemminx] /" | tee -a "$RESULTS" | sed "s/^\[lemminx\] //"
else
  echo
  echo "-- LemMinX uber jar not found ($LEMMINX): ratios use the reference figures only"
fi

echo
echo "== summary (launcher flags) against targets and LemMinX; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
v="launcher flags"
awk -v p50="$(num "$v" didChange p50)" -v p95="$(num "$v" didChange p95)" -v cp95="$(num "$v" completion p95)" \
    -v start="$(num "$v" start median)" -v rss="$(num "$v" memory VmRSS)" \
    -v p95k="$(num "$v" "10000 hosts didChange" p95)" -v rssk="$(num "$v" "memory with 10000" VmRSS)" \
    -v lp50="$(num lemminx didChange p50)" -v lp95="$(num lemminx didChange p95)" -v lstart="$(num lemminx start median)" 'BEGIN {

  printf "  didChange->diagnostics p95 %6.1f ms   target <= 20 ms    %s\n", p95, (p95 <= 20 ? "met" : "MISSED")
  printf "  completion p95          %6.1f ms   target <= 10 ms    %s\n", cp95, (cp95 <= 10 ? "met" : "MISSED")
  printf "  start->first diagnostics %5.0f ms   target <= 600 ms   %s\n", start, (start <= 600 ? "met" : "MISSED")
  printf "  RSS, 1000 hosts         %6.0f MB   target <= 200 MB   %s\n", rss, (rss <= 200 ? "met" : "MISSED")
  printf "  10000 hosts: didChange->diagnostics p95 %6.1f ms  target <= 50 ms  %s;  RSS %4.0f MB  target <= 300 MB  %s\n", p95k, (p95k <= 50 ? "met" : "MISSED"), rssk, (rssk <= 300 ? "met" : "MISSED")
  printf "  vs LemMinX reference (p50 110 / p95 136 ms, start 850 ms): p50 x%.1f  p95 x%.1f  start x%.2f\n", 110 / p50, 136 / p95, 850 / start
  if (lp50 != "") printf "  vs LemMinX measured now (p50 %.0f / p95 %.0f ms, start %.0f ms): p50 x%.1f  p95 x%.1f  start x%.2f\n", lp50, lp95, lstart, lp50 / p50, lp95 / p95, lstart / start
}'

cat <<'TXT'

Targets: p95 didChange->diagnostics <= 20 ms; completion p95 <= 10 ms; start->first diagnostics <= 0.6 s;
RSS <= 200 MB with 1000 hosts; with 10000 hosts p95 didChange->diagnostics <= 50 ms and RSS <= 300 MB. LemMinX 0.31.1 reference on the same kind of document: didChange->diagnostics
p50 110 ms / p95 136 ms, start->first diagnostics 0.85 s (ratios: reference / virtcpu, > 1 means virtcpu is faster).
TXT
