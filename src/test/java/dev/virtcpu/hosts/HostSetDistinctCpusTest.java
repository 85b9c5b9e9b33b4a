package dev.virtcpu.hosts;

import dev.virtcpu.cpu.Baseline;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.CpuSignature;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.Mode;
import dev.virtcpu.cpu.Policy;
import dev.virtcpu.cpu.X86Models;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A host set evaluates each distinct CPU once and gives every host, and the baseline, exactly what
 * evaluating each host on its own gives: checked on random sets with repeated hosts (the first one
 * too), hosts without a vendor, of mixed vendors, with unknown models and features.
 * {@code -Dvirtcpu.seed=N} replays a run.
 */
class HostSetDistinctCpusTest {
    private final CpuMap map = BundledMap.get();
    private final ArchMap x86 = map.x86();

    @Test
    void everyHostAndTheBaselineAreAsIfEvaluatedOneByOne() {
        Long given = Long.getLong("virtcpu.seed");
        long seed = given != null ? given : new SecureRandom().nextLong();
        Random random = new Random(seed);
        int baselines = 0;
        for (int i = 0; i < 400; i++) {
            List<Host> hosts = randomHosts(random);
            String why = "case " + i + " (seed " + seed + ")";
            HostSet.Evaluation e = new HostSet("s", null, hosts, List.of()).evaluate(map);
            List<CpuDef> usable = new ArrayList<>();
            for (int h = 0; h < hosts.size(); h++) {
                HostSet.HostData d = e.hosts().get(h);
                FeatureSet expected = alone(hosts.get(h).cpu());
                assertEquals(expected, d.data(), why + ", host " + h);
                if (expected != null) usable.add(hosts.get(h).cpu());
            }
            String expected = usable.isEmpty() ? "the host set has no usable hosts" : baselineAlone(usable);
            assertEquals(expected, e.baseline() != null ? CpuFormatter.format(e.baseline()) : e.baselineError(), why);
            if (e.baseline() != null) baselines++;
        }
        // The sets must give both outcomes, or the comparison proves little.
        assertEquals(true, baselines > 40 && baselines < 360, baselines + " of 400 sets had a baseline");
    }

    private FeatureSet alone(CpuDef cpu) {
        try {
            return X86Models.fromCpu(x86, cpu, null);
        } catch (LibvirtException e) {
            return null;
        }
    }

    private String baselineAlone(List<CpuDef> cpus) {
        try {
            return CpuFormatter.format(Baseline.compute(map, cpus, Baseline.Options.PLAIN));
        } catch (LibvirtException e) {
            return e.getMessage();
        }
    }

    /** A few distinct CPUs, each repeated at random places. */
    private List<Host> randomHosts(Random random) {
        List<CpuDef> distinct = new ArrayList<>();
        int kinds = 1 + random.nextInt(4);
        for (int k = 0; k < kinds; k++) distinct.add(randomCpu(random));
        List<Host> hosts = new ArrayList<>();
        int count = 1 + random.nextInt(10);
        for (int h = 0; h < count; h++) {
            CpuDef cpu = copy(distinct.get(random.nextInt(3) == 0 ? 0 : random.nextInt(kinds)));
            hosts.add(new Host("h" + h, Path.of("h" + h + ".xml"), 0, 0, cpu));
        }
        return hosts;
    }

    private CpuDef randomCpu(Random random) {
        CpuDef cpu = new CpuDef();
        cpu.type = CpuDef.Type.HOST;
        cpu.arch = "x86_64";
        List<Model> models = x86.models();
        Model model = models.get(random.nextInt(models.size()));
        int r = random.nextInt(20);
        cpu.model = r == 0 ? null : r == 1 ? "NoSuchModel" : model.name();
        int v = random.nextInt(6);
        String own = model.vendor() == null ? null : model.vendor().name();
        cpu.vendor = v < 2 ? own : v == 2 ? null : v == 3 ? "Intel" : v == 4 ? "AMD" : random.nextInt(4) == 0 ? "NoSuchVendor" : own;
        for (int f = random.nextInt(4); f > 0; f--) {
            String name = random.nextInt(15) == 0 ? "no-such-feature" : x86.features().get(random.nextInt(x86.features().size())).name();
            if (cpu.feature(name) == null) cpu.features.add(new CpuFeatureDef(name, null, null));
        }
        return cpu;
    }

    private static CpuDef copy(CpuDef cpu) {
        CpuDef c = new CpuDef();
        c.type = cpu.type;
        c.arch = cpu.arch;
        c.model = cpu.model;
        c.vendor = cpu.vendor;
        c.features.addAll(cpu.features);
        return c;
    }

    @Test
    void cpusDifferingInAnyFieldHaveDifferentKeys() throws Exception {
        for (Field f : CpuDef.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("element")) continue;
            CpuDef a = new CpuDef();
            CpuDef b = new CpuDef();
            if (f.getName().equals("features")) {
                b.features.add(new CpuFeatureDef("vmx", Policy.REQUIRE, null));
            } else {
                f.set(b, differentValue(f.getType()));
            }
            assertNotEquals(CpuKey.of(a), CpuKey.of(b), "CpuKey misses CpuDef." + f.getName());
        }
        CpuDef a = new CpuDef();
        a.features.add(new CpuFeatureDef("vmx", Policy.REQUIRE, null));
        CpuDef b = new CpuDef();
        b.features.add(new CpuFeatureDef("vmx", Policy.DISABLE, null));
        assertNotEquals(CpuKey.of(a), CpuKey.of(b), "a feature's policy");
    }

    private static Object differentValue(Class<?> type) {
        if (type == String.class) return "x";
        if (type == CpuDef.Type.class) return CpuDef.Type.HOST;
        if (type == Mode.class) return Mode.HOST_MODEL;
        if (type == CpuSignature.class) return new CpuSignature(6, 85, 4);
        if (type == dev.virtcpu.cpu.cpuid.CpuData.class) return new dev.virtcpu.cpu.cpuid.CpuData.Builder().build();
        throw new AssertionError("CpuDef has a field of a type this test does not know: " + type
                + " (make CpuKey and this test cover it)");
    }
}
