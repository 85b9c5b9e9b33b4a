package dev.virtcpu.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link XmlParser#rootElementName} names the element the parser makes the root, without parsing:
 * lint tells domains from host files by it. Checked against the parser itself.
 */
class RootElementNameTest {
    private static String parsedRootName(String text) {
        XmlElement root = XmlParser.parse(text).rootElement();
        return root == null ? null : root.name();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<domain type='kvm'><cpu/></domain>",
        "\uFEFF<?xml version='1.0'?>\n<!-- a <capabilities> comment -->\n<domain/>",
        "<!DOCTYPE domain [<!ENTITY x 'y'>]><capabilities><host/></capabilities>",
        "<![CDATA[<domain>]]><cpu/>",
        "</stray> </other\n><domain/>",
        "</>< domain/>",
        "text before <domain/>",
        "<?pi <domain/> ?><host/>",
        "<!-- never closed <domain/>",
        "<?never closed <domain/>",
        "<![CDATA[ never closed <domain/>",
        "<!DOCTYPE [ never closed <domain/>",
        "<",
        "<1domain/>",
        "<xi:include/>",
        "<d\u00e9j\u00e0-vu.1/>",
        "",
        "no markup at all",
    })
    void agreesWithTheParser(String text) {
        assertEquals(parsedRootName(text), XmlParser.rootElementName(text), text);
    }

    @Test
    void aHostFileIsNoDomainThoughItMentionsOne() {
        String capabilities = "<capabilities><guest><arch name='x86_64'><domain type='kvm'/></arch></guest></capabilities>";
        assertEquals("capabilities", XmlParser.rootElementName(capabilities));
    }

    @Test
    void nothingPastTheDocumentLimitCounts() {
        String text = " ".repeat(XmlLimits.DEFAULT.maxDocumentChars()) + "<domain/>";
        assertNull(XmlParser.rootElementName(text));
        assertEquals(parsedRootName(text), XmlParser.rootElementName(text));
    }

    @Test
    void agreesWithTheParserOnRandomMarkup() {
        String[] pieces = {"<", ">", "/", "!", "?", "-", "--", "[", "]", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>",
            "<!DOCTYPE", "</", "/>", "domain", "cpu", " ", "\n", "\uFEFF", "&amp;", "'", "=", "a", "1", "\u00e9"};
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) sb.append(pieces[random.nextInt(pieces.length)]);
            String text = sb.toString();
            assertEquals(parsedRootName(text), XmlParser.rootElementName(text), "seed " + seed + ": " + text);
        }
    }
}
