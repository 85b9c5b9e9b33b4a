package dev.virtcpu.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * virtcpu's compact, line-oriented form of a CPU map (one tab-separated record per vendor, feature
 * and model, in load order). It loads in a few milliseconds, where parsing libvirt's ~200 XML files
 * takes tens.
 *
 * <pre>
 * virtcpu-cpu-map	1
 * libvirt	12.8.0
 * arch	x86
 * vendor	NAME	STRING|-	VALUE|-
 * feature	NAME	cpuid:LEAF:SUBLEAF:REG:BIT | msr:INDEX:REG:BIT | -	migratable(1|0)	ALIAS,...
 * model	NAME	VENDOR|-	hg(decode host/guest, 0|1)	compat(0|1)	ANCESTOR|-	ALIAS-OF|-	SIGS	DATA	REMOVED	ADDED
 * </pre>
 * SIGS is {@code family:model[:steppingmask]} joined by commas; DATA is the feature bitmap as hex
 * words; REMOVED and ADDED are feature indexes joined by commas ({@code -} when empty).
 */
public final class CompactMapFormat {
    private static final String MAGIC = "virtcpu-cpu-map";

    private CompactMapFormat() {
    }

    public static String write(CpuMap map) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append(MAGIC).append("\t1\n");
        sb.append("libvirt\t").append(map.libvirtVersion() == null ? "-" : map.libvirtVersion()).append('\n');
        for (ArchMap arch : map.arches().values()) {
            sb.append("arch\t").append(arch.name()).append('\n');
            for (Vendor v : arch.vendors()) {
                sb.append("vendor\t").append(v.name()).append('\t').append(dash(v.string())).append('\t')
                        .append(dash(v.value())).append('\n');
            }
            for (Feature f : arch.features()) {
                sb.append("feature\t").append(f.name()).append('\t');
                Register r = f.register();
                if (r == null) sb.append('-');
                else if (r.kind() == Register.Kind.CPUID) {
                    sb.append("cpuid:").append(Long.toHexString(r.leaf())).append(':').append(Long.toHexString(r.subleaf()))
                            .append(':').append(r.register()).append(':').append(f.bit());
                } else {
                    sb.append("msr:").append(Long.toHexString(r.leaf())).append(':').append(r.register()).append(':').append(f.bit());
                }
                sb.append('\t').append(f.migratable() ? '1' : '0').append('\t')
                        .append(f.aliases().isEmpty() ? "-" : String.join(",", f.aliases())).append('\n');
            }
            for (Model m : arch.models()) {
                sb.append("model\t").append(m.name()).append('\t')
                        .append(m.vendor() == null ? "-" : m.vendor().name()).append('\t')
                        .append(m.decodeHost() ? '1' : '0').append(m.decodeGuest() ? '1' : '0').append('\t')
                        .append(m.compatCheck() ? '1' : '0').append('\t')
                        .append(dash(m.ancestor())).append('\t')
                        .append(dash(m.aliasOf())).append('\t');
                List<String> sigs = new ArrayList<>();
                for (Signature s : m.signatures()) {
                    sigs.add(s.family() + ":" + s.model() + (s.steppings() < 0 ? "" : ":" + Integer.toHexString(s.steppings())));
                }
                sb.append(sigs.isEmpty() ? "-" : String.join(",", sigs)).append('\t')
                        .append(bitmap(m.data())).append('\t')
                        .append(indexes(m.removed())).append('\t')
                        .append(indexes(m.added())).append('\n');
            }
        }
        return sb.toString();
    }

    public static CpuMap read(String text, String source) throws MapLoadException {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].startsWith(MAGIC + "\t")) throw new MapLoadException(source + ": not a virtcpu CPU map");
        String version = field(lines[1], 1);
        Map<String, ArchMap> arches = new LinkedHashMap<>();
        String arch = null;
        List<Vendor> vendors = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        Map<String, Vendor> vendorsByName = new HashMap<>();
        Map<String, Model> modelsByName = new HashMap<>();
        try {
            for (int i = 2; i <= lines.length; i++) {
                String line = i < lines.length ? lines[i] : "arch\t";
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "arch" -> {
                        if (arch != null) arches.put(arch, new ArchMap(arch, vendors, features, models));
                        arch = f[1];
                        vendors = new ArrayList<>();
                        features = new ArrayList<>();
                        models = new ArrayList<>();
                        vendorsByName = new HashMap<>();
                        modelsByName = new HashMap<>();
                    }
                    case "vendor" -> {
                        Vendor v = new Vendor(f[1], undash(f[2]), undash(f[3]));
                        vendors.add(v);
                        vendorsByName.put(v.name(), v);
                    }
                    case "feature" -> features.add(feature(f, features.size()));
                    case "model" -> {
                        Model m = model(f, models.size(), vendorsByName, features);
                        String aliasOf = undash(f[6]);
                        if (aliasOf != null) m.linkAlias(modelsByName.get(aliasOf));
                        models.add(m);
                        modelsByName.put(m.name(), m);
                    }
                    default -> throw new MapLoadException(source + ":" + (i + 1) + ": unknown record " + f[0]);
                }
            }
        } catch (RuntimeException e) {
            throw new MapLoadException(source + ": corrupt CPU map (" + e + ")");
        }
        return new CpuMap("-".equals(version) ? null : version, source, arches);
    }

    private static Feature feature(String[] f, int index) {
        Register reg = null;
        int bit = -1;
        if (!f[2].equals("-")) {
            String[] p = f[2].split(":");
            if (p[0].equals("cpuid")) {
                reg = Register.cpuid(Long.parseLong(p[1], 16), Long.parseLong(p[2], 16), p[3]);
                bit = Integer.parseInt(p[4]);
            } else {
                reg = Register.msr(Long.parseLong(p[1], 16), p[2]);
                bit = Integer.parseInt(p[3]);
            }
        }
        List<String> aliases = f[4].equals("-") ? List.of() : List.of(f[4].split(","));
        return new Feature(f[1], index, reg, bit, f[3].equals("1"), aliases);
    }

    private static Model model(String[] f, int index, Map<String, Vendor> vendors, List<Feature> features) {
        List<Signature> sigs = new ArrayList<>();
        if (!f[7].equals("-")) {
            for (String s : f[7].split(",")) {
                String[] p = s.split(":");
                sigs.add(new Signature(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                        p.length > 2 ? Integer.parseInt(p[2], 16) : -1));
            }
        }
        return new Model(f[1], index, f[2].equals("-") ? null : vendors.get(f[2]), sigs, parseBitmap(f[8]),
                featureList(f[9], features), featureList(f[10], features), f[3].charAt(0) == '1',
                f[3].charAt(1) == '1', f[4].equals("1"), undash(f[5]));
    }

    private static List<Feature> featureList(String text, List<Feature> features) {
        if (text.equals("-")) return List.of();
        List<Feature> out = new ArrayList<>();
        for (String s : text.split(",")) out.add(features.get(Integer.parseInt(s)));
        return out;
    }

    private static String bitmap(FeatureSet set) {
        StringBuilder sb = new StringBuilder();
        int last = -1;
        for (int i = set.nextSet(0); i >= 0; i = set.nextSet(i + 1)) last = i;
        if (last < 0) return "-";
        for (int w = 0; w <= last >>> 6; w++) {
            long word = 0;
            for (int b = 0; b < 64; b++) {
                if (set.contains(w * 64 + b)) word |= 1L << b;
            }
            if (w > 0) sb.append('.');
            sb.append(Long.toHexString(word));
        }
        return sb.toString();
    }

    private static FeatureSet parseBitmap(String text) {
        FeatureSet set = new FeatureSet();
        if (text.equals("-")) return set;
        String[] words = text.split("\\.");
        for (int w = 0; w < words.length; w++) {
            long word = Long.parseUnsignedLong(words[w], 16);
            for (int b = 0; b < 64; b++) {
                if ((word & (1L << b)) != 0) set.add(w * 64 + b);
            }
        }
        return set;
    }

    private static String indexes(List<Feature> features) {
        if (features.isEmpty()) return "-";
        StringBuilder sb = new StringBuilder();
        for (Feature f : features) {
            if (sb.length() > 0) sb.append(',');
            sb.append(f.index());
        }
        return sb.toString();
    }

    private static String field(String line, int i) {
        String[] f = line.split("\t", -1);
        return f.length > i ? f[i] : "-";
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String undash(String s) {
        return s.equals("-") ? null : s;
    }
}
