import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartBackoff } from '../src/backoff';

describe('RestartBackoff', () => {
    const options = { initialMs: 1000, maxMs: 8000, stableMs: 60000, maxAttempts: 6 };

    it('doubles the delay up to the maximum, then gives up', () => {
        const b = new RestartBackoff(options);
        const delays: (number | undefined)[] = [];
        let now = 0;
        for (let i = 0; i < 7; i++) {
            b.started(now);
            now += 100;
            delays.push(b.crashed(now));
        }
        assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000, 8000, undefined]);
        assert.equal(b.crashes, 6);
    });

    it('starts over after a stable run', () => {
        const b = new RestartBackoff(options);
        b.started(0);
        assert.equal(b.crashed(10), 1000);
        b.started(20);
        assert.equal(b.crashed(30), 2000);
        b.started(40);
        assert.equal(b.crashed(40 + 60000), 1000);
    });

    it('starts over after reset', () => {
        const b = new RestartBackoff(options);
        b.crashed(0);
        b.crashed(1);
        b.reset();
        assert.equal(b.crashed(2), 1000);
    });

    it('counts a crash before any start as unstable', () => {
        const b = new RestartBackoff(options);
        assert.equal(b.crashed(1_000_000), 1000);
        assert.equal(b.crashed(2_000_000), 2000);
    });
});
