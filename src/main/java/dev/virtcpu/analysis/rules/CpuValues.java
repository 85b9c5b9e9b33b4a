package dev.virtcpu.analysis.rules;

import dev.virtcpu.xml.XmlElement;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The values libvirt's parser accepts for the attributes of {@code <cpu>} and its children. */
public final class CpuValues {
    public static final List<String> MODES = values("custom", "host-model", "host-passthrough", "maximum");
    public static final List<String> MATCHES = values("minimum", "exact", "strict");
    public static final List<String> CHECKS = values("none", "partial", "full");
    public static final List<String> SWITCH = values("on", "off");
    public static final List<String> FALLBACKS = values("allow", "forbid");
    public static final List<String> POLICIES = values("force", "require", "optional", "disable", "forbid");
    public static final List<String> CACHE_MODES = values("emulate", "passthrough", "disable");
    public static final List<String> MAXPHYSADDR_MODES = values("emulate", "passthrough");

    private CpuValues() {
    }

    /** Attribute values of an enumeration; unlike List.of, contains(null) is simply false (a valueless attribute). */
    private static List<String> values(String... v) {
        return Collections.unmodifiableList(Arrays.asList(v));
    }

    /** The {@code <model>} text, or null when there is none or it is empty. */
    public static String modelName(XmlElement cpu) {
        XmlElement m = cpu.element("model");
        if (m == null) return null;
        String t = m.text();
        return t.isEmpty() ? null : t;
    }

    /** The attribute's value when it is one of {@code allowed}, else null (absent or invalid). */
    public static String valid(XmlElement e, String attribute, List<String> allowed) {
        String v = e == null ? null : e.attr(attribute);
        return allowed.contains(v) ? v : null;
    }

    /** " (did you mean X?)" / " (did you mean X, Y?)", or "" without suggestions. */
    public static String didYouMean(List<String> close) {
        if (close.isEmpty()) return "";
        return close.size() == 1 ? " (did you mean " + close.get(0) + "?)" : " (did you mean " + String.join(", ", close) + "?)";
    }
}
