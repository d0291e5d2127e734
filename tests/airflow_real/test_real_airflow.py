"""Under a real Airflow 3.3 (api-server, scheduler, dag-processor, triggerer; LocalExecutor, then
CeleryExecutor with a separate `airflow celery worker`), the specs of tests/airflow_real/specs run as users
run them. Every run here is one the test started (no schedule can fire: manual, or an Asset); all scenarios
are started together and awaited with bounded waits, then each test reads what happened.

What `dag.test()` cannot show: Asset events waking a consumer through the scheduler, deadlines fired by the
scheduler and the triggerer (apache/airflow#73428 keeps `dag.test()` from running a DAG with a deadline),
callbacks in a worker process that is not the scheduler's, and a cleared run replayed by the scheduler.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from tests.airflow_real.conftest import RealAirflow
from tests.support.airflow_cluster import AirflowCluster
from tests.support.processes import group_members, listening_addresses

#: Triggered in this order (the one that must fail before its deadline first).
SCENARIOS = [
    "rt_deadline_fails", "rt_producer", "rt_gate_empty", "rt_deadline_late", "rt_deadline_in_time", "rt_failing",
    "rt_deadline_edited",
]  # fmt: skip
ALL_DAGS = [*SCENARIOS, "rt_consumer", "rt_gated_reader", "rt_replay"]
REPLAY_LOGICAL_DATE = "2024-03-10T06:00:00+00:00"
NOW_VAR = re.compile(r'"steadyflow_now": "([^"]+)"')
EDITED_DESCRIPTION = "Outlives its deadline (version 2, edited while the cluster runs)."
#: How long the gate test watches for a consumer run that must not appear.
NOT_WOKEN_WAIT = 20.0
DEADLINE_IN_TEXT = re.compile(r"\(deadline ([^)]+)\)$")

pytestmark = pytest.mark.real_airflow


@dataclass
class Played:
    real: RealAirflow
    runs: dict[str, str] = field(default_factory=dict)  # dag id -> the run the test started
    finished: dict[str, dict[str, Any]] = field(default_factory=dict)
    consumer_run: dict[str, Any] = field(default_factory=dict)
    replay_fields: list[str] = field(default_factory=list)  # rendered bash_command, before and after the clear
    replay_tries: list[int] = field(default_factory=list)
    edited_runs: list[str] = field(default_factory=list)
    failed_run_deadline: tuple[Any, ...] = ()
    reader_runs: list[dict[str, Any]] = field(default_factory=list)
    reader_queue: Any = None

    @property
    def cluster(self) -> AirflowCluster:
        return self.real.cluster

    def notices(self, kind: str, dag_id: str, run_id: str | None = None) -> list[str]:
        """Webhook texts of one kind ('deadline missed', 'task failure', 'task retry') for a DAG (and run)."""
        head = f"[steadyflow] {kind}: dag={dag_id} "
        return [t for t in self.real.webhook.texts if t.startswith(head) and (run_id is None or f"run={run_id} " in t)]


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def deadline_state(cluster: AirflowCluster, dag_id: str, run_id: str) -> list[tuple[Any, ...]]:
    """(deadline_time, missed, callback state) of each deadline of a run (the REST API does not show them)."""
    return cluster.query(
        "select d.deadline_time, d.missed, c.state from deadline d join dag_run r on r.id = d.dagrun_id "
        "left join callback c on c.id = d.callback_id where r.dag_id = %s and r.run_id = %s",
        dag_id,
        run_id,
    )


def wait_for_text(played: Played, what: str, match: Callable[[str], bool], timeout: float = 180.0) -> None:
    played.cluster.wait(what, lambda: any(match(t) for t in played.real.webhook.texts), timeout)


def play(real: RealAirflow) -> Played:
    cluster = real.cluster
    played = Played(real)
    cluster.wait_for_dags(ALL_DAGS)
    for dag_id in SCENARIOS:
        played.runs[dag_id] = cluster.trigger(dag_id)
    played.runs["rt_replay"] = cluster.trigger("rt_replay", logical_date=REPLAY_LOGICAL_DATE)
    for dag_id, run_id in played.runs.items():
        played.finished[dag_id] = cluster.wait_finished(dag_id, run_id, timeout=420)

    # (2) the producer's Asset event creates an asset-triggered run of the consumer
    consumer = cluster.wait("an asset-triggered run of rt_consumer", lambda: cluster.runs("rt_consumer"), 180)
    played.consumer_run = cluster.wait_finished("rt_consumer", consumer[0]["dag_run_id"])

    # (6) clear the old dbt_build run: the scheduler replays it
    replay = played.runs["rt_replay"]
    first = cluster.task_instances("rt_replay", replay)["dbt_build"]
    played.replay_fields.append(first["rendered_fields"]["bash_command"])
    cluster.clear("rt_replay", replay)
    cluster.wait_finished("rt_replay", replay, timeout=300)
    again = cluster.task_instances("rt_replay", replay)["dbt_build"]
    played.replay_fields.append(again["rendered_fields"]["bash_command"])
    played.replay_tries = [first["try_number"], again["try_number"]]

    # (3) apache/airflow#68732: edit the DAG file (not its deadline), wait for the new version, run again
    wait_for_text(played, "the deadline notice of rt_deadline_edited's first run",
                  lambda t: f"run={played.runs['rt_deadline_edited']} " in t and "deadline missed" in t)  # fmt: skip
    edited = real.spec_dir / "edited.yaml"
    edited.write_text(edited.read_text().replace("Outlives its deadline (version 1).", EDITED_DESCRIPTION))
    real.render()
    cluster.wait(
        "the edited rt_deadline_edited to be re-parsed",
        lambda: cluster.api("GET", "/api/v2/dags/rt_deadline_edited/details")["description"] == EDITED_DESCRIPTION,
        120,
    )
    second = cluster.trigger("rt_deadline_edited")
    cluster.wait_finished("rt_deadline_edited", second)
    played.edited_runs = [played.runs["rt_deadline_edited"], second]
    wait_for_text(played, "the deadline notice of rt_deadline_edited's second run",
                  lambda t: f"run={second} " in t and "deadline missed" in t)  # fmt: skip

    # (3) a run that failed before its deadline: wait until the scheduler has handled that deadline and the
    # triggerer has run its callback (Airflow 3.3 keeps the deadline of a failed run, apache/airflow#60927)
    fails = played.runs["rt_deadline_fails"]
    played.failed_run_deadline = cluster.wait(
        "the deadline callback of the failed run to finish",
        lambda: [d for d in deadline_state(cluster, "rt_deadline_fails", fails) if d[2] in ("success", "failed")],
        180,
    )[0]

    # (5) the gate stopped the empty load: nothing may queue or start rt_gated_reader (bounded watch)
    with contextlib.suppress(AssertionError):
        cluster.wait("a run of rt_gated_reader", lambda: cluster.runs("rt_gated_reader"), NOT_WOKEN_WAIT)
    played.reader_runs = cluster.runs("rt_gated_reader")
    played.reader_queue = cluster.api("GET", "/api/v2/dags/rt_gated_reader/assets/queuedEvents")["queued_events"]
    return played


@pytest.fixture(scope="module")
def played(real_airflow: RealAirflow) -> Played:
    return play(real_airflow)


def test_triggering_the_producer_wakes_the_consumer_through_its_asset_event(played: Played) -> None:
    producer = played.finished["rt_producer"]
    assert producer["state"] == "success"
    consumer = played.consumer_run
    assert (consumer["run_type"], consumer["state"]) == ("asset_triggered", "success")
    assert consumer["logical_date"] is None  # asset-triggered runs have none (why lint refuses logical_date)
    tis = played.cluster.task_instances("rt_consumer", consumer["dag_run_id"])
    assert {t: ti["state"] for t, ti in tis.items()} == {"dbt_build": "success", "gate": "success"}
    (event,) = played.cluster.upstream_events("rt_consumer", consumer["dag_run_id"])
    assert (event["name"], event["source_dag_id"], event["source_run_id"], event["source_task_id"]) == (
        "rt.raw_orders", "rt_producer", played.runs["rt_producer"], "ingest"
    )  # fmt: skip
    assert len(played.cluster.runs("rt_consumer")) == 1


def test_a_run_that_outlives_its_deadline_posts_exactly_one_deadline_notice(played: Played) -> None:
    run_id = played.runs["rt_deadline_late"]
    assert played.finished["rt_deadline_late"]["state"] == "success"
    (notice,) = played.notices("deadline missed", "rt_deadline_late")
    ((deadline_time, missed, callback),) = deadline_state(played.cluster, "rt_deadline_late", run_id)
    assert (missed, callback) == (True, "success")
    assert notice.startswith(
        f"[steadyflow] deadline missed: dag=rt_deadline_late run={run_id} not done 5s after queued_at"
    )
    (shown,) = DEADLINE_IN_TEXT.findall(notice)
    assert parse_time(shown) == deadline_time


def test_a_run_done_in_time_posts_no_deadline_notice_and_its_deadline_is_gone(played: Played) -> None:
    run_id = played.runs["rt_deadline_in_time"]
    assert played.finished["rt_deadline_in_time"]["state"] == "success"
    assert played.notices("deadline missed", "rt_deadline_in_time") == []
    assert deadline_state(played.cluster, "rt_deadline_in_time", run_id) == []  # pruned when the run succeeded


def test_a_run_that_fails_before_its_deadline_posts_its_failure_and_no_deadline_notice(played: Played) -> None:
    run_id = played.runs["rt_deadline_fails"]
    assert played.finished["rt_deadline_fails"]["state"] == "failed"
    (failure,) = played.notices("task failure", "rt_deadline_fails", run_id)
    assert failure.splitlines()[0].endswith("try=1/1")
    # Airflow kept the deadline of the failed run and fired it (apache/airflow#60927); the callback saw the
    # run had failed (its failure notice was posted) and posted nothing
    deadline_time, missed, callback = played.failed_run_deadline
    assert parse_time(played.finished["rt_deadline_fails"]["end_date"]) < deadline_time  # it did fail first
    assert (missed, callback) == (True, "success")
    assert played.notices("deadline missed", "rt_deadline_fails") == []


def test_a_new_run_after_the_dag_file_was_edited_still_gets_exactly_one_deadline_notice(played: Played) -> None:
    first, second = played.edited_runs
    assert first != second
    assert len(played.notices("deadline missed", "rt_deadline_edited", first)) == 1
    assert len(played.notices("deadline missed", "rt_deadline_edited", second)) == 1
    assert len(played.notices("deadline missed", "rt_deadline_edited")) == 2
    versions = played.cluster.api("GET", "/api/v2/dags/rt_deadline_edited/dagVersions")["dag_versions"]
    assert len(versions) == 2  # the edit made a new DAG version; its runs still get their deadline


def test_a_failing_task_posts_one_retry_notice_per_retry_and_one_failure_notice(played: Played) -> None:
    run_id = played.runs["rt_failing"]
    assert played.finished["rt_failing"]["state"] == "failed"
    retries = played.notices("task retry", "rt_failing", run_id)
    failures = played.notices("task failure", "rt_failing", run_id)
    assert [t.splitlines()[0].rsplit(" ", 1)[1] for t in retries] == ["try=1/3", "try=2/3"]
    assert [t.splitlines()[0].rsplit(" ", 1)[1] for t in failures] == ["try=3/3"]
    paths = {r.path for r in played.real.webhook.requests}
    assert paths == {f"/hooks/{played.real.webhook_token}"}


def test_the_gate_stops_an_empty_load_and_the_reader_is_not_woken(played: Played) -> None:
    run_id = played.runs["rt_gate_empty"]
    assert played.finished["rt_gate_empty"]["state"] == "failed"
    tis = played.cluster.task_instances("rt_gate_empty", run_id)
    assert {t: ti["state"] for t, ti in tis.items()} == {"dbt_build": "success", "gate": "failed"}
    assert "guards_orders_empty' has 0 rows, fewer than 1; outlets not published" in played.cluster.task_log(
        "rt_gate_empty", run_id, "gate", 1
    )
    events = played.cluster.api("GET", "/api/v2/assets/events?source_dag_id=rt_gate_empty")["asset_events"]
    assert events == []
    assert played.reader_runs == [] and played.reader_queue == []


def test_clearing_an_old_dbt_build_run_replays_it_with_the_same_steadyflow_now(played: Played) -> None:
    assert played.replay_tries == [1, 2]
    assert [NOW_VAR.findall(c) for c in played.replay_fields] == [["2024-03-10 06:00:00"]] * 2
    run_id = played.runs["rt_replay"]
    logs = [played.cluster.task_log("rt_replay", run_id, "dbt_build", n) for n in (1, 2)]
    assert [sorted(set(NOW_VAR.findall(log))) for log in logs] == [["2024-03-10 06:00:00"]] * 2
    assert played.cluster.run("rt_replay", run_id)["state"] == "success"


def test_the_webhook_url_and_connection_passwords_appear_in_no_log_serialized_dag_or_api_response(
    played: Played,
) -> None:
    cluster, real = played.cluster, played.real
    # read every task log through the API (they join the responses scanned below)
    for dag_id in ALL_DAGS:
        for run in cluster.runs(dag_id):
            for task_id, ti in cluster.task_instances(dag_id, run["dag_run_id"]).items():
                for try_number in range(1, int(ti["try_number"]) + 1):
                    cluster.task_log(dag_id, run["dag_run_id"], task_id, try_number)
        cluster.api("GET", f"/api/v2/dags/{dag_id}/details")
        cluster.api("GET", f"/api/v2/dagSources/{dag_id}")
    serialized = [json.dumps(row[0]) for row in cluster.query("select data from serialized_dag")]
    assert len(serialized) >= len(ALL_DAGS)
    secrets = {"webhook token": real.webhook_token, "source password": real.source_password,
               "webhook URL": f"{real.webhook.url}/hooks"}  # fmt: skip
    places = {"task and component log files": cluster.process_log_text(), "serialized DAGs": "\n".join(serialized),
              "API responses": "\n".join(cluster.responses)}  # fmt: skip
    leaks = [(what, where) for what, secret in secrets.items() for where, text in places.items() if secret in text]
    assert leaks == []
    assert len(cluster.responses) > 50  # the scan read real answers


def test_every_component_listens_on_loopback_only_with_a_long_jwt_secret(played: Played) -> None:
    cluster = played.cluster
    leaders = [p.pid for p in cluster.processes.values()] + ([cluster.redis.process.pid] if cluster.redis else [])
    addresses = listening_addresses([pid for leader in leaders for pid in group_members(leader)])
    assert ("127.0.0.1", cluster.api_port) in addresses
    assert {address for address, _ in addresses} <= {"127.0.0.1", "::1"}, addresses
    env = cluster.env()
    assert len(env["AIRFLOW__API_AUTH__JWT_SECRET"]) >= 64
    assert env["AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"] == "False"
    expected = {"api-server", "scheduler", "dag-processor", "triggerer"}
    expected |= {"celery-worker"} if cluster.executor == "CeleryExecutor" else set()
    assert set(cluster.processes) == expected
    assert len({os.getpgid(p.pid) for p in cluster.processes.values()}) == len(expected)  # a group each
