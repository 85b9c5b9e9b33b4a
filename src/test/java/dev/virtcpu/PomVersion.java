package dev.virtcpu;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

/** The project version as pom.xml declares it: the oracle for every "prints the real version" test. */
public final class PomVersion {
    private PomVersion() {
    }

    public static Path projectDir() {
        String p = System.getProperty("virtcpu.projectDir");
        return (p == null ? Path.of("") : Path.of(p)).toAbsolutePath().normalize();
    }

    /** {@code /project/version} of the project's pom.xml. */
    public static String read() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            Element project = f.newDocumentBuilder().parse(projectDir().resolve("pom.xml").toFile()).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getLocalName().equals("version")) return e.getTextContent().trim();
            }
            throw new AssertionError("pom.xml has no /project/version");
        } catch (Exception e) {
            throw new AssertionError("cannot read pom.xml: " + e, e);
        }
    }
}
