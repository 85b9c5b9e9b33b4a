package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The domain does not validate against libvirt's RelaxNG schema. */
public final class LibvirtSchema extends Rule {
    public LibvirtSchema() {
        super("libvirt-schema", Severity.ERROR, "The domain does not validate against libvirt's RelaxNG schema.", """
                With libvirtSchemas configured, the whole domain is validated against libvirt's own RelaxNG schema, as
                virt-xml-validate and virsh define --validate do. The message is the validator's.""");
    }
}
