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
 * Loading a libvirt cpu_map directory (spec §1.1–§1.4): load order, inheritance, aliases, and libvirt's
 * loader error messages (§5.2) on tiny synthetic maps in {@code src/test/resources/cpu/maps/<case>/}.
 * virtcpu prefixes every message with the offending file.
 */
class CpuMapLoaderTest {
    private static Path map(String name) {
        return TestMaps.testResources().resolve("cpu/maps").resolve(name);
    }

    private static ArchMap load(String name) throws MapLoadException {
        return CpuMapLoader.load(map(name)).x86();
    }

    private static void assertFails(String mapName, String file, String libvirtMessage) {
        MapLoadException e = assertThrows(MapLoadException.class, () -> CpuMapLoader.load(map(mapName)));
        assertEquals(map(mapName).resolve(file) + ": " + libvirtMessage, e.getMessage());
    }

    // --- what a valid map means ------------------------------------------------------------------

    @Test
    void featuresKeepFileOrderAndTheirSingleCpuidOrMsrBit() throws Exception {
        ArchMap x86 = load("valid");
        assertEquals(List.of("fpu", "vmx", "pclmuldq", "invtsc", "rdctl-no"),
                x86.features().stream().map(Feature::name).toList());
        assertEquals("CPUID 0x1.0 ECX bit 5", x86.feature("vmx").location());
        assertEquals("MSR 0x10a EAX bit 0", x86.feature("rdctl-no").location());
    }

    @Test
    void onlyInvtscStyleFeaturesMarkedMigratableNoAreMigrationBlockers() throws Exception {
        ArchMap x86 = load("valid");
        assertFalse(x86.feature("invtsc").migratable());
        assertTrue(x86.feature("vmx").migratable());
    }

    @Test
    void featureAliasIsMetadataNotAName() throws Exception {
        ArchMap x86 = load("valid");
        assertNull(x86.feature("pclmulqdq"));
        assertEquals("pclmuldq", x86.featureByAlias("pclmulqdq").name());
    }

    @Test
    void descendantCopiesAncestorDataVendorAndSignaturesButNotDecodeFlags() throws Exception {
        ArchMap x86 = load("valid");
        Model derived = x86.model("Derived");
        assertEquals("Intel", derived.vendor().name());
        assertEquals("Base", derived.ancestor());
        assertTrue(derived.data().contains(x86.feature("fpu").index()));
        assertTrue(derived.data().contains(x86.feature("pclmuldq").index()));
        assertTrue(derived.compatCheck());
        assertFalse(x86.model("Base").compatCheck());
        assertFalse(x86.model("Base-v1").decodeGuest(), "decode flags are not inherited");
    }

    @Test
    void ownSignatureListReplacesInheritedOneAndSteppingIsABitmap() throws Exception {
        ArchMap x86 = load("valid");
        assertEquals(List.of(new Signature(6, 15, -1)), x86.model("Base").signatures());
        assertEquals(List.of(new Signature(6, 23, 0b10000011111)), x86.model("Derived").signatures());
    }

    @Test
    void removedAndAddedFeaturesAreListedButNotInTheModelData() throws Exception {
        ArchMap x86 = load("valid");
        Model derived = x86.model("Derived");
        assertEquals(List.of("invtsc"), derived.removed().stream().map(Feature::name).toList());
        assertEquals(List.of("rdctl-no"), derived.added().stream().map(Feature::name).toList());
        assertFalse(derived.data().contains(x86.feature("invtsc").index()));
        assertFalse(derived.data().contains(x86.feature("rdctl-no").index()));
    }

    @Test
    void unchangedDescendantIsTheCanonicalAliasOfItsAncestor() throws Exception {
        ArchMap x86 = load("valid");
        assertEquals("Base-v1", x86.model("Base").canonical());
        assertEquals("Base", x86.model("Base-v1").aliasOf());
        assertEquals(x86.model("Base").data(), x86.model("Base-v1").data());
        assertNull(x86.model("Derived").aliasOf(), "a descendant with features of its own is no alias");
    }

    @Test
    void archLevelElementsLoadBeforeIncludesAndGroupedIncludesAreLoaded() throws Exception {
        ArchMap x86 = load("grouped-includes");
        assertEquals(List.of("Zhaoxin CentaurHauls", "Intel", "AMD"), x86.vendors().stream().map(Vendor::name).toList());
        assertEquals("sse", x86.features().get(0).name());
        assertEquals(List.of("Inline", "Base", "Base-v1", "Derived"), x86.models().stream().map(Model::name).toList());
    }

    // --- loader errors (§1.1–§1.4, §5.2) -----------------------------------------------------------

    @Test
    void ancestorMustAlreadyBeLoaded() {
        assertFails("unknown-ancestor", "x86_models.xml", "Ancestor model Missing not found for CPU model Derived");
    }

