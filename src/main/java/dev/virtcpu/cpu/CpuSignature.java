package dev.virtcpu.cpu;

/** The family, model and stepping a host CPU reports in CPUID leaf 0x1 (printed as {@code <signature>}). */
public record CpuSignature(int family, int model, int stepping) {

    /** Decodes CPUID leaf 0x1 EAX the way libvirt does (mask 0x0fff3fff, extended family and model added). */
    public static CpuSignature fromCpuid(int eax) {
        int sig = eax & 0x0fff3fff;
        int family = ((sig >> 20) & 0xff) + ((sig >> 8) & 0xf);
        int model = ((sig >> 12) & 0xf0) + ((sig >> 4) & 0xf);
        return new CpuSignature(family, model, sig & 0xf);
    }

    /** The CPUID leaf 0x1 EAX that {@link #fromCpuid} reads back as this signature. */
    public int toCpuid() {
        int base = Math.min(family, 0xf);
        int extended = family - base;
        return ((extended & 0xff) << 20) | (((model >> 4) & 0xf) << 16) | (base << 8) | ((model & 0xf) << 4) | (stepping & 0xf);
    }

    /** {@code <signature family='6' model='23' stepping='10'/>} (stepping optional), or null when absent or invalid. */
    public static CpuSignature of(dev.virtcpu.xml.XmlElement signature) {
        if (signature == null) return null;
        try {
            int family = Integer.parseInt(signature.attr("family"));
            int model = Integer.parseInt(signature.attr("model"));
            String s = signature.attr("stepping");
            int stepping = s == null ? 0 : Integer.parseInt(s);
            if (family <= 0 || family > 0xff + 0xf || model < 0 || model > 0xff || stepping < 0 || stepping > 0xf) return null;
            return new CpuSignature(family, model, stepping);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
