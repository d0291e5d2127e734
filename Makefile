# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install the
# pinned set (constraints.txt) first; nothing else needs to be installed by hand.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export AIRFLOW__CORE__LOAD_EXAMPLES := False

.PHONY: venv demo test lint typecheck pytest deps bench dist docs clean

venv: $(STAMP)

$(STAMP): pyproject.toml requirements-dev.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -r requirements-dev.txt
	$(BIN)/pip install --quiet -c constraints.txt --no-deps -e .
	touch $(STAMP)

deps: venv
	cd integration_tests && ../$(BIN)/dbt deps --profiles-dir . --quiet

demo: deps   # also writes docs/demo.md, the transcript the README links to
	$(PY) integration_tests/demo/run.py

# A wheel of the Python package (steadyflow CLI, Airflow templates and provider) in dist/, for
# `pip install dist/steadyflow-*.whl` in an Airflow environment. pip builds it in an isolated environment
# (it fetches setuptools>=68 from the package index); `build/` is its scratch folder.
dist: venv
	rm -rf build
	$(BIN)/pip wheel --quiet --no-deps -w dist .
	rm -rf build

# The generated part of docs/airflow-specs.md (the spec reference, from airflow_templates/steadyflow.schema.json).
docs: venv
	$(PY) -m steadyflow.spec_reference

lint: deps
	$(BIN)/ruff check dbt_packages_src tests benchmarks integration_tests/demo
	$(BIN)/ruff format --check dbt_packages_src tests benchmarks integration_tests/demo
	cd integration_tests && STEADYFLOW_DUCKDB_PATH=$$(mktemp -d)/lint.duckdb ../$(BIN)/sqlfluff lint models

typecheck: venv
	$(BIN)/mypy

# Two pytest-xdist workers (a whole test file per worker: --dist loadfile); each worker has its own
# PostgreSQL cluster, AIRFLOW_HOME and temp dirs. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
pytest: deps
	$(BIN)/pytest tests -n $(PYTEST_WORKERS) --dist loadfile

test: lint typecheck pytest

bench: deps
	$(PY) -m benchmarks.run

# A real Airflow (api-server, scheduler, dag-processor, triggerer; LocalExecutor on PostgreSQL, then
# CeleryExecutor with a separate worker and redis-server on loopback): tests/airflow_real, not in `make test`.
.PHONY: airflow-deps test-airflow bench-airflow demo-scheduler
AIRFLOW_STAMP := $(VENV)/.airflow-installed-stamp

$(AIRFLOW_STAMP): $(STAMP) requirements-airflow.txt constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -r requirements-airflow.txt
	touch $(AIRFLOW_STAMP)

airflow-deps: deps $(AIRFLOW_STAMP)

test-airflow: airflow-deps
	$(BIN)/pytest tests/airflow_real -m real_airflow

bench-airflow: airflow-deps   # writes the "Real Airflow latencies" section of docs/benchmarks.md
	$(PY) -m benchmarks.bench_airflow

demo-scheduler: airflow-deps  # optional: producer -> consumer -> a deadline notice, on a real scheduler
	$(PY) integration_tests/demo/scheduler.py

# Apache Spark, local and in-process (one SparkSession per pytest run; Java 17): tests/spark, not in `make test`.
.PHONY: spark-deps test-spark bench-spark
SPARK_STAMP := $(VENV)/.spark-installed-stamp

$(SPARK_STAMP): $(STAMP) requirements-spark.txt constraints-spark.txt constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -c constraints-spark.txt -r requirements-spark.txt
	touch $(SPARK_STAMP)

spark-deps: deps $(SPARK_STAMP)

test-spark: spark-deps
	STEADYFLOW_SPARK_TESTS=1 $(BIN)/pytest tests/spark -p no:cacheprovider

bench-spark: spark-deps   # writes the "Spark: replace_window vs microbatch" section of docs/benchmarks.md
	$(PY) -m benchmarks.bench_spark

clean:
	rm -rf $(VENV) integration_tests/dbt_packages integration_tests/target integration_tests/logs .demo .bench build dist
