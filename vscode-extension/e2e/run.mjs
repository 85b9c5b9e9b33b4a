// Drives a running code-server (started by .ci/vscode-e2e.sh) with playwright-core and Debian's
// chromium: opens a domain file, checks the virtcpu diagnostic in the Problems panel, applies the
// "Replace CPU with baseline" quick fix, switches the host set from the status bar and opens the
// baseline document. Screenshots go to $VIRTCPU_E2E_ARTIFACTS.
//
// Environment (set by .ci/vscode-e2e.sh):
//   VIRTCPU_E2E_URL         workbench URL (with ?folder=)
//   VIRTCPU_E2E_WORKSPACE   the workspace folder on disk (a copy; the test edits it)
//   VIRTCPU_E2E_ARTIFACTS   screenshot folder
//   VIRTCPU_E2E_USER_DATA   code-server's --user-data-dir (the extension's output log is read from it)
//   VIRTCPU_E2E_PLAYWRIGHT  path of playwright-core's index.js
//   VIRTCPU_E2E_DOMAIN      domain file to open, relative to the workspace (default: see pickDomain)
//   (the fixture workspace e2e/workspace/ is recognized by its "lab-a" host set; with a copy of
//   examples/ the test opens domains/db-too-new.xml)
//   VIRTCPU_E2E_EXPECT      regular expression the virtcpu problem must match (default: see below)
//   VIRTCPU_E2E_TIMEOUT     seconds to wait for the language server's answers (default 120)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const env = process.env;
const require = createRequire(import.meta.url);
const { chromium } = require(env.VIRTCPU_E2E_PLAYWRIGHT || 'playwright-core');

const URL = env.VIRTCPU_E2E_URL;
const WORKSPACE = env.VIRTCPU_E2E_WORKSPACE;
const ARTIFACTS = env.VIRTCPU_E2E_ARTIFACTS;
const USER_DATA = env.VIRTCPU_E2E_USER_DATA;
const TIMEOUT = Number(env.VIRTCPU_E2E_TIMEOUT || 120) * 1000;
if (!URL || !WORKSPACE || !ARTIFACTS || !USER_DATA) {
    console.error('run.mjs: start it through .ci/vscode-e2e.sh');
    process.exit(2);
}
fs.mkdirSync(ARTIFACTS, { recursive: true });

const FIXTURE = fs.existsSync(path.join(WORKSPACE, 'domains', 'web.xml')) &&
    fs.readFileSync(path.join(WORKSPACE, '.virtcpu.json'), 'utf8').includes('"lab-a"');

/** The domain to open: $VIRTCPU_E2E_DOMAIN, else the first domains/*.xml that requires a feature. */
function pickDomain() {
    if (env.VIRTCPU_E2E_DOMAIN) {
        return env.VIRTCPU_E2E_DOMAIN;
    }
    if (FIXTURE) {
        return 'domains/web.xml';
    }
    // examples/: the guest that requires features some production hosts lack.
    if (fs.existsSync(path.join(WORKSPACE, 'domains', 'db-too-new.xml'))) {
        return 'domains/db-too-new.xml';
    }
    const dir = path.join(WORKSPACE, 'domains');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : [];
    const requiring = files.find((f) => /policy=['"]require['"]/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    if (!requiring && !files.length) {
        throw new Error(`no domain XML under ${dir}`);
    }
    return `domains/${requiring ?? files[0]}`;
}

const DOMAIN = pickDomain();
const EXPECT = new RegExp(
    env.VIRTCPU_E2E_EXPECT || (FIXTURE ? 'pdpe1gb' : DOMAIN === 'domains/db-too-new.xml' ? 'host-missing' : 'virtcpu'),
    'i',
);

let passed = 0;
let failed = 0;
let shot = 0;
let page;

async function screenshot(name) {
    const file = path.join(ARTIFACTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file }).catch((e) => console.error(`screenshot ${file}: ${e.message}`));
    return file;
}

