package dev.virtcpu.hosts;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Register;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What QEMU/KVM can give a guest on a host whose file describes the silicon (virsh capabilities): the
 * host CPU minus the features KVM does not expose ({@code kvm-hidden-features.tsv}, derived from
 * libvirt's real-CPU test data), and which MSR-based features a host file cannot tell about.
 */
public final class GuestView {
    /** One row of the table: a feature, on how many of the data's CPUs KVM lacks it, of how many, and why. */
    public record Hidden(String name, int hiddenOn, int of, String why) {
    }

    private static final String RESOURCE = "/dev/virtcpu/hosts/kvm-hidden-features.tsv";
    private static final List<Hidden> TABLE = load();
    private static final Map<ArchMap, FeatureSet> HIDDEN = Collections.synchronizedMap(new WeakHashMap<>());

    private GuestView() {
    }

    /** The table, in file order. */
    public static List<Hidden> table() {
        return TABLE;
    }

    /** The table's entry for a feature, or null. */
    public static Hidden hidden(String feature) {
        for (Hidden h : TABLE) {
            if (h.name().equals(feature)) return h;
        }
        return null;
    }

    /** The features of the table that the map knows, as bits of that map. */
    public static FeatureSet hidden(ArchMap map) {
        return HIDDEN.computeIfAbsent(map, m -> {
            FeatureSet s = new FeatureSet();
            for (Hidden h : TABLE) {
                Feature f = m.feature(h.name());
                if (f != null) s.add(f.index());
            }
            return s;
        });
    }

    /**
     * libvirt's hypervisor baseline inputs for QEMU/KVM without a running QEMU: every model of the map,
     * and every feature except those KVM does not give guests.
     */
    public static dev.virtcpu.cpu.Baseline.Hypervisor hypervisor(ArchMap map) {
        FeatureSet features = new FeatureSet();
        for (Feature f : map.features()) features.add(f.index());
        return new dev.virtcpu.cpu.Baseline.Hypervisor(null, features.removeAll(hidden(map)));
    }

    /**
     * The MSR-based features a host description says nothing about: every feature of an MSR of which
     * the host lists no feature at all (libvirt could not read it, or an older libvirt did not ask).
     * Such features are unknown for the host, not missing.
     */
    public static FeatureSet unknownMsrFeatures(ArchMap map, FeatureSet host) {
        Set<Long> reported = new LinkedHashSet<>();
        for (int i = host.nextSet(0); i >= 0; i = host.nextSet(i + 1)) {
            Register r = map.feature(i).register();
            if (r != null && r.kind() == Register.Kind.MSR) reported.add(r.leaf());
        }
        FeatureSet unknown = new FeatureSet();
        for (Feature f : map.features()) {
            Register r = f.register();
            if (r != null && r.kind() == Register.Kind.MSR && !reported.contains(r.leaf())) unknown.add(f.index());
        }
        return unknown;
    }

    private static List<Hidden> load() {
        List<Hidden> out = new ArrayList<>();
        try (InputStream in = GuestView.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 4);
                out.add(new Hidden(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
