package dev.virtcpu.lint;

import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code lint --fix} renames without changing what the guest gets: with libvirt 9.0.0's map (the
 * host's, as {@code --cpu-map}), which has no versioned models, Haswell-v4 becomes Haswell-noTSX-IBRS
 * (the same CPU, never Haswell, which brings TSX back); a QEMU spelling next to libvirt's spelling of
 * the same feature merges into one element.
 */
class LintFixRenamesKeepMeaningTest {
    private static final String DOMAIN = "<domain type='kvm'>\n  <name>r</name>\n  <cpu mode='custom' match='exact'>\n%s  </cpu>\n</domain>\n";

    @Test
    void aVersionedModelUnknownToTheMapBecomesTheSameCpuThere(@TempDir Path dir) throws IOException {
        Path f = write(dir, "    <model fallback='forbid'>Haswell-v4</model>\n    <feature policy='disable' name='vmx'/>\n");
        lint("--fix", "--cpu-map", Prerequisites.systemCpuMap().toString(), f.toString());
        assertEquals(String.format(DOMAIN, "    <model fallback='forbid'>Haswell-noTSX-IBRS</model>\n    <feature policy='disable' name='vmx'/>\n"),
                Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void anAliasNextToItsLibvirtSpellingMergesIntoOneElement(@TempDir Path dir) throws IOException {
        Path f = write(dir, "    <model fallback='forbid'>Westmere</model>\n    <feature policy='disable' name='sse4.1'/>\n"
                + "    <feature policy='disable' name='sse4_1'/>\n");
        LintRun run = lint("--fix", f.toString());
        assertEquals(String.format(DOMAIN, "    <model fallback='forbid'>Westmere</model>\n    <feature policy='disable' name='sse4.1'/>\n"),
                Files.readString(f, StandardCharsets.UTF_8), run::toString);
    }

    @Test
    void anAliasWhoseLibvirtSpellingHasAnotherPolicyIsLeftToTheUser(@TempDir Path dir) throws IOException {
        Path f = write(dir, "    <model fallback='forbid'>Westmere</model>\n    <feature policy='disable' name='sse4.1'/>\n"
                + "    <feature policy='require' name='sse4_1'/>\n");
        String before = Files.readString(f, StandardCharsets.UTF_8);
        LintRun run = lint("--fix", "--format", "json", f.toString());
        assertEquals(before, Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(true, run.out().contains("Remove this <feature> (sse4.1, its libvirt spelling, is listed already with policy disable)"),
                run::toString);
    }

    private static Path write(Path dir, String cpu) throws IOException {
        Path f = dir.resolve("domain.xml");
        Files.writeString(f, String.format(DOMAIN, cpu), StandardCharsets.UTF_8);
        return f;
    }
}
