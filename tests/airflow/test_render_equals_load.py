"""`steadyflow render` and the YAML loader build the same DAGs, for any spec: a property over generated
specs (ids with punctuation, every schedule form, every template), plus the collision that used to
break it: ids that differ only in punctuation (`up-a` / `up_a`) gave the rendered file two tasks bound
to one Python variable, so one sensor lost its edge."""

from __future__ import annotations

import tempfile
import types
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from steadyflow.loader import build_dags, load_dags
from steadyflow.render import render_spec
from steadyflow.specs.common import jinja_problem

from tests.airflow.test_render import serialized


def rendered_module(spec: Path) -> dict[str, Any]:
    """Import the rendered source of `spec` as a DAG file: its module globals."""
    source = render_spec(spec)
    module = types.ModuleType(f"rendered_{spec.stem}")
    module.__file__ = str(spec.with_suffix(".py"))
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module.__dict__


def dags_in(namespace: dict[str, Any]) -> dict[str, Any]:
    from airflow.sdk import DAG

    return {v.dag_id: v for v in namespace.values() if isinstance(v, DAG)}


def assert_render_equals_load(spec: Path) -> None:
    loaded = {d.dag_id: d for d in build_dags(spec)}
    namespace = rendered_module(spec)
    rendered = dags_in(namespace)
    assert sorted(rendered) == sorted(loaded), "every DAG must be bound to its own module-level name"
    for dag_id, dag in loaded.items():
        assert serialized(rendered[dag_id]) == serialized(dag), dag_id
        # not serialized, but what renders the pinned dbt clock in the task templates
        assert rendered[dag_id].user_defined_filters == dag.user_defined_filters, dag_id
    loader_namespace: dict[str, Any] = {"__file__": str(spec.with_suffix(".py"))}
    load_dags(loader_namespace, spec)
    assert sorted(dags_in(loader_namespace)) == sorted(loaded)


def test_sensors_whose_ids_differ_only_in_punctuation_keep_their_own_edges(tmp_path: Path) -> None:
    spec = tmp_path / "punct.yaml"
    spec.write_text(
        "dags:\n  - dag_id: consumer\n    template: ingest\n    command: echo hi\n    wait_for:\n"
        "      - {dag_id: up-a, offset: 0m}\n      - {dag_id: up_a, offset: 1h}\n      - {dag_id: up.a, offset: 2h}\n"
    )
    namespace = rendered_module(spec)
    dag = dags_in(namespace)["consumer"]
    sensors = ["wait_for__up-a", "wait_for__up.a", "wait_for__up_a"]
    assert sorted(t for t in dag.task_ids if t.startswith("wait_for")) == sensors
    assert {t: sorted(dag.task_dict[t].downstream_task_ids) for t in sensors} == dict.fromkeys(sensors, ["ingest"])
    assert_render_equals_load(spec)


def test_dags_whose_ids_differ_only_in_punctuation_or_shadow_python_names_all_load(tmp_path: Path) -> None:
    ids = ["orders-daily", "orders_daily", "orders.daily", "class", "DAG", "Asset", "datetime", "1st", "__file__"]
    spec = tmp_path / "many.yaml"
    spec.write_text("dags:\n" + "".join(f"  - {{dag_id: '{i}', template: ingest, command: echo}}\n" for i in ids))
    assert_render_equals_load(spec)


# --- generated specs ---------------------------------------------------------------------------

# A small alphabet makes ids that differ only in punctuation likely; the names shadow what a rendered
# file imports or Python reserves.
IDS = st.one_of(
    st.text(alphabet="ab_.-1", min_size=1, max_size=5),
    st.sampled_from(["class", "None", "DAG", "Asset", "datetime", "timedelta", "task_defaults", "t_a", "__file__"]),
)
ASSETS = st.text(alphabet="ab_.-", min_size=1, max_size=4).filter(lambda s: s[0] not in ".-")
OUTLETS = ASSETS.map(lambda s: "out" + s)  # "o" is not in ASSETS' alphabet
CRONS = st.sampled_from(["0 5 * * *", "*/15 * * * *", "@daily", "@hourly", "@once", "@weekly"])


def asset_exprs(depth: int) -> st.SearchStrategy[Any]:
    if depth == 0:
        return ASSETS
    inner = st.lists(asset_exprs(depth - 1), min_size=1, max_size=3)
    return st.one_of(ASSETS, inner.map(lambda e: {"all": e}), inner.map(lambda e: {"any": e}))


