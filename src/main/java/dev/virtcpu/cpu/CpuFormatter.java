package dev.virtcpu.cpu;

/** Formats CPU definitions exactly as libvirt's virCPUDefFormat does (two-space indent, single quotes). */
public final class CpuFormatter {
    private CpuFormatter() {
    }

    public static String format(CpuDef cpu) {
        return format(cpu, "", "  ");
    }

    /**
     * @param base   indentation of the {@code <cpu>} line itself
     * @param indent one level of indentation
     */
    public static String format(CpuDef cpu, String base, String indent) {
        return format(cpu, base, indent, "\n");
    }

    public static String format(CpuDef cpu, String base, String indent, String newline) {
        StringBuilder body = new StringBuilder();
        String in = base + indent;
        boolean guest = cpu.type == CpuDef.Type.GUEST;
        if (!guest && cpu.arch != null) body.append(in).append("<arch>").append(escape(cpu.arch)).append("</arch>").append(newline);
        boolean printModel = cpu.model != null && (!guest || cpu.mode == Mode.CUSTOM || cpu.mode == Mode.HOST_MODEL);
        if (printModel || (guest && cpu.vendorId != null)) {
            body.append(in).append("<model");
            if (guest && cpu.model != null) body.append(" fallback='").append(cpu.fallback == null ? "allow" : cpu.fallback).append('\'');
            if (guest && cpu.vendorId != null) body.append(" vendor_id='").append(escape(cpu.vendorId)).append('\'');
            if (printModel) body.append('>').append(escape(cpu.model)).append("</model>").append(newline);
            else body.append("/>").append(newline);
        }
        if (cpu.vendor != null) body.append(in).append("<vendor>").append(escape(cpu.vendor)).append("</vendor>").append(newline);
        if (!guest && cpu.signature != null) {
            body.append(in).append("<signature family='").append(cpu.signature.family()).append("' model='")
                    .append(cpu.signature.model()).append("' stepping='").append(cpu.signature.stepping()).append("'/>").append(newline);
        }
        for (CpuFeatureDef f : cpu.features) {
            body.append(in).append("<feature ");
            if (guest) body.append("policy='").append(f.policy() == null ? "require" : f.policy().xml()).append("' ");
            body.append("name='").append(escape(f.name())).append("'/>").append(newline);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(base).append("<cpu");
        if (guest && (cpu.model != null || cpu.mode != Mode.CUSTOM)) {
            sb.append(" mode='").append(cpu.mode.xml()).append('\'');
            if (cpu.mode == Mode.CUSTOM) sb.append(" match='").append(cpu.match == null ? "exact" : cpu.match).append('\'');
            if (cpu.check != null) sb.append(" check='").append(cpu.check).append('\'');
            if (cpu.migratable != null && (cpu.mode == Mode.HOST_PASSTHROUGH || cpu.mode == Mode.MAXIMUM)) {
                sb.append(" migratable='").append(cpu.migratable).append('\'');
            }
            if (cpu.deprecatedFeatures != null) sb.append(" deprecated_features='").append(cpu.deprecatedFeatures).append('\'');
        }
        if (body.length() == 0) return sb.append("/>").append(newline).toString();
        return sb.append('>').append(newline).append(body).append(base).append("</cpu>").append(newline).toString();
    }

    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (r != null) {
                if (sb == null) sb = new StringBuilder(s.substring(0, i));
                sb.append(r);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
