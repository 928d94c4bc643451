# Two commands do all the set-up on a fresh Debian 12 machine with Python 3.11:
#   make run    start the wizard
#   make test   run every check CI runs
PY := .venv/bin/python

.PHONY: setup run test lint bench clean

setup:
	@bash scripts/setup.sh

run: setup
	$(PY) -m wizard

lint: setup
	$(PY) -m ruff check wizard tests benchmarks
	$(PY) -m ruff format --check wizard tests benchmarks
	$(PY) -m mypy
	.venv/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: setup
	$(PY) benchmarks/core.py
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/checks.py
	$(PY) benchmarks/pack.py

clean:
	rm -rf .venv .mypy_cache .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
