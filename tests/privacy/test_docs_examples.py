"""The examples of docs/privacy.md are the fixtures the privacy tests run (tests/docs compiles every block)."""

from __future__ import annotations

from tests.docs.pages import code_blocks
from tests.support.dbt import INTEGRATION_DIR, REPO_ROOT

PAGE = REPO_ROOT / "docs" / "privacy.md"
MODELS = INTEGRATION_DIR / "models" / "privacy"


def test_the_hash_pii_example_is_the_model_the_tests_build() -> None:
    sql = [b.text for b in code_blocks(PAGE, "sql")]
    assert (MODELS / "privacy_customers_hashed.sql").read_text(encoding="utf-8") in sql


def test_the_row_filter_example_is_the_model_the_tests_build_without_its_enabled_switch() -> None:
    fixture = (MODELS / "privacy_sales_filtered.sql").read_text(encoding="utf-8")
    shown = fixture.replace("    enabled=var('steadyflow_row_filter_fixtures', false),\n", "")
    assert shown != fixture and shown in [b.text for b in code_blocks(PAGE, "sql")]


def test_the_purge_commands_are_the_ones_the_tests_run() -> None:
    from tests.privacy.test_purge import PURGE_42

    shell = [b.text.strip() for b in code_blocks(PAGE, "sh")]
    assert shell[0] == f'steadyflow purge {PURGE_42[0]} --where "{PURGE_42[2]}" --downstream'
    assert '"relations": ["privacy_orders_raw"], "where": "customer_id = 42", "downstream": true' in shell[1]
