package dev.virtcpu.bench;

import dev.virtcpu.cpu.Baseline;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * In-process timing of {@link Baseline#compute} alone: the file is read and parsed once, then the
 * baseline is computed WARMUP times and timed over RUNS more. Used by {@code bench/baseline.sh}.
 * <pre>java -cp target/classes:target/test-classes:PICOCLI dev.virtcpu.bench.BaselineTiming FILE [CPU_MAP_DIR] [WARMUP RUNS]</pre>
 */
public final class BaselineTiming {
    private BaselineTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BaselineTiming FILE [CPU_MAP_DIR|-] [WARMUP RUNS]");
            System.exit(2);
        }
        CpuMap map = args.length > 1 && !args[1].equals("-") ? BundledMap.select(Path.of(args[1])) : BundledMap.get();
        int warmup = args.length > 3 ? Integer.parseInt(args[2]) : 200;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        List<CpuDef> cpus = CpuFile.hostCpus(List.of(CpuFile.read(Path.of(args[0]), args[0])));
        String first = CpuFormatter.format(Baseline.compute(map, cpus, Baseline.Options.PLAIN));
        for (int i = 0; i < warmup; i++) Baseline.compute(map, cpus, Baseline.Options.PLAIN);
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            CpuDef r = Baseline.compute(map, cpus, Baseline.Options.PLAIN);
            ns[i] = System.nanoTime() - t0;
            if (r.model == null) throw new IllegalStateException();
        }
        Arrays.sort(ns);
        double median = (runs % 2 == 1 ? ns[runs / 2] : (ns[runs / 2 - 1] + ns[runs / 2]) / 2.0) / 1e6;
        System.out.printf("hosts=%d map=%s warmup=%d runs=%d median_ms=%.3f min_ms=%.3f model=%s%n", cpus.size(),
                map.libvirtVersion() == null ? map.source() : "libvirt " + map.libvirtVersion(), warmup, runs, median,
                ns[0] / 1e6, first.lines().filter(l -> l.contains("<model")).findFirst().orElse("?").trim());
    }
}
