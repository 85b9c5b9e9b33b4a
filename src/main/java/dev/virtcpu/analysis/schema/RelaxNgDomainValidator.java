package dev.virtcpu.analysis.schema;

import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import com.thaiopensource.xml.sax.XMLReaderCreator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates whole libvirt domain documents against libvirt's own RelaxNG schemas (the
 * {@code domain.rng} of a schema directory), as {@code virt-xml-validate FILE domain} does, but
 * reporting every problem at once with positions and estimated ranges.
 *
 * <p>Instances are immutable and thread-safe; compiled schemas are cached per directory. Instance
 * documents may not contain a DOCTYPE, and external entities are never resolved.
 */
public final class RelaxNgDomainValidator {

    private static final String ROOT_SCHEMA = "domain.rng";
    private static final Map<Path, RelaxNgDomainValidator> CACHE = new ConcurrentHashMap<>();

    private static final Pattern ATTRIBUTE_IN_MESSAGE = Pattern.compile("attribute \"([^\"]+)\"");
    private static final Pattern ELEMENT_IN_MESSAGE = Pattern.compile("^element \"([^\"]+)\"");

    private final Path schemaDir;
    private final Schema schema;

    private RelaxNgDomainValidator(Path schemaDir, Schema schema) {
        this.schemaDir = schemaDir;
        this.schema = schema;
    }

    /**
     * Loads (or returns the cached) validator for libvirt's RelaxNG schema directory {@code schemaDir}.
     *
     * @throws SchemaLoadException if {@code domain.rng} is missing, unreadable or does not compile
     */
    public static RelaxNgDomainValidator load(Path schemaDir) throws SchemaLoadException {
        if (schemaDir == null) {
            throw new SchemaLoadException("no libvirt schema directory given");
        }
        Path dir;
        try {
            dir = schemaDir.toRealPath();
        } catch (IOException e) {
            throw new SchemaLoadException("libvirt schema directory not found: " + schemaDir, e);
        }
        RelaxNgDomainValidator cached = CACHE.get(dir);
        if (cached != null) {
            return cached;
        }
        synchronized (CACHE) {
            cached = CACHE.get(dir);
            if (cached == null) {
                cached = new RelaxNgDomainValidator(dir, compile(dir));
                CACHE.put(dir, cached);
            }
            return cached;
        }
    }

    /** The (real) schema directory this validator was loaded from. */
    public Path schemaDir() {
        return schemaDir;
    }

    private static Schema compile(Path dir) throws SchemaLoadException {
        Path root = dir.resolve(ROOT_SCHEMA);
        if (!Files.isRegularFile(root)) {
            throw new SchemaLoadException(
                    "libvirt schema directory " + dir + " has no " + ROOT_SCHEMA
                            + " (expected libvirt's RelaxNG schemas, e.g. /usr/share/libvirt/schemas)");
        }
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not prevent compilation
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(describe(e));
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collect);
        props.put(ValidateProperty.XML_READER_CREATOR, new SchemaReaderCreator(dir));
        props.put(ValidateProperty.RESOLVER, new ConfinedResolver(dir));
        try {
            InputSource in = new InputSource(root.toUri().toString());
            Schema s = SAXSchemaReader.getInstance().createSchema(in, props.toPropertyMap());
            if (!errors.isEmpty()) {
                throw new SchemaLoadException(brokenMessage(root, errors));
            }
            return s;
        } catch (IncorrectSchemaException e) {
            throw new SchemaLoadException(brokenMessage(root, errors));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
            throw new SchemaLoadException(brokenMessage(root, errors), e);
        } catch (IOException e) {
            throw new SchemaLoadException("cannot read libvirt schema " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SchemaLoadException("cannot compile libvirt schema " + root + ": " + e, e);
        }
    }

    private static String brokenMessage(Path root, List<String> errors) {
        StringBuilder sb = new StringBuilder("libvirt schema ").append(root).append(" is broken");
        int shown = 0;
        for (String e : errors) {
            if (shown++ == 5) {
                sb.append("\n  … ").append(errors.size() - 5).append(" more");
                break;
            }
            sb.append("\n  ").append(e);
        }
        return sb.toString();
    }

