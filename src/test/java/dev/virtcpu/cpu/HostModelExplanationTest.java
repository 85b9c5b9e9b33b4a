package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explaining a host CPU's model by replaying libvirt's host decode on the host description: on
 * libvirt's own test data (61 real CPUs, host CPUs as libvirt 7.0.0, 9.0.0 and 11.3.0 decoded them)
 * the replay arrives at the model libvirt printed, and it names the models passed over and why.
 */
class HostModelExplanationTest {
    private static final Path DATA = TestMaps.testResources().resolve("libvirt-cputestdata");

    @TestFactory
    List<DynamicTest> replayingTheHostDecodeGivesLibvirtsModel() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String version : List.of("7.0.0", "9.0.0", "11.3.0")) {
            for (Path host : hostFiles(version)) {
                tests.add(DynamicTest.dynamicTest(version + " " + host.getFileName(), () -> {
                    XmlElement cpu = XmlParser.parse(Files.readString(host, StandardCharsets.UTF_8)).rootElement();
                    HostModelExplanation e = explain(BundledMap.get(version).x86(), cpu, signature(cpu, host));
                    String printed = cpu.element("model").text();
                    assertEquals(printed, e.result().model);
                    assertEquals(printed, e.winner().model().name());
                }));
            }
        }
        assertTrue(tests.size() >= 180, "libvirt's host decode test data: " + tests.size());
        return tests;
    }

    @Test
    void aPentiumP6100IsCore2duoBecauseItLacksWestmeresSse41Sse42AndAes() throws Exception {
        HostModelExplanation e = explainFile("9.0.0", "Pentium-P6100");
        assertEquals("core2duo", e.winner().model().name());
        assertEquals(new CpuSignature(6, 37, 5), e.signature());
        DecodeStep westmere = e.matchingSignatureButLacking().get(0);
        assertEquals("Westmere", westmere.model().name());
        assertEquals(List.of("sse4.1", "sse4.2", "aes"), westmere.missing());
        assertEquals(DecodeStep.Decision.FEWER_FEATURES, e.winner().decision());
    }

    @Test
    void aCore2E6850IsConroeBecauseTheSignatureOutweighsCore2duosFewerExtraFeatures() throws Exception {
        HostModelExplanation e = explainFile("9.0.0", "Core2-E6850");
        assertEquals("Conroe", e.winner().model().name());
        DecodeStep core2duo = e.fits().get(0);
        assertEquals("core2duo", core2duo.model().name());
        assertEquals(DecodeStep.Decision.SIGNATURE_DIFFERS, core2duo.decision());
        assertTrue(core2duo.extra().size() < e.winner().extra().size());
    }

    @Test
    void modelsOfTheOtherVendorAreSkippedWithoutBeingWeighed() throws Exception {
        HostModelExplanation e = explainFile("9.0.0", "Core2-Q9500");
        DecodeStep epyc = e.steps().stream().filter(s -> s.model().name().equals("EPYC")).findFirst().orElseThrow();
        assertEquals(DecodeStep.Decision.OTHER_VENDOR, epyc.decision());
        assertEquals(null, epyc.cpu());
    }

    @Test
    void signaturesRoundTripThroughCpuidLeaf1() {
        for (CpuSignature s : List.of(new CpuSignature(6, 85, 4), new CpuSignature(23, 49, 0), new CpuSignature(25, 17, 1),
                new CpuSignature(15, 107, 2))) {
            assertEquals(s, CpuSignature.fromCpuid(s.toCpuid()));
        }
    }

    private static HostModelExplanation explainFile(String version, String cpu) throws Exception {
        Path host = DATA.resolve(version).resolve("x86_64-cpuid-" + cpu + "-host.xml");
        XmlElement e = XmlParser.parse(Files.readString(host, StandardCharsets.UTF_8)).rootElement();
        return explain(BundledMap.get(version).x86(), e, signature(e, host));
    }

    private static HostModelExplanation explain(ArchMap map, XmlElement cpu, CpuSignature signature) throws LibvirtException {
        CpuDef host = new CpuDef();
        host.type = CpuDef.Type.HOST;
        host.model = cpu.element("model").text();
        host.vendor = cpu.element("vendor") == null ? null : cpu.element("vendor").text();
        for (XmlElement f : cpu.elements("feature")) host.features.add(new CpuFeatureDef(f.attr("name"), null, null));
        return HostModelExplanation.of(map, host, signature);
    }

    /** The host file's signature; 7.0.0 prints none, so then the .sig libvirt 9.0.0 keeps for the same dump. */
    private static CpuSignature signature(XmlElement cpu, Path host) throws IOException {
        CpuSignature s = CpuSignature.of(cpu.element("signature"));
        if (s != null) return s;
        String name = host.getFileName().toString().replace("-host.xml", ".sig");
        Path sig = DATA.resolve("9.0.0").resolve(name);
        return CpuSignature.fromCpuid(Integer.parseInt(Files.readAllLines(sig).get(0).trim(), 16));
    }

    private static List<Path> hostFiles(String version) throws IOException {
        try (Stream<Path> s = Files.list(DATA.resolve(version))) {
            return s.filter(p -> p.getFileName().toString().endsWith("-host.xml")).sorted().toList();
        }
    }
}
