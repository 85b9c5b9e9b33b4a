package dev.virtcpu.analysis;

import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.CpuMap;

import java.util.Map;

/**
 * What a document is analysed against: the CPU map, the chosen host set (may be null), whether the
 * host set is a live-migration pool, and per-code severity overrides.
 */
public record AnalysisContext(CpuMap map, String hostSetName, HostSet hostSet, boolean migratable,
                              Map<String, Severity> severities) {

    public HostSet.Evaluation evaluation() {
        return hostSet == null ? null : hostSet.evaluate(map);
    }

    public Severity severityOf(String code) {
        Severity s = severities == null ? null : severities.get(code);
        return s != null ? s : Codes.defaultSeverity(code);
    }
}
