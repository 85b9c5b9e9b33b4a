package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlElement;

/** A {@code <vendor>} without a {@code <model>}. */
public final class VendorWithoutModel extends Rule {
    public VendorWithoutModel() {
        super("vendor-without-model", Severity.ERROR, "libvirt rejects a <vendor> without a <model>.", """
                A custom CPU's <vendor> only restricts which model may be used, so libvirt refuses it without a
                <model>: 'CPU vendor specified without CPU model'. Add the model or remove the vendor.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement v = c.cpu().element("vendor");
        if (v != null && c.modelName() == null) c.report(this, c.nameRange(v), "CPU vendor specified without CPU model");
    }
}
