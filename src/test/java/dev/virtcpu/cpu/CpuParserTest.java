package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guest {@code <cpu>} parsing (spec §2.2, oracle d01–d17) and canonical output (§2.3, d20, d22, d25). */
class CpuParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        d01 | <cpu mode='bogus'/> | unsupported configuration: Invalid mode attribute 'bogus'
        d03 | <cpu mode='custom' migratable='on'><model>Haswell</model></cpu> | unsupported configuration: Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode
        d04 | <cpu match='fuzzy'><model>Haswell</model></cpu> | XML error: Invalid value for attribute 'match' in element 'cpu': 'fuzzy'.
        d05 | <cpu check='strict'><model>Haswell</model></cpu> | XML error: Invalid value for attribute 'check' in element 'cpu': 'strict'.
        d06 | <cpu><model fallback='never'>Haswell</model></cpu> | unsupported configuration: Invalid fallback attribute
        d07 | <cpu><model vendor_id='Intel'>Haswell</model></cpu> | XML error: vendor_id must be exactly 12 characters long
        d08 | <cpu><model vendor_id='Genuine,ntel'>Haswell</model></cpu> | XML error: vendor id is invalid
        d09 | <cpu><vendor>Intel</vendor></cpu> | XML error: CPU vendor specified without CPU model
        d10 | <cpu><topology sockets='0' cores='2' threads='1'/></cpu> | XML error: Invalid value for attribute 'sockets' in element 'topology': Zero is not permitted
        d11 | <cpu><topology sockets='1' cores='2'/></cpu> | XML error: Missing required attribute 'threads' in element 'topology'
        d12 | <cpu><feature name='vmx'/></cpu> | XML error: Non-empty feature list specified without CPU model
        d13 | <cpu><model>Haswell</model><feature policy='maybe' name='vmx'/></cpu> | unsupported configuration: Invalid CPU feature policy
        d14 | <cpu><model>Haswell</model><feature policy='require' name=''/></cpu> | XML error: Invalid CPU feature name
        d15 | <cpu><model>Haswell</model><feature name='vmx'/><feature policy='disable' name='vmx'/></cpu> | XML error: CPU feature 'vmx' specified more than once
        d16 | <cpu><model>Haswell</model><cache level='4' mode='emulate'/></cpu> | XML error: invalid CPU cache level, must be in range [1,3]
        d17 | <cpu><model>Haswell</model><cache level='3' mode='emulate'/><cache mode='disable'/></cpu> | XML error: at most one CPU cache element may be specified
        """)
    void guestParseErrorHasLibvirtsClassAndWording(String id, String xml, String expected) {
        LibvirtException e = assertThrows(LibvirtException.class, () -> guest(xml));
        assertEquals(expected, e.virshText());
    }

    @Test
    void d02PassthroughWithMigratableIsAccepted() throws Exception {
        CpuDef cpu = guest("<cpu mode='host-passthrough' migratable='on'><feature policy='disable' name='vmx'/></cpu>");
        assertEquals(Mode.HOST_PASSTHROUGH, cpu.mode);
        assertEquals("on", cpu.migratable);
    }

    @Test
    void d23UnknownNamesAreNotCheckedAtParseTime() throws Exception {
        CpuDef cpu = guest("<cpu><model>Foo-Lake</model><feature policy='require' name='nonexistent'/></cpu>");
        assertEquals("Foo-Lake", cpu.model);
    }

    @Test
    void d20ArchInAGuestCpuIsDropped() throws Exception {
        assertEquals("""
                  <cpu mode='custom' match='exact'>
                    <model fallback='allow'>Haswell</model>
                  </cpu>
                """, CpuFormatter.format(guest("<cpu><arch>x86_64</arch><model>Haswell</model></cpu>"), "  ", "  "));
    }

    @Test
    void d22FeaturesKeepDocumentOrderAndPolicylessIsRequire() throws Exception {
        CpuDef cpu = guest("<cpu mode='custom' match='exact' check='partial'><model fallback='forbid' vendor_id='GenuineIntel'>Haswell</model>"
                + "<vendor>Intel</vendor><feature policy='force' name='vmx'/><feature policy='require' name='pcid'/>"
                + "<feature policy='optional' name='invtsc'/><feature policy='disable' name='hle'/>"
                + "<feature policy='forbid' name='rtm'/><feature name='x2apic'/></cpu>");
        String out = CpuFormatter.format(cpu, "  ", "  ");
        assertTrue(out.startsWith("""
                  <cpu mode='custom' match='exact' check='partial'>
                    <model fallback='forbid' vendor_id='GenuineIntel'>Haswell</model>
                    <vendor>Intel</vendor>
                """), out);
        assertTrue(out.endsWith("""
                    <feature policy='force' name='vmx'/>
                    <feature policy='require' name='pcid'/>
                    <feature policy='optional' name='invtsc'/>
                    <feature policy='disable' name='hle'/>
                    <feature policy='forbid' name='rtm'/>
                    <feature policy='require' name='x2apic'/>
                  </cpu>
                """), out);
    }

    @Test
    void hostParseRequiresArchAndModelAndRejectsMode() {
        assertEquals("XML error: Missing CPU architecture",
                assertThrows(LibvirtException.class, () -> host("<cpu><model>Haswell</model></cpu>")).virshText());
        assertEquals("XML error: Missing CPU model name",
                assertThrows(LibvirtException.class, () -> host("<cpu><arch>x86_64</arch></cpu>")).virshText());
        assertEquals("unsupported configuration: Attribute mode is only allowed for guest CPU",
                assertThrows(LibvirtException.class, () -> host("<cpu mode='custom'><arch>x86_64</arch><model>Haswell</model></cpu>")).virshText());
    }

    @Test
    void autoParseRefusesArchTogetherWithMatch() {
        XmlDocument doc = XmlParser.parse("<cpu match='exact'><arch>x86_64</arch><model>Haswell</model></cpu>");
        assertEquals("XML error: 'arch' element cannot be used inside 'cpu' element with 'match' attribute'",
                assertThrows(LibvirtException.class, () -> CpuParser.parseAuto(doc.rootElement())).virshText());
    }

    static CpuDef guest(String xml) throws LibvirtException {
        return CpuParser.parse(XmlParser.parse(xml).rootElement(), CpuDef.Type.GUEST);
    }

    static CpuDef host(String xml) throws LibvirtException {
        return CpuParser.parse(XmlParser.parse(xml).rootElement(), CpuDef.Type.HOST);
    }
}
