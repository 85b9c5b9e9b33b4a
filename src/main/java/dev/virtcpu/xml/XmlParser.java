package dev.virtcpu.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A fault-tolerant XML parser that never throws: it always builds a tree with offsets and records
 * every well-formedness problem. It refuses document type declarations (DTDs) and resolves only
 * XML's predefined entities and character references, so no external entity is ever read; XInclude
 * elements are plain elements. Time and memory stay linear in the input: see {@link XmlLimits}.
 */
public final class XmlParser {
    /** Attributes are compared by list below this count and through a hash set above it. */
    private static final int LINEAR_ATTRIBUTES = 8;

    private final String s;
    private final int n;
    private final XmlLimits limits;
    private final XmlDocument doc;
    private final Deque<XmlElement> open = new ArrayDeque<>();
    private int pos;
    /** Open elements beyond {@link XmlLimits#maxDepth}: parsed over, not kept. */
    private int ignoredDepth;
    private boolean depthReported;
    private int unlisted;
    private int firstUnlisted = -1;

    private XmlParser(String text, XmlLimits limits) {
        this.s = text;
        this.n = Math.min(text.length(), limits.maxDocumentChars());
        this.limits = limits;
        this.doc = new XmlDocument(text);
    }

    public static XmlDocument parse(String text) {
        return parse(text, XmlLimits.DEFAULT);
    }

    public static XmlDocument parse(String text, XmlLimits limits) {
        XmlParser p = new XmlParser(text, limits);
        p.run();
        return p.doc;
    }

    /**
     * The name of the element {@code parse(text).rootElement()} would be, or null, found without
     * building the document: what comes before the first start tag is skipped exactly as parsing does.
     * Telling a domain from other XML (host files) this way costs a scan of the prolog.
     */
    public static String rootElementName(String text) {
        int n = Math.min(text.length(), XmlLimits.DEFAULT.maxDocumentChars());
        int pos = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        while (pos < n) {
            if (text.charAt(pos) != '<') {
                int lt = text.indexOf('<', pos);
                if (lt < 0 || lt >= n) return null;
                pos = lt;
            }
            if (!text.startsWith("<!", pos) && !text.startsWith("<?", pos) && !text.startsWith("</", pos)) {
                int nameStart = pos + 1;
                int end = nameStart;
                while (end < n && isNameChar(text.charAt(end), end == nameStart)) end++;
                return text.substring(nameStart, end);
            }
            pos = skipMarkupBeforeRoot(text, pos, n);
        }
        return null;
    }

