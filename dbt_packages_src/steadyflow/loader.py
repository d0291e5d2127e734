"""Load the DAGs of one spec file from a tiny loader `.py` file in the DAG folder.

Put one loader beside each spec (`steadyflow init-loaders DIR` writes them)::

    # orders.py -- Airflow DAG loader for orders.yaml (steadyflow)
    from steadyflow.loader import load_dags

    load_dags(globals())

DagBag imports each `.py` file on its own and records an exception raised while importing it as that
file's import error. One loader per spec therefore means a broken spec shows up as exactly one import
error (its message names the spec file, line and field) while every other spec's DAGs still load.
The spec is read and validated once per parse; nothing here touches the network, a database or a
Variable, and no callable named in the spec is imported.
"""

from __future__ import annotations

import gc
import hashlib
import keyword
import re
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from steadyflow.specs.validate import SPEC_SUFFIXES, load_spec
from steadyflow.templates.plan import materialize
from steadyflow.templates.registry import plan_file


class LoaderError(RuntimeError):
    """The loader could not find its spec file."""


def _find_spec(loader_file: Path, spec: str | Path | None) -> Path:
    if spec is not None:
        path = Path(spec)
        return path if path.is_absolute() else loader_file.parent / path
    for suffix in SPEC_SUFFIXES:
        candidate = loader_file.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    raise LoaderError(
        f"{loader_file}: no spec beside this loader (looked for {loader_file.stem}.yaml / .yml); "
        "pass the path: load_dags(globals(), 'my_spec.yaml')"
    )


def variable_name(dag_id: str) -> str:
    """A module-level Python name for a DAG (or task) id; distinct ids get distinct names.

    An id that is a plain identifier is kept as it is. Any other (punctuation, a leading digit, a
    keyword, a dunder such as `__file__`) gets its punctuation replaced and a short hash of the id
    appended, so `orders-daily` and `orders_daily` never share a name (and so never overwrite each
    other's DAG in the loader's namespace, or each other's task in a rendered file)."""
    if dag_id.isidentifier() and not keyword.iskeyword(dag_id) and not dag_id.startswith("__"):
        return dag_id
    name = re.sub(r"\W", "_", dag_id)
    digest = hashlib.sha256(dag_id.encode("utf-8")).hexdigest()[:8]
    return f"{'dag_' if name[0].isdigit() or name.startswith('__') else ''}{name}_{digest}"


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one spec file is turned into DAGs.

    Building DAGs allocates many short-lived objects (YAML nodes, models, plans); with the collector on,
    those allocations trigger collections that each walk every DAG already in the DagBag, which made
    the loader ~25% slower in `benchmarks/bench_dag_parse.py`. Nothing built here is cyclic garbage
    worth collecting mid-file; the previous state is restored on exit, errors included."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dags(spec_path: str | Path) -> list[Any]:
    """Validate `spec_path` and build its DAGs (raises SpecError naming file, line and field)."""
    with _cyclic_gc_paused():
        loaded = load_spec(spec_path)
        return [materialize(plan) for plan in plan_file(loaded.spec, loaded.path.name)]


def load_dags(namespace: MutableMapping[str, Any], spec: str | Path | None = None) -> list[Any]:
    """Build the DAGs of `spec` (default: the .yaml beside the calling file) into `namespace`."""
    loader_file = Path(str(namespace.get("__file__", "")))
    if spec is None and not namespace.get("__file__"):
        raise LoaderError("load_dags(globals()) must be called from a DAG file, or be given the spec path")
    dags = build_dags(_find_spec(loader_file, spec))
    for dag in dags:
        namespace[variable_name(dag.dag_id)] = dag
    return dags


LOADER_TEMPLATE = '''"""Airflow DAG loader for {spec} (steadyflow): builds the DAGs that spec describes."""

from steadyflow.loader import load_dags

load_dags(globals(), {spec!r})
'''


def write_loaders(spec_dir: str | Path, dag_dir: str | Path | None = None) -> list[Path]:
    """Write a loader `.py` for each spec in `spec_dir` that has none yet; return the files written."""
    from steadyflow.specs.validate import spec_files

    written = []
    for spec_path in spec_files(spec_dir):
        target_dir = Path(dag_dir) if dag_dir is not None else spec_path.parent
        target = target_dir / f"{spec_path.stem}.py"
        if target.exists():
            continue
        rel = Path(spec_path).resolve()
        try:
            spec_ref = str(rel.relative_to(target_dir.resolve()))
        except ValueError:
            spec_ref = str(rel)
        target_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(LOADER_TEMPLATE.format(spec=spec_ref), encoding="utf-8")
        written.append(target)
    return written