SCHEDULES = st.one_of(
    st.none(),
    CRONS,
    st.lists(asset_exprs(1), min_size=1, max_size=3),
    asset_exprs(2).filter(lambda e: isinstance(e, dict)),
    st.fixed_dictionaries(
        {"assets": st.one_of(asset_exprs(2), st.lists(asset_exprs(1), min_size=1, max_size=2)), "cron": CRONS}
    ).filter(lambda s: s["cron"] != "@once"),
)
# text Airflow can render: a value whose Jinja would not parse (`{%`) is refused at load, by design
TEXTS = st.text(alphabet="ab {}%'\"$", max_size=6).filter(lambda text: jinja_problem(text) is None)
SCALARS = st.one_of(st.integers(-5, 5), st.booleans(), st.none(), TEXTS)
DBT = st.fixed_dictionaries(
    {},
    optional={"project_dir": st.just("integration_tests"), "target": st.just("duckdb"), "profiles_dir": st.just("p")},
)


@st.composite
def common_keys(draw: st.DrawFn) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    waits = draw(st.lists(st.tuples(IDS, st.one_of(st.none(), IDS)), max_size=3, unique=True))
    if waits:
        keys["wait_for"] = [
            {"dag_id": d, "offset": "30m", **({"task_id": t} if t is not None else {})} for d, t in waits
        ]
    triggers = draw(st.lists(IDS, max_size=2, unique=True))
    if triggers:
        keys["trigger"] = [
            t if i % 2 == 0 else {"dag_id": t, "wait_for_completion": True} for i, t in enumerate(triggers)
        ]
    if draw(st.booleans()):
        keys["tags"] = draw(st.lists(st.sampled_from(["x", "y-z"]), max_size=2, unique=True))
    if draw(st.integers(0, 3)) == 0:
        alerts: dict[str, Any] = {"webhook_conn_id": "hook"}
        if draw(st.booleans()):
            alerts["deadline"] = {"reference": draw(st.sampled_from(["queued_at", "logical_date"])), "after": "2h"}
        keys["alerts"] = alerts
    return keys


@st.composite
def dag_specs(draw: st.DrawFn, dag_id: str) -> dict[str, Any]:
    template = draw(st.sampled_from(["dbt_build", "ingest", "backfill", "compaction"]))
    dag: dict[str, Any] = {"dag_id": dag_id, "template": template, **draw(common_keys())}
    # outlets never share a name with a scheduled asset: a DAG waiting for Assets the same file produces can
    # form an asset cycle, which the loader refuses by design (tests/airflow/test_lint_asset_graph.py)
    outlets = draw(st.lists(OUTLETS, max_size=2, unique=True))
    if template != "backfill":
        schedule = draw(SCHEDULES)
        if schedule is not None or template == "compaction":
            dag["schedule"] = schedule
    if template == "ingest":
        if draw(st.booleans()):
            dag["command"] = draw(st.sampled_from(["echo {{ ds }}", "load.py --day '{{ ds }}'", "true"]))
        else:
            dag["callable"] = {"path": "steadyflow.runtime.call.noop", "kwargs": {"n": draw(SCALARS)}}
    elif template == "dbt_build":
        dag["select"] = draw(st.lists(st.sampled_from(["a", "tag:x", "b+", "path:models/x"]), min_size=1, max_size=2))
        dag["exclude"] = draw(st.lists(st.sampled_from(["c", "tag:y"]), max_size=1))
        var_names = st.sampled_from(["day", "late_data_lookback_days", "steadyflow_now"])
        dag["vars"] = draw(st.dictionaries(var_names, SCALARS, max_size=2))
        dag["mode"] = draw(st.sampled_from(["build", "run_test"]))
        dag["full_refresh"] = draw(st.booleans())
        dag["pin_now"] = draw(st.booleans())
        dag["dbt"] = draw(DBT)
        gate = draw(
            st.sampled_from([None, {"type": "row_count", "model": "m"}, {"type": "dbt_test", "select": ["m", "t"]}])
        )
        if gate is not None:
            dag["gate"] = gate
        else:
            outlets = []
    elif template == "backfill":
        dag["select"] = ["orders_replace_window"]
        dag["chunk_days"] = draw(st.integers(1, 60))
        dag["pin_now"] = draw(st.booleans())
        dag["vars"] = draw(st.dictionaries(st.sampled_from(["max_backfill_days"]), st.integers(1, 90), max_size=1))
        if draw(st.booleans()):
            dag["default_start"], dag["default_end"] = "2024-01-01", "2024-03-01"
    else:
        dag["tables"] = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
        dag["operation_args"] = draw(st.dictionaries(st.sampled_from(["dry_run"]), st.booleans(), max_size=1))
    if outlets:
        dag["outlets"] = outlets
    return dag


@st.composite
def spec_files(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    return {"version": 1, "dags": [draw(dag_specs(i)) for i in ids]}


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=spec_files())
def test_rendered_and_yaml_loaded_dags_are_equal_for_any_spec(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
        assert_render_equals_load(path)
