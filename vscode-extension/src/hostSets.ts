/**
 * Shapes of the server's `virtcpu.hostSets` / `virtcpu.baseline` command results and the pure helpers
 * the UI uses with them (status bar text, quick pick items, baseline document URIs).
 */

export interface HostSetInfo {
    name: string;
    hosts: number;
    baselineModel: string | null;
    source: string | null;
}

export interface HostSetsResult {
    sets: HostSetInfo[];
    active: string | null;
}

export type BaselineResult = { xml: string; hostSet: string; hosts: number } | { error: string };

export const BASELINE_SCHEME = 'virtcpu-baseline';

/** Accepts what the server sent; anything malformed becomes "no host sets". */
export function normalizeHostSets(value: unknown): HostSetsResult {
    const result: HostSetsResult = { sets: [], active: null };
    if (!value || typeof value !== 'object') {
        return result;
    }
    const v = value as { sets?: unknown; active?: unknown };
    if (Array.isArray(v.sets)) {
        for (const s of v.sets) {
            if (s && typeof s === 'object' && typeof (s as HostSetInfo).name === 'string') {
                const e = s as Partial<HostSetInfo>;
                result.sets.push({
                    name: e.name as string,
                    hosts: typeof e.hosts === 'number' ? e.hosts : 0,
                    baselineModel: typeof e.baselineModel === 'string' ? e.baselineModel : null,
                    source: typeof e.source === 'string' ? e.source : null,
                });
            }
        }
    }
    if (typeof v.active === 'string') {
        result.active = v.active;
    }
    return result;
}

export function activeHostSet(r: HostSetsResult): HostSetInfo | undefined {
    return r.active === null ? undefined : r.sets.find((s) => s.name === r.active);
}

/** `$(server) prod · Haswell-noTSX`, or a hint when no set is active. */
export function statusBarText(r: HostSetsResult): string {
    const active = activeHostSet(r);
    if (!active) {
        return r.sets.length ? '$(server) no host set' : '$(server) virtcpu';
    }
    return active.baselineModel ? `$(server) ${active.name} · ${active.baselineModel}` : `$(server) ${active.name}`;
}

export function statusBarTooltip(r: HostSetsResult): string {
    const active = activeHostSet(r);
    if (!active) {
        return r.sets.length
            ? 'virtcpu: no host set is active. Click to choose one.'
            : 'virtcpu: no host sets are defined (add a .virtcpu.json to the workspace).';
    }
    const hosts = `${active.hosts} host${active.hosts === 1 ? '' : 's'}`;
    const from = active.source ? `, from ${active.source}` : '';
    const model = active.baselineModel ? `; baseline model ${active.baselineModel}` : '';
    return `virtcpu host set "${active.name}" (${hosts}${from})${model}. Click to choose another.`;
}

export interface HostSetPickItem {
    label: string;
    description: string;
    detail?: string;
    name: string;
    picked: boolean;
}

/** Quick pick items, the active set first and marked. */
export function hostSetPickItems(r: HostSetsResult): HostSetPickItem[] {
    const items = r.sets.map((s) => ({
        label: s.name === r.active ? `$(check) ${s.name}` : s.name,
        description: [`${s.hosts} host${s.hosts === 1 ? '' : 's'}`, s.baselineModel ?? undefined]
            .filter((x) => x !== undefined)
            .join(' · '),
        detail: s.source ?? undefined,
        name: s.name,
        picked: s.name === r.active,
    }));
    return items.sort((a, b) => Number(b.picked) - Number(a.picked));
}

/**
 * The virtual document for a baseline: `virtcpu-baseline:/<set>.xml?<encoded document uri>`. The
 * `.xml` ending gives it the XML language.
 */
export function baselineUriParts(hostSet: string, documentUri: string): { path: string; query: string } {
    return { path: `/${encodeURIComponent(hostSet)}.xml`, query: encodeURIComponent(documentUri) };
}

/**
 * What `virtcpu.showBaseline` was asked for. The server's code lens passes the document's URI (its
 * command arguments are `[uri]`): that means "the set this document is checked against". A plain string
 * is a host-set name; nothing means "ask".
 */
export function showBaselineRequest(arg: unknown): { documentUri?: string; hostSet?: string } {
    if (typeof arg !== 'string' || arg === '') {
        return {};
    }
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(arg) ? { documentUri: arg } : { hostSet: arg };
}

export function parseBaselineUri(path: string, query: string): { hostSet: string; documentUri: string } {
    const name = path.replace(/^\//, '').replace(/\.xml$/, '');
    return { hostSet: decodeURIComponent(name), documentUri: decodeURIComponent(query) };
}

/** Text of the baseline document: the server's XML, or an XML comment with its error. */
export function baselineDocumentText(r: BaselineResult | null | undefined, hostSet: string): string {
    if (!r) {
        return `<!-- virtcpu: the language server returned no baseline for host set "${hostSet}". -->\n`;
    }
    if ('error' in r) {
        return `<!-- virtcpu: no baseline for host set "${hostSet}": ${r.error.replace(/--/g, '- -')} -->\n`;
    }
    const header = `<!-- Baseline CPU of host set "${r.hostSet}" (${r.hosts} host${r.hosts === 1 ? '' : 's'}) -->\n`;
    return header + (r.xml.endsWith('\n') ? r.xml : r.xml + '\n');
}
