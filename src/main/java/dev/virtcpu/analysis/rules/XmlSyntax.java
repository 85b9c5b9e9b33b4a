package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The document is not well-formed XML. */
public final class XmlSyntax extends Rule {
    public XmlSyntax() {
        super("xml-syntax", Severity.ERROR, "The document is not well-formed XML.", """
                libvirt refuses a domain definition that is not well-formed XML (virsh define fails before any CPU
                check). virtcpu reports where the parser stopped and goes on analysing what it could read, so the other
                findings stay useful while you type. Fix the markup at the reported place.""");
    }
}
