/**
 * Restart policy for a crashed language server: exponential back-off (1 s, 2 s, 4 s, ... up to 60 s).
 * A server that stayed up for `stableMs` counts as healthy again and the delay starts over. After
 * `maxAttempts` crashes in a row without such a stable period the policy gives up, so a server that
 * can never start does not loop for ever.
 */
export interface BackoffOptions {
    initialMs: number;
    maxMs: number;
    stableMs: number;
    maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
    initialMs: 1000,
    maxMs: 60000,
    stableMs: 3 * 60 * 1000,
    maxAttempts: 8,
};

export class RestartBackoff {
    private attempts = 0;
    private startedAt: number | undefined;

    constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

    /** Call when a server process has started. */
    started(now: number): void {
        this.startedAt = now;
    }

    /** Call after a deliberate restart or stop: the next crash starts from the initial delay. */
    reset(): void {
        this.attempts = 0;
        this.startedAt = undefined;
    }

    /** Number of crashes in the current series. */
    get crashes(): number {
        return this.attempts;
    }

    /**
     * Call when the server died unexpectedly. Returns the delay before the next start, or undefined
     * when it should not be restarted any more.
     */
    crashed(now: number): number | undefined {
        if (this.startedAt !== undefined && now - this.startedAt >= this.options.stableMs) {
            this.attempts = 0;
        }
        this.startedAt = undefined;
        if (this.attempts >= this.options.maxAttempts) {
            return undefined;
        }
        const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.attempts);
        this.attempts++;
        return delay;
    }
}
