package dev.virtcpu.lemminx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.eclipse.lemminx.commons.BadLocationException;
import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.dom.DOMElement;
import org.eclipse.lemminx.utils.JSONUtility;
import org.eclipse.lsp4j.Range;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Path;

/**
 * What the participants share: the {@link Project} (host-set discovery through {@code .virtcpu.json},
 * editor settings), the analysis of the latest document version, and offset ↔ position translation.
 */
final class VirtcpuService {
    static final String SOURCE = "virtcpu";

    private final Project project = new Project();
    private volatile int generation;
    private Cached cached;

    private record Cached(WeakReference<DOMDocument> document, String text, int generation, Result result) {
    }

    /** One analysis: the findings plus a problem loading the CPU map or configuration, if any. */
    record Result(DocumentAnalysis analysis, String configProblem) {
    }

    /** True when the document's root element is {@code <domain>} (the root may be missing or half-typed). */
    /**
     * {@code xml.virtcpu.enabled} (default true). The VS Code extension ships this jar to the XML
     * extension with the setting off, so the standalone server and LemMinX never report twice.
     */
    private volatile boolean enabled = true;

    boolean enabled() {
        return enabled;
    }

    /** Whether virtcpu speaks about this document: enabled, and the root is {@code <domain>}. */
    boolean applies(DOMDocument doc) {
        return enabled && isDomain(doc);
    }

    static boolean isDomain(DOMDocument doc) {
        DOMElement root = doc == null ? null : doc.getDocumentElement();
        return root != null && "domain".equals(root.getTagName());
    }

    /** Analyses a document (cached per document version and settings: code actions ask once per diagnostic). */
    Result analyze(DOMDocument doc) {
        String text = doc.getText();
        int gen = generation;
        synchronized (this) {
            Cached c = cached;
            if (c != null && c.generation == gen && c.document.get() == doc && c.text.equals(text)) return c.result;
        }
        XmlDocument xml = XmlParser.parse(text);
        Project.Resolution r = project.resolve(path(doc.getDocumentURI()), xml);
        Result result = new Result(Analyzer.analyze(xml, r.context()), r.problem());
        synchronized (this) {
            cached = new Cached(new WeakReference<>(doc), text, gen, result);
        }
        return result;
    }

    /** Parses the document text for completion and hover, with its analysis context. */
    Project.Resolution resolve(DOMDocument doc, XmlDocument xml) {
        return project.resolve(path(doc.getDocumentURI()), xml);
    }

    /** Reads {@code xml.virtcpu.*}: hostSet, cpuMap, severity, libvirtSchemas and hostSets, as the standalone server does. */
    void applySettings(Object xmlSettings) {
        JsonObject xml = xmlSettings instanceof JsonElement ? JSONUtility.toModel(xmlSettings, JsonObject.class) : null;
        JsonElement v = xml == null ? null : xml.get("virtcpu");
        JsonObject o = v != null && v.isJsonObject() ? v.getAsJsonObject() : new JsonObject();
        enabled = !(o.has("enabled") && o.get("enabled").isJsonPrimitive() && !o.get("enabled").getAsBoolean());
        project.setSettings(Project.Settings.fromJson(o.toString()));
        project.workspace().invalidateAll();
        generation++;
    }

    /** A saved file may be a host file or the configuration: drop what was cached from it. */
    void fileChanged(Path file) {
        project.workspace().invalidate(file);
        generation++;
    }

    Range range(DOMDocument doc, int start, int end) {
        try {
            return new Range(doc.positionAt(start), doc.positionAt(end));
        } catch (BadLocationException e) {
            return null;
        }
    }

    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

}
