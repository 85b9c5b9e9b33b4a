package dev.virtcpu.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bundled map is a fresh import of its Debian package's cpu_map (bullseye 7.0.0, bookworm
 * 9.0.0, trixie 11.3.0, sid 12.8.0), and the maps have the shape the spec's model-count table
 * (§1.4) and feature notes (§1.2, §1.3, §1.5) give.
 */
class BundledMapTest {

    @ParameterizedTest(name = "libvirt {0}")
    @MethodSource("versions")
    void bundledMapIsAFreshImportOfTheDebianPackagesCpuMap(String version) throws Exception {
        DebianCpuMaps.Source debian = DebianCpuMaps.source(version);
        assertTrue(debian.packageVersion().startsWith(version + "-"),
                debian.dir() + " comes from package version '" + debian.packageVersion() + "', not libvirt " + version);
        CpuMap fresh = CpuMapLoader.load(debian.dir(), version);
        assertEquals(CompactMapFormat.write(fresh), resourceText(version), BundledMap.resource(version)
                + " is stale: regenerate it with dev.virtcpu.model.MapImporter " + debian.dir() + " " + version);
    }

    @ParameterizedTest(name = "libvirt {0}")
    @MethodSource("versions")
    void bundledMapHasAsManyX86ModelsAndFeaturesAsTheDebianPackagesXml(String version) throws Exception {
        Path dir = DebianCpuMaps.source(version).dir();
        ArchMap x86 = BundledMap.get(version).x86();
        assertEquals(xmlCount(dir, "x86_*.xml", "<model name='[^']+'>"), x86.models().size(), "models");
        assertEquals(xmlCount(dir, "x86_features.xml", "<feature name='[^']+'"), x86.features().size(), "features");
    }

    @ParameterizedTest(name = "libvirt {0}")
    @MethodSource("versions")
    void bundledMapRecordsItsRelease(String version) throws Exception {
        assertEquals(version, BundledMap.get(version).libvirtVersion());
    }

    @ParameterizedTest(name = "libvirt {0}")
    @MethodSource("versions")
    void compactFormatRoundTrips(String version) throws Exception {
        String text = resourceText(version);
        assertEquals(text, CompactMapFormat.write(CompactMapFormat.read(text, "test")));
    }

    @Test
    void theDefaultIs1280() {
        assertEquals("12.8.0", BundledMap.get().libvirtVersion());
    }

    @Test
    void twoPartVersionsNameTheirDotZeroRelease() throws Exception {
        assertEquals("9.0.0", BundledMap.get("9.0").libvirtVersion());
    }

    @Test
    void anUnbundledReleaseIsAnErrorListingTheBundledOnes() {
        MapLoadException e = assertThrows(MapLoadException.class, () -> BundledMap.get("10.0.0"));
        assertEquals("libvirt 10.0.0 is not bundled (bundled: 7.0.0, 9.0.0, 11.3.0, 12.8.0); "
                + "give its cpu_map directory instead (cpuMap, --cpu-map)", e.getMessage());
    }

    @Test
    void x86Has57ModelsAnd184FeaturesIn700() throws Exception {
        ArchMap x86 = BundledMap.get("7.0.0").x86();
        assertEquals(57, x86.models().size());
        assertEquals(184, x86.features().size());
        assertEquals(0, count(x86.models(), m -> m.aliasOf() != null));
        assertEquals(List.of("Intel", "AMD", "Hygon"), x86.vendors().stream().map(Vendor::name).toList());
    }

    @Test
    void x86Has150ModelsAnd364FeaturesIn1130() throws Exception {
        ArchMap x86 = BundledMap.get("11.3.0").x86();
        assertEquals(150, x86.models().size());
        assertEquals(86, count(x86.models(), m -> m.name().matches(".*-v[0-9]+")));
        assertEquals(364, x86.features().size());
    }

    static List<String> versions() {
        return BundledMap.VERSIONS;
    }

    // --- 12.8.0 (bundled) -------------------------------------------------------------------------

