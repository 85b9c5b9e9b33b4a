package dev.virtcpu.oracle;

import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The capabilities view against the QEMU/KVM view of libvirt's 51 real CPUs, feature by feature, with
 * models expanded by libvirt itself ({@link ModelExpansions}), not by virtcpu.
 */
public final class GuestViewTableFeatures {
    /** invtsc (the QEMU/KVM view is the migratable one) and topoext (QEMU sets it itself): see the table's header. */
    public static final Set<String> LEFT_OUT = Set.of("invtsc", "topoext");

    private GuestViewTableFeatures() {
    }

    /** Feature → {CPUs whose capabilities have it, CPUs of those where QEMU/KVM lacks it}. */
    public static Map<String, int[]> counts() {
        Map<String, int[]> counts = new TreeMap<>();
        for (RealHosts.Cpu cpu : RealHosts.all()) {
            Set<String> host = of(cpu.capabilities());
            Set<String> kvm = of(cpu.qemuView());
            for (String f : host) {
                int[] c = counts.computeIfAbsent(f, k -> new int[2]);
                c[0]++;
                if (!kvm.contains(f)) c[1]++;
            }
        }
        return counts;
    }

    /** The table's rule: missing from QEMU/KVM's view on at least 90 % of the CPUs that have it, at least 3. */
    public static Set<String> hiddenOnNearlyEveryHost() {
        Set<String> out = new TreeSet<>();
        counts().forEach((name, c) -> {
            if (c[0] >= 3 && c[1] * 10 >= c[0] * 9 && !LEFT_OUT.contains(name)) out.add(name);
        });
        return out;
    }

    /**
     * Feature → {CPUs whose QEMU/KVM view has it, CPUs of those whose capabilities lack it}: what KVM
     * gives guests whatever the host CPU says.
     */
    public static Map<String, int[]> addedCounts() {
        Map<String, int[]> counts = new TreeMap<>();
        for (RealHosts.Cpu cpu : RealHosts.all()) {
            Set<String> host = of(cpu.capabilities());
            for (String f : of(cpu.qemuView())) {
                int[] c = counts.computeIfAbsent(f, k -> new int[2]);
                c[0]++;
                if (!host.contains(f)) c[1]++;
            }
        }
        return counts;
    }

    /**
     * The added table's rule: in the QEMU/KVM view of at least 90 % of all the data's CPUs, and missing
     * from the capabilities of at least one of them.
     */
    public static Set<String> addedOnNearlyEveryHost() {
        int cpus = RealHosts.all().size();
        Set<String> out = new TreeSet<>();
        addedCounts().forEach((name, c) -> {
            if (c[1] > 0 && c[0] * 10 >= cpus * 9) out.add(name);
        });
        return out;
    }

    /** A CPU file's features: its model's, plus required and host features, minus disabled ones. */
    public static Set<String> of(Path file) {
        try {
            XmlElement cpu = XmlParser.parse(Files.readString(file, StandardCharsets.UTF_8)).rootElement();
            Set<String> out = new TreeSet<>(ModelExpansions.of(cpu.element("model").text().trim()));
            for (XmlElement f : cpu.elements("feature")) {
                String policy = f.attr("policy");
                if (policy == null || policy.equals("require") || policy.equals("force")) out.add(f.attr("name"));
                else if (policy.equals("disable") || policy.equals("forbid")) out.remove(f.attr("name"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
