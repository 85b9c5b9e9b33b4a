package dev.virtcpu.oracle;

import java.util.ArrayList;
import java.util.List;

/** A small line diff (LCS) for test reports: {@code ' '} same, {@code '-'} expected, {@code '+'} actual. */
public final class TextDiff {

    private static final int MAX_LINES = 150;

    private TextDiff() {
    }

    public static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add("  " + show(a[i]));
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + show(a[i]));
                i++;
            } else {
                out.add("+ " + show(b[j]));
                j++;
            }
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : out) {
            if (n++ == MAX_LINES) {
                sb.append("  … ").append(out.size() - MAX_LINES).append(" more lines\n");
                break;
            }
            sb.append("    ").append(line).append('\n');
        }
        if (expected.equals(actual)) {
            sb.append("    (texts equal; bytes differ)\n");
        }
        return sb.toString();
    }

    /** Makes trailing whitespace and carriage returns visible. */
    private static String show(String line) {
        String s = line.replace("\r", "\\r").replace("\t", "\\t");
        if (!s.isEmpty() && Character.isWhitespace(s.charAt(s.length() - 1))) {
            s = s + "⏎";
        }
        return s.isEmpty() ? "⏎" : s;
    }
}
