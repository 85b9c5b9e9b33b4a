package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the CPU definitions in a file the way {@code virsh cpu-baseline} does: top-level
 * {@code <cpu>} elements, {@code <domain><cpu>}, {@code <capabilities><host><cpu>} and
 * {@code <domainCapabilities><cpu><mode name='host-model' supported='yes'>}, in document order.
 * Several documents may simply be concatenated.
 */
public final class CpuExtractor {
    private CpuExtractor() {
    }

    public static List<XmlElement> extract(List<XmlElement> roots) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement root : roots) {
            switch (root.name()) {
                case "cpu" -> out.add(root);
                case "domain" -> out.addAll(root.elements("cpu"));
                case "capabilities" -> {
                    for (XmlElement host : root.elements("host")) out.addAll(host.elements("cpu"));
                }
                case "domainCapabilities" -> {
                    for (XmlElement cpu : root.elements("cpu")) {
                        for (XmlElement mode : cpu.elements("mode")) {
                            if ("host-model".equals(mode.attr("name")) && "yes".equals(mode.attr("supported"))) out.add(mode);
                        }
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    /** virsh's message when nothing was found; {@code file} is the path as the user gave it. */
    public static String nothingFoundMessage(String file) {
        return "File '" + file + "' does not contain any <cpu> element or valid domain XML, host capabilities XML, "
                + "or domain capabilities XML";
    }
}
