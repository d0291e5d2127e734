"""steadyflow registers as an Airflow provider, and registering costs nothing at import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import jsonschema
import steadyflow
from steadyflow.provider import NOTIFIER_CLASS, get_provider_info


def test_the_entry_point_returns_provider_info_valid_for_airflow() -> None:
    (ep,) = [ep for ep in entry_points(group="apache_airflow_provider") if ep.value.startswith("steadyflow.")]
    info = ep.load()()
    assert info == get_provider_info()
    assert info["package-name"] == "steadyflow"
    assert info["versions"] == [steadyflow.__version__]
    assert info["notifications"] == ["steadyflow.alerts.notifier.SteadyflowWebhookNotifier"] == [NOTIFIER_CLASS]
    import airflow

    schema = json.loads((Path(airflow.__file__).parent / "provider_info.schema.json").read_text())
    jsonschema.validate(info, schema)


def test_importing_the_provider_module_does_not_import_airflow() -> None:
    probe = "import sys, steadyflow.provider; print(sorted(m for m in sys.modules if m.split('.')[0] == 'airflow'))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_airflow_providers_list_shows_steadyflow(tmp_path: Path) -> None:
    env = {**os.environ, "AIRFLOW_HOME": str(tmp_path), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    airflow_cli = Path(sys.executable).with_name("airflow")
    done = subprocess.run(
        [str(airflow_cli), "providers", "list", "--output", "json"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    listed = {row["package_name"]: row for row in json.loads(done.stdout[done.stdout.index("[") :])}
    assert listed["steadyflow"]["version"] == steadyflow.__version__


def test_the_notifier_named_in_the_provider_info_is_importable() -> None:
    from airflow.sdk._shared.module_loading import import_string

    notifier = import_string(NOTIFIER_CLASS)
    assert notifier.__name__ == "SteadyflowWebhookNotifier"
