package dev.virtcpu.lemminx;

import dev.virtcpu.analysis.Assist;
import dev.virtcpu.analysis.Completion;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.eclipse.lemminx.dom.DOMDocument;
import com.google.gson.JsonObject;
import org.eclipse.lemminx.services.data.DataEntryField;
import org.eclipse.lemminx.services.extensions.completion.CompletionParticipantAdapter;
import org.eclipse.lemminx.services.extensions.completion.ICompletionItemResolveParticipant;
import org.eclipse.lemminx.services.extensions.completion.ICompletionItemResolverRequest;
import org.eclipse.lemminx.services.extensions.completion.ICompletionRequest;
import org.eclipse.lemminx.services.extensions.completion.ICompletionResponse;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Model and vendor names in {@code <model>}/{@code <vendor>} text, feature names and enumerated
 * values in attributes, and the {@code <cpu>} snippet inside {@code <domain>}: all from
 * {@link Assist#complete}.
 */
final class VirtcpuCompletionParticipant extends CompletionParticipantAdapter implements ICompletionItemResolveParticipant {
    static final String ID = "virtcpu";
    private static final String FEATURE = "feature";
    private final VirtcpuService service;

    VirtcpuCompletionParticipant(VirtcpuService service) {
        this.service = service;
    }

    @Override
    public void onTagOpen(ICompletionRequest request, ICompletionResponse response, CancelChecker cancel) {
        add(request, response, cancel, c -> c.kind() == Completion.Kind.SNIPPET);
    }

    @Override
    public void onXMLContent(ICompletionRequest request, ICompletionResponse response, CancelChecker cancel) {
        // When LemMinX found a tag name here it has already asked onTagOpen, which gave the snippets.
        boolean tagName = request.getXMLDocument().getElementNameRangeAt(request.getOffset()) != null;
        add(request, response, cancel, c -> !tagName || c.kind() != Completion.Kind.SNIPPET);
    }

    @Override
    public void onAttributeValue(String valuePrefix, ICompletionRequest request, ICompletionResponse response, CancelChecker cancel) {
        add(request, response, cancel, c -> true);
    }

    @Override
    public ICompletionItemResolveParticipant getResolveCompletionItemParticipant(String participantId) {
        return ID.equals(participantId) ? this : null;
    }

    /** Feature documentation is computed on demand, as in the standalone server. */
    @Override
    public CompletionItem resolveCompletionItem(ICompletionItemResolverRequest request, CancelChecker cancel) {
        CompletionItem item = request.getUnresolved();
        String name = request.getDataProperty(FEATURE);
        DOMDocument doc = request.getDocument();
        if (name == null || doc == null || item.getDocumentation() != null) return item;
        String md = Assist.featureDoc(name, service.resolve(doc, XmlParser.parse(doc.getText())).context());
        if (md != null) item.setDocumentation(markup(md, request.canSupportMarkupKind(MarkupKind.MARKDOWN)));
        return item;
    }

    private void add(ICompletionRequest request, ICompletionResponse response, CancelChecker cancel, Predicate<Completion> wanted) {
        DOMDocument doc = request.getXMLDocument();
        if (!service.applies(doc)) return;
        XmlDocument xml = XmlParser.parse(doc.getText());
        List<Completion> items = Assist.complete(xml, request.getOffset(), service.resolve(doc, xml).context());
        cancel.checkCanceled();
        Set<String> seen = labels(response);
        boolean markdown = request.canSupportMarkupKind(MarkupKind.MARKDOWN);
        for (Completion c : items) {
            if (!wanted.test(c)) continue;
            if (c.kind() == Completion.Kind.VALUE && !seen.add(c.label())) continue; // the schema offered it already
            CompletionItem item = item(doc, request, c, markdown);
            if (item != null) response.addCompletionItem(item);
        }
    }

    private CompletionItem item(DOMDocument doc, ICompletionRequest request, Completion c, boolean markdown) {
        Range range = service.range(doc, c.replaceStart(), c.replaceEnd());
        if (range == null) range = request.getReplaceRange();
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
        boolean bracket = c.replaceStart() < c.replaceEnd() && doc.getText().charAt(c.replaceStart()) == '<';
        item.setFilterText(bracket ? "<" + c.label() : c.label());
        String insert = c.insertText();
        if (c.snippet()) {
            if (request.isCompletionSnippetsSupported()) item.setInsertTextFormat(InsertTextFormat.Snippet);
            else insert = insert.replace("${1}", "").replace("\\$", "$");
        }
        item.setTextEdit(Either.forLeft(new TextEdit(range, insert)));
        if (c.documentation() != null) item.setDocumentation(markup(c.documentation(), markdown));
        if (c.kind() == Completion.Kind.FEATURE) {
            JsonObject data = DataEntryField.createCompletionData(request, ID);
            data.addProperty(FEATURE, c.label());
            item.setData(data);
        }
        return item;
    }

    private static MarkupContent markup(String markdown, boolean supported) {
        return new MarkupContent(supported ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, markdown);
    }

    private static Set<String> labels(ICompletionResponse response) {
        Set<String> labels = new HashSet<>();
        if (response instanceof CompletionList list) {
            for (CompletionItem i : list.getItems()) labels.add(i.getLabel());
        }
        return labels;
    }
}
