#!/usr/bin/env bash
# Build the wheel, install it (with the locked dependencies) into a fresh virtual
# environment outside this checkout, and run its own --self-test there: proof that
# an installed copy carries its question banks, answer maps, fonts, stylesheet and
# end-of-support table, and finds them without the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf build/wheel
"$PY" -m pip wheel -q --no-deps -w build/wheel .
wheel="$(ls build/wheel/gp_cyber_wizard-*.whl)"
echo "Built $wheel ($(du -h "$wheel" | cut -f1))"
"$PY" -m zipfile -l "$wheel" | grep -Eq 'wizard/questions/maps/.*\.yaml' || { echo "the wheel has no answer maps" >&2; exit 1; }
"$PY" -m zipfile -l "$wheel" | grep -Eq 'wizard/assets/fonts/DejaVuSans.ttf' || { echo "the wheel has no fonts" >&2; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q --require-hashes -r requirements.lock
"$work/venv/bin/python" -m pip install -q --no-deps "$wheel"
cd "$work"  # nowhere near the checkout: only the installed copy can be found
GPCW_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen "$work/venv/bin/gp-cyber-wizard-cli" --self-test | tee "$work/out.txt"
grep -q "installed package" "$work/out.txt" || { echo "the self-test did not run the installed copy" >&2; exit 1; }
