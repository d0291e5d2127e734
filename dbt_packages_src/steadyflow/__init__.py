"""steadyflow: reliable dbt + Airflow pipelines.

Importing this package is cheap: it imports nothing from Airflow or dbt. The Airflow-facing
pieces live in submodules and are imported only when used.
"""

__version__ = "0.1.0"
