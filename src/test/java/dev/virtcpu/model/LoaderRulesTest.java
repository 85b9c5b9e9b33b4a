package dev.virtcpu.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each release reads a cpu_map with its own rules (libvirt 7.0.0's and 9.0.0's cpu_map.c and
 * cpu_x86.c; 11.3.0 per spec §1.1–§1.4). The fixture map {@code model/loader-rules} holds one
 * construct per difference.
 */
class LoaderRulesTest {
    private static final Path MAP = TestMaps.testResources().resolve("model/loader-rules");
    private static final Path EXTRA_CHILD = TestMaps.testResources().resolve("model/loader-rules-extra-child");

    private static ArchMap load(String version) throws MapLoadException {
        return CpuMapLoader.load(MAP, version).x86();
    }

    @Test
    void releasesPickTheRulesOfTheirEra() {
        assertEquals(LoaderRules.LIBVIRT_7_0, LoaderRules.forVersion("7.0.0"));
        assertEquals(LoaderRules.LIBVIRT_7_0, LoaderRules.forVersion("8.0.0"));
        assertEquals(LoaderRules.LIBVIRT_9_0, LoaderRules.forVersion("9.0.0"));
        assertEquals(LoaderRules.LIBVIRT_11_3, LoaderRules.forVersion("10.10.0"));
        assertEquals(LoaderRules.LIBVIRT_11_3, LoaderRules.forVersion("12.8.0"));
        assertEquals(LoaderRules.LIBVIRT_11_3, LoaderRules.forVersion(null));
    }

    @Test
    void groupedIncludesAreReadFrom11xOnly() throws Exception {
        assertNull(load("7.0.0").model("Grouped"));
        assertNull(load("9.0.0").model("Grouped"));
        assertEquals(List.of("Base", "Derived", "Grand", "Base-v1", "Grouped"), names(load("11.3.0")));
    }

    @Test
    void numbersWithoutPrefixAreHexIn700AndStrtoulBase0Later() throws Exception {
        assertEquals(8, load("7.0.0").feature("octal-or-hex").bit(), "0100 read as 0x100");
        assertEquals(6, load("9.0.0").feature("octal-or-hex").bit(), "0100 read as octal 64");
        assertEquals(6, load("11.3.0").feature("octal-or-hex").bit());
    }

    @Test
    void a700FeatureIgnoresChildrenOtherThanCpuidAndMsr() throws Exception {
        assertEquals(0, CpuMapLoader.load(EXTRA_CHILD, "7.0.0").x86().feature("fpu").bit());
    }

    @Test
    void a900FeatureReadsAnyOtherChildAsAnMsr() {
        MapLoadException e = assertThrows(MapLoadException.class, () -> CpuMapLoader.load(EXTRA_CHILD, "9.0.0"));
        assertTrue(e.getMessage().endsWith("x86_features.xml: Invalid msr[1] in feature fpu"), e.getMessage());
    }

    @Test
    void checkAndAddedAreUnderstoodFrom11xOnly() throws Exception {
        ArchMap old = load("9.0.0");
        assertFalse(old.model("Base").compatCheck());
        assertTrue(old.model("Base").data().contains(old.feature("vmx-ept").index()), "added='yes' is a plain feature");
        ArchMap current = load("11.3.0");
        assertTrue(current.model("Base").compatCheck());
        assertFalse(current.model("Base").data().contains(current.feature("vmx-ept").index()));
        assertEquals("vmx-ept", current.model("Base").added().get(0).name());
    }

    @Test
    void removedFeaturesLeaveDescendantsFrom11xOnly() throws Exception {
        ArchMap old = load("9.0.0");
        assertTrue(old.model("Grand").data().contains(old.feature("mpx").index()));
        ArchMap current = load("11.3.0");
        assertFalse(current.model("Grand").data().contains(current.feature("mpx").index()));
        assertTrue(current.model("Derived").data().contains(current.feature("mpx").index()),
                "a model keeps the data it copied; only its descendants lose what it removed");
    }

    @Test
    void aModelThatOnlyNamesItsAncestorIsItsCanonicalAliasFrom11x() throws Exception {
        ArchMap current = load("11.3.0");
        assertEquals("Base-v1", current.model("Base").canonical());
        assertEquals("Base", current.model("Base-v1").aliasOf());
        ArchMap old = CpuMapLoader.load(MAP, "9.0.0", new LoaderRules("test", true, true, false, false)).x86();
        assertNull(old.model("Base").canonical(), "without model versions an unchanged copy is just another model");
    }

    @Test
    void decodeProblemsUseEachReleasesWording() {
        Path missing = TestMaps.testResources().resolve("model/loader-rules-no-decode");
        assertTrue(message(missing, "7.0.0").endsWith("invalid or missing decode/host attribute in CPU model Base"));
        assertTrue(message(missing, "9.0.0").endsWith("missing decode element in CPU model Base"));
    }

    private static String message(Path dir, String version) {
        return assertThrows(MapLoadException.class, () -> CpuMapLoader.load(dir, version)).getMessage();
    }

    private static List<String> names(ArchMap map) {
        return map.models().stream().map(Model::name).toList();
    }
}
