package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <model name='X'/>}: QEMU documentation syntax that libvirt ignores (the guest silently gets qemu64). */
public final class ModelNameAttribute extends Rule {
    public ModelNameAttribute() {
        super("model-name-attribute", Severity.ERROR, "<model name='X'/> is QEMU documentation syntax; libvirt ignores the attribute and silently uses qemu64.", """
                QEMU's documentation shows <model name='Westmere'/>, but libvirt reads the model name from the
                element's text. virsh define silently drops the attribute, the guest gets qemu64 with check='none', and
                with any <feature> present define fails with 'Non-empty feature list specified without CPU model'. Write
                <model>Westmere</model>.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement m = c.cpu().element("model");
        XmlAttribute nameAttr = m == null ? null : m.attribute("name");
        if (nameAttr == null) return;
        List<Fix> fixes = new ArrayList<>();
        if (m.text().isBlank() && nameAttr.value() != null && m.isSelfClosing()) {
            fixes.add(new Fix("Write the model as <model>" + nameAttr.value() + "</model>",
                    List.of(new TextEdit(m.start(), m.end(), "<model>" + nameAttr.value() + "</model>")), true, true));
        }
        c.report(this, c.attributeRange(nameAttr), "<model name='…'/> is not libvirt syntax: libvirt ignores the attribute and the "
                + "guest gets qemu64; write the name as the element's text", fixes);
    }
}
