package dev.virtcpu.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * libvirt 12.8.0's own expansion of every x86 model (src/test/resources/model-expansions/, written by
 * its generate.sh with the chroot's virsh), so tests can judge virtcpu's output with features libvirt
 * computed, not virtcpu.
 */
public final class ModelExpansions {
    public static final String FILE = "src/test/resources/model-expansions/libvirt-12.8.0.tsv";
    private static Map<String, Set<String>> expansions;

    private ModelExpansions() {
    }

    /** Model name → its features (as libvirt 12.8.0 expands it). */
    public static synchronized Map<String, Set<String>> all() {
        if (expansions == null) {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(Path.of(System.getProperty("virtcpu.projectDir", System.getProperty("user.dir"))).resolve(FILE), StandardCharsets.UTF_8)) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    String[] f = line.split("\t", -1);
                    out.put(f[0], new TreeSet<>(f[1].isEmpty() ? List.of() : List.of(f[1].split(" "))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expansions = out;
        }
        return expansions;
    }

    /** The features of a model; fails for a model libvirt 12.8.0 does not have. */
    public static Set<String> of(String model) {
        Set<String> s = all().get(model);
        if (s == null) throw new AssertionError("libvirt 12.8.0 has no model " + model + " (" + FILE + ")");
        return s;
    }

    /** Where the generator lives (tests print it when the file is stale). */
    public static Path generator() {
        return Path.of("src/test/resources/model-expansions/generate.sh");
    }
}
