package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A problem in a host description file. */
public final class HostFileProblem extends Rule {
    public HostFileProblem() {
        super("host-file-problem", Severity.ERROR, "A problem in a host description file.", """
                A host file must hold virsh capabilities or domcapabilities output, or host <cpu> elements. A file
                that is not well-formed, has no CPU, or names a model or feature the map does not know is left out of
                the host set.""");
    }
}
