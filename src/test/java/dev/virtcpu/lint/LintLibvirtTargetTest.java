package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The target libvirt release decides which map a domain is checked with: {@code "libvirt"} in
 * .virtcpu.json (top level, overridden per host set) and {@code lint --libvirt} (overriding both).
 * Fixture: {@code lint/libvirt-target}, top level 11.3.0, host set 'bookworm' 9.0.0; YongFeng exists
 * since 12.8.0 and SapphireRapids since 11.3.0.
 */
class LintLibvirtTargetTest {
    private static final String ROOT = Fixtures.ROOT + "/libvirt-target";

    /** File name → the messages of its unknown-in-target findings. */
    private static Map<String, List<String>> unknownModels(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        all.add(ROOT);
        JsonNode report = parse(lint(all.toArray(String[]::new)).out());
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode f : report.get("files")) {
            String file = f.get("path").asText();
            List<String> messages = new ArrayList<>();
            for (JsonNode finding : f.get("findings")) {
                if (finding.get("code").asText().equals("unknown-in-target")) messages.add(finding.get("message").asText());
            }
            out.put(file.substring(file.indexOf("domains/")), messages);
        }
        return out;
    }

    @Test
    void theConfigurationsReleaseAndTheHostSetsOwnDecide() {
        Map<String, List<String>> found = unknownModels();
        assertEquals(List.of(), found.get("domains/current/sapphire.xml"), "11.3.0 knows SapphireRapids");
        assertEquals(1, found.get("domains/current/yongfeng.xml").size(), "11.3.0 does not know YongFeng");
        assertEquals(1, found.get("domains/bookworm/sapphire.xml").size(), "host set 'bookworm' is 9.0.0");
    }

    @Test
    void theCommandLineReleaseOverridesTheConfiguration() {
        Map<String, List<String>> found = unknownModels("--libvirt", "12.8.0");
        assertEquals(List.of(), found.get("domains/current/yongfeng.xml"));
        assertEquals(List.of(), found.get("domains/bookworm/sapphire.xml"));
    }

    @Test
    void anUnbundledReleaseOnTheCommandLineIsAUsageError() {
        LintRun r = lint("--libvirt", "8.0.0", ROOT);
        assertEquals(2, r.exit(), r::toString);
    }
}
