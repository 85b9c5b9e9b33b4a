package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.List;

/** Model features that some hosts lack: one finding per group of hosts lacking the same features. */
public final class HostMissingModelFeature extends Rule {
    /** Feature names a message lists before "…" (related information and hover list them all). */
    private static final int NAMES_SHOWN = 8;

    public HostMissingModelFeature() {
        super("host-missing-model-feature", Severity.ERROR,
                "Features of the model that some hosts of the host set lack: the VM cannot start there.", """
                A CPU model stands for all of its features. On a host that cannot give a guest one of them, libvirt's
                check before start (check='partial', the default for KVM) fails with 'Host CPU does not provide
                required features', and migration to that host fails the same way. Hosts lacking the same features
                are reported together. Disable the features those hosts lack, choose an older model every host runs,
                or use the host set's guest-facing baseline; the quick fixes offer these, smallest change first.""");
    }

    @Override
    public void check(CpuContext c) {
        Model model = c.model();
        HostFit fit = c.fit();
        for (HostFit.Group g : fit.modelGroups()) {
            List<String> names = c.names(g.features());
            String who = HostNames.of(g.hosts()) + (g.hosts().size() == 1 ? " lacks" : " lack");
            String what = names.size() == 1 ? "'" + names.get(0) + "', which " + who
                    : names.size() + " features that " + who + ": " + shortList(names);
            String message = "CPU model " + model.name() + " needs " + what + " (runs on " + fit.runsOn(c.hosts().size())
                    + " of " + c.hosts().size() + " hosts of host set '" + c.hostSetName() + "')";
            c.report(this, c.textRange(c.cpu().element("model")), message, related(c, g), c.hostFixes(List.of()),
                    detail(c, g));
        }
    }

    static String shortList(List<String> names) {
        if (names.size() <= NAMES_SHOWN) return String.join(", ", names);
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + ", …";
    }

    private static List<Related> related(CpuContext c, HostFit.Group g) {
        List<Related> out = new ArrayList<>();
        for (HostSet.HostData h : g.hosts().subList(0, Math.min(CpuContext.RELATED_HOSTS, g.hosts().size()))) {
            out.add(new Related(h.host().file(), h.host().line(), h.host().column(), h.host().name() + ": lacks "
                    + String.join(", ", c.names(g.features())) + hiddenNote(c, h, g.features())));
        }
        return out;
    }

    /** "; KVM does not give guests x, y" for the lacking features the host's CPU has. */
    static String hiddenNote(CpuContext c, HostSet.HostData h, FeatureSet features) {
        FeatureSet hidden = features.copy().retainAll(h.data());
        return hidden.isEmpty() ? "" : " (its CPU has " + String.join(", ", c.names(hidden)) + ", but QEMU/KVM does not give them to guests)";
    }

    /** Hover detail: every lacking feature with its location, and the hosts. */
    private static String detail(CpuContext c, HostFit.Group g) {
        StringBuilder sb = new StringBuilder("**Lacking on ").append(HostNames.of(g.hosts())).append(":**");
        FeatureSet f = g.features();
        for (int i = f.nextSet(0); i >= 0; i = f.nextSet(i + 1)) {
            var feature = c.map().feature(i);
            sb.append("\n- `").append(feature.name()).append('`');
            if (feature.hasLocation()) sb.append(" (").append(feature.location()).append(')');
        }
        return sb.toString();
    }
}
