"""row_filter on PostgreSQL with real non-superuser roles: the restricted role sees only its rows (through the
table and a view), the admin all, a non-superuser owner is filtered too (FORCE); replace_window runs and a purge
on a filtered model give the same table as on an unfiltered one; a dbt role that would be filtered is refused;
a reader polling during 50 rebuilds never sees an unfiltered row. DuckDB refuses row_filter."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from tests.late_data.project_copy import project_copy
from tests.privacy.rls import (
    ADMIN,
    ANALYST,
    DBT_IN_SEE_ALL,
    DBT_PLAIN,
    FIXTURES,
    OWNER,
    as_role,
    as_superuser,
    create_roles,
    rls_project,
)
from tests.privacy.support import logged_by
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import (
    create_raw_orders,
    day,
    end_of,
    generate_orders,
    insert_orders,
    table_fingerprint,
)
from tests.support.postgres import PostgresCluster

SALES = ("-s", "privacy_sales_filtered", "privacy_sales_filtered_view")
IDS = "select order_id from {} order by 1"


@pytest.fixture(scope="module")
def cluster(pg_cluster: PostgresCluster) -> PostgresCluster:
    create_roles(pg_cluster)
    return pg_cluster


def ids(cluster: PostgresCluster, project: DbtProject, role: str, relation: str) -> list[int]:
    return [int(r[0]) for r in as_role(cluster, project, role, IDS.format(relation))]


def test_each_role_sees_its_rows_through_the_table_and_the_view_and_the_owner_is_filtered_too(
    cluster: PostgresCluster, tmp_path: Path, integration_deps: None
) -> None:
    project = rls_project(cluster, tmp_path)
    project.dbt("run", *SALES, vars=FIXTURES)

    assert ids(cluster, project, ANALYST, "privacy_sales_filtered") == [1, 2]  # region DE
    assert ids(cluster, project, ANALYST, "privacy_sales_filtered_view") == [1, 2]  # security_invoker view
    assert ids(cluster, project, ADMIN, "privacy_sales_filtered") == [1, 2, 3, 4, 5]
    assert ids(cluster, project, ADMIN, "privacy_sales_filtered_view") == [1, 2, 3, 4, 5]
    assert ids(cluster, project, OWNER, "privacy_sales_filtered") == [3, 4]  # region FR
    flags = "select relrowsecurity, relforcerowsecurity from pg_class where oid = 'privacy_sales_filtered'::regclass"
    assert as_superuser(cluster, project, flags) == [(True, True)]
    view = "select reloptions from pg_class where oid = 'privacy_sales_filtered_view'::regclass"
    assert as_superuser(cluster, project, view) == [(["security_invoker=true"],)]

    # a non-superuser that owns the table is filtered too (FORCE ROW LEVEL SECURITY), and would not be without it
    as_superuser(cluster, project, f"alter table privacy_sales_filtered owner to {OWNER}")
    assert ids(cluster, project, OWNER, "privacy_sales_filtered") == [3, 4]
    as_superuser(cluster, project, "alter table privacy_sales_filtered no force row level security")
    assert ids(cluster, project, OWNER, "privacy_sales_filtered") == [1, 2, 3, 4, 5]

    # a rebuild swaps in a new table with its own policies
    project.dbt("run", *SALES, vars=FIXTURES)
    assert ids(cluster, project, ANALYST, "privacy_sales_filtered") == [1, 2]
    assert as_superuser(cluster, project, flags) == [(True, True)]


def run_day(project: DbtProject, orders: list, d: int) -> None:
    insert_orders(project, [o for o in orders if o.loaded_on == day(d)])
    models = ("privacy_orders_by_region", "privacy_orders_by_region_unfiltered")
    project.dbt("run", "-s", *models, vars={**FIXTURES, "steadyflow_now": end_of(day(d))})


def test_replace_window_runs_and_a_purge_on_a_filtered_model_equal_the_unfiltered_model(
    cluster: PostgresCluster, tmp_path: Path, integration_deps: None
) -> None:
    """dbt runs as a non-superuser member of the see_all role: it sees every row, so the window's anchor, delete
    and insert, and the purge, work on the whole table."""
    project = rls_project(cluster, tmp_path, dbt_role=DBT_IN_SEE_ALL)
    orders = generate_orders(days=6, per_day=20)
    create_raw_orders(project)
    for d in range(6):
        run_day(project, orders, d)

    filtered, unfiltered = (
        table_fingerprint(project, m) for m in ("privacy_orders_by_region", "privacy_orders_by_region_unfiltered")
    )
    assert filtered == unfiltered and filtered[0] > 100
    de_ids = sorted(o.order_id for o in orders if o.customer_id % 2 == 0 and o.days_late <= 3)
    assert ids(cluster, project, ANALYST, "privacy_orders_by_region") == de_ids

    customer = orders[0].customer_id
    both = ["privacy_orders_by_region", "privacy_orders_by_region_unfiltered"]
    purge = json.dumps({"relations": both, "where": f"customer_id = {customer}"})
    project.dbt("run-operation", "steadyflow.purge", "--args", purge, vars=FIXTURES)

    after = [table_fingerprint(project, m) for m in ("privacy_orders_by_region", "privacy_orders_by_region_unfiltered")]
    assert after[0] == after[1] and after[0][0] < filtered[0]
    where = f"customer_id = {customer}"
    assert as_superuser(cluster, project, f"select count(*) from privacy_orders_by_region where {where}") == [(0,)]

    # the tired user's day: a schema-only run, then a full refresh: the policies are there after each
    models = ("privacy_orders_by_region", "privacy_orders_by_region_unfiltered")
    flags = "select relrowsecurity, relforcerowsecurity from pg_class where oid = 'privacy_orders_by_region'::regclass"
    for extra in ("--empty", "--full-refresh"):
        project.dbt("run", "-s", *models, extra, vars={**FIXTURES, "steadyflow_now": end_of(day(5))})
        assert as_superuser(cluster, project, flags) == [(True, True)], extra
    # (the full refresh rebuilt it from raw_orders, which this purge did not touch: every DE order is back)
    assert ids(cluster, project, ANALYST, "privacy_orders_by_region") == de_ids


def test_a_dbt_role_that_would_be_filtered_is_refused_and_nothing_is_built(
    cluster: PostgresCluster, tmp_path: Path, integration_deps: None
) -> None:
    project = rls_project(cluster, tmp_path, dbt_role=DBT_PLAIN)

    result = project.dbt("run", "-s", "privacy_sales_filtered", vars=FIXTURES, expect=False)

    assert (
        "steadyflow.row_filter: model privacy_sales_filtered: the dbt role sf_dbt_plain would not see every row of the"
        " filtered table (it is not a superuser, has no BYPASSRLS and is not a member of a see_all role: sf_admin)"
    ) in result.text
    assert "GRANT a see_all role TO sf_dbt_plain), or ALTER ROLE sf_dbt_plain BYPASSRLS" in result.text
    exists = (
        f"select count(*) from pg_tables where schemaname = '{project.schema}' and tablename = 'privacy_sales_filtered'"
    )
    assert as_superuser(cluster, project, exists) == [(0,)]


@pytest.fixture
def poller(cluster: PostgresCluster, tmp_path: Path) -> Iterator[tuple[DbtProject, dict[str, object]]]:
    """A reader (the analyst) polling the filtered table and its view in a loop, counting non-DE rows it sees."""
    project = rls_project(cluster, tmp_path)
    seen: dict[str, object] = {"polls": 0, "unfiltered": 0, "errors": Counter()}
    stop = threading.Event()

    def poll() -> None:
        conn = psycopg2.connect(host=cluster.host, port=cluster.port, user=ANALYST, dbname=cluster.dbname)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'set search_path to "{project.schema}"')
            while not stop.is_set():
                for relation in ("privacy_sales_filtered", "privacy_sales_filtered_view"):
                    try:
                        cur.execute(f"select count(*) filter (where region <> 'DE'), count(*) from {relation}")
                        other, _total = cur.fetchone()
                        seen["polls"] = int(str(seen["polls"])) + 1
                        seen["unfiltered"] = int(str(seen["unfiltered"])) + int(other)
                    except psycopg2.Error as exc:  # e.g. the table not built yet
                        errors = seen["errors"]
                        assert isinstance(errors, Counter)
                        errors[exc.pgcode] += 1
        conn.close()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield project, seen
    finally:
        stop.set()
        thread.join(timeout=30)


def test_a_reader_polling_during_50_rebuilds_never_sees_an_unfiltered_row(
    poller: tuple[DbtProject, dict[str, object]], integration_deps: None
) -> None:
    project, seen = poller
    project.dbt("run", *SALES, vars=FIXTURES)
    polls_before = int(str(seen["polls"]))
    errors = seen["errors"]
    assert isinstance(errors, Counter)
    errors_before = Counter(errors)  # polls before the first build: no table yet

    # PostgreSQL may pick dbt's swap as the victim of a deadlock with a reader of the view (the swap rolls back:
    # the old table stays, policies and all); a scheduler retries such a run, and so does this loop
    rebuilds, deadlocks = 0, 0
    while rebuilds < 50:
        result = project.dbt("run", *SALES, vars=FIXTURES, expect=None)
        if result.success:
            rebuilds += 1
        else:
            assert "deadlock detected" in result.text, result.text
            deadlocks += 1

    assert seen["unfiltered"] == 0
    assert int(str(seen["polls"])) - polls_before >= 100  # it really polled during the rebuilds
    during = int(str(seen["polls"])) - polls_before
    print(
        f"polls during the rebuilds: {during}, reader errors by SQLSTATE: {dict(errors - errors_before)},"
        f" rebuilds retried after a deadlock: {deadlocks}"
    )


def test_duckdb_refuses_row_filter(duckdb_project: DbtProject) -> None:
    result = duckdb_project.dbt("run", "-s", "privacy_sales_filtered", vars=FIXTURES, expect=False)

    assert (
        "steadyflow.row_filter: model privacy_sales_filtered has a row_filter config, but duckdb has no row-level"
        " security (no roles, no policies): the table would be readable in full."
    ) in result.text
    tables = "select count(*) from information_schema.tables where table_name = 'privacy_sales_filtered'"
    assert query(duckdb_project, tables) == [(0,)]


def test_a_model_with_row_filter_but_without_the_hook_stops_the_run(tmp_path: Path, integration_deps: None) -> None:
    def drop_hook(project_dir: Path) -> None:
        path = project_dir / "dbt_project.yml"
        path.write_text(path.read_text().replace('+post-hook: "{{ steadyflow.row_filter() }}"', "+tags: [privacy]"))

    project = project_copy(DbtProject(tmp_path), tmp_path, drop_hook)

    result = project.dbt("run", "-s", "privacy_sales_filtered", vars=FIXTURES, expect=False)

    assert (
        "steadyflow: model(s) privacy_sales_filtered have a row_filter config (or are views on such a model) but do"
        " not run the steadyflow.row_filter() post-hook"
    ) in result.text
    assert '+post-hook: "{{ steadyflow.row_filter() }}"' in result.text
    assert not project.duckdb_path.exists() or query(
        project, "select count(*) from information_schema.tables where table_name = 'privacy_sales_filtered'"
    ) == [(0,)]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            "{'column': 'region', 'allow': {'analyst de': \"region = 'DE'\"}}",
            "steadyflow.row_filter: argument `allow` must map role names (letters, digits, _) to SQL conditions"
            " in the row_filter config of model m",
        ),
        (
            "{'column': 'region', 'allow': {'analyst_de': \"region = 'DE'; drop table t\"}}",
            "must map each role to one SQL condition (no `;`) in the row_filter config of model m",
        ),
        (
            "{'allow': {'analyst_de': \"region = 'DE'\"}}",
            "steadyflow.row_filter: argument `column` must be the filter column's name in the row_filter config"
            " of model m, got null",
        ),
        (
            "{'column': 'region', 'see_all': 'admin, dbt'}",
            "steadyflow.row_filter: argument `see_all` must list role names (letters, digits, _)",
        ),
        ("{'column': 'region'}", "steadyflow.row_filter: argument `allow` or see_all must name at least one role"),
        ("{'column': 'region', 'alow': {}}", "has unknown key(s) alow (accepted: column, allow, see_all)"),
    ],
)
def test_a_bad_row_filter_config_is_an_error_naming_the_key(
    duckdb_project: DbtProject, config: str, message: str
) -> None:
    inline = "{{ steadyflow._row_filter_config(" + config + ", 'm') }}"
    assert message in logged_by(duckdb_project, "compile", "--inline", inline)