    @Test
    void ancestorDefinedLaterInTheFileIsNotFound() {
        assertFails("ancestor-defined-later", "x86_models.xml", "Ancestor model Base not found for CPU model Derived");
    }

    @Test
    void ancestorNeedsAName() {
        assertFails("missing-ancestor-name", "x86_models.xml", "Missing ancestor's name in CPU model Derived");
    }

    @Test
    void modelNamesAreUnique() {
        assertFails("duplicate-model", "x86_models.xml", "Multiple definitions of CPU model 'Base'");
    }

    @Test
    void decodeElementIsRequired() {
        assertFails("missing-decode", "x86_models.xml", "missing decode element in CPU model Base");
    }

    @Test
    void decodeNeedsBothHostAndGuest() {
        // virXMLPropTristateSwitch(VIR_XML_PROP_REQUIRED) in 9.0.0 and 11.3.0's x86ModelParseDecode
        assertFails("decode-without-guest", "x86_models.xml", "Missing required attribute 'guest' in element 'decode'");
    }

    @Test
    void modelFeatureMustExistAliasSpellingsIncluded() {
        assertFails("feature-not-found", "x86_models.xml", "Feature pclmulqdq required by CPU model Base not found");
    }

    @Test
    void modelVendorMustBeDefined() {
        assertFails("unknown-model-vendor", "x86_models.xml", "Unknown vendor Acme referenced by CPU model Base");
    }

    @Test
    void checkNeedsPartial() {
        assertFails("missing-check-partial", "x86_models.xml", "Missing check/@partial in CPU model Base");
    }

    @Test
    void checkPartialOnlyAcceptsCompat() {
        assertFails("invalid-check-partial", "x86_models.xml", "Invalid check/@partial value 'full' in CPU model Base");
    }

    @Test
    void signatureFamilyMustBePositive() {
        assertFails("invalid-signature-family", "x86_models.xml", "Invalid CPU signature family in model Base");
    }

    @Test
    void signatureModelMustBeNumeric() {
        assertFails("invalid-signature-model", "x86_models.xml", "Invalid CPU signature model in model Base");
    }

    @Test
    void aModelHasAtMostOneCanonicalAlias() {
        assertFails("canonical-twice", "x86_models.xml",
                "Cannot set CPU model 'Base-v2' as canonical name of 'Base' which is already an alias of 'Base-v1'");
    }

    @Test
    void modelNeedsAName() {
        assertFails("model-without-name", "x86_models.xml", "cannot find model name in CPU map 'x86_models.xml'");
    }

    @Test
    void featureNeedsAName() {
        assertFails("feature-without-name", "x86_features.xml", "cannot find feature name in CPU map 'x86_features.xml'");
    }

    @Test
    void vendorStringMustBeTwelveCharacters() {
        assertFails("invalid-vendor-string", "x86_vendors.xml", "Invalid CPU vendor string 'Intel'");
    }

    @Test
    void vendorStringIsRequired() {
        assertFails("missing-vendor-string", "x86_vendors.xml", "Missing vendor string for CPU vendor Acme");
    }

    @Test
    void vendorNamesAreUnique() {
        assertFails("duplicate-vendor", "x86_vendors.xml", "CPU vendor Intel already defined");
    }

    @Test
    void featureNamesAreUnique() {
        assertFails("duplicate-feature", "x86_features.xml", "CPU feature vmx already defined");
    }

    @Test
    void featureNeedsCpuidOrMsrData() {
        assertFails("feature-without-data", "x86_features.xml", "no x86 CPU data found");
    }

    @Test
    void cpuidNeedsEaxIn() {
        MapLoadException e = assertThrows(MapLoadException.class, () -> CpuMapLoader.load(map("invalid-cpuid")));
        assertTrue(e.getMessage().startsWith(map("invalid-cpuid").resolve("x86_features.xml") + ": Invalid cpuid[0]"),
                e.getMessage());
    }

    @Test
    void msrNeedsIndexEaxAndEdx() {
        MapLoadException e = assertThrows(MapLoadException.class, () -> CpuMapLoader.load(map("invalid-msr")));
        assertTrue(e.getMessage().startsWith(map("invalid-msr").resolve("x86_features.xml") + ": Invalid msr[0]"),
                e.getMessage());
    }

    @Test
    void includeNeedsFilename() {
        assertFails("include-without-filename", "index.xml", "Missing 'filename' in CPU map include");
    }

    @Test
    void mapWithoutX86ArchIsRefused() {
        assertFails("no-x86-arch", "index.xml", "cannot find CPU map for x86 architecture");
    }

    @Test
    void missingDirectoryNamesTheIndexFile() {
        MapLoadException e = assertThrows(MapLoadException.class, () -> CpuMapLoader.load(map("does-not-exist")));
        assertTrue(e.getMessage().contains(map("does-not-exist").resolve("index.xml").toString()), e.getMessage());
    }
}
