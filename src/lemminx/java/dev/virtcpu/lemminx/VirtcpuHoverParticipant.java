package dev.virtcpu.lemminx;

import dev.virtcpu.analysis.Assist;
import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.services.extensions.hover.HoverParticipantAdapter;
import org.eclipse.lemminx.services.extensions.hover.IHoverRequest;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Model documentation over {@code <model>} text, feature documentation over feature names, and the rule
 * rationale of the findings under the cursor ({@link Assist#hover}).
 */
final class VirtcpuHoverParticipant extends HoverParticipantAdapter {
    private final VirtcpuService service;

    VirtcpuHoverParticipant(VirtcpuService service) {
        this.service = service;
    }

    @Override
    public Hover onTag(IHoverRequest request, CancelChecker cancel) {
        return hover(request);
    }

    @Override
    public Hover onAttributeName(IHoverRequest request, CancelChecker cancel) {
        return hover(request);
    }

    @Override
    public Hover onText(IHoverRequest request, CancelChecker cancel) {
        return hover(request);
    }

    @Override
    public Hover onAttributeValue(IHoverRequest request, CancelChecker cancel) {
        return hover(request);
    }

    private Hover hover(IHoverRequest request) {
        DOMDocument doc = request.getXMLDocument();
        if (!service.applies(doc)) return null;
        dev.virtcpu.analysis.Hover h = Assist.hover(service.analyze(doc).analysis(), request.getOffset());
        if (h == null) return null;
        String kind = request.canSupportMarkupKind(MarkupKind.MARKDOWN) ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT;
        return new Hover(new MarkupContent(kind, h.markdown()), service.range(doc, h.start(), h.end()));
    }
}
