package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** An element or attribute that libvirt's schema does not allow inside &lt;cpu&gt;. */
public final class InvalidElement extends Rule {
    public InvalidElement() {
        super("invalid-element", Severity.ERROR, "An element or attribute that libvirt's schema does not allow inside <cpu>.", """
                libvirt's domain schema (and virsh define --validate) rejects elements and attributes it does not
                know inside <cpu>; without validation they are silently lost. A domain has one <cpu>. Check the
                spelling against libvirt's formatdomain documentation.""");
    }
}
