# Two commands do all the set-up on a fresh Debian 12 machine with Python 3.11:
#   make run    start the wizard
#   make test   lint and every test but the packaging stage (CI then runs make package-test)
PY := .venv/bin/python

.PHONY: setup run test pytest lint lock package-test bench bundle self-test clean

setup:
	@bash scripts/setup.sh

# Refresh requirements.lock after changing the dependencies in pyproject.toml: every
# package pinned, with the hashes of its files for every platform (the Windows bundle
# installs from it too).
lock: setup
	.venv/bin/uv pip compile pyproject.toml --group dev --generate-hashes --universal \
		--python-version 3.11 --quiet -o requirements.lock

run: setup
	$(PY) -m wizard

lint: setup
	$(PY) -m ruff check wizard tests benchmarks
	$(PY) -m ruff format --check wizard tests benchmarks
	$(PY) -m mypy
	.venv/bin/lint-imports

# The lint and the tests run side by side (the tests' workers spend their first seconds
# importing, which leaves a core for mypy); make test fails if either does. The tests are
# spread over every core (pytest-xdist); the workers share one ICB estate (tests/conftest.py).
test: setup
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint pytest

pytest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not package" -n auto

# The packaging stage, after the fast tests: tests/packaging/test_bundle.py builds the onedir
# USB bundle (about a minute; build/onedir is reused) and runs both executables'
# --self-test, and the built wheel is installed in a fresh venv and self-tested.
package-test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m package
	bash scripts/wheel_check.sh

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
	$(PY) benchmarks/cli_startup.py
	$(PY) benchmarks/checks.py
	$(PY) benchmarks/pack.py
	$(PY) benchmarks/icb.py
	$(PY) benchmarks/bundle.py

clean:
	rm -rf .venv .mypy_cache .pytest_cache .ruff_cache .hypothesis build dist
