package dev.virtcpu.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'virtcpu baseline' arguments: plain invocations skip picocli, everything else goes through it. */
class BaselineArgumentsTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void plainOptionsAndFilesAreReadWithoutPicocli() {
        BaselineCommand c = BaselineCommand.parseSimple(new String[]{"--features", "--cpu-map=/m", "a.xml", "--migratable", "b.xml"});
        assertNotNull(c);
        assertTrue(c.features && c.migratable);
        assertEquals("/m", c.maps.cpuMap.toString());
        assertEquals(java.util.List.of("a.xml", "b.xml"), c.files);
    }

    @Test
    void theDriverIsTheTestDriverUnlessQemuIsAsked() {
        assertEquals(BaselineCommand.Driver.test, BaselineCommand.parseSimple(new String[]{"a.xml"}).driver);
        BaselineCommand c = BaselineCommand.parseSimple(new String[]{"--driver", "qemu", "a.xml"});
        assertEquals(BaselineCommand.Driver.qemu, c.driver);
        assertEquals(java.util.List.of("a.xml"), c.files);
        assertEquals(BaselineCommand.Driver.qemu, BaselineCommand.parseSimple(new String[]{"--driver=qemu", "a.xml"}).driver);
        assertNull(BaselineCommand.parseSimple(new String[]{"--driver", "xen", "a.xml"}));
    }

    @Test
    void theTargetLibvirtIsAPlainOptionToo() {
        assertEquals("9.0.0", BaselineCommand.parseSimple(new String[]{"--libvirt", "9.0.0", "a.xml"}).maps.libvirt);
        assertEquals("7.0", BaselineCommand.parseSimple(new String[]{"--libvirt=7.0", "a.xml"}).maps.libvirt);
        assertNull(BaselineCommand.parseSimple(new String[]{"a.xml", "--libvirt"}));
    }

    @Test
    void helpUnknownOptionsAndMissingValuesAreLeftToPicocli() {
        assertNull(BaselineCommand.parseSimple(new String[]{"--help"}));
        assertNull(BaselineCommand.parseSimple(new String[]{"--bogus", "a.xml"}));
        assertNull(BaselineCommand.parseSimple(new String[]{"a.xml", "--cpu-map"}));
        assertNull(BaselineCommand.parseSimple(new String[]{}));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAOneLineHint() {
        String[] r = run("baseline", "--bogus", "a.xml");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Unknown option: '--bogus'"), r[2]);
        assertTrue(r[2].contains("Try 'virtcpu baseline --help'"), r[2]);
    }

    @Test
    void aMissingFileGetsVirshsMessageAndVirshsEmptyStdoutLine() {
        String[] r = run("baseline", "/nonexistent/hosts.xml");
        assertEquals("1", r[0]);
        assertEquals("\n", r[1]);
        assertEquals("error: Failed to open file '/nonexistent/hosts.xml': No such file or directory\n", r[2]);
    }
}
