package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.BaselineEdit;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.Policy;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A host set with hosts of more than one CPU vendor: no libvirt baseline; a vendor-neutral CPU instead. */
public final class MixedVendors extends Rule {
    /** The vendor-neutral model the offered definition starts from. */
    static final String NEUTRAL_MODEL = "qemu64";

    public MixedVendors() {
        super("mixed-vendors", Severity.WARNING,
                "The host set mixes CPU vendors (Intel and AMD): libvirt has no baseline for it.", """
                libvirt's baseline refuses CPUs of different vendors ('CPU vendors do not match'), every named
                model but the generic ones belongs to one vendor, and a guest started on an Intel host cannot move
                to an AMD one with a vendor's model. What runs on every host is a model without a vendor (qemu64,
                kvm64) plus the features every host offers its guests — the approach of Proxmox's x86-64-vN types.
                The quick fix writes that definition (qemu64, the features every host gives guests required, the
                qemu64 features some host lacks disabled, migration blockers left out in a pool). It is a plain
                lowest common CPU: guests lose vendor-specific features, and CPUID reports QEMU's generic model.""");
    }

    /** Whether the hosts have more than one CPU vendor (mixed-vendors, not host-set-problem, says so). */
    public static boolean mixes(List<HostSet.HostData> hosts) {
        String first = null;
        for (HostSet.HostData h : hosts) {
            if (h.vendor() == null) continue;
            if (first == null) first = h.vendor();
            else if (!first.equals(h.vendor())) return true;
        }
        return false;
    }

    /** The hosts by vendor when there is more than one vendor, else empty. */
    static Map<String, List<HostSet.HostData>> byVendor(List<HostSet.HostData> hosts) {
        Map<String, List<HostSet.HostData>> out = new LinkedHashMap<>();
        for (HostSet.HostData h : hosts) {
            if (h.vendor() != null) out.computeIfAbsent(h.vendor(), v -> new ArrayList<>()).add(h);
        }
        return out.size() > 1 ? out : Map.of();
    }

    @Override
    public void check(CpuContext c) {
        if (!mixes(c.hosts()) || c.cpu() != c.cpu().parent().element("cpu")) return;
        Map<String, List<HostSet.HostData>> vendors = byVendor(c.hosts());
        if (vendors.isEmpty() || alreadyNeutral(c)) return;
        List<String> groups = new ArrayList<>();
        vendors.forEach((v, hosts) -> groups.add(v + ": " + HostNames.of(hosts)));
        Fix neutral = neutralFix(c);
        c.report(this, c.nameRange(c.cpu()), "host set '" + c.hostSetName() + "' mixes CPU vendors (" + String.join("; ", groups)
                + "): libvirt has no baseline across vendors ('CPU vendors do not match'); only a CPU without a vendor runs on every host",
                CpuContext.related(c.hosts(), "vendor " + c.hosts().get(0).vendor()), neutral == null ? List.of() : List.of(neutral));
    }

    /** A custom CPU without vendor (its model's or its own) that every host runs: nothing left to say. */
    private static boolean alreadyNeutral(CpuContext c) {
        Model m = c.model();
        return c.isCustom() && m != null && m.vendor() == null && c.cpu().element("vendor") == null && c.fit().failing().isEmpty();
    }

    /** qemu64 plus what every host gives guests, as a replacement of the whole {@code <cpu>}. */
    private static Fix neutralFix(CpuContext c) {
        Model model = c.map().model(NEUTRAL_MODEL);
        if (model == null || !c.cpu().isClosed() || c.cpu().startTagEnd() < 0) return null;
        FeatureSet common = null;
        for (HostSet.HostData h : c.hosts()) {
            // What QEMU/KVM gives a guest there, not the host file's CPU (ht, monitor, ds... never reach a guest).
            if (h.guest() == null) return null;
            common = common == null ? h.guest().copy() : intersect(common, h.guest());
        }
        CpuDef cpu = new CpuDef();
        cpu.model = NEUTRAL_MODEL;
        cpu.fallback = "forbid";
        int required = 0;
        for (Feature f : c.map().features()) {
            boolean inModel = model.data().contains(f.index());
            boolean everywhere = common.contains(f.index()) && (f.migratable() || !c.migrationPool());
            if (everywhere && !inModel) {
                cpu.features.add(new CpuFeatureDef(f.name(), Policy.REQUIRE, null));
                required++;
            }
        }
        for (Feature f : c.map().features()) {
            if (model.data().contains(f.index()) && !common.contains(f.index())) cpu.features.add(new CpuFeatureDef(f.name(), Policy.DISABLE, null));
        }
        return new Fix("Vendor-neutral CPU (no libvirt baseline across vendors): " + NEUTRAL_MODEL + " +" + required
                + " features every host gives guests", List.of(BaselineEdit.replace(c.text(), c.cpu(), cpu)), false, false);
    }

    private static FeatureSet intersect(FeatureSet a, FeatureSet b) {
        FeatureSet out = new FeatureSet();
        for (int i = a.nextSet(0); i >= 0; i = a.nextSet(i + 1)) if (b.contains(i)) out.add(i);
        return out;
    }
}
