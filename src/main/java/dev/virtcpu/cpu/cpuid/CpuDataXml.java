package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;

import java.util.List;

/**
 * libvirt's CPU data XML ({@code virCPUx86DataParse}, {@code virCPUx86DataFormat}, and the files
 * {@code tests/cputestdata/cpu-data.py} writes):
 * {@code <cpudata arch='x86'><cpuid eax_in= ecx_in= eax= ebx= ecx= edx=/>…<msr index= edx= eax=/>…</cpudata>}.
 */
public final class CpuDataXml {
    public static final String ROOT = "cpudata";

    private CpuDataXml() {
    }

    /** True when the document's root element is {@code <cpudata>}. */
    public static boolean isCpuData(XmlDocument doc) {
        XmlElement root = doc.rootElement();
        return root != null && root.name().equals(ROOT);
    }

    /** @param name the input's name as the user gave it (used in messages) */
    public static CpuData parse(String text, String name) throws InputException {
        XmlDocument doc = XmlParser.parse(text);
        if (!doc.problems().isEmpty()) {
            XmlProblem p = doc.problems().get(0);
            throw new InputException(where(doc, name, p.start()) + p.message());
        }
        return parse(doc, name);
    }

    public static CpuData parse(XmlDocument doc, String name) throws InputException {
        XmlElement root = doc.rootElement();
        if (root == null || !root.name().equals(ROOT)) {
            throw new InputException(where(doc, name, root == null ? 0 : root.start())
                    + "not CPU data: expected libvirt's <cpudata arch='x86'> or the output of 'cpuid -1r'");
        }
        String arch = root.attr("arch");
        if (arch == null) throw new InputException(where(doc, name, root.start()) + "missing CPU data architecture (arch='x86')");
        if (!arch.equals("x86")) {
            throw new InputException(where(doc, name, root.start()) + "CPU data of architecture '" + arch
                    + "' cannot be decoded: only x86 CPUID data can");
        }
        List<XmlElement> items = root.elements();
        if (items.isEmpty()) throw new InputException(where(doc, name, root.start()) + "no x86 CPU data found");
        CpuData.Builder b = new CpuData.Builder();
        int i = 0;
        for (XmlElement e : items) {
            switch (e.name()) {
                case "alias" -> { continue; }
                case "cpuid" -> b.add(new CpuidLeaf(number(doc, name, e, i, "eax_in", true), number(doc, name, e, i, "ecx_in", false),
                        number(doc, name, e, i, "eax", false), number(doc, name, e, i, "ebx", false),
                        number(doc, name, e, i, "ecx", false), number(doc, name, e, i, "edx", false)));
                case "msr" -> b.add(new MsrValue(Integer.toUnsignedLong(number(doc, name, e, i, "index", true)),
                        number(doc, name, e, i, "eax", true), number(doc, name, e, i, "edx", true)));
                default -> throw new InputException(where(doc, name, e.start()) + "unexpected element <" + e.name()
                        + "> in CPU data (expected <cpuid> or <msr>)");
            }
            i++;
        }
        return b.build();
    }

    /** virXMLPropUInt with base 0: hexadecimal (0x…), octal (0…) or decimal, at most 32 bits. */
    private static int number(XmlDocument doc, String name, XmlElement e, int index, String attr, boolean required)
            throws InputException {
        XmlAttribute a = e.attribute(attr);
        if (a == null || a.value() == null) {
            if (!required) return 0;
            throw new InputException(where(doc, name, e.start()) + "invalid " + e.name() + "[" + index + "]: missing attribute " + attr);
        }
        Long v = parseUnsigned(a.value());
        if (v == null) {
            throw new InputException(where(doc, name, a.valueStart()) + "invalid " + e.name() + "[" + index + "]: " + attr + "='"
                    + shorten(a.value()) + "' is not a 32-bit unsigned number");
        }
        return (int) (long) v;
    }

    static Long parseUnsigned(String s) {
        int radix = 10;
        String digits = s;
        if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 11) return null;
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) return null;
        }
        long v = Long.parseLong(digits, radix);
        return v > 0xffffffffL ? null : v;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String where(XmlDocument doc, String name, int offset) {
        return name + ":" + (doc.lines().line(offset) + 1) + ":" + (doc.lines().column(offset) + 1) + ": ";
    }

    /** The data in the format libvirt's cpu-data.py writes (a comment line naming the CPU, if given). */
    public static String format(CpuData data, String comment) {
        StringBuilder sb = new StringBuilder();
        if (comment != null) sb.append("<!-- ").append(comment.replace("--", "- -")).append(" -->\n");
        sb.append("<cpudata arch='x86'>\n");
        for (CpuidLeaf l : data.leaves()) {
            sb.append(String.format("  <cpuid eax_in='0x%08x' ecx_in='0x%02x' eax='0x%08x' ebx='0x%08x' ecx='0x%08x' edx='0x%08x'/>\n",
                    l.eaxIn(), l.ecxIn(), l.eax(), l.ebx(), l.ecx(), l.edx()));
        }
        for (MsrValue m : data.msrs()) {
            sb.append(String.format("  <msr index='0x%x' edx='0x%08x' eax='0x%08x'/>\n", m.index(), m.edx(), m.eax()));
        }
        return sb.append("</cpudata>\n").toString();
    }
}
