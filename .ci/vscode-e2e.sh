#!/usr/bin/env bash
# End-to-end test of the virtcpu VS Code extension in a real VS Code (code-server 4.99.4 = VS Code
# 1.99), driven by playwright-core with Debian's chromium.
#
#   bash .ci/vscode-e2e.sh              # install what is missing, build, package, run the test
#   bash .ci/vscode-e2e.sh --install    # only install the tools (Debian packages, code-server, playwright-core)
#   bash .ci/vscode-e2e.sh --mock-server  # same test against a Node test double of the server
#                                         # (vscode-extension/e2e/mock-server.mjs), to check the harness
#
# Tools are installed once from the lockfiles in vscode-extension/e2e/tools/ and cached outside the checkout:
#   ${VIRTCPU_E2E_CACHE:-/var/cache/virtcpu/e2e}/code-server-4.99.4   code-server (npm prefix)
#   ${VIRTCPU_E2E_CACHE:-/var/cache/virtcpu/e2e}/playwright            playwright-core (npm prefix)
# Per-run state (user data, extensions, workspace copy) and screenshots go to
# vscode-extension/.e2e/ (ignored by git); screenshots: vscode-extension/.e2e/artifacts/.
#
# Environment:
#   VIRTCPU_E2E_CACHE     tool cache (default /var/cache/virtcpu/e2e)
#   VIRTCPU_E2E_TIMEOUT   seconds the UI steps may wait for the server (default 120)
#   VIRTCPU_E2E_SKIP_BUILD=1    reuse target/virtcpu-all.jar instead of running Maven
#   VIRTCPU_E2E_SKIP_PACKAGE=1  reuse vscode-extension/virtcpu-*.vsix instead of packaging again
#   VIRTCPU_E2E_FIXTURE=1       use vscode-extension/e2e/workspace/ even when examples/ has a .virtcpu.json
# Exit status: 0 when every step passed, non-zero otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXT="$ROOT/vscode-extension"
CACHE=${VIRTCPU_E2E_CACHE:-/var/cache/virtcpu/e2e}
CODE_SERVER_VERSION=4.99.4
PLAYWRIGHT_VERSION=1.65.1
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
PW_PREFIX="$CACHE/playwright-$PLAYWRIGHT_VERSION"
RUN="$EXT/.e2e"
ARTIFACTS="$RUN/artifacts"

log() { echo "vscode-e2e: $*"; }
t0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - t0 ))s"; }

install_debian() {
    local pkgs=(chromium ripgrep build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev unzip)
    local missing=()
    for p in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        log "installing Debian packages: ${missing[*]}"
        if [[ $(id -u) -ne 0 ]]; then
            log "not root: install these packages first: ${missing[*]}"
            exit 2
        fi
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# The tools come from committed lockfiles (vscode-extension/e2e/tools/*/package-lock.json), installed
# with `npm ci`; a cache installed from another lockfile is installed again.
LOCKS="$EXT/e2e/tools"
installed_from_lock() {  # prefix, lock dir
    [[ -f "$1/.installed-lock.json" ]] && cmp -s "$1/.installed-lock.json" "$2/package-lock.json"
}
npm_ci_locked() {  # prefix, lock dir, extra environment...
    local prefix=$1 lock=$2
    shift 2
    cp "$lock/package.json" "$lock/package-lock.json" "$prefix/"
    (cd "$prefix" && env "$@" npm ci --no-audit --no-fund --loglevel=error >install.log 2>&1) ||
        { tail -n 40 "$prefix/install.log"; exit 1; }
    cp "$lock/package-lock.json" "$prefix/.installed-lock.json"
}

install_code_server() {
    if [[ -x "$CS_PREFIX/node_modules/.bin/code-server" ]] && installed_from_lock "$CS_PREFIX" "$LOCKS/code-server"; then
        return
    fi
    log "installing code-server $CODE_SERVER_VERSION into $CS_PREFIX (a few minutes)"
    rm -rf "$CS_PREFIX"
    mkdir -p "$CS_PREFIX"
    # @vscode/ripgrep's post-install downloads a ripgrep release; it first looks in its cache
    # folder under TMPDIR, so a tarball holding Debian's rg satisfies it without a download.
    local tmp="$CACHE/tmp"
    mkdir -p "$tmp"
    local rgcache="$tmp/vscode-ripgrep-cache-1.15.11"
    mkdir -p "$rgcache"
    local stage
    stage=$(mktemp -d "$tmp/rg.XXXXXX")
    cp /usr/bin/rg "$stage/rg"
    tar -C "$stage" -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
    rm -rf "$stage"
    npm_ci_locked "$CS_PREFIX" "$LOCKS/code-server" TMPDIR="$tmp" npm_config_yes=true npm_config_unsafe_perm=true
    "$CS_PREFIX/node_modules/.bin/code-server" --version >/dev/null
}

install_playwright() {
    if [[ -f "$PW_PREFIX/node_modules/playwright-core/package.json" ]] && installed_from_lock "$PW_PREFIX" "$LOCKS/playwright"; then
        return
    fi
    log "installing playwright-core $PLAYWRIGHT_VERSION into $PW_PREFIX"
    rm -rf "$PW_PREFIX"
    mkdir -p "$PW_PREFIX"
    # playwright-core downloads no browser on install; Debian's chromium is used.
    npm_ci_locked "$PW_PREFIX" "$LOCKS/playwright"
}

MODE=real
case ${1:-} in
    --install) MODE=install ;;
    --mock-server) MODE=mock ;;
    '') ;;
    *) echo "usage: $0 [--install|--mock-server]" >&2; exit 2 ;;
