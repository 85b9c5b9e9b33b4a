/**
 * Maps the `virtcpu.*` settings to what the language server receives: its command line and its
 * `initializationOptions` (the same object the server later gets in
 * `workspace/didChangeConfiguration` as `{settings: {virtcpu: ...}}`).
 *
 * No `vscode` import: settings are read through a getter so that this is testable with plain Node.
 */

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type TraceLevel = 'off' | 'messages' | 'verbose';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);
const TRACE_LEVELS: ReadonlySet<string> = new Set(['off', 'messages', 'verbose']);

export interface VirtcpuSettings {
    hostSet: string | null;
    cpuMap: string | null;
    libvirt: string | null;
    severity: Record<string, Severity>;
    libvirtSchemas: string | null;
    javaHome: string | null;
    vmargs: string | null;
    trace: TraceLevel;
}

/** The server's `initializationOptions`. */
export interface InitializationOptions {
    hostSet: string | null;
    cpuMap: string | null;
    libvirt: string | null;
    severity: Record<string, Severity>;
    libvirtSchemas: string | null;
}

/** Reads one setting below `virtcpu.`, e.g. `get('java.home')`. */
export type SettingGetter = (key: string) => unknown;

function optionalString(value: unknown): string | null {
    if (typeof value !== 'string') {
        return null;
    }
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
}

/** Keeps the entries whose value is a known severity (case-insensitive); drops the others. */
export function normalizeSeverity(value: unknown): Record<string, Severity> {
    const result: Record<string, Severity> = {};
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return result;
    }
    for (const [code, sev] of Object.entries(value as Record<string, unknown>)) {
        if (typeof sev === 'string' && SEVERITIES.has(sev.toLowerCase()) && code.trim() !== '') {
            result[code.trim()] = sev.toLowerCase() as Severity;
        }
    }
    return result;
}

export function readSettings(get: SettingGetter): VirtcpuSettings {
    const trace = get('trace.server');
    return {
        hostSet: optionalString(get('hostSet')),
        cpuMap: optionalString(get('cpuMap')),
        libvirt: optionalString(get('libvirt')),
        severity: normalizeSeverity(get('severity')),
        libvirtSchemas: optionalString(get('libvirtSchemas')),
        javaHome: optionalString(get('java.home')),
        vmargs: optionalString(get('server.vmargs')),
        trace: typeof trace === 'string' && TRACE_LEVELS.has(trace) ? (trace as TraceLevel) : 'off',
    };
}

export function toInitializationOptions(s: VirtcpuSettings): InitializationOptions {
    return {
        hostSet: s.hostSet,
        cpuMap: s.cpuMap,
        libvirt: s.libvirt,
        severity: { ...s.severity },
        libvirtSchemas: s.libvirtSchemas,
    };
}

/** The `workspace/didChangeConfiguration` payload for these settings. */
export function toDidChangeConfiguration(s: VirtcpuSettings): { settings: { virtcpu: InitializationOptions } } {
    return { settings: { virtcpu: toInitializationOptions(s) } };
}

/**
 * Splits a JVM argument line like a shell would for the simple cases: whitespace separates
 * arguments, double quotes group (and are removed), `\"` is a literal quote.
 * `-Xmx1g "-Dfoo=a b"` → [`-Xmx1g`, `-Dfoo=a b`].
 */
export function parseVmargs(line: string | null | undefined): string[] {
    if (!line) {
        return [];
    }
    const args: string[] = [];
    let current = '';
    let inArg = false;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\' && line[i + 1] === '"') {
            current += '"';
            inArg = true;
            i++;
        } else if (c === '"') {
            quoted = !quoted;
            inArg = true;
        } else if (!quoted && /\s/.test(c)) {
            if (inArg) {
                args.push(current);
                current = '';
                inArg = false;
            }
        } else {
            current += c;
            inArg = true;
        }
    }
    if (inArg) {
        args.push(current);
    }
    return args;
}

/**
 * JVM flags used when the user gives none of their own for that concern, as the `server/virtcpu lsp`
 * launcher does: C1 only (a fast start; per-edit work is small), the serial collector, a 2 MB stack.
 */
export const DEFAULT_VMARGS: readonly string[] = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss2m'];

/**
 * The class-data-sharing archive to use: `use` when an archive newer than the jar exists, else
 * `create` (written when the server exits), or none at all.
 */
export type CdsArchive = { use: string } | { create: string } | null;

/** Arguments for `java`: vmargs, then `-jar <jar> lsp`. */
export function serverArgs(s: VirtcpuSettings, jar: string, cds: CdsArchive = null): string[] {
    const user = parseVmargs(s.vmargs);
    const defaults = DEFAULT_VMARGS.filter((d) => {
        if (d.startsWith('-XX:+Use') && d.endsWith('GC')) {
            return !user.some((u) => /^-XX:[+-]Use\w*GC$/.test(u));
        }
        if (d.startsWith('-Xss')) {
            return !user.some((u) => u.startsWith('-Xss'));
        }
        if (d.startsWith('-XX:TieredStopAtLevel')) {
            return !user.some((u) => u.startsWith('-XX:TieredStopAtLevel') || u === '-XX:-TieredCompilation');
        }
        return true;
    });
    const share = cds === null || user.some((u) => u.includes('SharedArchiveFile') || u.includes('ArchiveClassesAtExit'))
        ? []
        : 'use' in cds
            ? [`-XX:SharedArchiveFile=${cds.use}`, '-Xshare:auto']
            : [`-XX:ArchiveClassesAtExit=${cds.create}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'];
    return [...defaults, ...share, ...user, '-jar', jar, 'lsp'];
}

/** Settings whose change needs a new server process (they are part of its command line). */
export const RESTART_KEYS: readonly string[] = ['virtcpu.java.home', 'virtcpu.server.vmargs', 'xml.virtcpu.enabled'];

/**
 * Whether this extension starts its own language server. The VSIX also gives its LemMinX extension
 * to Red Hat's XML extension (`xml.javaExtensions`), where it stays quiet unless
 * `xml.virtcpu.enabled` is true; then, if the XML extension is installed, the checks run there and
 * the standalone server is not started, so that no problem is reported twice.
 */
export function standaloneServerWanted(xmlVirtcpuEnabled: unknown, xmlExtensionInstalled: boolean): boolean {
    return !(xmlVirtcpuEnabled === true && xmlExtensionInstalled);
}