    private static String describe(SAXParseException e) {
        String where = e.getSystemId() == null ? "" : e.getSystemId().replaceFirst("^file:(//)?", "");
        return where + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }

    /**
     * Validates {@code documentText} as a libvirt domain and returns every problem found, in document
     * order. Malformed XML, DOCTYPE declarations and I/O failures are reported as problems, never
     * thrown.
     *
     * @param systemId the document's URI or path, used only in diagnostics (may be {@code null})
     */
    public List<SchemaProblem> validate(String documentText, String systemId) {
        String text = documentText == null ? "" : documentText;
        LineIndex index = new LineIndex(text);
        List<SchemaProblem> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // RelaxNG validation emits no useful warnings
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(toProblem(e, index, false));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(toProblem(e, index, true));
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collect);
        PropertyMap map = props.toPropertyMap();
        Validator validator = schema.createValidator(map);
        try {
            XMLReader reader = newSecureReader();
            reader.setContentHandler(validator.getContentHandler());
            if (validator.getDTDHandler() != null) {
                reader.setDTDHandler(validator.getDTDHandler());
            }
            reader.setErrorHandler(collect);
            reader.setEntityResolver(REFUSE_ENTITIES);
            InputSource in = new InputSource(new StringReader(text));
            if (systemId != null) {
                in.setSystemId(systemId);
            }
            reader.parse(in);
        } catch (SAXParseException e) {
            SchemaProblem p = toProblem(e, index, true);
            if (!problems.contains(p)) {
                problems.add(p);
            }
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            problems.add(new SchemaProblem(1, 1, "cannot validate document: " + e.getMessage()));
        } finally {
            validator.reset();
        }
        return Collections.unmodifiableList(problems);
    }

    /** Convenience: true when {@link #validate} finds nothing. */
    public boolean isValid(String documentText, String systemId) {
        return validate(documentText, systemId).isEmpty();
    }

    private static final EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entities are not allowed: " + systemId);
    };

    private static XMLReader newSecureReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader r = f.newSAXParser().getXMLReader();
        try {
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // The same bounds as virtcpu's own parser (XmlLimits): libxml2's depth, few attributes.
            r.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
                    String.valueOf(dev.virtcpu.xml.XmlLimits.DEFAULT.maxDepth()));
            r.setProperty("http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit",
                    String.valueOf(dev.virtcpu.xml.XmlLimits.DEFAULT.maxAttributes()));
        } catch (SAXException ignored) {
            // not every parser knows the JAXP properties; the features above already refuse DTDs
        }
        return r;
    }

    /**
     * Resolves {@code include}/{@code externalRef} of the schemas: only files inside the schema
     * directory, never another scheme (no network) and never a path outside it.
     */
    private static final class ConfinedResolver implements com.thaiopensource.resolver.Resolver {
        private final Path dir;

        ConfinedResolver(Path dir) {
            this.dir = dir;
        }

        @Override
        public void resolve(com.thaiopensource.resolver.Identifier id, com.thaiopensource.resolver.Input input)
                throws com.thaiopensource.resolver.ResolverException {
            String uri = com.thaiopensource.resolver.BasicResolver.resolveUri(id);
            input.setUri(check(uri));
        }

        @Override
        public void open(com.thaiopensource.resolver.Input input) throws IOException,
                com.thaiopensource.resolver.ResolverException {
            if (input.isOpen()) return;
            String uri = check(input.getUri());
            input.setByteStream(Files.newInputStream(Path.of(java.net.URI.create(uri))));
        }

        private String check(String uri) throws com.thaiopensource.resolver.ResolverException {
            try {
                java.net.URI u = java.net.URI.create(uri);
                if ("file".equals(u.getScheme())) {
                    Path p = Path.of(u).toRealPath();
                    if (p.startsWith(dir)) return p.toUri().toString();
                }
            } catch (IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException e) {
                // refused below
            }
            throw new com.thaiopensource.resolver.ResolverException("refusing to read " + uri
                    + ": libvirt schemas are read only from files inside " + dir);
        }
    }

    /** Reads the schema files themselves: local files only, no DTDs. */
    private static final class SchemaReaderCreator implements XMLReaderCreator {
        private final Path dir;

        SchemaReaderCreator(Path dir) {
            this.dir = dir;
        }

        @Override
        public XMLReader createXMLReader() throws SAXException {
            try {
                XMLReader r = newSecureReader();
                r.setEntityResolver((publicId, systemId) -> {
                    throw new SAXException("external entities are not allowed in " + dir + ": " + systemId);
                });
                return r;
            } catch (ParserConfigurationException e) {
                throw new SAXException(e);
            }
        }
    }

    // ---------------------------------------------------------------- positions and ranges

    private static SchemaProblem toProblem(SAXParseException e, LineIndex index, boolean fatal) {
        String message = e.getMessage() == null ? "invalid document" : e.getMessage().strip();
        if (fatal) {
            message = readableFatal(message);
        }
        int line = Math.max(1, e.getLineNumber());
        int column = Math.max(1, e.getColumnNumber());
        if (e.getLineNumber() < 1) {
            return new SchemaProblem(1, 1, message);
        }
        if (fatal) {
            return new SchemaProblem(line, column, message);
        }
        int offset = index.offset(line, column);
        int[] range = estimateRange(index.text(), offset, message);
        if (range == null) {
            return new SchemaProblem(line, column, message);
        }
        int[] start = index.position(range[0]);
        int[] end = index.position(range[1]);
        return new SchemaProblem(start[0], start[1], message, end[0], end[1]);
    }

    private static String readableFatal(String message) {
        if (message.contains("DOCTYPE is disallowed")) {
            return "DOCTYPE declarations are not allowed in libvirt XML (DTDs and external entities are refused)";
        }
        return "malformed XML: " + message;
    }

    /**
     * The SAX position of a validation error is just after the start (or end) tag involved. Walks back
     * to the tag and narrows the range to the attribute or element name the message is about.
     */
    static int[] estimateRange(String text, int offset, String message) {
        if (offset <= 0 || offset > text.length()) {
            return null;
        }
        int lt = text.lastIndexOf('<', offset - 1);
        if (lt < 0) {
            return null;
        }
        int tagEnd = text.indexOf('>', lt);
        if (tagEnd < 0) {
            tagEnd = text.length() - 1;
        }
        String tag = text.substring(lt, Math.min(text.length(), tagEnd + 1));
        Matcher am = ATTRIBUTE_IN_MESSAGE.matcher(message);
        if (am.find()) {
            String attr = am.group(1);
            Matcher vm = Pattern.compile("\\s(" + Pattern.quote(attr) + ")\\s*=\\s*(\"[^\"]*\"|'[^']*')")
                    .matcher(tag);
            if (vm.find()) {
                return new int[] {lt + vm.start(1), lt + vm.end(2)};
            }
        }
        int nameStart = lt + 1;
        if (nameStart < text.length() && text.charAt(nameStart) == '/') {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>' && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            return null;
        }
        Matcher em = ELEMENT_IN_MESSAGE.matcher(message);
        if (em.find() && !text.substring(nameStart, nameEnd).equals(em.group(1))) {
            // the message is about another element than the tag found: fall back to the whole tag
            return new int[] {lt, Math.min(text.length(), tagEnd + 1)};
        }
        return new int[] {nameStart, nameEnd};
    }

    /** Maps between 1-based line/column (as SAX reports them) and string offsets. */
    private static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    s.add(i + 1);
                } else if (c == '\r') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        String text() {
            return text;
        }

        int offset(int line, int column) {
            int l = Math.min(Math.max(line, 1), starts.length) - 1;
            return Math.min(text.length(), starts[l] + Math.max(column, 1) - 1);
        }

        int[] position(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return new int[] {lo + 1, offset - starts[lo] + 1};
        }
    }
}
