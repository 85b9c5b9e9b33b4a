package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlLimits;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of a guest {@code <cpu>} against virtcpu's XML Schema (schemas/libvirt-cpu.xsd),
 * reported in the user's terms. Findings already made by the semantic checks at the same place are not
 * repeated.
 */
final class CpuSchemaChecks {
    private static final String XSD = "/dev/virtcpu/schemas/libvirt-cpu.xsd";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    /** The JDK's (JAXP) element depth limit, as a validator property. */
    private static final String JDK_MAX_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    private static final int MAX_ERRORS = 200;
    private static final int MAX_VALUE_CHARS = 1024;
    private static volatile Schema schema;
    private static volatile boolean unavailable;

    private CpuSchemaChecks() {
    }

    static void check(XmlDocument doc, XmlElement cpu, FindingSink sink) {
        if (!cpu.isClosed() || !doc.problems().isEmpty() || hasLongValue(cpu)) return;
        Schema s = schema();
        if (s == null) return;
        String text = doc.text();
        // Namespace prefixes declared on <domain> (xmlns:xi…) must stay bound in the fragment.
        String declarations = inheritedNamespaces(cpu);
        int insertAt = cpu.nameEnd() - cpu.start();
        String fragment = text.substring(cpu.start(), cpu.nameEnd()) + declarations + text.substring(cpu.nameEnd(), cpu.end());
        // Keep positions: pad with the same number of lines and columns the fragment started at.
        int line = doc.lines().line(cpu.start());
        int col = doc.lines().column(cpu.start());
        String padded = "\n".repeat(line) + " ".repeat(col) + fragment;
        List<SAXParseException> errors = validate(s, padded);
        List<Finding> existing = new ArrayList<>(sink.findings);
        for (SAXParseException e : errors) {
            int column = e.getColumnNumber();
            if (e.getLineNumber() == line + 1 && column > col + insertAt) column = Math.max(col + insertAt, column - declarations.length());
            int offset = doc.lines().offset(Math.max(0, e.getLineNumber() - 1), Math.max(0, column - 1));
            XmlElement at = elementEndingStartTagAt(cpu, offset);
            if (at == null) at = cpu;
            String message = message(e.getMessage());
            if (message == null) continue;
            int[] range = rangeFor(at, e.getMessage());
            if (covered(existing, range)) continue;
            sink.add(Codes.INVALID_ELEMENT, range, message);
            existing.add(new Finding(Codes.INVALID_ELEMENT, Severity.ERROR, range[0], range[1], message, List.of(), List.of()));
        }
    }

    /** Xerces' validation, bounded: no external access, libxml2's depth, and at most MAX_ERRORS errors. */
    private static List<SAXParseException> validate(Schema s, String document) {
        List<SAXParseException> errors = new ArrayList<>();
        try {
            Validator v = s.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                v.setProperty(JDK_MAX_DEPTH, String.valueOf(XmlLimits.DEFAULT.maxDepth()));
            } catch (SAXException notSupported) {
                // another JAXP implementation: the fragment already passed virtcpu's parser and its depth limit
            }
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) { }

                @Override
                public void error(SAXParseException e) throws SAXException { collect(e); }

                @Override
                public void fatalError(SAXParseException e) throws SAXException { collect(e); }

