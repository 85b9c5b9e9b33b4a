package dev.virtcpu.lsp;

import dev.virtcpu.analysis.Completion;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.TextEdit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Analysis results → LSP objects. */
final class Translate {
    static final String SOURCE = "virtcpu";
    /**
     * Related locations per diagnostic: the hosts that cannot run a CPU, first ones only. The message
     * already names the count; with 1 000-host sets, one location per host made a single
     * publishDiagnostics several megabytes.
     */
    static final int MAX_RELATED = 20;

    private Translate() {
    }

    static Diagnostic diagnostic(OpenDocument doc, Positions pos, Finding f, boolean relatedSupport) {
        Diagnostic d = new Diagnostic(pos.range(doc.lines(), f.start(), f.end()), f.message(), severity(f), SOURCE, f.code());
        if (relatedSupport && !f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> rel = new ArrayList<>();
            for (Related r : f.related().subList(0, Math.min(MAX_RELATED, f.related().size()))) {
                Position p = new Position(r.line(), r.column());
                rel.add(new DiagnosticRelatedInformation(new Location(r.file().toUri().toString(), new Range(p, p)), r.message()));
            }
            d.setRelatedInformation(rel);
        }
        return d;
    }

    static DiagnosticSeverity severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            default -> DiagnosticSeverity.Hint;
        };
    }

    static CodeAction action(OpenDocument doc, Positions pos, Fix fix, Diagnostic diagnostic) {
        CodeAction a = new CodeAction(fix.title());
        a.setKind(CodeActionKind.QuickFix);
        a.setIsPreferred(fix.preferred());
        if (diagnostic != null) a.setDiagnostics(List.of(diagnostic));
        List<org.eclipse.lsp4j.TextEdit> edits = new ArrayList<>();
        for (TextEdit e : fix.edits()) edits.add(new org.eclipse.lsp4j.TextEdit(pos.range(doc.lines(), e.start(), e.end()), e.text()));
        a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), edits)));
        return a;
    }

    static CompletionItem completion(OpenDocument doc, Positions pos, Completion c, boolean snippets, boolean markdown) {
        return completion(doc, pos, c, snippets, markdown, null, false);
    }

    /** {@code resolveData}: what completionItem/resolve needs to add the documentation later, or null. */
    static CompletionItem completion(OpenDocument doc, Positions pos, Completion c, boolean snippets, boolean markdown,
                                     Object resolveData, boolean defaultRange) {
        CompletionItem item = new CompletionItem(c.label());
        item.setKind(switch (c.kind()) {
            case MODEL -> CompletionItemKind.Class;
            case FEATURE -> CompletionItemKind.Property;
            case VENDOR -> CompletionItemKind.Constant;
            case VALUE -> CompletionItemKind.EnumMember;
            case SNIPPET -> CompletionItemKind.Snippet;
        });
        item.setDetail(c.detail());
        item.setSortText(c.sortText());
        String insert = c.insertText();
        if (c.snippet()) {
            if (snippets) item.setInsertTextFormat(InsertTextFormat.Snippet);
            else insert = insert.replace("${1}", "").replace("\\$", "$");
        }
        if (defaultRange) {
            if (!insert.equals(c.label())) item.setTextEditText(insert);
        } else {
            item.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(pos.range(doc.lines(), c.replaceStart(), c.replaceEnd()), insert)));
        }
        if (c.documentation() != null) {
            item.setDocumentation(markdown ? new MarkupContent(MarkupKind.MARKDOWN, c.documentation())
                    : new MarkupContent(MarkupKind.PLAINTEXT, c.documentation()));
        }
        if (c.documentation() == null && resolveData != null) item.setData(resolveData);
        return item;
    }
}
