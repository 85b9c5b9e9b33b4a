package dev.virtcpu.lemminx;

import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Finding;
import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.services.extensions.codelens.ICodeLensParticipant;
import org.eclipse.lemminx.services.extensions.codelens.ICodeLensRequest;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.List;

/**
 * The host-set summary over {@code <cpu>}, worded as the standalone server's lens. The lens is a label
 * (empty command id): LemMinX clients have no virtcpu client command to run.
 */
final class VirtcpuCodeLensParticipant implements ICodeLensParticipant {
    private final VirtcpuService service;

    VirtcpuCodeLensParticipant(VirtcpuService service) {
        this.service = service;
    }

    @Override
    public void doCodeLens(ICodeLensRequest request, List<CodeLens> out, CancelChecker cancel) {
        DOMDocument doc = request.getDocument();
        if (!service.applies(doc)) return;
        for (Finding f : service.analyze(doc).analysis().findings()) {
            if (!f.code().equals(Codes.HOST_SUMMARY)) continue;
            Range range = service.range(doc, f.start(), f.end());
            if (range == null) continue;
            String title = f.message().replace(" of host set", " ·").replace("; baseline:", " · baseline:");
            out.add(new CodeLens(range, new Command(title, ""), null));
        }
    }
}
