package dev.virtcpu.analysis;

import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.MapHistory;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.QemuModelExtras;
import dev.virtcpu.model.X86Levels;

import java.util.ArrayList;
import java.util.List;

/** Markdown documentation of models and features, with what the host set says about them. */
final class Docs {
    private Docs() {
    }

    /** Hosts of the set that cannot run the model (missing features or other vendor). */
    static List<HostSet.HostData> hostsLackingModel(Model m, HostSet.Evaluation eval) {
        List<HostSet.HostData> out = new ArrayList<>();
        if (eval == null) return out;
        for (HostSet.HostData h : eval.usable()) {
            boolean vendorOk = m.vendor() == null || h.vendor() == null || m.vendor().name().equals(h.vendor());
            if (!vendorOk || !m.data().isSubsetOf(h.data())) out.add(h);
        }
        return out;
    }

    static String model(ArchMap map, Model m, AnalysisContext ctx) {
        StringBuilder sb = new StringBuilder("**").append(m.name()).append("** — CPU model");
        sb.append("\n\n- vendor: ").append(m.vendor() == null ? "any (generic model)" : m.vendor().name());
        sb.append("\n- features: ").append(m.data().size());
        if (m.aliasOf() != null) sb.append("\n- alias of ").append(m.aliasOf()).append(" (versioned name)");
        if (m.canonical() != null) sb.append("\n- versioned name: ").append(m.canonical());
        if (!m.removed().isEmpty()) {
            List<String> r = new ArrayList<>();
            m.removed().forEach(f -> r.add(f.name()));
            sb.append("\n- removed (disabled in guests): ").append(String.join(", ", r));
        }
        if (!m.decodeGuest()) sb.append("\n- never chosen by a baseline (libvirt decodes guests to another model)");
        String since = since(MapHistory.bundled().modelSince(map.name(), m.name()));
        if (since != null) sb.append("\n- ").append(since);
        if (map.name().equals("x86")) {
            sb.append("\n- x86-64 level: ").append(X86Levels.reached(map, QemuModelExtras.guestData(map, m)).label());
        }
        HostSet.Evaluation eval = ctx == null ? null : ctx.evaluation();
        if (eval != null && !eval.usable().isEmpty()) {
            List<HostSet.HostData> lacking = hostsLackingModel(m, eval);
            int total = eval.usable().size();
            sb.append("\n\n**Host set '").append(ctx.hostSetName()).append("':** runs on ")
                    .append(total - lacking.size()).append(" of ").append(total).append(" hosts");
            for (int i = 0; i < lacking.size() && i < 8; i++) {
                HostSet.HostData h = lacking.get(i);
                List<String> missing = new ArrayList<>();
                var miss = m.data().copy().removeAll(h.data());
                for (int f = miss.nextSet(0); f >= 0 && missing.size() < 6; f = miss.nextSet(f + 1)) missing.add(map.feature(f).name());
                sb.append("\n- ").append(h.host().name()).append(": ");
                if (m.vendor() != null && h.vendor() != null && !m.vendor().name().equals(h.vendor())) sb.append("vendor ").append(h.vendor()).append("; ");
                sb.append(missing.isEmpty() ? "" : "lacks " + String.join(", ", missing) + (miss.size() > missing.size() ? ", …" : ""));
            }
            if (lacking.size() > 8) sb.append("\n- and ").append(lacking.size() - 8).append(" more");
        }
        return sb.toString();
    }

    /**
     * "since libvirt 11.3.0 (not in 9.0.0)" for a name the oldest bundled release lacks; null for
     * names every bundled release has (or none).
     */
    static String since(String first) {
        MapHistory h = MapHistory.bundled();
        String previous = first == null ? null : h.previous(first);
        return previous == null ? null : "since libvirt " + first + " (not in " + previous + ")";
    }

    /** A model or feature the map in use lacks but a bundled release has: where it comes from. */
    static String elsewhere(String kind, String name, String first, String target) {
        return "**" + name + "** — CPU " + kind + " of libvirt " + first + " and later; not in " + target
                + ", which the domain is checked against";
    }

    static String feature(ArchMap map, Feature f, AnalysisContext ctx) {
        StringBuilder sb = new StringBuilder("**").append(f.name()).append("** — CPU feature");
        if (f.hasLocation()) sb.append("\n\n- ").append(f.location());
        if (!f.migratable()) sb.append("\n- blocks live migration (migratable='no')");
        if (!f.aliases().isEmpty()) sb.append("\n- also spelled (not accepted by libvirt): ").append(String.join(", ", f.aliases()));
        String since = since(MapHistory.bundled().featureSince(map.name(), f.name()));
        if (since != null) sb.append("\n- ").append(since);
        List<String> models = new ArrayList<>();
        for (Model m : map.models()) {
            if (m.data().contains(f.index()) && m.aliasOf() == null) models.add(m.name());
        }
        sb.append("\n- in ").append(models.size()).append(" models");
        if (!models.isEmpty()) sb.append(" (").append(String.join(", ", models.subList(0, Math.min(6, models.size()))))
                .append(models.size() > 6 ? ", …" : "").append(')');
        HostSet.Evaluation eval = ctx == null ? null : ctx.evaluation();
        if (eval != null && !eval.usable().isEmpty()) {
            List<HostSet.HostData> lacking = new ArrayList<>();
            for (HostSet.HostData h : eval.usable()) {
                if (!h.has(f.index())) lacking.add(h);
            }
            int total = eval.usable().size();
            sb.append("\n\n**Host set '").append(ctx.hostSetName()).append("':** ").append(total - lacking.size())
                    .append(" of ").append(total).append(" hosts have it");
            if (!lacking.isEmpty()) sb.append("; lacking: ").append(HostNames.of(lacking));
        }
        return sb.toString();
    }
}
