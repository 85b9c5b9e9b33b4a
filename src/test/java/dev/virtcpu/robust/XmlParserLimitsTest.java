package dev.virtcpu.robust;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlLimits;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser's bounds: each one is a problem where it is exceeded, and what lies beyond is not kept. */
class XmlParserLimitsTest {
    private static int depth(XmlElement e) {
        int d = 0;
        while (!e.elements().isEmpty()) {
            e = e.elements().get(0);
            d++;
        }
        return d;
    }

    private static List<String> messages(XmlDocument doc) {
        return doc.problems().stream().map(XmlProblem::message).toList();
    }

    @Test
    void elementsDeeperThanTheLimitAreOneProblemAndAreNotKept() {
        XmlDocument doc = XmlParser.parse("<r>" + HostileInputs.nested("a", 20_000) + "</r>");
        assertEquals(List.of("Elements are nested more than 256 levels deep; the deeper content is ignored"), messages(doc));
        assertEquals(256, depth(doc.rootElement()) + 1, "the tree stops at the limit");
        assertTrue(doc.rootElement().isClosed(), "the end tags of the ignored elements are consumed, the root's matches");
    }

    @Test
    void aDocumentAtTheDepthLimitIsWellFormed() {
        assertTrue(XmlParser.parse(HostileInputs.nested("a", 256)).isWellFormed());
        assertFalse(XmlParser.parse(HostileInputs.nested("a", 257)).isWellFormed());
    }

    @Test
    void attributesPastTheLimitAreOneProblemAndAreIgnored() {
        XmlDocument doc = XmlParser.parse(HostileInputs.manyAttributes(50_000));
        XmlElement cpu = doc.rootElement().element("cpu");
        assertEquals(256, cpu.attributes().size());
        assertEquals(List.of("More than 256 attributes on <cpu>; the rest are ignored"), messages(doc));
    }

    @Test
    void aDuplicateAttributeAmongManyIsFound() {
        StringBuilder sb = new StringBuilder("<r");
        for (int i = 0; i < 200; i++) sb.append(" a").append(i).append("=''");
        sb.append(" a150='x'/>");
        assertEquals(List.of("Attribute 'a150' is specified more than once"), messages(XmlParser.parse(sb.toString())));
    }

    @Test
    void textLongerThanTheLimitIsAProblem() {
        XmlLimits small = new XmlLimits(1 << 20, 256, 256, 10, 100);
        assertEquals(List.of("Text is 11 characters long, over the limit of 10; libvirt has no use for such text"),
                messages(XmlParser.parse("<r>12345678901</r>", small)));
        assertEquals(List.of("Value of attribute 'a' is 11 characters long, over the limit of 10; libvirt has no use for such text"),
                messages(XmlParser.parse("<r a='12345678901'/>", small)));
        assertTrue(XmlParser.parse("<r>1234567890</r>", small).isWellFormed());
    }

    @Test
    void theRestOfADocumentPastTheSizeLimitIsNotRead() {
        XmlLimits small = new XmlLimits(14, 256, 256, 1000, 100);
        XmlDocument doc = XmlParser.parse("<r><a>text</a><b>more text</b></r>", small);
        assertEquals(List.of("The document is longer than 14 characters; the rest is not read", "Element 'r' is not closed"),
                messages(doc));
        assertEquals(List.of("a"), doc.rootElement().elements().stream().map(XmlElement::name).toList());
    }

    @Test
    void problemsPastTheLimitAreCountedInOneLastProblem() {
        XmlDocument doc = XmlParser.parse(HostileInputs.undefinedEntities(2_000_000));
        // two million references, and the text they make is over the limit too
        assertEquals(101, doc.problems().size());
        assertEquals("Undefined entity '&a;' (only XML's predefined entities are allowed)", doc.problems().get(0).message());
        assertEquals("1999901 more XML problems not listed (the first 100 are)", doc.problems().get(100).message());
    }

    @Test
    void nulAndOtherControlCharactersAreProblemsWhereverTheyAre() {
        XmlDocument doc = XmlParser.parse("<domain>\u0000<name>x\u001b</name><!-- \u0007 --></domain>");
        assertEquals(List.of("Character U+0000 is not allowed in XML", "Character U+001B is not allowed in XML",
                "Character U+0007 is not allowed in XML"), messages(doc));
        assertEquals(8, doc.problems().get(0).start());
    }

    @Test
    void textOfADeepSubtreeIsCollectedWithoutRecursion() {
        XmlElement r = XmlParser.parse("<r>" + "<a>x".repeat(200) + "</a>".repeat(200) + "</r>").rootElement();
        assertEquals("x".repeat(200), r.text());
    }

    @Test
    void xincludeIsAnOrdinaryElementNothingIsIncluded() {
        XmlDocument doc = XmlParser.parse("<r xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='/etc/passwd'/></r>");
        assertTrue(doc.isWellFormed());
        assertEquals("", doc.rootElement().text());
        assertEquals("xi:include", doc.rootElement().elements().get(0).name());
    }

    @Test
    void aDoctypeIsRefusedAndItsEntitiesAreNeverExpanded() {
        XmlDocument doc = XmlParser.parse("<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><r>&e;</r>");
        assertEquals(List.of("DOCTYPE declarations (DTDs) are not allowed",
                "Undefined entity '&e;' (only XML's predefined entities are allowed)"), messages(doc));
        assertEquals("&e;", doc.rootElement().text());
    }
}
