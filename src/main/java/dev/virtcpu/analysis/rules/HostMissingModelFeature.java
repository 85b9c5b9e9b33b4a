package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.List;

/** A feature of the model that some hosts lack. */
public final class HostMissingModelFeature extends Rule {
    public HostMissingModelFeature() {
        super("host-missing-model-feature", Severity.ERROR,
                "A feature of the model that some hosts of the host set lack: the VM cannot start there.", """
                A CPU model stands for all of its features. On a host that lacks one, libvirt's check before start
                (check='partial', the default for KVM) fails with 'Host CPU does not provide required features', and
                migration to that host fails the same way. Disable the features those hosts lack, choose an older
                model every host runs, or use the host set's baseline.""");
    }

    @Override
    public void check(CpuContext c) {
        Model model = c.model();
        for (HostFit.Lacking l : c.fit().modelFeatures()) {
            Feature f = l.feature();
            List<Fix> fixes = new ArrayList<>(c.baselineFixes());
            Fix noTsx = noTsxSibling(c, model, f);
            if (noTsx != null) fixes.add(noTsx);
            fixes.add(CpuContext.fix("Disable '" + f.name() + "'", c.insertFeature("disable", f.name())));
            c.report(this, c.textRange(c.cpu().element("model")), "CPU model " + model.name() + " needs '" + f.name()
                    + "', which " + HostNames.count(l.hosts().size(), c.hosts().size()) + " of host set '" + c.hostSetName()
                    + "' lack: " + HostNames.of(l.hosts()), CpuContext.related(l.hosts(), "lacks " + f.name()), fixes);
        }
    }

    /**
     * Microcode and kernel updates removed TSX (hle, rtm) from many hosts; for a model that needs it,
     * the map's -noTSX sibling (Haswell → Haswell-noTSX, Skylake-Server-IBRS →
     * Skylake-Server-noTSX-IBRS) is the usual way out when it runs on the whole set.
     */
    private static Fix noTsxSibling(CpuContext c, Model model, Feature missing) {
        if (!missing.name().equals("hle") && !missing.name().equals("rtm")) return null;
        String name = model.name();
        String sibling = name.endsWith("-IBRS") ? name.substring(0, name.length() - 5) + "-noTSX-IBRS" : name + "-noTSX";
        Model m = c.map().model(sibling);
        int[] editable = c.plainTextRange(c.cpu().element("model"));
        if (m == null || editable == null) return null;
        for (HostSet.HostData h : c.hosts()) {
            if (!m.data().isSubsetOf(h.data())) return null;
        }
        return CpuContext.fix("Use " + sibling + " (" + name + " without TSX, runs on every host)",
                c.replace(editable, sibling));
    }
}
