package dev.virtcpu.lsp;

import dev.virtcpu.xml.LineMap;

/** The text of an open document at one version, with its line map. */
record OpenDocument(String uri, int version, String text, LineMap lines) {
    static OpenDocument of(String uri, int version, String text) {
        return new OpenDocument(uri, version, text, new LineMap(text));
    }
}
