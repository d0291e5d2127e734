"""The volume_drop_guard example of docs/guards.md, copied verbatim, on the model it implies: a stg_events with a
loaded_at timestamp and a region column (here the generated volume_events of one scenario). Clean data passes,
one region missing on the judged day warns (1 breaching bucket), a day with no rows fails (both regions)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.late_data.project_copy import project_copy
from tests.support.dbt import DbtProject
from tests.volume.support import PINNED_NOW

DOCS = Path(__file__).resolve().parents[2] / "docs" / "guards.md"
STG_EVENTS = """\
select region, event_at as loaded_at
from {{ ref('volume_events') }}
where scenario = '{{ var("docs_scenario", "clean") }}'
"""


def docs_example() -> str:
    section = DOCS.read_text().split("## `volume_drop_guard` (model)", 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert found, "no yaml example in the volume_drop_guard section of docs/guards.md"
    return found.group(1)


@pytest.mark.parametrize(
    "scenario, verdict",
    [("clean", ("pass", 0)), ("region_missing", ("warn", 1)), ("empty_latest", ("fail", 2))],
)
def test_the_docs_example_verbatim_passes_warns_and_fails(
    warehouse: DbtProject, tmp_path: Path, scenario: str, verdict: tuple[str, int]
) -> None:
    def add_example(project_dir: Path) -> None:
        folder = project_dir / "models" / "docs_example"
        folder.mkdir()
        (folder / "stg_events.sql").write_text(STG_EVENTS)
        (folder / "stg_events.yml").write_text("version: 2\n\n" + docs_example())

    project = project_copy(warehouse, tmp_path, add_example)
    vars = {**PINNED_NOW, "docs_scenario": scenario}
    project.dbt("run", "-s", "volume_events", "stg_events", vars=vars)

    result = project.dbt("test", "-s", "stg_events", vars=vars, expect=None)

    (name,) = result.statuses
    assert (result.statuses[name], result.failures[name]) == verdict
