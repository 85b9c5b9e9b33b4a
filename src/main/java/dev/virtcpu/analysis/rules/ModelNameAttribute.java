package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** &lt;model name='X'/&gt; is QEMU documentation syntax; libvirt ignores the attribute and silently uses qemu64. */
public final class ModelNameAttribute extends Rule {
    public ModelNameAttribute() {
        super("model-name-attribute", Severity.ERROR, "<model name='X'/> is QEMU documentation syntax; libvirt ignores the attribute and silently uses qemu64.", """
                QEMU's documentation shows <model name='Westmere'/>, but libvirt reads the model name from the
                element's text. virsh define silently drops the attribute, the guest gets qemu64 with check='none', and
                with any <feature> present define fails with 'Non-empty feature list specified without CPU model'. Write
                <model>Westmere</model>.""");
    }
}
