/**
 * Finds a Java 17+ runtime for the language server.
 *
 * Order: the `virtcpu.java.home` setting, then `JAVA_HOME`, then every `java` on `PATH`.
 * A `virtcpu.java.home` that is set but unusable is an error of its own: the user asked for that
 * runtime, so no other one is picked silently.
 *
 * This module does not import `vscode`; the file system and process execution are injected so that
 * it can be tested with plain Node.
 */
import * as path from 'path';

export const MIN_JAVA_VERSION = 17;

export type JavaSource = 'virtcpu.java.home' | 'JAVA_HOME' | 'PATH';

export interface ExecResult {
    stdout: string;
    stderr: string;
    /** Set when the process could not be started at all (ENOENT, EACCES, time-out). */
    error?: string;
}

export interface JavaDiscoveryHost {
    env: Record<string, string | undefined>;
    platform: NodeJS.Platform;
    isFile(p: string): Promise<boolean>;
    exec(command: string, args: string[]): Promise<ExecResult>;
}

export interface JavaRuntime {
    /** Absolute path of the java executable. */
    java: string;
    /** Major version (8 for 1.8, 17, 21, ...). */
    version: number;
    source: JavaSource;
}

export interface JavaCandidate {
    source: JavaSource;
    java: string;
    /** Why the candidate was not used. */
    problem: string;
}

export class JavaNotFoundError extends Error {
    constructor(message: string, readonly tried: JavaCandidate[], readonly settingProblem: boolean) {
        super(message);
        this.name = 'JavaNotFoundError';
    }
}

/**
 * Reads the major version from `java -version` output (printed on stderr).
 * `java version "1.8.0_392"` → 8, `openjdk version "17.0.15" 2025-04-15` → 17, `openjdk version "21" ...`
 * → 21, `openjdk version "22-ea"` → 22.
 */
export function parseJavaVersion(output: string): number | undefined {
    const m = /version\s+"([^"]+)"/.exec(output);
    if (!m) {
        return undefined;
    }
    const parts = m[1].split(/[.\-+_]/);
    const first = Number.parseInt(parts[0], 10);
    if (Number.isNaN(first)) {
        return undefined;
    }
    if (first === 1 && parts.length > 1) {
        const second = Number.parseInt(parts[1], 10);
        return Number.isNaN(second) ? undefined : second;
    }
    return first;
}

function javaExecutableName(platform: NodeJS.Platform): string {
    return platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
    return platform === 'win32' ? path.win32 : path.posix;
}

/** The `java` executables that `PATH` would offer, in order, without duplicates. */
export function javaOnPath(env: Record<string, string | undefined>, platform: NodeJS.Platform): string[] {
    const p = pathApi(platform);
    const value = env.PATH ?? env.Path ?? '';
    const sep = platform === 'win32' ? ';' : ':';
    const seen = new Set<string>();
    const result: string[] = [];
    for (const dir of value.split(sep)) {
        if (!dir) {
            continue;
        }
        const candidate = p.join(dir, javaExecutableName(platform));
        if (!seen.has(candidate)) {
            seen.add(candidate);
            result.push(candidate);
        }
    }
    return result;
}

/** Checks one candidate; returns the runtime or the reason it cannot be used. */
export async function probeJava(
    java: string,
    source: JavaSource,
    host: JavaDiscoveryHost,
    minVersion = MIN_JAVA_VERSION,
): Promise<JavaRuntime | JavaCandidate> {
    if (!(await host.isFile(java))) {
        return { source, java, problem: 'not found' };
    }
    const result = await host.exec(java, ['-version']);
    if (result.error) {
        return { source, java, problem: `could not be run (${result.error})` };
    }
    const version = parseJavaVersion(`${result.stderr}\n${result.stdout}`);
    if (version === undefined) {
        return { source, java, problem: 'printed no version' };
    }
    if (version < minVersion) {
        return { source, java, problem: `is Java ${version}` };
    }
    return { java, version, source };
}

function isRuntime(r: JavaRuntime | JavaCandidate): r is JavaRuntime {
    return (r as JavaRuntime).version !== undefined;
}

function describe(tried: JavaCandidate[]): string {
    return tried.map((c) => `${c.source === 'PATH' ? '' : c.source + ': '}${c.java} ${c.problem}`).join('; ');
}

/**
 * Finds the runtime. Throws JavaNotFoundError with a message that says what was tried and how to fix
 * it.
 */
export async function findJava(
    javaHomeSetting: string | null | undefined,
    host: JavaDiscoveryHost,
    minVersion = MIN_JAVA_VERSION,
): Promise<JavaRuntime> {
    const p = pathApi(host.platform);
    const exe = javaExecutableName(host.platform);
    const tried: JavaCandidate[] = [];
    const setting = javaHomeSetting?.trim();
    if (setting) {
        const java = p.join(setting, 'bin', exe);
        const r = await probeJava(java, 'virtcpu.java.home', host, minVersion);
        if (isRuntime(r)) {
            return r;
        }
        throw new JavaNotFoundError(
            `virtcpu needs Java ${minVersion} or newer, but the "virtcpu.java.home" setting points to ` +
                `${setting}, where ${java} ${r.problem}. Set "virtcpu.java.home" to the folder of a ` +
                `Java ${minVersion}+ runtime (the one that holds bin/${exe}), or clear it to use JAVA_HOME or PATH.`,
            [r],
            true,
        );
    }
    const javaHome = host.env.JAVA_HOME?.trim();
    if (javaHome) {
        const r = await probeJava(p.join(javaHome, 'bin', exe), 'JAVA_HOME', host, minVersion);
        if (isRuntime(r)) {
            return r;
        }
        tried.push(r);
    }
    for (const java of javaOnPath(host.env, host.platform)) {
        const r = await probeJava(java, 'PATH', host, minVersion);
        if (isRuntime(r)) {
            return r;
        }
        if (r.problem !== 'not found') {
            tried.push(r);
        }
    }
    const detail = tried.length ? ` Tried ${describe(tried)}.` : ' No java was found on JAVA_HOME or PATH.';
    throw new JavaNotFoundError(
        `virtcpu needs Java ${minVersion} or newer to run its language server.${detail} ` +
            `Install a Java ${minVersion}+ runtime (for example the openjdk-17-jre-headless package) and set ` +
            `"virtcpu.java.home" to its folder, or set JAVA_HOME.`,
        tried,
        false,
    );
}

/** The real host: node's fs and child_process. */
export function nodeHost(env: Record<string, string | undefined> = process.env): JavaDiscoveryHost {
    // Required lazily so that tests of the pure functions never touch the real system.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const fs = require('fs') as typeof import('fs');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const cp = require('child_process') as typeof import('child_process');
    return {
        env,
        platform: process.platform,
        isFile: (p) =>
            fs.promises.stat(p).then(
                (s) => s.isFile(),
                () => false,
            ),
        exec: (command, args) =>
            new Promise<ExecResult>((resolve) => {
                cp.execFile(command, args, { timeout: 15000, env: env as NodeJS.ProcessEnv }, (err, stdout, stderr) => {
                    // `java -version` exits 0; a non-zero exit still may have printed a usable version.
                    const startFailure =
                        err && ((err as NodeJS.ErrnoException).code === 'ENOENT' ||
                            (err as NodeJS.ErrnoException).code === 'EACCES' || err.killed)
                            ? err.message
                            : undefined;
                    resolve({ stdout: String(stdout), stderr: String(stderr), error: startFailure });
                });
            }),
    };
}
