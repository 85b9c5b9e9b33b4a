package dev.virtcpu.cli.lint;

/** Escapes text for XML 1.0 content and attribute values. */
final class XmlText {
    private XmlText() {
    }

    /** For element content: markup characters as references. */
    static String content(String s) {
        return escape(s, false);
    }

    /** For a double-quoted attribute value: also quotes and whitespace that parsers would normalise. */
    static String attribute(String s) {
        return escape(s, true);
    }

    /**
     * Characters XML 1.0 cannot carry at all (C0 controls other than tab, line feed and carriage
     * return, lone surrogates, U+FFFE/U+FFFF) are written as a visible {@code \}{@code uXXXX}.
     */
    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (Character.isSurrogate(c) && isPair(s, i)) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean isPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
