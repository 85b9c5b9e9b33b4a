package dev.virtcpu.analysis.rules;

import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.ModelUsability;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom guest CPU judged against every host the way libvirt checks it before start (spec §4d):
 * the vendor, the model's features, each {@code <feature>} by policy, and match='strict'. Features are
 * judged against what QEMU/KVM gives a guest on each host; MSR features a host file says nothing about
 * are unknown, not missing. A model without {@code <check partial='compat'/>} on a host whose
 * domcapabilities list QEMU's verdict is judged by that verdict and its blockers, as libvirt does.
 * Hosts that cannot run the CPU are collected for the summary (a forced feature is passed anyway).
 */
public final class HostFit {
    /** Hosts lacking the same model features. */
    public record Group(FeatureSet features, List<HostSet.HostData> hosts) {
    }

    /** Hosts with the same extra features under match='strict'. */
    public record Extras(String names, List<HostSet.HostData> hosts) {
    }

    private final List<HostSet.HostData> vendorMismatch = new ArrayList<>();
    private final List<Group> modelGroups = new ArrayList<>();
    private final Map<CpuContext.GuestFeature, List<HostSet.HostData>> explicit = new LinkedHashMap<>();
    private final List<Extras> strictExtras = new ArrayList<>();
    private final Set<HostSet.HostData> failing = new LinkedHashSet<>();
    private final FeatureSet modelLacking = new FeatureSet();

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
        if (c.model() != null) fit.model(c, hosts);
        fit.listed(c, hosts);
        if (c.isStrict() && c.model() != null && !c.hasUnknownFeature()) fit.strict(c, c.model(), hosts);
        return fit;
    }

    /**
     * Each listed feature against every host: require and force fail where a guest cannot get the
     * feature, forbid where the host has it or QEMU/KVM gives it. One pass over the hosts with set
     * algebra (a host set can have thousands of hosts and this runs on every edit).
     */
    private void listed(CpuContext c, List<HostSet.HostData> hosts) {
        FeatureSet wanted = new FeatureSet();
        FeatureSet forbidden = new FeatureSet();
        // feature index -> the host lists of the <feature> elements naming it (a name may be listed twice)
        Map<Integer, List<List<HostSet.HostData>>> wantedLists = new java.util.HashMap<>();
        Map<Integer, List<List<HostSet.HostData>>> forbiddenLists = new java.util.HashMap<>();
        int features = c.map().features().size();
        for (CpuContext.GuestFeature f : c.features()) {
            int i = f.feature().index();
            List<HostSet.HostData> against = new ArrayList<>();
            switch (f.policy()) {
                case "require", "force" -> {
                    wanted.add(i);
                    wantedLists.computeIfAbsent(i, k -> new ArrayList<>()).add(against);
                }
                case "forbid" -> {
                    forbidden.add(i);
                    forbiddenLists.computeIfAbsent(i, k -> new ArrayList<>()).add(against);
                }
                default -> against = List.of();
            }
            explicit.put(f, against);
        }
        // As arrays by feature index: the loop below runs for every host (no boxing, no iterators).
        List<HostSet.HostData>[][] wantedBy = byIndex(wantedLists, features);
        List<HostSet.HostData>[][] forbiddenBy = byIndex(forbiddenLists, features);
        FeatureSet lacking = new FeatureSet();
        FeatureSet present = new FeatureSet();
        FeatureSet given = new FeatureSet();
        for (HostSet.HostData h : hosts) {
            if (!wanted.isEmpty()) {
                lacking.assign(wanted);
                if (h.guest() != null) lacking.removeAll(h.guest());
                if (h.unknown() != null) lacking.removeAll(h.unknown());
                addTo(lacking, wantedBy, h);
            }
            if (!forbidden.isEmpty()) {
                present.assign(forbidden).retainAll(h.data());
                if (h.guest() != null) present.addAll(given.assign(forbidden).retainAll(h.guest()));
                addTo(present, forbiddenBy, h);
            }
        }
        explicit.forEach((f, against) -> {
            if (!f.policy().equals("force")) failing.addAll(against);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<HostSet.HostData>[][] byIndex(Map<Integer, List<List<HostSet.HostData>>> lists, int size) {
        List<HostSet.HostData>[][] out = new List[size][];
        lists.forEach((index, l) -> out[index] = l.toArray(new List[0]));
        return out;
    }

    private static void addTo(FeatureSet features, List<HostSet.HostData>[][] lists, HostSet.HostData h) {
        for (int i = features.nextSet(0); i >= 0; i = features.nextSet(i + 1)) {
            List<HostSet.HostData>[] against = lists[i];
            for (int k = 0; k < against.length; k++) against[k].add(h);
        }
    }

    /** Groups the hosts by the model features they lack (in host order). */
    private void model(CpuContext c, List<HostSet.HostData> hosts) {
        Map<FeatureSet, List<HostSet.HostData>> groups = new LinkedHashMap<>();
        FeatureSet listed = new FeatureSet();
        for (CpuContext.GuestFeature f : c.features()) listed.add(f.feature().index());
        FeatureSet scratch = new FeatureSet();
        for (HostSet.HostData h : hosts) {
            FeatureSet lacking = lackingInto(scratch, c, c.model(), h).removeAll(listed);
            if (lacking.isEmpty()) continue;
            List<HostSet.HostData> group = groups.get(lacking);
            if (group == null) groups.put(lacking.copy(), group = new ArrayList<>());
            group.add(h);
            modelLacking.addAll(lacking);
            failing.add(h);
        }
        groups.forEach((features, group) -> modelGroups.add(new Group(features, group)));
    }

    /**
     * The model features a guest cannot get on the host. A model's own features are judged by what the
     * host file says the CPU has: a model that contains a feature KVM hides on the data's hosts (the
     * nested-SVM features of EPYC-Rome-v5, monitor in core2duo) says the QEMU it is for gives it.
     */
    static FeatureSet lacking(CpuContext c, Model model, HostSet.HostData h) {
        return lackingInto(new FeatureSet(), c, model, h);
    }

    /** The same, written into {@code out} (which it returns). */
    private static FeatureSet lackingInto(FeatureSet out, CpuContext c, Model model, HostSet.HostData h) {
        ModelUsability u = h.host().usability();
        String verdict = u == null || model.compatCheck() || !c.mapChecksCompat() ? null : u.verdict(model.name());
        if ("yes".equals(verdict)) return out.assign(new FeatureSet());
        if ("no".equals(verdict)) return out.assign(c.map().bitsOf(u.blockersOf(model.name())));
        // Not in the host file's CPU, not given by KVM whatever the CPU (GuestView.added), and not unknown:
        // set algebra, as this runs for every host of the set on every edit.
        out.assign(model.data());
        if (h.data() != null) out.removeAll(h.data());
        if (h.guest() != null) out.removeAll(h.guest());
        if (h.unknown() != null) out.removeAll(h.unknown());
        return out;
    }

    private void strict(CpuContext c, Model model, List<HostSet.HostData> hosts) {
        FeatureSet described = model.data().copy();
        for (CpuContext.GuestFeature f : c.features()) described.add(f.feature().index());
        Map<String, List<HostSet.HostData>> byExtras = new LinkedHashMap<>();
        for (HostSet.HostData h : hosts) {
            FeatureSet extra = h.guest().copy().removeAll(described);
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

    /** Hosts whose vendor differs from the required {@code <vendor>}. */
    public List<HostSet.HostData> vendorMismatch() { return vendorMismatch; }

    /** Hosts grouped by the model features they lack (features listed explicitly are judged by their policy). */
    public List<Group> modelGroups() { return modelGroups; }

    /** Every model feature some host lacks. */
    public FeatureSet modelLacking() { return modelLacking; }

    /** For a listed feature: the hosts lacking it (require, force) or having it (forbid). */
    public List<HostSet.HostData> against(CpuContext.GuestFeature f) {
        List<HostSet.HostData> hosts = explicit.get(f);
        return hosts == null ? List.of() : hosts;
    }

    public List<Extras> strictExtras() { return strictExtras; }

    /** The hosts that cannot run the CPU. */
    public Set<HostSet.HostData> failing() { return failing; }

    /** How many hosts can run the CPU. */
    public int runsOn(int total) { return total - failing.size(); }
}
