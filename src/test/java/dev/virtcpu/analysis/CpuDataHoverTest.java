package dev.virtcpu.analysis;

import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hovering a host given as CPU data shows the host CPU it decodes to with the map in use. */
class CpuDataHoverTest {
    private static final Path DATA = TestMaps.testResources().resolve("libvirt-cputestdata");

    private static Hover hover(String text, String at, String release) throws Exception {
        XmlDocument doc = XmlParser.parse(text);
        AnalysisContext ctx = new AnalysisContext(BundledMap.get(release), null, null, true, Map.of());
        return Assist.hover(doc, text.indexOf(at) + 1, ctx);
    }

    @Test
    void showsTheModelFeaturesAndHostCpuOfTheMapsRelease() throws Exception {
        String dump = Files.readString(DATA.resolve("9.0.0/x86_64-cpuid-Xeon-Gold-6148.xml"));
        for (String release : new String[]{"9.0.0", "11.3.0"}) {
            String expected = Files.readString(DATA.resolve(release + "/x86_64-cpuid-Xeon-Gold-6148-host.xml"));
            String model = expected.substring(expected.indexOf("<model>") + 7, expected.indexOf("</model>"));
            Hover h = hover(dump, "cpuid eax_in='0x00000007'", release);
            assertTrue(h.markdown().startsWith("**Host CPU " + model + "** (Intel, family 6 model 85 stepping 4) — what "
                    + "`virsh capabilities` reports for this CPU with the CPU map of libvirt " + release + "."), h.markdown());
            assertTrue(h.markdown().endsWith("```xml\n" + expected + "```"), h.markdown());
        }
    }

    @Test
    void dataThatDecodesToNoHostSaysWhy() throws Exception {
        Hover h = hover("<cpudata arch='x86'>\n  <cpuid eax_in='0x1' eax='0x0'/>\n</cpudata>\n", "cpudata", "9.0.0");
        assertEquals("**CPU data** that does not decode to a host CPU with the CPU map of libvirt 9.0.0: "
                + "Cannot find suitable CPU model for given data", h.markdown());
    }
}
