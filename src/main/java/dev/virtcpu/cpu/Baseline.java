package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.Vendor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * libvirt's virCPUBaseline: the intersection of every input's model-plus-features bits, decoded as a
 * guest CPU that prefers the input model names. {@code virsh cpu-baseline} passes host CPUs;
 * {@code hypervisor-cpu-baseline} also accepts guest CPUs (a domcapabilities host-model) and passes a
 * model list and a feature filter ({@link Hypervisor}).
 */
public final class Baseline {
    /** Arches with a libvirt CPU driver but no cpu_map and no baseline (s390; riscv64, loongarch64 in 12.8). */
    private static final java.util.Set<String> HAS_CPU_DRIVER = java.util.Set.of("s390", "s390x", "riscv64", "loongarch64");

    private Baseline() {
    }

    /**
     * {@code hypervisor} null: {@code virsh cpu-baseline}; otherwise libvirt's hypervisor baseline
     * ({@code virsh hypervisor-cpu-baseline}): the same algorithm with a model list and a feature
     * filter, and {@code fallback='forbid'}.
     */
    public record Options(boolean expandFeatures, boolean migratable, Hypervisor hypervisor) {
        public static final Options PLAIN = new Options(false, false);

        public Options(boolean expandFeatures, boolean migratable) {
            this(expandFeatures, migratable, null);
        }
    }

    /**
     * What the hypervisor supports: the model names it can run (null: every model of the map) and the
     * features it can give a guest (null: every feature).
     */
    public record Hypervisor(java.util.Set<String> models, FeatureSet features) {
        public static final Hypervisor ANY = new Hypervisor(null, null);
    }

    public static CpuDef compute(CpuMap map, List<CpuDef> cpus, Options options) throws LibvirtException {
        if (cpus.isEmpty()) throw new LibvirtException(ErrorClass.INTERNAL, "no CPUs given");
        for (int i = 0; i < cpus.size(); i++) {
            if (cpus.get(i).model == null) {
                throw new LibvirtException(ErrorClass.INTERNAL, "no CPU model specified at index " + i, cpus.get(i).element);
            }
        }
        String arch = cpus.get(0).arch;
        String family = CpuMap.familyOf(arch);
        if (family == null && !HAS_CPU_DRIVER.contains(arch)) {
            // libvirt's cpu.c: no CPU driver at all for the arch (virsh 9.0.0 and 12.8.0 alike).
            throw new LibvirtException(ErrorClass.NO_SUPPORT, "'" + arch + "' architecture is not supported by CPU driver");
        }
        if (family == null || map.arch(family) == null) {
            throw new LibvirtException(ErrorClass.NO_SUPPORT, "cannot compute baseline CPU of " + arch + " architecture");
        }
        ArchMap archMap = map.arch(family);
        return switch (family) {
            case "x86" -> x86(archMap, cpus, options);
            case "ppc64" -> ppc64(archMap, cpus);
            default -> arm(cpus);
        };
    }