    /** The end of the {@code <!...>} declaration at {@code pos}: its first '>' outside brackets (an internal subset). */
    private static int declarationEnd(String s, int pos, int n) {
        int depth = 0;
        int i = pos + 2;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '>' && depth <= 0) break;
        }
        return Math.min(n, i + 1);
    }

    /** Where parsing goes on after a comment, CDATA section, declaration, instruction or end tag at {@code pos}. */
    private static int skipMarkupBeforeRoot(String s, int pos, int n) {
        if (s.startsWith("<!--", pos)) return closedAt(s.indexOf("-->", pos + 4), 3, n);
        if (s.startsWith("<![CDATA[", pos)) return closedAt(s.indexOf("]]>", pos + 9), 3, n);
        if (s.startsWith("<?", pos)) return closedAt(s.indexOf("?>", pos + 2), 2, n);
        if (s.startsWith("<!", pos)) {
            return declarationEnd(s, pos, n);
        }
        // An end tag with no element open: its name, spaces and '>' are passed over.
        int i = pos + 2;
        int nameStart = i;
        while (i < n && isNameChar(s.charAt(i), i == nameStart)) i++;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) i++;
        return i < n && s.charAt(i) == '>' ? i + 1 : i;
    }

    private static int closedAt(int close, int length, int n) {
        return close < 0 ? n : close + length;
    }

    private void run() {
        if (n > 0 && s.charAt(0) == '\uFEFF') pos = 1;
        if (s.length() > n) {
            int max = limits.maxDocumentChars();
            problem(n, n + 1, "The document is longer than " + (max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB"
                    : max + " characters") + "; the rest is not read");
        }
        illegalCharacters();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '<') markup();
            else text();
        }
        while (!open.isEmpty()) {
            XmlElement e = open.pop();
            e.end = n;
            problem(e.start(), e.nameEnd(), "Element '" + e.name() + "' is not closed");
        }
        if (unlisted > 0) {
            doc.problems.add(new XmlProblem(firstUnlisted, firstUnlisted + 1, unlisted + " more XML problem"
                    + (unlisted == 1 ? "" : "s") + " not listed (the first " + limits.maxProblems() + " are)"));
        }
    }

    /** Characters XML 1.0 forbids anywhere (NUL and the other C0 controls but tab, LF and CR). */
    private void illegalCharacters() {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                problem(i, i + 1, String.format("Character U+%04X is not allowed in XML", (int) c));
            }
        }
    }

    private void add(XmlNode node) {
        if (ignoredDepth > 0) return;
        XmlElement parent = open.peek();
        node.parent = parent;
        if (parent == null) doc.children.add(node);
        else parent.children.add(node);
    }

    private void problem(int start, int end, String message) {
        if (doc.problems.size() >= limits.maxProblems()) {
            if (unlisted++ == 0) firstUnlisted = start;
            return;
        }
        doc.problems.add(new XmlProblem(start, Math.max(start, end), message));
    }

    private void markup() {
        if (s.startsWith("<!--", pos)) comment();
        else if (s.startsWith("<![CDATA[", pos)) cdata();
        else if (s.startsWith("<!", pos)) declaration();
        else if (s.startsWith("<?", pos)) processingInstruction();
        else if (s.startsWith("</", pos)) endTag();
        else startTag();
    }

    private void comment() {
        int start = pos;
        int close = s.indexOf("-->", pos + 4);
        if (close < 0) {
            problem(start, start + 4, "Comment is not closed");
            pos = n;
        } else {
            pos = close + 3;
        }
        add(new XmlComment(start, pos, false));
    }

    private void cdata() {
        int start = pos;
        int close = s.indexOf("]]>", pos + 9);
        String value;
        if (close < 0) {
            problem(start, start + 9, "CDATA section is not closed");
            value = s.substring(pos + 9);
            pos = n;
        } else {
            value = s.substring(pos + 9, close);
            pos = close + 3;
        }
        if (open.isEmpty() && !value.isBlank()) problem(start, pos, "Content is not allowed outside the root element");
        tooLong(start, value.length(), "CDATA section");
        add(new XmlText(s, start, pos, value, true));
    }

    private void declaration() {
        int start = pos;
        pos = declarationEnd(s, pos, n);
        if (s.startsWith("<!DOCTYPE", start)) {
            problem(start, pos, "DOCTYPE declarations (DTDs) are not allowed");
        } else {
            problem(start, pos, "Unexpected markup declaration");
        }
        add(new XmlComment(start, pos, true));
    }

    private void processingInstruction() {
        int start = pos;
        int close = s.indexOf("?>", pos + 2);
        if (close < 0) {
            problem(start, start + 2, "Processing instruction is not closed");
            pos = n;
        } else {
            pos = close + 2;
        }
        add(new XmlComment(start, pos, true));
    }

    private void endTag() {
        int start = pos;
        pos += 2;
        int nameStart = pos;
        while (pos < n && isNameChar(s.charAt(pos), pos == nameStart)) pos++;
        int nameEnd = pos;
        skipSpace();
        XmlElement top = open.peek();
        if (ignoredDepth == 0 && top != null && nameEnd > nameStart && pos < n && s.charAt(pos) == '>'
                && top.name().length() == nameEnd - nameStart && s.startsWith(top.name(), nameStart)) {
            // The usual case, the innermost open element's well-formed end tag: nothing to allocate.
            pos++;
            open.pop();
            top.endTagStart = start;
            top.end = pos;
            return;
        }
        String name = s.substring(nameStart, nameEnd);
        if (pos < n && s.charAt(pos) == '>') {
            pos++;
        } else {
            problem(start, pos, name.isEmpty() ? "End tag is not closed" : "End tag '" + name + "' is not closed");
        }
        if (name.isEmpty()) {
            problem(start, pos, "End tag without a name");
            return;
        }
        if (ignoredDepth > 0) {
            ignoredDepth--;
            return;
        }
        boolean matched = false;
        for (XmlElement e : open) {
            if (e.name().equals(name)) { matched = true; break; }
        }
        if (!matched) {
            problem(start, pos, "Unexpected end tag '</" + name + ">'");
            return;
        }
        while (true) {
            XmlElement e = open.pop();
            if (e.name().equals(name)) {
                e.endTagStart = start;
                e.end = pos;
                return;
            }
            e.end = start;
            problem(e.start(), e.nameEnd(), "Element '" + e.name() + "' is not closed");
        }
    }

    private void startTag() {
        int start = pos;
        pos++;
        int nameStart = pos;
        String name = name();
        if (name.isEmpty()) {
            // A lone '<' (often while typing): keep it as an element without a name.
            problem(start, start + 1, "Element name expected after '<'");
        }
        XmlElement e = new XmlElement(name, start, nameStart);
        boolean tooDeep = ignoredDepth > 0 || open.size() >= limits.maxDepth();
        if (tooDeep && !depthReported) {
            depthReported = true;
            problem(start, Math.max(e.nameEnd(), start + 1), "Elements are nested more than " + limits.maxDepth()
                    + " levels deep; the deeper content is ignored");
        }
        if (!tooDeep) add(e);
        attributes(e);
        boolean opened = true;
        if (pos < n && s.charAt(pos) == '>') {
            pos++;
            e.startTagEnd = pos;
            e.end = pos;
        } else if (s.startsWith("/>", pos)) {
            pos += 2;
            e.startTagEnd = pos;
            e.selfClosing = true;
            e.end = pos;
            opened = false;
        } else {
            problem(start, Math.max(e.nameEnd(), start + 1),
                    name.isEmpty() ? "Start tag is not closed" : "Start tag of '" + name + "' is not closed");
            e.end = pos;
        }
        if (!opened) return;
        if (tooDeep) ignoredDepth++;
        else open.push(e);
    }


    private void attributes(XmlElement e) {
        seenAttributes = null;
        attributesCut = false;
        while (pos < n) {
            int before = pos;
            skipSpace();
            if (pos >= n) return;
            char c = s.charAt(pos);
            if (c == '>' || c == '<' || s.startsWith("/>", pos)) return;
            int nameStart = pos;
            String attrName = name();
            if (attrName.isEmpty()) {
                problem(pos, pos + 1, "Unexpected character '" + c + "' in start tag");
                pos++;
                continue;
            }
            if (pos == before) {
                problem(nameStart, nameStart, "Whitespace expected before attribute '" + attrName + "'");
            }
            skipSpace();
            if (pos < n && s.charAt(pos) == '=') {
                pos++;
                skipSpace();
                attributeValue(e, attrName, nameStart);
            } else {
                problem(nameStart, nameStart + attrName.length(), "Attribute '" + attrName + "' has no value");
                addAttribute(e, new XmlAttribute(attrName, nameStart, null, pos, pos));
            }
        }
    }

    private void attributeValue(XmlElement e, String attrName, int nameStart) {
        char q = pos < n ? s.charAt(pos) : 0;
        if (q != '"' && q != '\'') {
            problem(nameStart, pos, "Value of attribute '" + attrName + "' must be quoted");
            int vs = pos;
            while (pos < n && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '>'
                    && !s.startsWith("/>", pos) && s.charAt(pos) != '<') pos++;
            addAttribute(e, new XmlAttribute(attrName, nameStart, s.substring(vs, pos), vs, pos));
            return;
        }
        int vs = ++pos;
        int i = vs;
        while (i < n && s.charAt(i) != q && s.charAt(i) != '<') i++;
        String value = unescape(vs, i);
        if (i < n && s.charAt(i) == q) {
            pos = i + 1;
        } else {
            // Stop at '<' rather than swallowing the rest of the document.
            problem(vs - 1, i, "Value of attribute '" + attrName + "' is not closed");
            int ve = i;
            while (ve > vs && Character.isWhitespace(s.charAt(ve - 1))) ve--;
            value = unescape(vs, ve);
            pos = i;
            i = ve;
        }
        addAttribute(e, new XmlAttribute(attrName, nameStart, value, vs, i));
    }

    /** Names of the current start tag's attributes, once it has many (null until then). */
    private Set<String> seenAttributes;
    private boolean attributesCut;

    private void addAttribute(XmlElement e, XmlAttribute a) {
        int count = e.attributes.size();
        if (count >= limits.maxAttributes()) {
            if (!attributesCut) {
                attributesCut = true;
                problem(a.nameStart(), a.nameEnd(), "More than " + limits.maxAttributes() + " attributes on <" + e.name()
                        + ">; the rest are ignored");
            }
            return;
        }
        if (a.value() != null) tooLong(a.valueStart(), a.value().length(), "Value of attribute '" + a.name() + "'");
        if (isDuplicate(e, a.name())) {
            problem(a.nameStart(), a.nameEnd(), "Attribute '" + a.name() + "' is specified more than once");
        }
        e.attributes.add(a);
    }

    private boolean isDuplicate(XmlElement e, String name) {
        if (seenAttributes == null && e.attributes.size() < LINEAR_ATTRIBUTES) return e.attribute(name) != null;
        if (seenAttributes == null) {
            seenAttributes = new HashSet<>();
            for (XmlAttribute x : e.attributes) seenAttributes.add(x.name());
        }
        return !seenAttributes.add(name);
    }

    private void tooLong(int start, int length, String what) {
        if (length > limits.maxTextChars()) {
            problem(start, start + 1, what + " is " + length + " characters long, over the limit of "
                    + limits.maxTextChars() + "; libvirt has no use for such text");
        }
    }

    private void text() {
        int start = pos;
        boolean blank = true;
        boolean entity = false;
        int i = pos;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<') break;
            if (c == '&') entity = true;
            if (blank && c != ' ' && c != '\n' && c != '\t' && c != '\r') blank = false;
        }
        pos = i;
        if (open.isEmpty() && !blank) {
            problem(start, pos, "Content is not allowed outside the root element");
        }
        // Entities are resolved (and reported) now; plain text is only copied when asked for.
        String value = entity ? unescape(start, pos) : null;
        tooLong(start, value == null ? pos - start : value.length(), "Text");
        add(new XmlText(s, start, pos, value, false));
    }

    private String unescape(int from, int to) {
        int amp = from;
        while (amp < to && s.charAt(amp) != '&') amp++;
        if (amp >= to) return s.substring(from, to);
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '&') { sb.append(c); i++; continue; }
            int semi = i + 1;
            int limit = Math.min(to, i + 13);
            while (semi < limit && s.charAt(semi) != ';') semi++;
            if (semi >= limit) {
                problem(i, i + 1, "Unescaped '&' (write &amp;)");
                sb.append('&');
                i++;
                continue;
            }
            String ref = s.substring(i + 1, semi);
            String resolved = resolve(ref);
            if (resolved == null && doc.problems.size() >= limits.maxProblems()) {
                problem(i, semi + 1, null);
                sb.append(s, i, semi + 1);
            } else if (resolved == null) {
                problem(i, semi + 1, "Undefined entity '&" + ref + ";' (only XML's predefined entities are allowed)");
                sb.append(s, i, semi + 1);
            } else {
                sb.append(resolved);
            }
            i = semi + 1;
        }
        return sb.toString();
    }

    private static String resolve(String ref) {
        switch (ref) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
            default:
        }
        try {
            int cp;
            if (ref.startsWith("#x")) cp = Integer.parseInt(ref.substring(2), 16);
            else if (ref.startsWith("#")) cp = Integer.parseInt(ref.substring(1));
            else return null;
            // XML 1.0's Char production: no reference to NUL, other C0 controls, surrogates or U+FFFE/U+FFFF.
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            return legal ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private String name() {
        int start = pos;
        while (pos < n && isNameChar(s.charAt(pos), pos == start)) pos++;
        return s.substring(start, pos);
    }

    private static boolean isNameChar(char c, boolean first) {
        if (c < 128) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':') return true;
            return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.');
        }
        if (Character.isLetter(c)) return true;
        if (first) return false;
        return Character.isDigit(c) || c == '-' || c == '.' || c == '\u00B7';
    }

    private void skipSpace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }
}
