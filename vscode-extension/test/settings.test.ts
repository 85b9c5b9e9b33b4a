import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    standaloneServerWanted,
    DEFAULT_VMARGS,
    normalizeSeverity,
    parseVmargs,
    readSettings,
    serverArgs,
    toDidChangeConfiguration,
    toInitializationOptions,
} from '../src/settings';

/** Mimics WorkspaceConfiguration.get for the `virtcpu` section with package.json defaults. */
function getter(values: Record<string, unknown>): (key: string) => unknown {
    const defaults: Record<string, unknown> = {
        hostSet: null,
        cpuMap: null,
        libvirt: null,
        severity: {},
        libvirtSchemas: null,
        'java.home': null,
        'server.vmargs': null,
        'trace.server': 'off',
    };
    return (key) => (key in values ? values[key] : defaults[key]);
}

describe('readSettings', () => {
    it('reads the defaults', () => {
        assert.deepEqual(readSettings(getter({})), {
            hostSet: null,
            cpuMap: null,
            libvirt: null,
            severity: {},
            libvirtSchemas: null,
            javaHome: null,
            vmargs: null,
            trace: 'off',
        });
    });
    it('trims strings and turns empty ones into null', () => {
        const s = readSettings(getter({ hostSet: ' prod ', cpuMap: '', libvirtSchemas: '   ', 'java.home': '/opt/jdk' }));
        assert.equal(s.hostSet, 'prod');
        assert.equal(s.cpuMap, null);
        assert.equal(s.libvirtSchemas, null);
        assert.equal(s.javaHome, '/opt/jdk');
    });
    it('ignores values of the wrong type', () => {
        const s = readSettings(getter({ hostSet: 42, severity: ['error'], 'trace.server': 'loud' }));
        assert.equal(s.hostSet, null);
        assert.deepEqual(s.severity, {});
        assert.equal(s.trace, 'off');
    });
    it('reads trace', () => {
        const s = readSettings(getter({ 'trace.server': 'verbose' }));
        assert.equal(s.trace, 'verbose');
    });
});

describe('standaloneServerWanted', () => {
    it('starts the standalone server by default, with or without the XML extension', () => {
        assert.equal(standaloneServerWanted(undefined, true), true);
        assert.equal(standaloneServerWanted(false, true), true);
        assert.equal(standaloneServerWanted(false, false), true);
    });
    it('leaves the checks to the XML extension when xml.virtcpu.enabled is on and it is installed', () => {
        assert.equal(standaloneServerWanted(true, true), false);
    });
    it('keeps the standalone server when xml.virtcpu.enabled is on but the XML extension is missing', () => {
        assert.equal(standaloneServerWanted(true, false), true);
    });
    it('ignores a non-boolean xml.virtcpu.enabled', () => {
        assert.equal(standaloneServerWanted('yes', true), true);
    });
});

describe('normalizeSeverity', () => {
    it('keeps known severities, lower-cased, and drops the rest', () => {
        assert.deepEqual(
            normalizeSeverity({ 'unknown-model': 'Error', 'host-missing-feature': 'warning', x: 'fatal', y: 3, '': 'off', z: 'off' }),
            { 'unknown-model': 'error', 'host-missing-feature': 'warning', z: 'off' },
        );
    });
    it('accepts info', () => {
        assert.deepEqual(normalizeSeverity({ a: 'info' }), { a: 'info' });
    });
    it('returns {} for non-objects', () => {
        assert.deepEqual(normalizeSeverity(null), {});
        assert.deepEqual(normalizeSeverity('error'), {});
        assert.deepEqual(normalizeSeverity(undefined), {});
    });
});

describe('initializationOptions', () => {
    it('has exactly the five server keys', () => {
        const s = readSettings(
            getter({
                hostSet: 'prod',
                cpuMap: '/usr/share/libvirt/cpu_map',
                libvirt: '9.0.0',
                severity: { 'unknown-model': 'warning' },
                libvirtSchemas: '/usr/share/libvirt/schemas',
                'java.home': '/opt/jdk',
                'server.vmargs': '-Xmx1g',
                'trace.server': 'messages',
            }),
        );
        assert.deepEqual(toInitializationOptions(s), {
            hostSet: 'prod',
            cpuMap: '/usr/share/libvirt/cpu_map',
            libvirt: '9.0.0',
            severity: { 'unknown-model': 'warning' },
            libvirtSchemas: '/usr/share/libvirt/schemas',
        });
    });
    it('sends null for unset values (JSON round trip keeps them)', () => {
        const json = JSON.parse(JSON.stringify(toInitializationOptions(readSettings(getter({})))));
        assert.deepEqual(json, { hostSet: null, cpuMap: null, libvirt: null, severity: {}, libvirtSchemas: null });
    });
    it('wraps the same object for didChangeConfiguration', () => {
        const s = readSettings(getter({ hostSet: 'lab' }));
        assert.deepEqual(toDidChangeConfiguration(s), { settings: { virtcpu: toInitializationOptions(s) } });
    });
    it('does not share the severity object with the settings', () => {
        const s = readSettings(getter({ severity: { a: 'off' } }));
        const o = toInitializationOptions(s);
        o.severity.b = 'error';
        assert.deepEqual(s.severity, { a: 'off' });
    });
});

