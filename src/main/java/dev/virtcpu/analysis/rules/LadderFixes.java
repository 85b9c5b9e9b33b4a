package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.BaselineEdit;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidates of a {@link FixLadder}. Each changes only what it must: the rest of the {@code <cpu>}
 * (attributes, topology, cache, numa, maxphysaddr, comments, features it does not touch, indentation
 * and line endings) keeps its bytes.
 */
final class LadderFixes {
    private LadderFixes() {
    }

    /**
     * Rung 1: disable the model features some hosts lack, and turn the listed features some hosts
     * lack (or that block migration in a pool) into {@code disable}.
     */
    static Fix disableLacking(CpuContext c) {
        if (!c.hostChecksApply() || !c.isCustom() || c.model() == null) return null;
        List<String> names = c.names(c.fit().modelLacking());
        List<TextEdit> edits = new ArrayList<>();
        boolean blocking = false;
        for (dev.virtcpu.model.Feature f : c.migrationBlockersOf(c.model())) {
            blocking = true;
            if (!names.contains(f.name())) names.add(f.name());
        }
        List<CpuContext.GuestFeature> listed = new ArrayList<>(unwanted(c));
        listed.addAll(blockingForbids(c));
        listed.addAll(unstableOptionals(c));
        java.util.Set<dev.virtcpu.xml.XmlElement> removed = new java.util.HashSet<>();
        for (CpuContext.GuestFeature f : listed) {
            if (!c.model().data().contains(f.feature().index())) removed.add(f.element());
        }
        // The new lines go after an element that stays: an insertion inside a removed line would overlap it.
        if (!names.isEmpty()) edits.add(c.insertFeatures("disable", names, removed));
        boolean disables = !names.isEmpty();
        boolean removes = false;
        for (CpuContext.GuestFeature f : listed) {
            boolean inModel = c.model().data().contains(f.feature().index());
            edits.add(turnOff(c, c.model(), f));
            names.add(f.feature().name());
            disables |= inModel;
            removes |= !inModel;
            blocking |= c.migrationPool() && !f.feature().migratable();
        }
        if (edits.isEmpty()) return null;
        String verb = disables && removes ? "Disable or remove" : disables ? "Disable" : "Remove";
        String why = blocking ? "some hosts lack or that block migration" : "some hosts lack";
        String title = names.size() == 1 ? verb + " '" + names.get(0) + "', which " + (blocking ? "blocks migration" : "some hosts lack")
                : verb + " the " + names.size() + " features " + why + ": " + HostMissingModelFeature.shortList(names);
        return new Fix(title, edits, false, false);
    }

    /**
     * A listed feature the guest must not get: {@code disable} when the model has it (the model would
     * give it), otherwise the element goes (libvirt ignores disabling what the model lacks).
     */
    static TextEdit turnOff(CpuContext c, Model model, CpuContext.GuestFeature f) {
        return model.data().contains(f.feature().index()) ? c.disable(f) : c.removeElement(f.element());
    }

