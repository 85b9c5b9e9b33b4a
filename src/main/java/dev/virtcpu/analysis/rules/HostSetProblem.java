package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The host set could not be fully loaded. */
public final class HostSetProblem extends Rule {
    public HostSetProblem() {
        super("host-set-problem", Severity.WARNING, "The host set could not be fully loaded.", """
                Some host files of the set could not be read or describe CPUs the map does not know, or the set has
                no baseline. The host checks use the hosts that could be read; the host files themselves carry the
                details (host-file-problem).""");
    }
}
