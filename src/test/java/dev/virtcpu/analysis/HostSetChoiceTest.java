package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which host set a domain file is checked against, from the most specific choice to the least. */
class HostSetChoiceTest {
    private static final String HOST = "<cpu><arch>x86_64</arch><model>Haswell</model><vendor>Intel</vendor></cpu>";

    @TempDir
    Path dir;

    private Project project() throws IOException {
        Files.createDirectories(dir.resolve("hosts/a"));
        Files.createDirectories(dir.resolve("hosts/b"));
        Files.writeString(dir.resolve("hosts/a/h1.xml"), HOST);
        Files.writeString(dir.resolve("hosts/b/h2.xml"), HOST);
        Files.writeString(dir.resolve(".virtcpu.json"), """
                {
                  // comments are allowed, as in VS Code's JSON with comments
                  "hostSets": {"a": ["hosts/a/*.xml"], "b": ["hosts/b/*.xml"]},
                  "defaultHostSet": "a", /* the fleet */
                  "files": [{"pattern": "legacy/*.xml", "hostSet": "b"}]
                }
                """);
        return new Project();
    }

    private String chosen(Project p, String file, String text) {
        return p.resolve(dir.resolve(file), XmlParser.parse(text)).context().hostSetName();
    }

    @Test
    void theConfigurationsDefaultApplies() throws IOException {
        assertEquals("a", chosen(project(), "vm.xml", "<domain/>"));
    }

    @Test
    void aFilePatternBeatsTheDefault() throws IOException {
        assertEquals("b", chosen(project(), "legacy/vm.xml", "<domain/>"));
    }

    @Test
    void theEditorSettingBeatsTheDefaultWhenTheConfigurationDefinesIt() throws IOException {
        Project p = project();
        p.setSettings(new Project.Settings("b", null, Map.of(), null));
        assertEquals("b", chosen(p, "vm.xml", "<domain/>"));
    }

    @Test
    void anEditorSettingTheConfigurationDoesNotKnowIsIgnored() throws IOException {
        Project p = project();
        p.setSettings(new Project.Settings("elsewhere", null, Map.of(), null));
        assertEquals("a", chosen(p, "vm.xml", "<domain/>"));
    }

    @Test
    void theDomainsMetadataBeatsEverythingButAnExplicitOverride() throws IOException {
        Project p = project();
        String domain = "<domain><metadata><v:hostset xmlns:v='" + Project.METADATA_NAMESPACE + "' name='b'/></metadata></domain>";
        assertEquals("b", chosen(p, "vm.xml", domain));
        p.forceHostSet("a");
        assertEquals("a", chosen(p, "vm.xml", domain));
    }

    @Test
    void aSelectionAppliesToEveryFileOfTheConfiguration() throws IOException {
        Project p = project();
        p.select(dir.resolve("vm.xml"), "b");
        assertEquals("b", chosen(p, "other.xml", "<domain/>"));
    }
}
