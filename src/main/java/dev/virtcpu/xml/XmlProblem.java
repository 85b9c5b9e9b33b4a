package dev.virtcpu.xml;

/** A well-formedness problem found while parsing, with the offending range. */
public record XmlProblem(int start, int end, String message) {
}
