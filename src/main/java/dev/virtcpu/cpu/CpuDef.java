package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** A parsed {@code <cpu>}: a host CPU (arch, model, features) or a guest CPU (mode, match, policies). */
public final class CpuDef {
    public enum Type { HOST, GUEST }

    public Type type = Type.GUEST;
    public String arch;
    public Mode mode = Mode.CUSTOM;
    /** {@code minimum}, {@code exact} or {@code strict}; null when not given (libvirt's default is exact). */
    public String match;
    /** {@code none}, {@code partial} or {@code full}; null for libvirt's internal default. */
    public String check;
    public String migratable;
    public String deprecatedFeatures;
    public String model;
    /** {@code allow} or {@code forbid}; null when not given (allow). */
    public String fallback;
    public String vendorId;
    public String vendor;
    /** Host CPUs decoded from CPUID data: the CPU's signature (null when unknown or family 0). */
    public CpuSignature signature;
    public final List<CpuFeatureDef> features = new ArrayList<>();
    /**
     * A host CPU known only by its raw CPU data (a CPUID dump in a host set), to be decoded with the
     * CPU map in use ({@code HostDecoder}); model and features are then unset.
     */
    public dev.virtcpu.cpu.cpuid.CpuData rawData;
    /** Where this CPU came from, when parsed from XML. */
    public XmlElement element;

    public CpuFeatureDef feature(String name) {
        for (CpuFeatureDef f : features) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }

    public boolean isStrict() { return "strict".equals(match); }
}