    @Test
    void x86Has176ModelsOf108AreVersioned1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(176, x86.models().size());
        assertEquals(108, count(x86.models(), m -> m.name().matches(".*-v[0-9]+")));
    }

    @Test
    void x86Has63CanonicalAliasPairsAnd45FullVersionedModels1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(63, count(x86.models(), m -> m.aliasOf() != null));
        assertEquals(63, count(x86.models(), m -> m.canonical() != null));
        assertEquals(45, count(x86.models(), m -> m.name().matches(".*-v[0-9]+") && m.aliasOf() == null));
        assertEquals("Haswell-v2", x86.model("Haswell-noTSX").canonical());
        assertEquals("Haswell-v4", x86.model("Haswell-noTSX-IBRS").canonical());
        assertEquals("Skylake-Client-v3", x86.model("Skylake-Client-noTSX-IBRS").canonical());
        assertEquals("EPYC-v2", x86.model("EPYC-IBPB").canonical());
        assertEquals("Skylake-Client-v1", x86.model("Skylake-Client").canonical());
    }

    @Test
    void decodeFlagsGuest61Host174_1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(61, count(x86.models(), Model::decodeGuest));
        assertEquals(174, count(x86.models(), Model::decodeHost));
    }

    @Test
    void versionedAndNoTsxModelsAreNeverGuestModels1280() {
        ArchMap x86 = BundledMap.get().x86();
        for (Model m : x86.models()) {
            if (m.name().matches(".*-v[0-9]+")) assertEquals(false, m.decodeGuest(), m.name());
        }
        for (String name : List.of("cpu64-rhel5", "cpu64-rhel6", "Skylake-Client-noTSX-IBRS", "Skylake-Server-noTSX-IBRS",
                "Cascadelake-Server-noTSX", "Icelake-Client-noTSX", "Icelake-Server-noTSX")) {
            assertEquals(false, x86.model(name).decodeGuest(), name);
        }
        assertEquals(List.of("cpu64-rhel5", "cpu64-rhel6"),
                x86.models().stream().filter(m -> !m.decodeHost()).map(Model::name).toList());
    }

    @Test
    void modelVendorsIntel114Amd36Hygon3Zhaoxin4None19_1280() {
        assertEquals(List.of(114, 36, 3, 4, 19), vendorCounts(BundledMap.get().x86(), "Zhaoxin CentaurHauls"));
    }

    @Test
    void fourVendorsIncludingZhaoxinWithASpaceInItsName1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(List.of("Intel", "AMD", "Hygon", "Zhaoxin CentaurHauls"), x86.vendors().stream().map(Vendor::name).toList());
        assertEquals("CentaurHauls", x86.vendor("Zhaoxin CentaurHauls").string());
    }

    @Test
    void x86Has400FeaturesOf281CpuidAnd119Msr1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(400, x86.features().size());
        assertEquals(281, count(x86.features(), f -> f.register().kind() == Register.Kind.CPUID));
        assertEquals(119, count(x86.features(), f -> f.register().kind() == Register.Kind.MSR));
        assertEquals(21, cpuidKeys(x86));
    }

    @Test
    void removedAddedAndCheckCounts16_35_62_1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(16, count(x86.models(), m -> !m.removed().isEmpty()));
        assertEquals(35, count(x86.models(), m -> !m.added().isEmpty()));
        assertEquals(62, count(x86.models(), Model::compatCheck));
        // 12 <signature stepping=…> elements; -vN aliases inherit them, so count models that are no alias.
        assertEquals(12, count(x86.models(), m -> m.aliasOf() == null && m.signatures().stream().anyMatch(s -> s.steppings() >= 0)));
    }

    @Test
    void onlyInvtscAndXsavesBlockMigration1280() {
        assertEquals(Set.of("invtsc", "xsaves"), blockers(BundledMap.get().x86()));
    }

    @Test
    void featureAliasesAre26SpellingsOfCanonicalNames1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(26, x86.features().stream().mapToInt(f -> f.aliases().size()).sum());
        assertEquals("pclmuldq", x86.featureByAlias("pclmulqdq").name());
        assertEquals("sse4.1", x86.featureByAlias("sse4_1").name());
        assertEquals("pni", x86.featureByAlias("sse3").name());
    }

    @Test
    void ppc64Has8ModelsAndArm15ModelsWith18Features1280() {
        CpuMap map = BundledMap.get();
        assertEquals(8, map.arch("ppc64").models().size());
        assertEquals(15, map.arch("arm").models().size());
        assertEquals(18, map.arch("arm").features().size());
    }

    @Test
    void removedFeaturesOfSkylakeIcelakeAndEpyc1280() {
        ArchMap x86 = BundledMap.get().x86();
        assertEquals(List.of("mpx"), names(x86.model("Skylake-Client").removed()));
        assertEquals(List.of("monitor"), names(x86.model("EPYC").removed()));
        assertEquals(List.of(), names(x86.model("Skylake-Client-v1").removed()), "a -vN alias does not inherit removed");
    }

    // --- 9.0.0 (/usr/share/libvirt/cpu_map) ----------------------------------------------------------

    @Test
    void x86Has58ModelsNoneVersioned900() {
        ArchMap x86 = TestMaps.system900().x86();
        assertEquals(58, x86.models().size());
        assertEquals(0, count(x86.models(), m -> m.name().matches(".*-v[0-9]+")));
        assertEquals(0, count(x86.models(), m -> m.aliasOf() != null));
    }

    @Test
    void decodeFlagsGuest51Host56_900() {
        ArchMap x86 = TestMaps.system900().x86();
        assertEquals(51, count(x86.models(), Model::decodeGuest));
        assertEquals(56, count(x86.models(), Model::decodeHost));
    }

    @Test
    void modelVendorsIntel35Amd11Hygon1None11_900() {
        assertEquals(List.of(35, 11, 1, 0, 11), vendorCounts(TestMaps.system900().x86(), "Zhaoxin CentaurHauls"));
        assertEquals(List.of("Intel", "AMD", "Hygon"),
                TestMaps.system900().x86().vendors().stream().map(Vendor::name).toList());
    }

    @Test
    void x86Has212FeaturesOf202CpuidAnd10Msr900() {
        ArchMap x86 = TestMaps.system900().x86();
        assertEquals(212, x86.features().size());
        assertEquals(202, count(x86.features(), f -> f.register().kind() == Register.Kind.CPUID));
        assertEquals(10, count(x86.features(), f -> f.register().kind() == Register.Kind.MSR));
        assertEquals(13, cpuidKeys(x86));
    }

    @Test
    void removedAddedAndCheckCounts8_0_0_900() {
        ArchMap x86 = TestMaps.system900().x86();
        assertEquals(8, count(x86.models(), m -> !m.removed().isEmpty()));
        assertEquals(0, count(x86.models(), m -> !m.added().isEmpty()));
        assertEquals(0, count(x86.models(), Model::compatCheck));
        assertEquals(6, count(x86.models(), m -> m.signatures().stream().anyMatch(s -> s.steppings() >= 0)));
    }

    @Test
    void onlyInvtscAndXsavesBlockMigration900() {
        assertEquals(Set.of("invtsc", "xsaves"), blockers(TestMaps.system900().x86()));
    }

    @Test
    void featureAliasesAre25Spellings900() {
        assertEquals(25, TestMaps.system900().x86().features().stream().mapToInt(f -> f.aliases().size()).sum());
    }

    @Test
    void ppc64Has7ModelsAndArm12Models900() {
        assertEquals(7, TestMaps.system900().arch("ppc64").models().size());
        assertEquals(12, TestMaps.system900().arch("arm").models().size());
    }

    @Test
    void removedFeaturesAreNotSubtractedFromDescendantsIn900ButAreIn1280() {
        // 11.x+ subtracts an ancestor's removed features from the copied data; 9.0 does not (§1.4).
        ArchMap old = TestMaps.system900().x86();
        ArchMap bundled = BundledMap.get().x86();
        assertEquals(true, old.model("Skylake-Client-IBRS").data().contains(old.feature("mpx").index()));
        assertEquals(false, bundled.model("Skylake-Client-IBRS").data().contains(bundled.feature("mpx").index()));
    }

    // ------------------------------------------------------------------------------------------------

    private static String resourceText(String version) throws IOException {
        try (InputStream in = BundledMap.class.getResourceAsStream(BundledMap.resource(version))) {
            assertNotNull(in, BundledMap.resource(version));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Matches of a pattern in the map's XML files, counted on the text (not through the loader). */
    private static int xmlCount(Path dir, String glob, String regex) throws IOException {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        int n = 0;
        try (java.nio.file.DirectoryStream<Path> files = java.nio.file.Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                java.util.regex.Matcher m = p.matcher(java.nio.file.Files.readString(f));
                while (m.find()) n++;
            }
        }
        return n;
    }

    private static <T> int count(List<T> list, Predicate<T> p) {
        return (int) list.stream().filter(p).count();
    }

    private static List<Integer> vendorCounts(ArchMap x86, String zhaoxin) {
        int[] c = new int[5];
        for (Model m : x86.models()) {
            String v = m.vendor() == null ? null : m.vendor().name();
            if (v == null) c[4]++;
            else if (v.equals("Intel")) c[0]++;
            else if (v.equals("AMD")) c[1]++;
            else if (v.equals("Hygon")) c[2]++;
            else if (v.equals(zhaoxin)) c[3]++;
        }
        return List.of(c[0], c[1], c[2], c[3], c[4]);
    }

    private static int cpuidKeys(ArchMap x86) {
        Set<String> keys = new HashSet<>();
        for (Feature f : x86.features()) {
            if (f.register().kind() == Register.Kind.CPUID) keys.add(f.register().leaf() + "." + f.register().subleaf());
        }
        return keys.size();
    }

    private static Set<String> blockers(ArchMap x86) {
        return Set.copyOf(x86.features().stream().filter(f -> !f.migratable()).map(Feature::name).toList());
    }

    private static List<String> names(List<Feature> features) {
        return features.stream().map(Feature::name).toList();
    }
}
