"""The parts of the late-data benchmark (`benchmarks/bench_late_data.py` is the entry point): settings, data
generation inside DuckDB, dbt log parsing, timed runs, the scenarios and the report."""
