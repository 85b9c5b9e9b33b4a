package dev.virtcpu.hosts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader that keeps the offset of every value, so a broken or wrong configuration can be
 * reported exactly where it is. Values are {@link Node}s: objects, arrays, strings, numbers, booleans, null.
 */
public final class Json {
    /** A parsed value with its source range. {@code value} is a Map, List, String, Double, Boolean or null. */
    public record Node(Object value, int start, int end, Map<String, Node> keys) {
        @SuppressWarnings("unchecked")
        public Map<String, Node> object() { return value instanceof Map<?, ?> m ? (Map<String, Node>) m : null; }

        @SuppressWarnings("unchecked")
        public List<Node> array() { return value instanceof List<?> l ? (List<Node>) l : null; }

        public String string() { return value instanceof String s ? s : null; }

        public String type() {
            if (value == null) return "null";
            if (value instanceof Map) return "object";
            if (value instanceof List) return "array";
            if (value instanceof String) return "string";
            if (value instanceof Boolean) return "boolean";
            return "number";
        }
    }

    /** A syntax error at an offset. */
    public static final class SyntaxError extends Exception {
        public final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    /** Largest document read: a configuration is a few kilobytes. */
    public static final int MAX_CHARS = 1024 * 1024;
    /** Deepest nesting of arrays and objects (a configuration needs four levels). */
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    public static Node parse(String text) throws SyntaxError {
        if (text.length() > MAX_CHARS) {
            throw new SyntaxError("the file is " + text.length() + " characters long, over the limit of " + MAX_CHARS, 0);
        }
        Json j = new Json(text);
        j.space();
        Node n = j.value();
        j.space();
        if (j.pos < text.length()) throw new SyntaxError("unexpected content after the JSON value", j.pos);
        return n;
    }

    private Node value() throws SyntaxError {
        if (pos >= s.length()) throw new SyntaxError("unexpected end of file", pos);
        char c = s.charAt(pos);
        int start = pos;
        switch (c) {
            case '{': return nested(true);
            case '[': return nested(false);
            case '"': return new Node(string(), start, pos, null);
            case 't': literal("true"); return new Node(Boolean.TRUE, start, pos, null);
            case 'f': literal("false"); return new Node(Boolean.FALSE, start, pos, null);
            case 'n': literal("null"); return new Node(null, start, pos, null);
            default:
                if (c == '-' || Character.isDigit(c)) return number();
                throw new SyntaxError("unexpected character '" + c + "'", pos);
        }
    }

    /** An object or array, one level deeper: the depth is checked before recursing. */
    private Node nested(boolean object) throws SyntaxError {
        if (depth >= MAX_DEPTH) throw new SyntaxError("arrays and objects nested more than " + MAX_DEPTH + " levels deep", pos);
        depth++;
        Node n = object ? object() : array();
        depth--;
        return n;
    }

    private Node object() throws SyntaxError {
        int start = pos++;
        Map<String, Node> map = new LinkedHashMap<>();
        Map<String, Node> keys = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            pos++;
            return new Node(map, start, pos, keys);
        }
        while (true) {
            space();
            if (peek() != '"') throw new SyntaxError("expected a quoted property name", pos);
            int ks = pos;
            String key = string();
            if (map.containsKey(key)) throw new SyntaxError("duplicate property \"" + key + "\"", ks);
            keys.put(key, new Node(key, ks, pos, null));
            space();
            if (peek() != ':') throw new SyntaxError("expected ':' after property name", pos);
            pos++;
            space();
            map.put(key, value());
            space();
            char c = peek();
            pos++;
            if (c == '}') return new Node(map, start, pos, keys);
            if (c != ',') throw new SyntaxError("expected ',' or '}'", pos - 1);
        }
    }

    private Node array() throws SyntaxError {
        int start = pos++;
        List<Node> list = new ArrayList<>();
        space();
        if (peek() == ']') {
            pos++;
            return new Node(list, start, pos, null);
        }
        while (true) {
            space();
            list.add(value());
            space();
            char c = peek();
            pos++;
            if (c == ']') return new Node(list, start, pos, null);
            if (c != ',') throw new SyntaxError("expected ',' or ']'", pos - 1);
        }
    }

    private String string() throws SyntaxError {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw new SyntaxError("unterminated string", start);
            char c = s.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\n') throw new SyntaxError("unterminated string", start);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) throw new SyntaxError("unterminated string", start);
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) throw new SyntaxError("bad \\u escape", pos);
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new SyntaxError("bad \\u escape", pos);
                    }
                    pos += 4;
                }
                default -> throw new SyntaxError("bad escape '\\" + e + "'", pos - 1);
            }
        }
    }

    private Node number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) pos++;
        try {
            return new Node(Double.parseDouble(s.substring(start, pos)), start, pos, null);
        } catch (NumberFormatException e) {
            throw new SyntaxError("bad number", start);
        }
    }

    private void literal(String word) throws SyntaxError {
        if (!s.startsWith(word, pos)) throw new SyntaxError("unexpected token", pos);
        pos += word.length();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    /** Skips whitespace and, as editors allow in configuration files, line and block comments. */
    private void space() throws SyntaxError {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && s.startsWith("//", pos)) {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
            } else if (c == '/' && s.startsWith("/*", pos)) {
                int close = s.indexOf("*/", pos + 2);
                if (close < 0) throw new SyntaxError("unterminated comment", pos);
                pos = close + 2;
            } else {
                return;
            }
        }
    }
}
