package dev.virtcpu.lemminx;

import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Fix;
import org.eclipse.lemminx.commons.CodeActionFactory;
import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.services.extensions.codeaction.ICodeActionParticipant;
import org.eclipse.lemminx.services.extensions.codeaction.ICodeActionRequest;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixes of the finding behind one virtcpu diagnostic. LemMinX asks once per diagnostic of the request;
 * a fix several findings share is offered once, with all their diagnostics.
 */
final class VirtcpuCodeActionParticipant implements ICodeActionParticipant {
    private final VirtcpuService service;

    VirtcpuCodeActionParticipant(VirtcpuService service) {
        this.service = service;
    }

    @Override
    public void doCodeAction(ICodeActionRequest request, List<CodeAction> out, CancelChecker cancel) {
        Diagnostic d = request.getDiagnostic();
        if (d == null || !VirtcpuService.SOURCE.equals(d.getSource()) || d.getCode() == null || !d.getCode().isLeft()) return;
        DOMDocument doc = request.getDocument();
        if (!service.applies(doc)) return;
        VirtcpuService.Result r = service.analyze(doc);
        cancel.checkCanceled();
        for (Finding f : r.analysis().findings()) {
            if (f.fixes().isEmpty() || !f.code().equals(d.getCode().getLeft()) || !f.message().equals(d.getMessage())
                    || !d.getRange().equals(service.range(doc, f.start(), f.end()))) continue;
            for (Fix fix : f.fixes()) {
                List<TextEdit> edits = new ArrayList<>();
                for (dev.virtcpu.analysis.TextEdit e : fix.edits()) {
                    Range range = service.range(doc, e.start(), e.end());
                    if (range != null) edits.add(new TextEdit(range, e.text()));
                }
                CodeAction action = CodeActionFactory.replace(fix.title(), edits, doc.getTextDocument(), d);
                CodeAction same = sameAction(out, action);
                if (same != null) {
                    List<Diagnostic> diagnostics = new ArrayList<>(same.getDiagnostics());
                    if (!diagnostics.contains(d)) diagnostics.add(d);
                    same.setDiagnostics(diagnostics);
                    continue;
                }
                action.setIsPreferred(fix.preferred());
                out.add(action);
            }
        }
    }

    /**
     * The action already offered for another diagnostic of this request with the same title and edit:
     * LemMinX asks once per diagnostic and collects every answer in {@code out}, so a fix shared by
     * several findings (the host-set fixes) is listed once, for all of them.
     */
    private static CodeAction sameAction(List<CodeAction> out, CodeAction action) {
        for (CodeAction a : out) {
            if (a.getTitle().equals(action.getTitle()) && java.util.Objects.equals(a.getEdit(), action.getEdit())) return a;
        }
        return null;
    }
}
