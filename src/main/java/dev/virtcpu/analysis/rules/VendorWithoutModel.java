package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** libvirt rejects a &lt;vendor&gt; without a &lt;model&gt;. */
public final class VendorWithoutModel extends Rule {
    public VendorWithoutModel() {
        super("vendor-without-model", Severity.ERROR, "libvirt rejects a <vendor> without a <model>.", """
                A custom CPU's <vendor> only restricts which model may be used, so libvirt refuses it without a
                <model>: 'CPU vendor specified without CPU model'. Add the model or remove the vendor.""");
    }
}
