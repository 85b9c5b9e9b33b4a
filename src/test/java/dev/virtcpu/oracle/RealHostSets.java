package dev.virtcpu.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Host sets of real CPUs: libvirt's own host decodes of real machines
 * ({@code libvirt-cputestdata/VERSION/x86_64-cpuid-*-host.xml}), 1 to 5 per set, mostly of one vendor.
 */
final class RealHostSets {
    record Host(String name, String vendor, String xml) {
    }

    private final List<Host> hosts = new ArrayList<>();

    RealHostSets(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith("-host.xml")).sorted().toList()) {
                String xml = Files.readString(p);
                int v = xml.indexOf("<vendor>");
                String vendor = v < 0 ? null : xml.substring(v + 8, xml.indexOf("</vendor>"));
                hosts.add(new Host(p.getFileName().toString(), vendor, xml));
            }
        }
    }

    int size() {
        return hosts.size();
    }

    /** A random set: its hosts' files concatenated, as virsh accepts them. */
    List<Host> pick(Random rnd) {
        int n = 1 + rnd.nextInt(5);
        Host first = hosts.get(rnd.nextInt(hosts.size()));
        boolean oneVendor = rnd.nextInt(100) < 90;
        List<Host> out = new ArrayList<>(List.of(first));
        while (out.size() < n) {
            Host h = hosts.get(rnd.nextInt(hosts.size()));
            if (!oneVendor || java.util.Objects.equals(h.vendor(), first.vendor())) out.add(h);
        }
        return out;
    }

    static String concat(List<Host> set) {
        StringBuilder sb = new StringBuilder();
        set.forEach(h -> sb.append(h.xml()));
        return sb.toString();
    }
}
