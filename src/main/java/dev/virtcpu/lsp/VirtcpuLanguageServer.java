package dev.virtcpu.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Assist;
import dev.virtcpu.analysis.ProductVersion;
import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Completion;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Lens;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The LSP4J glue: keeps open documents, asks the analysis layer, translates the answers. */
public final class VirtcpuLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
    private final Project project = new Project();
    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final SideFileDiagnostics sideFiles = new SideFileDiagnostics();
    /** The analysis each document's published diagnostics came from (code actions and lenses reuse it). */
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    /** The diagnostics of each open document's own analysis, with the version they are of. */
    private final Map<String, Published> own = new ConcurrentHashMap<>();
    private final AnalysisScheduler scheduler = new AnalysisScheduler(AnalysisScheduler.defaultThreads(), this::publish);
    private volatile LanguageClient client;
    private volatile Positions positions = new Positions(false);
    private volatile boolean relatedSupport = true;
    private volatile boolean snippetSupport = false;
    private volatile boolean markdownSupport = true;
    private volatile boolean resolveDocumentation = false;
    private volatile boolean defaultEditRange = false;
    private volatile boolean shutdown;
    private volatile boolean watchRegistration;

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    int exitCode() { return shutdown ? 0 : 1; }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ClientCapabilities caps = params.getCapabilities();
        String encoding = PositionEncodingKind.UTF16;
        if (caps != null) {
            if (caps.getGeneral() != null && caps.getGeneral().getPositionEncodings() != null
                    && !caps.getGeneral().getPositionEncodings().contains(PositionEncodingKind.UTF16)
                    && caps.getGeneral().getPositionEncodings().contains(PositionEncodingKind.UTF32)) {
                encoding = PositionEncodingKind.UTF32;
            }
            WorkspaceClientCapabilities ws = caps.getWorkspace();
            watchRegistration = ws != null && ws.getDidChangeWatchedFiles() != null
                    && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
            TextDocumentClientCapabilities td = caps.getTextDocument();
            if (td != null) {
                relatedSupport = td.getPublishDiagnostics() == null || !Boolean.FALSE.equals(td.getPublishDiagnostics().getRelatedInformation());
                if (td.getCompletion() != null) {
                    CompletionListCapabilities list = td.getCompletion().getCompletionList();
                    defaultEditRange = list != null && list.getItemDefaults() != null && list.getItemDefaults().contains("editRange");
                }
                if (td.getCompletion() != null && td.getCompletion().getCompletionItem() != null) {
                    snippetSupport = Boolean.TRUE.equals(td.getCompletion().getCompletionItem().getSnippetSupport());
                    CompletionItemResolveSupportCapabilities resolve = td.getCompletion().getCompletionItem().getResolveSupport();
                    resolveDocumentation = resolve != null && resolve.getProperties() != null
                            && resolve.getProperties().contains("documentation");
                    List<String> formats = td.getCompletion().getCompletionItem().getDocumentationFormat();
                    markdownSupport = formats == null || formats.contains(MarkupKind.MARKDOWN);
                }
            }
        }
        positions = new Positions(encoding.equals(PositionEncodingKind.UTF32));
        applySettings(params.getInitializationOptions());
        ServerCapabilities sc = new ServerCapabilities();
        sc.setPositionEncoding(encoding);
        sc.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        CompletionOptions completion = new CompletionOptions(true, List.of("'", "\"", ">", "<"));
        sc.setCompletionProvider(completion);
        sc.setHoverProvider(true);
        sc.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        sc.setCodeLensProvider(new CodeLensOptions(false));
        sc.setExecuteCommandProvider(new ExecuteCommandOptions(Commands.NAMES));
        return CompletableFuture.completedFuture(new InitializeResult(sc, new ServerInfo("virtcpu", ProductVersion.get())));
    }

    public VirtcpuLanguageServer() {
        // Warm the hot paths (map, XML Schema, analysis) while the protocol layer starts up, so the
        // first document is answered quickly.
        scheduler.submit(() -> {
            Analyzer.analyze("<domain><cpu mode='custom'><model>Haswell</model><feature policy='require' name='vmx'/></cpu></domain>",
                    project.resolve(null, null).context());
            // The other bundled maps: 'since libvirt X' in hover and completion, unknown-in-target.
            dev.virtcpu.model.MapHistory.bundled();
        });
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchRegistration && client != null) {
            // Host files and .virtcpu.json change outside the editor; ask the client to tell us.
            DidChangeWatchedFilesRegistrationOptions opts = new DidChangeWatchedFilesRegistrationOptions(List.of(
                    new FileSystemWatcher(Either.forLeft("**/" + Config.FILE_NAME)),
                    new FileSystemWatcher(Either.forLeft("**/*.xml"))));
            client.registerCapability(new RegistrationParams(List.of(
                    new Registration("virtcpu-watch", "workspace/didChangeWatchedFiles", opts))));
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.shutdown();
        System.exit(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() { return this; }

    @Override
    public WorkspaceService getWorkspaceService() { return this; }

    // ---- documents -------------------------------------------------------------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem item = params.getTextDocument();
        OpenDocument doc = OpenDocument.of(item.getUri(), item.getVersion(), item.getText());
        documents.put(item.getUri(), doc);
        schedule(item.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        OpenDocument doc = documents.get(uri);
        if (doc == null) return;
        String text = doc.text();
        LineMap lines = doc.lines();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = Edits.apply(text, lines, positions, change);
            lines = new LineMap(text);
        }
        documents.put(uri, new OpenDocument(uri, params.getTextDocument().getVersion(), text, lines));
        schedule(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.remove(uri);
        analyses.remove(uri);
        own.remove(uri);
        scheduler.forget(uri);
        send(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        Path p = path(params.getTextDocument().getUri());
        if (p != null) {
            project.workspace().invalidate(p);
            scheduleAll();
        }
    }

    private void schedule(String uri) {
        scheduler.schedule(uri);
    }

    private void scheduleAll() {
        analyses.clear();
        for (String uri : documents.keySet()) schedule(uri);
    }

    /** Analyses the latest version (bursts of edits coalesce: stale versions are skipped). */
    private void publish(String uri) {
        OpenDocument doc = documents.get(uri);
        if (doc == null || client == null) return;
        try {
            Analysis a = analyze(doc);
            if (documents.get(uri) != doc) return;
            analyses.put(uri, a);
            List<Diagnostic> diags = new ArrayList<>();
            for (Finding f : a.analysis().findings()) diags.add(Translate.diagnostic(doc, positions, f, relatedSupport));
            Severity configSeverity = a.resolution().context().severityOf(Codes.HOST_SET_PROBLEM);
            if (a.configProblem() != null && !a.analysis().cpus().isEmpty() && configSeverity != Severity.OFF) {
                Finding f = new Finding(Codes.HOST_SET_PROBLEM, configSeverity, a.analysis().cpus().get(0).nameStart(),
                        a.analysis().cpus().get(0).nameEnd(), a.configProblem(), List.of(), List.of());
                diags.add(Translate.diagnostic(doc, positions, f, relatedSupport));
            }
            own.put(uri, new Published(doc.version(), diags));
            send(uri);
            for (String changed : sideFiles.update(positions, documents, a.resolution())) {
                if (!changed.equals(uri)) send(changed);
            }
        } catch (RuntimeException | Error e) {
            System.err.println("virtcpu lsp: analysis of " + uri + " failed: " + e);
            e.printStackTrace(System.err);
        }
    }

    /** Diagnostics of one version of a document. */
    private record Published(int version, List<Diagnostic> diagnostics) {
    }

    /** Publishes a file's diagnostics: its own (when open and analysed) and those of its host-file or configuration problems. */
    private synchronized void send(String uri) {
        LanguageClient c = client;
        if (c == null) return;
        Published mine = own.get(uri);
        List<Diagnostic> all = new ArrayList<>(mine == null ? List.of() : mine.diagnostics());
        all.addAll(sideFiles.of(uri));
        c.publishDiagnostics(mine == null ? new PublishDiagnosticsParams(uri, all)
                : new PublishDiagnosticsParams(uri, all, mine.version()));
    }

    private record Analysis(OpenDocument doc, DocumentAnalysis analysis, Project.Resolution resolution, String configProblem) {
    }

    private Analysis analyze(OpenDocument doc) {
        XmlDocument xml = XmlParser.parse(doc.text());
        Project.Resolution r = project.resolve(path(doc.uri()), xml);
        return new Analysis(doc, Analyzer.analyze(xml, r.context()), r, r.problem());
    }

    private record Parsed(XmlDocument xml, AnalysisContext context) {
    }

    /** The analysis behind the diagnostics last published for this version, or a new one. */
    private Analysis analyzed(OpenDocument doc) {
        Analysis a = analyses.get(doc.uri());
        return a != null && a.doc() == doc ? a : analyze(doc);
    }

    /** The parsed document and its context: from the published analysis when it is of this version. */
    private Parsed parsed(OpenDocument doc) {
        Analysis a = analyses.get(doc.uri());
        if (a != null && a.doc() == doc) return new Parsed(a.analysis().document(), a.resolution().context());
        XmlDocument xml = XmlParser.parse(doc.text());
        return new Parsed(xml, project.resolve(path(doc.uri()), xml).context());
    }

    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- requests --------------------------------------------------------------------------

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            OpenDocument doc = documents.get(params.getTextDocument().getUri());
            if (doc == null) return Either.forLeft(List.of());
            Parsed p = parsed(doc);
            int offset = positions.offset(doc.lines(), params.getPosition());
            List<Completion> items = Assist.complete(p.xml(), offset, p.context(), resolveDocumentation);
            cancel.checkCanceled();
            // Every item of one list replaces the same range: send it once when the client allows.
            Range shared = defaultEditRange ? sharedRange(doc, items) : null;
            List<CompletionItem> out = new ArrayList<>(items.size());
            for (Completion c : items) {
                String data = c.kind() == Completion.Kind.MODEL || c.kind() == Completion.Kind.FEATURE
                        ? c.kind().name() + " " + c.label() + " " + doc.uri() : null;
                out.add(Translate.completion(doc, positions, c, snippetSupport, markdownSupport, data, shared != null));
            }
            CompletionList result = new CompletionList(false, out);
            if (shared != null) {
                CompletionItemDefaults defaults = new CompletionItemDefaults();
                defaults.setEditRange(Either.forLeft(shared));
                result.setItemDefaults(defaults);
            }
            return Either.forRight(result);
        });
    }

    private Range sharedRange(OpenDocument doc, List<Completion> items) {
        if (items.isEmpty()) return null;
        Completion first = items.get(0);
        for (Completion c : items) {
            if (c.replaceStart() != first.replaceStart() || c.replaceEnd() != first.replaceEnd()) return null;
        }
        return positions.range(doc.lines(), first.replaceStart(), first.replaceEnd());
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        return CompletableFutures.computeAsync(cancel -> {
            if (item.getDocumentation() != null || item.getData() == null) return item;
            Object raw = item.getData();
            String data = raw instanceof JsonElement j && j.isJsonPrimitive() ? j.getAsString() : String.valueOf(raw);
            String[] parts = data.split(" ", 3);
            OpenDocument doc = parts.length == 3 ? documents.get(parts[2]) : null;
            if (doc == null) return item;
            Completion.Kind kind;
            try {
                kind = Completion.Kind.valueOf(parts[0]);
            } catch (IllegalArgumentException e) {
                return item;
            }
            String md = Assist.documentation(kind, parts[1], parsed(doc).context());
            if (md != null) item.setDocumentation(new MarkupContent(markdownSupport ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, md));
            return item;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.Hover> hover(HoverParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            OpenDocument doc = documents.get(params.getTextDocument().getUri());
            if (doc == null) return null;
            dev.virtcpu.analysis.Hover h = Assist.hover(analyzed(doc).analysis(), positions.offset(doc.lines(), params.getPosition()));
            if (h == null) return null;
            return new org.eclipse.lsp4j.Hover(new MarkupContent(markdownSupport ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT,
                    h.markdown()), positions.range(doc.lines(), h.start(), h.end()));
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            OpenDocument doc = documents.get(params.getTextDocument().getUri());
            if (doc == null) return List.of();
            Analysis a = analyzed(doc);
            cancel.checkCanceled();
            int s = positions.offset(doc.lines(), params.getRange().getStart());
            int e = positions.offset(doc.lines(), params.getRange().getEnd());
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            Set<String> titles = new java.util.HashSet<>();
            for (Finding f : a.analysis().findings()) {
                if (f.fixes().isEmpty() || f.end() < s || f.start() > e) continue;
                Diagnostic d = Translate.diagnostic(doc, positions, f, relatedSupport);
                for (Fix fix : f.fixes()) {
                    if (titles.add(fix.title())) out.add(Either.forRight(Translate.action(doc, positions, fix, d)));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            OpenDocument doc = documents.get(params.getTextDocument().getUri());
            if (doc == null) return List.of();
            Analysis a = analyzed(doc);
            List<CodeLens> out = new ArrayList<>();
            for (Finding f : a.analysis().findings()) {
                if (!f.code().equals(Codes.HOST_SUMMARY)) continue;
                Command cmd = new Command(f.message().replace(" of host set", " ·").replace("; baseline:", " · baseline:"),
                        "virtcpu.showBaseline", List.of(doc.uri()));
                out.add(new CodeLens(positions.range(doc.lines(), f.start(), f.end()), cmd, null));
            }
            for (Lens l : Assist.lenses(a.analysis())) {
                Command cmd = new Command(l.title(), "virtcpu.showBaseline", List.of(doc.uri()));
                out.add(new CodeLens(positions.range(doc.lines(), l.start(), l.end()), cmd, null));
            }
            return out;
        });
    }

    // ---- workspace -------------------------------------------------------------------------

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object s = params.getSettings();
        if (s instanceof JsonObject o && o.has("virtcpu")) s = o.get("virtcpu");
        applySettings(s);
        project.workspace().invalidateAll();
        scheduleAll();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        for (FileEvent e : params.getChanges()) {
            Path p = path(e.getUri());
            if (p != null) project.workspace().invalidate(p);
        }
        scheduleAll();
    }

    private void applySettings(Object options) {
        if (options instanceof JsonObject o) project.setSettings(Project.Settings.fromJson(o.toString()));
    }


    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
            String uri = Commands.arg(args, 0);
            OpenDocument doc = uri == null ? null : documents.get(uri);
            XmlDocument xml = doc == null ? null : XmlParser.parse(doc.text());
            return Commands.execute(project, params.getCommand(), args, uri == null ? null : path(uri), xml, this::scheduleAll,
                    message -> {
                        if (client != null) client.showMessage(new MessageParams(MessageType.Info, message));
                    });
        });
    }
}