    /** Listed require/force features some host lacks, or that block migration in a pool. */
    static List<CpuContext.GuestFeature> unwanted(CpuContext c) {
        List<CpuContext.GuestFeature> out = new ArrayList<>();
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.wanted()) continue;
            boolean blocks = c.migrationPool() && !f.feature().migratable();
            if (blocks || !c.fit().against(f).isEmpty()) out.add(f);
        }
        return out;
    }

    /**
     * Listed forbid features some host has: the guest would not start there; {@code disable} keeps the
     * feature from the guest on every host, which is what forbid was for.
     */
    static List<CpuContext.GuestFeature> blockingForbids(CpuContext c) {
        List<CpuContext.GuestFeature> out = new ArrayList<>();
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("forbid") && !c.fit().against(f).isEmpty()) out.add(f);
        }
        return out;
    }

    /**
     * Rung 2: the model every host runs that shares the most features with the current one (its -noTSX
     * sibling, an older generation), keeping the listed features every host has.
     */
    static Fix closestModel(CpuContext c) {
        if (!c.hostChecksApply() || !c.isCustom() || c.model() == null || c.fit().modelGroups().isEmpty()) return null;
        Model current = c.model();
        Model best = null;
        for (Model m : c.map().models()) {
            if (m == current || m.name().matches(".*-v[0-9]+") || !sameVendor(current, m) || !runsEverywhere(c, m)
                    || !c.migrationBlockersOf(m).isEmpty()) continue;
            if (best == null || closer(current, m, best)) best = m;
        }
        int[] modelText = c.plainTextRange(c.cpu().element("model"));
        if (best == null || modelText == null) return null;
        List<TextEdit> edits = new ArrayList<>();
        edits.add(c.replace(modelText, best.name()));
        List<String> dropped = new ArrayList<>();
        for (CpuContext.GuestFeature f : unwanted(c)) {
            edits.add(c.removeElement(f.element()));
            dropped.add(f.feature().name());
        }
        for (CpuContext.GuestFeature f : blockingForbids(c)) edits.add(turnOff(c, best, f));
        for (CpuContext.GuestFeature f : unstableOptionals(c)) edits.add(turnOff(c, best, f));
        for (CpuContext.GuestFeature f : noOpDisables(c, best)) edits.add(c.removeElement(f.element()));
        String title = "Use " + best.name() + ", the closest model every host runs"
                + (dropped.isEmpty() ? "" : ", without " + HostMissingModelFeature.shortList(dropped));
        return new Fix(title, edits, false, false);
    }

    private static boolean sameVendor(Model current, Model m) {
        return current.vendor() == null ? m.vendor() == null : m.vendor() != null && m.vendor().name().equals(current.vendor().name());
    }

    private static boolean runsEverywhere(CpuContext c, Model m) {
        FeatureSet listed = new FeatureSet();
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.wanted()) listed.add(f.feature().index());
        }
        for (HostSet.HostData h : c.hosts()) {
            if (!HostFit.lacking(c, m, h).removeAll(listed).isEmpty()) return false;
        }
        return true;
    }

    /** More features in common with {@code current}; then fewer it lacks; then the later (newer) model. */
    private static boolean closer(Model current, Model m, Model best) {
        int common = m.data().copy().retainAll(current.data()).size();
        int bestCommon = best.data().copy().retainAll(current.data()).size();
        if (common != bestCommon) return common > bestCommon;
        int extra = m.data().copy().removeAll(current.data()).size();
        int bestExtra = best.data().copy().removeAll(current.data()).size();
        if (extra != bestExtra) return extra < bestExtra;
        return m.index() > best.index();
    }

    /** Rung 3: the host set's guest-facing baseline, keeping the rest of the element. */
    static Fix guestBaseline(CpuContext c) {
        if (!c.hostChecksApply() || !c.cpu().isClosed() || c.cpu().startTagEnd() < 0) return null;
        CpuDef baseline = c.guestBaseline();
        if (baseline == null || c.map().model(baseline.model) == null) return null;
        Model baseModel = c.map().model(baseline.model);
        List<dev.virtcpu.model.Feature> blockers = c.migrationBlockersOf(c.map().model(baseline.model));
        if (!blockers.isEmpty()) {
            baseline = copy(baseline);
            for (dev.virtcpu.model.Feature f : blockers) {
                if (baseline.feature(f.name()) == null) baseline.features.add(new dev.virtcpu.cpu.CpuFeatureDef(f.name(), dev.virtcpu.cpu.Policy.DISABLE, null));
            }
        }
        return new Fix("Replace CPU with the guest-facing baseline of host set '" + c.hostSetName() + "' ("
                + BaselineEdit.summary(baseline) + ")", List.of(BaselineEdit.replace(c.text(), c.cpu(), baseline,
                forbidNames(c, baseModel, true), dropped(c, baseModel, baseline))), false, false);
    }

    private static CpuDef copy(CpuDef cpu) {
        CpuDef out = new CpuDef();
        out.type = cpu.type;
        out.mode = cpu.mode;
        out.match = cpu.match;
        out.model = cpu.model;
        out.fallback = cpu.fallback;
        out.vendor = cpu.vendor;
        out.features.addAll(cpu.features);
        return out;
    }

    /** Blocking forbids and unstable optionals the model has ({@code inModel}) or lacks. */
    private static java.util.Set<String> forbidNames(CpuContext c, Model model, boolean inModel) {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<CpuContext.GuestFeature> listed = new ArrayList<>(blockingForbids(c));
        listed.addAll(unstableOptionals(c));
        for (CpuContext.GuestFeature f : listed) {
            if (model.data().contains(f.feature().index()) == inModel) out.add(f.feature().name());
        }
        return out;
    }

    /** Listed features the baseline CPU leaves out: blocking forbids and disables its model makes no-ops. */
    private static java.util.Set<String> dropped(CpuContext c, Model model, CpuDef baseline) {
        java.util.Set<String> out = forbidNames(c, model, false);
        for (CpuContext.GuestFeature f : noOpDisables(c, model)) {
            if (baseline.feature(f.feature().name()) == null) out.add(f.feature().name());
        }
        return out;
    }

    /**
     * In a migration pool, listed optional features some hosts have and others lack: a guest started
     * where the feature is keeps it and cannot move to the others.
     */
    static List<CpuContext.GuestFeature> unstableOptionals(CpuContext c) {
        List<CpuContext.GuestFeature> out = new ArrayList<>();
        if (!c.migrationPool()) return out;
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.policy().equals("optional")) continue;
            int lacking = 0;
            for (dev.virtcpu.hosts.HostSet.HostData h : c.hosts()) if (!h.has(f.feature().index())) lacking++;
            if (lacking > 0 && lacking < c.hosts().size()) out.add(f);
        }
        return out;
    }

    /** Listed {@code disable} features a model does not have: libvirt ignores them. */
    static List<CpuContext.GuestFeature> noOpDisables(CpuContext c, Model model) {
        List<CpuContext.GuestFeature> out = new ArrayList<>();
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("disable") && !model.data().contains(f.feature().index())) out.add(f);
        }
        return out;
    }
}
