import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecResult, JavaDiscoveryHost, JavaNotFoundError, findJava, javaOnPath, parseJavaVersion } from '../src/java';

/** A fake system: `javas` maps an executable path to its `java -version` output (stderr). */
function fakeHost(
    javas: Record<string, string>,
    env: Record<string, string | undefined>,
    platform: NodeJS.Platform = 'linux',
): JavaDiscoveryHost & { calls: string[] } {
    const calls: string[] = [];
    return {
        env,
        platform,
        calls,
        isFile: async (p) => p in javas,
        exec: async (command, args): Promise<ExecResult> => {
            calls.push(`${command} ${args.join(' ')}`);
            const out = javas[command];
            if (out === undefined) {
                return { stdout: '', stderr: '', error: 'spawn ENOENT' };
            }
            if (out === 'EACCES') {
                return { stdout: '', stderr: '', error: 'spawn EACCES' };
            }
            return { stdout: '', stderr: out };
        },
    };
}

const V8 = 'java version "1.8.0_392"\nJava(TM) SE Runtime Environment (build 1.8.0_392-b08)\n';
const V11 = 'openjdk version "11.0.21" 2023-10-17\nOpenJDK Runtime Environment (build 11.0.21+9)\n';
const V17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n';
const V21 = 'openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)\n';

describe('parseJavaVersion', () => {
    it('reads old-style 1.x versions as their minor number', () => {
        assert.equal(parseJavaVersion(V8), 8);
    });
    it('reads modern versions', () => {
        assert.equal(parseJavaVersion(V11), 11);
        assert.equal(parseJavaVersion(V17), 17);
        assert.equal(parseJavaVersion(V21), 21);
        assert.equal(parseJavaVersion('openjdk version "22-ea" 2024-03-19'), 22);
        assert.equal(parseJavaVersion('java version "17.0.2+8"'), 17);
    });
    it('returns undefined for unrelated output', () => {
        assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
        assert.equal(parseJavaVersion(''), undefined);
    });
});

describe('javaOnPath', () => {
    it('lists java in every PATH entry once, in order', () => {
        assert.deepEqual(javaOnPath({ PATH: '/a/bin:/usr/bin::/a/bin' }, 'linux'), ['/a/bin/java', '/usr/bin/java']);
    });
    it('uses java.exe and ; on Windows', () => {
        assert.deepEqual(javaOnPath({ Path: 'C:\\jdk\\bin;C:\\Windows' }, 'win32'), [
            'C:\\jdk\\bin\\java.exe',
            'C:\\Windows\\java.exe',
        ]);
    });
    it('is empty without PATH', () => {
        assert.deepEqual(javaOnPath({}, 'linux'), []);
    });
});

describe('findJava', () => {
    it('prefers virtcpu.java.home over JAVA_HOME and PATH', async () => {
        const host = fakeHost(
            { '/opt/jdk21/bin/java': V21, '/usr/lib/jvm/17/bin/java': V17, '/usr/bin/java': V17 },
            { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' },
        );
        const r = await findJava('/opt/jdk21', host);
        assert.deepEqual(r, { java: '/opt/jdk21/bin/java', version: 21, source: 'virtcpu.java.home' });
        assert.deepEqual(host.calls, ['/opt/jdk21/bin/java -version']);
    });

    it('uses JAVA_HOME when the setting is empty', async () => {
        const host = fakeHost({ '/usr/lib/jvm/17/bin/java': V17, '/usr/bin/java': V21 }, { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' });
        for (const setting of [null, undefined, '', '   ']) {
            const r = await findJava(setting, host);
            assert.equal(r.source, 'JAVA_HOME');
            assert.equal(r.java, '/usr/lib/jvm/17/bin/java');
        }
    });

    it('falls back to PATH when JAVA_HOME is too old, and skips old javas on PATH', async () => {
        const host = fakeHost(
            { '/usr/lib/jvm/11/bin/java': V11, '/old/bin/java': V8, '/usr/bin/java': V17 },
            { JAVA_HOME: '/usr/lib/jvm/11', PATH: '/nothing:/old/bin:/usr/bin' },
        );
        const r = await findJava(null, host);
        assert.deepEqual(r, { java: '/usr/bin/java', version: 17, source: 'PATH' });
    });

    it('falls back to PATH when JAVA_HOME has no java', async () => {
        const host = fakeHost({ '/usr/bin/java': V17 }, { JAVA_HOME: '/gone', PATH: '/usr/bin' });
        assert.equal((await findJava(null, host)).source, 'PATH');
    });

    it('does not fall back when virtcpu.java.home is set but too old', async () => {
        const host = fakeHost({ '/opt/jdk11/bin/java': V11, '/usr/bin/java': V17 }, { PATH: '/usr/bin' });
        await assert.rejects(findJava('/opt/jdk11', host), (e: unknown) => {
            assert.ok(e instanceof JavaNotFoundError);
            assert.equal(e.settingProblem, true);
            assert.match(e.message, /"virtcpu\.java\.home" setting points to \/opt\/jdk11/);
            assert.match(e.message, /is Java 11/);
            assert.match(e.message, /Java 17/);
            return true;
        });
    });

    it('reports a virtcpu.java.home without bin/java', async () => {
        const host = fakeHost({ '/usr/bin/java': V17 }, { PATH: '/usr/bin' });
        await assert.rejects(findJava('/opt/nothing', host), /\/opt\/nothing\/bin\/java not found/);
    });

    it('explains what it tried when nothing fits', async () => {
        const host = fakeHost({ '/usr/lib/jvm/11/bin/java': V11, '/usr/bin/java': V8 }, { JAVA_HOME: '/usr/lib/jvm/11', PATH: '/usr/bin:/bin' });
        await assert.rejects(findJava(null, host), (e: unknown) => {
            assert.ok(e instanceof JavaNotFoundError);
            assert.equal(e.settingProblem, false);
            assert.deepEqual(
                e.tried.map((t) => [t.source, t.java, t.problem]),
                [
                    ['JAVA_HOME', '/usr/lib/jvm/11/bin/java', 'is Java 11'],
                    ['PATH', '/usr/bin/java', 'is Java 8'],
                ],
            );
            assert.match(e.message, /needs Java 17 or newer/);
            assert.match(e.message, /JAVA_HOME: \/usr\/lib\/jvm\/11\/bin\/java is Java 11/);
            assert.match(e.message, /virtcpu\.java\.home/);
            return true;
        });
    });

    it('says when there is no java at all', async () => {
        const host = fakeHost({}, { PATH: '/usr/bin:/bin' });
        await assert.rejects(findJava(null, host), /No java was found on JAVA_HOME or PATH/);
    });

    it('skips a java that cannot be run or prints no version', async () => {
        const host = fakeHost({ '/a/java': 'EACCES', '/b/java': 'garbage', '/c/java': V17 }, { PATH: '/a:/b:/c' });
        const r = await findJava(null, host);
        assert.equal(r.java, '/c/java');
    });

    it('honours a custom minimum version', async () => {
        const host = fakeHost({ '/usr/bin/java': V17 }, { PATH: '/usr/bin' });
        await assert.rejects(findJava(null, host, 21), /is Java 17/);
    });

    it('finds java.exe under the setting on Windows', async () => {
        const host = fakeHost({ 'C:\\jdk\\bin\\java.exe': V21 }, {}, 'win32');
        assert.equal((await findJava('C:\\jdk', host)).java, 'C:\\jdk\\bin\\java.exe');
    });
});
