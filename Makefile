# Two commands do all the set-up on a fresh Debian 12 machine with Python 3.11:
#   make run    start the wizard
#   make test   run every check CI runs
PY := .venv/bin/python

.PHONY: setup run test lint bench bundle self-test clean

setup:
	@bash scripts/setup.sh

run: setup
	$(PY) -m wizard

lint: setup
	$(PY) -m ruff check wizard tests benchmarks
	$(PY) -m ruff format --check wizard tests benchmarks
	$(PY) -m mypy
	.venv/bin/lint-imports

# The tests include the onedir bundle: tests/test_bundle.py builds it (into a
# temporary folder, reusing build/onedir) and runs its --self-test.
test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Both USB variants: dist/gp-cyber-wizard/ (onedir) and dist/onefile/.
bundle: setup
	bash scripts/bundle.sh both

# The built onedir bundle's own check, as a practice manager would run it.
self-test: setup
	bash scripts/bundle.sh onedir
	QT_QPA_PLATFORM=offscreen dist/gp-cyber-wizard/gp-cyber-wizard --self-test

bench: setup
	$(PY) benchmarks/core.py
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/checks.py
	$(PY) benchmarks/pack.py
	$(PY) benchmarks/bundle.py

clean:
	rm -rf .venv .mypy_cache .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
