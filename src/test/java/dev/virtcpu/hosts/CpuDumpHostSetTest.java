package dev.virtcpu.hosts;

import dev.virtcpu.cli.CliRun;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host sets take CPUID dumps ({@code src/test/resources/hosts/cpu-dumps/}): libvirt's CPU data XML and
 * {@code cpuid -1r} output, each decoded with the map the set is evaluated against, exactly as libvirt's
 * capabilities report that CPU.
 */
class CpuDumpHostSetTest {
    private static final Path DIR = TestMaps.testResources().resolve("hosts/cpu-dumps");
    private static final Path DATA = TestMaps.testResources().resolve("libvirt-cputestdata");

    private static HostSet set(String name) {
        Workspace w = new Workspace();
        return w.hostSet(w.loadConfig(DIR.resolve(".virtcpu.json")), name);
    }

    private static HostSet.HostData host(HostSet.Evaluation e, String name) {
        return e.hosts().stream().filter(h -> h.host().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void dumpsAreHostsNamedAfterTheirFiles() {
        HostSet set = set("dumps");
        assertEquals(List.of(), set.problems());
        assertEquals(List.of("epyc-vm", "xeon-gold-6148"), set.hosts().stream().map(Host::name).toList());
    }

    @Test
    void eachMapDecodesTheDumpAsItsLibvirtRelease() throws Exception {
        HostSet set = set("dumps");
        for (String release : List.of("9.0.0", "11.3.0")) {
            HostSet.HostData xeon = host(set.evaluate(BundledMap.get(release)), "xeon-gold-6148");
            assertNull(xeon.error());
            assertEquals(Files.readString(DATA.resolve(release + "/x86_64-cpuid-Xeon-Gold-6148-host.xml")),
                    CpuFormatter.format(xeon.host().cpu()), release);
        }
    }

    @Test
    void cpuidOutputDecodesAsTheMachinesLibvirtdReported() throws Exception {
        HostSet.HostData epyc = host(set("dumps").evaluate(BundledMap.get("9.0.0")), "epyc-vm");
        assertEquals(Files.readString(TestMaps.testResources().resolve("host/live-epyc/host-9.0.0.xml")),
                CpuFormatter.format(epyc.host().cpu()));
        assertEquals("AMD", epyc.vendor());
    }

    @Test
    void aDumpCutShortIsAProblemOfItsFile() {
        HostSet set = set("broken");
        assertEquals(List.of(), set.hosts());
        Problem p = set.problems().get(0);
        assertEquals("host-file-cpu-data", p.code());
        assertTrue(p.message().endsWith("cut-short.cpuid: truncated 'cpuid -1r' dump: no extended leaf 0x80000000"), p.message());
    }

    @Test
    void lintChecksDomainsAgainstDumps() {
        CliRun run = CliRun.of("lint", "--format", "text", "--severity", "info", DIR.resolve("domains").toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("runs on 1 of 2 hosts"), run.out());
        assertTrue(run.out().contains("epyc-vm"), run.out());
    }
}
