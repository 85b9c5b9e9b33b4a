package dev.virtcpu.lemminx;

import com.google.gson.JsonObject;
import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.Severity;
import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.extensions.contentmodel.settings.XMLValidationSettings;
import org.eclipse.lemminx.services.extensions.diagnostics.IDiagnosticsParticipant;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * virtcpu's findings for {@code <domain>} documents. XML syntax errors are left to LemMinX, which
 * reports them itself.
 */
final class VirtcpuDiagnosticsParticipant implements IDiagnosticsParticipant {
    private final VirtcpuService service;

    VirtcpuDiagnosticsParticipant(VirtcpuService service) {
        this.service = service;
    }

    @Override
    public void doDiagnostics(DOMDocument doc, List<Diagnostic> out, XMLValidationSettings settings, CancelChecker cancel) {
        if (!service.applies(doc)) return;
        VirtcpuService.Result r = service.analyze(doc);
        if (cancel != null) cancel.checkCanceled();
        for (Finding f : r.analysis().findings()) {
            if (f.code().equals(Codes.XML_SYNTAX)) continue;
            Diagnostic d = diagnostic(service, doc, f);
            if (d != null) out.add(d);
        }
        if (r.configProblem() != null && !r.analysis().cpus().isEmpty()) {
            var cpu = r.analysis().cpus().get(0);
            Diagnostic d = diagnostic(service, doc, new Finding(Codes.HOST_SET_PROBLEM, Severity.WARNING, cpu.nameStart(),
                    cpu.nameEnd(), r.configProblem(), List.of(), List.of()));
            if (d != null) out.add(d);
        }
    }

    /** A finding as an LSP diagnostic (source {@code virtcpu}, the finding's code, {@code data.code}). */
    static Diagnostic diagnostic(VirtcpuService service, DOMDocument doc, Finding f) {
        Range range = service.range(doc, f.start(), f.end());
        if (range == null) return null;
        Diagnostic d = new Diagnostic(range, f.message(), severity(f.severity()), VirtcpuService.SOURCE, f.code());
        JsonObject data = new JsonObject();
        data.addProperty("code", f.code());
        d.setData(data);
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (Related rel : f.related()) {
                Position p = new Position(rel.line(), rel.column());
                related.add(new DiagnosticRelatedInformation(new Location(rel.file().toUri().toString(), new Range(p, p)), rel.message()));
            }
            d.setRelatedInformation(related);
        }
        return d;
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            default -> DiagnosticSeverity.Hint;
        };
    }
}
