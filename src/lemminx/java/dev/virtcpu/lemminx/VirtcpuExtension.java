package dev.virtcpu.lemminx;

import org.eclipse.lemminx.services.extensions.IXMLExtension;
import org.eclipse.lemminx.services.extensions.XMLExtensionsRegistry;
import org.eclipse.lemminx.services.extensions.save.ISaveContext;
import org.eclipse.lsp4j.InitializeParams;

import java.nio.file.Path;

/**
 * The virtcpu LemMinX extension: registers the participants and the schema resolver, and feeds
 * {@code xml.virtcpu.*} settings to the analysis.
 */
public final class VirtcpuExtension implements IXMLExtension {
    private final VirtcpuService service = new VirtcpuService();
    private final VirtcpuDiagnosticsParticipant diagnostics = new VirtcpuDiagnosticsParticipant(service);
    private final VirtcpuCompletionParticipant completion = new VirtcpuCompletionParticipant(service);
    private final VirtcpuHoverParticipant hover = new VirtcpuHoverParticipant(service);
    private final VirtcpuCodeActionParticipant codeActions = new VirtcpuCodeActionParticipant(service);
    private final VirtcpuCodeLensParticipant codeLens = new VirtcpuCodeLensParticipant(service);
    private VirtcpuSchemaResolver resolver;

    @Override
    public void start(InitializeParams params, XMLExtensionsRegistry registry) {
        registry.registerDiagnosticsParticipant(diagnostics);
        registry.registerCompletionParticipant(completion);
        registry.registerHoverParticipant(hover);
        registry.registerCodeActionParticipant(codeActions);
        registry.registerCodeLensParticipant(codeLens);
        if (registry.getResolverExtensionManager() != null && registry.getDocumentProvider() != null) {
            resolver = new VirtcpuSchemaResolver(registry.getDocumentProvider(), service::enabled);
            registry.getResolverExtensionManager().registerResolver(resolver);
        }
    }

    @Override
    public void stop(XMLExtensionsRegistry registry) {
        registry.unregisterDiagnosticsParticipant(diagnostics);
        registry.unregisterCompletionParticipant(completion);
        registry.unregisterHoverParticipant(hover);
        registry.unregisterCodeActionParticipant(codeActions);
        registry.unregisterCodeLensParticipant(codeLens);
        if (resolver != null && registry.getResolverExtensionManager() != null) {
            registry.getResolverExtensionManager().unregisterResolver(resolver);
        }
    }

    @Override
    public void doSave(ISaveContext context) {
        if (context.getType() == ISaveContext.SaveContextType.SETTINGS) {
            service.applySettings(context.getSettings());
            context.collectDocumentToValidate(doc -> true);
        } else {
            Path saved = VirtcpuService.path(context.getUri());
            if (saved == null) return;
            service.fileChanged(saved);
            context.collectDocumentToValidate(VirtcpuService::isDomain);
        }
    }
}
