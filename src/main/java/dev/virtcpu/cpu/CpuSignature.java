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
}
