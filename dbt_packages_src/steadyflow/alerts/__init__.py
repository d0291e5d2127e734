"""Runtime alerts: failure/retry notices and deadline callbacks posted to a Slack-compatible webhook.

The webhook URL always comes from an Airflow connection (so from the configured secrets backend);
nothing here reads a URL or token from a DAG spec. Submodules import Airflow lazily where they can,
so `import steadyflow.alerts` stays cheap.
"""
