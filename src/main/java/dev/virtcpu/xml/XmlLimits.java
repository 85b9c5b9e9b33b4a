package dev.virtcpu.xml;

/**
 * Bounds that keep parsing (and every walk of the tree afterwards) linear in time and memory, whatever
 * the input. Going past one is a well-formedness problem at the place it happens; the parser then
 * ignores what lies beyond (deeper elements, further attributes, the rest of the document).
 *
 * @param maxDocumentChars characters read at all (libvirt refuses files over 10 MiB)
 * @param maxDepth         element nesting (libxml2, and so libvirt, refuses more than 256 levels)
 * @param maxAttributes    attributes on one element (libvirt's elements have a handful)
 * @param maxTextChars     characters in one text node or attribute value
 * @param maxProblems      problems listed per document; the rest are counted in one last problem
 */
public record XmlLimits(int maxDocumentChars, int maxDepth, int maxAttributes, int maxTextChars, int maxProblems) {
    public static final XmlLimits DEFAULT = new XmlLimits(10 * 1024 * 1024, 256, 256, 1024 * 1024, 100);
}
