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
 * host CPU minus the features KVM does not expose ({@code kvm-hidden-features.tsv}) plus those it gives
 * every guest ({@code kvm-added-features.tsv}), both derived from libvirt's real-CPU test data, and
 * which MSR-based features a host file cannot tell about.
 */
public final class GuestView {
    /** One row of the table: a feature, on how many of the data's CPUs KVM lacks it, of how many, and why. */
    public record Hidden(String name, int hiddenOn, int of, String why) {
    }

    /** One row of the added table: a feature, on how many of the data's CPUs KVM gives it, of how many, and why. */
    public record Added(String name, int givenOn, int of, String why) {
    }

    private static final List<Hidden> TABLE = load("kvm-hidden-features.tsv").stream()
            .map(f -> new Hidden(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3])).toList();
    private static final List<Added> ADDED = load("kvm-added-features.tsv").stream()
            .map(f -> new Added(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3])).toList();
    private static final Map<ArchMap, FeatureSet> HIDDEN = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<ArchMap, FeatureSet> GIVEN = Collections.synchronizedMap(new WeakHashMap<>());

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
        return HIDDEN.computeIfAbsent(map, m -> m.bitsOf(TABLE.stream().map(Hidden::name).toList()));
    }

    /** The added table, in file order. */
    public static List<Added> addedTable() {
        return ADDED;
    }

    /** The features KVM gives every guest that the map knows, as bits of that map. */
    public static FeatureSet added(ArchMap map) {
        return GIVEN.computeIfAbsent(map, m -> m.bitsOf(ADDED.stream().map(Added::name).toList()));
    }

    /** What QEMU/KVM gives a guest on a host whose capabilities CPU has {@code host}. */
    public static FeatureSet guestOf(ArchMap map, FeatureSet host) {
        return host.copy().removeAll(hidden(map)).addAll(added(map));
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

    /** The rows of a tab-separated table of this package (comments and blank lines skipped), four fields each. */
    private static List<String[]> load(String name) {
        String resource = "/dev/virtcpu/hosts/" + name;
        List<String[]> out = new ArrayList<>();
        try (InputStream in = GuestView.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t", 4));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
