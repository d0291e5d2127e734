"""`steadyflow lint` knows the deadline pitfalls of Airflow 3.3: a `deadline` measured from `logical_date`
never fires for a run that has no logical date (apache/airflow#71750: no Deadline row, only a warning
blaming a missing DagRun). Asset-triggered runs never have one (AIP-83), and neither do runs of a DAG
without a schedule that are triggered without `-l`; a manual run of a cron DAG may lack one too."""

from __future__ import annotations

from pathlib import Path

import pytest
from steadyflow.lint import lint_dir

from tests.airflow.conftest import EXAMPLES_DIR


def dag(dag_id: str, schedule: str | None, reference: str, *, deadline_in_defaults: bool = False) -> str:
    lines = [f"  - dag_id: {dag_id}", "    template: ingest", "    command: echo"]
    if schedule is not None:
        lines.append(f"    schedule: {schedule}")
    lines.append("    alerts:")
    lines.append("      webhook_conn_id: ops_webhook")
    if not deadline_in_defaults:
        lines.append(f"      deadline: {{reference: {reference}, after: 2h}}")
    return "\n".join(lines) + "\n"


PRODUCER = "  - dag_id: producer\n    template: ingest\n    command: echo\n    outlets: [raw.orders]\n"


def write(path: Path, *dags: str, head: str = "") -> Path:
    path.write_text(f"version: 1\n{head}dags:\n{PRODUCER}" + "".join(dags))
    return path


def deadline_findings(folder: Path) -> list[tuple[str, str, str]]:
    return [(f.severity, f.field, f.message) for f in lint_dir(folder).findings if "deadline" in f.message]


@pytest.mark.parametrize(
    ("schedule", "kind"),
    [
        ("[raw.orders]", "asset-scheduled"),
        ("{any: [raw.orders]}", "asset-scheduled"),
        ("{assets: [raw.orders], cron: '0 6 * * *'}", "asset-scheduled"),
        (None, "schedule-less"),
    ],
)
def test_a_logical_date_deadline_on_a_dag_whose_runs_have_no_logical_date_is_an_error(
    tmp_path: Path, schedule: str | None, kind: str
) -> None:
    spec = write(tmp_path / "late.yaml", dag("report", schedule, "logical_date"))
    report = lint_dir(tmp_path)
    (error,) = [f for f in report.errors if "deadline" in f.message]
    assert error.field == "dags[1].alerts.deadline.reference"
    assert (error.file, error.line) == (str(spec), 12 if schedule is None else 13)  # the `deadline:` line
    assert f"'report' is {kind}" in error.message
    assert "apache/airflow#71750" in error.message and "never fires" in error.message
    assert error.suggestion == "queued_at"
    assert error.format().endswith("(did you mean 'queued_at'?)")
    assert report.exit_code() == 1


def test_on_a_cron_dag_it_is_a_warning_because_only_its_manual_runs_may_lack_a_logical_date(tmp_path: Path) -> None:
    write(
        tmp_path / "cron.yaml",
        dag("nightly", "'0 6 * * *'", "logical_date"),
        dag("hourly", "'@hourly'", "logical_date"),
    )
    findings = deadline_findings(tmp_path)
    assert [(severity, field) for severity, field, _ in findings] == [
        ("warning", "dags[1].alerts.deadline.reference"),
        ("warning", "dags[2].alerts.deadline.reference"),
    ]
    assert all("manual run" in message and "apache/airflow#71750" in message for _, _, message in findings)
    assert lint_dir(tmp_path).exit_code() == 0
    assert lint_dir(tmp_path).exit_code(strict=True) == 1


@pytest.mark.parametrize("schedule", ["[raw.orders]", None, "'0 6 * * *'"])
def test_a_queued_at_deadline_is_fine_on_every_kind_of_dag(tmp_path: Path, schedule: str | None) -> None:
    write(tmp_path / "ok.yaml", dag("report", schedule, "queued_at"))
    assert deadline_findings(tmp_path) == []


def test_a_deadline_inherited_from_defaults_is_reported_for_each_dag_that_inherits_it(tmp_path: Path) -> None:
    head = (
        "defaults:\n  alerts:\n    webhook_conn_id: ops_webhook\n    deadline: {reference: logical_date, after: 1h}\n"
    )
    write(
        tmp_path / "inherited.yaml",
        dag("report", "[raw.orders]", "", deadline_in_defaults=True),
        dag("nightly", "'0 6 * * *'", "", deadline_in_defaults=True),
        head=head,
    )
    findings = deadline_findings(tmp_path)
    # the producer inherits it too (no schedule): an error; the asset DAG an error; the cron DAG a warning
    assert [(severity, field) for severity, field, _ in findings] == [
        ("error", "dags[0].alerts.deadline.reference"),
        ("error", "dags[1].alerts.deadline.reference"),
        ("warning", "dags[2].alerts.deadline.reference"),
    ]


def test_the_examples_have_no_deadline_pitfall() -> None:
    assert deadline_findings(EXAMPLES_DIR) == []
