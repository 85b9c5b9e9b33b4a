# Shared preamble of the benchmarks that time 'virtcpu' runs with /usr/bin/time (sourced, not run).

# bench_prepare TEST_CLASS WORK: installs /usr/bin/time when it is missing, builds
# target/virtcpu-all.jar (BENCH_NO_BUILD=1 measures target/ as it is) and the test classes when
# target/test-classes/TEST_CLASS.class is missing, then empties WORK and gives it a private copy of
# the jar (a rebuild of target/ during the run cannot disturb it), exported as VIRTCPU_JAR.
bench_prepare() {
  local test_class=$1 work=$2
  if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time missing; installing Debian's 'time' package" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >&2; else sudo apt-get install -y -q time >&2; fi
  fi
  if [ -z "${BENCH_NO_BUILD:-}" ] || [ ! -f target/virtcpu-all.jar ]; then
    echo "building target/virtcpu-all.jar ..." >&2
    mvn -q -o package -DskipTests >&2
  fi
  [ -f "target/test-classes/$test_class.class" ] || mvn -q -o test-compile >&2
  rm -rf "$work"
  mkdir -p "$work"
  cp target/virtcpu-all.jar "$work/virtcpu-all.jar"
  export VIRTCPU_JAR=$work/virtcpu-all.jar
}
