"""Airflow test set-up shared by tests/airflow: an isolated AIRFLOW_HOME and no example DAGs.

The environment is set when this file is imported, before any test module imports Airflow, because
Airflow reads its configuration once, on first import.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

_AIRFLOW_HOME = tempfile.mkdtemp(prefix="steadyflow-airflow-home-")
os.environ["AIRFLOW_HOME"] = _AIRFLOW_HOME
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = REPO_ROOT / "airflow_templates" / "examples"
BROKEN_DIR = Path(__file__).resolve().parent / "broken_specs"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_AIRFLOW_HOME, ignore_errors=True)


def make_dag_folder(folder: Path, specs: Iterable[Path]) -> Path:
    """Copy `specs` into `folder` and write a loader .py beside each, as a user's DAG folder has."""
    from steadyflow.loader import write_loaders

    folder.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        shutil.copy(spec, folder / spec.name)
    write_loaders(folder)
    return folder


def load_dagbag(folder: Path) -> object:
    """A real DagBag over `folder`, as the DAG processor builds it."""
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(folder), bundle_path=folder)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture
def dag_folder_factory(tmp_path: Path) -> Callable[[Iterable[Path]], Path]:
    def factory(specs: Iterable[Path]) -> Path:
        return make_dag_folder(tmp_path / "dags", specs)

    return factory


@pytest.fixture(scope="session")
def examples_dagbag(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The example specs loaded through their loaders by one DagBag (shared: DagBags are slow)."""
    folder = make_dag_folder(tmp_path_factory.mktemp("example_dags"), sorted(EXAMPLES_DIR.glob("*.yaml")))
    return load_dagbag(folder)
