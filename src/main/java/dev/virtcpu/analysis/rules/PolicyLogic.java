package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.QemuModelExtras;
import dev.virtcpu.xml.XmlAttribute;

import java.util.List;

/**
 * A feature policy that contradicts or repeats the model: forbid of a model feature (never starts),
 * disable of a feature the model does not have (no effect), require of one it has (redundant).
 */
public final class PolicyLogic extends Rule {
    public PolicyLogic() {
        super("policy-logic", Severity.ERROR,
                "A feature policy the model contradicts or makes pointless: forbid of a model feature, disable of a feature "
                        + "the model lacks, require of one it has.", """
                A custom CPU is the model's features changed by the <feature> elements. forbid of a feature the model
                itself contains can never be met: the model needs the feature, and forbid refuses every host that has
                it ('Host CPU provides forbidden feature'); disable is what runs the model without it. disable of a
                feature the model does not contain is ignored by libvirt's checks (it matters only where the
                hypervisor's own definition of the model has the feature, which differs between QEMU releases), and
                require of a feature the model already has is redundant; both make the definition say more than it
                does. Severities: forbid error, disable and require info. Only custom mode with an exact or strict match is judged (host-model and match='minimum'
                start from the host's features, where disable matters).""");
    }

    @Override
    public void check(CpuContext c) {
        Model model = c.declaredModel();
        if (model == null || !c.parsedMode().equals("custom") || "minimum".equals(c.cpu().attr("match"))) return;
        for (CpuContext.GuestFeature f : c.features()) {
            Feature feature = f.feature();
            boolean inModel = model.data().contains(feature.index());
            XmlAttribute policy = f.element().attribute("policy");
            int[] at = policy == null ? c.valueRange(f.element().attribute("name")) : c.valueRange(policy);
            switch (f.policy()) {
                case "forbid" -> {
                    if (inModel) forbidden(c, f, model, policy, at);
                }
                case "disable" -> {
                    if (!inModel && !qemuHasIt(model, feature)) disabledAnyway(c, f, model, at);
                }
                case "require" -> {
                    if (inModel) {
                        c.report(this, Severity.INFO, at, "require of '" + feature.name() + "', which model " + model.name()
                                + " already has: redundant", List.of(remove(c, f, "the model has it")));
                    }
                }
                default -> { }
            }
        }
    }

    private void forbidden(CpuContext c, CpuContext.GuestFeature f, Model model, XmlAttribute policy, int[] at) {
        List<Fix> fixes = policy == null ? List.of() : List.of(new Fix("Change policy to 'disable' (run " + model.name()
                + " without " + f.feature().name() + ")", List.of(c.replace(c.valueRange(policy), "disable")), true, false));
        c.report(this, Severity.ERROR, at, "forbid of '" + f.feature().name() + "', which model " + model.name()
                + " itself contains: no host can run this CPU (the model needs the feature and forbid refuses hosts that have it)",
                fixes);
    }

    private void disabledAnyway(CpuContext c, CpuContext.GuestFeature f, Model model, int[] at) {
        String name = f.feature().name();
        String why = model.isRemoved(f.feature())
                ? "libvirt disables it for " + model.name() + " anyway (removed from the model)"
                : "model " + model.name() + " does not contain it in libvirt's CPU map, so libvirt's checks ignore it; it only "
                + "changes the guest where the hypervisor's own " + model.name() + " turns " + name + " on";
        c.report(this, Severity.INFO, at, "disable of '" + name + "': " + why,
                List.of(new Fix("Remove <feature policy='disable' name='" + name + "'/>", List.of(c.removeElement(f.element())), true, false)));
    }

    /**
     * Features the guest gets from QEMU although libvirt's map does not list them in the model: the
     * model's added features, QEMU's level features of Haswell/Broadwell, the hypervisor bit QEMU sets
     * in every model.
     */
    private static boolean qemuHasIt(Model model, Feature feature) {
        return model.added().stream().anyMatch(a -> a.index() == feature.index())
                || QemuModelExtras.of(model.name()).contains(feature.name()) || feature.name().equals("hypervisor");
    }

    /** Offered, not applied by lint --fix: a tidy-up the user decides on. */
    private static Fix remove(CpuContext c, CpuContext.GuestFeature f, String why) {
        return new Fix("Remove <feature policy='" + f.policy() + "' name='" + f.feature().name() + "'/> (" + why + ")",
                List.of(c.removeElement(f.element())), true, false);
    }
}
