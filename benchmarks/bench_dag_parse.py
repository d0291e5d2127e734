"""Parse cost of DAGs from steadyflow specs, against the same DAGs hand-written in Python (the floor),
the same specs rendered to Python by `steadyflow render`, and dag-factory 1.1.0 on equivalent YAML.

1,000 DAGs of three tasks each (`dbt run` >> `dbt test` >> gate publishing an Asset), 10 DAGs per
file, parsed by a real `DagBag` in a fresh interpreter per measurement (so no module is cached
between runs); measurements of the four variants are interleaved and the median CPU time of the
parsing process is reported (wall time too, but other work on a shared machine inflates it).

dag-factory is installed only for this benchmark, into its own venv under .bench/ that sees the
project's pinned Airflow through a .pth file (`pip install --no-deps dag-factory==1.1.0`; its other
requirements, packaging/pathspec/pyyaml/typer, are in constraints.txt). Its telemetry is switched off.

Run: `make bench`, or `.venv/bin/python -m benchmarks.bench_dag_parse [--dags N] [--repeat R]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO / ".bench"
DF_VENV = BENCH_DIR / "dagfactory-venv"
DF_VERSION = "1.1.0"
DOCS = REPO / "docs" / "benchmarks.md"
DAGS_PER_FILE = 10
PROJECT = {"project_dir": "integration_tests", "profiles_dir": "integration_tests", "target": "duckdb"}


def _cmd(step: str, i: int) -> str:
    root = 'cd "${STEADYFLOW_DBT_ROOT:?set STEADYFLOW_DBT_ROOT to the folder that holds the dbt project}"'
    args = "--project-dir integration_tests --profiles-dir integration_tests --target duckdb"
    select = f"--select tag:tg_{i}" if step != "gate" else f"--select tag:guards_{i}"
    return f"{root} && dbt {'test' if step == 'gate' else step} {args} {select}"


# ---------------------------------------------------------------- generators (one per variant)


def write_specs(folder: Path, n: int) -> None:
    """steadyflow: one spec per 10 DAGs, plus a loader .py per spec."""
    from steadyflow.loader import write_loaders

    folder.mkdir(parents=True)
    for f in range(0, n, DAGS_PER_FILE):
        lines = ["version: 1", "defaults:", "  owner: bench", "  dbt:"]
        lines += [f"    {k}: {v}" for k, v in PROJECT.items()]
        lines.append("dags:")
        for i in range(f, min(f + DAGS_PER_FILE, n)):
            lines += [
                f"  - dag_id: bench_{i:04d}",
                "    template: dbt_build",
                '    schedule: "@daily"',
                "    mode: run_test",
                f"    select: ['tag:tg_{i}']",
                f"    gate: {{type: dbt_test, select: ['tag:guards_{i}']}}",
                f"    outlets: [bench.asset_{i:04d}]",
            ]
        (folder / f"bench_{f // DAGS_PER_FILE:03d}.yaml").write_text("\n".join(lines) + "\n")
    write_loaders(folder)


def write_python(folder: Path, n: int) -> None:
    """The floor: the same DAGs written by hand in Python."""
    folder.mkdir(parents=True)
    for f in range(0, n, DAGS_PER_FILE):
        out = [
            '"""Hand-written Airflow DAGs (benchmark floor)."""',
            "from datetime import timedelta",
            "",
            "import pendulum",
            "from airflow.providers.standard.operators.bash import BashOperator",
            "from airflow.sdk import DAG, Asset",
            "",
            "DEFAULT_ARGS = {",
            '    "owner": "bench",',
            '    "retries": 2,',
            '    "retry_delay": timedelta(minutes=5),',
            '    "execution_timeout": timedelta(hours=1),',
            "}",
        ]
        for i in range(f, min(f + DAGS_PER_FILE, n)):
            out += textwrap.dedent(f"""
                with DAG(
                    dag_id="bench_{i:04d}",
                    schedule="@daily",
                    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
                    catchup=False,
                    max_active_runs=1,
                    default_args=DEFAULT_ARGS,
                ) as dag_{i}:
                    run = BashOperator(task_id="dbt_run", bash_command={_cmd("run", i)!r})
                    test = BashOperator(task_id="dbt_test", bash_command={_cmd("test", i)!r})
                    gate = BashOperator(task_id="gate", bash_command={_cmd("gate", i)!r},
                                        outlets=[Asset("bench.asset_{i:04d}")])
                    run >> test >> gate
                """).splitlines()
        (folder / f"bench_{f // DAGS_PER_FILE:03d}.py").write_text("\n".join(out) + "\n")


def write_dagfactory(folder: Path, n: int) -> None:
    """dag-factory 1.1.0: equivalent YAML (same operators, commands, retries, timeouts, Assets)."""
    import yaml

    folder.mkdir(parents=True)
    configs = folder.parent / "dagfactory_configs"
    configs.mkdir()
    bash = "airflow.providers.standard.operators.bash.BashOperator"
    for f in range(0, n, DAGS_PER_FILE):
        doc: dict[str, object] = {
            "default": {
                "default_args": {
                    "owner": "bench",
                    "retries": 2,
                    "retry_delay": {"__type__": "datetime.timedelta", "minutes": 5},
                    "execution_timeout": {"__type__": "datetime.timedelta", "hours": 1},
                    "start_date": "2024-01-01",
                },
                "schedule": "@daily",
                "catchup": False,
                "max_active_runs": 1,
            }
        }
        for i in range(f, min(f + DAGS_PER_FILE, n)):
            doc[f"bench_{i:04d}"] = {
                "tasks": [
                    {"task_id": "dbt_run", "operator": bash, "bash_command": _cmd("run", i)},
                    {
                        "task_id": "dbt_test",
                        "operator": bash,
                        "bash_command": _cmd("test", i),
                        "dependencies": ["dbt_run"],
                    },
                    {
                        "task_id": "gate",
                        "operator": bash,
                        "bash_command": _cmd("gate", i),
                        "dependencies": ["dbt_test"],
                        "outlets": [f"bench.asset_{i:04d}"],
                    },
                ]
            }
        config = configs / f"bench_{f // DAGS_PER_FILE:03d}.yml"
        config.write_text(yaml.safe_dump(doc, sort_keys=False))
        (folder / f"bench_{f // DAGS_PER_FILE:03d}.py").write_text(
            '"""dag-factory airflow DAG loader (benchmark)."""\n'
            "from dagfactory import load_yaml_dags\n\n"
            f"load_yaml_dags(globals_dict=globals(), config_filepath={str(config)!r})\n"
        )


# ---------------------------------------------------------------- dag-factory's own venv


def ensure_dagfactory_python() -> Path:
    """A venv under .bench/ with dag-factory 1.1.0, sharing the project's pinned Airflow."""
    python = DF_VENV / "bin" / "python"
    stamp = DF_VENV / f".dag-factory-{DF_VERSION}"
    if stamp.exists():
        return python
    shutil.rmtree(DF_VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(DF_VENV)], check=True)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # addsitedir (not a bare path) so the pinned set's own .pth files, e.g. the editable steadyflow, apply too
    pinned = sysconfig.get_paths()["purelib"]
    (Path(site) / "steadyflow_pinned_set.pth").write_text(f"import site; site.addsitedir({pinned!r})\n")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--no-deps", "-c", str(REPO / "constraints.txt"), f"dag-factory=={DF_VERSION}"], check=True)
    subprocess.run([str(python), "-c", "import dagfactory, pathspec, typer, airflow"], check=True)
    stamp.touch()
    return python


