package dev.virtcpu.hosts;

import dev.virtcpu.model.X86Level;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code "libvirt"} (top level and per host set) and {@code "minimumLevel"} (top level and per files entry). */
class ConfigReleasesAndLevelsTest {
    private static final Path DIR = Path.of("/project");

    private static Config parse(String json) {
        return ConfigLoader.parse(DIR.resolve(".virtcpu.json"), json);
    }

    private static List<String> problems(Config c) {
        return c.problems.stream().map(Problem::message).toList();
    }

    @Test
    void aHostSetsOwnReleaseWinsOverTheTopLevelOne() {
        Config c = parse("""
                {"libvirt": "11.3", "hostSets": {"new": ["n/*.xml"], "old": {"libvirt": "9.0.0", "hosts": ["o/*.xml"]}}}""");
        assertEquals(List.of(), problems(c));
        assertEquals("9.0.0", c.libvirtFor("old"));
        assertEquals("11.3.0", c.libvirtFor("new"), "two-part versions name their .0 release");
        assertEquals("11.3.0", c.libvirtFor(null));
        assertEquals(List.of("o/*.xml"), c.hostSets.get("old").stream().map(Config.HostSource::glob).toList());
    }

    @Test
    void withoutAReleaseTheDefaultApplies() {
        assertNull(parse("{}").libvirtFor("any"));
    }

    @Test
    void anUnbundledReleaseNeedsACpuMapDirectory() {
        assertEquals(List.of("libvirt 10.0.0 is not bundled (bundled: 7.0.0, 9.0.0, 11.3.0, 12.8.0); set \"cpuMap\" to its cpu_map directory"),
                problems(parse("{\"libvirt\": \"10.0.0\"}")));
        Config withDir = parse("{\"libvirt\": \"10.0.0\", \"cpuMap\": \"maps/10.0\"}");
        assertEquals(List.of(), problems(withDir));
        assertEquals("10.0.0", withDir.libvirt);
    }

    @Test
    void theFirstFilesEntryThatSaysALevelWinsOverTheTopLevel() {
        Config c = parse("""
                {"minimumLevel": "x86-64-v2", "hostSets": {"a": ["a/*.xml"]},
                 "files": [{"pattern": "d/rhel10/*.xml", "minimumLevel": "x86-64-v3"},
                           {"pattern": "d/**/*.xml", "hostSet": "a"}]}""");
        assertEquals(List.of(), problems(c));
        assertEquals(X86Level.V3, c.minimumLevelFor(DIR.resolve("d/rhel10/web.xml")));
        assertEquals("a", c.mappedHostSet(DIR.resolve("d/rhel10/web.xml")), "an entry without hostSet does not stop the search");
        assertEquals(X86Level.V2, c.minimumLevelFor(DIR.resolve("d/other/db.xml")));
    }

    @Test
    void levelsAreSpelledAsThePsAbiDoes() {
        assertEquals(List.of("\"minimumLevel\" must be x86-64-v1, x86-64-v2, x86-64-v3 or x86-64-v4"),
                problems(parse("{\"minimumLevel\": \"v2\"}")));
    }
}
