#!/usr/bin/env bash
# Fuzzes every Jazzer target (src/test/java/dev/virtcpu/fuzz/*FuzzTest.java) for SECONDS each
# (default 60) and prints executions, executions per second and findings per target.
#   bench/fuzz.sh [SECONDS]
# An input that makes a target fail is written to target/fuzz/crash-* (the log names it); once the
# cause is fixed, copy it into the target's seed corpus
# (src/test/resources/dev/virtcpu/fuzz/<Target>Inputs/<method>/), which every test run replays.
# The generated corpus stays in target/fuzz/.cifuzz-corpus/. Logs: target/fuzz/<Target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
PER=${1:-60}
TARGETS=(XmlParserFuzzTest HostFileFuzzTest ConfigLoaderFuzzTest AnalysisFuzzTest FixRewriteFuzzTest)
OUT=target/fuzz
mkdir -p "$OUT"
mvn -q -o -B test-compile || exit 2

printf '%-22s %12s %9s %9s  %s\n' target executions exec/s findings result
total=0
for t in "${TARGETS[@]}"; do
    log="$OUT/$t.log"
    # The sanitizer hooks stay on while fuzzing (the normal test run turns them off: they cost ~30 s).
    JAZZER_FUZZ=1 mvn -o -B surefire:test -Dtest="dev.virtcpu.fuzz.$t" -Djazzer.hooks=true \
        -Djazzer.internal.basedir="$OUT" -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$PER" \
        >"$log" 2>&1
    status=$?
    runs=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -n 1 | awk '{print $2}')
    secs=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -n 1 | awk '{print $5}')
    findings=$(grep -a -c 'Test unit written to' "$log")
    result=$([[ $status -eq 0 ]] && echo ok || echo "FAILED (see $log)")
    printf '%-22s %12s %9s %9s  %s\n' "$t" "${runs:-?}" "$(( ${runs:-0} / (${secs:-1} > 0 ? ${secs:-1} : 1) ))" \
        "$findings" "$result"
    total=$(( total + findings ))
done
echo "findings in all targets: $total (load average $(cut -d' ' -f1-3 /proc/loadavg))"
[[ $total -eq 0 ]]
