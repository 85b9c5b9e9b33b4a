package dev.virtcpu.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** Checks schemas/libvirt-cpu.xsd against the valid and invalid fixtures, and against libvirt itself. */
class CpuXsdTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static Schema schema;

    static Path xsd() {
        return TestPaths.projectDir().resolve("schemas/libvirt-cpu.xsd");
    }

    @BeforeAll
    static void compile() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XS);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        schema = f.newSchema(xsd().toFile());
    }

    /** Validates a file and returns every error message (empty when valid). DOCTYPEs are refused. */
    static List<String> validate(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                throw e;
            }
        };
        v.setErrorHandler(collect);
        try {
            v.validate(secureSource(file));
        } catch (SAXParseException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    static Source secureSource(Path file) throws Exception {
        SAXParserFactory pf = SAXParserFactory.newInstance();
        pf.setNamespaceAware(true);
        pf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        pf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        pf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        XMLReader r = pf.newSAXParser().getXMLReader();
        InputSource in = new InputSource(file.toUri().toString());
        in.setCharacterStream(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return new SAXSource(r, in);
    }

    static List<Path> fixtures(String kind) throws IOException {
        return TestPaths.list(TestPaths.resources().resolve(kind), ".xml");
    }

    /** libvirt schema type (virt-xml-validate's second argument) for a fixture, from its root element. */
    static String libvirtType(Path f) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String root = dbf.newDocumentBuilder().parse(f.toFile()).getDocumentElement().getTagName();
        switch (root) {
            case "domain":
                return "domain";
            case "capabilities":
                return "capability";
            case "cpu":
                return "cpu";
            default:
                throw new AssertionError("unexpected root element " + root + " in " + f);
        }
    }

    @Test
    void corpusCoversEveryShape() throws IOException {
        List<String> names = fixtures("valid").stream().map(p -> p.getFileName().toString()).toList();
        for (String prefix : List.of("guest-", "domain-", "capabilities-", "host-cpu", "docs-")) {
            assertTrue(names.stream().filter(n -> n.startsWith(prefix)).count() >= 2, prefix + " fixtures: " + names);
        }
        for (String mode : List.of("custom", "host-model", "host-passthrough", "maximum")) {
            assertTrue(names.contains("guest-" + mode + ".xml"), "no fixture for mode " + mode);
        }
        assertTrue(fixtures("invalid").size() >= 20);
    }

    @TestFactory
    Stream<DynamicTest> validFixturesValidate() throws IOException {
        return fixtures("valid").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> assertEquals(List.of(), validate(f), f.toString())));
    }

    @TestFactory
    Stream<DynamicTest> invalidFixturesFailWithTheExpectedMessage() throws IOException {
        return fixtures("invalid").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path expectFile = f.resolveSibling(f.getFileName() + ".expect");
            assertTrue(Files.isRegularFile(expectFile), "missing " + expectFile);
            String expected = Files.readString(expectFile, StandardCharsets.UTF_8).strip();
            assertFalse(expected.isEmpty(), expectFile + " is empty");
            List<String> errors = validate(f);
            assertFalse(errors.isEmpty(), f + " should be invalid");
            assertTrue(String.join("\n", errors).contains(expected),
                    "expected '" + expected + "' in errors of " + f.getFileName() + ": " + errors);
        }));
    }

    @Test
    void doctypeInInstanceIsRejected() throws Exception {
        Path tmp = Files.createTempFile("virtcpu-dtd", ".xml");
        Path secret = Files.createTempFile("virtcpu-secret", ".txt");
        try {
            Files.writeString(secret, "TOPSECRET");
            Files.writeString(tmp, "<?xml version='1.0'?>\n<!DOCTYPE cpu [<!ENTITY x SYSTEM '" + secret.toUri()
                    + "'>]>\n<cpu><model>&x;</model></cpu>\n");
            List<String> errors = validate(tmp);
            assertFalse(errors.isEmpty());
            assertTrue(errors.get(0).contains("DOCTYPE"), errors.toString());
            assertFalse(errors.toString().contains("TOPSECRET"));
            Files.writeString(tmp, "<!DOCTYPE cpu>\n<cpu mode='host-model'/>\n");
            assertFalse(validate(tmp).isEmpty(), "even a harmless DOCTYPE is refused");
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(secret);
        }
    }

    /** Every element and attribute declaration carries documentation, for hover in editors. */
    @Test
    void everyDeclarationIsDocumented() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(xsd().toFile());
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (String kind : List.of("element", "attribute", "complexType", "simpleType", "any")) {
            NodeList nodes = doc.getElementsByTagNameNS(XS, kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                boolean anonymousType = kind.endsWith("Type") && !e.hasAttribute("name");
                if (anonymousType) {
                    continue; // documented by the element or attribute that owns it
                }
                checked++;
                if (!documented(e)) {
                    undocumented.add(kind + " " + e.getAttribute("name"));
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " declarations");
        assertEquals(List.of(), undocumented);
        assertEquals("", doc.getDocumentElement().getAttribute("targetNamespace"));
        for (String type : List.of("guestCpuType", "hostCpuType", "cpuType")) {
            assertTrue(hasNamedComplexType(doc, type), type);
        }
    }

    private static boolean documented(Element e) {
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element a && "annotation".equals(a.getLocalName())) {
                NodeList docs = a.getElementsByTagNameNS(XS, "documentation");
                return docs.getLength() > 0 && !docs.item(0).getTextContent().isBlank();
            }
        }
        return false;
    }

    private static boolean hasNamedComplexType(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(XS, "complexType");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (name.equals(((Element) nodes.item(i)).getAttribute("name"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void catalogMapsTheSchemaUri() throws Exception {
        Path catalog = TestPaths.projectDir().resolve("schemas/catalog.xml");
        CatalogFeatures features = CatalogFeatures.builder()
                .with(CatalogFeatures.Feature.PREFER, "system")
                .with(CatalogFeatures.Feature.RESOLVE, "strict")
                .build();
        CatalogResolver resolver = CatalogManager.catalogResolver(features, catalog.toUri());
        for (String id : List.of("https://virtcpu.dev/schemas/libvirt-cpu.xsd",
                "http://virtcpu.dev/schemas/libvirt-cpu.xsd")) {
            Source s = resolver.resolve(id, null);
            assertNotNull(s, id);
            assertEquals(xsd().toRealPath(), Paths.get(URI.create(s.getSystemId())).toRealPath(), id);
            InputSource in = resolver.resolveEntity(null, id);
            assertNotNull(in, id);
        }
        assertThrows(RuntimeException.class, () -> resolver.resolve("https://example.invalid/other.xsd", null));
    }

    // ------------------------------------------------------------------ libvirt's own view

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D.*", "0")) : 0;
            int q = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D.*", "0")) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    /** virt-xml-validate (libvirt on this machine) accepts every valid fixture and rejects every invalid one. */
    @TestFactory
    Stream<DynamicTest> libvirtAgrees() throws IOException {
        Prerequisites.virtXmlValidate();
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            for (Path f : fixtures(kind)) {
                // A fixture newer than the host's libvirt 9.0.0 goes to libvirt 12.8.0's validator.
                Path since = f.resolveSibling(f.getFileName() + ".since");
                boolean newer = Files.exists(since)
                        && compareVersions(Prerequisites.SYSTEM_LIBVIRT, Files.readString(since).strip()) < 0;
                String oracle = newer ? "libvirt " + Prerequisites.SID_LIBVIRT : "libvirt " + Prerequisites.SYSTEM_LIBVIRT;
                tests.add(DynamicTest.dynamicTest(oracle + " virt-xml-validate " + kind + "/" + f.getFileName(), () -> {
                    int rc = newer ? TestPaths.sidVirtXmlValidate(f, libvirtType(f)) : TestPaths.virtXmlValidate(f, libvirtType(f));
                    if (kind.equals("valid")) {
                        assertEquals(0, rc, "virt-xml-validate rejects " + f);
                    } else {
                        assertNotEquals(0, rc, "virt-xml-validate accepts " + f);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The 12.8.0 RelaxNG grammar (run with Jing) accepts every valid fixture, including the newer ones. */
    @TestFactory
    Stream<DynamicTest> libvirt1280GrammarAgrees() throws IOException {
        Path dir = Prerequisites.sidSchemas();
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            for (Path f : fixtures(kind)) {
                String type = f.getFileName().toString().startsWith("domain-") && kind.equals("invalid") ? null : "";
                if (type == null) {
                    continue; // the invalid domain- fixtures are deliberately incomplete domains
                }
                tests.add(DynamicTest.dynamicTest("libvirt 12.8.0 " + kind + "/" + f.getFileName(), () -> {
                    List<String> errors = new ArrayList<>();
                    PropertyMapBuilder props = new PropertyMapBuilder();
                    props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
                        @Override
                        public void warning(SAXParseException e) {}

                        @Override
                        public void error(SAXParseException e) {
                            errors.add(e.getMessage());
                        }

                        @Override
                        public void fatalError(SAXParseException e) {
                            errors.add(e.getMessage());
                        }
                    });
                    ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
                    assertTrue(driver.loadSchema(new InputSource(dir.resolve(libvirtType(f) + ".rng").toUri().toString())));
                    boolean ok = driver.validate(new InputSource(f.toUri().toString()));
                    assertEquals(kind.equals("valid"), ok, f + ": " + errors);
                }));
            }
        }
        return tests.stream();
    }
}
