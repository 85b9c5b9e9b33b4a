package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;
import dev.virtcpu.xml.XmlText;

/** Where to put a finding: the most precise range for an element, attribute or text. */
public final class Ranges {
    private Ranges() {
    }

    /** The element's name in its start tag. */
    public static int[] name(XmlElement e) {
        return new int[]{e.nameStart(), Math.max(e.nameEnd(), e.nameStart() + 1)};
    }

    /** The attribute's value inside the quotes (or its name when it has no value). */
    public static int[] value(XmlAttribute a) {
        if (a.value() == null) return new int[]{a.nameStart(), a.nameEnd()};
        return new int[]{a.valueStart(), a.valueEnd()};
    }

    public static int[] attribute(XmlAttribute a) {
        return new int[]{a.nameStart(), a.value() == null ? a.nameEnd() : a.valueEnd() + 1};
    }

    /** The element's text content without surrounding whitespace, or its name if it has no text. */
    public static int[] text(XmlElement e, String doc) {
        int s = e.contentStart();
        int t = e.contentEnd();
        for (XmlNode n : e.children()) {
            if (!(n instanceof XmlText)) return name(e);
        }
        while (s < t && Character.isWhitespace(doc.charAt(s))) s++;
        while (t > s && Character.isWhitespace(doc.charAt(t - 1))) t--;
        return s < t ? new int[]{s, t} : name(e);
    }

    /**
     * The element's text content without surrounding whitespace when that content is text alone: what
     * a fix may replace. Null when the element holds other elements or comments (replacing "its text"
     * would cut through them) or no text.
     */
    public static int[] plainText(XmlElement e, String doc) {
        for (XmlNode n : e.children()) {
            if (!(n instanceof XmlText)) return null;
        }
        int[] r = text(e, doc);
        return r[0] >= e.contentStart() && r[1] <= e.contentEnd() && r[0] < r[1] ? r : null;
    }

    /** The whole element including its tags. */
    public static int[] whole(XmlElement e) {
        return new int[]{e.start(), e.end()};
    }
}
