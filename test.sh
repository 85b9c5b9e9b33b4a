#!/usr/bin/env bash
# Runs every virtcpu test: installs what the tests need (Debian packages, the libvirt 12.8.0
# oracle chroot), then the Maven test suite (unit, differential against real virsh, language
# server end to end), the VS Code extension's tests and, when LemMinX 0.31.1 is in the local
# Maven repository, the LemMinX extension's tests.
set -euo pipefail
cd "$(dirname "$0")"

.ci/install-deps.sh
.ci/sid-chroot.sh

mvn -B -ntp verify

if [ -x .ci/vscode-tests.sh ]; then
    .ci/vscode-tests.sh
fi

lemminx_jar="$HOME/.m2/repository/org/eclipse/lemminx/org.eclipse.lemminx/0.31.1/org.eclipse.lemminx-0.31.1.jar"
if ! grep -q "<id>lemminx</id>" pom.xml; then
    :
elif [ -f "$lemminx_jar" ]; then
    mvn -B -ntp -o -Plemminx verify
else
    echo "SKIPPED: LemMinX extension tests (org.eclipse.lemminx:org.eclipse.lemminx:0.31.1 is not in the local Maven repository)"
fi
