package dev.virtcpu.analysis.schema;

/**
 * One problem found while validating a document against libvirt's RelaxNG grammar.
 *
 * <p>{@code line} and {@code column} are 1-based and point at the start of the offending item (the
 * element name or the attribute) when it could be located in the text, otherwise at the position the
 * XML parser reported. {@code endLine}/{@code endColumn} (1-based, exclusive) estimate where the
 * offending item ends; they equal {@code line}/{@code column} when no estimate is possible.
 */
public record SchemaProblem(int line, int column, String message, int endLine, int endColumn) {

    /** A problem at a single position, with no range estimate. */
    public SchemaProblem(int line, int column, String message) {
        this(line, column, message, line, column);
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