    private static CpuDef x86(ArchMap map, List<CpuDef> cpus, Options options) throws LibvirtException {
        CpuDef first = cpus.get(0);
        FeatureSet base = X86Models.fromCpu(map, first, null);
        boolean outputVendor = true;
        Vendor vendor = null;
        if (first.vendor == null) {
            outputVendor = false;
        } else {
            vendor = map.vendor(first.vendor);
            if (vendor == null) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "Unknown CPU vendor " + first.vendor, first.element);
        }
        List<String> preferred = new ArrayList<>();
        preferred.add(first.model);
        for (int i = 1; i < cpus.size(); i++) {
            CpuDef cpu = cpus.get(i);
            if (!preferred.contains(cpu.model)) preferred.add(cpu.model);
            FeatureSet data = X86Models.fromCpu(map, cpu, null);
            Model model = map.model(cpu.model);
            if (cpu.vendor != null && model.vendor() != null && !cpu.vendor.equals(model.vendor().name())) {
                throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPU vendor " + model.vendor().name() + " of model "
                        + model.name() + " differs from vendor " + cpu.vendor, cpu.element);
            }
            String vendorName;
            if (cpu.vendor != null) {
                vendorName = cpu.vendor;
            } else {
                outputVendor = false;
                vendorName = model.vendor() == null ? null : model.vendor().name();
            }
            if (vendorName != null) {
                if (vendor == null) {
                    vendor = map.vendor(vendorName);
                    if (vendor == null) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "Unknown CPU vendor " + vendorName, cpu.element);
                } else if (!vendor.name().equals(vendorName)) {
                    throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPU vendors do not match", cpu.element);
                }
            }
            base.retainAll(data);
        }
        Hypervisor hv = options.hypervisor();
        if (hv != null && hv.features() != null) base.retainAll(hv.features());
        if (base.isEmpty()) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPUs are incompatible");
        CpuDef result = Decoder.decodeWithin(map, new Decoder.Data(base, vendor, 0), CpuDef.Type.GUEST, preferred,
                options.migratable(), hv == null ? null : hv.models());
        result.mode = Mode.CUSTOM;
        result.match = "exact";
        if (hv != null || preferred.size() == 1 && preferred.get(0).equals(result.model)) result.fallback = "forbid";
        if (!outputVendor) result.vendor = null;
        if (options.expandFeatures()) expand(map, result);
        return result;
    }

    /** virCPUx86ExpandFeatures: every model feature listed, explicit ones on top, sorted by name. */
    static void expand(ArchMap map, CpuDef cpu) throws LibvirtException {
        Model model = map.model(cpu.model);
        if (model == null) throw new LibvirtException(ErrorClass.INTERNAL, "Unknown CPU model " + cpu.model);
        List<CpuFeatureDef> explicit = new ArrayList<>(cpu.features);
        List<CpuFeatureDef> expanded = new ArrayList<>();
        FeatureSet data = model.data();
        for (int i = data.nextSet(0); i >= 0; i = data.nextSet(i + 1)) {
            expanded.add(new CpuFeatureDef(map.feature(i).name(), Policy.REQUIRE, null));
        }
        for (CpuFeatureDef f : explicit) {
            if (f.policy() != Policy.REQUIRE && f.policy() != Policy.DISABLE) continue;
            int at = indexOf(expanded, f.name());
            CpuFeatureDef updated = new CpuFeatureDef(f.name(), f.policy(), null);
            if (at >= 0) expanded.set(at, updated);
            else expanded.add(updated);
        }
        for (Feature r : model.removed()) {
            if (indexOf(expanded, r.name()) < 0) expanded.add(new CpuFeatureDef(r.name(), Policy.DISABLE, null));
        }
        expanded.sort(Comparator.comparing(CpuFeatureDef::name, Baseline::compareBytes));
        cpu.features.clear();
        cpu.features.addAll(expanded);
    }

    private static int indexOf(List<CpuFeatureDef> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    private static CpuDef ppc64(ArchMap map, List<CpuDef> cpus) throws LibvirtException {
        Model base = null;
        Vendor vendor = null;
        for (CpuDef cpu : cpus) {
            Model model = map.model(ppcLegacy(cpu.model));
            if (model == null) throw new LibvirtException(ErrorClass.INTERNAL, "Unknown CPU model " + cpu.model, cpu.element);
            if (base == null) base = model;
            else if (!model.name().equals(base.name())) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPUs are incompatible");
            if (cpu.vendor == null) continue;
            Vendor v = map.vendor(cpu.vendor);
            if (v == null) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "Unknown CPU vendor " + cpu.vendor, cpu.element);
            if (model.vendor() != null && !model.vendor().name().equals(v.name())) {
                throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPU vendor " + model.vendor().name() + " of model "
                        + model.name() + " differs from vendor " + v.name());
            }
            if (vendor == null) vendor = v;
            else if (!vendor.name().equals(v.name())) throw new LibvirtException(ErrorClass.OPERATION_FAILED, "CPU vendors do not match");
        }
        CpuDef result = guestResult(base.name());
        result.fallback = "forbid";
        return result;
    }

    private static String ppcLegacy(String model) {
        return switch (model) {
            case "POWER7_v2.1", "POWER7_v2.3", "POWER7+_v2.1" -> "POWER7";
            case "POWER8_v1.0" -> "POWER8";
            default -> model;
        };
    }

    private static CpuDef arm(List<CpuDef> cpus) {
        return guestResult(cpus.get(0).model);
    }

    private static CpuDef guestResult(String model) {
        CpuDef result = new CpuDef();
        result.type = CpuDef.Type.GUEST;
        result.mode = Mode.CUSTOM;
        result.match = "exact";
        result.model = model;
        return result;
    }
}
