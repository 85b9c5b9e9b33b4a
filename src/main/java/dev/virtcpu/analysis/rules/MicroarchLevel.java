package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Levels;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.QemuModelExtras;
import dev.virtcpu.model.X86Levels;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** A CPU below the x86-64 micro-architecture level its guest needs. */
public final class MicroarchLevel extends Rule {
    public MicroarchLevel() {
        super("x86-64-level", Severity.ERROR,
                "The CPU is below the x86-64 micro-architecture level (v1–v4) the guest needs.", """
                Distributions build for an x86-64 micro-architecture level: RHEL 9 and its rebuilds need
                x86-64-v2, RHEL 10 x86-64-v3, SLES 16 x86-64-v2. On a CPU below it the guest does not boot ('Fatal
                glibc error: CPU does not support x86-64-v2', or a kernel panic). qemu64 and kvm64, the defaults of
                many tools, are only x86-64-v1. The level needed comes from "minimumLevel" in .virtcpu.json (for all
                files or per files entry), else from the domain's libosinfo metadata (<libosinfo:os id=…>, see
                docs/x86-64-levels.md); the level a CPU reaches counts what QEMU's model gives the guest. Fixes: the
                oldest model that reaches the level on every host, the level's missing features required on top of
                the model, or the host set's baseline.""");
    }

    @Override
    public void check(CpuContext c) {
        Levels.Requirement need = Levels.requirement(c.document(), c.analysis());
        if (need == null || !c.modeIsValid() || c.modelUnknown()) return;
        HostSet.Evaluation eval = c.evaluation();
        FeatureSet data = Levels.features(c.map(), c.cpu(), eval);
        if (data == null) return;
        X86Levels.Reached reached = X86Levels.reached(c.map(), data);
        if (reached.atLeast(need.level())) return;
        List<String> missing = X86Levels.missing(c.map(), data, need.level());
        String what = c.isCustom() ? "CPU model " + c.modelName() + (c.features().isEmpty() ? "" : " with its features")
                : c.mode() + " on host set '" + c.hostSetName() + "'";
        String message = what + " guarantees " + reached.label() + " (it lacks " + String.join(", ", missing) + "), but "
                + need.because() + " needs " + need.level().label() + ": the guest stops at boot ('Fatal glibc error: CPU does not "
                + "support " + need.level().label() + "')";
        if (!c.isCustom()) {
            c.report(this, c.nameRange(c.cpu()), message);
            return;
        }
        c.report(this, c.textRange(c.cpu().element("model")), message, fixes(c, need, missing));
    }

    private List<Fix> fixes(CpuContext c, Levels.Requirement need, List<String> missing) {
        List<Fix> fixes = new ArrayList<>();
        Model oldest = oldestModel(c, need);
        if (oldest != null) {
            fixes.add(new Fix("Use " + oldest.name() + " (the oldest model reaching " + need.level().label()
                    + (c.hosts().isEmpty() ? "" : " that every host runs") + ")",
                    List.of(c.replace(c.textRange(c.cpu().element("model")), oldest.name())), true, false));
        }
        if (everyHostHas(c, missing) && missing.stream().noneMatch(n -> listed(c, n))) {
            List<TextEdit> edits = new ArrayList<>();
            for (String name : missing) edits.add(c.insertFeature("require", name));
            fixes.add(new Fix("Require the " + need.level().label() + " features " + c.modelName() + " lacks ("
                    + String.join(", ", missing) + ")", List.of(merge(edits)), oldest == null, false));
        }
        X86Levels.Reached baseline = Levels.baseline(c.map(), c.evaluation());
        if (fixes.isEmpty() && baseline != null && baseline.atLeast(need.level())) fixes.addAll(c.baselineFixes());
        return fixes;
    }

    /**
     * The first model in the map's load order (oldest first within each vendor) of the CPU's vendor (or
     * the hosts' common one) whose guest features reach the level, run on every host, and that is no
     * versioned alias.
     */
    private static Model oldestModel(CpuContext c, Levels.Requirement need) {
        String vendor = c.declaredVendor() != null ? c.declaredVendor() : hostsVendor(c);
        if (vendor == null) return null;
        for (Model m : c.map().models()) {
            if (m.aliasOf() != null || m.vendor() == null || !m.vendor().name().equals(vendor)) continue;
            if (!X86Levels.reached(c.map(), QemuModelExtras.guestData(c.map(), m)).atLeast(need.level())) continue;
            if (c.hosts().stream().allMatch(h -> vendor.equals(h.vendor()) && HostFit.lacking(c, m, h).isEmpty())) return m;
        }
        return null;
    }

    private static String hostsVendor(CpuContext c) {
        String vendor = null;
        for (HostSet.HostData h : c.hosts()) {
            if (h.vendor() == null || (vendor != null && !vendor.equals(h.vendor()))) return null;
            vendor = h.vendor();
        }
        return vendor;
    }

    private static boolean everyHostHas(CpuContext c, List<String> names) {
        for (String n : names) {
            var f = c.map().feature(n);
            // Required features: what QEMU/KVM gives guests on the host, as the host checks judge them.
            if (f == null || !c.hosts().stream().allMatch(h -> h.offers(f.index()))) return false;
        }
        return true;
    }

    private static boolean listed(CpuContext c, String name) {
        for (XmlElement f : c.cpu().elements("feature")) {
            if (name.equals(f.attr("name"))) return true;
        }
        return false;
    }

    /** Insertions at one place, one after the other. */
    private static TextEdit merge(List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder();
        for (TextEdit e : edits) sb.append(e.text());
        return new TextEdit(edits.get(0).start(), edits.get(0).end(), sb.toString());
    }
}