esac

install_debian
install_code_server
install_playwright
log "tools ready after $(elapsed)"
if [[ $MODE == install ]]; then
    exit 0
fi

# --- build the server jar and the VSIX ---------------------------------------------------------
if [[ ${VIRTCPU_E2E_SKIP_BUILD:-} != 1 || ! -f "$ROOT/target/virtcpu-all.jar" ]]; then
    log "building the server jar"
    (cd "$ROOT" && mvn -q -B package -DskipTests)
fi
if [[ ${VIRTCPU_E2E_SKIP_PACKAGE:-} == 1 ]] && ls "$EXT"/virtcpu-*.vsix >/dev/null 2>&1; then
    log "reusing the packaged extension"
else
    log "packaging the extension"
    (cd "$EXT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run -s package)
fi
VSIX=$(ls -t "$EXT"/virtcpu-*.vsix | head -n 1)
log "built $VSIX after $(elapsed)"

# --- fresh VS Code profile, extension installed from the VSIX -----------------------------------
rm -rf "$RUN/user-data" "$RUN/extensions" "$RUN/workspace" "$ARTIFACTS"
mkdir -p "$RUN/user-data/User" "$RUN/extensions" "$ARTIFACTS"
CODE_SERVER="$CS_PREFIX/node_modules/.bin/code-server"
"$CODE_SERVER" --extensions-dir "$RUN/extensions" --user-data-dir "$RUN/user-data" \
    --install-extension "$VSIX" --force >"$RUN/install-extension.log" 2>&1 ||
    { cat "$RUN/install-extension.log"; exit 1; }
ls "$RUN/extensions" | grep -q '^virtcpu\.virtcpu-' || { log "the extension did not install"; exit 1; }

# The workspace: a copy of examples/ once it holds a .virtcpu.json, else (and with the mock server,
# which only understands the fixture) the extension's fixture workspace.
if [[ -f "$ROOT/examples/.virtcpu.json" && -z ${VIRTCPU_E2E_FIXTURE:-} && $MODE != mock ]]; then
    cp -a "$ROOT/examples" "$RUN/workspace"
    log "workspace: copy of examples/"
else
    cp -a "$EXT/e2e/workspace" "$RUN/workspace"
    log "workspace: copy of vscode-extension/e2e/workspace/"
fi
JAVA_HOME_SETTING=null
if [[ $MODE == mock ]]; then
    JAVA_HOME_SETTING="\"$EXT/e2e/mock-java\""
    log "using the mock server (virtcpu.java.home = $EXT/e2e/mock-java)"
fi
cat >"$RUN/user-data/User/settings.json" <<JSON
{
  "virtcpu.java.home": $JAVA_HOME_SETTING,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "files.autoSave": "off",
  "virtcpu.trace.server": "messages"
}
JSON

# --- start code-server on a free loopback port and always stop it ------------------------------
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
CS_PID=""
# code-server runs in its own process group (setsid), so that its extension host and the language
# server it started end with it.
cleanup() {
    if [[ -n $CS_PID ]]; then
        kill -TERM -- "-$CS_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.25; done
        kill -KILL -- "-$CS_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM
log "starting code-server on 127.0.0.1:$PORT"
setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override \
    --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" "$RUN/workspace" \
    >"$RUN/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then break; fi
    kill -0 "$CS_PID" 2>/dev/null || { cat "$RUN/code-server.log"; log "code-server exited"; exit 1; }
    sleep 0.5
done

status=0
NODE_PATH="$PW_PREFIX/node_modules" \
    VIRTCPU_E2E_URL="http://127.0.0.1:$PORT/?folder=$RUN/workspace" \
    VIRTCPU_E2E_WORKSPACE="$RUN/workspace" \
    VIRTCPU_E2E_ARTIFACTS="$ARTIFACTS" \
    VIRTCPU_E2E_USER_DATA="$RUN/user-data" \
    VIRTCPU_E2E_PLAYWRIGHT="$PW_PREFIX/node_modules/playwright-core/index.js" \
    node "$EXT/e2e/run.mjs" || status=$?
log "finished after $(elapsed) with status $status; screenshots in $ARTIFACTS"
exit $status
