"""no_raw_pii on a committed labelled set, on DuckDB and PostgreSQL: the exact true and false positives per kind
(card with Luhn and network prefix, e-mail, IBAN with mod 97), each fixture test's failure count, the output
per column and kind without any value, one pass over the table, and clear errors for bad arguments."""

from __future__ import annotations

import json
import re

import pytest

from tests.privacy.labelled_set import DIGITS_ONLY, KINDS, Score, samples, score, score_from_counts
from tests.privacy.support import logged_by
from tests.support.dbt import REPO_ROOT, DbtProject, query

SELECTION = ("-s", "privacy_pii_labelled", "privacy_pii_by_label", "privacy_raw_dump")
# no_raw_pii on the labelled set: every card, e-mail and IBAN found; one order number that passes Luhn with a
# Visa prefix (4839 ...) and one image name (logo@2x.png) are the false positives
EXPECTED = {
    "card": Score(true_positives=10, false_positives=1, false_negatives=0),
    "email": Score(true_positives=5, false_positives=1, false_negatives=0),
    "iban": Score(true_positives=4, false_positives=0, false_negatives=0),
}
# the digits-only pattern on the same values (card kind only: it cannot see e-mails or IBANs)
EXPECTED_DIGITS_ONLY = Score(true_positives=3, false_positives=10, false_negatives=7)


def audit_rows(project: DbtProject, test_name: str) -> list[tuple[object, ...]]:
    schema = f"{project.schema or 'main'}_dbt_test__audit"
    return query(project, f'select column_name, pii_kind, values_found from "{schema}"."{test_name}" order by 1, 2')


@pytest.fixture
def built(warehouse: DbtProject) -> DbtProject:
    warehouse.dbt("build", *SELECTION, "--store-failures")
    return warehouse


def test_the_labelled_set_gives_the_exact_true_and_false_positives_per_kind(built: DbtProject) -> None:
    rows = audit_rows(built, "privacy_no_raw_pii_labelled")
    counts = {(str(column), str(kind)): int(str(n)) for column, kind, n in rows}

    assert counts == {
        ("cards", "card"): 10,
        ("emails", "email"): 5,
        ("ibans", "iban"): 4,
        ("look_alikes", "card"): 1,
        ("look_alikes", "email"): 1,
    }
    assert {kind: score_from_counts(kind, counts) for kind in KINDS} == EXPECTED


def test_each_fixture_test_fails_with_its_expected_count(built: DbtProject) -> None:
    manifest = json.loads((built.work_dir / "target" / "manifest.json").read_text())
    expected = {
        node["name"]: node["config"]["meta"]["expected_failures"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and node["name"].startswith("privacy_no_raw_pii")
    }
    results = built.run_results()["results"]
    got = {r["unique_id"].split(".")[2]: r["failures"] for r in results if r["unique_id"].startswith("test.")}

    assert (
        got
        == expected
        == {
            "privacy_no_raw_pii_labelled": 21,
            "privacy_no_raw_pii_descriptions": 0,
            "privacy_no_raw_pii_ibans_only": 4,
            "privacy_no_raw_pii_where": 5,
            "privacy_no_raw_pii_json_dump": 3,
        }
    )
    assert audit_rows(built, "privacy_no_raw_pii_json_dump") == [("payload", "card", 2), ("payload", "email", 1)]


def test_the_output_names_columns_and_kinds_never_a_value(built: DbtProject) -> None:
    """What a test reports (its stored failures, its run result and message, its compiled SQL) holds no value."""
    tests = [r for r in built.run_results()["results"] if r["unique_id"].startswith("test.")]
    seen = json.dumps([audit_rows(built, "privacy_no_raw_pii_labelled"), tests], default=str)
    seen += "".join(p.read_text() for p in (built.work_dir / "target" / "compiled").rglob("privacy_no_raw_pii_*.sql"))

    assert [value for label, value in samples() if label != "none" and value in seen] == []


def test_the_table_is_read_in_one_pass(built: DbtProject) -> None:
    compiled = next((built.work_dir / "target" / "compiled").rglob("privacy_no_raw_pii_labelled.sql")).read_text()

    assert len(re.findall(r"\bfrom\s+\S*privacy_pii_by_label\b", compiled)) == 1


def test_a_digits_only_pattern_misses_separated_cards_and_flags_ids() -> None:
    assert score("card", lambda v: bool(DIGITS_ONLY.search(v))) == EXPECTED_DIGITS_ONLY


def test_the_docs_table_shows_these_counts() -> None:
    page = (REPO_ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    rows = {
        (m.group(1), m.group(2)): tuple(int(m.group(i)) for i in (3, 4, 5))
        for m in re.finditer(r"^\| (card|email|iban) \| ([^|]+?) \| (\d+) \| (\d+) \| (\d+) \|", page, flags=re.M)
    }
    want = {(kind, "`steadyflow.no_raw_pii`"): tuple(vars(s).values()) for kind, s in EXPECTED.items()}
    want[("card", "digits only, `[0-9]{13,19}`")] = tuple(vars(EXPECTED_DIGITS_ONLY).values())
    assert rows == want


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"kinds": ["card", "phone"]},
            'steadyflow.no_raw_pii: argument `kinds` must list only card, email, iban, got ["card", "phone"]',
        ),
        (
            {"columns": "cards; drop table x"},
            'steadyflow.no_raw_pii: argument `columns` must list plain column names, got "cards; drop table x"',
        ),
        (
            {"columns": ["card_numbers"]},
            "steadyflow.no_raw_pii: argument `columns` must name columns of privacy_pii_by_label (it has ",
        ),
        (
            {"column_name": "cards"},
            "steadyflow.no_raw_pii is a model test, but it is attached to column cards of model privacy_pii_by_label",
        ),
    ],
)
def test_a_bad_argument_is_a_compile_error_naming_it(
    built: DbtProject, arguments: dict[str, object], message: str
) -> None:
    call = "{{ steadyflow.test_no_raw_pii(model=ref('privacy_pii_by_label'), **" + json.dumps(arguments) + ") }}"
    assert message in logged_by(built, "compile", "--inline", call)
