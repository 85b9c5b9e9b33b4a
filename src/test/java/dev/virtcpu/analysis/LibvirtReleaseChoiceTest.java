package dev.virtcpu.analysis;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which libvirt release's map a file is checked with: the editor's "libvirt" setting applies where no
 * .virtcpu.json names one; a configuration's (or its host set's) wins; lint --libvirt wins over both.
 */
class LibvirtReleaseChoiceTest {
    private static final Path NO_CONFIG = Path.of("/nonexistent/domains/web.xml");
    private static final Path CONFIGURED = RuleFixtures.root().resolve("unknown-in-target/model-from-a-newer-libvirt.xml");

    private static String release(Project p, Path file) {
        return p.resolve(file, null).context().map().libvirtVersion();
    }

    @Test
    void theEditorSettingAppliesWithoutAConfiguration() {
        Project p = new Project();
        p.setSettings(Project.Settings.fromJson("{\"libvirt\": \"9.0.0\"}"));
        assertEquals("9.0.0", release(p, NO_CONFIG));
    }

    @Test
    void theConfigurationWinsOverTheEditorSetting() {
        Project p = new Project();
        p.setSettings(Project.Settings.fromJson("{\"libvirt\": \"12.8.0\"}"));
        assertEquals("9.0.0", release(p, CONFIGURED));
    }

    @Test
    void theCommandLineWinsOverTheConfiguration() {
        Project p = new Project();
        p.forceLibvirt("11.3.0");
        assertEquals("11.3.0", release(p, CONFIGURED));
    }

    @Test
    void withoutAnyChoiceTheDefaultIs1280() {
        assertEquals("12.8.0", release(new Project(), NO_CONFIG));
    }
}
