package dev.virtcpu.analysis;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuSignature;
import dev.virtcpu.cpu.DecodeStep;
import dev.virtcpu.cpu.HostModelExplanation;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.util.List;

/**
 * Hover on the {@code <model>} of a host CPU description (capabilities or a bare host {@code <cpu>}):
 * why libvirt presents this CPU as that model, from its host decode replayed on the CPU's features,
 * vendor and signature — the models it weighed and what decided ("my Core 2 shows up as core2duo").
 */
final class HostModelHover {
    private static final int LISTED = 4;

    private HostModelHover() {
    }

    static Hover hover(XmlDocument doc, XmlElement at, int offset, AnalysisContext ctx) {
        XmlElement cpu = at.parent();
        if (!at.name().equals("model") || cpu == null || !cpu.name().equals("cpu") || cpu.element("arch") == null
                || offset < at.contentStart() || offset > at.contentEnd()) return null;
        int[] range = Ranges.text(at, doc.text());
        return new Hover(markdown(cpu, ctx.map()), range[0], range[1]);
    }

    static String markdown(XmlElement cpu, CpuMap map) {
        String release = map.libvirtVersion() == null ? "the CPU map " + map.source() : "libvirt " + map.libvirtVersion();
        CpuDef host = host(cpu);
        CpuSignature signature = CpuSignature.of(cpu.element("signature"));
        HostModelExplanation e;
        try {
            e = HostModelExplanation.of(map.x86(), host, signature);
        } catch (LibvirtException ex) {
            return "**" + host.model + "**: cannot replay libvirt's host decode with " + release + ": " + ex.getMessage();
        }
        StringBuilder sb = new StringBuilder("**").append(e.result().model).append("** is how ").append(release)
                .append(" presents this CPU").append(signature == null ? "" : " (family " + signature.family() + ", model "
                        + signature.model() + ", stepping " + signature.stepping() + ")").append('.');
        if (!e.result().model.equals(host.model)) {
            sb.append(" The file says ").append(host.model).append(": it comes from another libvirt release or map.");
        }
        sb.append("\n\nlibvirt's host decode takes, of the models whose every feature the CPU has, one whose signature "
                + "matches the CPU's, else the one that leaves the fewest features over (on a tie, the one later in the map). ")
                .append(decisive(e)).append("\n");
        for (DecodeStep s : distinct(e.matchingSignatureButLacking(), null)) {
            sb.append("\n- ").append(names(s)).append(": the signature matches, but the CPU lacks ").append(String.join(", ", s.missing()));
        }
        List<DecodeStep> fits = distinct(e.fits(), e.winner());
        for (DecodeStep s : fits) {
            sb.append("\n- ").append(names(s)).append(": ").append(s.extra().size()).append(" features over")
                    .append(e.signatureMatches(s.model()) ? ", signature matches" : "")
                    .append(s == e.winner() ? " — **chosen**" : "");
        }
        return sb.toString();
    }

    /**
     * The first {@link #LISTED} steps, a model and its versioned alias counted once (the one
     * {@code keep} names, else the first met); the winner is always listed.
     */
    private static List<DecodeStep> distinct(List<DecodeStep> steps, DecodeStep keep) {
        java.util.Map<String, DecodeStep> byBase = new java.util.LinkedHashMap<>();
        for (DecodeStep s : steps) {
            String base = s.model().aliasOf() != null ? s.model().aliasOf() : s.model().name();
            if (s == keep || !byBase.containsKey(base)) byBase.put(base, s);
        }
        List<DecodeStep> out = new java.util.ArrayList<>(byBase.values());
        return out.subList(0, Math.min(LISTED, out.size()));
    }

    /** "Westmere-v1 (Westmere)": a versioned alias with the model it stands for. */
    private static String names(DecodeStep s) {
        return s.model().aliasOf() == null ? s.model().name() : s.model().name() + " (" + s.model().aliasOf() + ")";
    }

    private static String decisive(HostModelExplanation e) {
        DecodeStep won = e.winner();
        if (e.signatureMatches(won.model())) {
            return won.model().name() + " has this CPU's signature, which outweighs models with fewer features over.";
        }
        List<DecodeStep> lacking = e.matchingSignatureButLacking();
        if (!lacking.isEmpty()) {
            return "The models with this CPU's signature need features it lacks, so the fewest features over decide.";
        }
        return "No model has this CPU's signature, so the fewest features over decide.";
    }

    private static CpuDef host(XmlElement cpu) {
        CpuDef host = new CpuDef();
        host.type = CpuDef.Type.HOST;
        host.model = cpu.element("model").text().strip();
        host.vendor = cpu.element("vendor") == null ? null : cpu.element("vendor").text().strip();
        for (XmlElement f : cpu.elements("feature")) {
            if (f.attr("name") != null) host.features.add(new CpuFeatureDef(f.attr("name"), null, null));
        }
        return host;
    }
}
