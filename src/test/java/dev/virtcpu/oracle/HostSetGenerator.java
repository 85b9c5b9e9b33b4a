package dev.virtcpu.oracle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.virtcpu.oracle.CpuMapIndex.Model;

/**
 * Generates random {@code cpu-baseline} inputs (host sets) from a parsed cpu_map.
 *
 * <p>Every case is derived from {@code (seed, index)} alone, so a single case can be regenerated
 * without the others. Cases mix single-vendor host sets (Intel, AMD, Hygon, Zhaoxin when the map
 * has it), vendor-less generic models, mixed vendors (which make libvirt report vendor errors),
 * bare {@code <cpu>} elements, full capabilities documents and domain documents concatenated in
 * one file, and a few deliberate errors (unknown feature/model/vendor, alias spelling, duplicate
 * feature, missing arch/model, no {@code <cpu>} at all).
 */
public final class HostSetGenerator {

    /** One generated input file. */
    public record Case(int index, String kind, boolean expandFeatures, int hosts, String xml) {
        public String fileName() {
            return String.format("case-%04d.xml", index);
        }
    }

    /** One host CPU before rendering. */
    private static final class Host {
        String arch = "x86_64";
        String model;
        String vendor;
        final List<String> features = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        boolean extras;
        String format = "cpu"; // cpu | caps | domain
    }

    private static final String[] POLICIES = {"require", "disable", "forbid", "optional", "force"};

    private final CpuMapIndex map;
    private final List<String> features;
    private final List<String> aliases;

    public HostSetGenerator(CpuMapIndex map) {
        this.map = map;
        this.features = map.features();
        this.aliases = map.featureAliases();
    }

    public static long caseSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public Case generate(long seed, int index) {
        Random rnd = new Random(caseSeed(seed, index));
        boolean expand = rnd.nextInt(100) < 30;
        int roll = rnd.nextInt(100);
        List<Host> hosts;
        String kind;
        boolean hasHygon = !map.modelsOfVendor("Hygon").isEmpty();
        boolean hasZhaoxin = !map.modelsOfVendor("Zhaoxin CentaurHauls").isEmpty();
        if (roll < 36) {
            kind = "intel";
            hosts = sameVendor(rnd, "Intel");
        } else if (roll < 58) {
            kind = "amd";
            hosts = sameVendor(rnd, "AMD");
        } else if (roll < 64 && hasHygon) {
            kind = "hygon";
            hosts = sameVendor(rnd, "Hygon");
        } else if (roll < 67 && hasZhaoxin) {
            kind = "zhaoxin";
            hosts = sameVendor(rnd, "Zhaoxin CentaurHauls");
        } else if (roll < 80) {
            kind = "generic";
            hosts = generic(rnd);
        } else if (roll < 93) {
            kind = "mixed";
            hosts = mixed(rnd);
        } else {
            hosts = sameVendor(rnd, rnd.nextBoolean() ? "Intel" : "AMD");
            kind = "error-" + injectError(rnd, hosts);
        }
        String xml = "error-no-cpu".equals(kind) ? noCpu(rnd) : render(rnd, hosts);
        return new Case(index, kind, expand, hosts.size(), xml);
    }

    // ---------------------------------------------------------------- host sets

