package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The &lt;vendor&gt; differs from the model's vendor. */
public final class ModelVendorMismatch extends Rule {
    public ModelVendorMismatch() {
        super("model-vendor-mismatch", Severity.ERROR, "The <vendor> differs from the model's vendor.", """
                A model belongs to one vendor in the cpu_map; a different <vendor> makes libvirt fail with 'CPU vendor
                X of model Y differs from vendor Z'. Remove <vendor> or choose a model of that vendor.""");
    }
}