async function step(name, fn) {
    const t = Date.now();
    try {
        const detail = await fn();
        passed++;
        console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
    } catch (e) {
        failed++;
        console.log(`FAIL ${name} (${((Date.now() - t) / 1000).toFixed(1)} s): ${e.message}`);
        const file = await screenshot(`fail-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
        console.log(`     screenshot: ${file}`);
        const tail = outputLog().trim().split('\n').slice(-8);
        if (tail.length && tail[0]) {
            console.log(`     last lines of the virtcpu output:\n       ${tail.join('\n       ')}`);
        }
        throw e;
    }
}

async function waitFor(what, fn, timeout = TIMEOUT, interval = 250) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
        try {
            const v = await fn();
            if (v) {
                return v;
            }
        } catch (e) {
            last = e;
        }
        if (Date.now() > end) {
            throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (${last.message})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, interval));
    }
}

/** The extension's "virtcpu" output channel, as the workbench logs it under the user-data dir. */
function outputLog() {
    const logs = path.join(USER_DATA, 'logs');
    const found = [];
    const walk = (d) => {
        for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) {
                walk(p);
            } else if (/-virtcpu\.log$/.test(e.name)) {
                found.push(p);
            }
        }
    };
    walk(logs);
    return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/** Marker rows of the Problems panel: [{text, source}] for every problem (file rows excluded). */
async function problems() {
    return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
        rows
            .filter((r) => r.querySelector('.marker-message-details, .marker-source, .marker-code'))
            .map((r) => ({
                text: r.innerText.replace(/\s+/g, ' ').trim(),
                source: (r.querySelector('.marker-source')?.textContent ?? '').trim(),
            })),
    );
}

/** Total problem count from the Problems tab's badge (the list itself is virtualized). */
async function problemTotal() {
    return page.$$eval('.part.panel .composite-bar .action-item', (items) => {
        const tab = items.find((i) => /^\s*problems/i.test(i.innerText));
        const badge = tab?.querySelector('.badge-content');
        return badge && badge.offsetParent !== null ? Number(badge.textContent.replace(/\D/g, '')) || 0 : 0;
    });
}

async function virtcpuProblems() {
    return (await problems()).filter((p) => /virtcpu/.test(p.source) || /virtcpu/.test(p.text));
}

async function statusBarHostSet() {
    return page.$$eval('.statusbar-item', (items) => {
        const item = items.find((i) => i.id === 'virtcpu.virtcpu.virtcpu.hostSet' || /virtcpu/.test(i.id));
        return item ? item.innerText.replace(/\s+/g, ' ').trim() : null;
    });
}

async function runCommand(title) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10000 });
    await page.keyboard.type(title, { delay: 10 });
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
}

const browser = await chromium.launch({
    executablePath: env.VIRTCPU_E2E_CHROMIUM || '/usr/bin/chromium',
    args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
    ],
});
const domainFile = path.join(WORKSPACE, DOMAIN);
const originalText = fs.readFileSync(domainFile, 'utf8');
let initialCount = 0;
try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    page = await context.newPage();
    page.setDefaultTimeout(30000);
    console.log(`workspace ${WORKSPACE} (${FIXTURE ? 'fixture' : 'examples'}), domain ${DOMAIN}, expecting ${EXPECT}`);

    await step('workbench loads', async () => {
        await page.goto(URL);
        await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
        await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 60000 });
        await screenshot('workbench');
    });

    await step(`open ${DOMAIN}`, async () => {
        await page.click('.monaco-workbench .part.editor');
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
        await page.keyboard.type(DOMAIN, { delay: 10 });
        await waitFor('the file in quick open', () =>
            page.$$eval('.quick-input-list .monaco-list-row', (rows) => rows.length > 0),
        30000);
        await page.keyboard.press('Enter');
        const base = path.basename(DOMAIN);
        await page.waitForSelector(`.tab[aria-label*="${base}"], .tab[title*="${base}"]`);
        await page.waitForSelector('.monaco-editor .view-lines');
        await screenshot('domain-open');
    });

    await step('extension starts the language server', async () => {
        await waitFor('"The language server is running" in the virtcpu output', () =>
            /The language server is running[ .]/.test(outputLog()),
        );
        const log = outputLog();
        const start = log.split('\n').find((l) => /Starting the language server/.test(l)) ?? '';
        return start.replace(/^.*Starting the language server: /, '').slice(0, 160);
    });

    await step('Problems panel is visible', async () => {
        await page.keyboard.press('Control+Shift+M');
        await page.waitForSelector('.markers-panel', { state: 'visible' });
        await screenshot('problems-panel');
    });

    await step('virtcpu diagnostic in the Problems panel', async () => {
        const found = await waitFor(`a virtcpu problem matching ${EXPECT}`, async () => {
            const ps = await virtcpuProblems();
            return ps.some((p) => EXPECT.test(p.text)) ? ps : null;
        });
        initialCount = Math.max(found.length, await problemTotal());
        await screenshot('diagnostic');
        return `${initialCount} problem(s); first: ${found[0].text.slice(0, 140)}`;
    });

    await step('quick fix "Replace CPU with baseline of host set"', async () => {
        // Put the cursor on the first problem of the file (F8), close the peek, ask for code actions.
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8');
        await page.waitForTimeout(500);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        const item = await waitFor('the quick fix in the code action menu', async () => {
            const rows = await page.$$('.action-widget .monaco-list-row');
            for (const r of rows) {
                if (/Replace CPU with (the guest-facing )?baseline/i.test(await r.innerText())) {
                    return r;
                }
            }
            return null;
        }, 30000);
        await screenshot('quick-fix-menu');
        // Select it with the keyboard (the menu's pointer block swallows synthetic clicks).
        void item;
        for (let i = 0; i < 20; i++) {
            const focused = await page.$eval('.action-widget .monaco-list-row.focused', (r) => r.innerText).catch(() => '');
            if (/Replace CPU with (the guest-facing )?baseline/i.test(focused)) {
                break;
            }
            await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('Enter');
        await waitFor('the editor to become dirty', () => page.$('.tab.dirty'), 15000);
        await page.keyboard.press('Control+S');
        const after = await waitFor('the saved file to change', () => {
            const t = fs.readFileSync(domainFile, 'utf8');
            return t !== originalText ? t : null;
        }, 15000);
        if (!/<cpu[\s>]/.test(after)) {
            throw new Error('the fixed document has no <cpu> element');
        }
        const cpu = /<cpu[\s\S]*?<\/cpu>/.exec(after)?.[0] ?? '';
        return `new <cpu>: ${cpu.replace(/\s+/g, ' ').slice(0, 160)}`;
    });

    await step('problem count drops after the fix', async () => {
        const ps = await waitFor(`fewer than ${initialCount} virtcpu problem(s)`, async () => {
            const now = Math.max((await virtcpuProblems()).length, await problemTotal());
            return now < initialCount ? { length: now } : null;
        }, 60000);
        await screenshot('after-fix');
        return `${initialCount} -> ${ps.length}`;
    });

    await step('code lens opens the baseline of the file\'s host set', async () => {
        const lens = await waitFor('a virtcpu code lens', async () => {
            const links = await page.$$('.monaco-editor .codelens-decoration a');
            for (const l of links) {
                if (/runs on \d+ of \d+/.test(await l.innerText())) {
                    return l;
                }
            }
            return null;
        }, 60000);
        const title = await lens.innerText();
        await lens.click();
        const text = await waitFor('the baseline document the lens opens', async () => {
            const editors = await page.$$eval('.monaco-editor .view-lines', (els) => els.map((e) => e.innerText.replace(/\u00a0/g, ' ')));
            return editors.find((t) => /Baseline CPU of host set|no baseline for host set|returned no baseline/.test(t));
        }, 30000);
        await screenshot('code-lens-baseline');
        if (!/Baseline CPU of host set/.test(text) || !/<cpu/.test(text)) {
            throw new Error(`the lens "${title}" opened no baseline: ${text.split('\n')[0].slice(0, 160)}`);
        }
        await page.keyboard.press('Control+W');
        return `"${title.slice(0, 60)}" -> ${text.split('\n')[0].slice(0, 100)}`;
    });

    await step('switch host set from the status bar', async () => {
        const before = await waitFor('the virtcpu status bar item with a host set', async () => {
            const t = await statusBarHostSet();
            return t && t.includes('·') ? t : null;
        }, 60000);
        await page.click('.statusbar-item[id*="virtcpu"] a, .statusbar-item[id*="virtcpu"]');
        await page.waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row');
        await screenshot('host-set-pick');
        const labels = await page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) =>
            rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.innerText).replace(/\s+/g, ' ').trim()),
        );
        if (labels.length < 2) {
            throw new Error(`expected at least two host sets, got ${JSON.stringify(labels)}`);
        }
        // The active set is listed first; choose the next one.
        const target = FIXTURE ? 'lab-a' : labels[1];
        await page.keyboard.type(target, { delay: 10 });
        await page.waitForTimeout(300);
        await page.keyboard.press('Enter');
        const after = await waitFor(`the status bar to show ${target}`, async () => {
            const t = await statusBarHostSet();
            return t && t !== before && t.includes(target) ? t : null;
        }, 60000);
        await screenshot('host-set-switched');
        return `"${before}" -> "${after}"`;
    });

    await step('show baseline document', async () => {
        await runCommand('virtcpu: Show Baseline CPU of Host Set');
        // With several host sets a quick pick asks which; take the first (the active one).
        await page.waitForTimeout(800);
        if (await page.$('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row')) {
            await page.keyboard.press('Enter');
        }
        const text = await waitFor('the baseline <cpu> text', async () => {
            const editors = await page.$$eval('.monaco-editor .view-lines', (els) => els.map((e) => e.innerText.replace(/\u00a0/g, ' ')));
            return editors.find((t) => /Baseline CPU of host set/.test(t) && /<cpu/.test(t));
        }, 30000);
        await screenshot('baseline');
        return text.split('\n')[0].slice(0, 120);
    });
} catch (e) {
    // Already reported by step(); anything else is a harness error.
    if (!failed) {
        failed++;
        console.log(`FAIL harness: ${e.stack || e.message}`);
    }
} finally {
    const log = outputLog();
    if (log) {
        fs.writeFileSync(path.join(ARTIFACTS, 'virtcpu-output.log'), log);
    }
    await browser.close().catch(() => undefined);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
