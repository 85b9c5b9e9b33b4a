package dev.virtcpu.cli;

import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import dev.virtcpu.oracle.Virsh;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --libvirt VERSION} picks a bundled release's map on every command that reads the map; the
 * model lists equal what that release's {@code virsh cpu-models x86_64} prints (9.0.0 on this
 * machine, 12.8.0 in the sid chroot).
 */
class LibvirtOptionTest {

    @Test
    void modelsOf900AreWhatVirsh900Lists() throws Exception {
        assertModelsMatch(Virsh.system(Prerequisites.systemVirsh()), Prerequisites.SYSTEM_LIBVIRT);
    }

    @Test
    void modelsOf1280AreWhatVirsh1280Lists() throws Exception {
        assertModelsMatch(Virsh.chroot(Prerequisites.sidChroot()), Prerequisites.SID_LIBVIRT);
    }

    @Test
    void eachBundledReleaseHasItsOwnModelList() {
        assertEquals(57, CliRun.of("models", "--libvirt", "7.0.0").out().lines().count());
        assertEquals(150, CliRun.of("models", "--libvirt", "11.3").out().lines().count());
    }

    @Test
    void featuresFollowTheReleaseToo() {
        assertTrue(CliRun.of("features", "--libvirt", "12.8.0").out().contains("vmx-ept"));
        CliRun old = CliRun.of("features", "--libvirt", "9.0.0");
        assertEquals(0, old.exit());
        assertTrue(!old.out().contains("vmx-ept") && old.out().contains("avx512f"), old.out());
    }

    @Test
    void aModelUnknownToTheReleaseIsLibvirtsError() {
        CliRun r = CliRun.of("features", "--libvirt", "9.0.0", "--model", "SapphireRapids");
        assertEquals(1, r.exit());
        assertEquals("error: internal error: Unknown CPU model SapphireRapids", r.firstErrLine());
    }

    @Test
    void anUnbundledReleaseIsAUsageError() {
        CliRun r = CliRun.of("models", "--libvirt", "10.0.0");
        assertEquals(2, r.exit());
        assertEquals("virtcpu: --libvirt: libvirt 10.0.0 is not bundled (bundled: " + String.join(", ", BundledMap.VERSIONS)
                + "); give its cpu_map directory instead (cpuMap, --cpu-map)", r.firstErrLine());
    }

    @Test
    void withACpuMapDirectoryAnyReleaseNamesItsLoadingRules() {
        Path dir = TestMaps.testResources().resolve("model/loader-rules");
        assertEquals(List.of("Base", "Derived", "Grand"), CliRun.of("models", "--cpu-map", dir.toString(), "--libvirt", "9.0.0").out().lines().toList());
        assertEquals(5, CliRun.of("models", "--cpu-map", dir.toString(), "--libvirt", "10.10.0").out().lines().count());
    }

    private static void assertModelsMatch(Virsh virsh, String release) throws Exception {
        Virsh.Result r = virsh.run(List.of("-c", "test:///default", "cpu-models", "x86_64"), null);
        assertEquals(0, r.exit(), r.stderrText());
        assertEquals(r.stdoutText().strip(), CliRun.of("models", "--libvirt", release).out().strip());
    }
}