describe('parseVmargs', () => {
    it('splits on whitespace', () => {
        assert.deepEqual(parseVmargs('  -Xmx1g\t-Dx=1  '), ['-Xmx1g', '-Dx=1']);
    });
    it('groups double-quoted parts and removes the quotes', () => {
        assert.deepEqual(parseVmargs('"-Dname=a b" -Dp="/x y/z"'), ['-Dname=a b', '-Dp=/x y/z']);
    });
    it('keeps escaped quotes', () => {
        assert.deepEqual(parseVmargs('-Dq=\\"x\\"'), ['-Dq="x"']);
    });
    it('keeps an empty quoted argument', () => {
        assert.deepEqual(parseVmargs('-a "" -b'), ['-a', '', '-b']);
    });
    it('is empty for null and blank', () => {
        assert.deepEqual(parseVmargs(null), []);
        assert.deepEqual(parseVmargs('   '), []);
    });
});

describe('serverArgs', () => {
    it('runs the jar with the lsp subcommand after the default flags', () => {
        const s = readSettings(getter({}));
        assert.deepEqual(serverArgs(s, '/ext/server/virtcpu-all.jar'), [...DEFAULT_VMARGS, '-jar', '/ext/server/virtcpu-all.jar', 'lsp']);
    });
    it('puts user vmargs before -jar', () => {
        const s = readSettings(getter({ 'server.vmargs': '-Xmx512m "-Dvirtcpu.log=/tmp/a b.log"' }));
        assert.deepEqual(serverArgs(s, 'j.jar'), [...DEFAULT_VMARGS, '-Xmx512m', '-Dvirtcpu.log=/tmp/a b.log', '-jar', 'j.jar', 'lsp']);
    });
    it('lets the user replace the collector and the stack size', () => {
        const s = readSettings(getter({ 'server.vmargs': '-XX:+UseG1GC -Xss4m' }));
        assert.deepEqual(serverArgs(s, 'j.jar'), ['-XX:TieredStopAtLevel=1', '-XX:+UseG1GC', '-Xss4m', '-jar', 'j.jar', 'lsp']);
    });
    it('lets the user turn the full JIT back on', () => {
        const s = readSettings(getter({ 'server.vmargs': '-XX:TieredStopAtLevel=4' }));
        assert.deepEqual(serverArgs(s, 'j.jar'), ['-XX:+UseSerialGC', '-Xss2m', '-XX:TieredStopAtLevel=4', '-jar', 'j.jar', 'lsp']);
    });
    it('uses a class-data-sharing archive once one exists, and asks for one otherwise', () => {
        const s = readSettings(getter({}));
        assert.deepEqual(serverArgs(s, 'j.jar', { use: '/s/lsp.jsa' }),
            [...DEFAULT_VMARGS, '-XX:SharedArchiveFile=/s/lsp.jsa', '-Xshare:auto', '-jar', 'j.jar', 'lsp']);
        assert.deepEqual(serverArgs(s, 'j.jar', { create: '/s/lsp.jsa' }),
            [...DEFAULT_VMARGS, '-XX:ArchiveClassesAtExit=/s/lsp.jsa', '-Xlog:cds=off', '-Xlog:cds+dynamic=off', '-jar', 'j.jar', 'lsp']);
    });
    it('leaves class-data sharing to a user who configures it', () => {
        const s = readSettings(getter({ 'server.vmargs': '-XX:SharedArchiveFile=/mine.jsa' }));
        assert.deepEqual(serverArgs(s, 'j.jar', { use: '/s/lsp.jsa' }), [...DEFAULT_VMARGS, '-XX:SharedArchiveFile=/mine.jsa', '-jar', 'j.jar', 'lsp']);
    });
});
