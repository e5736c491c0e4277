"""Prefect flows of countyreports (the only code that imports prefect)."""
