package dev.virtcpu.robust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hostile and huge inputs, generated (never committed): deep nesting, huge text, many attributes,
 * undefined entity references, big host sets. Shared by the tests that bound their time and memory
 * and by {@code bench/hostile.sh}, which runs each case through the launcher and prints time and
 * peak memory.
 */
public final class HostileInputs {
    /** A host CPU every map knows; host files repeat it. */
    public static final String HOST_CPU = "<cpu><arch>x86_64</arch><model>Skylake-Client-IBRS</model><vendor>Intel</vendor></cpu>";

    private HostileInputs() {
    }

    public static String domain(String cpuContent) {
        return "<domain type='kvm'>\n  <name>vm</name>\n  <cpu mode='custom' match='exact'>" + cpuContent + "</cpu>\n</domain>\n";
    }

    /** {@code depth} nested elements named {@code name}. */
    public static String nested(String name, int depth) {
        StringBuilder sb = new StringBuilder(depth * (2 * name.length() + 5));
        for (int i = 0; i < depth; i++) sb.append('<').append(name).append('>');
        for (int i = 0; i < depth; i++) sb.append("</").append(name).append('>');
        return sb.toString();
    }

    public static String deepInModel(int depth) {
        return domain("<model>" + nested("a", depth) + "</model>");
    }

    public static String deepInFeature(int depth) {
        return domain("<model>Skylake-Client</model><feature policy='require' name='vmx'>" + nested("a", depth) + "</feature>");
    }

    public static String deepInCpu(int depth) {
        return domain(nested("a", depth));
    }

    /** {@code depth} nested {@code <cpu>} elements: the old XSD check's worst case. */
    public static String nestedCpus(int depth) {
        return "<domain type='kvm'>" + nested("cpu", depth) + "</domain>\n";
    }

    /** A {@code <model>} of {@code length} characters on one line. */
    public static String longModel(int length) {
        return domain("<model>" + "Skylake".repeat(length / 7 + 1).substring(0, length) + "</model>");
    }

    /** A {@code <feature>} whose name is {@code length} characters (did-you-mean on it). */
    public static String longFeatureName(int length) {
        return domain("<model>Skylake-Client</model><feature policy='require' name='" + "v".repeat(length) + "'/>");
    }

    /** One {@code <cpu>} start tag with {@code count} distinct attributes. */
    public static String manyAttributes(int count) {
        StringBuilder sb = new StringBuilder(count * 9 + 200);
        sb.append("<domain type='kvm'>\n  <cpu");
        for (int i = 0; i < count; i++) sb.append(' ').append(shortName(i)).append("=''");
        sb.append(">\n    <model>Skylake-Client</model>\n  </cpu>\n</domain>\n");
        return sb.toString();
    }

    /** {@code count} undefined entity references inside {@code <model>}. */
    public static String undefinedEntities(int count) {
        return domain("<model>" + "&a;".repeat(count) + "</model>");
    }

    /** A host file of {@code count} concatenated host CPUs, each with a problem (no architecture). */
    public static String hostFileWithProblems(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append("<cpu><model>Skylake-Client</model></cpu>\n");
        return sb.toString();
    }

    /** A {@code .virtcpu.json} whose one host set lists {@code entries} host files. */
    public static String configWithEntries(int entries, String hostFile) {
        StringBuilder sb = new StringBuilder("{\"hostSets\": {\"big\": [");
        for (int i = 0; i < entries; i++) sb.append(i == 0 ? "" : ",").append("{\"file\": \"").append(hostFile)
                .append("\", \"name\": \"h").append(i).append("\"}");
        return sb.append("]}, \"defaultHostSet\": \"big\"}\n").toString();
    }

