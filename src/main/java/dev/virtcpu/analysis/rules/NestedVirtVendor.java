package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import java.util.List;

/** vmx (Intel's) or svm (AMD's) virtualization extension required of a CPU of the other vendor. */
public final class NestedVirtVendor extends Rule {
    public NestedVirtVendor() {
        super("nested-virt-vendor", Severity.WARNING, "vmx is Intel's and svm is AMD's virtualization extension; the other vendor's hosts never have it.", """
                Nested virtualization needs the host vendor's extension: vmx on Intel, svm on AMD. Requiring the
                other one on a CPU of this vendor can never be satisfied by any host. The quick fix switches to the
                right one.""");
    }

    @Override
    public void check(CpuContext c) {
        String vendor = c.declaredVendor();
        if (vendor == null) return;
        for (CpuContext.GuestFeature f : c.features()) {
            String name = f.feature().name();
            if (!f.wanted() || !((name.equals("vmx") && vendor.equals("AMD")) || (name.equals("svm") && vendor.equals("Intel")))) continue;
            String other = name.equals("vmx") ? "svm" : "vmx";
            int[] range = c.valueRange(f.element().attribute("name"));
            dev.virtcpu.model.Feature right = c.map().feature(other);
            boolean modelHasIt = c.model() != null && right != null && c.model().data().contains(right.index());
            // When the model already has the right extension, the element is simply in the way.
            Fix fix = modelHasIt ? new Fix("Remove this <feature> (" + c.model().name() + " has " + other + ")",
                    List.of(c.removeElement(f.element())), true, false)
                    : new Fix("Change to '" + other + "'", List.of(c.replace(range, other)), true, false);
            c.report(this, range, name + " is " + (name.equals("vmx") ? "Intel" : "AMD") + "'s virtualization extension; "
                    + vendor + " CPUs provide " + other + " instead", List.of(fix));
        }
    }
}
