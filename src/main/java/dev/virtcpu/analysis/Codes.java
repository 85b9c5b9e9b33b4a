package dev.virtcpu.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every finding code virtcpu emits, with its default severity and a one-line description. */
public final class Codes {
    public record Rule(String code, Severity severity, String description) {
    }

    public static final Map<String, Rule> RULES = new LinkedHashMap<>();

    public static final String XML_SYNTAX = rule("xml-syntax", Severity.ERROR, "The document is not well-formed XML.");
    public static final String UNKNOWN_MODEL = rule("unknown-model", Severity.ERROR, "The CPU model is not in libvirt's CPU map; libvirt fails with 'Unknown CPU model' when the VM starts.");
    public static final String UNKNOWN_FEATURE = rule("unknown-feature", Severity.ERROR, "The feature is not in libvirt's CPU map; libvirt fails with 'unknown CPU feature' when the VM starts.");
    public static final String FEATURE_ALIAS = rule("feature-alias", Severity.ERROR, "A QEMU or Linux spelling of a feature; libvirt only accepts its own name.");
    public static final String UNKNOWN_VENDOR = rule("unknown-vendor", Severity.ERROR, "The vendor is not one of the CPU map's vendors.");
    public static final String INVALID_VALUE = rule("invalid-value", Severity.ERROR, "An attribute value libvirt rejects.");
    public static final String MODEL_NAME_ATTRIBUTE = rule("model-name-attribute", Severity.ERROR, "<model name='X'/> is QEMU documentation syntax; libvirt ignores the attribute and silently uses qemu64.");
    public static final String VENDOR_WITHOUT_MODEL = rule("vendor-without-model", Severity.ERROR, "libvirt rejects a <vendor> without a <model>.");
    public static final String FEATURES_WITHOUT_MODEL = rule("features-without-model", Severity.ERROR, "libvirt rejects <feature> elements in custom mode without a <model>.");
    public static final String DUPLICATE_FEATURE = rule("duplicate-feature", Severity.ERROR, "A feature listed twice; libvirt rejects the definition.");
    public static final String CONFLICTING_POLICY = rule("conflicting-feature-policy", Severity.ERROR, "One feature listed with two different policies.");
    public static final String FEATURE_NO_EFFECT = rule("feature-no-effect", Severity.WARNING, "A feature policy that has no effect in this CPU mode.");
    public static final String MISPLACED = rule("misplaced-attribute", Severity.ERROR, "An attribute or element libvirt rejects or ignores in this mode.");
    public static final String INVALID_ELEMENT = rule("invalid-element", Severity.ERROR, "An element or attribute that libvirt's schema does not allow inside <cpu>.");
    public static final String NESTED_VIRT_VENDOR = rule("nested-virt-vendor", Severity.WARNING, "vmx is Intel's and svm is AMD's virtualization extension; the other vendor's hosts never have it.");
    public static final String MODEL_VENDOR_MISMATCH = rule("model-vendor-mismatch", Severity.ERROR, "The <vendor> differs from the model's vendor.");
    public static final String HOST_MISSING_MODEL_FEATURE = rule("host-missing-model-feature", Severity.ERROR, "A feature of the model that some hosts of the host set lack: the VM cannot start there.");
    public static final String HOST_MISSING_FEATURE = rule("host-missing-feature", Severity.ERROR, "A required feature that some hosts of the host set lack: the VM cannot start there.");
    public static final String HOST_MISSING_FORCED_FEATURE = rule("host-missing-forced-feature", Severity.WARNING, "A forced feature that some hosts lack: QEMU must emulate it, KVM usually cannot.");
    public static final String HOST_FORBIDDEN_FEATURE = rule("host-forbidden-feature", Severity.ERROR, "A forbidden feature that some hosts have: the VM cannot start there.");
    public static final String HOST_VENDOR_MISMATCH = rule("host-vendor-mismatch", Severity.ERROR, "Hosts whose CPU vendor differs from the required <vendor>.");
    public static final String HOST_STRICT_EXTRA = rule("host-strict-extra", Severity.ERROR, "match='strict': hosts with features the guest CPU does not list.");
    public static final String HOST_MODEL_HETEROGENEOUS = rule("host-cpu-heterogeneous", Severity.WARNING, "host-model or host-passthrough on a host set whose CPUs differ: the guest CPU changes with the host and migration between them can fail.");
    public static final String NOT_MIGRATABLE = rule("migration-blocker", Severity.WARNING, "A feature marked non-migratable in libvirt's CPU map (invtsc, xsaves) blocks live migration.");
    public static final String HOST_SUMMARY = rule("host-set-summary", Severity.INFO, "How many hosts of the host set can run this CPU definition.");
    public static final String HOST_SET_UNKNOWN = rule("host-set-unknown", Severity.WARNING, "The host set named for this file does not exist.");
    public static final String HOST_SET_PROBLEM = rule("host-set-problem", Severity.WARNING, "The host set could not be fully loaded.");
    public static final String CONFIG_PROBLEM = rule("config-problem", Severity.ERROR, "A problem in .virtcpu.json.");
    public static final String HOST_FILE_PROBLEM = rule("host-file-problem", Severity.ERROR, "A problem in a host description file.");
    public static final String SCHEMA = rule("libvirt-schema", Severity.ERROR, "The domain does not validate against libvirt's RelaxNG schema.");

    private Codes() {
    }

    private static String rule(String code, Severity severity, String description) {
        RULES.put(code, new Rule(code, severity, description));
        return code;
    }

    public static Severity defaultSeverity(String code) {
        Rule r = RULES.get(code);
        return r == null ? Severity.ERROR : r.severity();
    }
}