                private void collect(SAXParseException e) throws SAXException {
                    errors.add(e);
                    if (errors.size() >= MAX_ERRORS) throw e;
                }
            });
            v.validate(new StreamSource(new StringReader(document)));
        } catch (SAXException | java.io.IOException e) {
            // errors were collected by the handler; a fatal one (or too many) stops validation
        }
        return errors;
    }

    /**
     * Xerces matches patterns in time quadratic in the value's length: a <cpu> holding a value longer
     * than any libvirt name is left to the other checks (which report the name itself).
     */
    private static boolean hasLongValue(XmlElement cpu) {
        java.util.ArrayDeque<XmlElement> todo = new java.util.ArrayDeque<>();
        todo.push(cpu);
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            for (XmlAttribute a : e.attributes()) {
                if (a.value() != null && a.value().length() > MAX_VALUE_CHARS) return true;
            }
            for (dev.virtcpu.xml.XmlNode n : e.children()) {
                if (n instanceof XmlElement c) todo.push(c);
                else if (n instanceof dev.virtcpu.xml.XmlText t && t.end() - t.start() > MAX_VALUE_CHARS) return true;
            }
        }
        return false;
    }

    /** {@code xmlns} and {@code xmlns:p} declarations of the ancestors that the element does not redeclare. */
    private static String inheritedNamespaces(XmlElement cpu) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (XmlAttribute a : cpu.attributes()) seen.add(a.name());
        for (XmlElement e = cpu.parent(); e != null; e = e.parent()) {
            for (XmlAttribute a : e.attributes()) {
                if ((a.name().equals("xmlns") || a.name().startsWith("xmlns:")) && a.value() != null && seen.add(a.name())) {
                    sb.append(' ').append(a.name()).append("=\"").append(a.value().replace("&", "&amp;")
                            .replace("\"", "&quot;").replace("<", "&lt;")).append('"');
                }
            }
        }
        return sb.toString();
    }

    private static boolean covered(List<Finding> findings, int[] r) {
        for (Finding f : findings) {
            if (f.start() < r[1] && r[0] < f.end()) return true;
        }
        return false;
    }

    /** The element whose start tag ends at or just before the offset (Xerces reports the tag's end). */
    private static XmlElement elementEndingStartTagAt(XmlElement e, int offset) {
        XmlElement best = null;
        if (e.start() <= offset && (e.startTagEnd() < 0 || offset <= e.startTagEnd())) best = e;
        for (XmlElement c : e.elements()) {
            XmlElement inner = elementEndingStartTagAt(c, offset);
            if (inner != null) best = inner;
        }
        return best;
    }

    private static int[] rangeFor(XmlElement e, String raw) {
        Matcher m = Pattern.compile("[Aa]ttribute '([^']+)'").matcher(raw);
        if (m.find()) {
            XmlAttribute a = e.attribute(m.group(1));
            if (a != null) return Ranges.attribute(a);
        }
        Matcher v = Pattern.compile("Value '([^']*)'").matcher(raw);
        if (v.find()) {
            for (XmlAttribute a : e.attributes()) {
                if (v.group(1).equals(a.value())) return Ranges.value(a);
            }
        }
        return Ranges.name(e);
    }

    /** Xerces' cvc-… text rewritten in the user's terms (null: a follow-up message to drop). */
    static String message(String raw) {
        List<String> q = new ArrayList<>();
        Matcher m = QUOTED.matcher(raw);
        while (m.find()) q.add(m.group(1));
        if (raw.startsWith("cvc-complex-type.2.4.a") && q.size() >= 1) {
            return "<" + q.get(0) + "> is not allowed here" + (q.size() > 1 ? " (expected one of " + q.get(1).replace("{", "").replace("}", "").replace("\"", "") + ")" : "");
        }
        if (raw.startsWith("cvc-complex-type.2.4.d") && q.size() >= 1) return "<" + q.get(0) + "> is not allowed here";
        if (raw.startsWith("cvc-complex-type.3.2.2") && q.size() >= 2) return "attribute '" + q.get(0) + "' is not allowed on <" + q.get(1) + ">";
        if (raw.startsWith("cvc-complex-type.4") && q.size() >= 2) return "<" + q.get(1) + "> needs the attribute '" + q.get(0) + "'";
        if (raw.startsWith("cvc-enumeration-valid") && q.size() >= 2) return "'" + q.get(0) + "' is not one of " + q.get(1).replace("[", "").replace("]", "");
        if (raw.startsWith("cvc-pattern-valid") && q.size() >= 1) return "'" + q.get(0) + "' is not a valid value here";
        if (raw.startsWith("cvc-minInclusive-valid") || raw.startsWith("cvc-maxInclusive-valid")) {
            return q.isEmpty() ? "value out of range" : "'" + q.get(0) + "' is out of range";
        }
        if (raw.startsWith("cvc-datatype-valid") && q.size() >= 2) return "'" + q.get(0) + "' is not a valid " + q.get(1);
        if (raw.startsWith("cvc-attribute.3") || raw.startsWith("cvc-type.3.1.3") || raw.startsWith("cvc-elt.")) return null;
        return raw.replaceFirst("^cvc-[a-zA-Z0-9.-]+: ", "");
    }

    private static Schema schema() {
        if (schema != null || unavailable) return schema;
        synchronized (CpuSchemaChecks.class) {
            if (schema == null && !unavailable) {
                try {
                    URL url = CpuSchemaChecks.class.getResource(XSD);
                    if (url == null) {
                        unavailable = true;
                        return null;
                    }
                    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                    schema = f.newSchema(new StreamSource(url.openStream(), url.toString()));
                } catch (SAXException | java.io.IOException e) {
                    unavailable = true;
                }
            }
        }
        return schema;
    }
}
