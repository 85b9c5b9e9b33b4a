package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading this machine: libvirt's leaf walk, and what happens when the devices are missing. */
class LocalCpuTest {

    @TestFactory
    Stream<DynamicTest> libvirtsLeafWalkKeepsEveryFeatureBitOfRealCpus() {
        return LibvirtCpuTestData.of("9.0.0").cpus().stream().map(cpu -> DynamicTest.dynamicTest(cpu.name(), () -> {
            var map = TestMaps.system900X86();
            CpuData dump = CpuDataXml.parse(Files.readString(cpu.dump()), cpu.name());
            CpuData walked = CpuidWalk.read((eax, ecx) -> {
                CpuidLeaf l = dump.cpuid(eax, ecx);
                return l != null ? l : new CpuidLeaf(eax, ecx, 0, 0, 0, 0);
            }).build();
            assertEquals(HostDecoder.features(map, stripMsrs(dump)), HostDecoder.features(map, walked));
        }));
    }

    private static CpuData stripMsrs(CpuData d) {
        CpuData.Builder b = new CpuData.Builder();
        d.leaves().forEach(b::add);
        return b.build();
    }

    @Test
    void unreadableCpuidDeviceNamesTheAlternatives() {
        Path missing = Path.of("/nonexistent/cpu/0/cpuid");
        InputException e = assertThrows(InputException.class,
                () -> LocalCpu.read(BundledMap.get().x86(), missing, Path.of("/nonexistent/cpu/0/msr")));
        assertEquals("cannot read this machine's CPUID from /nonexistent/cpu/0/cpuid: no such device (load the cpuid "
                + "kernel module: modprobe cpuid); alternatives: 'cpuid -1r | virtcpu host -' (Debian package cpuid), "
                + "or 'virsh capabilities' where libvirt runs", e.getMessage());
    }

    @Test
    void msrsAreTheMapsMsrIndexesOnce() {
        var indexes = LocalCpu.msrIndexes(BundledMap.get().x86());
        assertTrue(indexes.contains(0x10aL), "IA32_ARCH_CAPABILITIES");
        assertTrue(indexes.contains(0x480L), "IA32_VMX_BASIC");
        assertEquals(indexes.size(), indexes.stream().distinct().count());
    }
}
