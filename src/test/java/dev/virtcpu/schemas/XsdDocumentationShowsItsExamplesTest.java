package dev.virtcpu.schemas;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hover in editors that read libvirt-cpu.xsd (LemMinX) treats a documentation text with a tag outside
 * backticks as HTML and drops the tag, so an example like {@code <feature name='vmx'/>} vanished. Every
 * XML example in the schema's documentation is written inside backticks, where it is shown as code.
 */
class XsdDocumentationShowsItsExamplesTest {
    @Test
    void everyTagInTheDocumentationIsInsideBackticks() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xsd = f.newDocumentBuilder().parse(TestPaths.projectDir().resolve("schemas/libvirt-cpu.xsd").toFile());
        NodeList docs = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
        List<String> hidden = new ArrayList<>();
        int examples = 0;
        for (int i = 0; i < docs.getLength(); i++) {
            String text = docs.item(i).getTextContent();
            if (text.contains("<")) examples++;
            if (tagOutsideBackticks(text)) hidden.add(text);
        }
        assertEquals(List.of(), hidden);
        assertTrue(examples >= 5, "the schema documents its elements with examples");
    }

    /** A {@code <…>} outside a backtick span: what LemMinX renders as HTML. */
    static boolean tagOutsideBackticks(String text) {
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') code = !code;
            else if (c == '<' && !code && text.indexOf('>', i) > i) return true;
        }
        return false;
    }
}
