package dev.virtcpu.analysis;

/**
 * Finding codes as constants, for the code that emits findings outside the rule classes (the
 * structure checks, document-level problems, host and configuration files). Each code's rule —
 * severity, summary, rationale — is in {@link dev.virtcpu.analysis.rules.Rules}.
 */
public final class Codes {

    public static final String XML_SYNTAX = "xml-syntax";
    public static final String UNKNOWN_MODEL = "unknown-model";
    public static final String UNKNOWN_FEATURE = "unknown-feature";
    public static final String FEATURE_ALIAS = "feature-alias";
    public static final String UNKNOWN_VENDOR = "unknown-vendor";
    public static final String INVALID_VALUE = "invalid-value";
    public static final String MODEL_NAME_ATTRIBUTE = "model-name-attribute";
    public static final String VENDOR_WITHOUT_MODEL = "vendor-without-model";
    public static final String FEATURES_WITHOUT_MODEL = "features-without-model";
    public static final String DUPLICATE_FEATURE = "duplicate-feature";
    public static final String CONFLICTING_POLICY = "conflicting-feature-policy";
    public static final String FEATURE_NO_EFFECT = "feature-no-effect";
    public static final String MISPLACED = "misplaced-attribute";
    public static final String INVALID_ELEMENT = "invalid-element";
    public static final String NESTED_VIRT_VENDOR = "nested-virt-vendor";
    public static final String MODEL_VENDOR_MISMATCH = "model-vendor-mismatch";
    public static final String HOST_MISSING_MODEL_FEATURE = "host-missing-model-feature";
    public static final String HOST_MISSING_FEATURE = "host-missing-feature";
    public static final String HOST_MISSING_FORCED_FEATURE = "host-missing-forced-feature";
    public static final String HOST_FORBIDDEN_FEATURE = "host-forbidden-feature";
    public static final String HOST_VENDOR_MISMATCH = "host-vendor-mismatch";
    public static final String HOST_STRICT_EXTRA = "host-strict-extra";
    public static final String HOST_MODEL_HETEROGENEOUS = "host-cpu-heterogeneous";
    public static final String NOT_MIGRATABLE = "migration-blocker";
    public static final String HOST_SUMMARY = "host-set-summary";
    public static final String HOST_SET_UNKNOWN = "host-set-unknown";
    public static final String HOST_SET_PROBLEM = "host-set-problem";
    public static final String CONFIG_PROBLEM = "config-problem";
    public static final String HOST_FILE_PROBLEM = "host-file-problem";
    public static final String MORE_FINDINGS = "more-findings";
    public static final String SCHEMA = "libvirt-schema";

    private Codes() {
    }

    /** Codes that summarise a clean result rather than report a problem: they never fail a lint run. */
    public static boolean isSummary(String code) {
        return HOST_SUMMARY.equals(code);
    }

    public static Severity defaultSeverity(String code) {
        return dev.virtcpu.analysis.rules.Rules.defaultSeverity(code);
    }
}
