import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
    CloseAction,
    CloseHandlerResult,
    ErrorAction,
    ErrorHandlerResult,
    ExecuteCommandRequest,
    LanguageClient,
    LanguageClientOptions,
    ErrorCodes,
    ResponseError,
    RevealOutputChannelOn,
    ServerOptions,
    StaticFeature,
    DynamicFeature,
} from 'vscode-languageclient/node';
import { RestartBackoff } from './backoff';
import {
    BASELINE_SCHEME,
    BaselineResult,
    HostSetsResult,
    baselineDocumentText,
    baselineUriParts,
    hostSetPickItems,
    normalizeHostSets,
    parseBaselineUri,
    showBaselineRequest,
    statusBarText,
    statusBarTooltip,
} from './hostSets';
import { JavaNotFoundError, findJava, nodeHost } from './java';
import { CdsArchive, RESTART_KEYS, readSettings, serverArgs, standaloneServerWanted, toInitializationOptions, VirtcpuSettings } from './settings';

/** Commands that this extension registers itself; the server's commands of the same name are only
 * called through `workspace/executeCommand`, never registered as VS Code commands by the client. */
const CLIENT_COMMANDS = new Set(['virtcpu.selectHostSet', 'virtcpu.showBaseline', 'virtcpu.restartServer']);

const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: 'xml' },
    { scheme: 'file', pattern: '**/.virtcpu.json' },
];

function settings(): VirtcpuSettings {
    const config = vscode.workspace.getConfiguration('virtcpu');
    return readSettings((key) => config.get(key));
}

/**
 * LanguageClient that does not register the server's `executeCommandProvider` commands whose names
 * this extension already uses for its own UI (registering a command twice fails).
 */
class VirtcpuLanguageClient extends LanguageClient {
    /** Set for automatic restarts: their start failures are logged but not shown as notifications
     * each time (the extension tells the user itself when it gives up). */
    public quietStartFailures = false;

    public error(message: string, data?: any, showNotification: boolean | 'force' = true): void {
        super.error(message, data, this.quietStartFailures ? false : showNotification);
    }

    public registerFeature(feature: StaticFeature | DynamicFeature<any>): void {
        const dynamic = feature as DynamicFeature<any>;
        if (dynamic.registrationType?.method === ExecuteCommandRequest.method) {
            const register = dynamic.register.bind(dynamic);
            dynamic.register = (data) => {
                const commands: string[] | undefined = data.registerOptions?.commands;
                if (Array.isArray(commands)) {
                    data = {
                        ...data,
                        registerOptions: { ...data.registerOptions, commands: commands.filter((c) => !CLIENT_COMMANDS.has(c)) },
                    };
                }
                register(data);
            };
        }
        super.registerFeature(feature);
    }
}

class VirtcpuExtension implements vscode.Disposable {
    private client: LanguageClient | undefined;
    private readonly backoff = new RestartBackoff();
    private restartTimer: NodeJS.Timeout | undefined;
    private stopping = false;
    private readonly output: vscode.OutputChannel;
    private readonly statusBar: vscode.StatusBarItem;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly baselineChanged = new vscode.EventEmitter<vscode.Uri>();
    private statusRefresh: NodeJS.Timeout | undefined;

    constructor(private readonly context: vscode.ExtensionContext) {
        this.output = vscode.window.createOutputChannel('virtcpu');
        this.statusBar = vscode.window.createStatusBarItem('virtcpu.hostSet', vscode.StatusBarAlignment.Left, 10);
        this.statusBar.name = 'virtcpu host set';
        this.statusBar.command = 'virtcpu.selectHostSet';
        this.disposables.push(this.output, this.statusBar, this.baselineChanged);
    }

