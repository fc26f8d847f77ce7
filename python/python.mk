# Python package: build the extension into the repository's .venv, test and lint it.
#
#   make test-python   pytest against the built package, stubtest, mypy --strict on the example
#   make lint-python   ruff check, ruff format --check, stubtest, mypy --strict
#
# The venv is created on first use (python3 -m venv .venv) with python/requirements-dev.txt.

PYTHON ?= python3
PY_VENV := $(CURDIR)/.venv
PY := $(PY_VENV)/bin/python
PY_DEPS_STAMP := $(PY_VENV)/.cloudpartner-dev-requirements

.PHONY: python-venv python-develop test-python lint-python python-typecheck

$(PY_DEPS_STAMP): python/requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(PY_VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt
	touch $@

python-venv: $(PY_DEPS_STAMP)

# A debug build of the extension, installed editable into the venv (--profile dev: the
# pyproject's profile is the install one, dist).
python-develop: python-venv
	cd python && VIRTUAL_ENV=$(PY_VENV) $(PY_VENV)/bin/maturin develop --profile dev --quiet

# The stubs match the module, and a typed program using the package passes mypy --strict.
python-typecheck: python-develop
	cd python && $(PY) -m mypy.stubtest cloudpartner
	cd python && $(PY) -m mypy --strict cloudpartner examples tests

test-python: python-develop python-typecheck
	cd python && $(PY) -m pytest -q

lint-python: python-develop python-typecheck
	cd python && $(PY_VENV)/bin/ruff check .
	cd python && $(PY_VENV)/bin/ruff format --check .

TEST_TARGETS += test-python
LINT_TARGETS += lint-python
