package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A problem in .virtcpu.json. */
public final class ConfigProblem extends Rule {
    public ConfigProblem() {
        super("config-problem", Severity.ERROR, "A problem in .virtcpu.json.", """
                The configuration file could not be read as intended (JSON syntax, unknown keys, wrong types, globs
                that match nothing). What could be read still applies. The schema is schemas/virtcpu.schema.json.""");
    }
}
