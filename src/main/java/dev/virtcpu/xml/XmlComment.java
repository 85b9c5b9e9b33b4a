package dev.virtcpu.xml;

/** A comment, processing instruction or XML declaration: kept so edits can step around it. */
public final class XmlComment extends XmlNode {
    private final boolean processingInstruction;

    XmlComment(int start, int end, boolean processingInstruction) {
        this.start = start;
        this.end = end;
        this.processingInstruction = processingInstruction;
    }

    public boolean isProcessingInstruction() { return processingInstruction; }
}