    /** {@code depth} nested JSON arrays (or objects) under a key the loader reads. */
    public static String deepJson(int depth, boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return "{\"hostSets\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    /** {@code count} features with distinct names the map does not know (each a did-you-mean search). */
    static String unknownFeatures(int count) {
        StringBuilder sb = new StringBuilder("<model>Haswell</model>");
        for (int i = 0; i < count; i++) sb.append("\n    <feature policy='require' name='zq").append(shortName(i)).append("x'/>");
        return domain(sb.toString());
    }

    /** Attribute names a0.., base 62, as short as possible so a million fit under the size limit. */
    static String shortName(int i) {
        String digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder().append(digits.charAt(i % 52));
        for (i /= 52; i > 0; i /= 62) sb.append(digits.charAt(i % 62));
        return sb.toString();
    }

    /** The cases of {@code bench/hostile.sh}: name → writer of a directory to lint. */
    public static Map<String, Consumer<Path>> cases() {
        Map<String, Consumer<Path>> m = new LinkedHashMap<>();
        m.put("deep-model-20000", d -> write(d.resolve("vm.xml"), deepInModel(20_000)));
        m.put("deep-feature-20000", d -> write(d.resolve("vm.xml"), deepInFeature(20_000)));
        m.put("deep-cpu-20000", d -> write(d.resolve("vm.xml"), deepInCpu(20_000)));
        m.put("nested-cpu-100000", d -> write(d.resolve("vm.xml"), nestedCpus(100_000)));
        m.put("model-10MB-one-line", d -> write(d.resolve("vm.xml"), longModel(10_000_000)));
        m.put("attributes-1000000", d -> write(d.resolve("vm.xml"), manyAttributes(1_000_000)));
        m.put("attributes-50000", d -> write(d.resolve("vm.xml"), manyAttributes(50_000)));
        m.put("entities-2000000", d -> write(d.resolve("vm.xml"), undefinedEntities(2_000_000)));
        m.put("feature-name-1MB", d -> write(d.resolve("vm.xml"), longFeatureName(1_000_000)));
        m.put("unknown-features-50000", d -> write(d.resolve("vm.xml"), unknownFeatures(50_000)));
        m.put("host-set-20000-files", d -> {
            for (int i = 0; i < 20_000; i++) write(d.resolve("hosts/h" + i + ".xml"), HOST_CPU + "\n");
            write(d.resolve(".virtcpu.json"), "{\"hostSets\": {\"all\": [\"hosts/*.xml\"]}, \"defaultHostSet\": \"all\"}\n");
            write(d.resolve("vm.xml"), domain("<model>Skylake-Client</model>"));
        });
        m.put("host-file-20000-problems", d -> {
            write(d.resolve("hosts.xml"), hostFileWithProblems(20_000));
            write(d.resolve(".virtcpu.json"), "{\"hostSets\": {\"all\": [\"hosts.xml\"]}, \"defaultHostSet\": \"all\"}\n");
            write(d.resolve("vm.xml"), domain("<model>Skylake-Client</model>"));
        });
        m.put("config-300000-host-entries", d -> {
            write(d.resolve("h.xml"), HOST_CPU + "\n");
            write(d.resolve(".virtcpu.json"), configWithEntries(300_000, "h.xml"));
            write(d.resolve("vm.xml"), domain("<model>Skylake-Client</model>"));
        });
        m.put("config-deep-arrays-100000", d -> {
            write(d.resolve(".virtcpu.json"), deepJson(100_000, false));
            write(d.resolve("vm.xml"), domain("<model>Skylake-Client</model>"));
        });
        m.put("config-deep-objects-100000", d -> {
            write(d.resolve(".virtcpu.json"), deepJson(100_000, true));
            write(d.resolve("vm.xml"), domain("<model>Skylake-Client</model>"));
        });
        return m;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code java … HostileInputs DIR [CASE…]}: writes each case (default: all) to DIR/CASE/. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Map<String, Consumer<Path>> all = cases();
        for (Map.Entry<String, Consumer<Path>> e : all.entrySet()) {
            if (args.length > 1 && !java.util.Arrays.asList(args).subList(1, args.length).contains(e.getKey())) continue;
            e.getValue().accept(dir.resolve(e.getKey()));
            System.out.println(e.getKey());
        }
    }
}
