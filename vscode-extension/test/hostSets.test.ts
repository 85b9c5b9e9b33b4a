import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    baselineDocumentText,
    baselineUriParts,
    hostSetPickItems,
    normalizeHostSets,
    parseBaselineUri,
    showBaselineRequest,
    statusBarText,
    statusBarTooltip,
} from '../src/hostSets';

const SAMPLE = {
    sets: [
        { name: 'lab', hosts: 2, baselineModel: 'Skylake-Client', source: '/w/.virtcpu.json' },
        { name: 'prod', hosts: 10, baselineModel: 'Haswell-noTSX', source: '/w/.virtcpu.json' },
    ],
    active: 'prod',
};

describe('host sets', () => {
    it('normalizes the server result', () => {
        assert.deepEqual(normalizeHostSets(SAMPLE), SAMPLE);
        assert.deepEqual(normalizeHostSets(null), { sets: [], active: null });
        assert.deepEqual(normalizeHostSets({ sets: [{ name: 'x' }, { hosts: 3 }], active: 5 }), {
            sets: [{ name: 'x', hosts: 0, baselineModel: null, source: null }],
            active: null,
        });
    });

    it('formats the status bar', () => {
        assert.equal(statusBarText(SAMPLE), '$(server) prod · Haswell-noTSX');
        assert.equal(statusBarText({ ...SAMPLE, active: null }), '$(server) no host set');
        assert.equal(statusBarText({ sets: [], active: null }), '$(server) virtcpu');
        assert.equal(
            statusBarText({ sets: [{ name: 'one', hosts: 1, baselineModel: null, source: null }], active: 'one' }),
            '$(server) one',
        );
        assert.match(statusBarTooltip(SAMPLE), /"prod" \(10 hosts, from \/w\/\.virtcpu\.json\); baseline model Haswell-noTSX/);
        assert.match(statusBarTooltip({ sets: [], active: null }), /no host sets are defined/);
    });

    it('puts the active set first in the quick pick', () => {
        const items = hostSetPickItems(SAMPLE);
        assert.deepEqual(
            items.map((i) => [i.name, i.label, i.description, i.picked]),
            [
                ['prod', '$(check) prod', '10 hosts · Haswell-noTSX', true],
                ['lab', 'lab', '2 hosts · Skylake-Client', false],
            ],
        );
    });

    it('round-trips baseline document URIs', () => {
        const doc = 'file:///w/domains/web%201.xml';
        const parts = baselineUriParts('prod/eu west', doc);
        assert.match(parts.path, /^\/.*\.xml$/);
        assert.deepEqual(parseBaselineUri(parts.path, parts.query), { hostSet: 'prod/eu west', documentUri: doc });
    });

    it('renders the baseline document', () => {
        const xml = "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Haswell-noTSX</model>\n</cpu>\n";
        assert.equal(
            baselineDocumentText({ xml, hostSet: 'prod', hosts: 10 }, 'prod'),
            `<!-- Baseline CPU of host set "prod" (10 hosts) -->\n${xml}`,
        );
        assert.equal(
            baselineDocumentText({ error: 'hosts have no common -- model' }, 'prod'),
            '<!-- virtcpu: no baseline for host set "prod": hosts have no common - - model -->\n',
        );
        assert.match(baselineDocumentText(null, 'x'), /returned no baseline/);
    });

    it('reads the code lens argument of virtcpu.showBaseline as the document, a plain string as a host set', () => {
        assert.deepEqual(showBaselineRequest('file:///w/domains/db.xml'), { documentUri: 'file:///w/domains/db.xml' });
        assert.deepEqual(showBaselineRequest('prod'), { hostSet: 'prod' });
        assert.deepEqual(showBaselineRequest('eu-west:2'), { hostSet: 'eu-west:2' });
        assert.deepEqual(showBaselineRequest(undefined), {});
        assert.deepEqual(showBaselineRequest(''), {});
        assert.deepEqual(showBaselineRequest({ uri: 'x' }), {});
    });
});