# ---------------------------------------------------------------- measurement

PROBE = """
import json, pathlib, sys, time
from airflow.dag_processing.dagbag import DagBag
folder = sys.argv[1]
w0, c0 = time.perf_counter(), time.process_time()
bag = DagBag(dag_folder=folder, bundle_path=pathlib.Path(folder))
w1, c1 = time.perf_counter(), time.process_time()
print("@@" + json.dumps({"seconds": c1 - c0, "wall": w1 - w0, "dags": len(bag.dags),
      "tasks": sum(len(d.tasks) for d in bag.dags.values()), "errors": len(bag.import_errors),
      "first_error": next(iter(bag.import_errors.values()), "")[-600:]}))
"""


def measure(python: Path, folder: Path, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([str(python), "-c", PROBE, str(folder)], env=env, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("@@")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"parse of {folder} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(lines[-1][2:])
    return result


def run(n: int, repeat: int) -> dict[str, dict[str, float]]:
    work = BENCH_DIR / "dag_parse"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    folders = {
        "hand-written Python (floor)": work / "python",
        "steadyflow specs (YAML loader)": work / "steadyflow",
        "steadyflow render (Python)": work / "rendered",
        f"dag-factory {DF_VERSION}": work / "dagfactory",
    }
    write_python(folders["hand-written Python (floor)"], n)
    write_specs(folders["steadyflow specs (YAML loader)"], n)
    from steadyflow.render import render_dir

    render_dir(folders["steadyflow specs (YAML loader)"], folders["steadyflow render (Python)"])
    write_dagfactory(folders[f"dag-factory {DF_VERSION}"], n)
    pythons = {name: Path(sys.executable) for name in folders}
    pythons[f"dag-factory {DF_VERSION}"] = ensure_dagfactory_python()

    home = Path(tempfile.mkdtemp(prefix="bench-airflow-home-"))
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "0",
        "AIRFLOW__DAG_FACTORY__ENABLE_TELEMETRY": "False",
        "DO_NOT_TRACK": "1",
        "SCARF_NO_ANALYTICS": "1",
    }
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in folders}
    try:
        for _ in range(repeat):
            for name, folder in folders.items():
                sample = measure(pythons[name], folder, env)
                if sample["dags"] != n or sample["tasks"] != 3 * n or sample["errors"]:
                    raise RuntimeError(f"{name}: expected {n} DAGs / {3 * n} tasks, got {sample}")
                samples[name].append(sample)
                print(f"  {name:32s} cpu {sample['seconds']:6.2f}s  wall {sample['wall']:6.2f}s")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {
        name: {
            "seconds": statistics.median(s["seconds"] for s in runs),
            "wall": statistics.median(s["wall"] for s in runs),
            "dags": runs[0]["dags"],
            "tasks": runs[0]["tasks"],
        }
        for name, runs in samples.items()
    }


