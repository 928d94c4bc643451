#!/usr/bin/env bash
# Build the USB executable with build.spec: `onedir` (the folder to put on a stick,
# dist/gp-cyber-wizard/), `onefile` (two single files, dist/onefile/) or `both`.
# Each variant keeps its own work folder under build/ (GPCW_WORK), so a second
# build only redoes what changed; GPCW_DIST puts the results elsewhere than dist/.
# Prints the time each build took.
set -euo pipefail
cd "$(dirname "$0")/.."
PYINSTALLER=".venv/bin/pyinstaller"
DIST="${GPCW_DIST:-dist}"
WORK="${GPCW_WORK:-build}"

build() {
    local variant=$1 distpath=$2
    local started=$SECONDS
    echo "Building the $variant bundle into $distpath/"
    GPCW_BUNDLE=$variant "$PYINSTALLER" --noconfirm --log-level WARN \
        --distpath "$distpath" --workpath "$WORK/$variant" build.spec
    echo "Built the $variant bundle in $((SECONDS - started)) s"
}

case "${1:-both}" in
    onedir) build onedir "$DIST" ;;
    onefile) build onefile "$DIST/onefile" ;;
    both) build onedir "$DIST"; build onefile "$DIST/onefile" ;;
    *) echo "usage: scripts/bundle.sh [onedir|onefile|both]" >&2; exit 2 ;;
esac
