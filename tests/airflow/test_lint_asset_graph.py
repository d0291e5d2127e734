"""`steadyflow lint` across a folder: asset cycles are errors naming the cycle, every finding carries the
loader's "did you mean", and assets shared with hand-written DAGs can be declared (`external_assets:`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from steadyflow.lint import lint_dir
from steadyflow.specs import SpecError, SpecIssue, load_spec

from tests.airflow.conftest import EXAMPLES_DIR, load_dagbag, make_dag_folder


def ingest(dag_id: str, schedule: str, outlets: str) -> str:
    return (
        f"  - dag_id: {dag_id}\n    template: ingest\n    command: echo\n"
        f"    schedule: {schedule}\n    outlets: {outlets}\n"
    )


def write(path: Path, *dags: str, head: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"version: 1\n{head}dags:\n" + "".join(dags))
    return path


# --- (a) asset cycles ------------------------------------------------------------------------------


def test_two_dags_waiting_for_each_others_asset_are_one_error_naming_the_cycle(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", ingest("dag_a", "[asset.y]", "[asset.x]"))
    write(tmp_path / "b.yaml", ingest("dag_b", "[asset.x]", "[asset.y]"))
    report = lint_dir(tmp_path)
    (error,) = report.errors
    assert "asset cycle dag_a -> asset.x -> dag_b -> asset.y -> dag_a" in error.message
    assert (error.file, error.line, error.field) == (str(tmp_path / "a.yaml"), 6, "dags[0].schedule[0]")
    assert report.exit_code() == 1


def test_a_cycle_through_nested_any_and_assets_or_time_schedules_is_found(tmp_path: Path) -> None:
    write(
        tmp_path / "three.yaml",
        ingest("load", "{assets: {any: [raw.x, {all: [mart.z]}]}, cron: '@daily'}", "[raw.y]"),
        ingest("build", "[raw.y]", "[mart.z]"),
        ingest("other", "'@daily'", "[raw.x]"),
    )
    (error,) = lint_dir(tmp_path).errors
    assert "asset cycle build -> mart.z -> load -> raw.y -> build" in error.message
    assert error.field == "dags[1].schedule[0]"


def test_a_dag_waiting_for_its_own_outlet_is_a_cycle(tmp_path: Path) -> None:
    write(tmp_path / "self.yaml", ingest("loop", "[t.x]", "[t.x]"))
    (error,) = lint_dir(tmp_path).errors
    assert "asset cycle loop -> t.x -> loop" in error.message


def test_the_examples_have_no_cycle_and_a_chain_is_not_one(tmp_path: Path) -> None:
    write(tmp_path / "chain.yaml", ingest("a", "'@daily'", "[x]"), ingest("b", "[x]", "[y]"), ingest("c", "[y]", "[]"))
    assert lint_dir(tmp_path).errors == []
    assert lint_dir(EXAMPLES_DIR).errors == []


# --- (b) the same "did you mean" as the loader -----------------------------------------------------


def test_lint_findings_are_spec_issues_and_keep_the_loaders_suggestion(tmp_path: Path) -> None:
    spec = tmp_path / "typo.yaml"
    spec.write_text("dags:\n  - dag_id: a\n    template: ingest\n    comand: echo\n")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    (loader_issue,) = caught.value.issues
    (finding,) = lint_dir(spec).errors
    assert isinstance(finding, SpecIssue) and finding.severity == "error"
    assert finding.suggestion == loader_issue.suggestion == "command"
    assert finding.format() == f"{spec}:4:5: error: dags[0].comand: unknown key 'comand' (did you mean 'command'?)"


def test_a_trigger_or_wait_for_of_an_unknown_dag_suggests_the_nearest_dag_id(tmp_path: Path) -> None:
    folder = make_dag_folder(tmp_path / "specs", sorted(EXAMPLES_DIR.glob("*.yaml")))
    write(
        folder / "typos.yaml",
        "  - dag_id: nightly\n    template: ingest\n    command: echo\n    trigger: [orders_repot]\n"
        "    wait_for: [{dag_id: orders_bild, offset: 0m}]\n",
    )
    report = lint_dir(folder)
    assert report.errors == []
    unknown = [w for w in report.warnings if "no spec defines" in w.message]
    assert [(w.field, w.suggestion) for w in unknown] == [
        ("dags[0].trigger[0]", "orders_report"),
        ("dags[0].wait_for[0]", "orders_build"),
    ]
    assert unknown[0].format().endswith("(did you mean 'orders_report'?)")


def test_schedule_under_defaults_is_refused_without_suggesting_schedule_itself(tmp_path: Path) -> None:
    spec = write(tmp_path / "d.yaml", ingest("a", "'@daily'", "[]"), head="defaults:\n  schedule: '@daily'\n")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    (issue,) = caught.value.issues
    assert (issue.line, issue.field) == (3, "defaults.schedule")
    assert issue.suggestion != "schedule"
    assert "set it on each DAG" in issue.message
    (finding,) = lint_dir(spec).errors
    assert finding.suggestion == issue.suggestion and finding.message == issue.message


def test_an_unknown_asset_suggests_the_nearest_produced_one(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", ingest("up", "'@daily'", "[raw.customers]"), ingest("down", "[raw.custmers]", "[]"))
    (error,) = lint_dir(tmp_path).errors
    assert error.suggestion == "raw.customers"
    assert error.format().endswith("this DAG would wait forever (did you mean 'raw.customers'?)")


# --- (c) partial adoption: assets of hand-written DAGs ---------------------------------------------


EXTERNAL = "external_assets:\n  produced: [legacy.events]\n  consumed: [marts.orders]\n"


def test_declared_external_assets_silence_the_unknown_asset_error_and_the_terminal_warning(tmp_path: Path) -> None:
    consumer = ingest("uses_legacy", "[legacy.events]", "[marts.orders]")
    write(tmp_path / "without.yaml", consumer)
    before = lint_dir(tmp_path)
    assert [(f.severity, f.field) for f in before.findings] == [
        ("error", "dags[0].schedule[0]"),
        ("warning", "dags[0].outlets[0]"),
    ]
    write(tmp_path / "without.yaml", consumer, head=EXTERNAL)
    assert lint_dir(tmp_path).findings == []


def test_external_assets_declared_in_one_file_count_for_the_whole_folder(tmp_path: Path) -> None:
    write(tmp_path / "a_consumer.yaml", ingest("uses_legacy", "[legacy.events]", "[marts.orders]"))
    write(tmp_path / "b_declarations.yaml", ingest("other", "'@daily'", "[]"), head=EXTERNAL)
    assert lint_dir(tmp_path).findings == []


def test_an_external_asset_name_is_validated_like_an_outlet(tmp_path: Path) -> None:
    spec = write(
        tmp_path / "bad.yaml", ingest("a", "'@daily'", "[]"), head="external_assets:\n  produced: [has space]\n"
    )
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    (issue,) = caught.value.issues
    assert (issue.line, issue.field) == (3, "external_assets.produced[0]")


def test_a_spec_declaring_external_assets_loads_the_same_dags(tmp_path: Path) -> None:
    spec = write(
        tmp_path / "specs" / "x.yaml", ingest("uses_legacy", "[legacy.events]", "[marts.orders]"), head=EXTERNAL
    )
    folder = make_dag_folder(tmp_path / "dags", [spec])
    bag: Any = load_dagbag(folder)
    assert bag.import_errors == {}
    assert bag.dag_ids == ["uses_legacy"]


# --- lint reads the validated models ---------------------------------------------------------------


def test_the_schedule_model_gives_each_consumed_asset_with_its_path(tmp_path: Path) -> None:
    from steadyflow.specs.schedule import asset_paths, consumed_assets

    spec = write(tmp_path / "s.yaml", ingest("s", "{assets: {any: [a, {all: [b, c]}]}, cron: '@daily'}", "[]"))
    schedule = load_spec(spec).spec.dags[0].schedule
    assert asset_paths(schedule) == [
        ("a", ("assets", "any", 0)),
        ("b", ("assets", "any", 1, "all", 0)),
        ("c", ("assets", "any", 1, "all", 1)),
    ]
    assert consumed_assets(schedule) == ["a", "b", "c"]


def test_lint_on_a_copy_of_the_examples_matches_lint_on_the_examples(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES_DIR, tmp_path / "copy")
    ours = [(f.severity, Path(f.file).name, f.line, f.field, f.message) for f in lint_dir(tmp_path / "copy").findings]
    theirs = [(f.severity, Path(f.file).name, f.line, f.field, f.message) for f in lint_dir(EXAMPLES_DIR).findings]
    assert ours == theirs and len(ours) == 1
