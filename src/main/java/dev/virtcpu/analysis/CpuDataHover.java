package dev.virtcpu.analysis;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.InputException;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.cpuid.CpuDataXml;
import dev.virtcpu.cpu.cpuid.HostDecoder;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** Hover in a host given as libvirt CPU data ({@code <cpudata>}): the host CPU it decodes to with the map in use. */
final class CpuDataHover {
    private static final int LISTED_FEATURES = 40;

    private CpuDataHover() {
    }

    static Hover hover(XmlDocument doc, XmlElement at, AnalysisContext ctx) {
        if (!CpuDataXml.isCpuData(doc)) return null;
        return new Hover(markdown(doc, ctx.map()), at.nameStart(), at.nameEnd());
    }

    static String markdown(XmlDocument doc, CpuMap map) {
        String release = map.libvirtVersion() == null ? map.source() : "libvirt " + map.libvirtVersion();
        CpuDef host;
        try {
            host = HostDecoder.decode(map, CpuDataXml.parse(doc, "this file").masked());
        } catch (InputException | LibvirtException e) {
            return "**CPU data** that does not decode to a host CPU with the CPU map of " + release + ": " + e.getMessage();
        }
        StringBuilder sb = new StringBuilder("**Host CPU ").append(host.model).append("**");
        List<String> about = new ArrayList<>();
        if (host.vendor != null) about.add(host.vendor);
        if (host.signature != null) {
            about.add("family " + host.signature.family() + " model " + host.signature.model()
                    + " stepping " + host.signature.stepping());
        }
        if (!about.isEmpty()) sb.append(" (").append(String.join(", ", about)).append(')');
        sb.append(" — what `virsh capabilities` reports for this CPU with the CPU map of ").append(release).append('.');
        List<String> names = new ArrayList<>();
        for (CpuFeatureDef f : host.features) names.add(f.name());
        sb.append("\n\n").append(names.size()).append(" features beyond the model");
        if (!names.isEmpty()) {
            sb.append(": ").append(String.join(", ", names.subList(0, Math.min(LISTED_FEATURES, names.size()))));
            if (names.size() > LISTED_FEATURES) sb.append(", …");
        }
        sb.append("\n\n```xml\n").append(CpuFormatter.format(host)).append("```");
        return sb.toString();
    }
}
