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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The fixes of the finding behind one virtcpu diagnostic (LemMinX asks once per diagnostic). */
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
        Set<String> titles = new HashSet<>();
        for (Finding f : r.analysis().findings()) {
            if (f.fixes().isEmpty() || !f.code().equals(d.getCode().getLeft()) || !f.message().equals(d.getMessage())
                    || !d.getRange().equals(service.range(doc, f.start(), f.end()))) continue;
            for (Fix fix : f.fixes()) {
                if (!titles.add(fix.title())) continue;
                List<TextEdit> edits = new ArrayList<>();
                for (dev.virtcpu.analysis.TextEdit e : fix.edits()) {
                    Range range = service.range(doc, e.start(), e.end());
                    if (range != null) edits.add(new TextEdit(range, e.text()));
                }
                CodeAction action = CodeActionFactory.replace(fix.title(), edits, doc.getTextDocument(), d);
                action.setIsPreferred(fix.preferred());
                out.add(action);
            }
        }
    }
}
