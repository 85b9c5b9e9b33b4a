package dev.virtcpu.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The x86-64 levels: the feature lists against the psABI table (by CPUID bit, so a wrong libvirt
 * name cannot pass), and the level of every libvirt model against QEMU's own x86 ABI table.
 */
class X86LevelsTest {
    private static final Path DATA = TestMaps.testResources().resolve("model/x86-64-levels");
    private final ArchMap x86 = BundledMap.get().x86();

    @Test
    void eachLevelsFeaturesAreThePsAbiListByCpuidBit() throws IOException {
        for (X86Level level : X86Level.values()) {
            List<String> expected = new ArrayList<>();
            for (String[] row : rows("psabi-levels.tsv", "\t")) {
                if (!row[0].equals(level.label().substring(7))) continue;
                expected.add(String.format("CPUID 0x%x.%s %s bit %s", Long.decode(row[2]), row[3], row[4].toUpperCase(), row[5]));
            }
            List<String> actual = level.added().stream().map(n -> x86.feature(n).location()).toList();
            assertEquals(expected, actual, level.label());
        }
    }

    @Test
    void everyLevelFeatureExistsInEveryBundledMap() throws Exception {
        for (String v : BundledMap.VERSIONS) {
            for (String name : X86Level.V4.required()) assertTrue(BundledMap.get(v).x86().feature(name) != null, v + " " + name);
        }
    }

    @ParameterizedTest(name = "libvirt {0}")
    @MethodSource("dev.virtcpu.model.BundledMapTest#versions")
    void guestModelsReachTheLevelsQemusAbiTableGives(String version) throws Exception {
        ArchMap map = BundledMap.get(version).x86();
        int compared = 0;
        for (String[] row : rows("cpu-models-x86-abi.csv", ",")) {
            if (row[0].equals("Model")) continue;
            Model m = map.model(row[0]);
            if (m == null) m = map.model(row[0].replaceFirst("-v1$", ""));
            if (m == null) continue;
            X86Level expected = null;
            for (int i = 1; i < row.length && i <= 4; i++) {
                if (row[i].equals("✅")) expected = X86Level.values()[i - 1];
            }
            assertEquals(expected, X86Levels.reached(map, QemuModelExtras.guestData(map, m)).level(), m.name());
            compared++;
        }
        assertTrue(compared >= 35, "compared " + compared + " models");
    }

    @Test
    void libvirtsOwnHaswellDefinitionLacksF16cAndAbmThatQemusHas() {
        X86Levels.Reached fromMap = X86Levels.reached(x86, x86.model("Haswell-noTSX").data());
        assertEquals(X86Level.V2, fromMap.level());
        assertEquals(List.of("f16c", "abm"), fromMap.missingForNext());
        assertEquals(X86Level.V3, X86Levels.reached(x86, QemuModelExtras.guestData(x86, x86.model("Haswell-noTSX"))).level());
        assertEquals(List.of(), QemuModelExtras.of("Skylake-Client"));
    }

    @Test
    void qemu64ReachesV1AndLacksSevenFeaturesOfV2() {
        X86Levels.Reached r = X86Levels.reached(x86, x86.model("qemu64").data());
        assertEquals(X86Level.V1, r.level());
        assertEquals(X86Level.V2, r.next());
        assertEquals(List.of("lahf_lm", "popcnt", "sse4.1", "sse4.2", "ssse3"), r.missingForNext());
    }

    @Test
    void aCpuWithoutSyscallIsBelowV1() {
        X86Levels.Reached r = X86Levels.reached(x86, x86.model("qemu32").data());
        assertNull(r.level());
        assertEquals("below x86-64-v1", r.label());
        assertFalse(r.atLeast(X86Level.V1));
    }

    @Test
    void missingListsEveryLevelUpToTheTarget() {
        FeatureSet nehalem = x86.model("Nehalem").data();
        assertEquals(List.of(), X86Levels.missing(x86, nehalem, X86Level.V2));
        assertEquals(List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe"),
                X86Levels.missing(x86, nehalem, X86Level.V3));
    }

    @Test
    void levelNamesParseInTheirUsualSpellings() {
        assertEquals(X86Level.V2, X86Level.parse("x86-64-v2"));
        assertEquals(X86Level.V3, X86Level.parse("v3"));
        assertEquals(X86Level.V4, X86Level.parse("x86_64_v4"));
        assertEquals(X86Level.V1, X86Level.parse("x86-64"));
        assertNull(X86Level.parse("x86-64-v5"));
    }

    private static List<String[]> rows(String file, String separator) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            out.add(line.split(separator, -1));
        }
        return out;
    }
}
