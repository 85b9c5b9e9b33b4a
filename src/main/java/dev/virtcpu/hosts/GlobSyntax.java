package dev.virtcpu.hosts;

/** Translates a glob (see {@link Globs}) into a regular expression over '/'-separated relative paths. */
final class GlobSyntax {
    private GlobSyntax() {
    }

    /** Each '**' multiplies the ways a path can match: a few are plenty, more could take exponential time. */
    static final int MAX_DOUBLE_STARS = 4;
    static final int MAX_LENGTH = 1000;

    static String toRegex(String g) throws Globs.GlobException {
        if (g.length() > MAX_LENGTH) throw error(g.substring(0, 40) + "…", MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        while (g.contains("**/**/")) g = g.replace("**/**/", "**/");
        if (g.split("\\*\\*", -1).length - 1 > MAX_DOUBLE_STARS) throw error(g, g.indexOf("**"), "more than " + MAX_DOUBLE_STARS + " '**'");
        StringBuilder re = new StringBuilder(g.length() * 2);
        boolean inGroup = false;
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**", i)) {
                boolean segmentStart = i == 0 || g.charAt(i - 1) == '/';
                int after = i + 2;
                if (segmentStart && after < g.length() && g.charAt(after) == '/') {
                    re.append("(?:[^/]*/)*");       // "**/": zero or more directories
                    i = after + 1;
                } else if (segmentStart && after == g.length()) {
                    re.append(".*");                // trailing "**": everything below
                    i = after;
                } else {
                    re.append("[^/]*");             // "a**b" is a plain '*'
                    i = after;
                }
                continue;
            }
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '{' -> {
                    if (inGroup) throw error(g, i, "'{' groups cannot be nested");
                    inGroup = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (!inGroup) throw error(g, i, "'}' without '{'");
                    inGroup = false;
                    re.append(')');
                }
                case ',' -> re.append(inGroup ? "|" : ",");
                case '[' -> i = charClass(g, i, re) - 1;
                default -> re.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\Q" + c + "\\E");
            }
            i++;
        }
        if (inGroup) throw error(g, g.lastIndexOf('{'), "'{' is not closed");
        // "dir/**" also names the directory's own files, "**/x" also x at the top: both fall out of the above.
        return re.toString();
    }

    /**
     * Appends a {@code [...]} class; returns the index after its ']'. Each member is a character or a
     * range {@code a-z} (a reversed range is a glob error, never a regular expression one), written to the
     * regular expression escaped, so no glob text can become regular expression syntax.
     */
    private static int charClass(String g, int open, StringBuilder re) throws Globs.GlobException {
        int i = open + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^')) {
            cls.append('^');
            i++;
        }
        int first = i;
        for (; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == ']' && i > first) {
                re.append(cls).append("&&[^/]]");
                return i + 1;
            }
            if (c == '/') throw error(g, open, "'[' classes cannot contain '/'");
            boolean range = i + 2 < g.length() && g.charAt(i + 1) == '-' && g.charAt(i + 2) != ']';
            cls.append(literal(c));
            if (!range) continue;
            char last = g.charAt(i + 2);
            if (last == '/') throw error(g, open, "'[' classes cannot contain '/'");
            if (last < c) throw error(g, i, "the range '" + c + "-" + last + "' is reversed");
            cls.append('-').append(literal(last));
            i += 2;
        }
        throw error(g, open, "'[' is not closed");
    }

    /** A character as a regular expression literal inside a class. */
    private static String literal(char c) {
        return Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
    }

    private static Globs.GlobException error(String glob, int at, String what) {
        return new Globs.GlobException("invalid glob \"" + glob + "\" at character " + (at + 1) + ": " + what);
    }
}
