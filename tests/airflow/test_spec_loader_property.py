"""Property: whatever YAML a spec file holds (nested structures, tags, anchors and aliases, merge keys,
odd unicode, bytes that are not UTF-8, wrong types for every key), `load_spec` either loads it or raises
`SpecError`, never anything else, and every issue names the file and a line inside it. The node budget
bounds what one example can cost; hypothesis's deadline catches an example that would not."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from steadyflow.specs import SpecError, load_spec

KEYS = [
    "version", "dags", "defaults", "dag_id", "template", "command", "select", "exclude", "vars", "schedule",
    "tags", "wait_for", "trigger", "start_date", "timeout", "poke_interval", "offset", "callable", "kwargs",
    "path", "alerts", "gate", "type", "conf", "<<", "ü", "dág_id", "=", "? x",
]  # fmt: skip
TAGS = [
    "!!python/object/apply:os.system ", "!!python/object/new:dict ", "!!python/name:os.system ", "!!binary ",
    "!!set ", "!!omap ", "!custom ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ",
    "!!map ", "!!seq ", "!!merge ", "! ", "!<tag:example.com,2000:x> ",
]  # fmt: skip
WORDS = [
    "ingest", "dbt_build", "backfill", "compaction", "echo hi", "run.sh", "2024-02-30", "2024-01-01",
    "2024-13-01 10:00:00", "0b_", "0x_", "1e999", ".nan", ".inf", "~", "yes", "{{ ds", "{{ ds }}", "${#a[@]}",
    "=", "@daily", "0 6 * * *", "30m", "-5", "<<", "PGPASSWORD=Wint3r psql", "https://u:p@host/x",
]  # fmt: skip


def _scalar_text(value: object, style: int) -> str:
    text = str(value)
    if style == 0:
        return text  # plain: may be YAML syntax of its own
    if style == 1:
        return json.dumps(text, ensure_ascii=False)  # double quoted
    return "'" + text.replace("'", "''") + "'"


scalars = st.builds(
    _scalar_text,
    st.one_of(
        st.sampled_from(WORDS),
        st.integers(-(10**30), 10**30),
        st.floats(),
        st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=6),  # odd unicode YAML allows
        st.text(max_size=3),  # and, now and then, control characters it does not
    ),
    st.integers(0, 2),
)


@st.composite
def decorated(draw: st.DrawFn, inner: str) -> str:
    """`inner` with, sometimes, a tag, an anchor, or replaced by an alias."""
    if draw(st.sampled_from([False] * 8 + [True])):  # aliases: defined by every spec-shaped document, or not
        return draw(st.sampled_from(["*text", "*list", "*base", "*undefined"]))
    anchor = f"&n{draw(st.integers(0, 10**9))} " if draw(st.sampled_from([False] * 5 + [True])) else ""
    tag = draw(st.sampled_from([""] * 12 + TAGS))
    return f"{anchor}{tag}{inner}"


def flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    keys = st.one_of(st.sampled_from(KEYS), scalars)
    sequences = st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
    mappings = st.lists(st.tuples(keys, children), max_size=4).map(
        lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    )
    return st.one_of(sequences, mappings).flatmap(decorated)


values = st.recursive(scalars.flatmap(decorated), flow, max_leaves=12)


@st.composite
def block(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    """A block mapping or list of spec-like keys, nested a few levels, values flow-style or nested blocks."""
    pad = " " * indent
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(KEYS))
        prefix = f"{pad}- " if draw(st.integers(0, 3)) == 0 else pad
        if depth < 3 and draw(st.booleans()):
            head = draw(st.sampled_from(["", "&a ", "&b ", "!!python/object/apply:os.system ", "!!map "]))
            lines.append(f"{prefix}{key}: {head}".rstrip())
            lines.append(draw(block(indent + draw(st.sampled_from([2, 4, 1])), depth + 1)))
        else:
            lines.append(f"{prefix}{key}: {draw(values)}")
    return "\n".join(lines)


#: Plausible values per DAG key, good and bad, so generated specs get past the parser into validation.
PLAUSIBLE = {
    "command": ["echo hi", "./load.sh", "'load {{ ds'", "'echo ${#rows[@]}'", "PGPASSWORD=Wint3r psql"],
    "select": ["[orders]", "['tag:{{ params.t }}']", "orders", "[1, 2]"],
    "vars": ["{day: '{{ ds }}'}", "{day: '{{ ds }'}", "{a: [1, 2]}", "{password: hunter2}"],
    "schedule": ["'@daily'", "'0 6 * * *'", "[orders.raw]", "{all: [a, {any: [b]}]}", "'@dialy'"],
    "wait_for": ["[{dag_id: up, offset: 0m}]", "[{dag_id: up, offset: 0m, timeout: 1m, poke_interval: 5m}]"],
    "start_date": ["2024-01-01", "2024-02-30", "2024-01-01T00:00:00+25:00", "yesterday"],
    "trigger": ["[down]", "[{dag_id: down, conf: {day: '{{ ds }}'}}]", "[{dag_id: down, conf: &c {a: *c}}]"],
    "tags": ["[a, b]", "!!python/object/apply:os.system [id]", "[\u202e, é, 日本]"],
    "retries": ["2", "-1", "'3'", "0x_", "!!int x", "1e999"],
}


@st.composite
def spec_shaped(draw: st.DrawFn) -> str:
    """`version`, maybe `defaults`, and 1-3 DAGs with a template and a few keys: plausible or generated values."""
    lines = ["version: 1"]
    if draw(st.booleans()):
        lines += ["defaults:", f"  {draw(st.sampled_from(['dbt', 'owner', 'retries', 'alerts']))}: {draw(values)}"]
    lines.append("dags:")
    for index in range(draw(st.integers(1, 3))):
        template = draw(st.sampled_from(["ingest", "dbt_build", "backfill", "compaction", "ingset"]))
        lines += [f"  - dag_id: dag_{index}", f"    template: {template}"]
        if index == 0:  # anchors the generated aliases can use: a string, a list, a mapping to merge
            lines += ["    description: &text 'odd \u202e unicode é 日本 \U0001f600'", "    tags: &list [a, b]"]
            lines += ["    <<: &base {retries: 1, owner: x}"]
        for key in draw(st.lists(st.sampled_from([*PLAUSIBLE, *KEYS]), max_size=4, unique=True)):
            value = draw(st.sampled_from(PLAUSIBLE[key])) if key in PLAUSIBLE and draw(st.booleans()) else draw(values)
            lines.append(f"    {key}: {value}")
    return "\n".join(lines)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    head = draw(st.sampled_from(["", "", "%YAML 1.1\n---\n", "%TAG !! tag:evil.com,2000:\n---\n"]))
    body = head + draw(st.one_of(spec_shaped(), spec_shaped(), block())) + "\n"
    raw = body.encode("utf-8", errors="surrogatepass")
    if draw(st.sampled_from([False] * 7 + [True])):  # odd bytes: invalid UTF-8, control characters, a BOM, a NUL
        cut = draw(st.integers(0, len(raw)))
        junk = draw(st.sampled_from([b"\xff", b"\xe9", b"\x07", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\x85"]))
        raw = raw[:cut] + junk + raw[cut:]
    return raw


def _a_good_spec() -> bytes:
    return b"version: 1\ndags:\n  - dag_id: orders_ingest\n    template: ingest\n    command: echo hi\n"


@settings(
    max_examples=300,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
    database=None,
)
@given(raw=st.one_of(documents(), st.just(_a_good_spec())))
def test_any_yaml_loads_or_raises_only_spec_errors_naming_file_and_line(tmp_path: Path, raw: bytes) -> None:
    spec = tmp_path / "generated.yaml"
    spec.write_bytes(raw)
    lines = raw.count(b"\n") + 1
    try:
        load_spec(spec)
    except SpecError as exc:
        assert exc.issues
        for issue in exc.issues:
            assert issue.file == str(spec), issue
            assert issue.line is not None and 1 <= issue.line <= lines, (issue, raw)


def test_merge_keys_follow_yaml_own_keys_win_and_no_duplicate_is_reported(tmp_path: Path) -> None:
    spec = tmp_path / "merged.yaml"
    spec.write_text(
        "version: 1\n"
        "dags:\n"
        "  - &base {dag_id: a_ingest, template: ingest, command: echo a, retries: 1}\n"
        "  - <<: *base\n"
        "    dag_id: b_ingest\n"
        "    retries: 3\n",
        encoding="utf-8",
    )
    a, b = load_spec(spec).spec.dags
    assert (a.dag_id, a.retries, b.dag_id, b.retries, b.command) == ("a_ingest", 1, "b_ingest", 3, "echo a")


@pytest.mark.parametrize(
    ("value", "message"),
    [("!!int x", "not a valid integer"), ("!!float x", "not a valid number"), ("0b_", "not a valid integer"),
     ("!!bool maybe", "not a valid boolean"), ("!!timestamp x", "not a valid date"), ("=", "quote it")],
)  # fmt: skip
def test_a_scalar_its_tag_cannot_construct_names_field_and_line_without_the_value(
    tmp_path: Path, value: str, message: str
) -> None:
    spec = tmp_path / "bad_scalar.yaml"
    spec.write_text(f"version: 1\ndags:\n  - dag_id: x\n    retries: {value}\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [(i.line, i.field) for i in caught.value.issues] == [(4, "dags[0].retries")], str(caught.value)
    assert message in str(caught.value)
