package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule virtcpu has, in a fixed order: the order of SARIF's rules[], of README's rule table, and
 * in which the per-{@code <cpu>} checks run. The rules about the definition itself (what libvirt's
 * parser and CPU map say) run first, then those that judge it against the host set.
 */
public final class Rules {
    private static final List<Rule> DEFINITION = List.of(
            new XmlSyntax(),
            new UnknownModel(),
            new UnknownFeature(),
            new FeatureAlias(),
            new UnknownInTarget(),
            new UnknownVendor(),
            new InvalidValue(),
            new ModelNameAttribute(),
            new VendorWithoutModel(),
            new FeaturesWithoutModel(),
            new DuplicateFeature(),
            new ConflictingFeaturePolicy(),
            new FeatureNoEffect(),
            new MisplacedAttribute(),
            new InvalidElement(),
            new NestedVirtVendor(),
            new ModelVendorMismatch(),
            new TopologyMismatch(),
            new NumaCells());

    private static final List<Rule> HOSTS = List.of(
            new MixedVendors(),
            new HostCpuHeterogeneous(),
            new HostVendorMismatch(),
            new HostMissingModelFeature(),
            new HostMissingFeature(),
            new HostMissingForcedFeature(),
            new HostForbiddenFeature(),
            new MigrationBlocker(),
            new HostStrictExtra(),
            new NestedVirt(),
            new OptionalMigration(),
            new CheckNone(),
            new MicroarchLevel(),
            new PolicyLogic(),
            new HostSetSummary(),
            new HostSetUnknown(),
            new HostSetProblem(),
            new ConfigProblem(),
            new HostFileProblem(),
            new MoreFindings(),
            new LibvirtSchema());

    public static final List<Rule> ALL = concat(DEFINITION, HOSTS);

    private static final Map<String, Rule> BY_CODE = new LinkedHashMap<>();

    static {
        for (Rule r : ALL) {
            if (BY_CODE.put(r.code(), r) != null) throw new IllegalStateException("two rules with code " + r.code());
        }
    }

    private Rules() {
    }

    /** The rule of a code, or null. */
    public static Rule byCode(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** A code's default severity ({@code error} for a code no rule has). */
    public static Severity defaultSeverity(String code) {
        Rule r = byCode(code);
        return r == null ? Severity.ERROR : r.defaultSeverity();
    }

    /** Runs every rule's check on one guest {@code <cpu>}, in registry order. */
    public static void check(CpuContext cpu) {
        checkDefinition(cpu);
        checkHosts(cpu);
    }

    /** The checks of the definition itself: libvirt's parser rules and the CPU map's names. */
    public static void checkDefinition(CpuContext cpu) {
        for (Rule r : DEFINITION) r.check(cpu);
    }

    /** The checks against the host set. */
    public static void checkHosts(CpuContext cpu) {
        for (Rule r : HOSTS) r.check(cpu);
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        List<Rule> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** README's rule table (Markdown): code, default severity, summary. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Code | Default | What it finds |\n|---|---|---|\n");
        for (Rule r : ALL) {
            sb.append("| `").append(r.code()).append("` | ").append(r.defaultSeverity().label()).append(" | ")
                    .append(codeSpans(r.summary()).replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** XML in a summary ({@code <vendor>}) as Markdown code, so it shows instead of being read as HTML. */
    private static String codeSpans(String s) {
        return s.replaceAll("<[^>]*>", "`$0`");
    }
}