def write_docs(results: dict[str, dict[str, float]], n: int, repeat: int) -> str:
    floor = results["hand-written Python (floor)"]["seconds"]
    spec = results["steadyflow specs (YAML loader)"]["seconds"]
    dagfactory = results[f"dag-factory {DF_VERSION}"]["seconds"]
    rows = [
        f"| {name} | {r['seconds']:.2f} | {r['seconds'] / floor:.2f}x | {1000 * r['seconds'] / n:.2f} "
        f"| {r['wall']:.2f} |"
        for name, r in results.items()
    ]
    section = "\n".join(
        [
            "<!-- section:airflow -->",
            "## Airflow: DAG parse cost (`benchmarks/bench_dag_parse.py`)",
            "",
            f"{n:,} DAGs of three tasks each (`dbt run` >> `dbt test` >> gate publishing an Asset), "
            f"{DAGS_PER_FILE} DAGs per file, parsed by one `DagBag` in a fresh interpreter; median of {repeat} "
            "interleaved runs. Times are the parsing process's CPU time (robust on a shared machine; wall "
            "time beside it), Airflow's own import excluded.",
            "",
            "| variant | DagBag CPU s | vs hand-written | CPU ms per DAG | wall s |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            f"- steadyflow specs / hand-written floor: **{spec / floor:.2f}x** (target: at most 1.5x)",
            f"- dag-factory {DF_VERSION} / steadyflow specs: **{dagfactory / spec:.2f}x** (target: at least 3x)",
            "",
            "Reproduce: `make bench` or `.venv/bin/python -m benchmarks.bench_dag_parse`. dag-factory is installed "
            "only into `.bench/dagfactory-venv` (it shares the pinned Airflow), with telemetry off.",
            "<!-- /section:airflow -->",
        ]
    )
    text = DOCS.read_text()
    start, end = text.index("<!-- section:airflow -->"), text.index("<!-- /section:airflow -->")
    DOCS.write_text(text[:start] + section + text[end + len("<!-- /section:airflow -->") :])
    return section


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dags", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-docs", action="store_true", help="print, do not write docs/benchmarks.md")
    args = parser.parse_args(argv if argv is not None else [])
    results = run(args.dags, args.repeat)
    if args.no_docs:
        print(json.dumps(results, indent=2))
    else:
        print(write_docs(results, args.dags, args.repeat))


if __name__ == "__main__":
    main(sys.argv[1:])
