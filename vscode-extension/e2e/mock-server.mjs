// A minimal stand-in for the virtcpu language server, used only by the end-to-end test's
// --mock-server mode. It speaks the same protocol as the real server for the fixture workspace:
// `host-missing-feature` diagnostics, the "Replace CPU with baseline of host set" quick fix and the
// virtcpu.hostSets / virtcpu.baseline / virtcpu.selectHostSet commands. Its CPU logic is naive
// (features are compared by name; the baseline is the first host's model); it is not the product.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = new Map();
let root = null;
let configuredHostSet = null;
let selectedHostSet = null;

function send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
    process.stdout.write(body);
}

function config() {
    const file = path.join(root, '.virtcpu.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { file, json };
}

function globHosts(pattern) {
    const dir = path.join(root, path.dirname(pattern));
    const re = new RegExp(`^${path.basename(pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

function hostSets() {
    const { file, json } = config();
    return Object.entries(json.hostSets ?? {}).map(([name, patterns]) => {
        const hosts = patterns.flatMap(globHosts).map((h) => {
            const text = fs.readFileSync(h, 'utf8');
            return {
                file: h,
                model: /<model[^>]*>([^<]+)<\/model>/.exec(text)?.[1] ?? null,
                features: new Set([...text.matchAll(/<feature name='([^']+)'/g)].map((m) => m[1])),
            };
        });
        return { name, hosts, source: file };
    });
}

function activeName() {
    return selectedHostSet ?? configuredHostSet ?? config().json.defaultHostSet ?? null;
}

function baselineXml(set) {
    const model = set.hosts[0]?.model ?? 'qemu64';
    return `<cpu mode='custom' match='exact' check='partial'>\n    <model fallback='forbid'>${model}</model>\n  </cpu>`;
}

function positionAt(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function diagnose(uri) {
    const text = docs.get(uri);
    const diagnostics = [];
    if (uri.endsWith('.xml') && /^\s*(<\?xml[^>]*>\s*)?<domain[\s>]/.test(text)) {
        const set = hostSets().find((s) => s.name === activeName());
        if (set) {
            for (const m of text.matchAll(/<feature policy='require' name='([^']+)'\s*\/>/g)) {
                for (const h of set.hosts.filter((x) => !x.features.has(m[1]))) {
                    diagnostics.push({
                        range: { start: positionAt(text, m.index), end: positionAt(text, m.index + m[0].length) },
                        severity: 1,
                        source: 'virtcpu',
                        code: 'host-missing-feature',
                        message: `Feature '${m[1]}' is required, but host ${path.basename(h.file)} of host set '${set.name}' lacks it`,
                    });
                }
            }
        }
    }
    send({ method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } });
}

function handle(msg) {
    const { id, method, params } = msg;
    const reply = (result) => send({ id, result });
    switch (method) {
        case 'initialize':
            root = params.rootUri ? fileURLToPath(params.rootUri) : process.cwd();
            configuredHostSet = params.initializationOptions?.hostSet ?? null;
            return reply({
                capabilities: {
                    textDocumentSync: 1,
                    codeActionProvider: true,
                    executeCommandProvider: { commands: ['virtcpu.hostSets', 'virtcpu.baseline', 'virtcpu.selectHostSet'] },
                },
                serverInfo: { name: 'virtcpu-e2e-mock' },
            });
        case 'shutdown':
            return reply(null);
        case 'exit':
            process.exit(0);
        case 'textDocument/didOpen':
            docs.set(params.textDocument.uri, params.textDocument.text);
            return diagnose(params.textDocument.uri);
        case 'textDocument/didChange':
            docs.set(params.textDocument.uri, params.contentChanges[params.contentChanges.length - 1].text);
            return diagnose(params.textDocument.uri);
        case 'textDocument/didClose':
            docs.delete(params.textDocument.uri);
            return undefined;
        case 'workspace/didChangeConfiguration':
            configuredHostSet = params.settings?.virtcpu?.hostSet ?? null;
            return [...docs.keys()].forEach(diagnose);
        case 'textDocument/codeAction': {
            const uri = params.textDocument.uri;
            const text = docs.get(uri) ?? '';
            const cpu = /<cpu[\s>][\s\S]*?<\/cpu>/.exec(text);
            const set = hostSets().find((s) => s.name === activeName());
            const ours = (params.context.diagnostics ?? []).filter((d) => d.source === 'virtcpu');
            if (!cpu || !set || !ours.length) {
                return reply([]);
            }
            return reply([{
                title: `Replace CPU with baseline of host set '${set.name}'`,
                kind: 'quickfix',
                diagnostics: ours,
                isPreferred: true,
                edit: { changes: { [uri]: [{
                    range: { start: positionAt(text, cpu.index), end: positionAt(text, cpu.index + cpu[0].length) },
                    newText: baselineXml(set),
                }] } },
            }]);
        }
        case 'workspace/executeCommand': {
            const [, name] = params.arguments ?? [];
            const sets = hostSets();
            if (params.command === 'virtcpu.hostSets') {
                return reply({
                    sets: sets.map((s) => ({ name: s.name, hosts: s.hosts.length, baselineModel: s.hosts[0]?.model ?? null, source: s.source })),
                    active: activeName(),
                });
            }
            if (params.command === 'virtcpu.baseline') {
                const set = sets.find((s) => s.name === (name ?? activeName()));
                return reply(set ? { xml: baselineXml(set).replace(/\n  <\/cpu>$/, '\n</cpu>') + '\n', hostSet: set.name, hosts: set.hosts.length } : { error: `no host set '${name}'` });
            }
            if (params.command === 'virtcpu.selectHostSet') {
                selectedHostSet = name;
                reply(null);
                return [...docs.keys()].forEach(diagnose);
            }
            return send({ id, error: { code: -32601, message: `unknown command ${params.command}` } });
        }
        default:
            if (id !== undefined && method) {
                return send({ id, error: { code: -32601, message: `unhandled ${method}` } });
            }
            return undefined;
    }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) {
            return;
        }
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) {
            return;
        }
        const body = buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.slice(headerEnd + 4 + length);
        try {
            handle(JSON.parse(body));
        } catch (e) {
            process.stderr.write(`mock server: ${e.stack}\n`);
        }
    }
});
process.stdin.on('end', () => process.exit(0));
