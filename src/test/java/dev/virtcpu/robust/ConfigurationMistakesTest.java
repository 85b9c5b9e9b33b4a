package dev.virtcpu.robust;

import dev.virtcpu.cli.CliRun;
import dev.virtcpu.hosts.Globs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.virtcpu.robust.HostileInputs.HOST_CPU;
import static dev.virtcpu.robust.HostileInputs.domain;
import static dev.virtcpu.robust.HostileInputs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes in .virtcpu.json and in lint's options: each is said where it is (a configuration finding,
 * or one line on stderr) and lint exits 2; nothing falls back silently and nothing leaves the project.
 */
class ConfigurationMistakesTest {
    private static final String CLEAN = domain("<model>Skylake-Client</model>");

    private static CliRun lint(Path dir, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("lint", "--format", "text"));
        all.addAll(List.of(args));
        all.add(dir.resolve("vm.xml").toString());
        return CliRun.of(all);
    }

    private static Path project(Path dir, String config) {
        write(dir.resolve(".virtcpu.json"), config);
        write(dir.resolve("vm.xml"), CLEAN);
        write(dir.resolve("hosts/a.xml"), HOST_CPU + "\n");
        return dir;
    }

    @Test
    void aGlobSyntaxErrorInAHostSetIsAConfigurationFindingAtTheGlob(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"hosts/[a.xml\"]}, \"defaultHostSet\": \"all\"}"));
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains(".virtcpu.json:1:23: error config-problem: invalid glob \"hosts/[a.xml\" at character 7: '[' is not closed"), run::toString);
    }

    @Test
    void aReversedRangeInAGlobClassIsAConfigurationFinding(@TempDir Path dir) {
        // Found by fuzzing: the range went into a regular expression as it was, which refused it.
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"hosts/[x9-6].xml\"]}, \"defaultHostSet\": \"all\"}"));
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains("invalid glob \"hosts/[x9-6].xml\" at character 9: the range '9-6' is reversed"), run::toString);
    }

    @Test
    void regularExpressionSyntaxInAGlobClassIsLiteral() throws Exception {
        String glob = "h[&&^.[]*.xml";
        dev.virtcpu.hosts.Globs.check(glob, true);
        assertTrue(dev.virtcpu.hosts.Globs.matches(glob, Path.of("h&1.xml")));
        assertTrue(dev.virtcpu.hosts.Globs.matches(glob, Path.of("h[.xml")));
        assertTrue(!dev.virtcpu.hosts.Globs.matches(glob, Path.of("hx.xml")));
    }

    @Test
    void globSyntaxErrorsInFilesAndIgnoreAreConfigurationFindings(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"hosts/*.xml\"]}, \"files\": [{\"pattern\": \"{a,{b}}\", "
                + "\"hostSet\": \"all\"}], \"ignore\": [\"x}\"]}"));
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains("error config-problem: invalid glob \"{a,{b}}\" at character 4: '{' groups cannot be nested"), run::toString);
        assertTrue(run.out().contains("error config-problem: invalid glob \"x}\" at character 2: '}' without '{'"), run::toString);
    }

    @Test
    void aHostsGlobSyntaxErrorIsOneLineAndExitTwo(@TempDir Path dir) {
        write(dir.resolve("vm.xml"), CLEAN);
        CliRun run = lint(dir, "--hosts", dir + "/hosts/{a");
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.firstErrLine().startsWith("virtcpu: --hosts: invalid glob "), run::toString);
    }

    @Test
    void doubleStarMatchesZeroOrMoreDirectories() {
        assertTrue(Globs.matches("a/**/*.xml", Path.of("a/x.xml")));
        assertTrue(Globs.matches("a/**/*.xml", Path.of("a/b/c/x.xml")));
        assertTrue(Globs.matches("**/x.xml", Path.of("x.xml")));
        assertTrue(Globs.matches("a/**", Path.of("a/b/x.xml")));
        assertFalse(Globs.matches("a/*.xml", Path.of("a/b/x.xml")));
        assertFalse(Globs.matches("a/**/*.xml", Path.of("ab/x.xml")));
        assertTrue(Globs.matches("h/{a,b}[0-9].xml", Path.of("h/b7.xml")));
        assertFalse(Globs.matches("h/[!a]*.xml", Path.of("h/a1.xml")));
    }

    @Test
    void aHostSetGlobWithDoubleStarFindsFilesDirectlyInTheDirectory(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"hosts/**/*.xml\"]}, \"defaultHostSet\": \"all\"}"),
                "--severity", "info");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("runs on 1 of 1 host of host set 'all'"), run::toString);
    }

    @Test
    void absoluteAndParentGlobsAndFilesInTheConfigurationAreRefused(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"/etc/**\", \"../*.xml\", {\"file\": \"hosts/../../x.xml\"},"
                + " \"hosts/*.xml\"]}, \"defaultHostSet\": \"all\"}"), "--severity", "info");
        assertEquals(2, run.exit(), run::toString);
        assertEquals(3, run.out().split("leaves the directory of .virtcpu.json", -1).length - 1, run::toString);
        assertTrue(run.out().contains("runs on 1 of 1 host"), "the entries inside still count\n" + run);
    }

    @Test
    void aSymbolicLinkOutOfTheProjectIsNotFollowedByAConfigurationGlob(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        write(outside.resolve("secret.xml"), HOST_CPU + "\n");
        Path project = project(Files.createDirectories(dir.resolve("project")),
                "{\"hostSets\": {\"all\": [\"hosts/**/*.xml\"]}, \"defaultHostSet\": \"all\"}");
        Files.createSymbolicLink(project.resolve("hosts/link.xml"), outside.resolve("secret.xml"));
        Files.createSymbolicLink(project.resolve("hosts/dir"), outside);
        Files.createSymbolicLink(project.resolve("hosts/loop"), project.resolve("hosts"));
        CliRun run = lint(project, "--severity", "info");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("runs on 1 of 1 host"), run::toString);
    }

    @Test
    void deeplyNestedJsonIsAConfigurationFindingNotAStackOverflow(@TempDir Path dir) {
        for (boolean objects : new boolean[]{false, true}) {
            CliRun run = lint(project(dir, HostileInputs.deepJson(100_000, objects)));
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.out().contains("error config-problem: invalid JSON: arrays and objects nested more than 64 levels deep"), run::toString);
        }
    }

    @Test
    void aConfigurationOverTheSizeLimitIsAFinding(@TempDir Path dir) {
        CliRun run = lint(project(dir, HostileInputs.configWithEntries(300_000, "hosts/a.xml")));
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains("error config-problem: cannot read "), run::toString);
        assertTrue(run.out().contains("bytes, over the limit of 1048576"), run::toString);
    }

    @Test
    void anUnreadableCpuMapOptionIsExitTwo(@TempDir Path dir) {
        write(dir.resolve("vm.xml"), CLEAN);
        CliRun run = lint(dir, "--cpu-map", dir.resolve("nonexistent").toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.firstErrLine().startsWith("error: cannot load CPU map: "), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void aCpuMapOrSchemaDirectoryOfTheConfigurationThatCannotBeLoadedIsAFindingAtItsKey(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\n  \"cpuMap\": \"no-such-map\",\n  \"libvirtSchemas\": \"no-such-schemas\"\n}"));
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains(".virtcpu.json:2:13: error config-problem: cannot load the CPU map "), run::toString);
        assertTrue(run.out().contains(".virtcpu.json:3:21: error config-problem: full-domain validation is off: "), run::toString);
    }

    @Test
    void anUnknownHostSetOptionIsExitTwoEvenAtSeverityError(@TempDir Path dir) {
        CliRun run = lint(project(dir, "{\"hostSets\": {\"all\": [\"hosts/*.xml\"]}}"), "--host-set", "prod", "--severity", "error");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains("error config-problem: host set 'prod' (--host-set) is not defined here"), run::toString);
    }

    @Test
    void anUnknownHostSetOptionWithoutAnyConfigurationIsExitTwo(@TempDir Path dir) {
        write(dir.resolve("vm.xml"), CLEAN);
        CliRun run = lint(dir, "--host-set", "prod", "--severity", "error");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.out().contains("error: host set 'prod' (--host-set) is not defined: no .virtcpu.json applies"), run::toString);
    }

    @Test
    void severityOverridesReachHostFileAndConfigurationFindings(@TempDir Path dir) {
        project(dir, "{\"hostSets\": {\"all\": [\"hosts/*.xml\"]}, \"defaultHostSet\": \"all\", \"unknownKey\": 1,"
                + " \"severity\": {\"host-file-problem\": \"warning\", \"config-problem\": \"info\", \"host-set-problem\": \"off\"}}");
        write(dir.resolve("hosts/b.xml"), "<cpu><model>Skylake-Client</model></cpu>\n");
        CliRun run = lint(dir, "--severity", "info");
        assertTrue(run.out().contains("b.xml:1:1: warning host-file-problem: Missing CPU architecture"), run::toString);
        assertTrue(run.out().contains(".virtcpu.json:1:"), run::toString);
        assertTrue(run.out().contains(": info config-problem: unknown property \"unknownKey\""), run::toString);
        assertFalse(run.out().contains("host-set-problem"), run::toString);
        assertEquals(1, run.exit(), "a configuration problem turned down to info no longer makes it exit 2; the warning fails it\n" + run);
    }
}