    private int hostCount(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 20) {
            return 1;
        } else if (r < 70) {
            return 2 + rnd.nextInt(4);
        } else if (r < 90) {
            return 6 + rnd.nextInt(10);
        }
        return 16 + rnd.nextInt(10); // up to 25
    }

    /** Models of one vendor, mostly host-decodable ones, clustered around one position in the map. */
    private List<Model> pickModels(Random rnd, List<Model> candidates, int n) {
        List<Model> pool = candidates;
        if (rnd.nextInt(100) < 85) {
            List<Model> hostModels = candidates.stream().filter(Model::decodeHost).toList();
            if (!hostModels.isEmpty()) {
                pool = hostModels;
            }
        }
        List<Model> out = new ArrayList<>();
        boolean clustered = rnd.nextInt(100) < 80;
        int center = rnd.nextInt(pool.size());
        int width = rnd.nextInt(7);
        for (int i = 0; i < n; i++) {
            int idx;
            if (clustered) {
                idx = center - width + rnd.nextInt(2 * width + 1);
                idx = Math.max(0, Math.min(pool.size() - 1, idx));
            } else {
                idx = rnd.nextInt(pool.size());
            }
            out.add(pool.get(idx));
        }
        return out;
    }

    private List<Host> sameVendor(Random rnd, String vendor) {
        List<Model> models = map.modelsOfVendor(vendor);
        int n = hostCount(rnd);
        int omitVendorPct = rnd.nextInt(100) < 15 ? 30 : 0;
        List<Host> hosts = new ArrayList<>();
        for (Model m : pickModels(rnd, models, n)) {
            Host h = new Host();
            h.model = m.name();
            h.vendor = rnd.nextInt(100) < omitVendorPct ? null : vendor;
            hosts.add(h);
        }
        addFeatures(rnd, hosts);
        return hosts;
    }

    private List<Host> generic(Random rnd) {
        List<Model> models = map.modelsOfVendor(null);
        int n = hostCount(rnd);
        int mode = rnd.nextInt(100); // <50: no vendors, <80: one vendor, else random per host
        String caseVendor = rnd.nextBoolean() ? "Intel" : "AMD";
        List<Host> hosts = new ArrayList<>();
        for (Model m : pickModels(rnd, models, n)) {
            Host h = new Host();
            h.model = m.name();
            if (mode < 50) {
                h.vendor = null;
            } else if (mode < 80) {
                h.vendor = caseVendor;
            } else {
                h.vendor = rnd.nextBoolean() ? null : (rnd.nextBoolean() ? "Intel" : "AMD");
            }
            hosts.add(h);
        }
        addFeatures(rnd, hosts);
        return hosts;
    }

    /** Hosts of different vendors, and models whose vendor differs from the given vendor. */
    private List<Host> mixed(Random rnd) {
        int n = Math.max(2, hostCount(rnd));
        List<Model> all = map.models();
        List<Host> hosts = new ArrayList<>();
        for (Model m : pickModels(rnd, all, n)) {
            Host h = new Host();
            h.model = m.name();
            int r = rnd.nextInt(100);
            if (r < 60 || m.vendor() == null) {
                h.vendor = m.vendor() != null ? m.vendor() : pick(rnd, map.vendors());
            } else if (r < 85) {
                h.vendor = pick(rnd, map.vendors());
            } else {
                h.vendor = null;
            }
            hosts.add(h);
        }
        // Make sure at least two vendors really are involved.
        List<Model> intel = map.modelsOfVendor("Intel");
        List<Model> amd = map.modelsOfVendor("AMD");
        Host a = hosts.get(rnd.nextInt(hosts.size()));
        a.model = pick(rnd, intel).name();
        a.vendor = "Intel";
        Host b = hosts.get(rnd.nextInt(hosts.size()));
        if (b != a) {
            b.model = pick(rnd, amd).name();
            b.vendor = "AMD";
        }
        addFeatures(rnd, hosts);
        return hosts;
    }

    /**
     * Features: a case-wide pool that most hosts share (so something survives the intersection)
     * plus a few host-specific ones; occasionally with (ignored) policies.
     */
    private void addFeatures(Random rnd, List<Host> hosts) {
        List<String> pool = new ArrayList<>();
        int poolSize = rnd.nextInt(100) < 15 ? 0 : rnd.nextInt(9);
        for (int i = 0; i < poolSize; i++) {
            pool.add(pick(rnd, features));
        }
        int sharePct = 60 + rnd.nextInt(41);
        boolean policies = rnd.nextInt(100) < 10;
        boolean extras = rnd.nextInt(100) < 50;
        for (Host h : hosts) {
            Set<String> fs = new LinkedHashSet<>();
            for (String f : pool) {
                if (rnd.nextInt(100) < sharePct) {
                    fs.add(f);
                }
            }
            int own = rnd.nextInt(100) < 40 ? 0 : rnd.nextInt(5);
            for (int i = 0; i < own; i++) {
                fs.add(pick(rnd, features));
            }
            List<String> list = new ArrayList<>(fs);
            java.util.Collections.shuffle(list, rnd);
            for (String f : list) {
                h.features.add(f);
                h.policies.add(policies && rnd.nextInt(100) < 30 ? pick(rnd, POLICIES) : null);
            }
            h.extras = extras && rnd.nextInt(100) < 80;
        }
    }

    private String injectError(Random rnd, List<Host> hosts) {
        Host h = hosts.get(rnd.nextInt(hosts.size()));
        switch (rnd.nextInt(8)) {
            case 0 -> {
                addFeature(rnd, h, "virtcpu-bogus" + rnd.nextInt(100));
                return "unknown-feature";
            }
            case 1 -> {
                if (aliases.isEmpty()) {
                    addFeature(rnd, h, "sse3");
                } else {
                    addFeature(rnd, h, pick(rnd, aliases));
                }
                return "alias-feature";
            }
            case 2 -> {
                h.model = pick(rnd, new String[] {"Foo-Lake", "Haswell-v99", "EPYC-Future", "POWER9", "cortex-a53"});
                return "unknown-model";
            }
            case 3 -> {
                if (h.features.isEmpty()) {
                    addFeature(rnd, h, pick(rnd, features));
                }
                addFeature(rnd, h, h.features.get(rnd.nextInt(h.features.size())));
                return "duplicate-feature";
            }
            case 4 -> {
                h.vendor = pick(rnd, new String[] {"Acme", "intel", "GenuineIntel"});
                return "unknown-vendor";
            }
            case 5 -> {
                h.arch = null;
                return "missing-arch";
            }
            case 6 -> {
                h.model = null;
                return "missing-model";
            }
            default -> {
                return "no-cpu";
            }
        }
    }

    private static void addFeature(Random rnd, Host h, String name) {
        int at = rnd.nextInt(h.features.size() + 1);
        h.features.add(at, name);
        h.policies.add(at, null);
    }

    // ---------------------------------------------------------------- rendering

    private String render(Random rnd, List<Host> hosts) {
        int style = rnd.nextInt(100); // <50 bare cpus, <80 capabilities, else mixed
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(100) < 10) {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        String indent = rnd.nextInt(100) < 80 ? "" : "    ";
        for (Host h : hosts) {
            if (style < 50) {
                h.format = "cpu";
            } else if (style < 80) {
                h.format = "caps";
            } else {
                int r = rnd.nextInt(10);
                h.format = r < 5 ? "cpu" : r < 9 ? "caps" : "domain";
            }
            switch (h.format) {
                case "caps" -> renderCaps(rnd, sb, h);
                case "domain" -> renderDomain(rnd, sb, h);
                default -> renderCpu(rnd, sb, h, indent);
            }
        }
        return sb.toString();
    }

    private void renderCpu(Random rnd, StringBuilder sb, Host h, String in) {
        sb.append(in).append("<cpu>\n");
        if (h.arch != null) {
            sb.append(in).append("  <arch>").append(h.arch).append("</arch>\n");
        }
        if (h.model != null) {
            sb.append(in).append("  <model>").append(h.model).append("</model>\n");
        }
        if (h.vendor != null) {
            sb.append(in).append("  <vendor>").append(h.vendor).append("</vendor>\n");
        }
        if (h.extras) {
            sb.append(in).append("  <microcode version='").append(rnd.nextInt(1000)).append("'/>\n");
            sb.append(in).append("  <signature family='").append(6 + rnd.nextInt(20)).append("' model='")
                    .append(rnd.nextInt(200)).append("' stepping='").append(rnd.nextInt(16)).append("'/>\n");
            if (rnd.nextBoolean()) {
                sb.append(in).append("  <counter name='tsc' frequency='").append(1_000_000_000L + rnd.nextInt(2_000_000_000))
                        .append("' scaling='no'/>\n");
            }
            int cores = 1 << rnd.nextInt(6);
            sb.append(in).append("  <topology sockets='1' dies='1' cores='").append(cores).append("' threads='")
                    .append(1 + rnd.nextInt(2)).append("'/>\n");
            if (rnd.nextBoolean()) {
                sb.append(in).append("  <maxphysaddr mode='emulate' bits='").append(36 + rnd.nextInt(17)).append("'/>\n");
            }
        }
        for (int i = 0; i < h.features.size(); i++) {
            String p = h.policies.get(i);
            sb.append(in).append("  <feature ");
            if (p != null) {
                sb.append("policy='").append(p).append("' ");
            }
            sb.append("name='").append(h.features.get(i)).append("'/>\n");
        }
        if (h.extras) {
            sb.append(in).append("  <pages unit='KiB' size='4'/>\n");
            sb.append(in).append("  <pages unit='KiB' size='2048'/>\n");
        }
        sb.append(in).append("</cpu>\n");
    }

    private void renderCaps(Random rnd, StringBuilder sb, Host h) {
        sb.append("<capabilities>\n\n  <host>\n");
        sb.append("    <uuid>").append(uuid(rnd)).append("</uuid>\n");
        renderCpu(rnd, sb, h, "    ");
        sb.append("    <power_management>\n      <suspend_mem/>\n    </power_management>\n");
        sb.append("    <iommu support='no'/>\n");
        sb.append("    <migration_features>\n      <live/>\n    </migration_features>\n");
        sb.append("  </host>\n\n");
        if (rnd.nextBoolean()) {
            sb.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='x86_64'>\n")
                    .append("      <wordsize>64</wordsize>\n    </arch>\n  </guest>\n\n");
        }
        sb.append("</capabilities>\n");
    }

    private void renderDomain(Random rnd, StringBuilder sb, Host h) {
        sb.append("<domain type='kvm'>\n  <name>vm").append(rnd.nextInt(1000)).append("</name>\n");
        sb.append("  <memory unit='KiB'>1048576</memory>\n  <vcpu>2</vcpu>\n");
        renderCpu(rnd, sb, h, "  ");
        sb.append("</domain>\n");
    }

    private static String noCpu(Random rnd) {
        return rnd.nextBoolean() ? "<domain/>\n" : "<cpus>\n  <cpu>\n    <arch>x86_64</arch>\n    <model>Haswell</model>\n  </cpu>\n</cpus>\n";
    }

    private static String uuid(Random rnd) {
        return new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static <T> T pick(Random rnd, T[] array) {
        return array[rnd.nextInt(array.length)];
    }
}
