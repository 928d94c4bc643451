#!/usr/bin/env bash
# Prepare this checkout to run or test GP Cyber Wizard on Debian/Ubuntu:
# the Debian packages Qt needs (installed when run as root, otherwise the exact
# apt line is printed), a virtual environment in .venv, and the Python
# packages pinned with their hashes in requirements.lock. Safe to run again: it
# only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=".venv"

# Qt offscreen and on a real X display (xcb), fonts so text is drawn, Xvfb for
# screenshots, poppler/qpdf to check the PDF packs, certutil (libnss3-tools) to give
# pdfsig an ICB certificate to trust, lynis for the checks benchmark.
DEBS=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
      libxkbcommon0 fonts-dejavu-core
      libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
      libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
      xvfb xauth poppler-utils qpdf libnss3-tools lynis)

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "GP Cyber Wizard needs Python 3.11 or newer; '$PYTHON' is not. Set PYTHON=/path/to/python3.11." >&2
    exit 1
fi
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    DEBS+=("python3-venv")
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${DEBS[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
fi
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "These Debian packages are missing. Install them, then run this again:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# Exactly the versions in requirements.lock, each checked against its hash, then this
# project itself (editable, so a change to the code needs no reinstall).
stamp="$VENV/.installed-$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
    echo "Installing the Python packages (a few minutes the first time)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q --require-hashes -r requirements.lock
    "$VENV/bin/python" -m pip install -q --no-deps -e .
    rm -f "$VENV"/.installed-*
    touch "$stamp"
fi
