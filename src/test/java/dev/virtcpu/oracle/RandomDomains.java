package dev.virtcpu.oracle;

import dev.virtcpu.hosts.GuestView;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random domain definitions around a random {@code <cpu>} of one vendor: models old and new (optionally
 * versioned ones), features the model has and lacks, features KVM hides, migration blockers and
 * MSR-based features, every policy, topology, cache, numa, maxphysaddr and comments inside, and
 * different indentation, quotes and line endings.
 */
public final class RandomDomains {
    /** A domain: text before {@code <cpu}, the element, and the text after it. */
    public record Domain(String before, String cpu, String after) {
        public String text() { return before + cpu + after; }
    }

    private static final String[] POLICIES = {"require", "require", "require", "force", "disable", "forbid", "optional"};
    private final ArchMap map;
    private final Random random;
    private final boolean versioned;

    /** @param versioned also versioned ({@code -vN}) models */
    public RandomDomains(ArchMap map, Random random, boolean versioned) {
        this.map = map;
        this.random = random;
        this.versioned = versioned;
    }

    public Domain next(String vendor) {
        String nl = random.nextInt(4) == 0 ? "\r\n" : "\n";
        String unit = random.nextInt(3) == 0 ? "\t" : "  ";
        char q = random.nextBoolean() ? '\'' : '"';
        String before = "<domain type=" + q + "kvm" + q + ">" + nl + unit + "<name>vm</name>" + nl
                + (random.nextInt(3) == 0 ? unit + "<!-- keep -->" + nl : "") + unit;
        String after = nl + unit + "<devices/>" + nl + "</domain>" + nl;
        return new Domain(before, cpu(vendor, nl, unit, q), after);
    }

    private String cpu(String vendor, String nl, String unit, char q) {
        String in = unit + unit;
        StringBuilder sb = new StringBuilder("<cpu");
        int mode = random.nextInt(10);
        String modeName = mode == 0 ? "host-passthrough" : mode == 1 ? "host-model" : "custom";
        if (mode > 2 || random.nextBoolean()) sb.append(" mode=").append(q).append(modeName).append(q);
        if (modeName.equals("custom") && random.nextInt(3) > 0) sb.append(" match=").append(q).append(pick("exact", "exact", "minimum", "strict")).append(q);
        if (random.nextBoolean()) sb.append(" check=").append(q).append(pick("partial", "none", "full")).append(q);
        sb.append('>').append(nl);
        if (random.nextInt(4) == 0) sb.append(in).append("<!-- chosen by hand -->").append(nl);
        Model model = model(vendor);
        if (modeName.equals("custom")) {
            sb.append(in).append("<model");
            if (random.nextBoolean()) sb.append(" fallback=").append(q).append(pick("allow", "forbid")).append(q);
            sb.append('>').append(model.name()).append("</model>").append(nl);
            if (random.nextBoolean() && model.vendor() != null) sb.append(in).append("<vendor>").append(model.vendor().name()).append("</vendor>").append(nl);
        }
        if (random.nextBoolean()) sb.append(in).append("<topology sockets=" + q + "1" + q + " dies=" + q + "1" + q + " cores=" + q + "2" + q + " threads=" + q + "2" + q + "/>").append(nl);
        if (random.nextInt(4) == 0) sb.append(in).append("<cache level=" + q + "3" + q + " mode=" + q + "emulate" + q + "/>").append(nl);
        if (random.nextInt(4) == 0) sb.append(in).append("<maxphysaddr mode=" + q + "emulate" + q + " bits=" + q + "42" + q + "/>").append(nl);
        if (modeName.equals("custom")) features(sb, model, in, nl, q);
        if (random.nextInt(4) == 0) sb.append(in).append("<numa>").append(nl).append(in).append(unit).append("<cell id=" + q + "0" + q
                + " cpus=" + q + "0-3" + q + " memory=" + q + "4" + q + " unit=" + q + "GiB" + q + "/>").append(nl).append(in).append("</numa>").append(nl);
        if (random.nextInt(5) == 0) sb.append(in).append("<!-- end -->").append(nl);
        return sb.append(unit).append("</cpu>").toString();
    }

    private void features(StringBuilder sb, Model model, String in, String nl, char q) {
        List<String> used = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = feature(model);
            if (used.contains(name)) continue;
            used.add(name);
            sb.append(in).append("<feature policy=").append(q).append(POLICIES[random.nextInt(POLICIES.length)]).append(q)
                    .append(" name=").append(q).append(name).append(q).append("/>").append(nl);
        }
    }

    /** A model of the vendor (or a generic one now and then). */
    private Model model(String vendor) {
        List<Model> candidates = new ArrayList<>();
        for (Model m : map.models()) {
            if (!versioned && m.name().matches(".*-v[0-9]+")) continue;
            boolean generic = m.vendor() == null;
            if (generic ? random.nextInt(8) == 0 : m.vendor().name().equals(vendor)) candidates.add(m);
        }
        if (candidates.isEmpty()) return map.model("qemu64");
        // Newer models are later in the map: lean towards the last half.
        int from = random.nextBoolean() ? candidates.size() / 2 : 0;
        return candidates.get(from + random.nextInt(candidates.size() - from));
    }

    private String feature(Model model) {
        return switch (random.nextInt(6)) {
            case 0 -> map.feature(pickSet(model)).name();
            case 1 -> GuestView.table().get(random.nextInt(GuestView.table().size())).name();
            case 2 -> pick("invtsc", "xsaves", "vmx", "svm", "pku", "avx512vnni", "hle", "rtm");
            default -> {
                Feature f = map.features().get(random.nextInt(map.features().size()));
                yield f.name();
            }
        };
    }

    private int pickSet(Model model) {
        List<Integer> own = new ArrayList<>();
        for (int i = model.data().nextSet(0); i >= 0; i = model.data().nextSet(i + 1)) own.add(i);
        return own.isEmpty() ? 0 : own.get(random.nextInt(own.size()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
