-- A table whose row count history (30 recorded runs) tests/volume/test_volume_history_accuracy.py writes for the
-- scenario clean. A view here, so the on-run-end hook never records it.
{{ config(materialized="view") }}
select 1 as id
