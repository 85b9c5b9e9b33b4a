package dev.virtcpu.bench;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.cpuid.CpuData;
import dev.virtcpu.cpu.cpuid.CpuDataInput;
import dev.virtcpu.cpu.cpuid.CpuDataXml;
import dev.virtcpu.cpu.cpuid.CpuidLeaf;
import dev.virtcpu.cpu.cpuid.HostDecoder;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Used by {@code bench/host.sh}.
 * <pre>
 * HostBench generate SOURCE_DIR... OUT_DIR N   N dumps cycling through the real CPUs' x86_64-cpuid-*.xml
 *                                              files, every other one written as 'cpuid -1r' output
 * HostBench decode DIR                         reads and decodes every file of DIR in this process
 * </pre>
 */
public final class HostBench {
    private HostBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(List.of(args).subList(1, args.length - 2), Path.of(args[args.length - 2]), Integer.parseInt(args[args.length - 1]));
        } else if (args.length == 2 && args[0].equals("decode")) {
            decode(Path.of(args[1]));
        } else {
            System.err.println("usage: HostBench generate SOURCE_DIR... OUT_DIR N | decode DIR");
            System.exit(2);
        }
    }

    private static void generate(List<String> sources, Path out, int n) throws Exception {
        List<Path> dumps = new java.util.ArrayList<>();
        for (String s : sources) {
            try (Stream<Path> files = Files.list(Path.of(s))) {
                files.filter(p -> p.toString().endsWith(".xml") && Files.exists(Path.of(p.toString().replace(".xml", "-host.xml"))) && !p.toString().endsWith("-host.xml"))
                        .sorted().forEach(dumps::add);
            }
        }
        Files.createDirectories(out);
        for (int i = 0; i < n; i++) {
            Path src = dumps.get(i % dumps.size());
            CpuData data = CpuDataXml.parse(Files.readString(src), src.toString());
            String name = String.format("host-%04d", i);
            if (i % 2 == 0) Files.writeString(out.resolve(name + ".xml"), CpuDataXml.format(data, src.getFileName().toString()));
            else Files.writeString(out.resolve(name + ".cpuid"), cpuidText(data));
        }
        System.out.println("generated " + n + " dumps from " + dumps.size() + " real CPUs in " + out);
    }

    private static String cpuidText(CpuData data) {
        StringBuilder sb = new StringBuilder("CPU:\n");
        for (CpuidLeaf l : data.leaves()) {
            sb.append(String.format("   0x%08x 0x%02x: eax=0x%08x ebx=0x%08x ecx=0x%08x edx=0x%08x\n",
                    l.eaxIn(), l.ecxIn(), l.eax(), l.ebx(), l.ecx(), l.edx()));
        }
        return sb.toString();
    }

    private static void decode(Path dir) throws Exception {
        long t0 = System.nanoTime();
        CpuMap map = BundledMap.get();
        TreeMap<String, Integer> models = new TreeMap<>();
        int n = 0;
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String text = CpuFile.readText(p, p.toString());
                CpuDef host = HostDecoder.decode(map, CpuDataInput.parse(text, p.toString()));
                bytes += CpuFormatter.format(host).length();
                models.merge(host.model, 1, Integer::sum);
                n++;
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("decoded %d dumps in %.0f ms in-process (%.2f ms per dump, map libvirt %s, %d distinct models, %d bytes of output)%n",
                n, ms, ms / n, map.libvirtVersion(), models.size(), bytes);
    }
}