    register(): void {
        const d = this.disposables;
        d.push(vscode.commands.registerCommand('virtcpu.selectHostSet', () => this.selectHostSet()));
        d.push(vscode.commands.registerCommand('virtcpu.showBaseline', (arg?: unknown) => this.showBaseline(arg)));
        d.push(vscode.commands.registerCommand('virtcpu.restartServer', () => this.restart(true)));
        d.push(
            vscode.workspace.registerTextDocumentContentProvider(BASELINE_SCHEME, {
                onDidChange: this.baselineChanged.event,
                provideTextDocumentContent: (uri) => this.baselineContent(uri),
            }),
        );
        d.push(vscode.window.onDidChangeActiveTextEditor(() => this.scheduleStatusRefresh()));
        d.push(
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
                    this.output.appendLine('Settings that the server is started with changed: restarting it.');
                    void this.restart(true);
                } else if (e.affectsConfiguration('virtcpu')) {
                    this.scheduleStatusRefresh();
                }
            }),
        );
        const watcher = vscode.workspace.createFileSystemWatcher('**/.virtcpu.json');
        d.push(watcher, watcher.onDidChange(() => this.scheduleStatusRefresh()));
        d.push(watcher.onDidCreate(() => this.scheduleStatusRefresh()), watcher.onDidDelete(() => this.scheduleStatusRefresh()));
    }

    /**
     * A class-data-sharing archive of the server's classes in the extension's global storage, per jar
     * and Java version: written when a session ends, used from the next start on (a faster start).
     */
    private cdsArchive(jar: string, javaVersion: number): CdsArchive {
        try {
            const dir = this.context.globalStorageUri.fsPath;
            fs.mkdirSync(dir, { recursive: true });
            const stamp = fs.statSync(jar).mtimeMs.toFixed(0);
            const file = path.join(dir, `virtcpu-lsp-${javaVersion}-${stamp}.jsa`);
            return fs.existsSync(file) ? { use: file } : { create: file };
        } catch {
            return null;
        }
    }

    async start(): Promise<void> {
        const s = settings();
        const xmlVirtcpuEnabled = vscode.workspace.getConfiguration('xml').get('virtcpu.enabled');
        const xmlExtension = vscode.extensions.getExtension('redhat.vscode-xml') !== undefined;
        if (!standaloneServerWanted(xmlVirtcpuEnabled, xmlExtension)) {
            this.output.appendLine(
                '"xml.virtcpu.enabled" is true and the XML extension is installed: the checks run inside it ' +
                    '(LemMinX), so the standalone virtcpu language server is not started.',
            );
            this.statusBar.hide();
            return;
        }
        if (xmlVirtcpuEnabled === true) {
            this.output.appendLine('"xml.virtcpu.enabled" is true but the XML extension (redhat.vscode-xml) is not installed: '
                + 'starting the standalone virtcpu language server.');
        }
        const jar = this.context.asAbsolutePath('server/virtcpu-all.jar');
        if (!fs.existsSync(jar)) {
            const msg = `virtcpu: the language server is missing from the extension (${jar}). Reinstall the extension.`;
            this.output.appendLine(msg);
            void vscode.window.showErrorMessage(msg);
            return;
        }
        let java;
        try {
            java = await findJava(s.javaHome, nodeHost());
        } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            this.output.appendLine(message);
            const open = 'Open Settings';
            // Not awaited: activation must not wait for the user to answer.
            void vscode.window.showErrorMessage(message, open).then((choice) => {
                if (choice === open) {
                    void vscode.commands.executeCommand('workbench.action.openSettings', 'virtcpu.java.home');
                }
            });
            if (e instanceof JavaNotFoundError) {
                return;
            }
            throw e;
        }
        const args = serverArgs(s, jar, this.cdsArchive(jar, java.version));
        this.output.appendLine(`Starting the language server: ${java.java} ${args.join(' ')} (Java ${java.version}, from ${java.source})`);
        // No `transport`: stdio is the default, and TransportKind.stdio would append `--stdio` to the
        // server's command line, which `virtcpu lsp` does not take.
        const serverOptions: ServerOptions = {
            command: java.java,
            args,
            options: { env: process.env },
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector: DOCUMENT_SELECTOR,
            initializationOptions: toInitializationOptions(s),
            synchronize: {
                configurationSection: 'virtcpu',
                fileEvents: vscode.workspace.createFileSystemWatcher('**/{.virtcpu.json,*.xml}'),
            },
            outputChannel: this.output,
            traceOutputChannel: this.output,
            revealOutputChannelOn: RevealOutputChannelOn.Never,
            // A failed `initialize` is not retried in place: the process is stopped and the close
            // handler restarts it with back-off.
            initializationFailedHandler: (error) => {
                const text = error instanceof Error ? error.message : String(error);
                this.output.appendLine(`The language server failed to initialize: ${text}`);
                // An answer from a live server (not a dead connection) will not get better by retrying.
                if (error instanceof ResponseError && error.code !== ErrorCodes.PendingResponseRejected) {
                    void vscode.window.showErrorMessage(`virtcpu: the language server failed to initialize: ${text}`);
                }
                return false;
            },
            errorHandler: {
                error: (_error, _message, count): ErrorHandlerResult => ({
                    action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
                }),
                closed: (): CloseHandlerResult => this.onClosed(),
            },
        };
        const client = new VirtcpuLanguageClient('virtcpu', 'virtcpu', serverOptions, clientOptions);
        client.quietStartFailures = this.backoff.crashes > 0;
        this.client = client;
        try {
            await client.start();
        } catch (e) {
            this.output.appendLine(`The language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
            // A start failure after the process exited is handled by onClosed (restart with back-off).
            return;
        }
        if (this.client !== client || !client.isRunning()) {
            return;
        }
        client.quietStartFailures = false;
        this.backoff.started(Date.now());
        const info = client.initializeResult?.serverInfo;
        this.output.appendLine(`The language server is running${info ? ` (${info.name}${info.version ? ' ' + info.version : ''})` : ''}.`);
        this.scheduleStatusRefresh(0);
    }

    /** The server process went away without us stopping it: restart it later, with back-off. */
    private onClosed(): CloseHandlerResult {
        if (this.stopping) {
            return { action: CloseAction.DoNotRestart, handled: true };
        }
        const delay = this.backoff.crashed(Date.now());
        this.statusBar.text = '$(warning) virtcpu';
        this.statusBar.tooltip = 'The virtcpu language server stopped. Run "virtcpu: Restart Language Server".';
        this.statusBar.command = 'virtcpu.restartServer';
        this.statusBar.show();
        if (delay === undefined) {
            const msg = `The virtcpu language server stopped ${this.backoff.crashes} times in a row and is not restarted again. See the "virtcpu" output for details.`;
            const restart = 'Restart';
            void vscode.window.showErrorMessage(msg, restart, 'Show Output').then((choice) => {
                if (choice === restart) {
                    void this.restart(true);
                } else if (choice) {
                    this.output.show();
                }
            });
            return { action: CloseAction.DoNotRestart, message: msg, handled: true };
        }
        const message = `The virtcpu language server stopped; restarting it in ${delay / 1000} s.`;
        this.restartTimer = setTimeout(() => {
            this.restartTimer = undefined;
            void this.restart(false);
        }, delay);
        return { action: CloseAction.DoNotRestart, message, handled: true };
    }

    async stop(): Promise<void> {
        if (this.restartTimer) {
            clearTimeout(this.restartTimer);
            this.restartTimer = undefined;
        }
        const client = this.client;
        this.client = undefined;
        if (!client) {
            return;
        }
        this.stopping = true;
        try {
            if (client.isRunning()) {
                await client.stop(5000);
            }
            await client.dispose(1000).catch(() => undefined);
        } catch (e) {
            this.output.appendLine(`Stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
            this.stopping = false;
        }
    }

    async restart(deliberate: boolean): Promise<void> {
        if (deliberate) {
            this.backoff.reset();
        }
        await this.stop();
        this.statusBar.command = 'virtcpu.selectHostSet';
        await this.start();
    }

    /** A URI the server can resolve a workspace from: the active file, else a `.virtcpu.json`. */
    private async contextUri(): Promise<vscode.Uri | undefined> {
        const editor = vscode.window.activeTextEditor;
        if (editor && editor.document.uri.scheme === 'file') {
            return editor.document.uri;
        }
        if (editor && editor.document.uri.scheme === BASELINE_SCHEME) {
            const { documentUri } = parseBaselineUri(editor.document.uri.path, editor.document.uri.query);
            return vscode.Uri.parse(documentUri);
        }
        const found = await vscode.workspace.findFiles('**/.virtcpu.json', '**/node_modules/**', 1);
        if (found.length) {
            return found[0];
        }
        return vscode.workspace.workspaceFolders?.[0]?.uri;
    }

    private async serverCommand<T>(command: string, args: unknown[]): Promise<T> {
        const client = this.client;
        if (!client || !client.isRunning()) {
            throw new Error('the virtcpu language server is not running');
        }
        return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
    }

    private async hostSets(uri: vscode.Uri): Promise<HostSetsResult> {
        const client = this.client!;
        const raw = await this.serverCommand<unknown>('virtcpu.hostSets', [client.code2ProtocolConverter.asUri(uri)]);
        return normalizeHostSets(raw);
    }

    private scheduleStatusRefresh(delay = 300): void {
        if (this.statusRefresh) {
            clearTimeout(this.statusRefresh);
        }
        this.statusRefresh = setTimeout(() => {
            this.statusRefresh = undefined;
            void this.refreshStatusBar();
        }, delay);
    }

    private async refreshStatusBar(): Promise<void> {
        if (!this.client || !this.client.isRunning()) {
            return;
        }
        const uri = await this.contextUri();
        if (!uri) {
            this.statusBar.hide();
            return;
        }
        try {
            const result = await this.hostSets(uri);
            this.statusBar.text = statusBarText(result);
            this.statusBar.tooltip = statusBarTooltip(result);
            this.statusBar.command = 'virtcpu.selectHostSet';
            this.statusBar.show();
        } catch (e) {
            this.output.appendLine(`virtcpu.hostSets failed: ${e instanceof Error ? e.message : String(e)}`);
            this.statusBar.text = '$(server) virtcpu';
            this.statusBar.tooltip = 'virtcpu: host sets are not available (see the "virtcpu" output).';
            this.statusBar.show();
        }
    }

    async selectHostSet(): Promise<void> {
        const uri = await this.contextUri();
        if (!uri || !this.client) {
            void vscode.window.showWarningMessage('virtcpu: open a domain XML file of a workspace with a .virtcpu.json first.');
            return;
        }
        let result: HostSetsResult;
        try {
            result = await this.hostSets(uri);
        } catch (e) {
            void vscode.window.showErrorMessage(`virtcpu: cannot list host sets: ${e instanceof Error ? e.message : String(e)}`);
            return;
        }
        if (!result.sets.length) {
            void vscode.window.showInformationMessage(
                'virtcpu: no host sets are defined. Add a .virtcpu.json with "hostSets" to the workspace.',
            );
            return;
        }
        const picked = await vscode.window.showQuickPick(hostSetPickItems(result), {
            title: 'virtcpu: Select Host Set',
            placeHolder: 'Host set to check domain CPUs against',
            matchOnDescription: true,
            matchOnDetail: true,
        });
        if (!picked) {
            return;
        }
        await this.serverCommand('virtcpu.selectHostSet', [this.client.code2ProtocolConverter.asUri(uri), picked.name]);
        await this.refreshStatusBar();
    }

    async showBaseline(arg?: unknown): Promise<void> {
        const request = showBaselineRequest(arg);
        const uri = request.documentUri ? vscode.Uri.parse(request.documentUri) : await this.contextUri();
        if (!uri || !this.client) {
            void vscode.window.showWarningMessage('virtcpu: open a domain XML file of a workspace with a .virtcpu.json first.');
            return;
        }
        let name = request.hostSet;
        if (!name) {
            let result: HostSetsResult;
            try {
                result = await this.hostSets(uri);
            } catch (e) {
                void vscode.window.showErrorMessage(`virtcpu: cannot list host sets: ${e instanceof Error ? e.message : String(e)}`);
                return;
            }
            if (result.sets.length === 0) {
                void vscode.window.showInformationMessage('virtcpu: no host sets are defined.');
                return;
            }
            if (request.documentUri && result.active) {
                name = result.active;
            } else if (result.sets.length === 1) {
                name = result.sets[0].name;
            } else {
                const picked = await vscode.window.showQuickPick(hostSetPickItems(result), {
                    title: 'virtcpu: Show Baseline CPU of Host Set',
                });
                name = picked?.name;
            }
        }
        if (!name) {
            return;
        }
        const parts = baselineUriParts(name, this.client.code2ProtocolConverter.asUri(uri));
        const doc = vscode.Uri.from({ scheme: BASELINE_SCHEME, path: parts.path, query: parts.query });
        const textDocument = await vscode.workspace.openTextDocument(doc);
        this.baselineChanged.fire(doc);
        await vscode.window.showTextDocument(textDocument, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }

    private async baselineContent(uri: vscode.Uri): Promise<string> {
        const { hostSet, documentUri } = parseBaselineUri(uri.path, uri.query);
        try {
            const r = await this.serverCommand<BaselineResult | null>('virtcpu.baseline', [documentUri, hostSet]);
            return baselineDocumentText(r, hostSet);
        } catch (e) {
            return baselineDocumentText({ error: e instanceof Error ? e.message : String(e) }, hostSet);
        }
    }

    dispose(): void {
        if (this.statusRefresh) {
            clearTimeout(this.statusRefresh);
        }
        for (const d of this.disposables) {
            d.dispose();
        }
    }
}

let extension: VirtcpuExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    extension = new VirtcpuExtension(context);
    context.subscriptions.push(extension);
    extension.register();
    await extension.start();
}

export async function deactivate(): Promise<void> {
    await extension?.stop();
    extension = undefined;
}
