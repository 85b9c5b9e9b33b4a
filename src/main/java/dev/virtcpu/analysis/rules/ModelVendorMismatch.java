package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;
import dev.virtcpu.model.Model;
import dev.virtcpu.xml.XmlElement;

/** A {@code <vendor>} that differs from the model's own vendor. */
public final class ModelVendorMismatch extends Rule {
    public ModelVendorMismatch() {
        super("model-vendor-mismatch", Severity.ERROR, "The <vendor> differs from the model's vendor.", """
                A model belongs to one vendor in the cpu_map; a different <vendor> makes libvirt fail with 'CPU vendor
                X of model Y differs from vendor Z'. Remove <vendor> or choose a model of that vendor.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement v = c.cpu().element("vendor");
        Model model = c.declaredModel();
        if (v == null || model == null || model.vendor() == null) return;
        String name = v.text();
        if (name.isEmpty() || c.map().vendor(name) == null || model.vendor().name().equals(name)) return;
        c.report(this, c.textRange(v), "CPU vendor " + model.vendor().name() + " of model " + model.name() + " differs from vendor " + name);
    }
}
