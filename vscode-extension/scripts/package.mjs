// Builds vscode-extension/virtcpu-<version>.vsix:
//   1. copies ../target/virtcpu-all.jar (required) and ../target/virtcpu-lemminx.jar (if built) to server/
//   2. copies ../schemas/virtcpu.schema.json (required) to schemas/
//   3. runs vsce, which bundles dist/extension.js through the vscode:prepublish script
// Build the jars first with `mvn -q package -DskipTests` in the project root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const root = path.dirname(ext);
const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));

function fail(message) {
    console.error(`package: ${message}`);
    process.exit(1);
}

function copy(from, to) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    console.log(`package: ${path.relative(root, from)} -> ${path.relative(root, to)}`);
}

const serverJar = process.env.VIRTCPU_SERVER_JAR || path.join(root, 'target', 'virtcpu-all.jar');
if (!fs.existsSync(serverJar)) {
    fail(`${path.relative(root, serverJar)} is missing: run "mvn -q package -DskipTests" in ${root} first.`);
}
// VIRTCPU_SCHEMA / VIRTCPU_SERVER_JAR override the inputs (for testing the packaging itself).
const schema = process.env.VIRTCPU_SCHEMA || path.join(root, 'schemas', 'virtcpu.schema.json');
if (!fs.existsSync(schema)) {
    fail(`${path.relative(root, schema)} is missing: the .virtcpu.json schema must exist before the extension can be packaged.`);
}
try {
    JSON.parse(fs.readFileSync(schema, 'utf8'));
} catch (e) {
    fail(`${path.relative(root, schema)} is not valid JSON: ${e.message}`);
}

fs.rmSync(path.join(ext, 'server'), { recursive: true, force: true });
copy(serverJar, path.join(ext, 'server', 'virtcpu-all.jar'));
const lemminxJar = path.join(root, 'target', 'virtcpu-lemminx.jar');
if (fs.existsSync(lemminxJar)) {
    copy(lemminxJar, path.join(ext, 'server', 'virtcpu-lemminx.jar'));
} else {
    console.log('package: target/virtcpu-lemminx.jar not built; the VSIX ships without the LemMinX extension');
}
fs.rmSync(path.join(ext, 'schemas'), { recursive: true, force: true });
copy(schema, path.join(ext, 'schemas', 'virtcpu.schema.json'));

const out = `${pkg.name}-${pkg.version}.vsix`;
const vsce = path.join(ext, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], {
    cwd: ext,
    stdio: 'inherit',
});

// The VSIX must carry the server.
const listing = execFileSync('unzip', ['-Z1', path.join(ext, out)], { encoding: 'utf8' }).split('\n');
for (const entry of ['extension/server/virtcpu-all.jar', 'extension/dist/extension.js', 'extension/schemas/virtcpu.schema.json']) {
    if (!listing.includes(entry)) {
        fail(`${out} lacks ${entry}`);
    }
}
console.log(`package: ${path.join(path.relative(root, ext), out)}`);
