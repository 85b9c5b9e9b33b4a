package dev.virtcpu.analysis.rules;

import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom guest CPU judged against every host the way libvirt's CPU comparison does: the vendor,
 * the model's features, each {@code <feature>} by policy, and match='strict'. Hosts that cannot run
 * it are collected for the summary (a host lacking a forced feature still runs it: QEMU emulates).
 */
public final class HostFit {
    /** The hosts lacking one model feature. */
    public record Lacking(Feature feature, List<HostSet.HostData> hosts) {
    }

    /** Hosts with the same extra features under match='strict'. */
    public record Extras(String names, List<HostSet.HostData> hosts) {
    }

    private final List<HostSet.HostData> vendorMismatch = new ArrayList<>();
    private final List<Lacking> modelFeatures = new ArrayList<>();
    private final Map<CpuContext.GuestFeature, List<HostSet.HostData>> explicit = new LinkedHashMap<>();
    private final List<Extras> strictExtras = new ArrayList<>();
    private final Set<HostSet.HostData> failing = new LinkedHashSet<>();

    private HostFit() {
    }

    static HostFit of(CpuContext c) {
        HostFit fit = new HostFit();
        if (!c.hostChecksApply() || !c.isCustom()) return fit;
        List<HostSet.HostData> hosts = c.hosts();
        String vendor = c.knownVendor();
        if (vendor != null) {
            for (HostSet.HostData h : hosts) {
                if (!vendor.equals(h.vendor())) fit.vendorMismatch.add(h);
            }
            fit.failing.addAll(fit.vendorMismatch);
        }
        Model model = c.model();
        if (model != null) {
            FeatureSet data = model.data();
            for (int i = data.nextSet(0); i >= 0; i = data.nextSet(i + 1)) {
                if (c.listsExplicitly(i)) continue;
                List<HostSet.HostData> lacking = lacking(hosts, i);
                if (lacking.isEmpty()) continue;
                fit.modelFeatures.add(new Lacking(c.map().feature(i), lacking));
                fit.failing.addAll(lacking);
            }
        }
        for (CpuContext.GuestFeature f : c.features()) {
            List<HostSet.HostData> against = switch (f.policy()) {
                case "require", "force" -> lacking(hosts, f.feature().index());
                case "forbid" -> having(hosts, f.feature().index());
                default -> List.of();
            };
            fit.explicit.put(f, against);
            if (!f.policy().equals("force")) fit.failing.addAll(against);
        }
        if (c.isStrict() && model != null && !c.hasUnknownFeature()) fit.strict(c, model, hosts);
        return fit;
    }

    private void strict(CpuContext c, Model model, List<HostSet.HostData> hosts) {
        FeatureSet described = model.data().copy();
        for (CpuContext.GuestFeature f : c.features()) described.add(f.feature().index());
        Map<String, List<HostSet.HostData>> byExtras = new LinkedHashMap<>();
        for (HostSet.HostData h : hosts) {
            FeatureSet extra = h.data().copy().removeAll(described);
            if (extra.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            for (int i = extra.nextSet(0); i >= 0; i = extra.nextSet(i + 1)) names.add(c.map().feature(i).name());
            byExtras.computeIfAbsent(String.join(", ", names), k -> new ArrayList<>()).add(h);
        }
        for (Map.Entry<String, List<HostSet.HostData>> e : byExtras.entrySet()) {
            strictExtras.add(new Extras(e.getKey(), e.getValue()));
            failing.addAll(e.getValue());
        }
    }

    private static List<HostSet.HostData> lacking(List<HostSet.HostData> hosts, int feature) {
        List<HostSet.HostData> out = new ArrayList<>();
        for (HostSet.HostData h : hosts) {
            if (!h.has(feature)) out.add(h);
        }
        return out;
    }

    private static List<HostSet.HostData> having(List<HostSet.HostData> hosts, int feature) {
        List<HostSet.HostData> out = new ArrayList<>();
        for (HostSet.HostData h : hosts) {
            if (h.has(feature)) out.add(h);
        }
        return out;
    }

    /** Hosts whose vendor differs from the required {@code <vendor>}. */
    public List<HostSet.HostData> vendorMismatch() { return vendorMismatch; }

    /** Model features some hosts lack (features listed explicitly are judged by their policy instead). */
    public List<Lacking> modelFeatures() { return modelFeatures; }

    /** For a listed feature: the hosts lacking it (require, force) or having it (forbid). */
    public List<HostSet.HostData> against(CpuContext.GuestFeature f) {
        List<HostSet.HostData> hosts = explicit.get(f);
        return hosts == null ? List.of() : hosts;
    }

    public List<Extras> strictExtras() { return strictExtras; }

    /** The hosts that cannot run the CPU. */
    public Set<HostSet.HostData> failing() { return failing; }
}
