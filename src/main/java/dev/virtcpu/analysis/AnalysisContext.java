package dev.virtcpu.analysis;

import dev.virtcpu.analysis.schema.RelaxNgDomainValidator;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.X86Level;

import java.util.Map;

/**
 * What a document is analysed against: the CPU map, the chosen host set (may be null), whether the
 * host set is a live-migration pool, per-code severity overrides, optionally libvirt's RelaxNG
 * schemas for full-domain validation, and the x86-64 level the configuration asks of the file's
 * guests (null: none; the domain's libosinfo metadata may still imply one).
 */
public record AnalysisContext(CpuMap map, String hostSetName, HostSet hostSet, boolean migratable,
                              Map<String, Severity> severities, RelaxNgDomainValidator domainSchema,
                              X86Level minimumLevel) {

    public AnalysisContext(CpuMap map, String hostSetName, HostSet hostSet, boolean migratable,
                           Map<String, Severity> severities, RelaxNgDomainValidator domainSchema) {
        this(map, hostSetName, hostSet, migratable, severities, domainSchema, null);
    }

    public AnalysisContext(CpuMap map, String hostSetName, HostSet hostSet, boolean migratable,
                           Map<String, Severity> severities) {
        this(map, hostSetName, hostSet, migratable, severities, null, null);
    }

    public HostSet.Evaluation evaluation() {
        return hostSet == null ? null : hostSet.evaluate(map);
    }

    public Severity severityOf(String code) {
        Severity s = severities == null ? null : severities.get(code);
        return s != null ? s : Codes.defaultSeverity(code);
    }
}
